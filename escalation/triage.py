"""Urgency triage of one chat message: explainable lexicon rules in seven languages, plus the urgent signal."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from core.levels import Level
from escalation.lexicon import Manifest, Rule, load_language, load_manifest
from escalation.normalize import BOUNDARY, normalize
from escalation.perspective import NOT_SELF, OWN, THIRD_PARTY, TOPIC, Sentences, judge

if TYPE_CHECKING:
    # spaCy is imported only when the first Triage is built, so importing this module stays cheap
    from escalation.lexmatch import Hit, LanguageMatcher

SIGNAL_RULE = "signal.urgent"
_NEUTRAL_LANGUAGE = "xx"  # the lexicon of language-independent terms (emoji), and "unknown"
_CACHE_LIMIT = 200_000
_NEGATION_CUE = "neg.cue"
_FUTURE = "modal.future"
# a desire word carries a denial through to what is desired ("i would never want to hurt myself"), and a
# refusal is itself one ("i dont want to kill myself"); a refusal of living is ideation, read by the grammar
_BRIDGES = frozenset((_FUTURE, "wish.want"))
_REFUSAL = "wish.refuse"
_CLOSING = "closing.ack"

# Language tags a channel may hand us, folded onto the lexicon that serves them.
_ALIASES = {"prs": "fa", "fa-af": "fa", "per": "fa", "ua": "uk", "ukr": "uk", "rus": "ru", "ara": "ar"}


@dataclass(frozen=True)
class Assessment:
    """What triage concluded about one message, with the evidence a liaison can check."""

    level: Level
    categories: tuple[str, ...]
    rules: tuple[str, ...]
    lexicon_version: str
    language: str


def _script_language(text: str) -> str:
    """A best guess from the alphabet alone, used only to name the language when no rule fired."""
    for ch in text:
        if "\u0600" <= ch <= "\u06ff":
            return "fa" if any(c in text for c in "پچژگ\u06a9\u06cc") else "ar"
        if "\u0400" <= ch <= "\u04ff":
            return "uk" if any(c in text for c in "іїєґ") else "ru"
    return _NEUTRAL_LANGUAGE


def _canonical_lang(lang: str | None, known: tuple[str, ...]) -> str | None:
    if not lang:
        return None
    tag = lang.strip().lower().replace("_", "-")
    tag = _ALIASES.get(tag, tag.split("-")[0])
    return _ALIASES.get(tag, tag) if _ALIASES.get(tag, tag) in known else None


class Triage:
    """Every language's matcher, built once; `assess` is safe to call from many threads."""

    def __init__(self, manifest: Manifest, matchers: dict[str, LanguageMatcher]) -> None:
        self.manifest = manifest
        self._matchers = matchers
        self._order = tuple(matchers)
        self._word_langs: dict[str, tuple[int, ...]] = {}
        # spaCy's vocab and our key caches are shared mutable state; one lock keeps them consistent.
        self._lock = threading.Lock()

    @classmethod
    def build(cls) -> Triage:
        from escalation.lexmatch import LanguageMatcher

        manifest = load_manifest()
        matchers = {lang: LanguageMatcher(load_language(lang, manifest), manifest) for lang in manifest.languages}
        return cls(manifest, matchers)

    def _languages_for(self, words: list[str]) -> list[str]:
        """Languages worth tokenising: those with an anchor word, plus, once there is one, those
        contributing a modifier (so "ana bde mot" + "tonight" combines Arabizi with English)."""
        cache = self._word_langs
        anchored: set[str] = set()
        modifying: set[str] = set()
        for word in words:
            relevance = cache.get(word)
            if relevance is None:
                relevance = tuple(self._matchers[lang].relevance(word) for lang in self._order)
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                cache[word] = relevance
            for lang, value in zip(self._order, relevance, strict=True):
                if value == 2:
                    anchored.add(lang)
                elif value == 1:
                    modifying.add(lang)
        if not anchored:
            return []
        wanted = anchored | modifying
        return [lang for lang in self._order if lang in wanted]

    def assess(self, text: str, lang: str | None = None, *, third_party: bool = True) -> Assessment:
        """Level, categories and fired rules for one message; `lang` is a hint, never a filter.

        `third_party=False` leaves out risk to a specific other person ("my friend wants to die"):
        the helpdesk always counts it, but data labelled for the writer's own risk does not.
        """
        signal = is_urgent_signal(text, self.manifest)
        normalised = normalize(text)
        words = normalised.split()
        hits: list[Hit] = []
        sentences: dict[str, Sentences] = {}
        hinted = _canonical_lang(lang, self.manifest.languages)
        allowed = _allowed(hinted, text)
        with self._lock:
            for candidate in self._languages_for(words):
                if allowed is not None and candidate not in allowed:
                    continue
                found, boundaries = self._matchers[candidate].hits(normalised)
                hits.extend(found)
                sentences[candidate] = Sentences(found, boundaries)
        if len(sentences) > 1:  # a topic cue names a phrase whichever lexicon read it
            cues = [h for h in hits if h.concept == TOPIC]
            for lang, doc in sentences.items():
                doc.share(h for h in cues if h.lang != lang)
        level, categories, rules = _evaluate(hits, self.manifest, normalised, sentences, third_party)
        if signal:
            level = Level.highest([level, Level.HIGH])
            rules.add(SIGNAL_RULE)
        return Assessment(
            level=level,
            categories=tuple(sorted(categories)),
            rules=tuple(sorted(rules)),
            lexicon_version=self.manifest.version,
            language=hinted or _dominant(hits) or _script_language(text),
        )


def _allowed(hinted: str | None, text: str) -> set[str] | None:
    """With a language hint, the Latin-script lexicons narrow to that language and English.

    Latin transliterations and Romance languages are full of false friends ("suicide" is a Spanish
    verb form, "most" is Russian for bridge); a hint from the contact's chosen language removes
    them, while English (the usual second language) and every script actually present in the
    text stay in, so code-switching is still caught. No hint: every lexicon is tried.
    """
    if hinted is None:
        return None
    allowed = {hinted, "en", _NEUTRAL_LANGUAGE}
    if not text.isascii():
        for ch in text:
            if "\u0600" <= ch <= "\u06ff":
                allowed.update(("ar", "fa"))
            elif "\u0400" <= ch <= "\u04ff":
                allowed.update(("ru", "uk"))
    return allowed


def _dominant(hits: list[Hit]) -> str | None:
    """The language with the most evidence, preferring a real language over the emoji lexicon."""
    counts: dict[str, int] = {}
    for hit in hits:
        if hit.concept != _NEGATION_CUE:
            counts[hit.lang] = counts.get(hit.lang, 0) + (0 if hit.lang == _NEUTRAL_LANGUAGE else 2) + 1
    return max(counts, key=lambda lang: counts[lang]) if counts else None


def _negated(hit: Hit, cues: list[Hit], futures: list[Hit]) -> bool:
    """A negation cue right before the phrase ("never kill myself", "not going to hurt him").

    The scope is deliberately tiny (the cue must touch the phrase, or the "going to" or "want to"
    before it) so that "not ok, I want to die" is not mistaken for a denial: missing a real risk
    costs more than a liaison's glance.
    """
    start = hit.start
    for future in futures:
        if future.lang == hit.lang and future.end == start:
            start = future.start
    return any(cue.lang == hit.lang and cue.end == start for cue in cues)


def _outermost(hits: list[Hit], manifest: Manifest) -> list[Hit]:
    """Drop a personal phrase lying inside a longer one of its concept ("выпью" in "их выпью").

    Its subject is the person word before it, so judged alone the inner phrase would take the
    object pronoun ("их", "їх") for its subject; the longer phrase starts before the pronoun.
    """
    personal = [h for h in hits if manifest.concepts[h.concept].personal]
    if len(personal) < 2:
        return hits
    inner = {
        id(h)
        for h in personal
        for o in personal
        if o is not h
        and o.concept == h.concept
        and o.lang == h.lang
        and o.start <= h.start
        and h.end <= o.end
        and (o.start, o.end) != (h.start, h.end)
    }
    return [h for h in hits if id(h) not in inner] if inner else hits


def _unmasked(hits: list[Hit], manifest: Manifest) -> list[Hit]:
    """Drop risk hits lying inside an everyday phrase that masks their concept.

    "jump" in "jump on the bus" or "me corté" in "me corté el pelo": the longer phrase is the
    ordinary reading, so the method verb or the self-injury phrase inside it is not evidence.
    A mask covers the words whichever lexicon read them: token positions align across languages,
    and Russian "убить время" is as everyday when the Ukrainian tables, which share spellings, read it.
    """
    masking = [(h, manifest.concepts[h.concept].masks) for h in hits if manifest.concepts[h.concept].masks]
    if not masking:
        return hits
    return [
        h for h in hits if not any(h.concept in masks and m.start <= h.start and h.end <= m.end for m, masks in masking)
    ]


def _within(first: list[Hit], second: list[Hit], window: int, sentences: dict[str, Sentences]) -> list[Hit]:
    """Pairs where a hit of the first concept ends at most `window` tokens before one of the second,
    in the same sentence: "he hit the ball. he called me" is not "hit me". Words pair within one
    language; an emoji (the neutral lexicon) pairs with any, as in "💊 ready" (token positions align)."""
    pairs: list[Hit] = []
    for a in first:
        for b in second:
            if a.lang != b.lang and _NEUTRAL_LANGUAGE not in (a.lang, b.lang):
                continue
            if 0 <= b.start - a.end <= window and not sentences[a.lang].divided(a.end, b.start):
                pairs.extend((a, b))
    return pairs


def _gap(a: Hit, b: Hit) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def _near(groups: list[list[Hit]], near: int) -> list[Hit]:
    """Evidence for a combination: one hit of each concept, all within `near` tokens of a pivot.

    Token positions line up across languages because normalised text is split on spaces, so an
    Arabizi phrase and an English "tonight" can combine. In a long post, words far apart are not
    one thought: "plan" in one paragraph and "pills" in another are not a plan.
    """
    for pivot in groups[0]:
        chosen = [pivot]
        for others in groups[1:]:
            close = [h for h in others if _gap(pivot, h) <= near]
            if not close:
                break
            chosen.extend(close)
        else:
            return chosen
    return []


def _evaluate(
    hits: list[Hit], manifest: Manifest, text: str, sentences: dict[str, Sentences], third_party: bool
) -> tuple[Level, set[str], set[str]]:
    concepts = manifest.concepts
    third_party_concepts = {c.third_party for c in concepts.values() if c.third_party}
    cues = [h for h in hits if h.concept in (_NEGATION_CUE, _REFUSAL)]
    futures = [h for h in hits if h.concept in _BRIDGES]
    present: dict[str, list[Hit]] = {}
    levels: list[Level] = []
    categories: set[str] = set()
    rules: set[str] = set()
    hits = _outermost(_unmasked(hits, manifest), manifest)
    denied = [h for h in hits if concepts[h.concept].negatable and _negated(h, cues, futures)]
    for hit in hits:
        concept = concepts[hit.concept]
        # a phrase inside a denied longer phrase ("no [me [quiero morir]]") is denied with it
        if concept.negatable and any(
            d.lang == hit.lang and d.concept == hit.concept and d.start <= hit.start and hit.end <= d.end
            for d in denied
        ):
            # a denial is still worth a look, so it keeps its category at the ordinary level
            rules.add(f"{hit.rule_id}.negated")
            if concept.category:
                categories.add(concept.category)
            continue
        if concept.framed:
            verdict = judge(hit, concept, sentences[hit.lang])
            if verdict.outcome == THIRD_PARTY and concept.third_party:
                rules.add(f"{hit.rule_id}.{THIRD_PARTY}")
                rules.update(h.rule_id for h in verdict.evidence)
                hit = replace(hit, concept=concept.third_party)
            elif verdict.outcome == NOT_SELF:
                continue  # e.g. "suicidal" with no "I": the topic rule still names the category
            elif verdict.outcome != OWN:
                # a discount is still worth a look: the category stays, at the ordinary level
                rules.add(f"{hit.rule_id}.{verdict.outcome}")
                rules.update(h.rule_id for h in verdict.evidence)
                if concept.category:
                    categories.add(concept.category)
                continue
        if not third_party and hit.concept in third_party_concepts:
            rules.add(f"{hit.rule_id}.{THIRD_PARTY}")
            continue
        present.setdefault(hit.concept, []).append(hit)
    chains: dict[int, set[str]] = {}  # a derived hit → the rule ids it was derived from, all the way down
    for rule in manifest.rules:
        # most rules miss their first concept: test it alone before building a generator (half the cost of
        # a message was this check, over 150 rules)
        if rule.all[0] not in present or not all(c in present for c in rule.all[1:]):
            continue
        if len(rule.all) == 1:
            evidence = present[rule.all[0]]
        elif rule.window is None:
            evidence = _near([present[c] for c in rule.all], rule.near or manifest.near)
            if not evidence:
                continue
        else:
            evidence = _within(present[rule.all[0]], present[rule.all[1]], rule.window, sentences)
            if not evidence:
                continue
        if rule.unless and _blocked(evidence, [h for c in rule.unless for h in present.get(c, ())], manifest.near):
            rules.add(f"{rule.id}.asked")  # a liaison still sees what it would have been
            continue
        if rule.gives:
            # a derived concept ("going to" + "take them" is resolve) that later rules combine further;
            # it names no level itself, and its id shows up as evidence of the rules that use it
            for derived in _derived(rule, rule.gives, evidence):
                # remember what it stood on, so a chain ("want" + "smash" → intent, + "the kids" → threat)
                # is shown whole to the liaison, not only its last link
                chains[id(derived)] = {h.rule_id for h in evidence}.union(*(chains.get(id(h), ()) for h in evidence))
                present.setdefault(rule.gives, []).append(derived)
            continue
        levels.append(rule.level)
        rules.add(rule.id)
        for hit in evidence:
            rules.add(hit.rule_id)
            rules.update(chains.get(id(hit), ()))
        if rule.category:
            categories.add(rule.category)
    if levels:
        return Level.highest(levels), categories, rules
    closing = present.get(_CLOSING)
    if closing and not categories and _covers(closing, text):
        return Level.LOW, categories, rules | {h.rule_id for h in closing}
    return Level.NORMAL, categories, rules


def _blocked(evidence: list[Hit], blockers: list[Hit], near: int) -> bool:
    return any(_gap(e, b) <= near for e in evidence for b in blockers)


def _derived(rule: Rule, concept: str, evidence: list[Hit]) -> list[Hit]:
    """Hits of a derived concept spanning their evidence: one per pair for a window rule, one per hit for a
    rule of one concept (each form is its own reading, in its own language: Ukrainian and Russian share
    "задушу", and one hit spanning both would keep only the first language's objects), else one."""
    if len(rule.all) == 1:
        groups = [[hit] for hit in evidence]
    elif rule.window is not None:
        groups = [evidence[i : i + 2] for i in range(0, len(evidence), 2)]
    else:
        groups = [evidence]
    found = []
    for group in groups:
        first = min(group, key=lambda h: h.start)
        last = max(group, key=lambda h: h.end)
        found.append(replace(first, rule_id=rule.id, concept=concept, end=last.end, end_char=last.end_char))
    return found


def _covers(hits: list[Hit], text: str) -> bool:
    """Whether thanks/ok/bye phrases make up the whole message (then, and only then, it is low)."""
    covered = [False] * len(text)
    for hit in hits:
        covered[hit.start_char : hit.end_char] = [True] * (hit.end_char - hit.start_char)
    return all(flag or ch in " ." for flag, ch in zip(covered, text, strict=True))


_build_lock = threading.Lock()
_instance: list[Triage] = []


def get_triage() -> Triage:
    """The process-wide Triage, built on first use (about a second), never at import time."""
    if not _instance:
        with _build_lock:
            if not _instance:
                _instance.append(Triage.build())
    return _instance[0]


@cache
def _signal_manifest() -> Manifest:
    return load_manifest()


def is_urgent_signal(text: str, manifest: Manifest | None = None) -> bool:
    """The language-independent way to ask for help: 🆘, /urgent, an urgent button, or the word alone.

    "The word alone" means the whole message is the word for urgent in one of our languages (or SOS),
    possibly repeated or with punctuation and emoji around it, so it never depends on reading a sentence.
    """
    manifest = manifest or _signal_manifest()
    if any(emoji in text for emoji in manifest.signal_emoji):
        return True
    stripped = text.strip().casefold()
    command = stripped.split("@", 1)[0].split(maxsplit=1)[0] if stripped else ""
    if command in manifest.signal_commands:
        return True
    # punctuation and emoji around the word do not make it a sentence
    words = [word for word in normalize(text).split() if word != BOUNDARY and any(c.isalnum() for c in word)]
    signal = manifest.signal_words
    return any(word in signal for word in words) and all(
        word in signal or word in manifest.signal_fillers for word in words
    )


def assess_lines(lines: Iterable[str]) -> Iterator[str]:
    """JSON lines in ({"text", "lang"?}), JSON lines out; a bad line reports an error and the rest go on."""
    triage: Triage | None = None
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a string "text"')
            lang = record.get("lang")
            if lang is not None and not isinstance(lang, str):
                raise ValueError('"lang" must be a string when given')
        except ValueError as exc:
            yield json.dumps({"error": str(exc)}, ensure_ascii=False)
            continue
        triage = triage or get_triage()
        result = triage.assess(record["text"], lang)
        yield json.dumps(
            {
                "level": result.level.value,
                "categories": list(result.categories),
                "rules": list(result.rules),
                "lexicon_version": result.lexicon_version,
                "language": result.language,
            },
            ensure_ascii=False,
        )
