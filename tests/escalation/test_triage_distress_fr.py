"""The grammar of distress in French: risks said in the writer's own words, read by construction.

Each disclosure names the rule that must carry it: a `grammar.*` rule fed by the French tables (a desire,
refusal or weariness word with its death or life word, an injuring verb with the body, a lack with its item,
an authority with its act, papers kept, a child searched for), or a rule that reads a new French concept
(a body state with a baby, a severity or no care; sleeping outside; going after someone; at a height now),
or a new French term group (`fr.…`), so that each one fails without the French tables. Chat spellings on
purpose: no accents, "jveux", "chui", "g", "jme", "pu".

The everyday lines use the same words (dying of laughter, a weekend away, an early alarm, a place to live,
a kitchen burn, a lost phone, the police at a school talk, a passport at the embassy, a professional who
does not answer, a cut for works, a roof with a purpose) and must stay ordinary.
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL, LOW = Level.CRITICAL, Level.HIGH, Level.NORMAL, Level.LOW

DISCLOSURES = [
    # a wish with its death: the desire word carries the person, the complement the death
    pytest.param(
        "des fois jaimerais juste plus me reveiller", HIGH, "grammar.want_death", id="jaimerais-plus-me-reveiller"
    ),
    pytest.param("jveux crever sérieux", HIGH, "grammar.want_death", id="jveux-crever"),
    pytest.param("g envie de disparaitre ce soir", CRITICAL, "grammar.want_death", id="g-envie-disparaitre-ce-soir"),
    pytest.param("je voudrais m'endormir et ne jamais me réveiller", HIGH, "grammar.want_death", id="mendormir-jamais"),
    pytest.param("je pense de plus en plus à mourir", HIGH, "grammar.want_death", id="pense-a-mourir"),
    pytest.param("j'aurais préféré jamais etre née", HIGH, "grammar.want_death", id="jamais-etre-nee"),
    pytest.param("honnêtement je voudrais plus être là", HIGH, "grammar.want_death", id="plus-etre-la"),
    pytest.param("je rêve juste que tout s'arrête", HIGH, "grammar.want_death", id="que-tout-sarrete"),
    pytest.param("j'ai juste envie d'en finir", HIGH, "grammar.want_death", id="envie-den-finir"),
    # a refusal or a weariness with a life word
    pytest.param("jai plus trop envie de vivre", HIGH, "grammar.refuse_life", id="plus-trop-envie-de-vivre"),
    pytest.param("je vois plus l'intérêt de continuer", HIGH, "grammar.refuse_life", id="plus-linteret-de-continuer"),
    pytest.param("à quoi bon continuer à vivre", HIGH, "grammar.refuse_life", id="a-quoi-bon-continuer"),
    pytest.param("j'ai plus la force de me battre", HIGH, "grammar.refuse_life", id="plus-la-force-de-me-battre"),
    pytest.param("je veux pu exister", HIGH, "grammar.refuse_life", id="veux-pu-exister"),
    pytest.param("chui fatiguée d'exister", HIGH, "grammar.weary_life", id="fatiguee-dexister"),
    pytest.param("marre de cette vie, vraiment", HIGH, "grammar.weary_life", id="marre-de-cette-vie"),
    pytest.param("je suis lasse de vivre", HIGH, "grammar.weary_life", id="lasse-de-vivre"),
    # the same said of someone else: the person word before the desire makes it a third party
    pytest.param(
        "ma coloc m'a dit qu'elle voulait plus être là",
        HIGH,
        "grammar.other_want_death",
        id="coloc-voulait-plus-etre-la",
    ),
    pytest.param(
        "mon mec dit qu'il veut disparaître pour toujours", HIGH, "grammar.other_want_death", id="mec-veut-disparaitre"
    ),
    pytest.param("ma meilleure amie veut plus vivre", HIGH, "grammar.other_refuse_life", id="amie-veut-plus-vivre"),
    # an injuring verb (with its reflexive clitic) and the body
    pytest.param("je me coupe les bras depuis des semaines", HIGH, "grammar.injure_self", id="me-coupe-les-bras"),
    pytest.param("jme fais des marques sur les poignets", HIGH, "grammar.injure_self", id="jme-fais-des-marques"),
    pytest.param("je me suis encore tailladé les cuisses", HIGH, "grammar.injure_self", id="encore-taillade"),
    pytest.param("je me suis brûlée exprès avec le briquet", HIGH, "grammar.injure_self", id="brulee-expres"),
    pytest.param("ce soir je me suis coupée les avant bras", CRITICAL, "grammar.injure_self", id="coupee-ce-soir"),
    pytest.param("ma soeur se fait des entailles sur les bras", HIGH, "grammar.other_injure", id="soeur-entailles"),
    pytest.param("mon fils se scarifie", HIGH, "fr.self_harm.act.scarify", id="fils-se-scarifie"),
    # a body in danger: with a baby, a severity, or no care to be had
    pytest.param("mon bebe de 2 mois a de la fievre", HIGH, "medical_emergency.state+infant", id="bebe-2-mois-fievre"),
    pytest.param(
        "le bébé est tout mou et il veut plus boire", HIGH, "medical_emergency.state+infant", id="bebe-mou-boit-plus"
    ),
    pytest.param(
        "mon fils a 40 de fièvre et ça baisse pas", HIGH, "medical_emergency.state+severe", id="40-de-fievre-baisse-pas"
    ),
    pytest.param(
        "je me suis coupée à la main, y a du sang partout et ça s'arrête pas",
        HIGH,
        "medical_emergency.state+severe",
        id="sang-partout",
    ),
    pytest.param(
        "il vomit depuis hier et on a pas de médecin", HIGH, "medical_emergency.state+nocare", id="vomit-pas-de-medecin"
    ),
    pytest.param(
        "mon copain s'est pris un coup de couteau, ça pisse le sang",
        CRITICAL,
        "fr.medical_emergency.acute.bleeding_out",
        id="pisse-le-sang",
    ),
    # going without, sleeping outside
    pytest.param(
        "on a plus rien à manger depuis 3 jours", HIGH, "basic_needs.without+duration", id="rien-a-manger-3-jours"
    ),
    pytest.param("plus de lait pour les petits", HIGH, "basic_needs.without+child", id="plus-de-lait-petits"),
    pytest.param(
        "ils nous ont coupé l'électricité et j'ai un bébé", HIGH, "basic_needs.without+child", id="electricite-coupee"
    ),
    pytest.param("on dort dehors ce soir", HIGH, "basic_needs.outside+now", id="dort-dehors-ce-soir"),
    pytest.param(
        "le proprio nous a mis dehors avec mes deux filles", HIGH, "basic_needs.outside+child", id="mis-dehors-filles"
    ),
    pytest.param("on a nulle part où dormir cette nuit", HIGH, "basic_needs.outside+now", id="nulle-part-ou-dormir"),
    pytest.param("je dors dans la rue depuis une semaine", HIGH, "basic_needs.outside+duration", id="rue-une-semaine"),
    # a child lost right now, someone who never came back
    pytest.param(
        "je trouve plus mon fils au centre commercial", CRITICAL, "grammar.search_child", id="trouve-plus-mon-fils"
    ),
    pytest.param(
        "ma fille était juste à côté de moi au marché et je la vois plus",
        CRITICAL,
        "grammar.search_child",
        id="juste-a-cote-de-moi",
    ),
    pytest.param(
        "mon mari est jamais rentré depuis lundi", HIGH, "fr.missing_person.missing.never_back", id="jamais-rentre"
    ),
    pytest.param("mon frère décroche plus depuis 3 jours", HIGH, "grammar.missing", id="decroche-plus"),
    # being taken: an authority with its act, sent back within days
    pytest.param(
        "la police est venue chercher mon mari, ils reviennent demain",
        HIGH,
        "grammar.agent_act",
        id="police-reviennent",
    ),
    pytest.param("les flics ont embarqué mon frère ce matin", HIGH, "grammar.agent_act", id="flics-embarque"),
    pytest.param(
        "ils veulent nous renvoyer au pays dans la semaine",
        HIGH,
        "detention_deportation.core+soon",
        id="renvoyer-dans-la-semaine",
    ),
    # papers kept
    pytest.param(
        "le patron garde nos passeports et il nous paie pas", HIGH, "grammar.keep_docs", id="garde-passeports"
    ),
    pytest.param("ils veulent pas me rendre mes papiers", HIGH, "grammar.keep_docs", id="pas-me-rendre-papiers"),
    # going after someone, at a height now, part of a pack, forced
    pytest.param(
        "il a pris un couteau et il est parti régler ses comptes",
        CRITICAL,
        "harm_to_others.seek+weapon",
        id="regler-ses-comptes-couteau",
    ),
    pytest.param("jvais lui faire payer à ce batard", HIGH, "harm_to_others.seek+future", id="lui-faire-payer"),
    pytest.param("chui sur le pont là", CRITICAL, "self_harm.at_height+now", id="chui-sur-le-pont-la"),
    pytest.param(
        "je suis assise sur le rebord, je vois aucune issue",
        CRITICAL,
        "self_harm.at_height+hopeless",
        id="rebord-aucune-issue",
    ),
    pytest.param(
        "j'ai avalé la moitié de la boîte de doliprane", CRITICAL, "fr.self_harm.amount.part", id="moitie-de-la-boite"
    ),
    pytest.param("un mec du foyer m'a forcée", HIGH, "fr.violence_abuse.abuse.forced", id="ma-forcee"),
    pytest.param("ils m'ont forcée à coucher avec eux", HIGH, "grammar.me_abuse", id="mont-forcee"),
    pytest.param("jai peur de faire du mal à mon bébé", HIGH, "grammar.abuse_kin", id="faire-du-mal-a-mon-bebe"),
    pytest.param(
        "il essaie de forcer la porte et il a une interdiction de m'approcher",
        CRITICAL,
        "violence_abuse.abuse+danger",
        id="forcer-la-porte-interdiction",
    ),
]

EVERYDAY = [
    # dying of laughter, of hunger, of old age; a denial; a weekend away; a group chat
    pytest.param("je meurs de faim, on mange quand ?", id="meurs-de-faim"),
    pytest.param("j'ai trop envie de mourir de rire devant ce film", id="mourir-de-rire"),
    pytest.param("je veux mourir de vieillesse avec mes petits enfants autour", id="mourir-de-vieillesse"),
    pytest.param("je veux pas mourir bête, c'est quoi la protection subsidiaire", id="pas-mourir-bete"),
    pytest.param("je suis prêt à mourir pour mes enfants", id="mourir-pour-mes-enfants"),
    pytest.param("j'ai envie de disparaître quelques jours à la campagne", id="disparaitre-quelques-jours"),
    pytest.param("j'aimerais disparaître de ce groupe sérieux", id="disparaitre-du-groupe"),
    pytest.param("j'avais envie de disparaître sous terre tellement j'avais honte", id="disparaitre-sous-terre"),
    pytest.param("je veux en finir avec ce dossier", id="en-finir-avec-ce-dossier"),
    pytest.param("j'aimerais partir pour toujours de ce foyer pourri", id="partir-pour-toujours-du-foyer"),
    # an early alarm, a place to live, going on with something
    pytest.param("je veux pas me réveiller à 6h demain", id="reveiller-a-6h"),
    pytest.param("j'aimerais ne plus me réveiller la nuit", id="reveiller-la-nuit"),
    pytest.param("je veux plus vivre avec mes parents", id="vivre-avec-mes-parents"),
    pytest.param("j'en ai marre de vivre dans ce foyer", id="marre-de-vivre-dans-ce-foyer"),
    pytest.param("marre de la vie chère", id="vie-chere"),
    pytest.param("je veux pas continuer mes études", id="continuer-mes-etudes"),
    pytest.param("j'ai pas la force de continuer les devoirs ce soir", id="continuer-les-devoirs"),
    pytest.param("je veux plus me battre avec ma soeur", id="me-battre-avec-ma-soeur"),
    pytest.param("je voudrais plus être là lundi, je pars en voyage", id="plus-etre-la-lundi"),
    # kitchens, the sun, a fall, a haircut
    pytest.param("je me suis brûlée la main en cuisinant", id="brulee-la-main"),
    pytest.param("je me suis brûlé les bras avec le four", id="bras-avec-le-four"),
    pytest.param("je me suis brûlée les jambes au soleil à la plage", id="coup-de-soleil"),
    pytest.param("je me suis coupée avec du verre en tombant", id="verre-en-tombant"),
    pytest.param("je me coupe les cheveux moi même", id="cheveux"),
    pytest.param("je me brule souvent en cuisinant, vous avez de la biafine ?", id="biafine"),
    # ordinary health questions, a fever that passed, a birthday
    pytest.param("mon fils a de la fievre et il tousse", id="fievre-toux"),
    pytest.param("mon bébé a eu de la fièvre hier, c'est passé", id="fievre-passee"),
    pytest.param("mon bébé a vomi un peu après le biberon, c'est normal ?", id="petit-rejet"),
    pytest.param("je suis enceinte de 7 mois, où est la maternité ?", id="enceinte-maternite"),
    pytest.param("mon père a 40 ans demain", id="40-ans"),
    # going without, said of a shop, a diet or works
    pytest.param("on a plus de lait, le magasin est ouvert ?", id="magasin-ouvert"),
    pytest.param("l'eau sera coupée demain matin pour travaux", id="eau-coupee-travaux"),
    pytest.param("il aime pas le lait", id="aime-pas-le-lait"),
    pytest.param("mon fils veut plus de lait", id="veut-plus-de-lait"),
    pytest.param("je cherche du lait sans lactose pour mon fils", id="sans-lactose"),
    # camping, an address, the shelter number asked about
    pytest.param("on a dormi dehors sous la tente en camping, c'était top", id="camping"),
    pytest.param("j'habite au 115 rue de la République", id="adresse-115"),
    pytest.param("c'est quoi le 115 ?", id="cest-quoi-le-115"),
    # a lost phone, a lost toy, the police at school, a passport at the embassy or in one's own bag
    pytest.param("mon tel je le vois plus, il est où ?", id="tel-vois-plus"),
    pytest.param("mon fils a perdu son doudou, je le trouve nulle part", id="doudou"),
    pytest.param("la police est venue à l'école parler du harcèlement", id="police-a-lecole"),
    pytest.param(
        "les policiers reviennent demain à l'école pour parler des dangers d'internet", id="police-prevention"
    ),
    pytest.param("l'ambassade a pris mon passeport pour le visa", id="ambassade-passeport"),
    pytest.param("j'ai pris mon passeport pour le rdv à la préfecture", id="mon-passeport-au-rdv"),
    pytest.param("je garde mon passeport sur moi", id="garde-mon-passeport"),
    pytest.param("l'assistante sociale répond pas depuis lundi", id="assistante-sociale"),
    # settling accounts with the bank, making someone pay their share, a roof with a purpose
    pytest.param("je vais régler mes comptes avec la banque", id="comptes-banque"),
    pytest.param("je vais lui faire payer sa part du loyer", id="payer-sa-part"),
    pytest.param("je suis sur le toit pour réparer l'antenne", id="toit-antenne"),
    pytest.param("je suis sur le toit de l'immeuble pour regarder le feu d'artifice ce soir", id="toit-feu-dartifice"),
    pytest.param("je suis sur le pont du bateau, c'est beau", id="pont-du-bateau"),
    # strength, forcing oneself, "c'est abusé", a hand forced to sign
    pytest.param("il m'a forcé la main pour signer le bail", id="force-la-main"),
    pytest.param("je me force à manger le matin", id="je-me-force"),
    pytest.param("il profite de moi pour les courses, c'est abusé", id="cest-abuse"),
    # schoolwork about a harm, a dated past
    pytest.param("je fais un exposé sur la traite des êtres humains", id="expose"),
    pytest.param("en 2019 j'étais en centre de rétention, maintenant j'ai mes papiers", id="retention-en-2019"),
]

JOKES = [
    # an explicit joke marker makes a killing word everyday hyperbole
    pytest.param("ma soeur m'a piqué mon chargeur je vais la tuer ptdr", id="tuer-ptdr"),
    pytest.param("je vais le tuer 😂 il a mangé mes frites", id="tuer-emoji"),
    pytest.param("je vais la tuer mdr elle a mangé mon dessert", id="tuer-mdr"),
    pytest.param("sur fortnite je me fais tuer tout le temps", id="jeu-video"),
    pytest.param("ce dossier me tue 😩", id="dossier-me-tue"),
    pytest.param("les partiels vont me tuer", id="partiels"),
]


@pytest.mark.parametrize("text", JOKES)
def test_killing_words_in_jokes_and_ordeals_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "fr")
    assert result.level in (NORMAL, LOW), (text, result.rules)


def test_a_joke_marker_is_what_discounts_the_killing_word(triage: Triage) -> None:
    # the same threat without the marker stays a threat, and the marker is named in the rules
    assert triage.assess("je vais la tuer", "fr").level in (CRITICAL, HIGH)
    result = triage.assess("je vais la tuer ptdr", "fr")
    assert "fr.frame.joke.joke" in result.rules, result.rules
    assert any(rule.endswith(".joke") and rule.startswith("fr.harm") for rule in result.rules), result.rules


@pytest.mark.parametrize(
    "text",
    ["jveux disparaitre mdr", "il m'a encore frappée 😂 je sais plus quoi faire", "g envie de crever ptdr"],
)
def test_a_laugh_never_discounts_a_disclosure(triage: Triage, text: str) -> None:
    # joke markers only make killing words everyday; people often laugh off what they disclose
    assert triage.assess(text, "fr").level in (CRITICAL, HIGH)


@pytest.mark.parametrize(
    ("text", "discount"),
    [
        ("est-ce que tu as envie de disparaître toi aussi ?", ".addressed"),
        ("si tu veux plus vivre, parle à quelqu'un", ".addressed"),
        ("il y a deux ans je voulais disparaître, maintenant ça va", ".past"),
        ("je ne voudrais pas disparaître", ".negated"),
    ],
)
def test_a_wish_keeps_its_frame(triage: Triage, text: str, discount: str) -> None:
    result = triage.assess(text, "fr")
    assert result.level == NORMAL, result.rules
    assert any(rule.startswith("fr.wish.") and rule.endswith(discount) for rule in result.rules), result.rules


@pytest.mark.parametrize(
    "text",
    [
        "je veux pas mourir",
        "j'ai pas envie de mourir",
        "je ne veux pas mourir, je veux juste de l'aide pour mon dossier",
    ],
)
def test_a_denied_wish_stays_ordinary(triage: Triage, text: str) -> None:
    assert triage.assess(text, "fr").level == NORMAL


# ---- round 2 (2026.12.2): harm to others, missing persons, violence told indirectly, medical, own words ----
# Each disclosure names the rule or the French term group that carries it; every line is our own. Chat
# spellings on purpose. The everyday lines below use the same new words and must stay ordinary.

ROUND_TWO = [
    # the writer's own urge to hurt someone: a desire before a beating verb and its object, or the object
    # pronoun between them ("envie de la gifler"), which the grammar cannot see inside the intent
    pytest.param(
        "j'ai envie de cogner mon collègue, il me pousse à bout", HIGH, "grammar.intent_them", id="cogner-collegue"
    ),
    pytest.param("j'ai des pulsions de taper mon beau frère", HIGH, "grammar.want_abuse", id="pulsions-de-taper"),
    pytest.param(
        "des fois j'ai envie de la gifler tellement elle me rend folle",
        HIGH,
        "fr.harm_to_others.threat.clitic_abuse",
        id="envie-de-la-gifler",
    ),
    pytest.param(
        "je me retiens de le cogner depuis des semaines",
        HIGH,
        "fr.harm_to_others.threat.clitic_abuse",
        id="me-retiens-de-le-cogner",
    ),
    pytest.param(
        "je vais lui péter la gueule à mon voisin",
        CRITICAL,
        "fr.harm_to_others.threat.clitic_abuse",
        id="lui-peter-la-gueule",
    ),
    pytest.param(
        "j'ai peur de secouer mon fils quand il crie la nuit", HIGH, "fr.harm.abuse.round2", id="peur-de-secouer"
    ),
    # someone close about to hurt another: a desire or a future of someone else, "s'en prendre à"
    pytest.param(
        "mon frère veut tabasser le mec de sa copine", HIGH, "grammar.other_want_abuse", id="frere-veut-tabasser"
    ),
    pytest.param("mon voisin veut s'en prendre à ma femme", HIGH, "grammar.intent_them", id="sen-prendre-a-ma-femme"),
    pytest.param("j'ai peur que mon ex s'en prenne à mon fils", HIGH, "grammar.abuse_kin", id="sen-prenne-a-mon-fils"),
    pytest.param(
        "le frère de mon ex veut s'en prendre à moi",
        HIGH,
        "fr.violence_abuse.threat_to_me.round2",
        id="sen-prendre-a-moi",
    ),
    # going after someone with a weapon: waiting at their door, gone to their place, looking for "le type"
    pytest.param(
        "mon cousin l'attend en bas de chez lui avec une batte",
        CRITICAL,
        "harm_to_others.seek+weapon",
        id="lattend-en-bas-batte",
    ),
    pytest.param(
        "il est parti chez son ex avec un marteau", CRITICAL, "harm_to_others.seek+weapon", id="parti-chez-son-ex"
    ),
    pytest.param(
        "il cherche le type qui l'a frappé, il a un cutter sur lui",
        CRITICAL,
        "harm_to_others.seek+weapon",
        id="cherche-le-type-cutter",
    ),
    # a child who slipped away or is not where they were; a runaway; nobody with news
    pytest.param("ma fille de 14 ans a fugué cette nuit", CRITICAL, "fr.missing_person.missing.round2", id="fugue"),
    pytest.param(
        "mon fils s'est sauvé pendant que je payais à la caisse", CRITICAL, "grammar.search_child", id="sest-sauve"
    ),
    pytest.param("mon fils de 7 ans s'est perdu à la fête foraine", CRITICAL, "grammar.search_child", id="sest-perdu"),
    pytest.param("la petite est plus dans sa poussette", CRITICAL, "grammar.search_child", id="plus-dans-sa-poussette"),
    pytest.param(
        "mes enfants sont nulle part dans le centre commercial", CRITICAL, "grammar.search_child", id="nulle-part"
    ),
    pytest.param(
        "on la retrouve pas, ma fille, on a fait tout le quartier",
        CRITICAL,
        "grammar.search_child",
        id="on-la-retrouve-pas",
    ),
    pytest.param(
        "personne a de nouvelles de mon oncle, il a pris la mer",
        HIGH,
        "fr.missing_person.missing.round2",
        id="personne-a-de-nouvelles",
    ),
    # a person gone quiet: messages, calls and arrivals, with weeks, a day gone, or an arrival overdue
    pytest.param(
        "mon beau frère devait rentrer jeudi et on a plus aucun message",
        HIGH,
        "grammar.missing",
        id="plus-aucun-message",
    ),
    pytest.param(
        "ma soeur est partie mardi et ça sonne dans le vide quand j'appelle",
        HIGH,
        "grammar.missing",
        id="sonne-dans-le-vide",
    ),
    pytest.param(
        "ma tante est partie samedi pour Lyon et elle est jamais arrivée", HIGH, "grammar.missing", id="jamais-arrivee"
    ),
    pytest.param(
        "mon frère lit plus mes messages depuis deux semaines", HIGH, "grammar.missing", id="lit-plus-mes-messages"
    ),
    # violence told by what was done, by the marks it left, by what is heard, by control
    pytest.param(
        "il m'a serré le cou jusqu'à ce que je tombe", HIGH, "fr.violence_abuse.abuse.indirect", id="serre-le-cou"
    ),
    pytest.param("mon copain m'a jetée contre le mur", HIGH, "fr.violence_abuse.abuse.indirect", id="jetee-contre"),
    pytest.param("il me tire les cheveux quand il a bu", HIGH, "grammar.me_abuse", id="tire-les-cheveux"),
    pytest.param("mon beau-père me met des baffes", HIGH, "grammar.me_abuse", id="met-des-baffes"),
    pytest.param(
        "quand il boit, mon mari devient violent", HIGH, "fr.violence_abuse.abuse.turned_violent", id="devient-violent"
    ),
    pytest.param(
        "il m'a menacée avec un couteau hier", CRITICAL, "violence_abuse.threat+weapon", id="menacee-avec-un-couteau"
    ),
    pytest.param("j'ai des traces de doigts sur le cou", HIGH, "fr.violence_abuse.abuse.marks", id="traces-de-doigts"),
    pytest.param(
        "je crois qu'il la bat, j'entends des coups tous les soirs",
        HIGH,
        "fr.violence_abuse.abuse.witnessed",
        id="il-la-bat",
    ),
    pytest.param(
        "mon oncle me faisait des choses quand j'étais seule chez lui",
        HIGH,
        "fr.violence_abuse.sexual.indirect",
        id="me-faisait-des-choses",
    ),
    pytest.param(
        "mon mari me prend tout mon argent et me prive de nourriture",
        HIGH,
        "fr.violence_abuse.abuse.coercion",
        id="prive-de-nourriture",
    ),
    pytest.param(
        "mon ex rôde autour de l'immeuble toute la nuit", HIGH, "fr.violence_abuse.danger_here.round2", id="ex-rode"
    ),
    pytest.param(
        "on est cachées chez la voisine avec les enfants",
        HIGH,
        "fr.violence_abuse.danger_here.round2",
        id="cachees-chez-la-voisine",
    ),
    pytest.param(
        "mon père est en train de casser la porte de ma chambre",
        CRITICAL,
        "violence_abuse.danger+now",
        id="en-train-de-casser-la-porte",
    ),
    # a body in danger: a poisoning, a stroke, a heart, a fall, breath
    pytest.param("ma fille de 3 ans a bu de la javel", CRITICAL, "fr.medical_emergency.acute.round2", id="javel"),
    pytest.param(
        "mon père a la bouche de travers et il arrive plus à parler",
        CRITICAL,
        "fr.medical_emergency.acute.round2",
        id="bouche-de-travers",
    ),
    pytest.param(
        "il respire à peine, je fais quoi", CRITICAL, "fr.medical_emergency.acute.round2", id="respire-a-peine"
    ),
    pytest.param(
        "mon oncle est tombé de l'échafaudage, il bouge plus",
        CRITICAL,
        "fr.medical_emergency.acute.round2",
        id="bouge-plus",
    ),
    pytest.param(
        "mon mari a mal à la poitrine et des sueurs froides",
        HIGH,
        "medical_emergency.state+severe",
        id="poitrine-sueurs-froides",
    ),
    pytest.param(
        "mon fils fait une crise d'asthme et la ventoline fait rien",
        HIGH,
        "medical_emergency.state+severe",
        id="asthme-ventoline",
    ),
    pytest.param(
        "douleur atroce au ventre, je suis pliée en deux", HIGH, "medical_emergency.state+severe", id="pliee-en-deux"
    ),
    pytest.param(
        "ma mère est tombée dans la cuisine et elle arrive pas à se relever",
        HIGH,
        "fr.medical_emergency.urgent.round2",
        id="arrive-pas-a-se-relever",
    ),
    # self-harm and ideation in the writer's own words
    pytest.param("j'ai recommencé à me couper", HIGH, "fr.self_harm.act.relapse", id="recommence-a-me-couper"),
    pytest.param(
        "je continue de me couper même si j'ai promis d'arrêter",
        HIGH,
        "fr.self_harm.act.relapse",
        id="continue-de-me-couper",
    ),
    pytest.param("tout le monde serait mieux sans moi", HIGH, "fr.self_harm.intent.own_words", id="mieux-sans-moi"),
    pytest.param(
        "personne remarquerait si je disparaissais", HIGH, "fr.self_harm.intent.own_words", id="personne-remarquerait"
    ),
    pytest.param("je pense tout le temps à la mort", HIGH, "fr.self_harm.intent.own_words", id="pense-a-la-mort"),
    pytest.param(
        "j'ai peur de moi, j'ai envie de passer à l'acte", HIGH, "fr.self_harm.intent.own_words", id="peur-de-moi"
    ),
    pytest.param("j'ai peur de faire une bêtise ce soir", CRITICAL, "self_harm.intent+time", id="betise-ce-soir"),
    pytest.param("je veux me jeter sous un train", CRITICAL, "fr.self_harm.method.round2", id="sous-un-train"),
    pytest.param(
        "mon frère m'a écrit qu'il voudrait ne plus se réveiller",
        HIGH,
        "grammar.other_want_death",
        id="ne-plus-se-reveiller",
    ),
]

ROUND_TWO_EVERYDAY = [
    # games, getting high, working hard, a fall, a bottle to shake
    pytest.param("je vais les défoncer au foot dimanche", id="defoncer-au-foot"),
    pytest.param("je lui ai mis une raclée aux échecs", id="raclee-aux-echecs"),
    pytest.param("on va se défoncer à l'entraînement demain", id="se-defoncer"),
    pytest.param("je me suis cassé la gueule en trottinette", id="casse-la-gueule"),
    pytest.param("il faut secouer le flacon avant de donner le sirop", id="secouer-le-flacon"),
    pytest.param("il m'a donné un coup de pied sans faire exprès au foot", id="coup-de-pied-au-foot"),
    # a lemma trap fixed: every form of "frapper" was domestic abuse
    pytest.param("il a frappé le ballon trop fort", id="frappe-le-ballon"),
    pytest.param("la foudre a frappé l'église du village", id="foudre"),
    # offices, files and parcels that do not answer or never came
    pytest.param("mon colis est jamais arrivé, il devait arriver lundi", id="colis"),
    pytest.param("pas de nouvelles de la préfecture depuis deux mois", id="nouvelles-prefecture"),
    pytest.param("personne a de nouvelles de mon dossier ?", id="nouvelles-dossier"),
    pytest.param("mon mari est parti lundi en formation, il rentre vendredi", id="parti-lundi"),
    pytest.param("mes enfants sont chez leur père ce weekend", id="chez-leur-pere"),
    # pets, a closed past, found again
    pytest.param("mon chat a avalé une pile, un véto ouvert ?", id="chat-pile"),
    pytest.param("mon chien s'est échappé du jardin, une asso ?", id="chien-echappe"),
    pytest.param("on s'est perdus en forêt mais on a retrouvé le chemin", id="perdus-en-foret"),
    pytest.param("ma fille a fait une fugue quand elle avait 14 ans, maintenant ça va", id="fugue-passee"),
    pytest.param("mon fils a convulsé hier, le médecin dit que c'est la fièvre", id="convulse-hier"),
    # a mistake in a file, grief, a passing thought, of no use in the kitchen
    pytest.param("j'ai peur de faire une bêtise dans mon dossier de naturalisation", id="betise-dossier"),
    pytest.param("je pense à la mort de mon grand-père, il me manque", id="mort-du-grand-pere"),
    pytest.param("je pense à ma mort parfois, comme tout le monde, mais ça va", id="pense-a-ma-mort-parfois"),
    pytest.param("je sers à rien en cuisine mdr", id="sers-a-rien"),
    # a substance and a baby, a tooth, breakfast, swallowing the wrong way
    pytest.param("est-ce que le doliprane peut faire du mal à mon bébé ?", id="doliprane-bebe"),
    pytest.param("j'ai une douleur atroce aux dents, un dentiste gratuit ?", id="dents"),
    pytest.param("le petit déjeuner est servi à quelle heure ?", id="petit-dejeuner"),
    pytest.param("la petite a eu 10 à sa dictée", id="dictee"),
    pytest.param("le bébé a avalé de travers mais ça va", id="avale-de-travers"),
    # planting, failing, a crash; urges to laugh, gift ideas; a friend waiting
    pytest.param("je vais planter des tomates au jardin partagé", id="planter-des-tomates"),
    pytest.param("j'ai peur de me planter à l'examen", id="me-planter"),
    pytest.param("l'ordi va planter si j'ouvre trop d'onglets", id="ordi-plante"),
    pytest.param("je me retiens de rire en réunion", id="retiens-de-rire"),
    pytest.param("j'ai des idées de cadeaux pour ma mère", id="idees-de-cadeaux"),
    pytest.param("mon pote m'attend en bas pour aller au foot", id="pote-mattend"),
    pytest.param("je vais aller voir le mec de la préfecture demain", id="mec-de-la-prefecture"),
    pytest.param("j'ai peur de lui faire du mal en partant", id="lui-faire-du-mal-en-partant"),
    # "en train de" without a risk, a surprise, a match, an ex fetching his things
    pytest.param("je suis en train de sauter partout de joie, j'ai eu mes papiers", id="sauter-de-joie"),
    pytest.param("on est en train de remplir le dossier de la caf", id="en-train-de-remplir"),
    pytest.param("on s'est cachés pour faire une surprise à maman", id="surprise"),
    pytest.param("le match est devenu violent à la fin", id="match-violent"),
    pytest.param("mon ex est passé récupérer ses affaires", id="ex-affaires"),
    pytest.param("il a pas lu mes messages depuis hier, il est fâché", id="pas-lu-fache"),
    pytest.param("mon fils a des bleus sur les genoux à cause du foot", id="bleus-genoux"),
]


# ---- round 3 (2026.12.3): a pack swallowed, a wish said as what would be simpler or hoped for, nobody to miss the
# writer, a rope tied, letters, cigarettes, being followed or hiding, a weapon drawn, a drugged drink, the fear of
# hitting, waiting outside or heading there with a weapon, wounds and no care, debts, glued articles ("l'OQTF"), a
# landlord's door. Each disclosure fails against the round-2 tables; every line is our own, in chat spellings. The
# everyday lines pin the false alarms fixed on the way: a box of chocolates, quitting smoking, a question about a
# prescription, babies in general, a hero in a series, things that disappear.

ROUND_THREE = [
    # a whole pack or the medicine cabinet, taken just now
    pytest.param(
        "j'ai avalé toute la plaquette il y a 10 minutes", CRITICAL, "self_harm.method+time", id="plaquette-10-min"
    ),
    pytest.param(
        "j'ai vidé l'armoire à pharmacie, je me sens partir", CRITICAL, "self_harm.method+means", id="armoire-videe"
    ),
    pytest.param(
        "j'ai pris tout ce qu'il y avait dans la boîte à pharmacie",
        CRITICAL,
        "self_harm.ingested+amount",
        id="tout-ce-quil-y-avait",
    ),
    pytest.param("jai bu tout le flacon de sirop ya 5 min", CRITICAL, "fr.time.now.round3", id="flacon-ya-5-min"),
    # a wish said as what would be simpler or better, with the conditional after "si"
    pytest.param(
        "ce serait tellement plus facile si j'existais plus",
        HIGH,
        "grammar.want_death",
        id="plus-facile-si-jexistais-plus",
    ),
    pytest.param("franchement ce serait mieux si je mourais", HIGH, "grammar.want_death", id="mieux-si-je-mourais"),
    pytest.param(
        "ça serait mieux de mourir, voilà ce que je pense tous les soirs",
        HIGH,
        "grammar.want_death",
        id="serait-mieux-de-mourir",
    ),
    pytest.param(
        "un jour vous serez enfin débarrassés de moi", HIGH, "fr.self_harm.intent.round3", id="debarrasses-de-moi"
    ),
    pytest.param(
        "je manquerais à personne, franchement", HIGH, "fr.self_harm.intent.round3", id="manquerais-a-personne"
    ),
    pytest.param("j'espère ne pas me réveiller demain", HIGH, "grammar.want_death", id="jespere-pas-me-reveiller"),
    pytest.param(
        "j'ai attaché une corde à la poutre du garage", CRITICAL, "fr.self_harm.method.round3_rope", id="corde-poutre"
    ),
    # letters to the family, wanting someone to know
    pytest.param("j'ai écrit des lettres pour ma famille hier soir", HIGH, "self_harm.farewell", id="lettres-famille"),
    pytest.param(
        "tout est prêt, j'ai écrit des lettres à mes proches", HIGH, "self_harm.farewell", id="lettres-proches"
    ),
    pytest.param(
        "je voulais juste que quelqu'un sache, c'est tout", HIGH, "self_harm.farewell", id="que-quelquun-sache"
    ),
    # cigarettes put out on the skin, of the writer or someone else
    pytest.param(
        "j'éteins mes clopes sur mon bras depuis des semaines", HIGH, "grammar.injure_self", id="clopes-sur-mon-bras"
    ),
    pytest.param("ma soeur écrase des cigarettes sur sa peau", HIGH, "grammar.other_injure", id="soeur-cigarettes"),
    pytest.param("chui déjà sur le pont", CRITICAL, "self_harm.at_height+now", id="deja-sur-le-pont"),
    # followed, hiding, a weapon drawn, a mother's partner at night
    pytest.param(
        "un type me suit depuis la station, je suis toute seule",
        HIGH,
        "violence_abuse.danger_here",
        id="suivie-depuis-la-station",
    ),
    pytest.param(
        "je suis suivie par un inconnu, il fait nuit", HIGH, "fr.violence_abuse.danger_here.round3", id="suivie-inconnu"
    ),
    pytest.param(
        "je suis cachée dans la salle de bain, il hurle dans le salon",
        HIGH,
        "fr.violence_abuse.danger_here.round3",
        id="cachee-salle-de-bain",
    ),
    pytest.param(
        "il a sorti un flingue pendant la dispute", CRITICAL, "violence_abuse.danger+weapon", id="sorti-un-flingue"
    ),
    pytest.param("il me braque avec un fusil", CRITICAL, "violence_abuse.danger+weapon", id="me-braque"),
    pytest.param(
        "le copain de ma mère vient dans mon lit quand elle dort",
        HIGH,
        "fr.violence_abuse.sexual.round3_room",
        id="copain-de-ma-mere-lit",
    ),
    pytest.param(
        "le mari de ma tante me regarde quand je me change",
        HIGH,
        "fr.violence_abuse.sexual.round3",
        id="regarde-me-changer",
    ),
    pytest.param(
        "je crois qu'on a mis quelque chose dans mon verre hier soir",
        HIGH,
        "fr.violence_abuse.sexual.round3_drugged",
        id="quelque-chose-dans-mon-verre",
    ),
    # the fear of hitting, a conditional "je le bute", waiting or heading there with a weapon
    pytest.param(
        "j'ai trop peur de secouer la petite, elle pleure sans arrêt",
        HIGH,
        "fr.harm_to_others.threat.round3",
        id="peur-de-secouer",
    ),
    pytest.param(
        "si je le recroise jle bute, j'ai gardé le couteau",
        CRITICAL,
        "harm_to_others.threat+weapon",
        id="je-le-bute",
    ),
    pytest.param(
        "mon oncle attend les voisins dehors avec une batte",
        CRITICAL,
        "harm_to_others.seek+weapon",
        id="attend-le-voisin",
    ),
    pytest.param("mon père fonce chez lui avec son fusil", CRITICAL, "harm_to_others.seek+weapon", id="fonce-chez-lui"),
    pytest.param(
        "j'ai chargé le fusil, jvais chez eux", CRITICAL, "harm_to_others.seek+weapon", id="jvais-chez-eux-fusil"
    ),
    # wounds that weep or blacken, a broken bone, care forbidden or never given, days gone, a fall
    pytest.param(
        "la plaie suinte et devient noire, je peux pas aller à l'hôpital",
        HIGH,
        "medical_emergency.state+nocare",
        id="plaie-suinte-hopital",
    ),
    pytest.param(
        "je me suis cassé le poignet et personne m'a soigné",
        HIGH,
        "medical_emergency.state+nocare",
        id="poignet-pas-soigne",
    ),
    pytest.param("ça fait cinq jours qu'elle vomit", HIGH, "fr.body.severe.round3", id="cinq-jours-quelle-vomit"),
    pytest.param(
        "mon grand-père est tombé et ne répond plus", CRITICAL, "medical_emergency.acute", id="tombe-ne-repond-plus"
    ),
    pytest.param(
        "ses lèvres sont violettes et il répond plus quand on lui parle",
        HIGH,
        "medical_emergency.state+severe",
        id="levres-violettes",
    ),
    # a debt for the journey, a threat to denounce
    pytest.param(
        "le passeur dit que je dois rembourser le passage en travaillant",
        HIGH,
        "fr.trafficking_exploitation.core.round3",
        id="rembourser-le-passage",
    ),
    pytest.param(
        "ils menacent de nous dénoncer si on parle",
        HIGH,
        "fr.trafficking_exploitation.core.round3",
        id="menacent-denoncer",
    ),
    # the article glued on ("l'OQTF", "l'expulser"), an arrest told as one, a deadline within the month
    pytest.param(
        "ma soeur a eu l'OQTF, elle doit partir avant la fin du mois",
        HIGH,
        "detention_deportation.core+soon",
        id="loqtf-fin-du-mois",
    ),
    pytest.param(
        "mon neveu a été arrêté, ils vont l'expulser", HIGH, "detention_deportation.imminent", id="vont-lexpulser"
    ),
    pytest.param(
        "on doit quitter le territoire dans 30 jours", HIGH, "detention_deportation.core+soon", id="quitter-territoire"
    ),
    # a phone "coupé", not at home; taken away and nobody says where
    pytest.param(
        "ma copine est pas chez elle depuis deux jours et personne sait rien",
        HIGH,
        "grammar.missing",
        id="pas-chez-elle",
    ),
    pytest.param(
        "ils ont emmené mon fils et on sait pas où ils l'ont emmené",
        CRITICAL,
        "grammar.search_child",
        id="sait-pas-ou-emmene",
    ),
    # a landlord's door, not knowing where to sleep tonight
    pytest.param(
        "le proprio nous a mis à la porte de l'appart avec les petits",
        HIGH,
        "basic_needs.outside+child",
        id="mis-a-la-porte",
    ),
    pytest.param("je sais pas où on va dormir ce soir", HIGH, "basic_needs.outside+now", id="ou-dormir-ce-soir"),
]

ROUND_THREE_EVERYDAY = [
    # chocolates, quitting smoking, butter, questions about a prescription (the infinitive is no ingestion)
    pytest.param("j'ai mangé toute la boîte de chocolats", id="boite-de-chocolats"),
    pytest.param("j'ai arrêté de fumer aujourd'hui", id="arrete-de-fumer"),
    pytest.param("j'ai acheté une plaquette de beurre pour ce soir", id="plaquette-de-beurre"),
    pytest.param("est-ce que je dois prendre toute la plaquette d'antibiotiques ?", id="prendre-la-plaquette"),
    pytest.param("est-ce que je dois avaler tous les comprimés d'un coup ?", id="avaler-tous-les-comprimes"),
    # what would be simpler, letters and notes, a group left
    pytest.param("ce serait plus simple de prendre le bus", id="plus-simple-le-bus"),
    pytest.param("ce serait mieux si je partais plus tôt demain", id="mieux-si-je-partais"),
    pytest.param("j'ai écrit une lettre à la préfecture pour mon dossier", id="lettre-prefecture"),
    pytest.param("j'ai laissé un mot pour ma soeur sur le frigo", id="mot-sur-le-frigo"),
    pytest.param("je vous dis adieu, je quitte ce groupe", id="adieu-au-groupe"),
    pytest.param("mon patron s'est débarrassé de moi sans préavis", id="patron-debarrasse"),
    # a cigarette, a therapist, hide and seek, a water pistol, a knock at the door, a dog
    pytest.param("j'écrase ma clope dans le cendrier", id="clope-cendrier"),
    pytest.param("je suis suivie par une psy depuis deux ans", id="suivie-par-une-psy"),
    pytest.param("je me suis cachée derrière la porte pour faire peur à mon frère", id="cachee-pour-rire"),
    pytest.param("mon équipe a sorti un pistolet à eau pour la fête", id="pistolet-a-eau"),
    pytest.param("j'ai peur de frapper à sa porte si tard", id="frapper-a-sa-porte"),
    pytest.param("mon fils attend dehors avec ses copains pour le foot", id="attend-dehors-foot"),
    pytest.param("le copain de ma mère vient dans ma chambre pour réparer le radiateur", id="radiateur"),
    # a cold, a wound healed, a building site stopped, babies in general, a heroine in a novel
    pytest.param("ça fait 3 jours que j'ai un rhume", id="rhume"),
    pytest.param("il y a une semaine ma plaie suintait, maintenant elle est sèche", id="plaie-seche"),
    pytest.param("mon fils s'est cassé le poignet au foot, il est plâtré", id="poignet-platre"),
    pytest.param("le chantier a été arrêté à cause de la pluie", id="chantier-arrete"),
    pytest.param("les bébés ont souvent de la fièvre quand les dents poussent ?", id="bebes-en-general"),
    pytest.param("dans le roman l'héroïne est enlevée par des pirates", id="heroine-du-roman"),
    pytest.param("mon colis a disparu, la poste répond pas", id="colis-disparu"),
    pytest.param("j'ai pris tout le flacon de sirop comme le médecin a dit", id="sirop-prescrit"),
    pytest.param("ce serait plus simple si je mourais de rire à chaque blague", id="mourais-de-rire"),
    pytest.param("j'espère mourir vieux dans mon lit", id="mourir-vieux"),
    # a talk about deportation, an arrest long ago, a hostel question
    pytest.param("je prépare un exposé sur les obligations de quitter le territoire", id="expose-oqtf"),
    pytest.param("mon oncle a été arrêté par la police en 2015, il est sorti depuis", id="arrete-en-2015"),
    pytest.param("je sais pas où dormir à Marseille, des auberges pas chères ?", id="auberges"),
]


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    # round three reuses the id "peur-de-secouer" of round two: its ids carry "r3-" to stay unique
    [*DISCLOSURES, *ROUND_TWO, *(pytest.param(*p.values, marks=p.marks, id=f"r3-{p.id}") for p in ROUND_THREE)],
)
def test_a_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "fr")
    assert result.level == level, (text, result.rules)
    assert rule in result.rules, (text, result.rules)


@pytest.mark.parametrize("text", EVERYDAY + ROUND_TWO_EVERYDAY + ROUND_THREE_EVERYDAY)
def test_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "fr")
    assert result.level in (NORMAL, LOW), (text, result.rules)
