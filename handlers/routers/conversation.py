"""Free text: triage it, record the assessment, and put the conversation in front of a human."""

from __future__ import annotations

from content.languages import SUPPORTED_LANGUAGES as SUPPORTED
from core.levels import Level
from core.models import Assessment
from escalation.imminent import maybe_raise_imminent_harm
from escalation.queue import place_in_queue, policy_from_settings, raise_level
from escalation.triage import get_triage
from handlers.turn import Turn


async def conversation_router(turn: Turn) -> bool:
    text = turn.inbound.text if turn.inbound.kind == "text" else ""
    assessment = get_triage().assess(text, turn.language if turn.contact.language else None)
    turn.session.add(
        Assessment(
            conversation_id=turn.conversation.id,
            message_id=turn.message.id,
            level=assessment.level.value,
            categories=list(assessment.categories),
            rules=list(assessment.rules),
            lexicon_version=assessment.lexicon_version,
            created_at=turn.now,
        )
    )
    if turn.conversation.language is None and turn.contact.language is None and assessment.language in SUPPORTED:
        # Route by the language the person writes in when they have not chosen one; a phone's interface language
        # (Telegram's language_code) often differs from it.
        turn.conversation.language = assessment.language
    enqueue_at_level(turn, assessment.level, categories=assessment.categories)
    await maybe_raise_imminent_harm(turn, assessment)  # critical → L4 now (escalation/imminent.py)
    if turn.inbound.kind == "media":
        turn.send_reply("media_unsupported")
    return True


def enqueue_at_level(turn: Turn, level: Level, *, categories: tuple[str, ...] = ()) -> None:
    """Raise the conversation to at least `level` and keep it waiting for a human."""
    conversation = turn.conversation
    before = conversation.level
    new_level = raise_level(conversation.level, level)
    conversation.categories = sorted(set(conversation.categories) | set(categories))
    if conversation.language is None:
        conversation.language = turn.language
    settings = turn.services.settings
    policy = policy_from_settings(settings.queue_sla_minutes, settings.queue_aging_bound_minutes)
    place_in_queue(conversation, level=new_level, now=turn.now, policy=policy)
    turn.publish("queue.changed", level=new_level.value)
    if new_level.rank < Level(before).rank:
        turn.publish("conversation.raised", level=new_level.value)


ROUTING_FAILED_RULE = "system.routing_failed"


def queue_unread_message(turn: Turn) -> None:
    """When the routers failed on a message: keep it in front of a human at high, and say why in the console."""
    turn.session.add(
        Assessment(
            conversation_id=turn.conversation.id,
            message_id=turn.message.id,
            level=Level.HIGH.value,
            categories=[],
            rules=[ROUTING_FAILED_RULE],
            lexicon_version="-",
            created_at=turn.now,
        )
    )
    if turn.conversation.status in ("closed", "stopped"):
        turn.conversation.status = "open"
    enqueue_at_level(turn, Level.HIGH)
