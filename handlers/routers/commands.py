"""Commands the person can use at any time, as slash commands, plain words or buttons."""

from __future__ import annotations

from content.commands import Command, parse_command
from core.audit import AuditCode, record_audit
from core.levels import Level
from handlers.routers.conversation import enqueue_at_level
from handlers.turn import Turn


async def commands_router(turn: Turn) -> bool:
    text = turn.inbound.text if turn.inbound.kind == "text" else (turn.inbound.button_data or "")
    parsed = parse_command(text)
    if parsed is None:
        return False
    command, _payload = parsed
    turn.message.kind = "command"
    if command is Command.START:
        turn.send_reply("welcome")
        return True
    if command is Command.HELP:
        turn.send_reply("help")
        return True
    if command is Command.URGENT:
        enqueue_at_level(turn, Level.HIGH)
        record_audit(
            turn.session,
            AuditCode.URGENCY_RAISED,
            conversation_id=turn.conversation.id,
            data={"level": "high", "reason_code": "person_signal"},
        )
        turn.send_reply("urgent_ack")
        return True
    if command is Command.STOP:
        do_stop_conversation(turn)
        return True
    return False


def do_stop_conversation(turn: Turn) -> None:
    """End the conversation at once, no reason asked; nothing more is sent until they write again."""
    from core.models import OutboxItem  # noqa: F401 — cancellation lives in handlers.privacy (issue 4)

    conversation = turn.conversation
    conversation.status = "stopped"
    conversation.ended_by = "person"
    conversation.closed_at = turn.now
    conversation.assignee_id = None
    conversation.queue_key = None
    turn.send_reply("stopped")
    turn.publish("conversation.stopped")
