"""Find people's names in staff notes without a model: name lists, capitalisation, cues, surnames, repeats."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from escalation.name_cues import ARABIC_PROCLITICS, PERSIAN_SURNAME_ENDS, cues
from escalation.name_data import arabic_stop_words, cyrillic_stem, is_common, key, name_lists, persian_common

# A word: letters, with inner apostrophes, hyphens and the Persian zero-width non-joiner ("همسایه‌اش").
_WORD = re.compile(r"[^\W\d_](?:[\w\u200c'’\-]*[^\W\d_])?")
_ELISION = re.compile(r"(?i)^(?:[dlj]|qu)['’](?=\w)")
_POSSESSIVE = re.compile(r"['’]s$")
_CYRILLIC_ENDINGS = (
    "ою",
    "ею",
    "єю",
    "ові",
    "еві",
    "ом",
    "ем",
    "єм",
    "ой",
    "ей",
    "ий",
    "а",
    "я",
    "у",
    "ю",
    "і",
    "и",
    "е",
    "ы",
)
_OF = frozenset({"of", "de", "du", "del", "d"})
_OPENERS = " \t\"'«»“”‘’([*•–—-"
_BOUNDARIES = ".!?…\n:"


@dataclass
class Tok:
    start: int
    end: int
    text: str
    key: str
    script: str  # "latin", "cyrillic", "arabic" or "other"
    cap: bool
    initial: bool
    possessive: bool


def _script(ch: str) -> str:
    if ch.isascii() or "\u00c0" <= ch <= "\u024f":
        return "latin"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
        return "arabic"
    return "other"


def _is_initial(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    return j < 0 or text[j] in _BOUNDARIES


def tokenize(text: str) -> list[Tok]:
    toks = []
    for m in _WORD.finditer(text):
        start, word = m.start(), m.group()
        elided = _ELISION.match(word)
        if elided:
            start, word = start + elided.end(), word[elided.end() :]
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 3
        if possessive:
            word = word[:-2]
        script = _script(word[0])
        cap = word[0].isupper() and not (len(word) > 1 and word.isupper())
        toks.append(Tok(start, start + len(word), word, key(word), script, cap, _is_initial(text, start), possessive))
    return toks


def _gap(text: str, a: Tok, b: Tok) -> str:
    return text[a.end : b.start]


def _joined(text: str, a: Tok, b: Tok) -> bool:
    """Two tokens in one phrase: only spaces (or a hyphen) between them."""
    return _gap(text, a, b).strip(" -") == ""


class _Finder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.lists = name_lists()
        self.cues = cues()
        self.marked: set[int] = set()
        self.cut_front: dict[int, int] = {}  # token index → characters of a proclitic kept before [name]

    # --- what a single token is -------------------------------------------------------------------------------
    def listed(self, i: int) -> bool:
        tok = self.toks[i]
        if tok.key in self.lists.given:
            return True
        if tok.script == "cyrillic" and tok.cap:
            for ending in _CYRILLIC_ENDINGS:
                if tok.key.endswith(ending) and len(tok.key) - len(ending) >= 3:
                    stem = tok.key[: -len(ending)]
                    if stem in self.lists.cyrillic_stems or cyrillic_stem(stem) in self.lists.cyrillic_stems:
                        return True
        return False

    def ambiguous(self, i: int) -> bool:
        return self.toks[i].key in self.lists.also_words

    def never(self, i: int) -> bool:
        tok = self.toks[i]
        return tok.key in self.lists.never or (tok.script == "arabic" and tok.text in arabic_stop_words())

    def unknown_proper(self, i: int, initial_ok: bool = False) -> bool:
        """A capitalised Latin/Cyrillic word inside a sentence that no word list knows."""
        tok = self.toks[i]
        return (
            tok.script in ("latin", "cyrillic")
            and tok.cap
            and len(tok.text) > 1
            # At a sentence start only Latin words can be told from everyday words (Ukrainian has no word table).
            and (not tok.initial or (initial_ok and tok.script == "latin"))
            and not self.never(i)
            and not is_common(tok.text, tok.script)
        )

    # --- cues around a token ----------------------------------------------------------------------------------
    def cue_before(self, i: int, cues: frozenset[str], after_dot: bool = False) -> bool:
        for n in (1, 2, 3):
            if i - n < 0:
                return False
            first, last = self.toks[i - n], self.toks[i - 1]
            between = self.text[first.start : last.end]
            if any(ch in between for ch in ".!?\n"):
                return False
            gap = _gap(self.text, last, self.toks[i]).strip()
            if gap not in ("", ",", "،", ":", "." if after_dot else "") or (
                n > 1
                and not all(
                    _joined(self.text, self.toks[k], self.toks[k + 1])
                    or _gap(self.text, self.toks[k], self.toks[k + 1]).strip() in ("'", "’")
                    for k in range(i - n, i - 1)
                )
            ):
                return False
            phrase = " ".join(t.key for t in self.toks[i - n : i])
            # "وزوجها أحمد": the conjunction و is written joined to the cue word.
            if phrase in cues or (n == 1 and phrase[:1] == "و" and phrase[1:] in cues):
                return True
            # "le mari de Yasmina", "el hijo de Marta", "the son of Huda".
            if n == 2 and self.toks[i - 1].key in _OF and self.toks[i - 2].key in cues and cues is self.cues.kin:
                return True
        return False

    def verb_after(self, i: int) -> bool:
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return nxt is not None and _joined(self.text, self.toks[i], nxt) and nxt.key in self.cues.person_verbs

    def cue_after(self, i: int) -> bool:
        tok = self.toks[i]
        if tok.possessive:
            return True
        if i + 1 < len(self.toks):
            nxt = self.toks[i + 1]
            if _joined(self.text, tok, nxt) and nxt.key in self.cues.person_verbs:
                return True
        # "Taras, her husband, ..." — an apposition names the person.
        if i + 2 < len(self.toks) and _gap(self.text, tok, self.toks[i + 1]).strip() == ",":
            return self.toks[i + 2].key in self.cues.kin or (
                i + 1 < len(self.toks) and self.toks[i + 1].key in self.cues.kin
            )
        return False

    # --- the passes -------------------------------------------------------------------------------------------
    def first_pass(self) -> None:
        for i, tok in enumerate(self.toks):
            if self.never(i) or tok.script == "other":
                continue
            strong_cue = self.cue_before(i, self.cues.naming)
            if self.cue_before(i, self.cues.honorifics, after_dot=True) and (tok.cap or tok.script == "arabic"):
                self.marked.add(i)  # "Mr Jones", "Sra. García", "пані Олена", "آقای کریمی"
                continue
            cue = strong_cue or self.cue_before(i, self.cues.kin) or self.cue_after(i)
            if self.listed(i):
                if tok.script == "arabic":
                    hit = cue or not self.ambiguous(i)
                elif tok.cap:
                    hit = cue or not tok.initial or not self.ambiguous(i)
                else:
                    hit = cue or (len(tok.key) > 2 and not self.ambiguous(i))
            elif tok.script == "arabic":
                hit = strong_cue or self._proclitic_name(i)
            else:
                # After "my name is" / "named", a lower-case word is still a name unless it is an everyday word.
                lower_name = strong_cue and not tok.cap and not is_common(tok.text, tok.script)
                hit = (strong_cue and tok.cap) or lower_name or (cue and self.unknown_proper(i))
                # "Kofi lives with his employer": a person's verb after an unknown capitalised word, even first.
                hit = hit or (self.verb_after(i) and tok.cap and self.unknown_proper(i, initial_ok=True))
                hit = hit or (tok.possessive and tok.cap and not self.never(i) and not is_common(tok.text, tok.script))
            if hit:
                self.marked.add(i)

    def _proclitic_name(self, i: int) -> bool:
        """وأحمد, لأحمد, بفاطمة: a one-letter Arabic proclitic glued to a listed name."""
        tok = self.toks[i]
        if tok.text[0] in ARABIC_PROCLITICS and len(tok.text) > 3:
            rest = key(tok.text[1:])
            if rest in name_lists().given and rest not in name_lists().also_words:
                self.cut_front[i] = 1
                return True
        return False

    def surnames(self) -> None:
        """Extend each name to the right over surnames, particles and patronymics; and left over kunyas."""
        for i in sorted(self.marked):
            j = i
            while j + 1 < len(self.toks) and j - i < 3 and _joined(self.text, self.toks[j], self.toks[j + 1]):
                if self._surname(j + 1):
                    j += 1
                elif (
                    self.toks[j + 1].key in self.cues.particles
                    and j + 2 < len(self.toks)
                    and _joined(self.text, self.toks[j + 1], self.toks[j + 2])
                    and (self.toks[j + 2].cap or self.toks[j + 2].script == "arabic")
                ):
                    j += 2
                else:
                    break
                self.marked.update(range(i, j + 1))
            if i > 0 and self.toks[i - 1].key in self.cues.kunya and _joined(self.text, self.toks[i - 1], self.toks[i]):
                self.marked.add(i - 1)
            # "Gulnara Iskakova phoned": an unknown capitalised word right before a name is its first part.
            k = i
            while (
                k > 0
                and k - i > -2
                and _joined(self.text, self.toks[k - 1], self.toks[k])
                and (k - 1) not in self.marked
            ):
                before = self.toks[k - 1].key
                if not self.unknown_proper(k - 1, initial_ok=True) or before in self.cues.honorifics | self.cues.kin:
                    break
                k -= 1
                self.marked.add(k)

    def _surname(self, j: int) -> bool:
        tok = self.toks[j]
        if self.never(j) or tok.key in self.cues.person_verbs or tok.key in self.cues.kin:
            return False
        if tok.script in ("latin", "cyrillic"):
            return tok.cap and len(tok.text) > 1 and not tok.initial
        if tok.script != "arabic":
            return False
        given, k = self.lists.given, tok.key
        # "محمد", "الحسن", "احمدی", "رضایی": another name, al- + a name, or a name + the Persian -i.
        if (k in given and k not in self.lists.also_words) or (k.startswith("ال") and k[2:] in given):
            return True
        if k.endswith("ي") and (k[:-1] in given or k[:-2] in given):
            return True
        if k in persian_common():
            return False
        # "الشامي" (an al- nisba) and "حسین‌زاده", "کریم‌پور": surname shapes, when not an everyday word.
        return (k.startswith("ال") and k.endswith("ي")) or any(k.endswith(key(e)) for e in PERSIAN_SURNAME_ENDS)

    def repeats(self) -> None:
        """A name found once is found everywhere in the same text (capitalised, where the script has case)."""
        found = {self.toks[i].key for i in self.marked}
        stems = {cyrillic_stem(k) for k in found}
        for i, tok in enumerate(self.toks):
            if i in self.marked or self.never(i):
                continue
            if tok.script in ("latin", "cyrillic") and not tok.cap:
                continue
            if tok.key in found:
                self.marked.add(i)
            elif tok.script == "cyrillic":
                for ending in _CYRILLIC_ENDINGS:
                    if tok.key.endswith(ending) and tok.key[: -len(ending)] in stems | found:
                        self.marked.add(i)
                        break

    def spans(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for i in sorted(self.marked):
            tok = self.toks[i]
            start = tok.start + self.cut_front.get(i, 0)
            if out and (i - 1) in self.marked and _joined(self.text, self.toks[i - 1], tok):
                out[-1] = (out[-1][0], tok.end)
            else:
                out.append((start, tok.end))
        return out


def find_names(text: str) -> list[tuple[int, int]]:
    """Character spans of people's names in `text`, one span per run of name words."""
    finder = _Finder(text)
    if not finder.toks:
        return []
    finder.first_pass()
    finder.surnames()
    finder.repeats()
    return finder.spans()


@cache
def warm() -> None:
    """Build every table now (for a process that wants the first note to be fast)."""
    find_names("Warm up: Olena and Тарас, Ахмед and أحمد الحسن, my husband Kovalenko.")
