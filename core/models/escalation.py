"""Escalations through the written protocol: cases, owners, packets, referrals, breaks and pages."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base

ESCALATION_LEVELS = ("L1", "L2", "L3", "L4")
ESCALATION_STATES = ("raised", "acknowledged", "in_progress", "handed_over", "referred", "closed")
OPEN_STATES = ESCALATION_STATES[:-1]
CONSENT_CHOICES = ("given", "refused", "not_sought")


class Escalation(Base):
    """One escalated case: its level, where it is in the protocol, its one case owner and its deadline."""

    __tablename__ = "escalations"
    __table_args__ = (
        Index("ix_escalations_state_due", "state", "sla_due_at"),
        # Exactly one case owner from acknowledgement on; only a freshly raised case may still be unowned
        # (raised by triage, waiting for a supervisor).
        CheckConstraint("state = 'raised' OR owner_id IS NOT NULL", name="owned_after_raise"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(2))
    state: Mapped[str] = mapped_column(String(16), default="raised")
    reason_code: Mapped[str] = mapped_column(String(32))
    # Free text staff wrote, pseudonymised then encrypted (context: escalation:<conversation id>).
    reason_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    summary_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    selected_message_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    raised_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    raised_by_triage: Mapped[bool] = mapped_column(default=False)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    # Who the conversation was taken over from, so "return" gives it back to the right person.
    returned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    sla_due_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    handed_over_at: Mapped[datetime | None]
    break_recorded_at: Mapped[datetime | None]
    last_paged_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class EscalationTransfer(Base):
    """An explicit change of case owner or of who holds the conversation, and why."""

    __tablename__ = "escalation_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # acknowledge / takeover / reassign / return / transfer / handover
    from_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    to_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    reason_code: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]


class SharingRecord(Base):
    """Why sharing was justified (PREVENT §1.3): necessity, proportionality, consent and the power to share."""

    __tablename__ = "sharing_records"
    __table_args__ = (CheckConstraint("consent IN ('given', 'refused', 'not_sought')", name="consent_choice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"), index=True)
    # Denormalised so erasure and key rotation can reach the row's text from the conversation alone.
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    recipient: Mapped[str] = mapped_column(String(16))  # caseworker / partner / emergency
    # The free-text parts are erased by /forget; the choices (consent, lawful basis) stay as the record of the act.
    necessity_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    proportionality_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    consent: Mapped[str] = mapped_column(String(16))
    consent_reason_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    lawful_basis: Mapped[str] = mapped_column(String(32))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


class HandoverPacket(Base):
    """A frozen, allow-listed packet (escalation.packets.PacketFields) for a caseworker or a partner."""

    __tablename__ = "handover_packets"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    recipient: Mapped[str] = mapped_column(String(16))  # caseworker / partner
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    partner_slug: Mapped[str | None] = mapped_column(String(64))
    sharing_record_id: Mapped[int] = mapped_column(ForeignKey("sharing_records.id", ondelete="CASCADE"))
    # JSON of the allow-listed fields, encrypted; written once, erased (NULL) only when the person asks us to forget.
    content_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


class Referral(Base):
    """A case referred to an external partner, on consent or on a recorded confidentiality break."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"), index=True)
    partner_slug: Mapped[str] = mapped_column(String(64))
    partner_review_by: Mapped[str] = mapped_column(String(10))  # the checklist's review date when referred
    packet_id: Mapped[int] = mapped_column(ForeignKey("handover_packets.id", ondelete="CASCADE"))
    basis: Mapped[str] = mapped_column(String(16))  # consent / break
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


class BreakApproval(Base):
    """One supervisor's approval of a confidentiality break; a break needs two different supervisors."""

    __tablename__ = "break_approvals"
    __table_args__ = (UniqueConstraint("escalation_id", "supervisor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    lawful_basis: Mapped[str] = mapped_column(String(32))
    reason_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class SupervisorPage(Base):
    """A page to one supervisor on duty about one escalation, shown in the console until seen."""

    __tablename__ = "supervisor_pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(2))
    reason_code: Mapped[str] = mapped_column(String(16))  # raised / late
    created_at: Mapped[datetime]
    seen_at: Mapped[datetime | None]
