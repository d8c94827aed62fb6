"""Brazilian Portuguese, read as the bot reads it (content/red_flags.pt_BR.yaml and
content/intents.pt_BR.yaml through `bot.routine.reading.Readers`, English read too): warning signs
as Brazilians type them, what is not a sign, and typed answers that do what their buttons do."""

from __future__ import annotations

from functools import cache, partial

import pytest

from bot.routine.content import DEFAULT_CONTENT_DIR, load_red_flags
from bot.routine.intents import Intent, Score
from bot.routine.red_flags import Experiencer, RedFlagScreen, ScreenLevel
from tests.support.reading import readers_of, screening

_readers = partial(readers_of, "pt_BR")


def _level(text: str) -> ScreenLevel:
    return screening(text, "pt_BR").level


def test_brazilians_are_read_in_brazilian_portuguese() -> None:
    readers, spoken = _readers()
    assert spoken == "pt_BR"
    assert readers.reads("pt_BR")


@pytest.mark.parametrize(
    "text",
    [
        "to com a bunda dormente desde ontem",
        "minha virilha tá formigando e a lombar doendo muito",
        "quando me limpo com papel higiênico quase não sinto nada",
        "nao consigo fazer xixi desde hoje cedo",
        "me mijei sem perceber",
        "n sinto mais qdo preciso urinar",
        "fiz cocô na calça sem sentir",
        "o pau não sobe mais desde a semana passada",
        "as duas pernas estão fracas, mal consigo andar",
        "minhas pernas falharam e eu caí no banheiro",
        "to andando igual bêbado sem ter bebido nada",
        "meu pé tá arrastando no chão desde ontem, piorou rápido",
        "é normal não sentir o xixi passar?",
        "deve ser bobagem, mas minhas partes estão meio dormentes",
    ],
)
def test_an_emergency_sign_typed_in_brazilian_portuguese(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


def test_accents_and_cedillas_typed_or_not_read_alike() -> None:
    assert _level("não consigo segurar a urina") is ScreenLevel.EMERGENCY
    assert _level("nao consigo segurar a urina") is ScreenLevel.EMERGENCY
    assert _level("perdi o controle da urina") is ScreenLevel.EMERGENCY


def test_another_adults_sign_gets_the_advice_worded_for_them() -> None:
    readers, spoken = _readers()
    screening = readers.screen(
        "minha mãe tá com as pernas dormentes e não consegue fazer xixi", spoken
    )
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT
    husband = readers.screen("meu marido se mijou dormindo e disse que não sentiu", spoken)
    assert husband.level is ScreenLevel.EMERGENCY
    assert husband.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        "to com febre e dor nas costas",
        "já tive câncer de mama e agora começou essa dor nas costas",
        "emagreci 8 kg sem fazer dieta nenhuma",
        "caí da escada ontem e bati as costas",
        "tô grávida de 5 meses",
        "operei a coluna em março",
        "acordo de madrugada com dor nas costas toda noite",
        "tenho 67 anos e essa dor nas costas começou agora",
    ],
)
def test_a_see_a_doctor_sign(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # negated
        "não tenho dormência nenhuma",
        "xixi e cocô normais, só a dor mesmo",
        "sem formigamento, sem fraqueza, só dor",
        "não sinto dormência na bunda nem na virilha",
        # hypothetical, reported, a definition, history
        "e se eu perder o controle da bexiga, o que faço?",
        "se eu sentir a virilha dormente tenho que ir pro hospital?",
        "a fisio disse pra ficar de olho se perder o controle do xixi",
        "o que é anestesia em sela?",
        "em 2019 minhas pernas ficaram fracas, operei e to bem desde então",
        # a child's or a pet's
        "meu filho de 4 anos fez xixi na cama de novo",
        "meu cachorro tá com as patas de trás fracas",
        "minha gata não tá conseguindo fazer xixi",
        # look-alikes of everyday life
        "quase me mijei de rir com o vídeo kkkk",
        "a bunda ficou dormente depois de 3 horas de ônibus",
        "pernas bambas depois da corrida de 10 km",
        "perdi o ônibus hoje e tive que ir a pé",
        "a torneira tá vazando",
        "essa dor é um saco",
        "to cagando pra isso kkk",
        "caí na real que preciso me exercitar mais",
    ],
)
def test_not_the_persons_own_sign_now_gets_at_most_the_question(text: str) -> None:
    """Read as Portuguese (never "another language"), and never the advice."""
    assert _level(text) in (ScreenLevel.POSSIBLE, ScreenLevel.NONE)


@pytest.mark.parametrize(
    "text", ["minhas costas tão doendo hoje", "kkkkk consegui fazer tudo hoje", "bom dia! vamos lá"]
)
def test_ordinary_chat_is_recognised_as_portuguese(text: str) -> None:
    assert _level(text) is ScreenLevel.NONE


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("feito", Intent.DONE),
        ("pronto, terminei", Intent.DONE),
        ("fiz as 10", Intent.DONE),
        ("tá doendo", Intent.TOO_PAINFUL),
        ("ai ai ai", Intent.TOO_PAINFUL),
        ("feito, mas doeu", Intent.TOO_PAINFUL),
        ("tem um mais fácil?", Intent.GENTLER),
        ("versão mais leve pfv", Intent.GENTLER),
        ("pula esse", Intent.SKIP),
        ("peraí", Intent.PAUSE),
        ("espera aí", Intent.PAUSE),
        ("chega por hoje", Intent.STOP_TODAY),
        ("não entendi", Intent.MORE),
        ("me guia", Intent.GUIDE),
        ("melhorou bastante", Intent.BETTER),
        ("nem melhor nem pior", Intent.SAME),
        ("piorou muito", Intent.WORSE),
        ("valeu", Intent.CHIT_CHAT),
    ],
)
def test_a_typed_answer_reads_as_its_button(text: str, intent: Intent) -> None:
    readers, spoken = _readers()
    assert readers.read(text, spoken).top is intent


def test_a_negated_answer_is_not_its_button() -> None:
    readers, spoken = _readers()
    assert readers.read("ainda não terminei", spoken).top is not Intent.DONE
    assert readers.read("não dói", spoken).top is not Intent.TOO_PAINFUL


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("uns 5", 5),
        ("mais ou menos 4", 4),
        ("três", 3),
        ("3 de 10", 3),
        ("8 de 10", 8),
        ("entre 3 e 4", 4),
        ("4,5", 5),
        ("sem dor", 0),
        ("a pior dor da vida", 10),
        ("doze", None),
    ],
)
def test_a_score_typed_in_words_or_digits(text: str, value: int | None) -> None:
    readers, spoken = _readers()
    assert readers.score(text, spoken) == Score(value)


# --- round 2 (issue 17, item 5): one row per cause fixed, in new words ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "as pernas falsearam e eu quase fui pro chão",  # "falsear": giving way
        "os dois joelhos dobram sozinhos na escada",
        "não aguento a vontade de urinar, começou hoje",  # "não aguento": an urge not held
        "o jato do xixi corta no meio e não volta",  # a stream that cuts off
        "não tô sentindo vontade de fazer xixi, e olha que bebi muita água",  # no urge
        "minhas pernas falharam e quase caí",  # "quase caí" is no joke
        "meu joelho falseou e quase fui pro chão",
        "hoje as duas pernas ficaram bambas, posso continuar os exercícios?",  # the routine later
        "não caí nem nada e mesmo assim não sinto a virilha",  # "mesmo assim" ends a denial
        "sinto a bunda de madeira",  # numb as wood or rubber
        "não sei mais quando preciso fazer xixi",
        "ando que nem pato, tropeçando em tudo",  # "que nem" compares, never denies
        "meu pau não funciona bem desde ontem",
        "é normal ter tanta dificuldade pra esvaziar a bexiga?",  # a present question
        "tô caindo pros lados desde cedo",
        "desde ontem não chego no banheiro a tempo",
        "minhas pernas não me aguentam mais em pé",
        "ando trocando as pernas e nem bebi",  # "nem bebi" denies the ordinary cause
        "o médico mandou eu ficar de olho, na real já to cambaleando",  # "na real" ends it
    ],
)
def test_round_two_emergency_phrasings(text: str) -> None:
    readers, spoken = _readers()
    screening = readers.screen(text, spoken)
    assert (screening.level, screening.experiencer) == (ScreenLevel.EMERGENCY, Experiencer.SELF)


@pytest.mark.parametrize(
    "text",
    [
        "meu pai não tá segurando o xixi desde cedo",
        "minha sogra não aguenta a vontade de urinar, começou hoje",
        "minha esposa não consegue andar reto desde ontem",
    ],
)
def test_round_two_another_adults_sign(text: str) -> None:
    readers, spoken = _readers()
    screening = readers.screen(text, spoken)
    assert (screening.level, screening.experiencer) == (
        ScreenLevel.EMERGENCY,
        Experiencer.OTHER_ADULT,
    )


@pytest.mark.parametrize(
    "text",
    [
        "dói igual deitado ou em pé, nunca alivia",  # constant pain
        "tenho 18 e comecei a sentir dor nas costas sem motivo",  # young, new onset
        "tive câncer de tireoide há 2 anos e agora dói a lombar",  # "tive": the self
    ],
)
def test_round_two_see_a_doctor_phrasings(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        "esse negócio de não sentir a bunda acontece com muita gente?",  # "esse negócio de"
        "retenção urinária é o quê?",  # "é o quê" after the word
        "há 4 anos eu tive a perna dormente por causa de uma hérnia",  # "há N anos": history
        "tive escape de urina no pós-parto, nada a ver com agora",  # resolved
    ],
)
def test_round_two_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) in (ScreenLevel.POSSIBLE, ScreenLevel.NONE)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("tem um mais facinho?", Intent.GENTLER),
        ("me avisa quando", Intent.GUIDE),
        ("no fim eu fiz sim", Intent.DONE),
    ],
)
def test_round_two_typed_answers(text: str, intent: Intent) -> None:
    readers, spoken = _readers()
    assert readers.read(text, spoken).top is intent


@pytest.mark.parametrize(
    "text",
    [
        "o amiguinho lá embaixo não tá levantando desde segunda",  # erection, euphemism
        "não fico mais duro desde que travou a lombar",
        "não sei se esvaziei a bexiga ou não, fico na dúvida desde ontem",  # "ou não" asks
    ],
)
def test_round_three_emergency_families(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "minha mãe de 77 começou com dor nas costas ontem",  # a person word, "de", age
        "o beta deu positivo e a lombar tá doendo",  # pregnancy, implicit
        "tô de 31 semanas e as costas doem",  # pregnancy in weeks, "tô de"
        "tenho pino na coluna desde o ano passado",  # "desde o ano passado": still now
        "apareceu um caroço na coluna",  # a new lump
    ],
)
def test_round_three_see_a_doctor_families(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        "meu filho de 4 fez xixi na cueca na creche, tô tirando a fralda dele",  # "filho de 4"
        "minha neta de 12 diz que a bunda formiga no ônibus",
        "na cesárea não senti as pernas por horas, hoje nada",  # anaesthesia, now nothing
        "quando era nova tive a perna fraca, mas faz anos que não",  # youth, long over
        "o médico é quem falou: perigoso é quando não segura o xixi",  # a general "é quando"
        "quando uma pessoa tem hérnia a virilha pode ficar dormente?",  # anyone
    ],
)
def test_round_three_lookalikes_get_no_emergency(text: str) -> None:
    assert _level(text) is not ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "tô com agulhinhas no cofrinho desde que levantei",  # saddle, "agulhinhas"
        "o entrepernas tá todo adormecido",  # saddle, "entrepernas"
        "os bagos tão sem sensação nenhuma",  # saddle slang, "bagos"
        "me enxugando com a toalha parece que não tem nada ali",  # drying, not wiping
        "fico um tempão esperando o xixi sair e tenho que apertar a barriga",  # hesitancy
        "faço xixi e fica um restinho, volto e ainda tem mais",  # incomplete emptying
        "desde as 8 da manhã não fiz pipi nenhum",  # retention, "pipi"
        "nem faço ideia se a bexiga tá cheia",  # not knowing full from empty
        "o esfíncter tá frouxo, soltei um pum e saiu junto",  # bowel leak with wind
        "não acordo mais de pau duro desde que a coluna travou",  # morning erections gone
        "a perna esquerda tá cada hora mais bamba",  # one leg giving way, worsening
        "tô trôpego, andando todo descoordenado",  # unsteady, "trôpego"
        "num tô sentindo as perna, as duas",  # "num", "as perna": chat Portuguese
        "prezado, tenho dificuldade para iniciar a micção desde ontem",  # "micção"
        "acordei toda mijada hoje",  # "toda mijada"
        "tenho hérnia há 10 anos e desde ontem não consigo fazer xixi",  # duration, not a child
    ],
)
def test_round_four_emergency_families(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "uso corticoide há 6 anos e escorreguei no banheiro",  # "há 6 anos" while still using it
        "deitada é pior, nem quieta a dor passa",  # worse lying down, no rest eases it
        "meu irmão de 58 começou com dor nas costas essa semana",  # a person word, "de", age
    ],
)
def test_round_four_see_a_doctor_families(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        "me caguei de susto quando a coluna travou",  # idiom, "cagar de susto"
        "to naqueles dias e as pernas ficam pesadas, todo mês é assim",  # period, heavy legs
        "em 2020 a perna ficou fraca, fiz fisio e hoje tô 100%",  # resolved history
        "meu avô de 85 tinha incontinência, já faleceu",  # the dead are history
        "sentei no banco da praça uma hora e a bunda ficou dormente",  # sitting on a bench
        "to esperando o xixi da minha filha pro exame de urina",  # waiting is not hesitancy
        "a perna ficou mais mole depois do alongamento",  # stretching, not a sign
        "meu vizinho usou sonda depois da cirurgia, ele tá bem agora",  # someone else, resolved
        "a bola de pilates furou kkk",  # "bolas" are balls here
        "eu não sinto a perna dormente, só dói",  # a denial with "não sinto"
        "não sei se vou no banheiro agora ou depois da série",  # deciding, not unaware
        "fiquei presa no banheiro do shopping, a porta travou kkk",  # stuck in a toilet
    ],
)
def test_round_four_lookalikes_get_no_emergency(text: str) -> None:
    assert _level(text) is not ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "a bexiga tá estourando e num saiu nada até agora",  # "num" for "não" (Minas, interior)
        "o xixi parou de sair direito, fico espremendo a barriga",  # stopped flow, straining
        "o xixi para de sair no meio, tenho que fazer força pra sair",  # straining to empty
        "perdi a sensibilidade na frente e atrás desde ontem",  # "front and back": the saddle
        "meu pé esquerdo tá arrastando, começou ontem",  # foot drop, "tá arrastando"
        "o pé direito fica batendo no chão quando ando",  # foot slap
        "o pé tá batendo no chão feito chinelo, começou hoje",  # foot slap, "começou hoje"
        "não aguento ficar sentada muito tempo e hoje a bunda tá dormente",  # pain, not a seat
        "quando me seco depois do xixi a sensação tá meio apagada",  # drying, a faded feeling
        "bebi bastante água e tô sem mijar desde cedo",  # water drunk explains no retention
    ],
)
def test_round_five_emergency_families(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "o ortopedista me disse: virilha dormente, vai direto pro hospital",  # reported advice
        "mês passado a perna ficou fraca, hoje já tô firme de novo",  # strength back
        "tive escape de xixi no pós-parto, hoje só a coluna incomoda",  # only the back now
        "meu pé fica batendo no chão quando danço forró",  # dancing
        "bebi muita água e tô fazendo xixi toda hora kkk",  # drinking, peeing often
    ],
)
def test_round_five_lookalikes_get_no_emergency(text: str) -> None:
    assert _level(text) is not ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "acordei com a coluna doendo de tanto dormir torta no sofá",  # a posture, not a shape
        "passei o dia sentada torta no computador e a lombar reclamou",  # sitting crooked
        "o protagonista da série ficou paraplégico num acidente de moto",  # fiction, on screen
        "a novela tá com um personagem que caiu da escada e quebrou a coluna",  # a character
    ],
)
def test_round_five_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        "nem sei direito se a bexiga esvaziou, fico com a sensação de que tem mais",  # "whether"
        "não tenho mais certeza se a bexiga tá cheia, desde ontem",  # "whether", not an "if"
        "o formigamento começou numa perna e já pegou a outra",  # spread to both legs
        "a dormência tava num pé só e passou pro outro também",  # spread to both feet
        "não consigo segurar o pum nem as fezes, escapa tudo",  # "nem" joins the sign
        "meu pai tá molhando a cueca desde semana passada",  # any tense of "molhar"
        "não sinto nada quando a gente transa, desde a crise da lombar",  # "a gente": the couple
        "parece que passei o dia numa sela de cavalo, a virilha tá dormente",  # riding gear
    ],
)
def test_round_six_emergency_families(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "tenho 18 anos e tô com dor nas costas tem uns 10 dias",  # young, a recent start
        "tenho 62 anos e a lombar dói tem umas três semanas",  # older, recent
        "tomei um tombo da égua ontem e caí sentado no chão",  # the writer's fall, not the horse's
    ],
)
def test_round_six_see_a_doctor_families(text: str) -> None:
    assert _level(text) in (ScreenLevel.SEE_DOCTOR, ScreenLevel.EMERGENCY)


@pytest.mark.parametrize(
    "text",
    [
        "nem xixi nem cocô escapam, graças a deus",  # a "nem" that opens the clause negates
        "não tenho escape de urina nem de fezes",  # "não tenho …" still negates past "nem"
        "tô molhando a roupa no tanque pra lavar",  # laundry
        # resolved: "voltou tudo ao normal"
        "semana passada fiquei com a perna dormente uns dias, mas voltou tudo ao normal",
    ],
)
def test_round_six_lookalikes_get_no_emergency(text: str) -> None:
    assert _level(text) is not ScreenLevel.EMERGENCY


def test_round_six_resolved_numbness_gets_no_advice() -> None:
    assert _level(
        "mês passado a perna ficou sem sensibilidade depois da infiltração, ficou tudo normal"
    ) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # soaping down there, touch felt as through a cloth or rubber
        "me lavando lá parece que tô tocando por cima de um pano, não sinto",
        # penis in slang; "alguém já passou por isso?" is no "it went away"
        "desde o jogo de domingo tô com a rola dormente e o saco também, "
        "alguém já passou por isso?",
        # the sign as a state now, whatever past another clause names
        "minha mãe disse que as duas pernas estão dormentes e pesadas, "
        "ela operou a coluna há 8 anos",
        "jogo bola há 10 anos, tô com a virilha dormente desde o jogo",
        # both legs wobbly and nearly falling: no workout or joke elsewhere explains it away
        "faço faxina o dia todo e hoje as pernas ficaram moles, tive que sentar pra não cair kkk",
    ],
)
def test_round_seven_emergency_families(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a list handed over, then denied
        "a médica me passou uma lista: não conseguir fazer xixi, perder o controle do cocô, "
        "dormência na virilha. não tenho nenhum desses graças a deus",
        # "X é quando a pessoa …?": a definition
        "incontinência fecal é quando alguém não consegue segurar o cocô?",
        # news, TV and radio
        "passou no jornal da noite que idosos com incontinência urinária sofrem calados",
        "deu na tv que a fila da cirurgia de coluna pelo sus demora anos",
        "ouvi no rádio um médico falando de retenção urinária, interessante",
        # "moída" of a back after work is sore, not ill; another adult's pregnancy is theirs
        "minha irmã tá grávida de 7 meses e eu que carrego as compras, tô com a lombar moída",
        "cheguei moído do serviço hoje, a lombar pede arrego",
    ],
)
def test_round_seven_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


def test_round_seven_slip_in_the_shower_is_no_near_fall_emergency() -> None:
    assert (
        _level("escorreguei no banho e quase caí, minhas pernas ficaram bambas de susto")
        is not ScreenLevel.EMERGENCY
    )


_ROUND_TEN_EMERGENCIES = [
    # a plural marked on the article alone ("as duas perna", "os dois pé")
    "os dois pé tão dormente desde cedo e a lombar travou",
    # legs that did not hold (third person), a leg one cannot plant, a leg that disobeys
    "desci do ônibus e as pernas não aguentaram, fui pro chão",
    "não firmo a perna esquerda no chão desde hoje cedo",
    "minha perna direita tá desobedecendo desde ontem",
    # a leg that "vanishes", and "as duas" for the legs just named
    "quando tento andar a perna esquerda simplesmente some",
    "perna bamba as duas desde o almoço",
    # falls again and again
    "caio toda vez que levanto da cadeira desde hoje",
    "meu pai vive caindo desde ontem",
    # a leg getting heavy by the hour; a foot drop with its owner between
    "a perna esquerda tá pesando mais a cada hora",
    "o pé dela tá caindo desde ontem e piorando",
    # "sem controlar", "as necessidade(s)"; finding out only afterwards is now
    "meu pai tá sem controlar o xixi desde ontem à noite",
    "fui fazer as necessidade e nem vi que já tinha saído",
    "não sinto mais a vontade de fazer cocô, só percebo quando já foi",
    # a general question, then "pq é o que tá acontecendo comigo"
    "hérnia pode fazer a gente não segurar o xixi? pq é o que tá acontecendo comigo",
    # "acabou de me contar" is recent; told on WhatsApp is the teller's own sign
    "minha tia acabou de me contar que não sente nada quando se limpa",
    "meu irmão mandou no zap: 'não tô conseguindo fazer xixi desde ontem'",
    # the road is where, not why
    "parei no posto da estrada e não consegui fazer xixi, já faz 8 horas",
]


@pytest.mark.parametrize("text", _ROUND_TEN_EMERGENCIES)
def test_round_ten_emergency_families(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@cache
def _word_file_alone() -> RedFlagScreen:
    return RedFlagScreen(load_red_flags(DEFAULT_CONTENT_DIR, "pt_BR"), model=None)


@pytest.mark.parametrize("text", _ROUND_TEN_EMERGENCIES)
def test_round_ten_families_are_the_word_files_own(text: str) -> None:
    """The word file alone, without the statistical reader that lifts what it leaves open."""
    assert _word_file_alone().screen(text).level is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "dor 24h na lombar, nenhuma posição alivia",
        # "de 2 degraus" counts steps: no child's age hides the steroids
        "uso corticoide faz 3 anos e escorreguei de um banquinho de 2 degraus",
    ],
)
def test_round_ten_see_a_doctor_families(text: str) -> None:
    assert _level(text) in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # what goes from a leg is not the leg going; a pain no longer felt is no numbness
        "a dor da perna sumiu depois do alongamento",
        "não sinto mais aquela dor que descia pra perna, graças a deus",
        # hands, not legs; "duas semanas" is no "as duas"
        "as duas mãos ficam dormentes quando acordo, depois passa",
        "fiquei com a perna dormente duas semanas atrás, já passou",
        # a video someone shared is no one's sign; a numbness that has just gone is history
        "minha esposa mandou um vídeo sobre incontinência urinária",
        "acabou de passar a dormência na perna",
        # one's body weight is no heavy leg
        "tô pesando 92 kg e minhas pernas tão doendo",
        # a word on a paper, read in Portuguese (no English look-alike)
        "o que quer dizer 'incontinência'? tá escrito na receita que o médico me deu",
    ],
)
def test_round_ten_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)
