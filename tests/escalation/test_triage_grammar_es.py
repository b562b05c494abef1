"""The grammar of harm in Spanish: a harm verb with its object (clitic, fused or after the verb) and, for
killing, an intent or a synthetic future, instead of one phrase each; everyday lines with those verbs stay
normal, and a relative gone quiet for a stated time is a missing person."""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL = Level.CRITICAL, Level.HIGH, Level.NORMAL

# the verb fused with its object ("matarme", "violarme") is a phrase of an existing concept, key `fused`
FUSED = (
    "es.violence_abuse.threat_to_me.fused",
    "es.violence_abuse.abuse.fused",
    "es.violence_abuse.sexual.fused",
)


def _grammar(rules: tuple[str, ...]) -> bool:
    return any(rule.startswith("grammar.") or rule in FUSED for rule in rules)


# (text, expected level): critical only with "now" or a weapon
DISCLOSURES = [
    # abuse verbs in any tense, the writer ("me", "nos", SMS "m") as a clitic before the verb
    pytest.param("mi padrastro me golpea cada vez que toma", HIGH, id="golpea-me"),
    pytest.param("mi esposo me violó anoche", HIGH, id="violo-me"),
    pytest.param("me quemó el brazo con un cigarro", HIGH, id="quemo-me"),
    pytest.param("mi novio me ahorcó contra la pared", HIGH, id="ahorco-me"),
    pytest.param("nos encerró en el cuarto y nos pegó con el cable", HIGH, id="encerro-nos"),
    pytest.param("el dueño de la casa nos amenaza y nos encierra", HIGH, id="amenaza-nos"),
    pytest.param("mi cuñado me patea y me insulta", HIGH, id="patea-me"),
    pytest.param("me dio una golpiza mi marido", HIGH, id="golpiza-noun"),
    pytest.param("me dio una cachetada delante de todos", HIGH, id="cachetada-noun"),
    pytest.param("mi hermanastro me manosea cuando no hay nadie", HIGH, id="manosea-me"),
    pytest.param("mi suegra me trata mal y me pega", HIGH, id="pega-me"),
    pytest.param("me volvió a golpear anoche", HIGH, id="volvio-a-golpear"),
    pytest.param("nunca me había pegado pero ayer me pegó", HIGH, id="denial-then-disclosure"),
    pytest.param("m pega siempre q llega borracho", HIGH, id="sms-m"),
    pytest.param("mi papá me pegava con el cinto", HIGH, id="misspelt-pegava"),
    pytest.param("me pegaron un tiro en la pierna al cruzar", HIGH, id="tiro-me"),
    # abuse of family, object after the verb or before it with the personal "a"
    pytest.param("mi marido le pega a mi hijo con el cinturón", HIGH, id="pega-a-hijo"),
    pytest.param("mi papa golpiaba a mi mama todas las noches", HIGH, id="misspelt-golpiaba"),
    pytest.param("mi tío abusó de mi hermana pequeña", HIGH, id="abuso-de-hermana"),
    pytest.param("a mi hija la golpeó su padrastro el domingo", HIGH, id="a-hija-la-golpeo"),
    pytest.param("a mis hijos les pega con el palo de la escoba", HIGH, id="a-hijos-les-pega"),
    # killing with an intent, a periphrastic or a synthetic future
    pytest.param("mi ex me quiere matar, ya no sé dónde esconderme", HIGH, id="quiere-matar-me"),
    pytest.param("mi ex dijo que me matará si lo dejo", HIGH, id="matara-me"),
    pytest.param("su familia dice que me van a degollar", HIGH, id="van-a-degollar-me"),
    pytest.param("mi suegro amenazó con matar a mis hijos si me voy", HIGH, id="amenazo-con-matar-hijos"),
    pytest.param("dice que va a matar a mi mamá", HIGH, id="va-a-matar-mama"),
    pytest.param("los pandilleros juraron que matarán a mi hermano", HIGH, id="mataran-hermano"),
    pytest.param("la mara va a matar a mi hijo si no pagamos", HIGH, id="mara-hijo"),
    pytest.param("mi ex pareja asesinará a mi familia, lo juró", HIGH, id="asesinara-familia"),
    pytest.param("mi vecino quiere matar a mi marido", HIGH, id="quiere-matar-marido"),
    pytest.param("mi primo lo quiere apuñalar", HIGH, id="lo-quiere-apunalar"),
    pytest.param("mi marido la quiere matar a mi cuñada", HIGH, id="la-quiere-matar"),
    pytest.param("el jefe de la finca quiere matar a su esposa", HIGH, id="quiere-matar-su-esposa"),
    # fused verb and object
    pytest.param("quieren matarnos a todos", HIGH, id="fused-matarnos"),
    pytest.param("van a matarme si vuelvo a mi país", HIGH, id="fused-van-a-matarme"),
    pytest.param("intentó violarme en el baño del trabajo", HIGH, id="fused-violarme"),
    # now or a weapon makes it critical
    pytest.param("me está pegando ahora mismo, ayuda", CRITICAL, id="now-pegando"),
    pytest.param("mi pareja está golpeando a los niños ahora", CRITICAL, id="now-ninos"),
    pytest.param("me amenazó con un cuchillo", CRITICAL, id="weapon-cuchillo"),
    pytest.param("tiene una pistola y dice que va a matar a mi esposo", CRITICAL, id="weapon-pistola"),
]

EVERYDAY = [
    # idioms, jokes and hyperbole
    pytest.param("qué calor, me está matando este verano", id="calor"),
    pytest.param("jajaja me mataste con ese meme", id="mataste-meme"),
    pytest.param("me mata de risa el video de tu perro", id="mata-de-risa"),
    pytest.param("fuimos al centro comercial a matar el tiempo", id="matar-el-tiempo"),
    pytest.param("me vas a matar de un susto jaja", id="susto"),
    pytest.param("nos matamos de risa con la película", id="matamos-de-risa"),
    pytest.param("los precios nos están matando este mes", id="precios"),
    pytest.param("me estoy matando a estudiar para el examen de mañana", id="estudiar"),
    pytest.param("el dolor de cabeza me está matando", id="dolor"),
    pytest.param("los zancudos me están matando", id="zancudos"),
    pytest.param("me golpeó la realidad cuando llegué a este país", id="realidad"),
    pytest.param("la crisis nos golpeó muy duro este año", id="crisis"),
    # "pegar" is to stick, paste, catch, not sleep a wink; a bump; cooking and the sun
    pytest.param("se me pegó el arroz otra vez, qué desastre", id="arroz"),
    pytest.param("me pegué un susto tremendo con la tormenta", id="pegue-susto"),
    pytest.param("me golpeé el codo con la puerta del armario", id="codo"),
    pytest.param("mi bebé no me deja pegar ojo por las noches", id="pegar-ojo"),
    pytest.param("copia y pega el enlace aquí abajo", id="enlace"),
    pytest.param("me gusta pegar stickers en mi cuaderno", id="stickers"),
    pytest.param("me pegó la gripe mi hijo", id="gripe"),
    pytest.param("se me quemó la comida mientras hablaba por teléfono", id="comida"),
    pytest.param("el sol me quemó la espalda en la playa", id="sol"),
    pytest.param("el picante me quema la boca", id="picante"),
    pytest.param("el bebé me patea mucho por las noches", id="bebe-patea"),
    pytest.param("me di una paliza limpiando toda la casa", id="paliza-limpiando"),
    # sport and games
    pytest.param("nos pegaron una paliza en el partido, 5-0", id="paliza-partido"),
    pytest.param("le pegué al balón con la izquierda y fue gol", id="balon"),
    pytest.param("mi hijo golpeó la pelota muy fuerte", id="pelota"),
    pytest.param("anoche matamos al dragón en el videojuego", id="dragon"),
    pytest.param("vamos a matar zombies en la consola", id="zombies"),
    pytest.param("¿me ayudas a matar esta araña?", id="arana"),
    # grief, news, questions and denials
    pytest.param("mataron a mi padre en la guerra, lo extraño mucho", id="grief-padre"),
    pytest.param("a mi abuelo lo fusilaron en la guerra civil", id="grief-abuelo"),
    pytest.param("a mi hermano le pegaron un tiro en la guerra, ya pasaron diez años", id="grief-tiro"),
    pytest.param("me mataron a mi hijo hace cinco años y todavía lloro", id="grief-dative"),
    pytest.param("mi papá fue asesinado hace años, ya lo superé", id="grief-passive"),
    pytest.param("en las noticias dicen que un hombre mató a su vecino", id="news"),
    pytest.param("me dijeron que mataron a un señor en la esquina", id="told-news"),
    pytest.param("¿quién mató al protagonista en la serie?", id="series"),
    pytest.param("¿cómo se dice golpear en inglés?", id="question"),
    pytest.param("mi marido nunca me ha pegado, es muy bueno conmigo", id="denial-nunca-me-ha"),
    pytest.param("no me pega, solo discutimos a veces", id="denial-no-me"),
    pytest.param("él jamás me golpearía", id="denial-jamas-me"),
    pytest.param("no nos pega, tranquila, solo grita cuando se enoja", id="denial-no-nos"),
    pytest.param("no mato ni una mosca", id="mosca"),
    pytest.param("me preocupa la amenaza de desalojo", id="amenaza-noun"),
]

MISSING = [
    pytest.param("mi hijo no contesta el teléfono desde ayer", CRITICAL, id="hijo-no-contesta"),
    pytest.param("mi hija no ha llegado a casa desde anoche", CRITICAL, id="hija-no-llego"),
    pytest.param("mi hermana tiene el celular apagado desde hace dos días", HIGH, id="hermana-celular"),
    pytest.param("nadie ha visto a mi papá desde el lunes", HIGH, id="nadie-ha-visto"),
    pytest.param("mi esposo no ha regresado a casa desde hace 3 días", HIGH, id="esposo-no-regreso"),
    pytest.param("no puedo localizar a mi hermano desde hace 48 horas", HIGH, id="localizar-hermano"),
    pytest.param("mi amiga no responde mensajes desde hace tres días", HIGH, id="amiga-no-responde"),
    pytest.param("el celular de mi primo sale buzon de voz desde el viernes", HIGH, id="buzon"),
]

MISSING_LOOKALIKES = [
    pytest.param("mi teléfono estuvo apagado desde ayer, escríbeme de nuevo", id="own-phone"),
    pytest.param("mi amigo no contesta, seguro está dormido", id="no-duration"),
    pytest.param("mi hermano llega 10 minutos tarde, lo esperamos", id="late"),
    pytest.param("mi mamá no ha vuelto a fumar desde hace tres días", id="vuelto-a-fumar"),
    pytest.param("mi hermana tiene el telefono apagado porque esta en clase", id="phone-off-reason"),
]


@pytest.mark.parametrize(("text", "wanted"), DISCLOSURES)
def test_disclosure_reads_the_grammar(triage: Triage, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "es")
    assert assessment.level == wanted, (text, assessment.rules)
    assert _grammar(assessment.rules), (text, assessment.rules)


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_line_stays_normal(triage: Triage, text: str) -> None:
    assessment = triage.assess(text, "es")
    assert assessment.level == NORMAL, (text, assessment.rules)


@pytest.mark.parametrize(("text", "wanted"), MISSING)
def test_missing_person(triage: Triage, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "es")
    assert assessment.level == wanted, (text, assessment.rules)
    assert "grammar.missing" in assessment.rules, (text, assessment.rules)


@pytest.mark.parametrize("text", MISSING_LOOKALIKES)
def test_missing_lookalike_stays_normal(triage: Triage, text: str) -> None:
    assessment = triage.assess(text, "es")
    assert assessment.level == NORMAL, (text, assessment.rules)


def test_nos_is_not_a_negation(triage: Triage) -> None:
    """The lemma table keys "nos" as "no"; read as a denial it hid "nos pega" from the grammar."""
    assessment = triage.assess("mi padrastro nos pega con la correa", "es")
    assert "grammar.me_abuse" in assessment.rules, assessment.rules
    assert not any(rule.endswith(".negated") for rule in assessment.rules), assessment.rules
