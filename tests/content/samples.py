"""Representative variables for every reply key, shared by the catalog and right-to-left tests."""

from datetime import UTC, datetime
from typing import Any

from content.emergency import emergency_contacts

# A sentence in each language, so right-to-left checks see text the person would really have written.
SAMPLE_TEXT = {
    "en": "I need information about housing.",
    "ar": "أحتاج إلى معلومات عن السكن.",
    "uk": "Мені потрібна інформація про житло.",
    "ru": "Мне нужна информация о жилье.",
    "fa": "به اطلاعاتی دربارهٔ مسکن نیاز دارم.",
    "fr": "J'ai besoin d'informations sur le logement.",
    "es": "Necesito información sobre vivienda.",
}


def variables_for(key: str, lang: str) -> dict[str, Any]:
    """The variables a caller passes for this key; the set of names is the documented contract."""
    at = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    document = {
        "pseudonym": "C-7F3A9",
        "language": lang,
        "created": at,
        "consent": {"state": "given", "version": "2026-11-1", "at": at},
        "conversations": [
            {
                "started": at,
                "ended": None,
                "status": "escalated",
                "levels": ["L1", "L2"],
                "messages": [
                    {"direction": "in", "time": at, "text": SAMPLE_TEXT[lang]},
                    {"direction": "out", "time": at, "text": SAMPLE_TEXT[lang]},
                    {"direction": "in", "time": at, "text": None},
                ],
            },
            {"started": at, "ended": at, "status": "stopped", "levels": [], "messages": []},
        ],
    }
    by_key: dict[str, dict[str, Any]] = {
        "privacy_notice": {"retention_days": 30},
        "language_set": {"language_name": "Español"},
        "forget_done": {"erased_messages": 12},
        "mydata_document": document,
        "emergency_contacts": {"contacts": emergency_contacts(lang, "GB")},
    }
    return by_key.get(key, {})


KEYS_WITH_VARIABLES = {"privacy_notice", "language_set", "forget_done", "mydata_document", "emergency_contacts"}
ALL_KEYS = {
    "welcome",
    "privacy_notice",
    "consent_prompt",
    "consent_given",
    "consent_declined",
    "choose_language",
    "language_set",
    "received",
    "stopped",
    "forget_confirm",
    "forget_done",
    "forget_cancelled",
    "mydata_caption",
    "mydata_document",
    "help",
    "urgent_ack",
    "emergency_contacts",
    "colleague_joining",
    "handed_over",
    "media_unsupported",
}
