"""Per-language spaCy matchers over normalised text: lemma and stem keys, PhraseMatcher, Matcher."""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import json
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

import spacy
from spacy.attrs import LIKE_NUM
from spacy.matcher import Matcher, PhraseMatcher

from escalation.lexicon import LEXICON_DIR, LanguageLexicon, Manifest
from escalation.normalize import BOUNDARY, normalize, squeeze

_CACHE_LIMIT = 200_000  # distinct words remembered per language before the cache starts afresh
LEMMA_DIR = LEXICON_DIR / "lemmas"
_NEGATION_CONCEPT = "neg.cue"


@dataclass(frozen=True)
class Hit:
    """One matched phrase: which term group, in which language's doc, over which tokens."""

    rule_id: str
    concept: str
    lang: str
    start: int
    end: int
    start_char: int
    end_char: int


def _fold_table() -> dict[int, str]:
    """Accented Latin letters → base letter, ё → е: what normalize() does, cheap enough for 500k words."""
    table: dict[int, str] = {ord("ё"): "е"}
    for cp in range(0x00C0, 0x0250):
        decomposed = unicodedata.normalize("NFD", chr(cp))
        if len(decomposed) > 1 and decomposed[0].isascii():
            table[cp] = decomposed[0]
    return table


def _lemma_table(lang: str) -> dict[str, str]:
    """The whole spacy-lookups-data form → lemma table (up to half a million forms; ~1 s to parse)."""
    source = resources.files("spacy_lookups_data") / "data" / f"{lang}_lemma_lookup.json.gz"
    with source.open("rb") as handle, gzip.open(handle, "rt", encoding="utf-8") as text:
        raw: dict[str, str | list[str]] = json.load(text)
    # the French table lists candidate lemmas; the first is the usual reading
    return {form: lemma if isinstance(lemma, str) else lemma[0] for form, lemma in raw.items() if lemma}


def extract_lemmas(lang: str, wanted: set[str]) -> dict[str, str]:
    """Form → lemma, restricted to lemma families of words the lexicon uses; the full table is dropped.

    Keeping only the families of our own terms costs kilobytes instead of tens of megabytes, and
    matching a form is one dict lookup. The two passes are written for speed: a first-two-letters
    test skips almost every entry.
    """
    table = _lemma_table(lang)
    fold = _fold_table()

    def folded(word: str) -> str:
        return word if word.isascii() else word.translate(fold)

    heads = {w[:2] for w in wanted}
    families = set(wanted)
    for form, lemma in table.items():
        candidate = folded(form)
        # a doubled first letter may squeeze into a wanted head, so those are always looked at
        if (candidate[:2] in heads or candidate[:1] == candidate[1:2]) and squeeze(candidate) in wanted:
            families.add(squeeze(folded(lemma)))
    heads = {w[:2] for w in families}
    result: dict[str, str] = {}
    for form, lemma in table.items():
        base = folded(lemma)
        if base[:2] in heads or base[:1] == base[1:2]:
            base = squeeze(base)
            if base in families:
                squeezed = squeeze(folded(form))
                if squeezed != base:
                    result.setdefault(squeezed, base)
    return result


def lemma_fingerprint(wanted: set[str]) -> str:
    """Identifies one extraction: the lexicon's words and the lookup tables' version."""
    digest = hashlib.sha256("\n".join(sorted(wanted)).encode("utf-8"))
    digest.update(importlib.metadata.version("spacy-lookups-data").encode("ascii"))
    return digest.hexdigest()[:16]


def _load_lemmas(lang: str, wanted: set[str]) -> dict[str, str]:
    """The extracted families from the committed cache when it matches this lexicon, else extracted now.

    Parsing the full tables took most of the build time (about 5 s for es, fr and ru); the cache is
    `content/lexicons/lemmas/<lang>.json`, refreshed by `python -m escalation.lexmatch` after any
    lexicon change (a test fails while it is stale, and a stale cache is never used).
    """
    cached = LEMMA_DIR / f"{lang}.json"
    try:
        stored = json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    if isinstance(stored, dict) and stored.get("fingerprint") == lemma_fingerprint(wanted):
        return dict(stored["forms"])
    return extract_lemmas(lang, wanted)


class Keyer:
    """Maps a normalised word to its matching key: lemma, then stem ("stem*"), then clitic-stripped."""

    def __init__(self, lemmas: dict[str, str], stems: set[str], clitics: tuple[str, ...]) -> None:
        self._lemmas = lemmas
        self._stems = stems
        self._stem_lengths = sorted({len(s) for s in stems}, reverse=True)
        self._clitics = clitics
        self._exact: set[str] = set()
        self._cache: dict[str, str] = {}

    def freeze(self, exact: set[str]) -> None:
        """Record the keys the lexicon uses, so clitic stripping only fires when it finds one."""
        self._exact = exact
        self._cache.clear()

    def _direct(self, word: str) -> str | None:
        lemma = self._lemmas.get(word, word)
        if lemma in self._exact:
            return lemma
        for length in self._stem_lengths:
            if length <= len(lemma) and lemma[:length] in self._stems:
                return lemma[:length] + "*"
        return None

    def key(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found = self._direct(word)
        if found is None:
            for clitic in self._clitics:
                if word.startswith(clitic) and len(word) - len(clitic) >= 2:
                    found = self._direct(word[len(clitic) :])
                    if found is not None:
                        break
        result = found if found is not None else self._lemmas.get(word, word)
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = result
        return result


def _split_phrase(phrase: str) -> tuple[list[str], set[str]]:
    """Normalise a lexicon phrase; a chunk ending in '*' makes its last word a stem."""
    words: list[str] = []
    stems: set[str] = set()
    for chunk in phrase.split():
        parts = normalize(chunk.rstrip("*")).split()
        if not parts:
            continue
        if chunk.endswith("*"):
            stems.add(parts[-1])
        words.extend(parts)
    return words, stems


Phrase = tuple[str, str, list[str]]  # rule id, concept, normalised words


def split_groups(lexicon: LanguageLexicon) -> tuple[list[Phrase], list[Phrase], set[str]]:
    """A lexicon's phrases matched by key, those matched as written ("=..."), and its stems."""
    phrases: list[Phrase] = []
    surface: list[Phrase] = []
    stems: set[str] = set()
    for group in lexicon.groups:
        for phrase in group.phrases:
            # "=phrase" matches the written form only: where person or tense is the point
            # ("me va a matar" is a threat, "me voy a matar" is not), lemmas would blur it
            exact = phrase.startswith("=")
            words, phrase_stems = _split_phrase(phrase.removeprefix("="))
            if words:
                (surface if exact else phrases).append((group.rule_id, group.concept, words))
                stems |= phrase_stems
    return phrases, surface, stems


def lemma_words(lexicon: LanguageLexicon) -> set[str]:
    """The words whose lemma families a language keeps from the lookup tables."""
    return {w for _, _, words in split_groups(lexicon)[0] for w in words}


def _without_negations(lemmas: dict[str, str], phrases: list[Phrase]) -> dict[str, str]:
    """The lemma table minus the language's one-word negation cues, which stay their own key.

    The lookup tables fold a negated auxiliary into its lemma ("dont" → "do"), which would make
    "I do want to live" match "dont want to live" and lose every denial written as one word.
    """
    negations = {words[0] for _, concept, words in phrases if concept == _NEGATION_CONCEPT and len(words) == 1}
    return {form: lemma for form, lemma in lemmas.items() if form not in negations}


_OVERDOSE_COUNT = 5


def _overdose_count(text: str) -> bool:
    return text.isdigit() and int(text) >= _OVERDOSE_COUNT


def _clitic_variants(phrases: list[Phrase], keyer: Keyer, clitics: tuple[str, ...]) -> list[Phrase]:
    """Phrases again with a clitic glued to one of their words, where that glued word is a key of its own.

    A word the lexicon lists with a clitic ("الجسر", "وما") is its own key, so in text it is never stripped
    to the bare word another phrase uses ("جسر" as a means, "ما عم يتنفس"): each token has one key. The
    variants make the bare phrase match the glued form too, one word at a time, so an author need not know
    which glued forms other phrases happen to list (Arabic "و", "ال", "ب"; Farsi "و", "ب").
    """
    if not clitics:
        return []
    glued_keys: dict[str, list[str]] = {}
    variants: list[Phrase] = []
    for rule_id, concept, words in phrases:
        for position, word in enumerate(words):
            glued_forms = glued_keys.get(word)
            if glued_forms is None:
                plain = keyer.key(word)
                glued_forms = [c + word for c in clitics if keyer.key(c + word) == c + word != plain]
                glued_keys[word] = glued_forms
            for glued in glued_forms:
                variants.append((rule_id, concept, [*words[:position], glued, *words[position + 1 :]]))
    return variants


class LanguageMatcher:
    """One language: a blank tokenizer, the keyer, a PhraseMatcher and a small Matcher."""

    def __init__(self, lexicon: LanguageLexicon, manifest: Manifest) -> None:
        self.lang = lexicon.lang
        # Every language uses spaCy's multi-language blank pipeline: normalised text is already
        # lower-case words, digits, emoji and "." separated by spaces, so the per-language classes
        # split it identically (checked on the labelled and C-SSRS texts) and added only start-up
        # time (French tokenizer exceptions alone took ~1.7 s). Tokenizer exceptions are cleared so
        # "dont" stays one token, aligned with the word pre-filter. Each language keeps its own
        # vocab, because token norms are that language's matching keys.
        self.nlp: Any = spacy.blank("xx")
        tokenizer: Any = self.nlp.tokenizer
        tokenizer.rules = {}
        # the per-language classes knew number words ("thirty", "тридцать"); the lexicon lists them
        # now (and the lexemes the blank vocab already holds are given the rule below). LIKE_NUM only feeds the
        # counted-means pattern below, so it means "a count that looks like an overdose": a number word
        # the lexicon lists (all ten or more) or at least five in digits, never "took 2 paracetamol".
        vocab: Any = self.nlp.vocab
        getters = vocab.lex_attr_getters
        numbers = lexicon.numbers
        getters[LIKE_NUM] = lambda text: text in numbers or _overdose_count(text)
        for lexeme in vocab:
            # the blank vocab already holds a few hundred lexemes from tokenizer exceptions ("1", "3" of ":3"),
            # computed with the default getter: give them ours, or "3 pastillas" reads as an overdose
            lexeme.like_num = getters[LIKE_NUM](lexeme.text)
        self._seen: set[int] = set()
        phrases, surface, stems = split_groups(lexicon)
        self._concepts: dict[str, str] = {group.rule_id: group.concept for group in lexicon.groups}
        wanted = {w for _, _, words in phrases for w in words}
        lemmas = _load_lemmas(lexicon.lang, wanted) if lexicon.lang in manifest.lemma_languages else {}
        lemmas = _without_negations(lemmas, phrases + surface)
        self.keyer = Keyer(lemmas, stems, lexicon.clitics)
        self.keyer.freeze({self.keyer.key(w) for w in wanted})
        phrases = phrases + _clitic_variants(phrases, self.keyer, lexicon.clitics)
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.anchors: set[str] = set()
        self.modifiers: set[str] = set()
        means_keys: set[str] = set()
        for rule_id, concept, words in phrases:
            doc = self._doc(" ".join(words))
            self.phrase_matcher.add(rule_id, [doc])
            keys = [tok.norm_ for tok in doc]
            # the longest key is the rarest, so the pre-filter lets fewest innocent messages through
            rarest = max(keys, key=len)
            if manifest.concepts[concept].context:
                pass  # person and frame words never make a language worth tokenising
            elif manifest.concepts[concept].modifier and not manifest.concepts[concept].anchor:
                self.modifiers.add(rarest)
            else:
                self.anchors.add(rarest)
            if concept == "self_harm.means" and len(keys) == 1:
                means_keys.add(keys[0])
        self.surface_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.surface_anchors: set[str] = set()
        self.surface_modifiers: set[str] = set()
        for rule_id, concept, words in surface:
            self.surface_matcher.add(rule_id, [self.nlp.make_doc(" ".join(words))])
            if not manifest.concepts[concept].context:
                spec = manifest.concepts[concept]
                target = self.surface_modifiers if spec.modifier and not spec.anchor else self.surface_anchors
                target.add(max(words, key=len))
        self.matcher = Matcher(self.nlp.vocab)
        self.amount_rule = f"{self.lang}.self_harm.amount.number"
        self._concepts[self.amount_rule] = "self_harm.amount"
        if means_keys:
            # "30 pills", "20 sleeping pills": a counted quantity of a means is what an overdose looks like
            means = {"NORM": {"IN": sorted(means_keys)}}
            number: dict[str, Any] = {"LIKE_NUM": True}
            self.matcher.add(self.amount_rule, [[number, means], [number, {"IS_ALPHA": True}, means]])

    def _doc(self, text: str) -> Any:
        doc = self.nlp.make_doc(text)
        vocab = self.nlp.vocab
        seen = self._seen
        for token in doc:
            orth = token.orth
            if orth not in seen:
                # lexeme norms persist in the vocab, so each distinct word is keyed only once
                vocab[orth].norm_ = self.keyer.key(token.text)
                seen.add(orth)
        return doc

    def relevance(self, word: str) -> int:
        """The cheap pre-filter: 2 if the word may start evidence here, 1 if it may add to it, else 0."""
        key = self.keyer.key(word)
        if key in self.anchors or word in self.surface_anchors:
            return 2
        return 1 if key in self.modifiers or word in self.surface_modifiers else 0

    def hits(self, text: str) -> tuple[list[Hit], tuple[int, ...]]:
        """All phrase and pattern matches in normalised text, and the positions of its "." tokens."""
        doc = self._doc(text)
        strings = self.nlp.vocab.strings
        found = []
        matches = [*self.phrase_matcher(doc), *self.surface_matcher(doc), *self.matcher(doc)]
        for match_id, start, end in matches:
            rule_id = strings[match_id]
            span = doc[start:end]
            found.append(Hit(rule_id, self._concepts[rule_id], self.lang, start, end, span.start_char, span.end_char))
        return found, tuple(tok.i for tok in doc if tok.text == BOUNDARY)


def refresh_lemma_cache() -> None:
    """Rewrite content/lexicons/lemmas/*.json from the lookup tables for the current lexicons."""
    from escalation.lexicon import load_language, load_manifest

    manifest = load_manifest()
    LEMMA_DIR.mkdir(exist_ok=True)
    for lang in sorted(manifest.lemma_languages):
        wanted = lemma_words(load_language(lang, manifest))
        forms = extract_lemmas(lang, wanted)
        record = {"fingerprint": lemma_fingerprint(wanted), "forms": dict(sorted(forms.items()))}
        text = json.dumps(record, ensure_ascii=False, indent=0, sort_keys=True)
        (LEMMA_DIR / f"{lang}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    refresh_lemma_cache()
