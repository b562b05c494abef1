"""Emergency contacts: area entries, the default set, localisation and the data file's completeness."""

import tomllib

import pytest

from content.emergency import DIRECTORY_FILE, EmergencyContact, emergency_contacts, known_areas, missing_translations
from content.languages import SUPPORTED_LANGUAGES


def phones(lang: str, area: str | None) -> list[str]:
    return [contact.phone for contact in emergency_contacts(lang, area)]


def test_areas_have_their_own_numbers() -> None:
    assert phones("en", "GB") == ["999", "116 123"]
    assert phones("en", "FR") == ["112", "3114"]
    assert phones("en", "ES") == ["112", "024"]
    assert "112" in phones("en", "DE")
    assert phones("en", "UA") == ["112"]


@pytest.mark.parametrize("area", [None, "", "ZZ", "default"])
def test_unknown_or_missing_area_falls_back_to_the_default_set(area: str | None) -> None:
    contacts = emergency_contacts("en", area)
    assert [contact.phone for contact in contacts] == ["112"]
    assert contacts[0].note is not None and "local emergency number" in contacts[0].note


def test_area_codes_are_case_insensitive_and_uk_means_gb() -> None:
    assert phones("en", "gb") == phones("en", "UK") == phones("en", " GB ")


def test_language_changes_the_wording_never_the_numbers() -> None:
    english = emergency_contacts("en", "GB")
    for lang in SUPPORTED_LANGUAGES:
        localised = emergency_contacts(lang, "GB")
        assert [contact.phone for contact in localised] == [contact.phone for contact in english]
        if lang != "en":
            assert localised[0].name != english[0].name
    assert emergency_contacts("de", "GB") == english


def test_contacts_are_frozen() -> None:
    contact = emergency_contacts("en")[0]
    assert isinstance(contact, EmergencyContact)
    with pytest.raises(AttributeError):
        contact.phone = "000"  # type: ignore[misc]


def test_every_entry_is_translated_into_every_language() -> None:
    assert missing_translations() == []
    assert {"GB", "UA", "FR", "ES", "DE"} <= set(known_areas())


def test_the_file_says_it_is_demo_data_until_verified() -> None:
    with DIRECTORY_FILE.open("rb") as handle:
        meta = tomllib.load(handle)["meta"]
    text = DIRECTORY_FILE.read_text(encoding="utf-8")
    assert meta["status"] != "demo-unverified" or ("DEMO DATA" in text and meta["verified_on"] == "")
