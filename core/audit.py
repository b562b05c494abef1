"""A closed vocabulary of audit events and the one function that writes them."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.clock import utcnow
from core.models import AuditEvent


class AuditCode(IntEnum):
    """Grouped by hundreds: 1xx staff, 2xx reading, 3xx conversations, 4xx escalation, 5xx privacy."""

    STAFF_LOGIN = 101
    STAFF_LOGIN_FAILED = 102
    STAFF_LOGOUT = 103
    STAFF_CREATED = 110
    STAFF_ROLE_CHANGED = 111
    STAFF_DISABLED = 112
    STAFF_PASSWORD_CHANGED = 113
    STAFF_TOTP_CHANGED = 114
    STAFF_AWAY_CHANGED = 115
    STAFF_LOGIN_THROTTLED = 116

    TRANSCRIPT_READ = 201
    PACKET_READ = 202
    AUDIT_READ = 203
    EXPORT_READ = 204
    QUEUE_READ = 205  # the queue shows a short preview of each waiting person's last message
    SEARCH_RUN = 206  # only the number of results is kept, never the query
    IDENTITY_READ = 207  # identifying details shown to a supervisor under a recorded confidentiality break

    CONVERSATION_CLAIMED = 301
    REPLY_SENT = 302
    NOTE_ADDED = 303
    CONVERSATION_STATUS_CHANGED = 304
    CONVERSATION_ASSIGNED = 305
    CONVERSATION_RELEASED = 306
    DELIVERY_FAILED = 310
    URGENCY_RAISED = 320

    ESCALATION_RAISED = 401
    ESCALATION_ACKNOWLEDGED = 402
    ESCALATION_STATE_CHANGED = 403
    ESCALATION_OWNER_CHANGED = 404
    HANDOVER_CREATED = 410
    REFERRAL_CREATED = 411
    REFERRAL_REFUSED = 412
    BREAK_APPROVAL_GIVEN = 420
    BREAK_RECORDED = 421
    SUPERVISOR_PAGED = 430

    CONSENT_RECORDED = 501
    CONVERSATION_STOPPED = 502
    CONTACT_FORGOTTEN = 503
    DATA_EXPORTED = 504
    RETENTION_PURGED = 505
    KEY_ROTATED = 506


# Keys an audit row may carry; anything else is refused so message text can never slip in.
_ALLOWED_DATA_KEYS = frozenset(
    {
        "role",
        "from",
        "to",
        "level",
        "categories",
        "reason_code",
        "count",
        "channel",
        "status",
        "error",
        "partner",
        "escalation_id",
        "lawful_basis",
        "consent",
        "outcome",
        "key_id",
        "ip_prefix",
        "kind",
        "packet_id",
        "referral_id",
    }
)


def record_audit(
    session: AsyncSession,
    code: AuditCode,
    *,
    actor_id: int | None = None,
    conversation_id: int | None = None,
    subject_staff_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit row to the caller's transaction (it commits with the change it describes)."""
    data = dict(data or {})
    unknown = set(data) - _ALLOWED_DATA_KEYS
    if unknown:
        raise ValueError(f"audit data keys not allowed: {sorted(unknown)}")
    event = AuditEvent(
        code=int(code),
        actor_id=actor_id,
        conversation_id=conversation_id,
        subject_staff_id=subject_staff_id,
        created_at=utcnow(),
        data=data,
    )
    session.add(event)
    return event
