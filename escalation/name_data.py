"""Word lists behind name detection: given names, names that are also words, never-names and common words."""

from __future__ import annotations

import gzip
import itertools
import json
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The translation tables are shared on purpose so names and messages fold the same way.
from escalation.normalize import _first_table, _second_table

NAMES_DIR = Path(__file__).resolve().parent.parent / "content" / "names"
NAME_LANGUAGES = ("en", "fr", "es", "ru", "uk", "ar", "fa")

# Cyrillic → Latin with the spellings people actually use for the same name (Олена → olena, Юлія → yuliia/yulia/
# julia, Дмитрий → dmitriy/dmitry/dmitri), so a Ukrainian name written in an English note is still found.
_TRANSLIT: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g", "h"), "ґ": ("g",), "д": ("d",), "е": ("e",),
    "ё": ("e", "yo"), "є": ("ye", "ie"), "ж": ("zh",), "з": ("z",), "и": ("i", "y"), "і": ("i",),
    "ї": ("i", "yi"), "й": ("i", "y", ""), "к": ("k",), "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",),
    "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh", "h"),
    "ц": ("ts", "c"), "ч": ("ch",), "ш": ("sh",), "щ": ("shch", "sch"), "ъ": ("",), "ы": ("y",), "ь": ("",),
    "э": ("e",), "ю": ("yu", "iu", "ju"), "я": ("ya", "ia", "ja"), "'": ("",), "’": ("",),
}  # fmt: skip


def translit(name: str, limit: int = 24) -> set[str]:
    """Latin spellings of a Cyrillic name (at most `limit`, first choices first)."""
    choices = [_TRANSLIT.get(ch, (ch,)) for ch in name.casefold()]
    return {"".join(p) for p in itertools.islice(itertools.product(*choices), limit)}


def key(word: str) -> str:
    """The form names are compared in: casefolded, marks and apostrophes dropped, Arabic letters unified.

    The same tables as escalation.normalize, without its squeezing of repeated letters: squeezed, "Lee" and
    "Anna" would meet the words "le" and "ana".
    """
    if word.isascii():
        return "".join(ch for ch in word.casefold() if ch.isalnum())
    folded = unicodedata.normalize("NFD", word.casefold()).translate(_first_table())
    folded = unicodedata.normalize("NFC", folded).translate(_second_table())
    return "".join(ch for ch in folded if ch.isalnum())


def read_list(path: Path) -> list[str]:
    """Entries of a content/names file: one per line, '#' starts a comment line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class NameLists:
    given: frozenset[str]  # keys of given names, all languages and transliterations
    also_words: frozenset[str]  # keys of names that are also ordinary words
    never: frozenset[str]  # keys of words never taken as names
    cyrillic_stems: frozenset[str]  # Cyrillic names without their final vowel, for inflected forms


_STEM_END = "аяоеєйьіиуюы"


def cyrillic_stem(word_key: str) -> str:
    """Олена → олен, Андрій → андрі, Тарас → тарас: what the declined forms (Олену, Андрієм, Тараса) share."""
    return word_key[:-1] if len(word_key) > 3 and word_key[-1] in _STEM_END else word_key


@cache
def name_lists() -> NameLists:
    given: set[str] = set()
    stems: set[str] = set()
    for lang in NAME_LANGUAGES:
        for name in read_list(NAMES_DIR / f"{lang}.txt"):
            given.add(key(name))
            if lang in ("ru", "uk"):
                stems.add(cyrillic_stem(key(name)))
                given.update(key(latin) for latin in translit(name))
    also = {key(w) for w in read_list(NAMES_DIR / "also-words.txt")}
    never = {key(w) for w in read_list(NAMES_DIR / "not-names.txt")}
    return NameLists(frozenset(given - never), frozenset(also), frozenset(never), frozenset(stems))


def _lookups_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("spacy_lookups_data")  # a data package without type information
    if spec is None or spec.origin is None:
        raise RuntimeError("spacy-lookups-data is not installed")
    return Path(spec.origin).resolve().parent / "data"


# Lemma tables (word form → lemma) from spacy-lookups-data: everyday words and most place names, few given
# names. English adds WordNet's lemma index, which knows countries, cities and brands ("Syria", "Telegram").
_TABLES = {
    "latin": ("en_lemma_lookup", "es_lemma_lookup", "fr_lemma_lookup", "en_lemma_index"),
    "cyrillic": ("ru_lemma_lookup",),
}
_STOP_LANGS = {"latin": ("en", "es", "fr"), "cyrillic": ("ru", "uk")}


def _words_of(table: object) -> list[str]:
    words: list[str] = []
    if isinstance(table, dict):
        for form, lemma in table.items():
            words.append(form)
            if isinstance(lemma, list):
                words.extend(str(x) for x in lemma)
            else:
                words.append(str(lemma))
    return words


@cache
def _common_hashes(script: str) -> array[int]:
    """Hashes of the script's common words, sorted: ~10 MB where the strings would take ~100 MB.

    Built once per process on first use (~1–3 s); Python's string hash is stable within a process, which is all
    this needs, and a 64-bit collision between a name and a common word is negligible.
    """
    import importlib

    hashes: set[int] = set()
    for name in _TABLES[script]:
        with gzip.open(_lookups_dir() / f"{name}.json.gz", "rt", encoding="utf-8") as fh:
            hashes.update(hash(w.casefold().replace("_", " ")) for w in _words_of(json.load(fh)))
    for lang in _STOP_LANGS[script]:
        stop_words = importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
        hashes.update(hash(w.casefold()) for w in stop_words)
    return array("q", sorted(hashes))


def is_common(word: str, script: str) -> bool:
    """True when `word` (Latin or Cyrillic script) is an ordinary word of en/es/fr or ru/uk."""
    table = _common_hashes(script)
    h = hash(word.casefold())
    i = bisect_left(table, h)
    return i < len(table) and table[i] == h


@cache
def persian_common() -> frozenset[str]:
    """Persian lemmas (spacy-lookups-data) and Arabic/Persian stop words: words a surname is not."""
    from spacy.lang.ar.stop_words import STOP_WORDS as AR_STOP
    from spacy.lang.fa.stop_words import STOP_WORDS as FA_STOP

    with gzip.open(_lookups_dir() / "fa_lemma_index.json.gz", "rt", encoding="utf-8") as fh:
        index = json.load(fh)
    words = {w for values in index.values() for w in values} | set(AR_STOP) | set(FA_STOP)
    return frozenset(key(w) for w in words if w)


@cache
def arabic_stop_words() -> frozenset[str]:
    """spaCy's Arabic and Persian stop words as written ("على" is "on", not "علي" Ali, which stays a name)."""
    from spacy.lang.ar.stop_words import STOP_WORDS as AR_STOP
    from spacy.lang.fa.stop_words import STOP_WORDS as FA_STOP

    return frozenset((set(AR_STOP) | set(FA_STOP)) - {"علي"})
