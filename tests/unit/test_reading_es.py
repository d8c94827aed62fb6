"""Spanish as the bot reads it (content/red_flags.es.yaml, content/intents.es.yaml): the
warning-sign screen and the typed answers, through `Readers` built as the bot builds them."""

from __future__ import annotations

from functools import cache, partial

import pytest

from bot.routine.content import default_red_flags
from bot.routine.intents import Intent, Score
from bot.routine.red_flags import Experiencer, RedFlagScreen, ScreenLevel
from tests.support.reading import readers_of, screening

SPANISH = "es"


_readers = partial(readers_of, SPANISH)


@cache
def _word_file_alone() -> RedFlagScreen:
    """The Spanish word file without the statistical reader, compiled once for every test."""
    return RedFlagScreen(default_red_flags(SPANISH), model=None)


def _screen(text: str) -> tuple[ScreenLevel, Experiencer]:
    screened = screening(text, SPANISH)
    return screened.level, screened.experiencer


def _both(text: str) -> tuple[tuple[ScreenLevel, Experiencer], tuple[ScreenLevel, Experiencer]]:
    """*text* as the word file alone reads it, then as the bot reads it (the model too)."""
    alone = _word_file_alone().screen(text)
    return (alone.level, alone.experiencer), _screen(text)


def _levels(text: str) -> tuple[ScreenLevel, ScreenLevel]:
    (alone, _), (shipped, _) = _both(text)
    return alone, shipped


_ADVICE = frozenset({ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR})


def test_spanish_is_read_in_its_own_words() -> None:
    readers, spoken = _readers()
    assert spoken == SPANISH
    assert readers.reads(SPANISH)


def test_the_same_concepts_and_rules_as_english() -> None:
    """The checklist and the confirm question map concepts and categories by name: Spanish has
    every concept of English's and the same possible ones, and its rules give English's levels
    and categories. It may add its own (ESCAPES: "se me escapa el pis" that laughing or years
    since childbirth explain, as Brazilian Portuguese's LEAKING does)."""
    english, spanish = default_red_flags("en"), default_red_flags(SPANISH)
    assert set(english.concepts) <= set(spanish.concepts)
    assert set(spanish.possible) == set(english.possible)
    assert {(r.level, r.category) for r in spanish.rules} == {
        (r.level, r.category) for r in english.rules
    }


@pytest.mark.parametrize(
    "text",
    [
        "se me durmió el culo y no se me pasa",  # accents as typed
        "tengo la entrepierna acorchada",  # Spain
        "no siento las pompis",  # Mexico
        "wn no siento el poto desde la mañana",  # Chile
        "cuando me limpio con el papel no siento nada",
        "me hice pis encima sin darme cuenta",
        "no me sale el pipí aunque tengo ganas",
        "me cagué encima y no lo sentí",
        "desde el lumbago no se me para",
        "me fallan las piernas, casi me caigo",
        "tengo las dos piernas dormidas",
        "la pierna derecha cada día más débil, hoy arrastro el pie",
        "es normal que no sienta la vagina?",  # a question about a present sign
        "che, tengo la cola adormecida y me cuesta hacer pis, q hago",  # voseo, typos
    ],
)
def test_emergency_signs_in_spanish(text: str) -> None:
    assert _screen(text) == (ScreenLevel.EMERGENCY, Experiencer.SELF)


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá no puede orinar desde ayer",
        "mi marido dice que no siente el culo",
        "a mi esposa le fallan las dos piernas",
    ],
)
def test_another_adults_sign_is_an_emergency_for_them(text: str) -> None:
    assert _screen(text) == (ScreenLevel.EMERGENCY, Experiencer.OTHER_ADULT)


@pytest.mark.parametrize(
    "text",
    [
        "tengo fiebre y me duele la espalda",
        "estoy embarazada de 5 meses",
        "me caí de una escalera ayer",
        "bajé 8 kilos sin hacer dieta",
        "tengo 67 años y es la primera vez que me duele la espalda",
        "me duele más por la noche y no me deja dormir",
    ],
)
def test_see_a_doctor_signs_in_spanish(text: str) -> None:
    assert _screen(text)[0] is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("no tengo hormigueo ni adormecimiento en ningún lado", "negated"),
        ("orino normal, eso está bien", "negated after"),
        ("y si se me duerme la entrepierna qué hago?", "hypothetical"),
        ("qué pasa si no puedo orinar?", "hypothetical"),
        ("la fisio me dijo que vigile si se me duermen las nalgas", "reported advice"),
        ("qué significa anestesia en silla de montar?", "definition"),
        ("de joven se me durmieron las piernas una vez, desde entonces nada", "resolved history"),
        ("mi hijo de 4 años se hace pis en la cama", "a child"),
        ("mi perrito viejo ya no aguanta el pis", "an animal"),
        ("me meé de la risa con ese video", "an idiom"),
        ("me cagué de miedo con la peli de terror", "an idiom"),
        ("el año pasado me dolió igual y se pasó", "año is not ano"),
        ("hace un año que hago yoga", "año is not ano"),
        ("tengo las piernas pesadas después de correr 10 km", "exertion"),
        ("ahora camino como 5 km al día", "a walk"),
        ("hoy no puedo hacer la rutina, tengo que ir al baño", "can't do the routine"),
        ("no pude hacer los estiramientos, estuve en el baño toda la mañana", "can't do them"),
    ],
)
def test_lookalikes_get_no_emergency_advice(text: str, why: str) -> None:
    level, _ = _screen(text)
    assert level is not ScreenLevel.EMERGENCY, why
    assert level is not ScreenLevel.NOT_ENGLISH, why


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("listo", Intent.DONE),
        ("ya está", Intent.DONE),
        ("terminé las 10", Intent.DONE),
        ("me duele", Intent.TOO_PAINFUL),
        ("duele demasiado 😖", Intent.TOO_PAINFUL),
        ("más suave", Intent.GENTLER),
        ("algo más fácil porfa", Intent.GENTLER),
        ("me lo salto", Intent.SKIP),
        ("espera un momento", Intent.PAUSE),
        ("terminar por hoy", Intent.STOP_TODAY),
        ("cómo se hace?", Intent.MORE),
        ("mucho mejor", Intent.BETTER),
        ("igual que ayer", Intent.SAME),
        ("peor", Intent.WORSE),
        ("hola", Intent.CHIT_CHAT),
    ],
)
def test_typed_answers_in_spanish(text: str, intent: Intent) -> None:
    readers, spoken = _readers()
    assert readers.read(text, spoken).top is intent


def test_no_me_duele_is_not_it_hurts() -> None:
    readers, spoken = _readers()
    assert Intent.TOO_PAINFUL not in readers.read("no me duele", spoken).intents


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("como un 5", 5),
        ("más o menos cinco", 5),
        ("un 5 de 10", 5),
        ("ocho sobre diez", 8),
        ("del 1 al 10 un 6", 6),
        ("entre 3 y 4", 4),
        ("nada de dolor", 0),
        ("el peor dolor", 10),
    ],
)
def test_scores_in_spanish(text: str, value: int) -> None:
    readers, spoken = _readers()
    assert readers.score(text, spoken) == Score(value)


def test_a_number_out_of_range_is_asked_again() -> None:
    readers, spoken = _readers()
    assert readers.score("veinte", spoken) == Score(None)


# --- round 2 (issue 17, item 5): one row per cause fixed, in new words ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "es normal que no pueda hacer pis desde anoche?",  # subjunctive after "es normal que"
        "es normal que no me vengan ganas de mear en todo el día?",
        "es normal que se me salga la orina cuando camino?",
        "tengo menos fuerza en la pierna izquierda de hora en hora",  # one leg, by the hour
        "la vulva es como si fuera de otra persona",  # a part that feels like someone else's
        "hago pis y siento que queda algo adentro",  # a bladder that does not empty
        "empujo con la barriga un buen rato para que salga el pipí",
        "me mojé sin enterarme, estaba sentada",  # wet without noticing
        "tengo el culo como de corcho",  # numb as cork or wood
        "ya no me funciona bien el pene",  # "bien" is no denial here
        "no alcanzo a llegar al baño, se me sale todo",  # an escape before the toilet
        "ando sin fuerza ninguna en las dos piernas",  # "sin … ninguna"
    ],
)
def test_round_two_emergency_phrasings(text: str) -> None:
    assert _screen(text) == (ScreenLevel.EMERGENCY, Experiencer.SELF)


@pytest.mark.parametrize(
    "text",
    [
        "me duele igual aunque descanse, nunca afloja",  # constant pain
        "empeora por la noche cuando me acuesto",  # night pain
        "tengo 18 y me duele la espalda hace unas semanas sin motivo",  # young, new onset
        "estoy de 12 semanas y me duele la espalda",  # pregnancy in weeks
        "tengo chuchos de frío y dolor lumbar",  # chills
        "me pinchaba droga y ahora me duele la espalda",  # injected drugs
    ],
)
def test_round_two_see_a_doctor_phrasings(text: str) -> None:
    assert _screen(text)[0] is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("¿qué quieren decir con retención de orina?", "definition: quieren decir"),
        ("eso de perder el control del pis, le pasa a mucha gente?", "definition: eso de"),
        ("¿incontinencia? no entiendo la palabra", "definition, then a disavowal"),
        ("hace como diez años tuve las piernas dormidas, desde entonces perfecto", "history"),
        ("hace tiempo tuve pérdidas de orina, nada que ver con lo de ahora", "resolved"),
        ("creí que no podía orinar pero eran los nervios, ya pude hacer pis", "false alarm"),
        ("estornudo y se me escapa un chorrito de pis, desde mi parto", "longstanding stress leak"),
        ("el lumbago me dejó torcida, me agaché mal", "an antalgic lean, not a shape"),
        ("qué golazo el de anoche", "football, not a blow"),
        ("no me duele la pierna, pero sí en la nalga", "pain said elsewhere"),
    ],
)
def test_round_two_lookalikes_get_no_advice(text: str, why: str) -> None:
    level, _ = _screen(text)
    assert level not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR), why


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("orita vengo", Intent.PAUSE),
        ("dónde pongo las manos?", Intent.MORE),
        ("avisame cuando", Intent.GUIDE),
        ("amanecí más trabada", Intent.WORSE),
    ],
)
def test_round_two_typed_answers(text: str, intent: Intent) -> None:
    readers, spoken = _readers()
    assert readers.read(text, spoken).top is intent


@pytest.mark.parametrize(
    "text",
    [
        "desde el martes no controlo bien el intestino",  # control of the bowel, said as control
        "ya no puedo aguantar la orina, me empezó ayer",  # "aguantar" the bladder
        "no sé si ya terminé de orinar, me quedo con ganas",  # emptying not felt
        "de golpe la pierna derecha se me quedó floja y no la puedo levantar",  # one leg, fast
        "ni idea por qué pero no funciono como hombre desde el lunes",  # erection, euphemism
        "se me durmió la cara interna de los muslos",  # inner thighs are the saddle
        "ni ahí la espalda, lo raro es que no puedo mover las piernas",
    ],
)
def test_round_three_emergency_families(text: str) -> None:
    assert _screen(text) == (ScreenLevel.EMERGENCY, Experiencer.SELF)


@pytest.mark.parametrize(
    "text",
    [
        "mi abuela de 81 tiene dolor de espalda nuevo desde el finde",  # a person word, "de", age
        "me salió positiva la prueba de embarazo y me duele la cintura",  # pregnancy, implicit
        "me salió como una bolita en la columna",  # a new lump
    ],
)
def test_round_three_see_a_doctor_families(text: str) -> None:
    assert _screen(text)[0] is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("cuando a uno se le duerme la cola por la hernia hay que ir a la guardia?", "generic uno"),
        ("ni se me duerme la cola ni nada, solo el dolor", "'ni se me' is a denial"),
        ("el mes pasado tuve hormigueo en el perineo pero se me pasó con reposo, hoy nada", "over"),
        ("lo grave es cuando no controlas el pis, me dijo la fisio", "a general 'es cuando'"),
    ],
)
def test_round_three_lookalikes_get_no_emergency(text: str, why: str) -> None:
    level, _ = _screen(text)
    assert level is not ScreenLevel.EMERGENCY, why


@pytest.mark.parametrize(
    "text",
    [
        "tengo la cuquita como dormida desde el lunes",  # saddle: regional slang
        "siento el ojete acorchado desde ayer",  # saddle: Spain's slang
        "uso el bidé y no noto el agua",  # washing is wiping
        "no consigo empalmarme desde el lumbago",  # erection: Spain's word
        "me hice del dos encima en la cocina",  # soiling, said as "del dos"
        "ninguna de las dos piernas me sostiene",  # "neither" is both
        "el pie izquierdo no lo puedo levantar y va a peor",  # the leg named first
        "tengo escapes de pis desde el viernes",  # leaks, said as escapes
        "amanecí empapada de pis",  # soaked, not "wet"
        "tengo la cola que no la siento",  # a 'no' that opens its own clause
        "no me siento el trasero desde esta mañana",  # typed reflexive
        "no siento ni los glúteos ni las ingles",  # "no siento ni …": parts named after it
        "desde el disco que no tengo orgasmos",  # sex: no orgasm
        "el pie derecho se me está quedando flojo, cada vez peor",  # becoming, one leg
    ],
)
def test_round_four_emergency_families(text: str) -> None:
    assert _screen(text) == (ScreenLevel.EMERGENCY, Experiencer.SELF)


def test_round_four_another_adults_legs() -> None:
    assert _screen("a mi cuñada se le flaquean las dos piernas") == (
        ScreenLevel.EMERGENCY,
        Experiencer.OTHER_ADULT,
    )


@pytest.mark.parametrize(
    "text",
    [
        "nos chocamos con un camión y me quedó doliendo la cintura",  # a road crash
        "no hay postura que me calme, ni de noche",  # night and rest
        "tengo tembladeras y me duele la espalda",  # chills
        "me drogaba con jeringas hasta el año pasado",  # injected drugs
    ],
)
def test_round_four_see_a_doctor_families(text: str) -> None:
    assert _screen(text)[0] is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("estuve tres horas en moto y tengo la cola dormida", "a long ride"),
        ("después de la bici me duele el culo del sillín", "a bike is no fall"),
        ("tengo retención de líquidos y los tobillos hinchados", "fluid, not urine"),
        ("con este calor tengo las piernas pesadas", "heat"),
        ("¿qué ejercicios sirven si estás embarazada?", "anyone's pregnancy"),
        ("me senté en el piso a jugar y se me durmió la pierna", "sitting on the floor"),
        ("no siento ni hormigueo ni nada en el culo", "'no siento ni' a symptom denies it"),
        ("me lavé las manos con agua fría y no siento los dedos", "washing hands"),
        ("chocamos los cinco con el fisio", "an idiom"),
        ("se me baja la presión cuando me levanto", "blood pressure, not an erection"),
        ("se me escapa todo de las manos esta semana", "an idiom, not a leak"),
        ("uso medias de algodón en los pies", "cotton socks, not cotton-wool legs"),
        ("lo bueno es que no se me duerme la cola", "a denial after 'que'"),
    ],
)
def test_round_four_lookalikes_get_no_advice(text: str, why: str) -> None:
    level, _ = _screen(text)
    assert level not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR), why


@pytest.mark.parametrize(
    "text",
    [
        "se me anda escapando la orina desde anoche",  # a progressive escape
        "tengo que andar con papel en el chon todo el día",  # paper as a pad
        "ya no me vienen las ganas de mear, voy por reloj",  # the urge that no longer comes
        "orino y me quedo goteando, no noto si vacié",  # dribbling, not knowing if finished
        "la pierna dcha y la izda se me están adormeciendo",  # both legs named by side
        "se me dobló la rodilla izquierda al bajar la escalera",  # a knee that buckles
        "camino y el pie se me cae como ojota, peor cada día",  # foot drop
        "me fallaron las piernas y me caí en la cocina",  # legs gave way with a fall
        "me limpio y es como si limpiara a otro, no siento nada",  # wiping someone else
    ],
)
def test_round_five_emergency_families(text: str) -> None:
    assert _screen(text)[0] is ScreenLevel.EMERGENCY


def test_round_five_another_adults_knee() -> None:
    assert _screen("a mi cuñado se le va la pierna derecha y cada hora peor") == (
        ScreenLevel.EMERGENCY,
        Experiencer.OTHER_ADULT,
    )


@pytest.mark.parametrize(
    "text",
    [
        "tengo fiebrita y me duele la espalda",  # a diminutive fever
        "me noto destemplado y con dolor de cintura",  # feeling feverish
        "mi hermano se chuta y le duele mucho la espalda",  # a third person who injects
        "cumplí 62 y de golpe me empezó a doler la espalda",  # 'cumplí' is no typo
    ],
)
def test_round_five_see_a_doctor_families(text: str) -> None:
    assert _screen(text)[0] is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("se me dobla el tobillo al caminar en la playa", "a rolled ankle"),
        ("mi papá se inyecta la insulina y le duele la espalda", "insulin, not drugs"),
        ("uso papel en la bombacha por el flujo", "discharge, not a leak"),
        ("me senté en posición de loto y se me durmió el pie", "cross-legged sitting"),
        ("hago el estiramiento de oración y siento hormigueo en la pierna", "a stretch"),
        ("mi fisio dice que la incontinencia es urgencia, yo no tengo eso", "reported advice"),
        ("que vaina este dolor de espalda", "an idiom, not the vagina"),
    ],
)
def test_round_five_lookalikes_get_no_advice(text: str, why: str) -> None:
    level, _ = _screen(text)
    assert level not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR), why


@pytest.mark.parametrize(
    "text",
    [
        "ya ni se me levanta desde que me dio el lumbago",  # 'ni' inside the sign is no denial
        "el pie derecho se me cae al caminar y cada día está peor",  # a dropping foot, worse
        "caminar de talones ya no puedo con ningún pie, desde el lunes",  # heels, both feet
        "al hacer pis no lo puedo parar, sale y sale hasta el final",  # the stream won't stop
        "me hago pipí antes de llegar al baño desde que me dio la ciática",  # not in time
        "tengo la zona del sillín acorchada y no uso bici",  # the zone, not the seat
        "la pierna izquierda cada vez más floja, hoy ya casi no la apoyo",  # 'floja', worse
        "me caí porque se me fue una pierna y ahora las dos las tengo dormidas",
        "siento las piernas como de otra persona, las dos, pesadísimas",  # not 'a person'
        "el dolor se me pasó con ibuprofeno pero no puedo hacer pis",  # resolved, but a sign now
    ],
)
def test_round_six_emergency_families(text: str) -> None:
    assert _screen(text)[0] is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "mi husband no puede hacer pee desde ayer",  # Spanglish, another adult
        "mi abuela ya no controla ni el pipí ni la popó",  # 'ni … ni' lists what she can't hold
    ],
)
def test_round_six_another_adults_signs(text: str) -> None:
    assert _screen(text) == (ScreenLevel.EMERGENCY, Experiencer.OTHER_ADULT)


def test_round_six_spanglish_in_the_spanish_words_alone() -> None:
    """Spanish written with English words reads in the Spanish word file too, not only in
    English's (which a text the detector calls Spanish never reaches)."""
    spanish = _readers()[0].screen_of(SPANISH)
    assert spanish.screen("tengo numbness en los private parts").level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    ("text", "experiencer"),
    [
        ("por la noche es peor, acostada no aguanto", Experiencer.SELF),
        ("tengo que dormir sentado en el sofá, acostado no aguanto la espalda", Experiencer.SELF),
        ("soy de 18 y desde hace poco me duele la espalda", Experiencer.SELF),  # 'soy de' an age
        (
            "mi mujer está embarazada de 5 meses y quiere hacer los ejercicios",
            Experiencer.OTHER_ADULT,
        ),
    ],
)
def test_round_six_see_a_doctor_families(text: str, experiencer: Experiencer) -> None:
    assert _screen(text) == (ScreenLevel.SEE_DOCTOR, experiencer)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "el doctor dice que es grave salvo que no sienta las nalgas, y yo las siento bien",
            "'salvo que' with the subjunctive is a condition",
        ),
        ("vi un documental de un señor que no podía orinar por la próstata", "television"),
        ("en las noticias salió una mujer que perdió el control de la vejiga", "the news"),
        ("tuve una infección de orina con fiebre hace 10 días, ya estoy como nueva", "resolved"),
        ("me caí de la bici hace unas semanas, ya no me duele nada", "resolved"),
        ("después del día de pierna tengo las dos piernas muertas jaja", "a leg workout"),
        ("me duele la nalga derecha cuando me siento", "buttock pain: the model may only ask"),
    ],
)
def test_round_six_lookalikes_get_no_advice(text: str, why: str) -> None:
    level, _ = _screen(text)
    assert level not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR), why


@pytest.mark.parametrize(
    ("text", "experiencer"),
    [
        ("las rodillas no me respondieron al levantarme de la silla", Experiencer.SELF),
        ("la pierna izquierda no me aguantó al bajar del taxi", Experiencer.SELF),
        (
            "a mi suegro las piernas no le daban esta mañana para ir al baño",
            Experiencer.OTHER_ADULT,
        ),
        ("el pie izquierdo me cae al andar y va de mal en peor", Experiencer.SELF),
        ("cuando me limpio es como si llevara un guante puesto", Experiencer.SELF),
        ("fui a hacer de vientre y no he notado nada de nada", Experiencer.SELF),
        ("no puedo ni caminar las dos piernas se me durmieron", Experiencer.SELF),
        ("desde la ciática no consigo acabar cuando lo hacemos", Experiencer.SELF),
    ],
)
def test_round_seven_emergency_families(text: str, experiencer: Experiencer) -> None:
    """The word file's own families: read by the lexicon alone, and as the bot reads them."""
    assert _both(text) == ((ScreenLevel.EMERGENCY, experiencer),) * 2


def test_round_seven_another_adults_months_of_pregnancy() -> None:
    assert _screen("mi esposa ya va de 30 semanas y le duele la cintura") == (
        ScreenLevel.SEE_DOCTOR,
        Experiencer.OTHER_ADULT,
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("el perro de mi tío ya no mueve las patas traseras", "an animal's hind legs"),
        ("tras 9 horas de autobus se me durmió una nalga, ya se me pasó", "a long bus ride"),
        ("que es retencion urinaria? no entiendo la palabra", "a definition"),
        ("me puse guantes para limpiar el baño y me duele la espalda", "a glove to clean"),
        ("mi marido no me responde los mensajes y se fue a caminar", "no leg named"),
        ("no puedo terminar con mi novia, me da pena, y me duele la espalda", "a break-up"),
    ],
)
def test_round_seven_lookalikes_get_no_emergency(text: str, why: str) -> None:
    level, _ = _screen(text)
    assert level is not ScreenLevel.EMERGENCY, why


@pytest.mark.parametrize(
    ("text", "experiencer"),
    [
        ("mi suegro se ha hecho pis en la cama, nunca le pasaba", Experiencer.OTHER_ADULT),
        ("desde la caída se me escapan los pedos sin querer", Experiencer.SELF),
        ("no puedo aguantar los gases desde el lunes, me duele la espalda", Experiencer.SELF),
        ("echamos un polvo y no sentí nada, como anestesiado", Experiencer.SELF),
        ("cuando lo hacemos ya no noto nada, como dormido", Experiencer.SELF),
    ],
)
def test_round_eight_emergency_families(text: str, experiencer: Experiencer) -> None:
    """The word file's own families: read by the lexicon alone, and as the bot reads them."""
    assert _both(text) == ((ScreenLevel.EMERGENCY, experiencer),) * 2


@pytest.mark.parametrize(
    "text",
    [
        "se nos volteó la camioneta en la carretera y desde entonces me duele la espalda",
        "tuvimos una volcadura con el tractor y tengo la lumbar fatal",
        "ando agripada desde el jueves y me duele la cintura",
        "tengo un cuadro gripal y me duele la lumbar",
        "me operé de hernia en enero y todavía me tira la lumbar",
        "utilizo prednisona hace años por la artritis y me duele la espalda",
    ],
)
def test_round_eight_see_a_doctor_families(text: str) -> None:
    assert _levels(text) == (ScreenLevel.SEE_DOCTOR, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("mi compañera tuvo la pierna dormida unos días y ahora ya está mejor", "settled, theirs"),
        ("me dio un vuelco el corazón cuando vi la factura", "a heart's jolt"),
        ("tengo gases y me duele la espalda", "ordinary wind"),
        ("hace años me dieron cortisona una semana por una alergia", "a short course, long ago"),
        ("con mi novia fuimos al cine y me senté mal, me duele la espalda", "a date"),
    ],
)
def test_round_eight_lookalikes_get_no_advice(text: str, why: str) -> None:
    assert _ADVICE.isdisjoint(_levels(text)), why


@pytest.mark.parametrize(
    ("text", "experiencer"),
    [
        (
            "mi marido no siente ni la pierna derecha ni la izquierda desde esta mañana",
            Experiencer.OTHER_ADULT,
        ),
        (
            "no logro ponerme de talones ni de puntillas con ninguno de los dos pies",
            Experiencer.SELF,
        ),
        ("las piernas se me iban al bajar la escalera", Experiencer.SELF),
        ("la vejiga no se me vacía del todo, siempre me quedo con ganas", Experiencer.SELF),
        ("el chorro se corta y vuelve, no lo controlo desde la caída", Experiencer.SELF),
        ("se me fue la popó en la calle y no me di cuenta", Experiencer.SELF),
        ("es normal que no note la diferencia entre la vejiga llena o vacía?", Experiencer.SELF),
        (
            "anoche con mi novio no sentí nada, literal nada, y la lumbar fatal",
            Experiencer.SELF,
        ),
        ("me siento en la taza y el asiento no lo siento, como de corcho", Experiencer.SELF),
        ("lo de la pierna izquierda empeora, casi no la levanto del suelo", Experiencer.SELF),
        ("oe causa se me duerme el trasero desde ayer", Experiencer.SELF),
        ("te cuento que mi hermana me dijo que no siente cuando hace pis", Experiencer.OTHER_ADULT),
        ("ya ni sé si tengo ganas de hacer pis, la vejiga ya no me avisa", Experiencer.SELF),
        ("ni la pierna izquierda ni la derecha me responden al levantarme", Experiencer.SELF),
        ("mi abuela se cae sin tropezar desde el lunes", Experiencer.OTHER_ADULT),
    ],
)
def test_round_ten_emergency_families(text: str, experiencer: Experiencer) -> None:
    """The word file's own families: read by the lexicon alone, and as the bot reads them."""
    assert _both(text) == ((ScreenLevel.EMERGENCY, experiencer),) * 2


def test_round_ten_hit_by_a_vehicle() -> None:
    text = "a mi tía la arrolló una moto ayer y le duele la espalda"
    assert _both(text) == ((ScreenLevel.SEE_DOCTOR, Experiencer.OTHER_ADULT),) * 2


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("cero hormigueo y cero problemas con el pis, solo la espalda", "zero is none"),
        ("me quedé con la pierna cruzada en la reunión y se me durmió, ya volvió", "a crossed leg"),
        (
            "muerto de cansancio, las piernas no me dan más después de 12 horas de pie",
            "a long shift",
        ),
        ("no pego ojo por los ronquidos de mi esposa, me duele la espalda", "snoring, not pain"),
        ("me chocó un poco lo que dijo el médico", "shocked, not crashed"),
        ("me pillé un resfriado y me duele la espalda", "a cold caught"),
        ("hice el puente pero no lo sentí en las piernas", "a stretch not felt"),
    ],
)
def test_round_ten_lookalikes_get_no_advice(text: str, why: str) -> None:
    assert _ADVICE.isdisjoint(_levels(text)), why


@pytest.mark.parametrize(
    ("text", "experiencer"),
    [
        # 'ni' (not even) before a perception verb: the urge or the feeling that no longer comes
        ("ya ni noto cuando tengo ganas de hacer pis, me entero tarde", Experiencer.SELF),
        ("ni distingo si tengo ganas de ir al baño desde el martes", Experiencer.SELF),
        # 'no puedo ni aguantarme' (can't even hold it): 'ni' is 'even'; every clitic of holding
        ("ya no me puedo ni contener la orina cuando estornudo, antes nunca", Experiencer.SELF),
        ("no me puedo ni aguantar las ganas de hacer caca", Experiencer.SELF),
        # not feeling it come out; the urge that used to come and no longer does
        ("hice caca y no la sentí salir", Experiencer.SELF),
        ("la vejiga antes me avisaba y ahora nada, ¿es normal?", Experiencer.SELF),
        ("di un mal paso en la escalera y desde entonces se me escapa el pis", Experiencer.SELF),
        # 'ya ni siento' (can't even feel it any more): a complaint, never a denial
        ("ya ni siento el culo cuando me siento, desde el lunes", Experiencer.SELF),
        ("mi marido casi ni nota las piernas al levantarse", Experiencer.OTHER_ADULT),
        # going down to the floor in every person: 'se fue al piso' is a fall, not 'it went away'
        (
            "mi abuela no siente bien las piernas y se fue al piso en la cocina",
            Experiencer.OTHER_ADULT,
        ),
        ("a mi tío le fallan las piernas, se fue al suelo dos veces", Experiencer.OTHER_ADULT),
        # 'dormir' typed with the infinitive's vowel
        ("a mi esposa se le dormio la zona del perine desde ayer", Experiencer.OTHER_ADULT),
        # an ordinary cause the person has since ruled out
        (
            "tengo la cola dormida, creí que era de estar sentada pero ya van tres días",
            Experiencer.SELF,
        ),
        (
            "mi esposa dice que no nota nada cuando va al baño, ni orina ni caca",
            Experiencer.OTHER_ADULT,
        ),
    ],
)
def test_round_twelve_emergency_families(text: str, experiencer: Experiencer) -> None:
    """The word file's own families: read by the lexicon alone, and as the bot reads them."""
    assert _both(text) == ((ScreenLevel.EMERGENCY, experiencer),) * 2


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("no puedo ni aguantar el dolor de espalda, me voy a acostar", "pain, not the bladder"),
        ("no me puedo ni agachar a atarme los zapatos", "bending, not the bladder"),
        ("se me durmió el trasero de estar sentado cuatro horas en el bus, ya pasó", "a long sit"),
        ("tuve un día malísimo en el trabajo y me duele la espalda", "a bad day, not ill"),
        (
            "ando meada por los perros esta semana, se me rompió el coche y me duele la espalda",
            "jinxed",
        ),
        (
            "se me dobló la rodilla porque pisé en falso en la vereda, hoy ya estoy bien",
            "a misstep",
        ),
        ("estoy fatal de la espalda desde hace semanas, tengo 35", "an adult's back pain"),
        ("mi prima nos dio la noticia de que está embarazada, ¡qué emoción!", "another's news"),
        ("ya ni siento dolor en las piernas con los ejercicios, gracias", "relief"),
        ("no tengo fiebre, ni siento hormigueo en las nalgas", "a denial"),
        ("estoy malita de la espalda desde el lunes", "a bad back, not ill"),
        ("mi hijo está malito y de tanto cargarlo me duele la espalda", "a child is ill"),
    ],
)
def test_round_twelve_lookalikes_get_no_advice(text: str, why: str) -> None:
    assert _ADVICE.isdisjoint(_levels(text)), why


@pytest.mark.parametrize(
    "text",
    [
        "me encuentro pésima, sudo frío y la espalda no me deja",
        "amanecí malísima, sudando frío, y con la espalda hecha polvo",
        "estoy malita desde el domingo y la cintura me está matando",
        "ando como enfermo, sin fuerzas, y encima la espalda",
        "tengo 16 y desde hace varias semanas me duele la zona lumbar",
        "tengo 15 años y desde hace un tiempito me duele la espalda baja",
        "mi papá tiene 72 y le duele la espalda hace unos cuantos días",
    ],
)
def test_round_twelve_see_a_doctor_families(text: str) -> None:
    assert _levels(text) == (ScreenLevel.SEE_DOCTOR, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    ("text", "experiencer"),
    [
        (
            "mi suegra no ha logrado orinar desde la mañana y le duele la cintura",
            Experiencer.OTHER_ADULT,
        ),
        ("no he conseguido hacer pipí en todo el día, me duele la espalda", Experiencer.SELF),
        ("estoy harto de la lumbalgia y encima ni orinar pude anoche", Experiencer.SELF),
        ("con este dolor ya ni hacer pis puedo", Experiencer.SELF),
        (
            "mi abuelo se ensució encima sin darse cuenta y le duele la espalda",
            Experiencer.OTHER_ADULT,
        ),
        ("anoche me ensucié en la cama y tengo la espalda hecha polvo", Experiencer.SELF),
        (
            "mi esposo me contó que no siente nada cuando estamos a solas, y la espalda fatal",
            Experiencer.OTHER_ADULT,
        ),
        ("desde que me duele la cintura no siento nada cuando estamos juntos", Experiencer.SELF),
        ("tropiezo con la punta del pie derecho y cada día camino peor", Experiencer.SELF),
        (
            "no me puedo parar de talones con la izquierda y hoy ya ni subo la escalera",
            Experiencer.SELF,
        ),
        (
            "mi viejo me mandó un audio que no siente las piernas desde anoche",
            Experiencer.OTHER_ADULT,
        ),
        ("mi novia me gritó desde el baño que no le sale nada de pis", Experiencer.OTHER_ADULT),
        (
            "¿a alguien le pasa que no siente cuando orina? es que me pasa desde el martes",
            Experiencer.SELF,
        ),
        (
            "¿a alguien se le duermen las nalgas con la hernia? porque yo desde el martes",
            Experiencer.SELF,
        ),
        ("¿puedo seguir con los ejercicios si tengo el culo como dormido?", Experiencer.SELF),
        ("¿hago la rutina si no siento bien las piernas desde ayer?", Experiencer.SELF),
        (
            "no siento nada cuando estoy con mi mujer desde hace unos días",
            Experiencer.SELF,
        ),
        ("al limpiarme solo siento la mitad, la otra parte como si nada", Experiencer.SELF),
        (
            "como mi hermano anda sin sentir las piernas desde ayer, ¿qué hago?",
            Experiencer.OTHER_ADULT,
        ),
        ("desde ayer me tengo que poner pañal y la espalda me mata", Experiencer.SELF),
        (
            "llevo media hora en el baño intentando orinar y siento la vejiga que revienta",
            Experiencer.SELF,
        ),
        ("la sensibilidad entre las nalgas la perdí esta mañana", Experiencer.SELF),
        (
            "mi abuela dice que al sentarse en el water es como si no hubiera water",
            Experiencer.OTHER_ADULT,
        ),
        (
            "mi cuñado no ha ido a mear desde la mañana y tiene la barriga dura",
            Experiencer.OTHER_ADULT,
        ),
        ("ni pipí puedo hacer y la espalda me está matando", Experiencer.SELF),
        ("¿es malo hacer el puente si no siento bien las nalgas?", Experiencer.SELF),
        ("¿a alguien se le escapa el pis con la hernia? yo desde el lunes", Experiencer.SELF),
        (
            "mi esposo me confesó que ya no le funciona el amigo desde la hernia",
            Experiencer.OTHER_ADULT,
        ),
    ],
)
def test_round_fourteen_emergency_families(text: str, experiencer: Experiencer) -> None:
    """The word file's own families: read by the lexicon alone, and as the bot reads them."""
    assert _both(text) == ((ScreenLevel.EMERGENCY, experiencer),) * 2


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "no he podido hacer los ejercicios esta semana por el trabajo",
            "no time, not the bladder",
        ),
        ("ni caminar puedo del dolor de espalda", "pain, not a weak leg"),
        ("me ensucié la camiseta pintando la pared y me duele la espalda", "paint, not the bowel"),
        ("camino de puntillas para no despertar al bebé y me duele la espalda", "tiptoeing"),
        ("estamos juntos hace diez años y siempre me ayuda con la espalda", "a couple, not sex"),
        ("la incontinencia es cuando se te escapa el pis sin querer?", "a definition"),
        ("retención de orina sería cuando uno no puede mear, no?", "a definition"),
        ("la cauda equina es cuando la persona no siente las nalgas?", "a definition"),
        ("¿qué pasa si tengo las piernas dormidas durante la rutina?", "a hypothetical"),
        ("¿es verdad que la ciática se confunde con una infección urinaria?", "a fact asked"),
        ("tengo 3 semanas con este dolor de espalda, ya me cansé", "weeks of pain, not pregnancy"),
        (
            "como mi novia está embarazada yo hago las compras y me duele la espalda",
            "her pregnancy",
        ),
        ("en la peli el protagonista se quedó sin sentir las piernas, qué drama", "a film"),
        ("vi en un documental que uno puede quedar sin sentir los pies", "a documentary"),
        ("entre pañales y biberones la espalda me tiene frita", "a new parent"),
        ("compré dos paquetes de pañales y al cargarlos me dio un tirón", "shopping"),
        ("se me rompió la taza del café y me agaché a juntar, ay la espalda", "a cup"),
        ("no he ido al baño en tres días, estoy estreñida y me duele la espalda", "constipation"),
        ("un coche me pegó un susto al cruzar y del salto me dolió la espalda", "a fright"),
    ],
)
def test_round_fourteen_lookalikes_get_no_advice(text: str, why: str) -> None:
    assert _ADVICE.isdisjoint(_levels(text)), why


@pytest.mark.parametrize(
    "text",
    [
        "ayer una camioneta nos alcanzó en la autopista y desde entonces me duele la espalda",
        "me pegó un taxi por detrás en el cruce y tengo la lumbar resentida",
        "un taxi me golpeó en el cruce y desde entonces la lumbar no mejora",
        "tengo 24 semanas y la zona lumbar me está matando",
    ],
)
def test_round_fourteen_see_a_doctor_families(text: str) -> None:
    assert _levels(text) == (ScreenLevel.SEE_DOCTOR, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    ("text", "experiencer"),
    [
        ("ni noto cuando me lavo ahí abajo en la ducha, desde el lunes", Experiencer.SELF),
        ("mi suegra ni siente cuando se limpia, anda asustada", Experiencer.OTHER_ADULT),
        ("me bañé y no sentí nada cuando me toqué ahí, como carne muerta", Experiencer.SELF),
        ("el papel sale manchado y ni cuenta me doy, ya me pasó dos veces", Experiencer.SELF),
        (
            "intento orinar desde hace una hora pero nada, siento la vejiga súper llenísima",
            Experiencer.SELF,
        ),
        ("ya no tengo fuerzas para retener la orina, me duele mucho la cintura", Experiencer.SELF),
        ("no me queda fuerza para aguantar la caca desde la caída", Experiencer.SELF),
        ("con los gases lo otro, perdón, no lo puedo controlar desde ayer", Experiencer.SELF),
        ("estaba en la fila del banco, me mojé y no había forma de pararlo", Experiencer.SELF),
        (
            "no siento bien las nalgas desde el lunes, ¿será de tanto manejar el taxi?",
            Experiencer.SELF,
        ),
        ("de la lista fiebre no, pero sí la de la última: se me escapa el pis", Experiencer.SELF),
        (
            "mi papá se cayó hace años, pero nunca le había pasado esto: no siente las nalgas",
            Experiencer.OTHER_ADULT,
        ),
        (
            "mi papá se tropieza con la punta del pie izquierdo y se va de boca, desde el viernes",
            Experiencer.OTHER_ADULT,
        ),
        (
            "en el olivar me salió un chorrito de orina al agacharme, nunca me pasaba",
            Experiencer.SELF,
        ),
    ],
)
def test_round_sixteen_emergency_families(text: str, experiencer: Experiencer) -> None:
    """Not even feeling a wash or a touch there, not noticing a soiled wipe, a bladder full to
    the brim, no strength left to hold, wind that carries stool: the lexicon alone reads them."""
    assert _both(text) == ((ScreenLevel.EMERGENCY, experiencer),) * 2


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("se me escapó un pedo en la reunión, qué vergüenza jaja", "one ordinary fart"),
        ("el papel salió manchado de sangre, creo que son las hemorroides", "no unawareness"),
        ("me siento en la silla del trabajo ocho horas y la espalda me mata", "sitting"),
        ("comí hasta quedar llenísimo y no puedo ni moverme del sofá", "a full stomach"),
        ("no siento dolor cuando me toco la espalda ahora, ya mejoré", "a pain gone"),
        ("me tropiezo con la punta de la alfombra cada vez que paso", "a rug"),
        ("me mojé toda con la manguera y el agua seguía saliendo", "a hose"),
        ("la cacho, ni cacho lo que dice el doctor del pis", "not understanding"),
    ],
)
def test_round_sixteen_lookalikes_get_no_emergency(text: str, why: str) -> None:
    assert ScreenLevel.EMERGENCY not in _levels(text), why


@pytest.mark.parametrize(
    ("text", "experiencer"),
    [
        (
            "no estoy segura si tengo la vejiga llena, voy al baño por si acaso y no sale",
            Experiencer.SELF,
        ),
        ("el doctor me dijo que son nervios y yo sigo sin sentir cuando orino", Experiencer.SELF),
        ("mi cuñado se está cayendo solo, las piernas se le traban", Experiencer.OTHER_ADULT),
        ("desde el lunes ninguna sensación en la cola, ni al sentarme", Experiencer.SELF),
        ("me limpio y no siento el papel jaja raro no", Experiencer.SELF),
        ("tengo el chichi acorchado desde ayer y me duele la espalda", Experiencer.SELF),
        ("tengo las piernas dormias las dos desde anoche", Experiencer.SELF),
        ("mi marido dice que se le durmieron las partes y no se le pasa", Experiencer.OTHER_ADULT),
        ("se me cae la punta al andar y me voy tropezando, empezó el martes", Experiencer.SELF),
        ("el pie derecho me hace flap al andar desde el martes", Experiencer.SELF),
    ],
)
def test_round_twenty_emergency_families(text: str, experiencer: Experiencer) -> None:
    """Not knowing whether the bladder is full, a sign after reported reassurance, falling by
    oneself, 'no feeling at all', a tag question's 'no', regional words for the genitals, dropped
    -d- participles, a slapping foot: the lexicon alone reads them."""
    assert _both(text) == ((ScreenLevel.EMERGENCY, experiencer),) * 2


@pytest.mark.parametrize(
    "text",
    [
        "me estoy quedando en los puros huesos y los pantalones me bailan",
        "en el almacén me cayó un saco de cemento en la espalda",
    ],
)
def test_round_twenty_see_a_doctor_families(text: str) -> None:
    assert _levels(text) == (ScreenLevel.SEE_DOCTOR, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "en el autobús se me duerme el culo, pero al pararme se me quita",
            "sitting, gone on standing",
        ),
        ("mi tío se hizo caca encima allá por el 1998 y se recuperó", "a past year"),
        ("me cayó encima todo el café de la mañana, qué desastre", "spilt coffee"),
        ("no termino de entender los ejercicios de hoy", "not understanding"),
        ("en todas las partes de la espalda tengo hormigueo", "'las partes' of the back"),
    ],
)
def test_round_twenty_lookalikes_get_no_emergency(text: str, why: str) -> None:
    alone, shipped = _levels(text)
    assert alone not in _ADVICE, why
    assert shipped is not ScreenLevel.EMERGENCY, why
