"""Normalisation: what people type must meet what the lexicon says."""

from __future__ import annotations

import pytest

from escalation.normalize import normalize


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("PLEASEEEE help!!!", "please help ."),
        ("I can't go on", "i cant go on"),
        ("Désolée, ça suffit", "desole . ca sufit"),  # "ée" → "ee" → squeezed
        ("mañana", "manana"),
        # й, ї and є are letters of their own in Ukrainian and Russian and must survive NFD
        ("Їжак, йод, Є", "їжак . йод . є"),
        ("ЁЛКА", "елка"),
        # Arabic letter variants, tatweel, harakat and elongation
        ("أنا إلى آخر مدرسة", "انا الي اخر مدرسه"),
        ("لاااا بـــدي", "لا بدي"),
        ("مَدْرَسَة", "مدرسه"),
        # Persian yeh and keheh meet their Arabic forms; the ZWNJ inside a verb disappears
        ("می‌خواهم کمک", "ميخواهم كمك"),
        ("۱۲۳ ٤٥", "123 45"),
        ("zero\u200bwidth \u200fbidi\u202e", "zerowidth bidi"),
        ("💊💊tonight🆘", "💊 💊 tonight 🆘"),
        ("👍🏽", "👍"),
    ],
)
def test_normalize(typed: str, expected: str) -> None:
    assert normalize(typed) == expected


def test_normalize_is_idempotent() -> None:
    text = "Я хочу вмерти, أنا بدي موت, je veux mourir!!! 💊"
    assert normalize(normalize(text)) == normalize(text)
