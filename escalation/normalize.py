"""Text normalisation shared by lexicon building and message matching, so both sides meet in one form."""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache

# Combining marks we must keep through NFD: the breve of й/ў and the diaeresis of ї/ё. Dropping them
# would turn "й" into "и" and "ї" into "і", which are different letters with different words.
_KEEP_MARKS = {"\u0306", "\u0308"}

# Arabic-script letters that people (and keyboards) use interchangeably; mapped to one form so that
# Arabic and Persian spellings of the same word meet. Hamza carriers are handled by dropping the
# combining hamza after NFD (أ → ا + U+0654).
_ARABIC_VARIANTS = {
    "\u0649": "\u064a",  # alef maksura ى → ي
    "\u06cc": "\u064a",  # Persian yeh ی → ي
    "\u0629": "\u0647",  # teh marbuta ة → ه
    "\u06c0": "\u0647",  # heh with yeh above ۀ → ه
    "\u06be": "\u0647",  # heh doachashmee ھ → ه
    "\u06c1": "\u0647",  # heh goal ہ → ه
    "\u06a9": "\u0643",  # keheh ک → ك
    "\u0671": "\u0627",  # alef wasla ٱ → ا
    "\u0640": "",  # tatweel, pure elongation
}

_APOSTROPHES = "'\u2019\u2018\u02bc\u0060\u00b4\u055a"

# Latin letters that keep a breve or diaeresis after NFC (because we kept those marks for Cyrillic).
_LATIN_FOLD = {
    chr(cp): unicodedata.normalize("NFD", chr(cp))[0]
    for cp in range(0x00C0, 0x0250)
    if unicodedata.normalize("NFD", chr(cp))[0].isascii() and len(unicodedata.normalize("NFD", chr(cp))) > 1
}

# Whole words left unsqueezed because their squeezed form is another everyday word with another
# meaning: "soon" would become "son" (every "my son" a time of "now") and "noose" "nose" (a nose
# bleed a hanging method). Only a word standing exactly so is kept; "sooooon" still squeezes.
_WHOLE_WORDS = ("soon", "noose", "nooses")
_SQUEEZE = re.compile(r"\b(?:" + "|".join(_WHOLE_WORDS) + r")\b|([^\W\d_])\1+")


def _squeezed(match: re.Match[str]) -> str:
    return match.group(1) or match.group(0)


# Sentence punctuation survives as a "." token: it stops a negation or a phrase from reaching
# across sentences ("No. I want to die" is not a denial).
BOUNDARY = "."
_BOUNDARY_CHARS = ".,;:!?\u060c\u061b\u061f\u2026\u3002\u00a1\u00bf"
_ASCII_BOUNDARY = re.compile(r"[.,;:!?]+")
_REPEATED_BOUNDARY = re.compile(r"(?:^|(?<= ))\.(?: \.)+(?= |$)")


@cache
def _first_table() -> dict[int, str | None]:
    """Translation applied after NFD: drop marks and invisible controls, unify letters, space out the rest.

    Built once on first use (it walks the whole code space, ~0.3 s), never at import time.
    """
    table: dict[int, str | None] = {}
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me") and ch not in _KEEP_MARKS:
            table[cp] = None
        elif cat in ("Cf", "Sk") or (cat == "Cc" and ch not in "\t\n\r"):
            # zero-width joiners, bidi controls, emoji skin tones: invisible, never meaningful here
            table[cp] = None
        elif cat == "So":
            # emoji and other pictographs become tokens of their own
            table[cp] = f" {ch} "
        elif ch in _BOUNDARY_CHARS:
            table[cp] = " . "
        elif cat.startswith("P") or cat in ("Sm", "Sc"):
            table[cp] = " "
        elif cat == "Nd" and not ch.isascii():
            table[cp] = str(unicodedata.digit(ch))
    for ch in _APOSTROPHES:
        # "can't" → "cant", "j'ai" → "jai": chat writers drop apostrophes anyway, so both forms meet
        table[ord(ch)] = None
    for src, dst in _ARABIC_VARIANTS.items():
        table[ord(src)] = dst
    table[ord("\n")] = " "
    table[ord("\t")] = " "
    return table


@cache
def _second_table() -> dict[int, str]:
    """Translation applied after NFC: fold Latin ü/ă etc. and Russian ё → е (rarely typed with dots)."""
    table = {ord(k): v for k, v in _LATIN_FOLD.items()}
    table[ord("ё")] = "е"
    return table


def squeeze(word: str) -> str:
    """Collapse repeated letters ("pleaseeee" → "please", "لاااا" → "لا", also "kill" → "kil").

    Applied to text and lexicon alike, so every elongation a writer adds for emphasis disappears and a
    collision is symmetric; the few collisions that change meaning ("soon"/"son") are `_WHOLE_WORDS`.
    """
    return _SQUEEZE.sub(_squeezed, word)


def normalize(text: str) -> str:
    """Casefold, strip marks and controls, unify Arabic-script letters and digits, squeeze elongation.

    The result is lower-case words and single emoji separated by single spaces.
    """
    if text.isascii():
        folded = text.casefold()
        for ch in "'`":
            folded = folded.replace(ch, "")
        folded = _ASCII_PUNCT.sub(" ", _ASCII_BOUNDARY.sub(" . ", folded))
    else:
        folded = unicodedata.normalize("NFD", text.casefold()).translate(_first_table())
        folded = unicodedata.normalize("NFC", folded).translate(_second_table())
    words = squeeze(folded).split()
    while words and words[0] == BOUNDARY:
        words.pop(0)
    return _REPEATED_BOUNDARY.sub(BOUNDARY, " ".join(words))


_ASCII_PUNCT = re.compile(r"[^a-z0-9\s.]+")
