"""Indonesian, read as the bot reads it (content/red_flags.id.yaml and content/intents.id.yaml
through `bot.routine.reading.Readers`, English read too): warning signs as Indonesians type them in
chat, what is not a sign, and typed answers that do what their buttons do."""

from __future__ import annotations

from functools import partial

import pytest

from bot.routine.intents import Intent, Score
from bot.routine.red_flags import Experiencer, ScreenLevel
from tests.support.reading import readers_of, screening

_readers = partial(readers_of, "id")


def _level(text: str) -> ScreenLevel:
    return screening(text, "id").level


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


# --- round 2: one row per cause fixed (issue 17, item 5) --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # reduplication written with 2, and English words mixed in
        "selangkangan kesetrum2 dari pagi",
        "selangkangan numb dari kemarin",
        "ada kebas di area sadel sejak tadi",
        # suffixed forms of the anus and the bladder; the part that touches the chair
        "duburku kebas sejak subuh",
        "kandung kemihku gak bisa dikosongin",
        "yang nempel di kursi mati rasa semua",
        # a sign still there: "sampai sekarang gak ilang2" is no resolution
        "pantat kesemutan sampai sekarang gak ilang2",
        # new even while sitting
        "pas naik motor bokong gak kerasa apa2, biasanya gak gini",
        # washing, and skin that feels like someone else's
        "waktu membasuh dubur rasanya kayak kulit orang lain",
        # not yet able to pee; pressing to start; unaware whether full
        "sejak subuh belum bisa kencing",
        "kencingnya harus ditekan dulu baru keluar",
        "aku gak tau kandung kemih penuh atau kosong",
        "gak tau perlu ke wc apa nggak, kencingnya keluar sendiri",
        # soiling: stool coming out with wind, an anus that will not close
        "pas kentut tainya ikut keluar",
        # sexual function: organ that will not stand, limp, ejaculation during sex
        "titit saya gak mau berdiri lagi sejak pinggang sakit",
        "anuku loyo terus sejak saraf kejepit",
        "pas ngeseks gak bisa keluar sama sekali",
        # both legs without strength, not touching the ground, one leg weaker daily
        "kedua kaki gak ada tenaganya sama sekali",
        "jalan kayak melayang, kaki gak napak",
        "kaki kiri lemah dari hari ke hari, naik tangga gak bisa",
        # wetting without feeling it, whatever the occasion
        "ngompol pas perjalanan mudik dan gak kerasa sama sekali",
        # an ordinary cause answered "no"
        "perih gak, cuma kencingnya gak bisa berhenti",
        # not knowing whether the bladder has finished
        "aku gak tau pipisku udah selesai apa belum",
    ],
)
def test_round_two_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "bapak katanya pantatnya kebas dari kemarin",
        "kakakku katanya gak bisa ngerasain apa2 pas cebok",
    ],
)
def test_another_adult_telling_their_own_sign_is_theirs(text: str) -> None:
    readers, spoken = _readers()
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        "kebangun gara2 punggung nyeri",
        "punggung makin parah kalau rebahan",
        "celana jadi longgar, padahal gak diet",
        "sudah 3 tahun minum obat steroid",
        "nyeri pinggangnya gak pernah berhenti",
    ],
)
def test_round_two_see_a_doctor_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # reported advice, named by who gave it
        "kata dokterku, jangan tunda kalau selangkangan kebas",
        "bidanku wanti2 kalau gak bisa pipis jangan ditunda",
        # "katanya" with no one before it is hearsay: general claims stay reported
        "katanya orang saraf kejepit bisa ngompol",
        "katanya gejala HNP itu kaki lemes dua2nya",
        # hoping it never happens; what a word means
        "amit2 aku ngompol di kantor",
        "retensi urin maksudnya gimana?",
        # a habit of long standing, a child named before a bracket
        "ponakanku (4 th) masih suka ngompol",
        # a joke answered no
        "ngompol? nggak lah, bercanda",
        # frequent peeing is no leak; injections and diabetes are no sign; a relative's cancer
        "beser terus abis minum kopi",
        "tiap hari suntik insulin",
        "saya kena kencing manis",
        "ayah saya meninggal karena kanker",
        # everyday causes
        "celana basah kehujanan",
        "jalan oleng soalnya lantai licin",
        "pantat kesemutan gara2 kelamaan nongkrong sambil main hp",
        "kaki lemes banget abis badminton",
        "kaki kesemutan habis yoga itu normal?",
        "burungku mati tadi pagi",
        "kasurnya keras jadi gak bisa tidur",
        # constipation is no bowel sign
        "udah 3 hari susah eek, kurang serat",
        # the round-2 rules kept away from everyday words: a little sibling, "related to" and
        # going out, a long walk
        "adik kecil saya belum bisa berdiri sendiri",
        "ini berhubungan sama kerjaan, aku gak bisa keluar kantor",
        "abis jalan kaki 10 ribu langkah, kaki pegel dua2nya",
    ],
)
def test_round_two_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("nyut2an", Intent.TOO_PAINFUL),
        ("sampe sini dulu", Intent.STOP_TODAY),
        ("istirahat hari ini", Intent.STOP_TODAY),
        ("versi ringannya dong", Intent.GENTLER),
        ("alternatifnya", Intent.GENTLER),
        ("next aja", Intent.SKIP),
        ("lompatin", Intent.SKIP),
        ("info lebih lanjut", Intent.MORE),
        ("bacain dong", Intent.GUIDE),
    ],
)
def test_round_two_typed_answers(text: str, intent: Intent) -> None:
    readers, spoken = _readers()
    assert readers.read(text, spoken).top is intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("udah gak sekaku kemarin", Intent.BETTER),
        ("tetep", Intent.SAME),
        ("nambah pegal", Intent.WORSE),
        ("parahan", Intent.WORSE),
    ],
)
def test_round_two_check_in_answers(text: str, intent: Intent) -> None:
    readers, spoken = _readers()
    assert readers.read(text, spoken).first_of([Intent.BETTER, Intent.SAME, Intent.WORSE]) is intent


@pytest.mark.parametrize("text", ["tanganku kebas pas bangun", "bibirku kebas abis cabut gigi"])
def test_numb_hands_and_lips_are_not_asked_about(text: str) -> None:
    assert _level(text) is ScreenLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        # no longer able ("sudah / sekarang gak bisa, gak kuat, gak tau"): a change now, not a
        # resolution
        "skrg udah gak bisa nahan pipis sama sekali",
        "sekarang gak kuat lagi nahan kencing, netes terus",
        "udh gak tau lagi kapan kebelet pipis",
        "skrg gak kerasa pas kencing keluar",
        # never before ("sebelumnya gak pernah"): new now, not a history
        "pakai pampers dewasa soalnya kencing merembes, sebelumnya gak pernah",
        # did not make it to the toilet: no history ("sempat"), and came out first
        "gak sempat ke wc, eek udah keluar duluan",
        # cannot tell whether the wiping is done
        "kalau cebok gak yakin bersih atau belum, gak kerasa apa2",
        # a euphemism for the penis; a suffixed saddle word
        "si otong gak mau bangun sejak encok kumat",
        "area kewanitaanku kebas dari kemarin",
        # the verb angkat in its forms
        "kaki kanan gak bisa diangkat, makin parah dari pagi",
        # a general question made the writer's own by the next sentence; "tau gak" is a tag
        "ada yg tahu gak HNP bisa bikin pantat kebas? soalnya saya lagi gini",
    ],
)
def test_round_three_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a colleague is another adult, and their "kerja" is no sitting cause
        "rekan kerja saya bilang selangkangannya mati rasa habis jatuh",
        "istri saya udah gak kuat jalan, kedua kaki lemes",
    ],
)
def test_round_three_another_adults_sign(text: str) -> None:
    readers, spoken = _readers()
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        # never before, over 50
        "umur 58, seumur hidup belum pernah sakit pinggang, baru minggu ini",
        # pregnancy in chat words
        "tespek positif, punggung pegel",
        "udah isi 7 bulan, punggung bawah sakit",
        # a new lump, "nonjol"
        "ada benjolan nonjol di punggung bawah, dulu gak ada",
    ],
)
def test_round_three_see_a_doctor_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # bending over is no bent spine
        "pinggang pegel pas bungkuk ngepel lantai",
        # numbness during one of the routine's exercises
        "kalau pas cat cow kaki kesemutan, lanjut gak?",
        # "the dangerous one is if …" is general advice
        "kakakku perawat, katanya yang berbahaya itu kalau pantat kebas",
        # a past sign that has not come back
        "dulu pernah gak bisa pipis, tapi udah lama gak kumat",
        # "isi" and "ngidam" in everyday life; "sempet" and a colleague's overtime
        "lagi isi bensin, pinggang pegel",
        "lagi ngidam bakso, punggung pegel",
        "sibuk banget sampe gak sempet pipis",
        "temen kantor aku pegel linu habis lembur",
        # pain no longer felt is no numbness
        "sakitnya udah gak begitu kerasa sekarang",
        "sekarang udah gak kerasa sakit pas pipis",
    ],
)
def test_round_three_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # regional and euphemistic saddle words (Sundanese bujur/birit, "daerah pribadi", "area v")
        "birit abdi baal ti isuk",
        "daerah pribadiku kesemutan terus dari semalem",
        "area v aku kebas, kayak bukan punyaku",
        "sekitar lubang dubur anyep sejak boyok kumat",
        # washing by splashing water
        "pas disiram air abis BAB, bokong ga kerasa apa2",
        # bladder: a hesitant stream, a stream not felt, no urge, a leak that gushes
        "kencingnya seret bgt dari kemarin, harus ngeden",
        "aku ga ngerasain aliran pipisnya sama sekali",
        "udah ga ngerasa mau pipis dari pagi padahal minum banyak",
        "pipisku ngucur sendiri pas bangun dari kursi",
        "tadi kelepasan pipis di celana, ga kerasa",
        # bowel: stool with wind, a soiled pair of trousers, an anus that stays open
        "tiap kentut ada ampasnya sekarang, ga bisa ditahan",
        "celana belepotan pup dan aku ga sadar",
        "dubur kayak kebuka terus, pup keluar gitu aja",
        # erection: "on", "susah ereksi"
        "si joni ga bisa on lagi sejak saraf kejepit",
        "pas suami masukin ga kerasa apa2, baru kali ini",
        "sejak HNP kumat jadi susah ereksi",
        # knees and steadiness
        "dengkul kanan kiri lemes, hampir ambruk",
        "keseimbangan terganggu dari kemarin, kaki ga mantep",
        # chat negations glued to the verb
        "gakerasa apa2 pas cebok",
    ],
)
def test_round_four_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # Jakarta, Javanese and Sundanese words for parents and spouses; a grown-up younger sibling
        "nyokap ga bisa pipis dari subuh, perutnya keras",
        "bokap gue ngompol ga kerasa tadi malem",
        "bojoku ora iso nguyuh wiwit wingi",
        "adikku 28 tahun, selangkangannya mati rasa",
    ],
)
def test_round_four_another_adults_sign(text: str) -> None:
    readers, spoken = _readers()
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        # Javanese and Sundanese fever words; crush and road-accident trauma
        "awakku greges, boyok loro",
        "muriang, cangkeng nyeri pisan",
        "kemarin ketimpa rak besi, punggung nyeri",
        "seminggu lalu laka lantas, sejak itu punggung sakit",
    ],
)
def test_round_four_see_a_doctor_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # "supposing", "was told", "what does … mean", "now it is normal"
        "misalkan nanti selangkangan kebas, ke mana dulu?",
        "dikasih tau bidan, kalau ga bisa pipis langsung ke rs",
        "apa arti inkontinensia?",
        "waktu itu sempet ngompol pas tifus, sekarang biasa aja",
        # a pregnant sister, a dog, a little brother
        "adik saya lagi hamil, saya yg pegel nemenin belanja",
        "guguk aku kaki belakangnya lemes dua2nya",
        "adik kecilku ngompol lagi semalem",
        # period, gaming, cross-legged sitting, high heels
        "lagi dapet, pinggang pegel dan kaki lemes",
        "abis ngegame 4 jam pantat kesemutan, berdiri langsung ilang",
        "kaki kiri kesemutan abis duduk nyilang pas rapat",
        "jalan goyang gara2 pake high heels",
        # both legs tired after a run (weak legs during the routine itself still alarm)
        "abis lari 15 km kaki kanan kiri lemes banget",
        # a warm compress, "greget", "dibanding", a cracked phone screen
        "kompres anget bikin pinggang enakan",
        "greget banget latihan hari ini",
        "punggung udah mendingan dibanding kemarin",
        "hp jatuh, layarnya retak",
    ],
)
def test_round_four_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # Javanese "ora kroso" / krama "mboten kraos", "metu dhewe"; Sundanese "teu tiasa",
        # "hese leumpang", "suku duanana"
        "selangkanganku ora kroso blas sejak subuh",
        "mboten kraos menawi cebok, boyok sakit",
        "uyuh metu dhewe ora kroso, boyok kemeng",
        "teu tiasa pipis ti kamari sonten",
        "suku duanana lemes pisan, hese nangtung",
        # must press on the belly to pee ("kudu / musti dipencet")
        "pipis kudu dipencet perut bawah, baru ini kejadian",
        # a total loss of feeling even while sitting; the anaesthetic simile
        "lagi duduk di jok mobil, bokong mati rasa total",
        "anus sama selangkangan kaya habis disuntik bius",
        # one leg weaker by the day, dragging; tripping more and more often
        "betis kanan lemahnya makin parah, jalan keseret seret",
        "kaki kanan makin sering kesandung akhir akhir ini",
        # told to exercise is no reported sign
        "masa disuruh jalan tiap hari, kaki kanan kiri lemes gemeter",
        # a relative saying what they feel is their sign now, not advice
        "suami saya bilang kalau kakinya dua2nya lemes sejak pagi",
        "istri bilang kalo pipisnya ga kerasa dari kemarin",
    ],
)
def test_round_five_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a teenager's new back pain; a week's pain in someone well before
        "saya masih 16 tahun tapi punggung bawah nyeri, baru bulan ini",
        "umur 18, sebelumnya sehat sehat aja, pinggang sakit seminggu ini",
    ],
)
def test_round_five_see_a_doctor_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # a TV or radio talk, a late grandfather, a term asked about
        "di radio narasumbernya bahas susah pipis karena hnp, aku sih aman",
        "almarhum kakek dulu pake popok dewasa, aku cuma pegel biasa",
        "drop foot itu apa? tadi denger di podcast",
        # advice from someone who tells it (a neighbour, a friend)
        "tetangga bilang kalo gabisa pipis ya ke rs",
        "temenku bilang kalo selangkangan kebas tuh bahaya",
        # bare Indonesian "suku" is a tribe or a part, not a leg
        "suku cadang motor lemah kualitasnya",
    ],
)
def test_round_five_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # knees that buckle or fold away ("ngeles", "nglokro"); a leg that "won't lift"
        "dengkul gue ngeles sendiri pas turun tangga, dua2nya",
        "lutut tiba2 nglokro, hampir jatoh di kamar mandi",
        "kaki kiri gak mau diangkat sejak bangun tidur",
        # numbness told by what is not felt when wiping: the water, the tissue
        "pas cebok airnya gak kerasa sama sekali",
        "abis pup gak ngerasain tisunya pas ngelap",
        # the seat-part, with the ordinary cause ruled out ("haven't ridden for a week")
        "bagian yg nempel jok mati rasa, padahal udah seminggu ga ngojek",
    ],
)
def test_round_six_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # Javanese possessed kin ("mbok'e", "bapake"), "loro-lorone" (both), "ora kuwat ngadeg"
        "mboke sikile loro-lorone ora kuwat ngadeg",
        "bapake ngendika kakine loro lorone lemes",
    ],
)
def test_round_six_another_adults_sign(text: str) -> None:
    readers, spoken = _readers()
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        # a fall typed "jatoh"; a teenager's month-old pain with the heavy lifting denied
        "tadi jatoh dari tangga bambu pas benerin atap, punggung nyeri",
        "umur 17, pinggang sakit sebulan ini padahal gak pernah ngangkat barang berat",
    ],
)
def test_round_six_see_a_doctor_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # my own professional's warning ("dokter saya pesen … jangan nunggu besok")
        "dokter saya pesen kalo kaki dua2nya lemes mendadak jangan nunggu besok",
        # a neighbour's ginger cat: a breed or colour word between the animal and its owner
        "kucing oren tetangga kaki belakangnya lumpuh",
        # sitting flat on the floor ("ndeprok") is a cause of a tingling foot, not a collapse
        "duduk ndeprok kelamaan di pengajian, kaki kesemutan",
    ],
)
def test_round_six_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # Malaysian Malay: the crotch ("celah kangkang"), feeling nothing ("tak rasa apa-apa"),
        # cannot ("tak boleh nak"); the inner thigh with its owner's suffix ("paha dalemku")
        "celah kangkang saya kebas dari semalam",
        "tak rasa apa-apa masa basuh lepas buang air besar",
        "saya tak boleh nak kencing dari subuh, perut bawah sebu",
        "paha dalemku mati rasa sejak kemarin sore",
        # Balinese "tusing nyidaang" (cannot)
        "tiang tusing nyidaang kencing dari semalem, boyok sakit",
        # a precaution bought BECAUSE of the sign now ("buat jaga2 soalnya …")
        "beli popok buat jaga2 soalnya kencing suka netes sendiri",
        # a teacher of small children is the writer ("guru TK"), not a child's sign
        "saya guru tk, sejak selasa kencing harus mengejan dan pancarannya lemah",
    ],
)
def test_round_seven_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # the penis's euphemism gone numb; Malay "tak boleh nak kencing" told of a brother
        "suami saya bilang anunya tidak ada rasa sejak pagi",
        "abang saya kata dia tak boleh nak kencing sejak malam tadi",
    ],
)
def test_round_seven_another_adults_sign(text: str) -> None:
    readers, spoken = _readers()
    screening = readers.screen(text, spoken)
    assert screening.level is ScreenLevel.EMERGENCY
    assert screening.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        # Javanese fever ("panas adem"); the small hours by the clock; krama age and "never before"
        "badan panas adem terus, boyok loro",
        "nyerinya paling parah jam 3-4 pagi",
        "kula sampun 70 tahun, boyok nembe sakit, sakderenge mboten nate",
        # another adult's pregnancy with her own back ("punggungnya")
        "kakak saya lagi hamil 6 bulan, punggungnya nyeri terus",
        # Jakarta "make" (using drugs) by injection
        "dulu nge-make pake suntik, sekarang pinggang sakit",
        # the child only took the photo ("dipotret anak")
        "tulang belakang saya bengkok ke kiri, baru sadar pas dipotret anak",
    ],
)
def test_round_seven_see_a_doctor_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        # a late night is no night pain; "not allowed to" is no "cannot"
        "begadang sampai jam 2 pagi, pinggang agak pegal",
        "dokter bilang tidak boleh nahan kencing lama-lama",
        "tidak boleh kencing sembarangan di sini ya pak",
        # the writer's own back after a pregnant wife's chores
        "istri lagi hamil, jadi gue yg angkat galon, pinggang gue pegel",
        # a weak leg after an old accident, back to playing football
        "waktu kecelakaan 2019 kaki kiri sempat lemah, sekarang sudah bisa main bola lagi",
    ],
)
def test_round_seven_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # Minang: lamah (weak), duo duonyo (both)
        "kaki uda lamah duo duonyo sajak patang",
        # Sundanese cawik (washing after the toilet)
        "pas cawik teu karasa nanaon di handap",
        # an adult's soaked incontinence pad
        "nenek di rumah pempersnya basah terus padahal dulu bisa bilang mau pipis",
        # "itunya" (his thing) that will not stand
        "suami saya cerita itunya tidak mau bangun sejak boyoknya sakit",
        # a seat that cannot be felt, as if sitting on air or cotton wool
        "naik ojek kok tidak terasa joknya, kayak duduk di atas kapas",
        "sejak kemarin tiap duduk kok kayak duduk di udara",
        # the writer's worry is no fear that holds the bladder; "masuk angin" explains nothing
        "yang bikin aku takut, dari tadi pagi kebelet tapi kencingnya gak keluar",
        "mungkin masuk angin aja, tapi dari semalam gak bisa nahan kencing",
        # the fishing boat's fish is not whose body
        "om saya ikut kapal ikan, pulang pulang ngeluh tidak bisa nahan bab",
        # the writer's own knees (-ku), though a grandchild is named after them
        "lututku lemes dua duanya, cucuku harus nuntun aku ke wc",
        # the front of the foot that drags or will not lift
        "ujung kakiku ngelewer kalau jalan sejak senin",
        # "sekarang/sudah tidak ada rasanya" is a feeling lost now, not a sign that is over
        "sejak jatuh kemarin, pantatku sekarang tidak ada rasanya",
        # "how could I exercise when …": the exercise is no cause
        "gimana bisa olahraga kalau jalan aja kaki goyang",
        "jangankan senam, berdiri aja kaki gemeteran dua duanya",
        # sudden: fit yesterday
        "ayah kakinya lemas dua duanya sejak subuh, padahal kemarin masih segar bugar",
        # the children a housewife counts are not whose bladder
        "saya irt anak 2, dari kemarin pipis netes sendiri gak bisa ditahan",
    ],
)
def test_round_twelve_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


def test_round_twelve_first_back_pain_over_fifty_never_before() -> None:
    text = "umur saya 61, baru pertama kali pinggang sakit begini, tidak pernah sebelumnya"
    assert _level(text) is ScreenLevel.SEE_DOCTOR


@pytest.mark.parametrize(
    "text",
    [
        "anakku pampersnya basah terus",
        # sitting outdoors is no seat that cannot be felt
        "duduk di udara terbuka sambil ngopi, pinggang pegel dikit",
        # afraid to pee in a public toilet, holding it in
        "aku takut pipis di wc umum jadi ditahan, skrg gak bisa keluar",
        # a stubbed toe; a question about what foot drop looks like
        "jari kaki kesandung meja, sakit banget",
        "foot drop itu gimana sih ciri2nya",
        # tingling that has gone back to normal
        "kemarin kesemutan di pantat, sekarang sudah normal lagi",
        "habis senam tadi kaki agak goyang dikit",
        # pain no longer felt is no numbness
        "pantat sudah gak kerasa sakit lagi, makasih latihannya",
        # a standing instruction for "if it ever gets to …"
        "ibu pesan kalo kakinya sampe lemes dua2nya langsung bawa ke rs",
        # another adult's instruction for "if ever", and luckily well now
        "kakek bilang kalau kakinya lemes dua duanya anterin ke igd, alhamdulillah beliau "
        "masih sehat",
    ],
)
def test_round_twelve_lookalikes_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # Manado: pe ('s), ba- (ber-), so nda (sudah tidak)
        "papa sa pe kaki dua-dua so nda bakuat, tadi bajatuh di dapur",
        # Ambon: pung ('s), su seng (sudah tidak)
        "usi beta bilang dia su seng rasa apa2 di pantat",
        # Pontianak Malay: tak ade tenage, due
        "mak kamek bilang kaki die dua-due tak ade tenage",
    ],
)
def test_round_fourteen_another_adults_sign_in_regional_malay(text: str) -> None:
    found = screening(text, "id")
    assert found.level is ScreenLevel.EMERGENCY
    assert found.experiencer is Experiencer.OTHER_ADULT


@pytest.mark.parametrize(
    "text",
    [
        # not feeling the moment of passing urine, in reported speech
        "istriku bilang 'aku gak ngerasain waktu kencing' dari kemarin",
        # "she never had that before": new, not history
        "kakak saya bilang dia pipisnya ngompol terus minggu ini padahal belum pernah kayak gitu",
        # both legs named side by side after a person word
        "kaki aku yang kiri sama kanan rasanya aneh kebas dari pagi",
    ],
)
def test_round_fourteen_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


def test_round_fourteen_no_pain_when_peeing_is_no_sign() -> None:
    assert _level("pas pipis gak ngerasa sakit lagi, cuma pinggang pegel") is not (
        ScreenLevel.EMERGENCY
    )


@pytest.mark.parametrize(
    "text",
    [
        # an animal, with a kind word between it and its owner
        "kuda pacu om saya kaki belakangnya lemas dua duanya",
        "bebek tetangga kakinya lumpuh dua duanya",
        # a character in a story on screen
        "tokoh utama di sinetron itu gak bisa jalan habis kecelakaan, sedih",
    ],
)
def test_round_fourteen_animals_and_story_characters_get_no_advice(text: str) -> None:
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


@pytest.mark.parametrize(
    "text",
    [
        # thrown by an opponent in a martial art: real trauma
        "pas sparing karate aku dibanting sama lawan, punggung sakit banget",
        # new back pain under twenty, "for a month now"
        "saya 16 tahun, punggung sakit sudah dua minggu",
    ],
)
def test_round_fourteen_see_a_doctor_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.SEE_DOCTOR


def test_round_fourteen_one_thigh_tingling_whenever_sitting_is_no_emergency() -> None:
    assert _level("kaki kiri kesemutan tiap kali duduk di angkot") is not ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # one leg weaker than this morning, whatever began it
        "abis nyapu kaki kanan tiba2 lemes, skrg lebih lemah dr tadi pagi",
        # what makes me panic is no cause of it
        "yang bikin aku panik, dari pagi pipis cuma netes padahal kebelet",
        # a birth years ago explains no new loss of bowel control
        "bini gue abis melahirkan 3 thn lalu, skrg pinggang sakit trus gak bisa nahan pup "
        "sejak 2 hari ini",
    ],
)
def test_round_fourteen_causes_that_explain_nothing(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "kaki kiri lemes habis main futsal, makin parah pegelnya",
        "habis lahiran 2 minggu lalu, sekarang pipis suka rembes dikit kalau bersin",
    ],
)
def test_round_fourteen_ordinary_causes_still_explain(text: str) -> None:
    assert _level(text) is not ScreenLevel.EMERGENCY


def test_round_fourteen_kin_with_my_is_another_adult() -> None:
    found = screening("omku gak bisa pipis dari pagi, pinggangnya sakit", "id")
    assert found.level is ScreenLevel.EMERGENCY
    assert found.experiencer is Experiencer.OTHER_ADULT


def test_round_fourteen_a_relatives_pregnancy_with_her_back_fine_is_news() -> None:
    text = "sepupuku lagi hamil 7 bulan, aman aja sih punggungnya katanya"
    assert _level(text) not in (ScreenLevel.EMERGENCY, ScreenLevel.SEE_DOCTOR)


def test_round_fourteen_a_new_leak_when_coughing_is_a_sign() -> None:
    assert _level("tiap batuk kencingnya keluar dikit, padahal sebelumnya gak pernah gitu") is (
        ScreenLevel.EMERGENCY
    )


@pytest.mark.parametrize(
    "text",
    [
        "tiap bersin pipis keluar dikit, dari dulu sih",
        "habis lahiran tiap ketawa pipis keluar, padahal dulu gak pernah",
    ],
)
def test_round_fourteen_an_old_or_postpartum_leak_when_sneezing_is_no_emergency(text: str) -> None:
    assert _level(text) is not ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # Ambon: both legs that cannot walk
        "nene bilang dia pung kaki dua-dua seng bisa bajalan",
        # Pontianak: tak bise kencing
        "kamek tak bise kencing dari pagi",
    ],
)
def test_round_fourteen_regional_malay_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "inaq saya di lombok gak bisa kencing dari kemarin",
        "uni saya pantatnya mati rasa sejak pagi",
    ],
)
def test_round_fourteen_sasak_and_minang_kin_are_another_adult(text: str) -> None:
    assert screening(text, "id").experiencer is Experiencer.OTHER_ADULT


def test_round_fourteen_tired_legs_worse_than_yesterday_are_no_emergency() -> None:
    assert _level("kaki lemes karena capek, lebih parah dari kemarin") is not ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # "tidak bisa jalan" with legs is the sign, not a vehicle that won't go
        "kedua kaki bapak saya tidak bisa jalan sejak subuh",
        "kaki aku dua-duanya ga bisa dipakai berjalan dari kemarin",
        # cannot walk NORMALLY: the "normal" is what was lost, no denial
        "kedua kakiku gak bisa jalan normal lagi sejak tadi pagi",
        # Sundanese: karaos (felt), kiih (pee), baal (numb), upami (if)
        "abdi teu karaos upami kiih ti kamari",
        "bujur abdi baal ti isuk, cangkeng nyeri",
        # waking from a dream ends the dream: the sign after it is now
        "ngimpi jatuh, pas bangun kedua kaki saya lumpuh",
        # not understanding why denies nothing
        "gak paham knp tiap kencing gak kerasa apa2 sejak kemarin",
        # a weak, broken stream
        "kencing saya alirannya putus-putus dari kemarin",
        "pipisnya keluar tapi pancarannya lemah banget sejak pinggang kejepit",
        # new wet underwear, spelt "dalam" as well as "dalem", never before
        "tiap bersin celana dalam jadi basah, sebelumnya gak pernah gini",
        # a day of standing work is no long sitting
        "gue kerja di gudang angkat paket seharian, sekarang pantat gue kesemutan terus",
        # a cause the writer mistook it for explains nothing
        "celana dalam basah terus dari pagi, kirain keringetan ternyata pipis netes sendiri",
    ],
)
def test_round_twenty_emergency_signs(text: str) -> None:
    assert _level(text) is ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a dream is no sign
        "semalem ngimpi kedua kaki aku lumpuh, untung cuma mimpi",
        "aku bermimpi gak bisa pipis, serem banget",
        # a work verb one letter from a sign word: "ngecor" (pouring concrete) is no "ngocor"
        "pinggang pegel habis ngecor dak seharian",
        # a vehicle that won't go
        "mobilnya tidak bisa jalan, kaki saya pegal nunggu derek",
    ],
)
def test_round_twenty_dreams_and_work_words_get_no_emergency(text: str) -> None:
    assert _level(text) is not ScreenLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # a count of weeks ago is a start: under 20 with new back pain
        "aku 16 th, pinggang sakit dari 5 hari yang lalu",
        # "dulunya gak ada" is new, not history; "ketauan" is no "ketahan"
        "ada benjolan keras di punggung yg dulunya gak ada, baru ketauan kemarin",
        # "agak mending" (a bit better) is no "mendiang" (the late)
        "punggung sakit terus tiap malam sampai kebangun, pagi agak mending",
    ],
)
def test_round_twenty_see_a_doctor_signs(text: str) -> None:
    assert _level(text) in (ScreenLevel.SEE_DOCTOR, ScreenLevel.EMERGENCY)


def test_round_twenty_a_drug_user_who_injects_and_a_glasses_wearer() -> None:
    assert _level("aku pemakai, dulu sering nyuntik, pinggang sakit") is ScreenLevel.SEE_DOCTOR
    assert _level("ibu saya pemakai kacamata, dulu disuntik vitamin") is ScreenLevel.NONE


def test_round_twenty_a_bad_back_is_not_being_unwell_and_a_coming_flu_is() -> None:
    assert _level("pinggang saya sakit parah dari kemarin") is not ScreenLevel.SEE_DOCTOR
    assert _level("badan rasanya gak enak semua kayak mau flu, punggung ngilu") is (
        ScreenLevel.SEE_DOCTOR
    )
