"""French grammar of harm: a harm verb with its object, an intent before a killing verb, a person gone quiet.

The disclosures must be read by a `grammar.*` rule or by a fused form of `fr.toml` (an object clitic
glued to the verb: "m'a battue", "m'égorger"), so that each one fails without the French tables. The
everyday lines use the same verbs and objects (idioms, sport, cooking, games, denials, past grief,
news) and must stay ordinary.
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH = Level.CRITICAL, Level.HIGH

# rule ids that only the French grammar tables can produce
FUSED = {
    "fr.violence_abuse.abuse.fused",
    "fr.violence_abuse.threat_to_me.fused",
    "fr.harm_to_others.threat.clitic",
}


def _read_by_grammar(rules: tuple[str, ...]) -> bool:
    return any(rule.startswith("grammar.") or rule in FUSED for rule in rules)


DISCLOSURES = [
    # abuse of the writer, any tense: object clitic before the verb, "m'a" glued to the participle
    pytest.param("mon mari m'a frappée hier soir devant les petits", HIGH, id="ma-frappee"),
    pytest.param("il m'a encore battue, j'ai des bleus partout", HIGH, id="ma-encore-battue"),
    pytest.param("ils m'ont tabassé a la sortie du foyer", HIGH, id="mont-tabasse"),
    pytest.param("mon beau pere me cogne quand il a bu", HIGH, id="me-cogne"),
    pytest.param("il m a giflé devant tout le monde au marché", HIGH, id="m-a-gifle"),
    pytest.param("je me suis fait agresser par deux hommes dans le camp", HIGH, id="me-suis-fait-agresser"),
    pytest.param("il a levé la main sur moi plusieurs fois", HIGH, id="leve-la-main-sur-moi"),
    pytest.param("le passeur nous a frappés avec un baton", HIGH, id="nous-a-frappes"),
    pytest.param("il a essayé de m'étrangler avec le fil du chargeur", HIGH, id="metrangler"),
    pytest.param("il m'a brulée avec sa cigarette", HIGH, id="ma-brulee"),
    pytest.param("il m'enfermait dans la cave pendant des jours", HIGH, id="menfermait"),
    pytest.param("il me maltraite depuis qu'on est arrivés", HIGH, id="me-maltraite"),
    pytest.param("mon ex me menace et me séquestre chez lui", HIGH, id="me-sequestre"),
    pytest.param("il a abusé de moi quand je dormais", HIGH, id="abuse-de-moi"),
    pytest.param("mon pere me donne des coups de ceinture", HIGH, id="me-donne-des-coups"),
    pytest.param("mon mari me frappe en ce moment, il a un couteau", CRITICAL, id="me-frappe-couteau"),
    # abuse of family: the kin word after the verb, or before a passive
    pytest.param("mon oncle bat ma petite soeur tous les soirs", HIGH, id="bat-ma-soeur"),
    pytest.param("il frappe mon fils quand je suis au travail", HIGH, id="frappe-mon-fils"),
    pytest.param("mon fils a été battu par des gardes au centre", HIGH, id="fils-a-ete-battu"),
    pytest.param("ma fille s'est fait frapper par son prof", HIGH, id="fille-sest-fait-frapper"),
    # killing the writer: any tense with the writer as object
    pytest.param("il me tuera s'il me retrouve", HIGH, id="me-tuera"),
    pytest.param("il a failli me tuer avec sa voiture", HIGH, id="failli-me-tuer"),
    pytest.param("il va me tué, je te jure", HIGH, id="va-me-tue-misspelt"),
    pytest.param("il m'a poignardée au bras la semaine derniere", HIGH, id="ma-poignardee"),
    pytest.param("ils ont tiré sur nous à la frontière", HIGH, id="tire-sur-nous"),
    pytest.param("il a dit qu'il me ferait la peau", HIGH, id="me-ferait-la-peau"),
    pytest.param("il menace de me noyer dans la baignoire", HIGH, id="me-noyer"),
    pytest.param("ils veulent nous tuer, ils sont devant la porte maintenant", CRITICAL, id="nous-tuer-maintenant"),
    pytest.param("il a sorti un couteau et il veut m'égorger", CRITICAL, id="megorger-couteau"),
    # an intent or a future before a killing verb, against the writer's family
    pytest.param("il veut tuer moi et mes enfants", HIGH, id="tuer-moi-et-mes-enfants"),
    pytest.param("il a menacé de tuer mon fils si je parle", HIGH, id="menace-de-tuer-mon-fils"),
    pytest.param("il a juré de tuer toute ma famille", HIGH, id="jure-de-tuer-ma-famille"),
    pytest.param("il tuera mes enfants s'il nous retrouve", HIGH, id="tuera-mes-enfants"),
    pytest.param("mon ex va egorger ma soeur", HIGH, id="va-egorger-ma-soeur"),
    pytest.param("mes cousins veulent massacrer ma famille", HIGH, id="veulent-massacrer-ma-famille"),
    pytest.param("ils ont promis d'assassiner mon frere s'il revient", HIGH, id="promis-dassassiner"),
    # ... and against others
    pytest.param("jvais tuer mon mari, j'en peux plus de lui", HIGH, id="jvais-tuer-mon-mari"),
    pytest.param("je vais egorger mon patron ce soir", CRITICAL, id="egorger-mon-patron-ce-soir"),
    pytest.param("je la tuerai cette ordure, je le jure", HIGH, id="je-la-tuerai"),
    pytest.param("s'il revient je lui ferai la peau", HIGH, id="lui-ferai-la-peau"),
]

EVERYDAY = [
    # idioms and jokes with "tuer"
    pytest.param("on a tué le temps en jouant aux cartes", id="tuer-le-temps"),
    pytest.param("ce film me tue de rire", id="me-tue-de-rire"),
    pytest.param("ça me tue de devoir attendre encore", id="ca-me-tue"),
    pytest.param("tu veux me tuer avec ce piment ou quoi", id="tu-veux-me-tuer-piment"),
    pytest.param("j'ai tué le game hier soir", id="tue-le-game"),
    pytest.param("je me suis fait tuer par le boss final", id="jeu-video"),
    # sport and games
    pytest.param("ils nous ont battus 3-0 hier", id="battus-3-0"),
    pytest.param("ils nous ont massacrés 5-0", id="massacres-5-0"),
    pytest.param("mon frère m'a battu aux échecs", id="ma-battu-aux-echecs"),
    pytest.param("j'ai battu mon frère au ping pong", id="battu-mon-frere-au-ping-pong"),
    pytest.param("mon fils a battu son record au 100 mètres", id="battu-son-record"),
    pytest.param("ma fille tape dans le ballon toute la journée", id="tape-dans-le-ballon"),
    # cooking, knocking, bumping, burning, the writer's own reflexive verbs
    pytest.param("bats les oeufs avec le sucre", id="battre-les-oeufs"),
    pytest.param("les voisins frappent à la porte pour la fête", id="frappent-a-la-porte"),
    pytest.param("je me suis cogné la tête contre la porte", id="me-suis-cogne"),
    pytest.param("je me suis brûlée en cuisinant", id="me-suis-brulee"),
    pytest.param("je me suis enfermée dehors", id="enfermee-dehors"),
    pytest.param("je me bats pour mes enfants", id="je-me-bats-pour"),
    pytest.param("je vais me battre jusqu'au bout pour mon dossier", id="me-battre-pour-mon-dossier"),
    pytest.param("je me tape un fou rire", id="se-taper-un-fou-rire"),
    pytest.param("je me noie dans le travail", id="me-noie-dans-le-travail"),
    pytest.param("il m'empoisonne la vie avec ses remarques", id="empoisonne-la-vie"),
    pytest.param("ma fille me tape sur les nerfs aujourd'hui", id="tape-sur-les-nerfs"),
    pytest.param("le bébé me tape dans le ventre", id="bebe-tape-dans-le-ventre"),
    pytest.param("mon fils m'a tapé dans la main", id="tape-dans-la-main"),
    pytest.param("je me sens abattue ces temps-ci", id="abattue-dejected"),
    # denials
    pytest.param("il ne me frappe jamais, il est gentil", id="ne-me-frappe-jamais"),
    pytest.param("mon mari me frappe pas, il crie juste", id="me-frappe-pas"),
    pytest.param("elle ne me bat pas, c'est juste une dispute", id="ne-me-bat-pas"),
    # past grief and news about strangers: killing family needs an intent to be a threat
    pytest.param("ils ont tué mon père pendant la guerre", id="grief-pere"),
    pytest.param("mon grand-père a été tué au front", id="grief-grand-pere"),
    pytest.param("la guerre a tué mon oncle", id="grief-oncle"),
    pytest.param("aux infos un homme a tué sa femme à Lyon", id="news"),
    pytest.param("dans la série, le héros tue son patron", id="series"),
    # questions and animals
    pytest.param("est-ce qu'on peut tuer une araignée avec du vinaigre ?", id="araignee"),
    pytest.param("le chat a tué une souris ce matin", id="chat-souris"),
]

MISSING = [
    pytest.param("mon frère a le téléphone éteint depuis deux jours", HIGH, id="frere-telephone-eteint"),
    pytest.param("personne ne l'a vu depuis lundi, mon cousin", HIGH, id="cousin-personne-la-vu"),
    pytest.param("mon mari est pas revenu depuis 48h", HIGH, id="mari-pas-revenu-48h"),
    pytest.param("ma copine repond pas, tel eteint depuis hier soir", HIGH, id="copine-tel-eteint"),
    pytest.param("ma fille de 12 ans est injoignable depuis ce matin", CRITICAL, id="fille-injoignable"),
    pytest.param("mon fils ne répond plus depuis hier", CRITICAL, id="fils-repond-plus"),
]

MISSING_LOOKALIKES = [
    pytest.param("mon téléphone est éteint, écris-moi sur whatsapp", id="own-phone-off"),
    pytest.param("mon téléphone était éteint depuis hier, désolé", id="own-phone-was-off"),
    pytest.param("mon pote a 10 minutes de retard comme d'hab", id="friend-ten-minutes-late"),
    pytest.param("ma soeur rentre pas ce soir, elle dort chez une amie", id="sister-sleeps-at-a-friends"),
]


@pytest.mark.parametrize(("text", "wanted"), DISCLOSURES)
def test_grammar_reads_a_harm_verb_with_its_object(triage: Triage, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "fr")
    assert assessment.level == wanted, (text, assessment.rules)
    assert _read_by_grammar(assessment.rules), (text, assessment.rules)


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_harm_words_stay_ordinary(triage: Triage, text: str) -> None:
    assessment = triage.assess(text, "fr")
    assert assessment.level in (Level.NORMAL, Level.LOW), (text, assessment.rules)


@pytest.mark.parametrize(("text", "wanted"), MISSING)
def test_someone_gone_quiet_for_days_is_missing(triage: Triage, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "fr")
    assert assessment.level == wanted, (text, assessment.rules)
    assert "grammar.missing" in assessment.rules, (text, assessment.rules)
    assert "missing_person" in assessment.categories


@pytest.mark.parametrize("text", MISSING_LOOKALIKES)
def test_a_phone_off_or_a_late_friend_is_not_missing(triage: Triage, text: str) -> None:
    assessment = triage.assess(text, "fr")
    assert assessment.level in (Level.NORMAL, Level.LOW), (text, assessment.rules)
