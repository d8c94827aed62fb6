"""Indonesian, read as the bot reads it (content/red_flags.id.yaml and content/intents.id.yaml
through `bot.routine.reading.Readers`, English read too): warning signs as Indonesians type them in
chat, what is not a sign, and typed answers that do what their buttons do."""

from __future__ import annotations

from functools import cache

import pytest

from bench.common import shipped_readers
from bot.routine.intents import Intent, Score
from bot.routine.reading import Readers
from bot.routine.red_flags import Experiencer, ScreenLevel


@cache
def _readers() -> tuple[Readers, str]:
    readers, spoken, _content = shipped_readers("id")
    return readers, spoken


def _level(text: str) -> ScreenLevel:
    readers, spoken = _readers()
    return readers.screen(text, spoken).level


def test_indonesians_are_read_in_indonesian() -> None:
    readers, spoken = _readers()
    assert spoken == "id"
    assert readers.reads("id")


@pytest.mark.parametrize(
    "text",
    [
        "selangkangan saya mati rasa sejak tadi pagi",
        "pantat gw kebas bgt dari kemaren",
        "pas cebok gak kerasa apa2",
        "udah dari pagi gabisa pipis",
        "ngompol di celana tp gak kerasa sama sekali",
        "gak bisa nahan BAB, keluar sendiri",
        "tadi cepirit tanpa sadar",
        "sejak sakit pinggang gak bisa ereksi",
        "kedua kaki lemes dan kesemutan",
        "kaki tiba2 ambruk pas mau jalan",
        "jalan sempoyongan padahal gak mabuk",
        "selangkangan gringgingen terus",
        "normal gak sih kalau pipis gak berasa?",
    ],
)
def test_an_emergency_sign_typed_in_indonesian(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


def test_every_chat_spelling_of_not_reads_alike() -> None:
    for text in (
        "tidak bisa kencing",
        "gak bisa kencing",
        "ga bisa kencing",
        "nggak bisa kencing",
        "gk bs kencing",
        "gabisa kencing",
    ):
        assert _level(text) is ScreenLevel.EMERGENCY, text


def test_another_adults_sign_gets_the_advice_worded_for_them() -> None:
    readers, spoken = _readers()
    mother = readers.screen("ibu saya gak bisa pipis dari kemarin", spoken)
    assert mother.level is ScreenLevel.EMERGENCY
    assert mother.experiencer is Experiencer.OTHER_ADULT
    husband = readers.screen("suami ngompol tadi pagi, pinggangnya sakit parah", spoken)
    assert husband.level is ScreenLevel.EMERGENCY
    assert husband.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        "punggung sakit dan badan demam",
        "saya pernah kanker payudara, sekarang punggung nyeri",
        "bb turun 7 kg padahal gak diet",
        "jatuh dari motor kemarin, punggung sakit",
        "saya lagi hamil 5 bulan",
        "baru operasi tulang belakang 3 bulan lalu",
        "sakitnya bikin kebangun tiap malam",
    ],
)
def test_a_see_a_doctor_sign_typed_in_indonesian(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # denied
        "gak ada kesemutan atau mati rasa kok",
        "pipis aman, BAB juga normal",
        "selangkangan gak kebas, cuma pinggang pegel",
        # hypothetical, reported, a definition
        "kalau nanti selangkangan mati rasa harus ngapain?",
        "gimana kalo tiba2 gak bisa pipis?",
        "kata dokter waspada kalau pantat kebas",
        "inkontinensia artinya apa ya?",
        # history, resolved
        "dulu pernah susah kencing tahun 2019, udah sembuh",
        # a child's or a pet's
        "anak saya umur 4 tahun masih ngompol",
        "kucingku gak bisa pipis",
    ],
)
def test_what_is_not_the_persons_sign_now_gets_at_most_the_question(text: str) -> None:
    assert _level(text) in (ScreenLevel.POSSIBLE, ScreenLevel.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "pinggang pegel abis nyapu",
        "kaki kesemutan abis duduk bersila pas pengajian",
        "pantat kebas abis naik motor 5 jam mudik",
        "kaki lemes abis lari 10 km",
        "kebelet pipis nih, bentar ya",
        "diare dari kemarin, bolak balik ke wc",
        "ketawa sampe ngompol wkwkwk",
        "kerannya bocor, airnya netes terus",
        "hati saya mati rasa sejak putus haha",
        "betis kram tadi malam",
    ],
)
def test_everyday_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("selesai", Intent.DONE),
        ("udah", Intent.DONE),
        ("udh kelar", Intent.DONE),
        ("sakit bgt", Intent.TOO_PAINFUL),
        ("udah tapi sakit", Intent.TOO_PAINFUL),
        ("lebih ringan", Intent.GENTLER),
        ("yang lebih gampang dong", Intent.GENTLER),
        ("lewatin aja", Intent.SKIP),
        ("bentar ya", Intent.PAUSE),
        ("cukup untuk hari ini", Intent.STOP_TODAY),
    ],
)
def test_typed_indonesian_answers_read_as_their_buttons(text: str, intent: Intent) -> None:
    readers, spoken = _readers()
    assert readers.read(text, spoken).top is intent


def test_not_done_and_not_painful_are_not_read_as_done_or_pain() -> None:
    readers, spoken = _readers()
    assert readers.read("belum selesai", spoken).top is not Intent.DONE
    assert readers.read("gak sakit kok", spoken).top is not Intent.TOO_PAINFUL


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("mendingan", Intent.BETTER),
        ("sama aja", Intent.SAME),
        ("tambah parah", Intent.WORSE),
    ],
)
def test_the_morning_check_in_typed_in_indonesian(text: str, intent: Intent) -> None:
    readers, spoken = _readers()
    assert readers.read(text, spoken).top is intent


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("sekitar 5", 5),
        ("lima", 5),
        ("kira2 empat", 4),
        ("5 dari 10", 5),
        ("antara 3 dan 4", 4),
        ("6,5", 7),
        ("gak sakit", 0),
        ("paling sakit", 10),
    ],
)
def test_a_soreness_score_typed_in_indonesian(text: str, value: int) -> None:
    readers, spoken = _readers()
    assert readers.score(text, spoken) == Score(value)


def test_a_number_out_of_range_is_asked_again() -> None:
    readers, spoken = _readers()
    assert readers.score("12", spoken) == Score(None)
