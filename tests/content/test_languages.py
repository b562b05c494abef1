"""Client language tags map onto the languages the service speaks."""

import pytest

from content.languages import LANGUAGE_NAMES, RTL_LANGUAGES, SUPPORTED_LANGUAGES, normalise_language, text_direction


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("EN_us", "en"),
        ("ar-SY", "ar"),
        ("uk", "uk"),
        ("ua", "uk"),
        ("ru-RU", "ru"),
        ("fa", "fa"),
        ("fa-AF", "fa"),
        ("prs", "fa"),
        ("fr-CA", "fr"),
        ("es-419", "es"),
        ("de", "en"),
        ("pt-br", "en"),
        ("", "en"),
        (None, "en"),
        ("  ", "en"),
    ],
)
def test_normalise_language(tag: str | None, expected: str) -> None:
    assert normalise_language(tag) == expected


def test_every_language_has_a_picker_name_and_english_comes_first() -> None:
    assert set(LANGUAGE_NAMES) == set(SUPPORTED_LANGUAGES)
    assert SUPPORTED_LANGUAGES[0] == "en"
    assert LANGUAGE_NAMES["fa"] == "فارسی / دری"


def test_text_direction() -> None:
    assert {lang for lang in SUPPORTED_LANGUAGES if text_direction(lang) == "rtl"} == RTL_LANGUAGES
    assert text_direction("fa-AF") == "rtl"
    assert text_direction("xx") == "ltr"
