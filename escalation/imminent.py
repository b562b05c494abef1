"""The imminent-harm path (L4): emergency contacts at once, every supervisor on duty paged, minutes to act."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.channels import OutboundPayload
from core.crypto import DecryptionError
from core.events import Event
from core.levels import Level
from core.models import Contact, Conversation, Escalation, Message
from core.outbox import body_context, enqueue_outbound
from core.services import Services


class TurnLike(Protocol):
    """What the hook reads from handlers.turn.Turn (escalation never imports handlers)."""

    session: AsyncSession
    services: Services
    contact: Contact
    conversation: Conversation
    now: datetime
    events: list[Event]


class AssessmentLike(Protocol):
    @property
    def level(self) -> Level: ...


async def maybe_raise_imminent_harm(turn: TurnLike, assessment: AssessmentLike) -> bool:
    """Called by the conversation router after triage: a critical message raises L4 at once.

    Runs inside the turn's transaction, so the escalation, the emergency contacts and the pages commit with the
    message that caused them; the events go out with the turn's own after commit.
    """
    from escalation.protocol import raise_in_session

    if assessment.level is not Level.CRITICAL or turn.conversation.status in ("stopped", "closed"):
        return False
    _escalation, events = await raise_in_session(
        turn.session,
        turn.services,
        turn.conversation,
        level="L4",
        reason_code="triage_critical",
        staff=None,
        now=turn.now,
    )
    turn.events.extend(events)
    if hasattr(turn, "emergency_sent"):
        # Whether we sent them or found them queued, later routers must not send the numbers again.
        setattr(turn, "emergency_sent", True)  # noqa: B010 — not part of TurnLike, which escalation/ pins
    return True


async def start_imminent_harm_path(
    session: AsyncSession, services: Services, conversation: Conversation, escalation: Escalation, *, now: datetime
) -> list[Event]:
    from escalation.protocol import requeue_critical
    from escalation.watchdog import page_all_on_duty

    contact = await session.get_one(Contact, conversation.contact_id)
    await send_emergency_contacts_once(session, services, conversation, contact, now=now)
    if conversation.assignee_id is None and conversation.status in ("open", "waiting"):
        requeue_critical(services, conversation, now=now)
    else:
        conversation.level = Level.CRITICAL.value
    return await page_all_on_duty(session, escalation, reason_code="raised", now=now)


def emergency_text(conversation: Conversation, contact: Contact) -> tuple[str, list[str]]:
    from content.emergency import emergency_contacts
    from content.render import get_catalog

    lang = conversation.language or contact.language or "en"
    contacts = emergency_contacts(lang, contact.area)
    text = get_catalog().render("emergency_contacts", lang, contacts=contacts)
    return text, [c.phone for c in contacts]


async def send_emergency_contacts_once(
    session: AsyncSession, services: Services, conversation: Conversation, contact: Contact, *, now: datetime
) -> bool:
    """Queue the emergency numbers unless this turn (or the last minutes) already queued them.

    The privacy/consent router may answer an urgent first message with the same numbers; a person in danger
    should read them once, not twice. Any outbound message since `now` that lists every number counts.
    """
    text, phones = emergency_text(conversation, contact)
    if await _already_queued(session, services, conversation.id, phones, since=now):
        return False
    enqueue_outbound(
        session,
        cipher=services.cipher,
        conversation=conversation,
        payload=OutboundPayload(text=text),
        now=now,
        kind="system",
    )
    return True


async def _already_queued(
    session: AsyncSession, services: Services, conversation_id: int, phones: list[str], *, since: datetime
) -> bool:
    # Autoflush makes rows queued earlier in this transaction visible to the query.
    bodies: Any = await session.scalars(
        select(Message.body_enc).where(
            Message.conversation_id == conversation_id, Message.direction == "out", Message.created_at >= since
        )
    )
    for body in bodies:
        if body is None:
            continue
        try:
            shown = services.cipher.decrypt(body, context=body_context(conversation_id))
        except DecryptionError:
            continue
        if phones and all(phone in shown for phone in phones):
            return True
    return False
