"""Legacy-codec mojibake: every codec pair repaired, whole texts and islands in English, and
correct text (non-Latin scripts, accented Latin in many languages) never touched.

All texts are written for these tests and damaged here, the way a system does it: bytes in one
codec read as Latin-1, or as cp1252 (whose five undefined bytes come through as C1 controls).
"""

from __future__ import annotations

import pytest

from agents.repair.stage import repair_text
from tests.helpers import assert_spans
from tests.quality.damage import misread

#: One invented news sentence per script, long enough to be a whole text.
WHOLE = {
    "gbk": "市政府周三宣布，将在明年春季前完成港口扩建工程，并为受影响的居民提供补贴。",
    "gb18030": "市政府周三宣布，将在明年春季前完成港口扩建工程，并为受影响的居民提供补贴。😀",
    "big5": "市政府週三宣布，將在明年春季前完成港口擴建工程，並為受影響的居民提供補貼。",
    "shift_jis": "市は水曜日、来年の春までに港の拡張工事を終えると発表し、住民に補助金を出す。",
    "euc_jp": "市は水曜日、来年の春までに港の拡張工事を終えると発表し、住民に補助金を出す。",
    "euc_kr": "시 정부는 수요일에 항구 확장 공사를 마치겠다고 밝혔다. "
              "많은 주민이 발표문을 읽었지만 걱정은 없다고 했다.",
    "cp1251": "Городские власти в среду объявили, что закончат расширение порта до весны.",
    "koi8_r": "Городские власти в среду объявили, что закончат расширение порта до весны.",
}  # fmt: skip

#: Names and short phrases quoted inside English copy.
ISLANDS = {
    "gbk": "港口管理局",
    "gb18030": "港口管理局",
    "big5": "港務管理局",
    "shift_jis": "港湾管理局",
    "euc_jp": "みなと新聞",
    "euc_kr": "항만공사",
    "cp1251": "Известия",
    "koi8_r": "Ведомости",
}


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
@pytest.mark.parametrize("codec", sorted(WHOLE))
def test_legacy_mojibake_whole_text_is_restored_and_reported(codec: str, read_as: str) -> None:
    original = WHOLE[codec] + "\n" + WHOLE[codec] + "\n"
    damaged = misread(original, codec, read_as)
    fixed, repairs = repair_text(damaged)
    assert fixed == original
    # One report per line: a line's islands with only spaces and punctuation between are one.
    assert [r["kind"] for r in repairs] == ["legacy_mojibake"] * 2
    # GB2312 text is the same bytes in GBK and GB18030: the commoner name is given.
    named = "gbk" if codec == "gb18030" and "😀" not in original else codec
    assert {r["codec"].split(" read as ")[0] for r in repairs} == {named}
    assert_spans(damaged, fixed, repairs)


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
@pytest.mark.parametrize("codec", sorted(ISLANDS))
def test_legacy_mojibake_island_in_english_is_restored_alone(codec: str, read_as: str) -> None:
    original = (
        f"The harbour board, known locally as {ISLANDS[codec]}, said the café would reopen.\n"
        "Its naïve plan was dropped.\n"
    )
    damaged = original.replace(ISLANDS[codec], misread(ISLANDS[codec], codec, read_as))
    fixed, repairs = repair_text(damaged)
    assert fixed == original
    (repair,) = repairs
    assert repair["kind"] == "legacy_mojibake" and repair["after"] == ISLANDS[codec]
    # Latin-1 and cp1252 read 0xA0-0xFF alike: only cp1252's typography shows which it was.
    shown = "cp1252" if any(ord(ch) > 0xFF for ch in damaged) else "latin-1"
    assert repair["codec"] == f"{'gbk' if codec == 'gb18030' else codec} read as {shown}"
    assert_spans(damaged, fixed, repairs)


def test_legacy_mojibake_lone_short_island_needs_the_page_to_vouch_for_it() -> None:
    # One hanzi from two bytes is no evidence alone; beside a confident GBK island it is.
    lone = misread("听", "gbk", "latin-1")
    assert repair_text(f"Furniture line\n{lone}\n") == (f"Furniture line\n{lone}\n", [])
    page = f"{misread('港口管理局', 'gbk', 'latin-1')}\nThe harbour reopened.\n{lone}\n"
    fixed, repairs = repair_text(page)
    assert fixed == "港口管理局\nThe harbour reopened.\n听\n"
    assert [r["codec"] for r in repairs] == ["gbk read as latin-1"] * 2


#: Newsroom copy as Taiwan and Hong Kong papers write Traditional Chinese (「」 quotes, list marks
#: ▲ ※ ◎ ● before captions, notes and items) and Korean papers write Korean (hanja glossing a
#: word in parentheses or abbreviating a country in a headline, list marks ◎ ▲ △ ○ ※ ■).
NEWS = {
    "big5": "▲ 颱風過後，基隆港區的堆場仍有積水。（記者林志明攝）\n"
            "※ 本報記者綜合報導\n"
            "◎ 重點整理：一、工期延長；二、預算增加。\n"
            "港府發言人說：「工程將延至明年第三季完工。」\n"
            "● 管制路段：中山路至民族路，每日上午7時至下午5時。\n",
    "euc_kr": "◎ 주요 일정\n"
              "▲ 12월 2일 주민 설명회 △ 12월 16일 착공식\n"
              "北, 동해상으로 미사일 발사…합참 “추가 도발 대비”\n"
              "한국은행(韓國銀行)은 기준금리를 동결했다.\n"
              "○ 지원 대상: 인근 주민 및 어업인 ※ 자료: 해양수산부·국회(國會)\n",
}  # fmt: skip
#: Headings, notices and glossed names quoted inside English copy.
NEWS_ISLANDS = [
    ("big5", "※ 本報訊"),
    ("big5", "「港口擴建延後」"),
    ("big5", "▲ 基隆港"),
    ("euc_kr", "▲ 주요 일정"),
    ("euc_kr", "국회(國會)"),
    ("euc_kr", "北 외무성"),
    ("euc_kr", "■ 알림"),
]


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
@pytest.mark.parametrize("codec", sorted(NEWS))
def test_legacy_mojibake_news_with_list_marks_and_hanja_is_restored(
    codec: str, read_as: str
) -> None:
    damaged = misread(NEWS[codec], codec, read_as)
    fixed, repairs = repair_text(damaged)
    assert fixed == NEWS[codec]
    assert {r["codec"].split(" read as ")[0] for r in repairs} == {codec}
    assert_spans(damaged, fixed, repairs)


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
@pytest.mark.parametrize(("codec", "island"), NEWS_ISLANDS)
def test_legacy_mojibake_news_island_in_english_is_restored(
    codec: str, island: str, read_as: str
) -> None:
    original = f"A sign reading {island} hung at the harbour gate on Monday.\n"
    damaged = original.replace(island, misread(island, codec, read_as))
    fixed, repairs = repair_text(damaged)
    assert fixed == original
    assert {r["codec"].split(" read as ")[0] for r in repairs} == {codec}
    assert_spans(damaged, fixed, repairs)


CORRECT_SCRIPTS = [
    "市政府周三宣布，将在明年春季前完成港口扩建工程。",
    "市政府週三宣布，將在明年春季前完成港口擴建工程。",
    "市は水曜日、港の拡張工事を終えると発表した。ｶﾀｶﾅ",
    "시 정부는 수요일에 항구 확장 공사를 마치겠다고 밝혔다.",
    "Городские власти объявили о расширении порта. ПОРТ ОТКРЫТ.",
    "Οι αρχές της πόλης ανακοίνωσαν την επέκταση του λιμανιού.",
    "أعلنت سلطات المدينة توسيع الميناء قبل الربيع.",
    "רשויות העיר הודיעו על הרחבת הנמל.",
    "เมืองประกาศขยายท่าเรือ\u200bก่อนฤดูใบไม้ผลิ",
    "नगर प्रशासन ने बंदरगाह के विस्तार की घोषणा की।",
    "Port reopens 🎉🚢 👩‍👩‍👧 flags 🇵🇹🇯🇵",
    "Giá cà phê ở Hà Nội tăng; người dân Việt Nam lo ngại.",
]

#: Accented Latin in many languages, in lower case, capitals and all caps, next to typography.
ACCENTED = [
    "Le ministre a déjà prévu l’été à Besançon; « Ça », dit-il, « c’est là où çà et là ».",
    "ÇÀ ET LÀ, L’ÉTÉ À PARIS, ÉLÈVE, DÉJÀ VU, ÊTRE OU NE PAS ÊTRE, NOËL, OÙ ?",
    "Die Bürgermeisterin äußerte sich über Öl, Straßen und Übergänge; GRÖßE UND ÄRGER.",
    "El niño comió piñas en Cádiz; ¿Qué pasó? ¡Ñandú! AÑO, ÁFRICA, ÚLTIMO.",
    "A população de São João não está à espera; ações, corações, MÃE, IRMÃ, PÃO.",
    "Perché è già così? Più caffè, città, virtù; È VERO, PERCHÉ.",
    "L’àvia va dir què farà: això és col·lecció d’aigües.",
    "Þórólfur fór til Reykjavíkur; þú og ég, Þó, æði, ÞÚ ÆTLAR, Ísafjörður.",
    "Ærøskøbing og Århus; søster, blåbær, ØL, ÅR, ÆBLE; Malmö, Göteborg, Åsa.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy; Škoda, Žilina, Ýpsilon, ý.",
    "Łódź i Kraków: góra, ósmy, móc; Öt szép szűz lány őrült írót nyúz; Gödöllő.",
    "İstanbul’da çay, şeker, ölçü, güneş; Türkçe ÇİÇEK; Brașov și Timișoara.",
    "Naïve coöperation, façade, Zoë, Brontë, Citroën, résumé, café crème, piñata.",
    "Ìo e tu, così; Ìsola; «Ìndice», Mùsica, Ýmir and Ódinn, Ñuñoa, Óbuda.",
    "Prices: 5 °C, 12 µg, 3½ %, 2² m², £40, €5, ¥300, 1ª e 2º, N° 5, ±0.5, 7 × 3.",
    "Søren Kierkegaard’s “Enten–Eller” — or “Either/Or” — in 1843…",
]


@pytest.mark.parametrize("text", CORRECT_SCRIPTS + ACCENTED + list(NEWS.values()))
def test_legacy_mojibake_leaves_correct_text_alone(text: str) -> None:
    assert repair_text(text + "\n") == (text + "\n", [])


def test_legacy_mojibake_page_codec_does_not_spill_into_latin_lines() -> None:
    # A confident GBK island does not license reading French all caps ("ÇÀ" is a GBK hanzi).
    page = misread("港口管理局", "gbk", "latin-1") + "\n" + "\n".join(ACCENTED) + "\n"
    fixed, repairs = repair_text(page)
    assert fixed == "港口管理局\n" + "\n".join(ACCENTED) + "\n"
    assert len(repairs) == 1


#: Japanese names of kanji alone, as English copy quotes them. Every JIS level-1 byte pair is a
#: GB 2312 level-1 one too, so their EUC-JP bytes always read as plausible GBK hanzi as well:
#: only real frequencies tell them apart (the kanji make Japanese words, the hanzi none).
KANJI_NAMES = ["港湾管理局", "漁業協同組合", "東京都庁", "日本経済新聞", "国土交通省", "最高裁判所"]
#: The 22 names of the repair benchmark that the structural scorer turned into wrong hanzi (GBK,
#: or for 任天堂 UTF-8 by chance): the seed's GBK site name had the same structural profile.
KANJI_NAMES_ONCE_READ_AS_GBK = (
    "大阪府警 神戸製鋼 防衛省 文部科学省 九州電力 広島市 長崎大学 鈴木一郎 小泉純一郎 岸田文雄 "
    "石破茂 豊田章男 任天堂 時事通信 自民党 公明党 立憲民主党 共産党 大阪地裁 札幌市 新潟日報 "
    "西日本新聞"
).split()
#: Of those, the two whose misreading in another script is nearly as likely, alone on the page:
#: 神戸製鋼 in EUC-KR holds the word 음반, 石破茂 in cp1251 is the capitals АРЗЛМР. Left alone.
KANJI_NAMES_HELD = {"神戸製鋼", "石破茂"}
#: Japanese with kana: only EUC-JP reads them typically (kana are the same bytes in GBK).
KANA_ISLANDS = ["みなと新聞", "しんぶん赤旗", "よみうりランド", "ちば日報"]
#: Chinese names in GBK, repaired on their own, whatever their EUC-JP reading.
HANZI_NAMES = ["港口管理局", "新华社", "人民日报", "国务院", "市商会", "渔业协会", "中央电视台"]


def _in_english(name: str) -> str:
    return f"The figures were first published by {name}, a local outlet.\n"


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
@pytest.mark.parametrize("name", KANJI_NAMES)
def test_legacy_mojibake_kanji_island_alone_is_read_as_japanese(name: str, read_as: str) -> None:
    original = _in_english(name)
    damaged = original.replace(name, misread(name, "euc_jp", read_as))
    fixed, repairs = repair_text(damaged)
    assert fixed == original
    assert [r["codec"].split(" read as ")[0] for r in repairs] == ["euc_jp"]


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
@pytest.mark.parametrize("name", KANJI_NAMES_ONCE_READ_AS_GBK)
def test_legacy_mojibake_kanji_name_is_never_turned_into_hanzi(name: str, read_as: str) -> None:
    original = _in_english(name)
    damaged = original.replace(name, misread(name, "euc_jp", read_as))
    fixed, repairs = repair_text(damaged)
    if name in KANJI_NAMES_HELD:
        # Held whole: ftfy does not take a few of its bytes for UTF-8 either.
        assert (fixed, repairs) == (damaged, [])
    else:
        assert fixed == original
        assert {r["codec"].split(" read as ")[0] for r in repairs} == {"euc_jp"}


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
@pytest.mark.parametrize("name", KANA_ISLANDS)
def test_legacy_mojibake_japanese_island_with_kana_is_restored(name: str, read_as: str) -> None:
    original = _in_english(name)
    fixed, repairs = repair_text(original.replace(name, misread(name, "euc_jp", read_as)))
    assert fixed == original
    assert [r["codec"].split(" read as ")[0] for r in repairs] == ["euc_jp"]


def test_legacy_mojibake_kana_on_the_page_settle_its_kanji_islands() -> None:
    # Kana prove Japanese, so the page's kana decide its kanji runs, those alone held (石破茂,
    # whose cp1251 reading is nearly as likely) and those read as Japanese anyway (広島市).
    names = ["石破茂", "みなと新聞", "広島市"]
    original = (
        f"The report by {names[0]} was quoted widely.\nLater {names[1]} said more.\n"
        f"The mayor of {names[2]} agreed.\n"
    )
    damaged = original
    for name in names:
        damaged = damaged.replace(name, misread(name, "euc_jp", "latin-1"))
    fixed, repairs = repair_text(damaged)
    assert fixed == original
    assert {r["codec"] for r in repairs} == {"euc_jp read as latin-1"}
    assert_spans(damaged, fixed, repairs)


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
@pytest.mark.parametrize("name", HANZI_NAMES)
def test_legacy_mojibake_hanzi_island_in_english_is_still_restored(name: str, read_as: str) -> None:
    original = _in_english(name)
    fixed, repairs = repair_text(original.replace(name, misread(name, "gbk", read_as)))
    assert fixed == original
    assert [r["codec"].split(" read as ")[0] for r in repairs] == ["gbk"]


@pytest.mark.parametrize(
    ("name", "codec"), [("唯一", "gbk"), ("一台", "gbk"), ("任天堂", "euc_jp")]
)
def test_legacy_mojibake_island_valid_as_utf8_by_chance_is_still_restored(
    name: str, codec: str
) -> None:
    # Their bytes are valid UTF-8 too, but read so they are no text anyone writes (Ψһ: Greek and
    # Cyrillic; һ̨: an ogonek on a Cyrillic letter; ǤŷƲ): not ftfy's to decode.
    original = _in_english(name)
    fixed, repairs = repair_text(original.replace(name, misread(name, codec, "latin-1")))
    assert fixed == original
    assert [r["codec"] for r in repairs] == [f"{codec} read as latin-1"]


def test_legacy_mojibake_gbk_islands_on_the_page_vouch_for_an_ambiguous_one() -> None:
    # 具备 ("to possess") alone reads nearly as well in EUC-KR (야구, "baseball"): left alone;
    # beside GBK islands, GBK.
    lone = _in_english(misread("具备", "gbk", "latin-1"))
    assert repair_text(lone) == (lone, [])
    original = "Reports by 新华社 and 人民日报 said it was 具备.\n"
    damaged = original
    for name in ("新华社", "人民日报", "具备"):
        damaged = damaged.replace(name, misread(name, "gbk", "latin-1"))
    assert repair_text(damaged)[0] == original


@pytest.mark.parametrize(
    "text",
    [
        "東京都庁の発表によると、港湾管理局は来年の工事を決めた。",
        "The 港湾管理局 and the 漁業協同組合 met on Tuesday; 広島市 joined them.",
        "新华社报道，港口管理局将在明年完成工程。",
        "込み合う駅で気を付けて、働く人の図を転送した。",
    ],
)
def test_legacy_mojibake_leaves_correct_han_text_alone(text: str) -> None:
    assert repair_text(text + "\n") == (text + "\n", [])


def test_legacy_mojibake_fast_path_gives_the_slow_paths_output_on_held_islands() -> None:
    from agents.repair.stage import _repair_lines

    for name in KANJI_NAMES + KANJI_NAMES_ONCE_READ_AS_GBK + KANA_ISLANDS:
        for read_as in ("latin-1", "cp1252"):
            text = _in_english(misread(name, "euc_jp", read_as)) + "Caf\u00c3\u00a9 prices rose.\n"
            fast = _repair_lines(text, markup=False, fast=True)
            assert fast == _repair_lines(text, markup=False, fast=False)
            assert fast[0].endswith("Café prices rose.\n")  # ftfy still fixes other lines
