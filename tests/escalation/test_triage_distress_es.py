"""The grammar of distress in Spanish (Spain and Latin America): risks said in the writer's own words, read by
construction, not by phrase. The pronoun is dropped, so the first-person verb is the desire word ("quiero",
"quisiera", "me quiero"); clitics come before the verb ("me corto los brazos"); chat spellings (q, xq, kiero,
tmb, toy) and no accents."""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL, LOW = Level.CRITICAL, Level.HIGH, Level.NORMAL, Level.LOW

# (text, expected level, the rule that must carry it): each fails without the Spanish tables
DISCLOSURES = [
    # a wish with its death: the first-person verb carries the person
    ("kiero desaparecer para siempre, nadie lo notaria", HIGH, "grammar.want_death"),
    ("ojala no despierte mañana", HIGH, "grammar.want_death"),
    ("ultimamente pienso mucho en la muerte", HIGH, "grammar.want_death"),
    ("me gustaria dejar de existir", HIGH, "grammar.want_death"),
    ("seria mejor no haber nacido", HIGH, "grammar.want_death"),
    ("solo quiero morirme ya", HIGH, "grammar.want_death"),
    ("nada mas quiero dormir y no despertar nunca", HIGH, "grammar.want_death"),
    ("preferiria estar muerta", HIGH, "grammar.want_death"),
    ("quisiera que todo se acabe", HIGH, "grammar.want_death"),
    ("ojala me atropelle un carro", HIGH, "grammar.want_death"),
    ("tmb pienso en morirme todos los dias", HIGH, "grammar.want_death"),
    ("tengo ganas de desaparecer hoy", CRITICAL, "grammar.want_death"),
    # a refusal or a weariness with a life word
    ("no quiero seguir viviendo asi", HIGH, "grammar.refuse_life"),
    ("no kiero vivir mas", HIGH, "grammar.refuse_life"),
    ("no le veo sentido a la vida", HIGH, "grammar.refuse_life"),
    ("de que sirve vivir si todo sale mal", HIGH, "grammar.refuse_life"),
    ("ya no tengo ganas de vivir", HIGH, "grammar.refuse_life"),
    ("no encuentro razones para seguir viviendo", HIGH, "grammar.refuse_life"),
    ("xq sigo aqui si ya no kiero existir", HIGH, "grammar.refuse_life"),
    ("q sentido tiene seguir", HIGH, "grammar.refuse_life"),
    ("estoy harta de vivir", HIGH, "grammar.weary_life"),
    ("cansado de existir la verdad", HIGH, "grammar.weary_life"),
    ("ya me canse de la vida", HIGH, "grammar.weary_life"),
    ("estoy hasta la madre de vivir", HIGH, "grammar.weary_life"),
    ("no aguanto vivir asi", HIGH, "grammar.weary_life"),
    # someone else's wish: the person word before the desire holds it
    ("mi hermana dice que quiere morirse", HIGH, "grammar.other_want_death"),
    ("mi novio dice q ya no quiere vivir", HIGH, "grammar.other_refuse_life"),
    ("ella esta cansada de vivir", HIGH, "grammar.other_weary_life"),
    ("mi hermana quiere morirse esta noche", CRITICAL, "grammar.other_want_death"),
    # an injuring verb with the body: the clitic first ("me corto"), third person with "se"
    ("me corto los brazos cuando estoy sola", HIGH, "grammar.injure_self"),
    ("me rayo los brazos con el compas", HIGH, "grammar.injure_self"),
    ("me araño la piel cuando me da ansiedad", HIGH, "grammar.injure_self"),
    ("otra vez me hice cortadas en los muslos", HIGH, "grammar.injure_self"),
    ("sigo cortandome las piernas", HIGH, "grammar.injure_self"),
    ("me corto las muñecas hoy", CRITICAL, "grammar.injure_self"),
    ("mi prima se corta las muñecas", HIGH, "grammar.other_injure"),
    ("mi hija se hace heridas en los brazos", HIGH, "grammar.other_injure"),
    # a body in danger: a baby, a severity, no care to be had
    ("mi bebe de 2 meses tiene fiebre", HIGH, "medical_emergency.state+infant"),
    ("la bebita tiene calentura y no quiere mamar", HIGH, "medical_emergency.state+infant"),
    ("el nene esta vomitando desde la mañana", HIGH, "medical_emergency.state+infant"),
    ("mi hijo tiene 40 de fiebre y no le baja", HIGH, "medical_emergency.state+severe"),
    ("me sale sangre de la herida y no para", HIGH, "medical_emergency.state+severe"),
    ("mi esposo tiene diarrea con sangre y no tenemos seguro", HIGH, "medical_emergency.state+nocare"),
    ("mi mama esta muy mareada y no nos atienden en la clinica", HIGH, "medical_emergency.state+nocare"),
    # going without: a lack with its item, either order; nowhere to sleep
    ("se nos termino la formula del bebe", HIGH, "basic_needs.without+child"),
    ("la nevera esta vacia y los niños no han comido", HIGH, "basic_needs.without+child"),
    ("no tenemos pañales para la bebe", HIGH, "basic_needs.without+child"),
    ("no tenemos luz ni agua desde el lunes", HIGH, "basic_needs.without+duration"),
    ("llevamos 4 dias sin comida", HIGH, "basic_needs.without+duration"),
    ("el albergue esta lleno, vamos a dormir afuera esta noche", HIGH, "basic_needs.outside+now"),
    ("nos echaron del cuarto y tengo un bebe", HIGH, "basic_needs.outside+child"),
    ("estamos durmiendo en el parque con los niños", HIGH, "basic_needs.outside+child"),
    # a child lost right now (the personal "a" marks a person), someone gone quiet
    ("no encuentro a mi hija en el mercado, estaba aqui hace un momento", CRITICAL, "grammar.search_child"),
    ("lo perdi de vista a mi niño en la feria", CRITICAL, "grammar.search_child"),
    ("se me solto de la mano mi hija en la plaza", CRITICAL, "grammar.search_child"),
    ("mi hijo se perdio en el parque", CRITICAL, "grammar.search_child"),
    ("nadie sabe de mi hermano desde hace tres dias", HIGH, "grammar.missing"),
    ("mi cuñado salio y no volvio, ya van dos dias", HIGH, "grammar.missing"),
    # being taken: an authority with its act
    ("los de migracion se llevaron a mi papa hoy", HIGH, "grammar.agent_act"),
    ("agentes de migracion tocaron la puerta esta mañana", HIGH, "grammar.agent_act"),
    ("la policia anda buscando a mi esposo, dicen que regresan el lunes", HIGH, "grammar.agent_act"),
    # papers kept
    ("el patron se quedo con nuestros pasaportes", HIGH, "grammar.keep_docs"),
    ("la señora no me quiere devolver el pasaporte", HIGH, "grammar.keep_docs"),
    ("en la finca nos retienen los documentos", HIGH, "grammar.keep_docs"),
    # going after someone
    ("agarre un cuchillo, voy a ajustar cuentas con ese tipo", CRITICAL, "harm_to_others.seek+weapon"),
    ("voy a darle una leccion a ese cabron", HIGH, "harm_to_others.seek+future"),
    # at a height now
    ("estoy en el puente ahorita", CRITICAL, "self_harm.at_height+now"),
    ("estoy en la azotea, ya no puedo mas", CRITICAL, "self_harm.at_height+hopeless"),
    ("toy en el techo del edificio ahora", CRITICAL, "self_harm.at_height+now"),
    # forcing and "made me"; touching told with where; others better off
    ("un tipo me forzo en el baño del bar", HIGH, "grammar.me_abuse"),
    ("mi padrastro se mete en mi cama por las noches", HIGH, "es.violence_abuse.sexual.forced"),
    ("el tio de mi novio se aprovecho de mi", HIGH, "es.violence_abuse.sexual.forced"),
    ("pienso q todos estarian mejor sin mi", HIGH, "es.self_harm.intent.without_me"),
    # an amount that is not a number
    ("me tome la mitad del frasco de pastillas", CRITICAL, "self_harm.ingested+amount"),
    ("ya me trague medio blister de clonazepam", CRITICAL, "self_harm.ingested+amount"),
]

# everyday Spanish with the same words: each stays an ordinary question
EVERYDAY = [
    "me muero por ver esa pelicula",
    "quiero morirme de risa con ese video",
    "quiero saber si voy a morir de esta gripe o es normal",
    "quiero desaparecer un rato de las redes",
    "prefiero no estar sola esta noche",
    "mejor no estar en casa cuando llegue el casero",
    "quiero vivir en madrid el año que viene",
    "no quiero vivir con mis suegros, busco cuarto",
    "estoy cansada de vivir en este albergue tan pequeño",
    "no quiero vivir mas tiempo en este cuarto, hay otro?",
    "no quiero despertar temprano el domingo",
    "no quiero despertar al bebe",
    "odio despertarme temprano para el trabajo",
    "ya no quiero seguir esperando, cuando me dan la cita",
    "no quiero seguir con el tramite de la residencia",
    "no quiero complicarme la vida con papeles",
    "me estoy ganando la vida limpiando casas",
    "odio la vida nocturna de esta ciudad",
    "quiero que todo termine bien con mi caso",
    "quiero acabar con todo el papeleo hoy",
    "mi abuela murio el año pasado, la extraño",
    "pienso en la muerte de mi abuelo y lloro",
    "no quiero morir, quiero vivir mucho tiempo",
    "me corte el dedo cortando cebolla",
    "me quemo con el horno siempre, hay curitas en el centro",
    "me corto las uñas los domingos",
    "me corto la llamada, vuelve a llamar",
    "me cortaron la luz por no pagar, donde pago la factura",
    "me hice un tatuaje en la piel del brazo",
    "me hice heridas en los pies de tanto caminar",
    "mi hijo tiene fiebre y tos, que farmacia abre",
    "mi bebe tiene un sarpullido en la cara, que crema uso",
    "estoy embarazada de 30 semanas, donde esta la clinica",
    "cafe sin leche por favor",
    "no hay leche en el super, donde compro",
    "cortaron el agua por mantenimiento mañana en la mañana",
    "no hay agua caliente en la ducha del albergue",
    "se me perdio el celular en el bus",
    "se me perdio el pasaporte de mi hijo, como lo renuevo",
    "estoy buscando a un abogado para mi hijo",
    "voy a buscar a mi hijo al colegio",
    "la policia vino a dar una charla a la escuela de mi hijo",
    "se llevo mi pasaporte a la embajada para la visa",
    "me quitaron el pasaporte viejo cuando me dieron el nuevo",
    "estamos en la azotea de fiesta esta noche",
    "estoy en el puente esperando el bus",
    "mi mama me obliga a comer verduras",
    "me obligaron a esperar tres horas en la oficina",
    "me toca trabajar el sabado",
    "voy a darle una leccion de matematicas a mi hijo",
    "mi hija no nos atiende el telefono porque esta en clase",
    "no nos atienden en el consulado desde hace una semana y mi hijo necesita el pasaporte",
    "estoy muerta de cansancio, quiero dormir",
    "gracias, ya volvio la luz",
]


@pytest.mark.parametrize(
    "text",
    ["me quiero morir 😂", "mi ex dice que me va a matar jajaja", "me pega 😂 no se que hacer"],
)
def test_a_short_laugh_never_discounts_a_disclosure(triage: Triage, text: str) -> None:
    # joke markers only make killing words everyday, and "jajaja" is no marker: people laugh off what they disclose
    assert triage.assess(text, "es").level in (CRITICAL, HIGH)


@pytest.mark.parametrize(
    "text",
    ["estos examenes me van a matar jajajaja", "mi primo me quito el ultimo pedazo de pizza, lo voy a matar 😂"],
)
def test_an_explicit_joke_makes_a_killing_word_everyday(triage: Triage, text: str) -> None:
    result = triage.assess(text, "es")
    assert result.level == NORMAL, result.rules


@pytest.mark.parametrize(
    ("text", "discount"),
    [
        ("de niña queria morir, ahora estoy bien", ".past"),
        ("hace años queria morirme, ya lo supere", ".past"),
        ("no quiero morir", ".negated"),
        ("nunca quise desaparecer", ".negated"),
        ("la gente que quiere morir necesita ayuda", ".generic"),
        ("en la pelicula la protagonista quiere morir", ".reported"),
    ],
)
def test_a_wish_keeps_its_frame(triage: Triage, text: str, discount: str) -> None:
    result = triage.assess(text, "es")
    assert result.level == NORMAL, result.rules
    assert any(rule.startswith("es.wish.want") and rule.endswith(discount) for rule in result.rules), result.rules


def test_a_denied_injury_and_a_denied_thought_stay_normal(triage: Triage) -> None:
    injury = triage.assess("ya no me corto los brazos, tranquila", "es")
    assert injury.level == NORMAL, injury.rules
    assert any(rule.startswith("es.injure.verb") and rule.endswith(".negated") for rule in injury.rules), injury.rules
    thought = triage.assess("no estoy pensando en suicidarme, solo ando estresada con el trabajo", "es")
    assert thought.level == NORMAL, thought.rules


def test_years_that_go_on_are_no_closed_past(triage: Triage) -> None:
    # "hace años" dates a closed past, "hace años que" and "desde hace" say it goes on
    assert triage.assess("hace años me cortaba los brazos, ya no", "es").level == NORMAL
    assert triage.assess("hace años que quiero morirme", "es").level == HIGH
    assert triage.assess("desde hace meses me corto los brazos", "es").level == HIGH


def test_someone_elses_wish_is_left_out_for_the_writers_own_risk(triage: Triage) -> None:
    result = triage.assess("mi hermana dice que quiere morirse", "es", third_party=False)
    assert result.level == NORMAL, result.rules
    assert "es.wish.want.other.third_party" in result.rules, result.rules


def test_a_kitchen_power_cut_is_no_self_harm(triage: Triage) -> None:
    # "me corto" by lemma read "me cortaron la luz"; now written forms, and the cut power is a lack
    result = triage.assess("me cortaron la luz y el gas", "es")
    assert not any(rule.startswith("self_harm") for rule in result.rules), result.rules
    assert "grammar.lack_item" in result.rules, result.rules


# ---- round 2 of the grammar of distress: harm planned against others, missing people, violence told
# indirectly, bodies in danger,
# self-harm in the writer's own words. Each fails against the round-1 lexicon.
DISCLOSURES_2 = [
    # the writer's own urge: a desire or a dream before a killing verb and its object, a verb with its object glued
    ("tengo ganas de matar a mi jefe, ya no lo soporto", HIGH, "grammar.intent_them"),
    ("sueño con matar a mi padrastro", HIGH, "grammar.threat_lethal"),
    ("a veces quiero golpearlo hasta que se calle", HIGH, "es.harm_to_others.threat.fused"),
    ("me dan ganas de pegarle cuando no me obedece", HIGH, "es.harm_to_others.threat.fused"),
    ("estoy a punto de ahorcarlo", HIGH, "es.harm_to_others.threat.fused"),
    ("me da miedo hacerle algo a mi esposa, estoy a punto de explotar", HIGH, "es.harm_to_others.threat.fused"),
    ("mañana le parto la madre a ese wey", HIGH, "es.harm_to_others.threat.idiom"),
    ("si me sigue gritando le voy a reventar la cara", HIGH, "grammar.them_intent"),
    ("tengo pensamientos de hacerle daño a mi bebe", HIGH, "grammar.want_abuse"),
    # someone close about to hurt another: the one who wronged them, a new partner, their own father
    ("mi hermano va a matar al tipo que lo asalto", HIGH, "grammar.intent_them"),
    ("mi exnovio amenaza con matar a mi nueva pareja", HIGH, "grammar.intent_them"),
    ("mi hijo mayor dice que va a matar a su padrastro", HIGH, "grammar.intent_them"),
    ("mi hijo dice que esta noche va a darle una golpiza a un compañero", CRITICAL, "harm_to_others.threat+time"),
    ("mi primo agarro un machete y se fue a casa del vecino", CRITICAL, "harm_to_others.seek+weapon"),
    ("mi hermano tiene una navaja y anda buscando al tipo que le robo", CRITICAL, "harm_to_others.seek+weapon"),
    ("mi hijo dice que va a llevar una pistola a la escuela", CRITICAL, "harm_to_others.seek+weapon"),
    ("ya se donde vive, me voy a desquitar", HIGH, "harm_to_others.seek+future"),
    ("me saco una navaja y me la puso en el cuello", CRITICAL, "violence_abuse.danger+weapon"),
    # missing people: a late hour, weeks without a message, the day they left, a child out of sight or lured away
    ("mi hijo de 7 no regreso de la escuela y ya es de noche", CRITICAL, "missing_person.missing+child"),
    ("la niña de mi vecina no aparece desde la tarde", CRITICAL, "missing_person.missing+child"),
    ("mi hijo se me solto en el mercado y no lo vemos por ningun lado", CRITICAL, "grammar.search_child"),
    ("mi hija se fue con un tipo que conocio en tiktok", CRITICAL, "grammar.search_child"),
    ("mi hermano lleva tres semanas sin escribir desde que se fue al norte", HIGH, "grammar.missing"),
    ("mi cuñado venia en el bus y nadie sabe nada de el desde el jueves", HIGH, "es.missing_person.missing.since"),
    ("un compa del trabajo salio el sabado y no volvio", HIGH, "grammar.missing"),
    ("llevamos tres dias buscando a mi hermano", HIGH, "grammar.search_other"),
    ("levantaron a mi hermano unos hombres en una camioneta", HIGH, "es.missing_person.missing.taken"),
    # violence and abuse told indirectly: the injury, the scald, the room at night, the pictures, fear, silence bought
    ("mi pareja me rompio la nariz de un golpe", HIGH, "grammar.me_abuse"),
    ("mi marido me echo agua hirviendo en la espalda", HIGH, "grammar.me_abuse"),
    ("me jalo del cabello y me arrastro por el piso", HIGH, "grammar.me_abuse"),
    ("mi esposo me quemo con la plancha", HIGH, "es.violence_abuse.abuse.by_someone"),
    ("mi padrastro entra a mi cuarto por las noches", HIGH, "es.violence_abuse.sexual.room"),
    ("mi novio me pide fotos desnuda y dice que si no lo dejo", HIGH, "es.violence_abuse.sexual.told"),
    ("le tengo miedo a mi esposo, no me deja ver a mi familia", HIGH, "es.violence_abuse.abuse.coercion"),
    ("mi jefe dice que si hablo me denuncia a migracion", HIGH, "es.violence_abuse.threat_to_me.silenced"),
    # a body in danger: a battery or bleach swallowed, a face that falls, chest pain, no urine, a blow and vomiting
    ("mi hijo se trago una pila del control", CRITICAL, "es.medical_emergency.acute.told"),
    ("mi hija se tomo el cloro del baño", CRITICAL, "es.medical_emergency.acute.swallowed"),
    ("mi papa tiene la cara caida y no puede mover el brazo", CRITICAL, "es.medical_emergency.acute.told"),
    ("mi esposo dice que le aprieta el pecho y esta sudando frio", HIGH, "es.medical_emergency.urgent.told"),
    ("mi hijo tiene diarrea desde hace dias y ya no orina", HIGH, "medical_emergency.state+severe"),
    ("mi hijo se golpeo la cabeza y vomita mucho", HIGH, "medical_emergency.state+severe"),
    ("estoy embarazada y no siento al bebe moverse desde ayer", HIGH, "es.medical_emergency.urgent.pregnancy"),
    # self-harm in the writer's own words
    ("tengo cortes en los brazos y uso manga larga para que no vean", HIGH, "es.self_harm.act.hidden"),
    ("me hago vomitar despues de comer para castigarme", HIGH, "es.self_harm.act.hidden"),
    ("me quiero cortar otra vez", HIGH, "es.self_harm.act.want"),
    ("me quiero aventar del puente", CRITICAL, "self_harm.method+means"),
    ("hoy se acaba todo, ya no aguanto", CRITICAL, "self_harm.intent+time"),
    # going without: a household that does not eat, a medicine run out, thrown out of the room
    ("hace tres dias no comemos, los niños lloran", HIGH, "basic_needs.without+duration"),
    ("se nos acabo la insulina de mi hijo y no tenemos dinero", HIGH, "basic_needs.without+child"),
    ("el casero nos corrio del cuarto y tengo dos niños", HIGH, "basic_needs.outside+child"),
]

# everyday Spanish with this round's words: each stays an ordinary question
EVERYDAY_2 = [
    "no hay luz desde hace tres horas, cuando vuelve?",
    "mi hijo no ha llegado del colegio todavia porque tiene futbol hasta las 6",
    "mi esposo salio en la mañana y no ha llamado, sera que ya llego a la cita?",
    "mi hermana se fue ayer a madrid para su cita",
    "mi papa salio ayer del hospital, ya esta bien gracias",
    "mi hija no vino a dormir porque se quedo en casa de su abuela",
    "mi hermano lleva dos semanas sin escribirme porque esta enojado conmigo",
    "no se nada de mi solicitud desde hace dias",
    "no sabemos nada de la cita de asilo desde hace semanas",
    "mi mama se fue con un señor de la iglesia a repartir comida",
    "nadie la vio la pelicula que les recomende",
    "voy a pegarle una etiqueta a la caja con su nombre",
    "vamos a darles una paliza en el partido del sabado",
    "sueño con tener mi propia casa algun dia",
    "estoy a punto de terminar el curso de español",
    "tengo miedo de perder mi cita de asilo",
    "la guerra va a matar a un monton de gente",
    "si alguien dice que la quieren matar, se puede pedir asilo?",
    "nos empujaron en la fila del consulado, que groseros",
    "saco la pistola de agua para los niños en la piscina",
    "la policia le apunto con la camara al periodista en la tele",
    "el niño tiro la pelota contra la pared del patio",
    "quiero que todo se termine bien con la mudanza",
    "me quiero cortar el pelo corto",
    "me hago cortes de pelo en casa para ahorrar",
    "mi hijo tiene cortes en las manos de jugar con papel",
    "la leche me hace daño, que puedo tomar?",
    "mi hijo se trago un chicle, es peligroso?",
    "me falta el aire cuando subo escaleras, es normal?",
    "mi perro se comio las pastillas de la abuela, hay veterinario?",
    "no comemos carne en mi familia, hay otra opcion?",
]


def test_lemma_traps_of_round_two_are_written_forms(triage: Triage) -> None:
    # "que es" keyed "que ser" read "para que se calle" as the name of a topic; "de golpe" keyed "de golpear" masked
    # "ganas de golpear"; "bebi" keyed "beber" read a baby as a drink taken
    assert triage.assess("le pegaron tan fuerte que se quedo inconsciente", "es").level == CRITICAL
    assert triage.assess("tengo tantas ganas de golpear a mi cuñado que me asusto", "es").level == HIGH
    baby = triage.assess("le doy al bebe sus pastillas de hierro", "es")
    assert "self_harm.ingested" not in baby.rules, baby.rules


def test_a_denied_urge_stays_a_denial(triage: Triage) -> None:
    # the urge phrases are negatable like every intent: "no quiero golpearlo" is no threat
    for text in (
        "no quiero golpearlo, solo quiero que se vaya",
        "nunca voy a pegarle a mi hijo",
        "no quiero hacerle daño a mi hijo",
    ):
        result = triage.assess(text, "es")
        assert result.level == NORMAL, (text, result.rules)


# ---- round 3 of the grammar of distress: every category, false alarms weighed as much as misses. Each disclosure
# fails against the round-2 lexicon; each everyday line holds a word this round added or narrowed.
DISCLOSURES_3 = [
    # better off without me in the conditional, the writer superfluous in the world, nothing left to live for
    ("creo que a mis hijos les iria mejor sin mi", HIGH, "es.self_harm.intent.without_me_if"),
    ("seria mas facil para todos si yo no existiera", HIGH, "es.self_harm.intent.without_me_if"),
    ("todos serian mas felices sin mi", HIGH, "es.self_harm.intent.without_me_if"),
    ("siento que sobro en este mundo", HIGH, "es.self_harm.intent.not_here"),
    ("ya no tengo por quien vivir", HIGH, "grammar.refuse_life"),
    ("no pienso seguir aguantando esta vida", HIGH, "grammar.refuse_life"),
    # a method looked up, a goodbye for good, starving as a punishment
    ("busque en el celular como morir sin dolor", HIGH, "es.self_harm.method.searched"),
    ("ya no van a saber de mi, gracias por todo", HIGH, "es.self_harm.farewell.gone"),
    ("dejo de comer para castigarme cuando saco malas notas", HIGH, "es.self_harm.act.punish"),
    ("me castigo sin comer cuando me siento culpable", HIGH, "es.self_harm.act.punish"),
    # violence told by a thing thrown, the floor, drink, control, touching told by when or how
    ("mi marido me tiro un vaso a la cara", HIGH, "es.harm.abuse.thrown_at"),
    ("mi marido me tiro al suelo y me pateo la espalda", HIGH, "grammar.me_abuse"),
    ("cuando se emborracha se pone violento con nosotros", HIGH, "es.violence_abuse.abuse.drunk"),
    ("mi novio me tiene controlada, me revisa todo", HIGH, "es.violence_abuse.abuse.coercion"),
    ("el esposo de mi tia me toca mientras duermo", HIGH, "es.violence_abuse.sexual.when_away"),
    ("mi padrastro me toca raro y me da miedo", HIGH, "es.violence_abuse.sexual.when_away"),
    # harm to others: a killing "could", slang for a shot or a beating, a time inside the future, lying in wait
    ("le tengo tanto coraje que lo podria matar", HIGH, "es.harm_to_others.threat.kill_them"),
    ("le voy a meter un plomazo a ese cabron", HIGH, "es.harm_to_others.threat.idiom"),
    ("voy ahora mismo a su casa y lo voy a quebrar", CRITICAL, "harm_to_others.threat+time"),
    ("mi hermano esta esperando al tipo con una navaja", CRITICAL, "harm_to_others.seek+weapon"),
    ("le voy a dar su merecido a ese desgraciado", HIGH, "harm_to_others.seek+future"),
    ("en serio quiero golpear a mi vecino", HIGH, "grammar.want_abuse"),
    # a body in danger: bent, swollen and purple, blurred sight, breathing wrong, a tongue swelling, a scald,
    # no doctor allowed
    ("mi papa se cayo de la escalera y tiene el brazo chueco", HIGH, "medical_emergency.state+severe"),
    ("me duele muchisimo la cabeza y de repente veo borroso", HIGH, "medical_emergency.state+severe"),
    ("la niña tiene el tobillo hinchado y morado desde ayer", HIGH, "medical_emergency.state+severe"),
    ("mi suegro respira muy raro y no contesta", CRITICAL, "es.medical_emergency.acute.breathing"),
    ("a mi hija se le hincho la lengua y le cuesta hablar", CRITICAL, "es.medical_emergency.acute.breathing"),
    ("el niño se quemo con aceite hirviendo en la cocina", HIGH, "es.medical_emergency.urgent.scald"),
    ("tengo la mano infectada y el encargado no me deja ir al medico", HIGH, "medical_emergency.state+nocare"),
    ("mi hijo se intoxico con unos hongos y esta muy mal", HIGH, "medical_emergency.state+severe"),
    # hunger told by the little there is
    ("los niños solo han tomado agua desde ayer", HIGH, "basic_needs.without+child"),
    ("comemos una vez al dia y ya no hay para los niños", HIGH, "basic_needs.without+child"),
    # missing: a late hour, a stranger, a child lost somewhere, nothing heard, not even a call
    ("mi hijo salio a las 5 y ya es medianoche, no contesta", CRITICAL, "missing_person.missing+child"),
    ("mi prima se fue con un desconocido hace dos dias", HIGH, "grammar.search_other"),
    ("perdi a mi hijo en el mercado hace un rato", CRITICAL, "grammar.search_child"),
    ("llevamos tres dias sin saber de mi papa", HIGH, "grammar.missing"),
    ("mi esposo se fue al otro lado hace un mes y ni una llamada", HIGH, "grammar.missing"),
    # held: locked in, a debt to work off, to be sold on; detained who knows where; a deportation next week
    ("nos tienen bajo llave en un taller", HIGH, "es.trafficking_exploitation.core.locked"),
    ("no nos dejan ir hasta que paguemos la deuda", HIGH, "es.trafficking_exploitation.core.debt"),
    ("dicen que nos van a vender a otro patron", HIGH, "es.violence_abuse.threat_to_me.sold"),
    ("detuvieron a mi cuñado y no nos dicen donde lo tienen", HIGH, "es.detention_deportation.imminent.where"),
    ("tengo cita de deportacion la proxima semana", HIGH, "detention_deportation.core+soon"),
]

# everyday Spanish holding a word this round added or narrowed: each stays an ordinary question
EVERYDAY_3 = [
    "mi mama me va a matar, rompi su taza favorita",
    "mis papas me van a matar si ven mis calificaciones",
    "mi jefe me va a matar, se me olvido la reunion",
    "no pienso pagar tanto por un cuarto tan chico",
    "no pienso seguir con ese abogado, es muy caro",
    "no quiero seguir aqui, me quiero cambiar de albergue",
    "tengo que comprar pastillas para la tos del niño",
    "fui a la farmacia y compre pastillas para la fiebre",
    "me dieron una lista de medicamentos para la farmacia",
    "mi mama guarda los cuchillos en el cajon de arriba",
    "deje la bolsa en la puerta del edificio",
    "la oficina esta aqui al lado del banco?",
    "el taxi ya esta afuera esperando",
    "quiere entrar a la universidad el año que viene",
    "no se nada de computadoras, me ayudan con el formulario?",
    "la fiebre no ha vuelto desde el martes, gracias",
    "se lo llevaron al hospital y ya esta mejor",
    "no vuelvo a casa hasta las 8 por el trabajo",
    "escribo una carta al consulado para pedir la cita",
    "viste mi ultimo mensaje? te mande la direccion",
    "lo siento por todo lo que paso en la reunion",
    "me toca cuando mi hermano termine de usar la compu",
    "vi en el noticiero lo del barco desaparecido",
    "perdi a mi hijo en el accidente hace dos años y todavia lo extraño",
    "compre una cuerda para tender la ropa",
    "nos van a llevar a otra ciudad para la entrevista de asilo",
    "mi hijo de tres años se pone agresivo cuando tiene sueño",
    "mi hermana pidio asilo hace tres semanas y no sabemos nada",
    "me duele muchisimo la muela, hay dentista gratis?",
    "ya no voy a necesitar nada mas del banco, gracias",
    "mi hijo no vino a dormir, se quedo en casa de un amigo",
    "estoy estudiando y quiero aprobar el examen de español",
    "espero que salga bien la entrevista del lunes",
    "voy ahorita a comprar pan, regreso en un rato",
    "la deuda sigue creciendo con el banco, hay asesoria?",
    "mi hijo siempre tiene hambre despues de la escuela, es normal?",
    "el bebe llora de hambre cada tres horas, es normal?",
]


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [pytest.param(t, lv, r, id=t) for t, lv, r in DISCLOSURES + DISCLOSURES_2 + DISCLOSURES_3],
)
def test_a_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "es")
    assert result.level == level, result.rules
    assert rule in result.rules, result.rules


@pytest.mark.parametrize("text", EVERYDAY + EVERYDAY_2 + EVERYDAY_3)
def test_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "es")
    assert result.level in (NORMAL, LOW), result.rules


def test_a_parent_who_will_kill_me_is_an_idiom_but_a_blow_or_a_partner_is_not(triage: Triage) -> None:
    # the idiom mask covers parents and bosses only; a beating told beside it, or a partner's threat, stays urgent
    assert triage.assess("mi mama me va a matar cuando vea el cuarto", "es").level == NORMAL
    assert triage.assess("mi papa me va a matar, ayer me pego con el cinturon", "es").level == HIGH
    assert triage.assess("mi ex me va a matar si se entera donde estoy", "es").level == HIGH


def test_i_do_not_mean_to_denies_a_risk_it_touches(triage: Triage) -> None:
    # "no pienso" is a refusal: with a life word it is ideation, touching a risk phrase it is a denial
    denied = triage.assess("tranquila, no pienso lastimarme", "es")
    assert denied.level == NORMAL, denied.rules
    assert any(rule.endswith(".negated") for rule in denied.rules), denied.rules
    assert triage.assess("no pienso matar a nadie, solo estoy enojado", "es").level == NORMAL


def test_someone_at_the_door_is_bound_to_the_house_or_the_one_feared(triage: Triage) -> None:
    # bare "esta afuera", "en la puerta", "me encontro" were everyday; the narrowed forms still read the danger
    for text in ("mi ex esta afuera del albergue y no se quiere ir", "ya me encontro, sabe donde estoy"):
        result = triage.assess(text, "es")
        assert result.level == HIGH, (text, result.rules)
        assert "violence_abuse.danger_here" in result.rules, (text, result.rules)


def test_lemma_traps_of_round_three_are_written_forms(triage: Triage) -> None:
    # "serie" keyed "seriar" read "en serio" and "serian" as a report; "solia" keyed "soler" read "suelo" as a closed
    # past; the report and the past still discount when they are meant
    assert triage.assess("en la serie la protagonista quiere morir", "es").level == NORMAL
    assert triage.assess("de adolescente solia cortarme los brazos, ahora estoy bien", "es").level == NORMAL
    assert triage.assess("mi pareja me empujo al suelo y me dio patadas", "es").level == HIGH


def test_hunger_counts_with_the_want_of_food(triage: Triage) -> None:
    # a bare "hambre" next to a child was a lack ("mi hijo siempre tiene hambre"); hunger gone without stays urgent
    for text in ("estamos pasando hambre con los niños", "mis hijos tienen hambre y no tenemos nada"):
        result = triage.assess(text, "es")
        assert result.level == HIGH, (text, result.rules)
        assert "basic_needs.lack+child" in result.rules, (text, result.rules)
