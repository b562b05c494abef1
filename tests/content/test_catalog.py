"""Every reply key exists, renders strictly and stays within channel limits in every language."""

import re
from pathlib import Path

import jinja2
import pytest

from content.commands import Command, command_labels, consent_labels
from content.languages import SUPPORTED_LANGUAGES
from content.render import NOTICE_VERSION, REPLIES_DIR, ReplyCatalog, get_catalog, notice_fingerprint
from tests.content.samples import ALL_KEYS, variables_for

# When a privacy notice changes, bump NOTICE_VERSION and pin the new fingerprint here.
PINNED_NOTICES = {"2026-11-1": "2403b576385e7e6e26b54750210c4fb1f3200d2b114a9f5fc9218b9dc2afe16c"}
# WhatsApp caps the body of a message with buttons, and a document caption, at 1024 characters.
MAX_REPLY_CHARS = 1024
CASES = [(key, lang) for key in sorted(ALL_KEYS) for lang in SUPPORTED_LANGUAGES]


def test_catalog_keys_are_the_documented_ones() -> None:
    assert set(get_catalog().keys()) == ALL_KEYS


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_each_language_has_exactly_the_english_files(lang: str) -> None:
    files = {path.stem for path in (REPLIES_DIR / lang).glob("*.txt")}
    assert files == ALL_KEYS, f"{lang}: missing {ALL_KEYS - files}, extra {files - ALL_KEYS}"


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_every_key_renders_in_every_language(key: str, lang: str) -> None:
    catalog = get_catalog()
    assert catalog.path(key, lang).is_file(), "a missing file would silently fall back to English"
    text = catalog.render(key, lang, **variables_for(key, lang))
    assert text.strip()
    assert text == text.strip()
    assert "  \n" not in text and "\n\n\n" not in text
    if key != "mydata_document":
        assert len(text) <= MAX_REPLY_CHARS


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_templates_use_exactly_the_documented_variables(key: str, lang: str) -> None:
    used = get_catalog().variables(key, lang)
    assert used == set(variables_for(key, lang)), "every translation carries the same facts"


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_replies_are_plain_text(key: str, lang: str) -> None:
    source = get_catalog().path(key, lang).read_text(encoding="utf-8")
    assert not re.search(r"</?[a-zA-Z][^>]*>|\*\*|__|```", source)


@pytest.mark.parametrize("key", sorted(ALL_KEYS - {"mydata_document"}))
@pytest.mark.parametrize("lang", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
def test_translations_are_not_english_copies(key: str, lang: str) -> None:
    catalog = get_catalog()
    assert catalog.render(key, lang, **variables_for(key, lang)) != catalog.render(
        key, "en", **variables_for(key, lang)
    )


@pytest.mark.parametrize("key", ["privacy_notice", "language_set", "forget_done", "emergency_contacts"])
def test_a_missing_variable_raises(key: str) -> None:
    with pytest.raises(jinja2.UndefinedError):
        get_catalog().render(key, "fr")


def test_an_unknown_language_falls_back_to_english() -> None:
    catalog = get_catalog()
    assert catalog.render("welcome", "de-DE") == catalog.render("welcome", "en")
    assert catalog.render("welcome", "fa-AF") == catalog.render("welcome", "fa")


def test_a_missing_translation_falls_back_to_english(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "only_en.txt").write_text("English {{ n }}  \n\n", encoding="utf-8")
    (tmp_path / "fr" / "both.txt").write_text("Français", encoding="utf-8")
    (tmp_path / "en" / "both.txt").write_text("English", encoding="utf-8")
    catalog = ReplyCatalog(tmp_path)
    assert catalog.render("only_en", "fr", n=3) == "English 3"
    assert catalog.render("both", "fr") == "Français"
    assert catalog.keys() == ["both", "only_en"]
    with pytest.raises(jinja2.TemplatesNotFound):
        catalog.render("absent", "fr")


def test_rendering_does_not_escape_what_people_wrote() -> None:
    text = get_catalog().render(
        "emergency_contacts", "en", contacts=[{"name": "Help & <Care>", "phone": "0800", "hours": ""}]
    )
    assert "• Help & <Care>: 0800" in text.splitlines()


def test_privacy_notice_version_matches_its_text() -> None:
    assert PINNED_NOTICES.get(NOTICE_VERSION) == notice_fingerprint(), (
        "a privacy_notice.txt changed: bump content.render.NOTICE_VERSION and pin the new fingerprint"
    )


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_privacy_notice_states_the_retention_period(lang: str) -> None:
    assert "47" in get_catalog().render("privacy_notice", lang, retention_days=47)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_prompts_quote_the_buttons_they_sit_above(lang: str) -> None:
    catalog = get_catalog()
    consent = catalog.render("consent_prompt", lang)
    assert all(label in consent for label in consent_labels(lang).values())
    labels = command_labels(lang)
    forget = catalog.render("forget_confirm", lang)
    assert labels[Command.CONFIRM_FORGET] in forget and labels[Command.CANCEL] in forget


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_help_lists_every_command(lang: str) -> None:
    text = get_catalog().render("help", lang)
    for slash in ("/urgent", "/stop", "/mydata", "/forget", "/language", "/help", "🆘"):
        assert slash in text


def test_mydata_document_shows_purged_messages_and_every_conversation() -> None:
    text = get_catalog().render("mydata_document", "en", **variables_for("mydata_document", "en"))
    assert "Reference: C-7F3A9" in text
    assert "Conversation 2" in text
    assert "Escalation levels: L1, L2" in text
    assert "(deleted at the end of the retention period)" in text
    assert "You, 2026-11-02 09:30 UTC:" in text


def test_readme_documents_every_key() -> None:
    readme = (REPLIES_DIR / "README.md").read_text(encoding="utf-8")
    assert all(f"`{key}`" in readme for key in ALL_KEYS)
