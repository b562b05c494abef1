"""The person's own controls over what we hold: stop a conversation, and forget everything that points to them."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime

import structlog
from sqlalchemy import ColumnElement, LargeBinary, Table, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from content.render import get_catalog
from core.audit import AuditCode, record_audit
from core.channels import OutboundPayload
from core.ids import new_pseudonym
from core.models import Base, ChannelIdentity, Conversation, Message, OutboxItem
from core.models.conversation import ACTIVE_STATUSES
from core.services import Services
from handlers.turn import Turn

log = structlog.get_logger(__name__)

# Outbox rows not yet handed to the provider; a row "sending" when its conversation stops is cancelled too,
# and the worker's _finish leaves a cancelled row alone.
UNDELIVERED = ("pending", "sending")
# Where a farewell's address travels once the identity that held it is gone (see do_forget_contact).
REPLY_TO_KEY = "reply_to"


async def cancel_undelivered(session: AsyncSession, conversation_ids: Collection[int]) -> int:
    """Cancel every reply not yet delivered in these conversations and erase its copy of the text."""
    rows = (
        await session.execute(
            select(OutboxItem.id, OutboxItem.message_id).where(
                OutboxItem.conversation_id.in_(list(conversation_ids)), OutboxItem.state.in_(UNDELIVERED)
            )
        )
    ).all()
    if not rows:
        return 0
    await session.execute(
        update(OutboxItem)
        .where(OutboxItem.id.in_([row[0] for row in rows]))
        .values(state="cancelled", payload_enc=None, locked_until=None)
        .execution_options(synchronize_session=False)
    )
    message_ids = [row[1] for row in rows if row[1] is not None]
    if message_ids:
        await session.execute(
            update(Message)
            .where(Message.id.in_(message_ids))
            .values(status="cancelled")
            .execution_options(synchronize_session=False)
        )
    return len(rows)


def _end(conversation: Conversation, now: datetime) -> None:
    conversation.status = "stopped"
    conversation.ended_by = "person"
    conversation.closed_at = now
    conversation.updated_at = now
    # The assignee is kept: whoever was helping still sees in the console that the person ended it.
    conversation.queue_key = None
    conversation.waiting_since = None
    conversation.sla_due_at = None


async def erase_bodies(session: AsyncSession, conversation_ids: Collection[int]) -> int:
    """Erase message bodies (notes included) and returns how many in/out messages lost their text."""
    ids = list(conversation_ids)
    counted = await session.scalar(
        select(func.count())
        .select_from(Message)
        .where(Message.conversation_id.in_(ids), Message.direction.in_(("in", "out")), Message.body_enc.is_not(None))
    )
    await session.execute(
        update(Message)
        .where(Message.conversation_id.in_(ids))
        .values(body_enc=None, provider_key=None, error=None)
        .execution_options(synchronize_session=False)
    )
    return int(counted or 0)


async def do_stop_conversation(turn: Turn) -> None:
    """End the conversation at once, no reason asked; nothing queued before this is delivered."""
    conversation = turn.conversation
    await turn.session.flush()
    cancelled = await cancel_undelivered(turn.session, [conversation.id])
    _end(conversation, turn.now)
    if turn.contact.consent_state == "declined":
        # They declined storage: their words stay only while the conversation is open, and it is closed now.
        await erase_bodies(turn.session, [conversation.id])
        turn.message.body_enc = None
    record_audit(
        turn.session, AuditCode.CONVERSATION_STOPPED, conversation_id=conversation.id, data={"count": cancelled}
    )
    turn.send_reply("stopped")
    turn.publish("conversation.stopped")


async def do_forget_contact(turn: Turn) -> int:
    """Erase everything that points to the person; only counts that cannot be linked back remain.

    The confirmation still has to reach them after their identity is gone, so its address travels only inside
    its own encrypted outbox payload (no identity row, no message row), which the worker erases once it is sent.
    """
    session, contact, services = turn.session, turn.contact, turn.services
    await session.flush()
    address = services.cipher.decrypt(turn.identity.reply_address_enc, context=f"identity:{turn.identity.channel}")
    conversation_ids = list(await session.scalars(select(Conversation.id).where(Conversation.contact_id == contact.id)))
    await cancel_undelivered(session, conversation_ids)
    # Rows stay (a worker may be finishing one right now, and counts are kept) but lose their text and route.
    await session.execute(
        update(OutboxItem)
        .where(OutboxItem.conversation_id.in_(conversation_ids))
        .values(payload_enc=None, identity_id=None)
        .execution_options(synchronize_session=False)
    )
    erased = await erase_bodies(session, conversation_ids)
    await _erase_linked_secrets(session, conversation_ids)
    conversations = list(await session.scalars(select(Conversation).where(Conversation.id.in_(conversation_ids))))
    for conversation in conversations:
        conversation.identity_id = None
        if conversation.status in ACTIVE_STATUSES:
            _end(conversation, turn.now)
        # The record of any escalation notes the request: what was shared under a break is not ours to recall.
        record_audit(
            session, AuditCode.CONTACT_FORGOTTEN, conversation_id=conversation.id, data={"count": len(conversations)}
        )
    await session.execute(delete(ChannelIdentity).where(ChannelIdentity.contact_id == contact.id))
    # The ORM copies of rows just erased in SQL must not write their old values back at flush.
    turn.message.body_enc = None
    turn.message.provider_key = None
    contact.forgotten_at = turn.now
    contact.pseudonym = new_pseudonym()  # a pseudonym noted anywhere else no longer leads here
    contact.area = None
    text = get_catalog().render("forget_done", turn.language, erased_messages=erased)
    _send_farewell(turn, text, address)
    turn.farewell = text
    turn.after_commit.append(lambda: _forget_outside_database(services, conversation_ids))
    turn.publish("contact.forgotten")
    return erased


def _send_farewell(turn: Turn, text: str, address: str) -> None:
    payload = OutboundPayload(text=text).to_json() | {REPLY_TO_KEY: address}
    conversation = turn.conversation
    turn.session.add(
        OutboxItem(
            message_id=None,
            conversation_id=conversation.id,
            identity_id=None,
            channel=conversation.channel,
            payload_enc=turn.services.cipher.encrypt(json.dumps(payload), context=f"outbox:{conversation.id}"),
            state="pending",
            attempts=0,
            next_attempt_at=turn.now,
            created_at=turn.now,
        )
    )
    turn.outbound += 1


async def _forget_outside_database(services: Services, conversation_ids: Sequence[int]) -> None:
    """After commit: the Redis claim-next index holds these conversations' ids (nothing else of the person)."""
    if services.queue_index is not None:
        for conversation_id in conversation_ids:
            await services.queue_index.remove(str(conversation_id))


async def _erase_linked_secrets(session: AsyncSession, conversation_ids: list[int]) -> None:
    """Null every nullable encrypted column (`*_enc`) of rows linked to these conversations."""
    conversations = Conversation.__table__
    skip = {Message.__tablename__, OutboxItem.__tablename__}
    direct: list[tuple[Table, str]] = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is conversations and table.name not in skip:
                direct.append((table, fk.parent.name))
    for table, column in direct:
        await _null_encrypted(session, table, table.c[column].in_(conversation_ids))
        parent_ids = select(table.c.id).where(table.c[column].in_(conversation_ids))
        for child in Base.metadata.sorted_tables:
            for fk in child.foreign_keys:
                if fk.column.table is table and child.name not in skip and "conversation_id" not in child.c:
                    await _null_encrypted(session, child, child.c[fk.parent.name].in_(parent_ids))


async def _null_encrypted(session: AsyncSession, table: Table, where: ColumnElement[bool]) -> None:
    columns = [c for c in table.c if c.name.endswith("_enc") and isinstance(c.type, LargeBinary)]
    nullable = {c.name: None for c in columns if c.nullable}
    for column in columns:
        if not column.nullable:
            # Kept as written by its owner (a frozen record of what was shared); docs/privacy.md says why.
            log.info("forget_kept_required_column", table=table.name, column=column.name)
    if nullable:
        await session.execute(update(table).where(where).values(**nullable))
