"""The inbound write path: verify upstream, then dedupe, persist, route and commit in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import structlog
from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from content.commands import describe_button
from core.channels import InboundMessage
from core.events import Event
from core.ids import new_pseudonym
from core.models import ChannelIdentity, Contact, Conversation, Message
from core.models.conversation import ACTIVE_STATUSES
from core.outbox import body_context
from core.services import Services
from escalation.queue import sync_index
from handlers.routers import route_turn
from handlers.routers.conversation import queue_unread_message
from handlers.turn import Turn

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class ReceiveResult:
    duplicate: bool
    conversation_id: int | None = None
    message_id: int | None = None
    outbound: int = 0
    # After /forget: the confirmation, for channels that show replies from our database (the web chat).
    farewell: str | None = None


class _DuplicateDelivery(Exception):
    """Raised inside the transaction to roll back everything a re-delivered message would have created."""


async def do_receive_inbound(*, services: Services, inbound: InboundMessage) -> ReceiveResult:
    """Store one inbound message exactly once and let the routers answer it; commit before returning."""
    cipher = services.cipher
    message_key = cipher.lookup_key(f"{inbound.channel}:message", inbound.message_id)
    try:
        async with services.sessionmaker() as session, session.begin():
            now = services.clock.now()
            identity, contact, new_contact = await _resolve_identity(session, services, inbound, now)
            conversation, new_conversation = await _current_conversation(session, identity, contact, inbound, now)
            message = await _insert_message(session, services, inbound, conversation, message_key, now)
            turn = Turn(
                session=session,
                services=services,
                inbound=inbound,
                contact=contact,
                identity=identity,
                conversation=conversation,
                message=message,
                now=now,
                is_new_contact=new_contact,
                is_new_conversation=new_conversation,
            )
            await _route_or_fall_back(session, turn)
            events: list[Event] = [
                {"type": "message.new", "conversation_id": conversation.id, "direction": "in"},
                *turn.events,
            ]
    except _DuplicateDelivery:
        log.info("inbound_duplicate", channel=inbound.channel)
        return ReceiveResult(duplicate=True)
    await sync_index(services.queue_index, [conversation])
    for hook in turn.after_commit:
        await hook()
    for event in events:
        await services.bus.publish(event)
    if turn.outbound:
        services.outbox_wakeup.set()
    return ReceiveResult(False, conversation.id, message.id, turn.outbound, turn.farewell)


async def _route_or_fall_back(session: AsyncSession, turn: Turn) -> None:
    """Run the routers in a savepoint; if one fails on this input, the message still reaches a human.

    A database failure propagates (the commit fails, the provider delivers again). Any other exception would fail the
    same way on every redelivery, so the message would never be stored: instead the routers' work is undone, the
    message is kept and queued at high (we could not read it, so it may be urgent), and the error is logged by type
    only — an exception's text can quote what the person wrote.
    """
    try:
        async with session.begin_nested():
            await route_turn(turn)
    except SQLAlchemyError:
        raise
    except Exception as exc:
        log.error("routing_failed", error=type(exc).__name__, channel=turn.inbound.channel)
        for row in (turn.contact, turn.identity, turn.conversation, turn.message):
            await session.refresh(row)
        turn.events.clear()
        turn.after_commit.clear()
        turn.outbound = 0
        turn.farewell = None
        queue_unread_message(turn)


async def _resolve_identity(
    session: AsyncSession, services: Services, inbound: InboundMessage, now: datetime
) -> tuple[ChannelIdentity, Contact, bool]:
    lookup = services.cipher.lookup_key(inbound.channel, inbound.sender_id)
    found = await _find_identity(session, inbound.channel, lookup)
    previous = inbound.extra.get("previous_sender_id")
    if found is None and previous:
        # The provider now names the person by a new id (WhatsApp's user id after their number): same person,
        # same contact and conversation, so re-key the identity instead of starting a stranger's thread.
        found = await _find_identity(session, inbound.channel, services.cipher.lookup_key(inbound.channel, previous))
        if found is not None:
            found[0].lookup_key = lookup
    if found is None:
        try:
            async with session.begin_nested():
                contact = Contact(pseudonym=new_pseudonym(), created_at=now, consent_state="none")
                session.add(contact)
                await session.flush()
                identity = ChannelIdentity(
                    contact_id=contact.id,
                    channel=inbound.channel,
                    lookup_key=lookup,
                    reply_address_enc=services.cipher.encrypt(
                        inbound.reply_address, context=f"identity:{inbound.channel}"
                    ),
                    created_at=now,
                )
                session.add(identity)
                await session.flush()
        except IntegrityError:
            # Another delivery from the same person created the identity first; use theirs.
            found = await _find_identity(session, inbound.channel, lookup)
            if found is None:
                raise
        else:
            return identity, contact, True
    identity, contact = found
    return identity, contact, False


# Built once: this path runs for every message, and building statements costs more than running them.
_IDENTITY_QUERY = (
    select(ChannelIdentity, Contact)
    .join(Contact, Contact.id == ChannelIdentity.contact_id)
    .where(ChannelIdentity.channel == bindparam("channel"), ChannelIdentity.lookup_key == bindparam("lookup"))
)
# On PostgreSQL the identity row is locked, so one person's concurrent messages land in one conversation.
_IDENTITY_QUERY_LOCKED = _IDENTITY_QUERY.with_for_update(of=ChannelIdentity)
_ACTIVE_CONVERSATION_QUERY = (
    select(Conversation)
    .where(Conversation.identity_id == bindparam("identity_id"), Conversation.status.in_(ACTIVE_STATUSES))
    .order_by(Conversation.id.desc())
    .limit(1)
)
_INSERT_MESSAGE = {
    dialect: insert(Message).on_conflict_do_nothing(index_elements=["channel", "provider_key"]).returning(Message)
    for dialect, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}


async def _find_identity(session: AsyncSession, channel: str, lookup: str) -> tuple[ChannelIdentity, Contact] | None:
    locked = session.get_bind().dialect.name == "postgresql"
    query = _IDENTITY_QUERY_LOCKED if locked else _IDENTITY_QUERY
    row = (await session.execute(query, {"channel": channel, "lookup": lookup})).first()
    return None if row is None else (row[0], row[1])


async def _current_conversation(
    session: AsyncSession, identity: ChannelIdentity, contact: Contact, inbound: InboundMessage, now: datetime
) -> tuple[Conversation, bool]:
    conversation = await session.scalar(_ACTIVE_CONVERSATION_QUERY, {"identity_id": identity.id})
    if conversation is not None:
        conversation.last_inbound_at = now
        if conversation.status in ("snoozed", "waiting"):
            # The person wrote: a snoozed or pending conversation is open again (docs/console.md).
            conversation.status = "assigned" if conversation.assignee_id is not None else "open"
            conversation.snoozed_until = None
        return conversation, False
    conversation = Conversation(
        contact_id=contact.id,
        identity_id=identity.id,
        channel=inbound.channel,
        language=contact.language,
        status="open",
        level="normal",
        categories=[],
        created_at=now,
        updated_at=now,
        last_inbound_at=now,
    )
    session.add(conversation)
    await session.flush()
    return conversation, True


async def _insert_message(
    session: AsyncSession,
    services: Services,
    inbound: InboundMessage,
    conversation: Conversation,
    message_key: str,
    now: datetime,
) -> Message:
    values = {
        "conversation_id": conversation.id,
        "channel": inbound.channel,
        "direction": "in",
        "kind": inbound.kind,
        "provider_key": message_key,
        "body_enc": services.cipher.encrypt(_stored_text(inbound), context=body_context(conversation.id)),
        "status": "received",
        "created_at": now,
    }
    statement = _INSERT_MESSAGE[session.get_bind().dialect.name]
    message = await session.scalar(statement, values)
    if message is None:
        raise _DuplicateDelivery
    return message


def _stored_text(inbound: InboundMessage) -> str:
    if inbound.kind == "media":
        return f"[{inbound.media_type or 'attachment'}]"
    if inbound.kind == "button":
        # The label the person saw when the channel sends it (web chat, WhatsApp), else a readable name for it.
        return inbound.text or f"[{describe_button(inbound.button_data)}]"
    return inbound.text
