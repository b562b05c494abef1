"""Whose risk a phrase speaks of, and how its sentence frames it: the writer's, someone else's, or nobody's."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # typing only: importing lexmatch loads spaCy, which triage defers until it is built
    from escalation.lexicon import Concept
    from escalation.lexmatch import Hit

SELF, YOU, OTHER, ANYONE = "who.self", "who.you", "who.other", "who.anyone"
PEOPLE = (SELF, YOU, OTHER, ANYONE)
IF, PAST, PRESENT, REPORT, ADVICE = "frame.if", "frame.past", "frame.present", "frame.report", "frame.advice"
TOPIC = "frame.topic"
JOKE = "frame.joke"
NOW = "time.now"
WORDS = frozenset((*PEOPLE, IF, PAST, PRESENT, REPORT, ADVICE, TOPIC, JOKE))
# A topic cue names the phrase when it heads it ("shelter for victims of domestic violence", "what is
# trafficking") or follows it as in a compound noun ("abuse hotline", "suicide prevention")
TOPIC_BEFORE, TOPIC_AFTER = 3, 1
# phrases about someone else's risk ("talking about suicide"); with the writer as subject they name a subject
_OTHERS = frozenset(("self_harm.other",))

# Outcomes. OWN: the writer's own risk (also when no person is named: in Spanish, Russian, Arabic or
# Farsi the verb carries the person and the pronoun is dropped, so "no person word" means the writer).
OWN = "own"
THIRD_PARTY = "third_party"  # a specific other person is at risk: still urgent for the helpdesk
NOT_SELF = "not_self"  # a phrase that needs an explicit "I" did not get one
# discounts: the phrase keeps its category at the normal level, with the reason in its rule id
ADDRESSED, GENERIC, REPORTED, ADVICE_GIVEN, PAST_TOLD = "addressed", "generic", "reported", "advice", "past"
NAMED = "topic"  # the phrase names a topic, a service or a question about it; nobody's risk is told
JOKING = "joke"  # a killing word in a sentence the writer marks as a joke ("im gonna kill her 😂 jk")


@dataclass(frozen=True)
class Verdict:
    outcome: str
    evidence: tuple[Hit, ...] = ()  # the person and frame words that decided it


class Sentences:
    """Person and frame words of one language's doc, looked up by sentence."""

    def __init__(self, hits: Iterable[Hit], boundaries: tuple[int, ...]) -> None:
        self._boundaries = boundaries
        self._words: dict[str, list[Hit]] = {}
        for hit in hits:
            if hit.concept in WORDS or hit.concept == NOW:
                self._words.setdefault(hit.concept, []).append(hit)

    def span(self, hit: Hit) -> tuple[int, int]:
        """Token range of the sentence holding the phrase ("." tokens separate sentences)."""
        before = bisect_right(self._boundaries, hit.start - 1)
        start = self._boundaries[before - 1] + 1 if before else 0
        after = bisect_left(self._boundaries, hit.end)
        end = self._boundaries[after] if after < len(self._boundaries) else 1 << 30
        return start, end

    def divided(self, end: int, start: int) -> bool:
        """Whether a sentence boundary lies between token `end` and token `start` (end <= start)."""
        return bisect_left(self._boundaries, end) < bisect_left(self._boundaries, start)

    def share(self, hits: Iterable[Hit]) -> None:
        """Add topic cues found by another language's lexicon: token positions align across languages,
        and "statistiques des overdoses" is read by the English lexicon as well as the French one."""
        for hit in hits:
            self._words.setdefault(TOPIC, []).append(hit)

    def within(self, concepts: Iterable[str], start: int, end: int) -> list[Hit]:
        return [h for c in concepts for h in self._words.get(c, ()) if start <= h.start and h.end <= end]


def _holder(hit: Hit, concept: Concept, people: list[Hit]) -> Hit | None:
    """The person the phrase is about: for a reflexive phrase a person word inside it ("kill myself",
    "he is suicidal"), else the nearest person word before it in its sentence, i.e. its subject in
    subject-first word orders (and in Farsi and Arabic, where the subject also comes first)."""
    if concept.reflexive:
        inside = [p for p in people if p.start >= hit.start]
        if inside:
            own = [p for p in inside if p.concept == SELF]
            return own[0] if own else min(inside, key=lambda p: p.start)
    before = [p for p in people if p.end <= hit.start]
    return max(before, key=lambda p: (p.end, p.start)) if before else None


def _closest_time(hit: Hit, sentences: Sentences, start: int, end: int) -> Hit | None:
    """The closed-past cue that dates the phrase, if nothing says it goes on.

    A continuation word anywhere in the sentence ("still", "again", "lately") says it goes on. Else
    the time word nearest the phrase is the one that scopes over it: in "I used to be happy, now I
    want to die" it is "now", in "years ago I cut myself, clean for 3 years now" it is "years ago".
    A tie goes to the present, which keeps the phrase urgent.
    """
    if sentences.within((PRESENT,), start, end):
        return None
    cues = sentences.within((PAST, NOW), start, end)
    if not cues:
        return None

    def gap(cue: Hit) -> tuple[int, int]:
        return max(0, hit.start - cue.end, cue.start - hit.end), 0 if cue.concept != PAST else 1

    nearest = min(cues, key=gap)
    return nearest if nearest.concept == PAST else None


def _topic_cue(hit: Hit, concept: Concept, sentences: Sentences, start: int, end: int) -> Hit | None:
    """The cue that makes a phrase the name of a topic rather than a disclosure, if there is one.

    A phrase names a topic when a topic word (hotline, shelter, prevention, statistics, "what is")
    heads it or follows it as a compound noun. It is a disclosure instead when a person word sits
    inside the phrase ("abuses me", "kill myself") or the sentence says it goes on or is happening
    now ("every night", "tonight"), or a person word stands between cue and phrase: then no cue
    discounts it.
    """
    if concept.personal or sentences.within(PEOPLE, hit.start, hit.end):
        return None
    if sentences.within((PRESENT, NOW), start, end):
        return None
    for cue in sentences.within((TOPIC,), start, end):
        if cue.end <= hit.start and hit.start - cue.end <= TOPIC_BEFORE:
            between = (cue.end, hit.start)
        elif cue.start >= hit.end and cue.start - hit.end <= TOPIC_AFTER:
            between = (hit.end, cue.start)
        else:
            continue
        # a person between them is the phrase's subject ("of course I was abused"), not a topic
        if not sentences.within((SELF, OTHER), *between):
            return cue
    return None


def judge(hit: Hit, concept: Concept, sentences: Sentences) -> Verdict:
    """Decide whose risk a framed phrase is about, from the words of its own sentence only.

    Discounts need positive evidence (a "you", "people", "if" with another person, news, advice, a
    closed past with nothing saying it goes on), because missing a person at risk costs more than a
    liaison's glance; a phrase with no person word is the writer's own.
    """
    start, end = sentences.span(hit)
    if concept.hyperbole:
        # "this paperwork will kill me 😂", "je vais la tuer ptdr": an explicit joke marker in the same
        # sentence. Only killing words take it: a beating or a wish to die is never discounted by a laugh,
        # since people often laugh off what they are disclosing.
        joke = sentences.within((JOKE,), start, end)
        if joke:
            return Verdict(JOKING, (joke[0],))
    limit = hit.end if concept.reflexive else hit.start
    people = sentences.within(PEOPLE, start, limit)
    holder = _holder(hit, concept, people)
    kind = holder.concept if holder else None
    shown: tuple[Hit, ...] = (holder,) if holder else ()

    def framed(frame: str) -> Verdict | None:
        found = sentences.within((frame,), start, end)
        return Verdict("", (*shown, found[0])) if found else None

    # whose act it is: a reflexive phrase ("kill myself"), or a personal one whose subject is the
    # person word before it ("she'll take them", "if you have the pills")
    personal = concept.reflexive or concept.personal
    if kind == YOU and personal:
        # "if you feel suicidal", "do you want to die?": said to the reader, not of the writer
        return Verdict(ADDRESSED, shown)
    if kind == ANYONE and personal:
        return Verdict(GENERIC, shown)  # "people who want to die", "anyone who self harms"
    past = None if concept.keeps_past else _closest_time(hit, sentences, start, end)
    if past:
        # "years ago I wanted to die", "when I was a kid he beat me": a recovery story, not now
        return Verdict(PAST_TOLD, (*shown, past))
    if kind == OTHER and personal:
        # only for a reflexive phrase is the other person the one at risk; in "if he finds me he
        # will kill me" he is the danger, and a condition does not make the threat hypothetical
        condition = framed(IF)
        if condition:
            return Verdict(GENERIC, condition.evidence)  # "if a friend says she wants to die, listen"
        report = framed(REPORT)
        if report:
            return Verdict(REPORTED, report.evidence)
        if concept.third_party:
            return Verdict(THIRD_PARTY, shown)
        if concept.personal:
            return Verdict(NOT_SELF, shown)  # "my mother has her pills": someone else's, no risk said
    # "my daughter": the writer's own family, never news to them whatever the sentence mentions
    own_family = holder is not None and any(p.concept == SELF and p.end == holder.start for p in people)
    if kind is None or (kind == OTHER and not own_family) or (kind == YOU and not concept.reflexive):
        # news, a film, a study; also of someone else ("on the news a kid went missing"), while
        # the writer's own disclosure never is, whatever article the sentence mentions
        report = framed(REPORT)
        if report:
            return Verdict(REPORTED, report.evidence)
    if kind is None or (kind == YOU and not concept.reflexive):
        advice = framed(ADVICE)
        if advice:
            return Verdict(ADVICE_GIVEN, advice.evidence)  # "stay strong, wanting to die passes"
    cue = _topic_cue(hit, concept, sentences, start, end)
    if cue:
        return Verdict(NAMED, (*shown, cue))  # "abuse hotline", "what is trafficking", "suicide prevention"
    if kind == SELF and concept.id in _OTHERS and not sentences.within((OTHER, PRESENT, NOW), start, end):
        # "my therapist and I talked about suicide": the writer names a subject and no one else is in
        # the sentence ("my brother told me he would do it tonight" keeps its third party)
        return Verdict(NAMED, shown)
    if concept.needs_self and kind != SELF:
        return Verdict(NOT_SELF, shown)
    return Verdict(OWN, shown)
