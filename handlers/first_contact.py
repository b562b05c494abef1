"""First contact: the privacy notice, the person's recorded choice, and emergency numbers before any question."""

from __future__ import annotations

from content.emergency import emergency_contacts
from content.render import NOTICE_VERSION, get_catalog
from core.audit import AuditCode, record_audit
from core.channels import OutboundPayload
from core.levels import Level
from core.models import Contact
from escalation.triage import get_triage
from handlers.keyboards import NOTICE, consent_keyboard
from handlers.turn import Turn

URGENT_LEVELS = (Level.CRITICAL, Level.HIGH)
# consent_state values: "none" (never shown), "pending" (shown, not answered), "given", "declined".
ANSWERED = ("given", "declined")


def notice_due(contact: Contact) -> bool:
    """True until the current notice version has been shown to this person (a new version asks again)."""
    return contact.consent_version != NOTICE_VERSION


def consent_current(contact: Contact) -> bool:
    return contact.consent_state == "given" and contact.consent_version == NOTICE_VERSION


def offer_notice(turn: Turn, *, greet: bool) -> None:
    """Send the notice with its two answers and the language picker; sending it never waits for an answer."""
    catalog = get_catalog()
    text = catalog.render("privacy_notice", turn.language, retention_days=turn.services.settings.retention_days)
    if greet:
        # One message rather than two: cheap phones, and it stays under WhatsApp's 1024 characters in every language.
        text = catalog.render("welcome", turn.language) + "\n\n" + text
    turn.send(OutboundPayload(text=text, buttons=consent_keyboard(turn.language)), kind=NOTICE)
    contact = turn.contact
    if notice_due(contact):
        contact.consent_state = "pending"
        contact.consent_version = NOTICE_VERSION
        contact.consent_at = None


def do_record_consent(turn: Turn, *, given: bool) -> None:
    """Only a tapped button reaches here (typed words never count): record the answer with version and time."""
    contact = turn.contact
    contact.consent_state = "given" if given else "declined"
    contact.consent_version = NOTICE_VERSION
    contact.consent_at = turn.now
    record_audit(
        turn.session,
        AuditCode.CONSENT_RECORDED,
        conversation_id=turn.conversation.id,
        data={"consent": contact.consent_state},
    )
    turn.send_reply("consent_given" if given else "consent_declined")
    turn.publish("contact.consent", consent=contact.consent_state)


def send_emergency_contacts(turn: Turn) -> None:
    """Numbers for the person's language and area, at once; a number is never hidden for their language."""
    contacts = emergency_contacts(turn.language, turn.contact.area)
    turn.send_reply("emergency_contacts", contacts=contacts)
    turn.emergency_sent = True


def first_message_is_urgent(turn: Turn) -> bool:
    """Whether the message that opens a conversation with the service needs emergency numbers before anything."""
    if turn.inbound.kind != "text" or not turn.inbound.text.strip():
        return False
    hint = turn.language if turn.contact.language else None
    return get_triage().assess(turn.inbound.text, hint).level in URGENT_LEVELS
