"""Loading and validating the versioned triage lexicons in content/lexicons/."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.levels import Level
from escalation.normalize import normalize

LEXICON_DIR = Path(__file__).resolve().parent.parent / "content" / "lexicons"

# The closed set of categories. Every one names a harm or a danger; none names a belief, an origin
# or any other identity. A manifest naming anything else is refused at load time.
CATEGORIES = (
    "basic_needs",
    "detention_deportation",
    "harm_to_others",
    "medical_emergency",
    "missing_person",
    "self_harm",
    "trafficking_exploitation",
    "violence_abuse",
)


class LexiconError(ValueError):
    """A lexicon file is malformed or refers to something that does not exist."""


@dataclass(frozen=True)
class Concept:
    """A kind of evidence (e.g. self_harm.means) that rules combine."""

    id: str
    category: str | None
    negatable: bool
    modifier: bool  # only meaningful together with another concept, so never a reason to look closer
    framed: bool = False  # whose risk it is and how it is framed matter (escalation/perspective.py)
    reflexive: bool = False  # a person word inside the phrase is its subject ("kill myself")
    needs_self: bool = False  # counts only when the writer explicitly speaks of themselves
    keeps_past: bool = False  # past by nature (an attempt): a closed-past frame does not discount it
    hyperbole: bool = False  # killing words: a joke marker in the sentence ("jk", "😂", "ptdr") makes them everyday
    third_party: str | None = None  # the concept it becomes when a specific other person is at risk
    context: bool = False  # person and frame words: read only in a language that has evidence already
    anchor: bool = False  # a modifier that still makes a language worth tokenising (means: "pills", "rope")
    personal: bool = False  # whose act or possession it is matters, though no person word sits inside it
    masks: tuple[str, ...] = ()  # concepts whose hits inside one of this concept's phrases are dropped


@dataclass(frozen=True)
class Rule:
    """Fires when every concept in `all` is present (and, with a window, when a precedes b closely)."""

    id: str
    all: tuple[str, ...]
    level: Level
    category: str | None
    window: int | None
    near: int | None = None  # a tighter distance than the manifest's `near` for this rule only
    gives: str | None = None  # a derived concept: when the rule fires, its evidence counts as this concept
    unless: tuple[str, ...] = ()  # concepts that, near the evidence, stop the rule ("can I take them tonight?")


@dataclass(frozen=True)
class TermGroup:
    """Phrases of one language that count as one concept, reported under one rule id."""

    rule_id: str
    concept: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class LanguageLexicon:
    """One language's phrases plus its morphology hints."""

    lang: str
    clitics: tuple[str, ...]
    numbers: frozenset[str]  # number words that count like digits ("thirty pills")
    groups: tuple[TermGroup, ...]


@dataclass(frozen=True)
class Manifest:
    """Version, concepts, combination rules and the urgent signal, shared by every language."""

    version: str
    near: int
    languages: tuple[str, ...]
    lemma_languages: frozenset[str]
    concepts: dict[str, Concept]
    rules: tuple[Rule, ...]
    signal_words: frozenset[str]
    signal_fillers: frozenset[str]
    signal_commands: tuple[str, ...]
    signal_emoji: tuple[str, ...]


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path.name}: {exc}") from exc


def load_manifest(directory: Path = LEXICON_DIR) -> Manifest:
    """Read manifest.toml and check that rules only use declared concepts and closed categories."""
    raw = _read(directory / "manifest.toml")
    concepts: dict[str, Concept] = {}
    for concept_id, spec in raw["concepts"].items():
        category = spec.get("category")
        if category is not None and category not in CATEGORIES:
            raise LexiconError(f"concept {concept_id}: unknown category {category!r}")
        concepts[concept_id] = Concept(
            concept_id,
            category,
            negatable=bool(spec.get("negatable", False)),
            modifier=bool(spec.get("modifier", False)),
            framed=bool(spec.get("framed", False)),
            reflexive=bool(spec.get("reflexive", False)),
            needs_self=bool(spec.get("needs_self", False)),
            keeps_past=bool(spec.get("keeps_past", False)),
            hyperbole=bool(spec.get("hyperbole", False)),
            third_party=spec.get("third_party"),
            context=bool(spec.get("context", False)),
            anchor=bool(spec.get("anchor", False)),
            personal=bool(spec.get("personal", False)),
            masks=tuple(spec.get("masks", ())),
        )
    for concept in concepts.values():
        if concept.third_party is not None and concept.third_party not in concepts:
            raise LexiconError(f"concept {concept.id}: third_party {concept.third_party!r} is not declared")
        if any(masked not in concepts for masked in concept.masks):
            raise LexiconError(f"concept {concept.id}: masks an undeclared concept {concept.masks}")
    rules = []
    # derived concepts are added as rules fire, in file order, so a reader must come after its giver
    given = {spec["gives"] for spec in raw["rules"] if spec.get("gives")}
    derived: set[str] = set()
    for spec in raw["rules"]:
        needed = tuple(spec["all"])
        missing = [c for c in needed if c not in concepts]
        if missing:
            raise LexiconError(f"rule {spec['id']}: undeclared concepts {missing}")
        # a rule that only derives a concept may join modifiers; the rules reading it need an anchor
        if not spec.get("gives") and all(concepts[c].modifier and not concepts[c].anchor for c in needed):
            raise LexiconError(f"rule {spec['id']}: made only of modifiers, it could never be reached")
        category = spec.get("category")
        if category is not None and category not in CATEGORIES:
            raise LexiconError(f"rule {spec['id']}: unknown category {category!r}")
        window = spec.get("window")
        if window is not None and len(needed) != 2:
            raise LexiconError(f"rule {spec['id']}: a window needs exactly two concepts")
        gives = spec.get("gives")
        if gives is not None and gives not in concepts:
            raise LexiconError(f"rule {spec['id']}: gives undeclared concept {gives!r}")
        late = [c for c in needed if c in given and c not in derived]
        if late:
            raise LexiconError(f"rule {spec['id']}: uses {late} before the rule that derives it")
        if gives is not None:
            derived.add(gives)
        unless = tuple(spec.get("unless", ()))
        if any(c not in concepts for c in unless):
            raise LexiconError(f"rule {spec['id']}: undeclared concepts in unless {unless}")
        near = spec.get("near")
        rules.append(
            Rule(spec["id"], needed, Level(spec["level"]), category, window, int(near) if near else None, gives, unless)
        )
    signal = raw["signal"]
    return Manifest(
        version=str(raw["version"]),
        near=int(raw.get("near", 12)),
        languages=tuple(raw["languages"]),
        lemma_languages=frozenset(raw.get("lemma_languages", ())),
        concepts=concepts,
        rules=tuple(rules),
        signal_words=frozenset(normalize(word) for word in signal["words"]),
        signal_fillers=frozenset(normalize(word) for word in signal.get("fillers", ())),
        signal_commands=tuple(signal["commands"]),
        signal_emoji=tuple(signal["emoji"]),
    )


def load_language(lang: str, manifest: Manifest, directory: Path = LEXICON_DIR) -> LanguageLexicon:
    """Read <lang>.toml: tables [category.concept] whose keys name term groups of phrases."""
    raw = _read(directory / f"{lang}.toml")
    meta = raw.pop("meta", {})
    groups = []
    for head, table in raw.items():
        for tail, named in table.items():
            concept = f"{head}.{tail}"
            if concept not in manifest.concepts:
                raise LexiconError(f"{lang}.toml: concept {concept} is not declared in the manifest")
            for name, phrases in named.items():
                if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
                    raise LexiconError(f"{lang}.toml: {concept}.{name} must be a list of phrases")
                groups.append(TermGroup(f"{lang}.{concept}.{name}", concept, tuple(phrases)))
    return LanguageLexicon(
        lang=lang,
        clitics=tuple(sorted(meta.get("clitics", ()), key=len, reverse=True)),
        numbers=frozenset(normalize(word) for word in meta.get("numbers", ())),
        groups=tuple(groups),
    )
