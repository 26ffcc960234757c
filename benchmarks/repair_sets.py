"""Clean and damaged article sets for the repair benchmark, from text written for copydesk.

Clean: the English articles of :mod:`tests.quality.corpus` (accents, curly quotes, dashes) and
articles in other scripts and accented languages assembled from the sentences below. Damaged:
the same articles, misread the way systems do it: every legacy codec pair (GBK, GB18030, Big5,
Shift-JIS, EUC-JP, EUC-KR, cp1251, KOI8-R bytes read as Latin-1 or cp1252) as whole texts and as
islands in English, and ftfy's classic case, UTF-8 read as cp1252 or Latin-1, whole or one line.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from agents.repair.legacy_tables import SCRIPT_OF
from tests.quality.corpus import build_corpus
from tests.quality.damage import misread

#: Invented news sentences per language; articles are drawn from them.
SENTENCES = {
    "zh-hans": [
        "市政府周三宣布，将在明年春季前完成港口扩建工程。",
        "受影响的居民将获得补贴，具体金额尚未公布。",
        "当地商会表示，扩建工程将为城市带来更多就业机会。",
        "一些渔民担心，新码头会影响附近海域的渔业资源。",
        "交通部门计划在工程期间调整部分公交线路。",
    ],
    "zh-hant": [
        "市政府週三宣布，將在明年春季前完成港口擴建工程。",
        "受影響的居民將獲得補貼，具體金額尚未公布。",
        "當地商會表示，擴建工程將為城市帶來更多就業機會。",
        "一些漁民擔心，新碼頭會影響附近海域的漁業資源。",
    ],
    "ja": [
        "市は水曜日、来年の春までに港の拡張工事を終えると発表した。",
        "影響を受ける住民には補助金が支給されるが、金額はまだ決まっていない。",
        "地元の商工会は、工事によって雇用が増えると期待している。",
        "一部の漁業者は、新しい岸壁が漁場に影響するのではないかと心配している。",
    ],
    "ko": [
        "시 정부는 수요일에 내년 봄까지 항구 확장 공사를 마치겠다고 밝혔다.",
        "영향을 받는 주민들은 보조금을 받게 되지만 금액은 아직 정해지지 않았다.",
        "지역 상공회의소는 공사로 일자리가 늘어날 것으로 기대한다.",
        "일부 어민들은 새 부두가 어장에 영향을 줄까 걱정하고 있다.",
    ],
    "ru": [
        "Городские власти в среду объявили, что закончат расширение порта до весны.",
        "Жители, которых затронет стройка, получат пособия, но их размер пока неизвестен.",
        "Местная торговая палата считает, что проект создаст новые рабочие места.",
        "Некоторые рыбаки опасаются, что новый причал повредит промыслу в заливе.",
        "«Мы будем следить за каждым этапом работ», — сказал представитель мэрии.",
    ],
    "el": [
        "Οι αρχές της πόλης ανακοίνωσαν την Τετάρτη την επέκταση του λιμανιού.",
        "Οι κάτοικοι που επηρεάζονται θα λάβουν επιδότηση.",
        "Ορισμένοι ψαράδες ανησυχούν για τη νέα προβλήτα.",
    ],
    "ar": [
        "أعلنت سلطات المدينة يوم الأربعاء توسيع الميناء قبل الربيع.",
        "سيحصل السكان المتضررون على إعانات لم يحدد مبلغها بعد.",
        "يخشى بعض الصيادين أن يضر الرصيف الجديد بمناطق الصيد.",
    ],
    "fr": [
        "La mairie a annoncé mercredi que l’agrandissement du port serait achevé avant l’été.",
        "« Ça ne changera rien pour nous », a déclaré un pêcheur, çà et là inquiet.",
        "Les élèves du lycée Émile-Zola ont visité le chantier à Besançon.",
        "Le député a rappelé que l’État participerait à hauteur de 40 %.",
    ],
    "de": [
        "Die Bürgermeisterin kündigte am Mittwoch die Erweiterung des Hafens an.",
        "Anwohner in der Großstraße erhalten Zuschüsse für Lärmschutzfenster.",
        "„Wir prüfen jede Äußerung der Fischer“, sagte ein Sprecher des Ministeriums.",
    ],
    "es-pt": [
        "El ayuntamiento anunció el miércoles la ampliación del puerto de Cádiz.",
        "¿Quién pagará las obras? Los vecinos de la calle Núñez exigen respuestas.",
        "A prefeitura de São João disse que as obras começarão em março.",
        "Os pescadores não estão satisfeitos com a decisão, segundo a associação.",
    ],
    "north": [
        "Borgarstjórinn í Reykjavík sagði að þú og ég fengjum svör á fimmtudag.",
        "Kommunen i Ærøskøbing vil udvide havnen før sommeren, siger borgmesteren.",
        "Hamnen i Göteborg byggs ut; arbetet väntas bli klart nästa år.",
    ],
    "central": [
        "Starosta Žiliny oznámil rozšíření přístavu; příliš mnoho otázek zůstává.",
        "Burmistrz Łodzi zapowiedział, że prace ruszą w październiku.",
        "İstanbul belediyesi limanın genişletileceğini açıkladı; işçiler çalışıyor.",
        "Thành phố Hà Nội cho biết công trình sẽ hoàn thành trước mùa xuân.",
    ],
}

#: Names quoted inside English copy, per script: the islands.
NAMES = {
    "zh-hans": ["港口管理局", "市商会", "渔业协会"],
    "zh-hant": ["港務管理局", "漁業協會"],
    "ja": ["港湾管理局", "みなと新聞", "漁業協同組合"],
    "ko": ["항만공사", "어민협회", "부산일보"],
    "ru": ["Известия", "Ведомости", "Морской порт", "Рыбаки Приморья"],
}


#: More names, for the Han islands set: Japanese kanji-only names and phrases with kana (in
#: EUC-JP, whose kanji bytes are all GBK hanzi bytes too), Chinese names in GBK.
HAN_NAMES = {
    "euc_jp": (
        "港湾管理局 漁業協同組合 東京都庁 大阪府警 日本経済新聞 朝日新聞 読売新聞 毎日新聞 "
        "京都大学 北海道新聞 名古屋市役所 福岡県警 横浜港 神戸製鋼 三菱商事 日本銀行 国土交通省 "
        "外務省 防衛省 総務省 文部科学省 厚生労働省 警視庁 海上保安庁 気象庁 東北電力 九州電力 "
        "沖縄県 広島市 長崎大学 早稲田大学 山田太郎 佐藤健 鈴木一郎 高橋直子 田中角栄 小泉純一郎 "
        "安倍晋三 岸田文雄 石破茂 菅義偉 中曽根康弘 豊田章男 任天堂 日立製作所 東芝 川崎重工 "
        "全日本空輸 日本航空 産経新聞 共同通信 時事通信 日本放送協会 自民党 公明党 立憲民主党 "
        "共産党 衆議院 参議院 最高裁判所 東京地検 大阪地裁 静岡県 鹿児島 函館 札幌市 仙台 "
        "新潟日報 信濃毎日新聞 中日新聞 西日本新聞 みなと新聞 ちば日報 しんぶん赤旗 よみうりランド"
    ).split(),
    "gbk": (
        "新华社 人民日报 中国日报 北京大学 清华大学 上海市政府 国务院 外交部 环球时报 南方周末 "
        "财新网 习近平 李克强 王毅 华为 腾讯 阿里巴巴 小米 比亚迪 深圳 广州日报 中央电视台 新京报 "
        "澎湃新闻 凤凰网 搜狐 网易 微博 百度 港口管理局 市商会 渔业协会 国家统计局 商务部 "
        "中国人民银行 解放军 全国人大 政协 香港 台湾 澳门 长江 黄河 重庆 天津 武汉 成都 杭州 南京 "
        "西安 郑州 长沙 沈阳 大连 青岛 厦门 福州 昆明 兰州 乌鲁木齐 拉萨 呼和浩特 联合早报 "
        "光明日报 经济日报 解放日报 文汇报 北京青年报 第一财经"
    ).split(),
}


@dataclass(frozen=True)
class Case:
    """One article: what the stage receives, and what a perfect repair gives back."""

    name: str
    text: str
    original: str


def clean_set(english: int = 150, per_language: int = 12, seed: int = 3) -> list[Case]:
    rng = random.Random(seed)
    cases = [Case(f"clean-en-{n}", text, text) for n, text in enumerate(_english(english))]
    for language in SENTENCES:
        for n in range(per_language):
            text = _article(language, rng)
            cases.append(Case(f"clean-{language}-{n}", text, text))
    return cases


def damaged_set(per_pair: int = 6, seed: int = 4) -> list[Case]:
    rng = random.Random(seed)
    english = _english(60)
    cases = []
    for codec, script in SCRIPT_OF.items():
        for read_as in ("latin-1", "cp1252"):
            for n in range(per_pair):
                original = _article(script, rng, codec)
                cases.append(
                    Case(
                        f"{codec}/{read_as}/whole-{n}", misread(original, codec, read_as), original
                    )
                )
                name = rng.choice(NAMES[script])
                host = rng.choice(english)
                lines = host.split("\n")
                at = rng.randrange(2, len(lines))
                lines.insert(at, f"The figures were first published by {name}, a local outlet.")
                original = "\n".join(lines)
                damaged = original.replace(name, misread(name, codec, read_as))
                cases.append(Case(f"{codec}/{read_as}/island-{n}", damaged, original))
    for read_as in ("latin-1", "cp1252"):
        for n in range(per_pair * 2):
            original = (
                rng.choice(english)
                if n % 2
                else _article(rng.choice(["fr", "de", "es-pt", "north"]), rng)
            )
            whole = misread(original, "utf-8", read_as)
            cases.append(Case(f"utf-8/{read_as}/whole-{n}", whole, original))
            lines = original.split("\n")
            at = max(range(len(lines)), key=lambda i: sum(not ch.isascii() for ch in lines[i]))
            lines[at] = misread(lines[at], "utf-8", read_as)
            cases.append(Case(f"utf-8/{read_as}/line-{n}", "\n".join(lines), original))
    return cases


def han_island_set() -> list[Case]:
    """Each name of :data:`HAN_NAMES` alone in an English sentence, read as Latin-1 and cp1252:
    where GBK and EUC-JP cannot be told apart by the page, only by the island itself."""
    cases = []
    for codec, names in HAN_NAMES.items():
        for read_as in ("latin-1", "cp1252"):
            for name in names:
                original = f"The figures were first published by {name}, a local outlet.\n"
                damaged = original.replace(name, misread(name, codec, read_as))
                cases.append(Case(f"names/{codec}/{read_as}-{name}", damaged, original))
    return cases


def _english(count: int) -> list[str]:
    """The clean English articles of the stage benchmark's corpus (its damaged ones left out)."""
    texts = []
    for article in build_corpus(count * 2):
        if article.value.startswith(b"{"):
            text = json.loads(article.value)["text"]
            if "â€" not in text and "&" not in text:
                texts.append(text)
    return texts[:count]


def _article(language: str, rng: random.Random, codec: str = "utf-8") -> str:
    """Sentences drawn from the language's table, those ``codec`` can hold (KOI8-R has no «»)."""
    sentences = [s for s in SENTENCES[language] if _holds(codec, s)]
    title = rng.choice(sentences).rstrip("。.")
    body = [rng.choice(sentences) for _ in range(rng.randint(6, 10))]
    return "\n\n".join([title, *body]) + "\n"


def _holds(codec: str, text: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


#: Newsroom copy in the two scripts whose real texts the structural scorer left broken: Traditional
#: Chinese as Taiwan and Hong Kong write it (「」 quotes, 臺, ASCII figures, list marks such as ▲
#: ※ ◎ ● ○) and Korean news with hanja in parentheses, hanja headline abbreviations (北, 美, 與野)
#: and list symbols (◎ ※ ▲ △ ○ ■ ·). Invented sentences, written for copydesk.
NEWS_SENTENCES = {
    "big5": [
        "行政院週四宣布，高雄港第二貨櫃中心擴建工程將延至明年第三季完工。",
        "交通部表示，工程經費約新臺幣120億元，其中三成由中央補助。",
        "港務公司發言人說：「我們會盡量降低對周邊居民的影響。」",
        "▲ 颱風過後，基隆港區的貨櫃堆場仍有積水。（記者林志明攝）",
        "立法會議員質疑，港府未有就填海計劃進行充分諮詢。",
        "漁民團體擔心，新碼頭會影響附近海域的漁獲量，要求政府提出補償方案。",
        "※ 本報記者陳美玲、黃建國綜合報導",
        "◎ 重點整理：一、工期延長；二、預算增加；三、交通管制時段調整。",
        "據氣象署預報，週末起東北季風增強，北部及東北部沿海將有局部短暫雨。",
        "消息人士透露，相關單位已於上月底完成環境影響評估的初審。",
        "● 管制路段：中山路至民族路，每日上午7時至下午5時。",
        "市議會昨日三讀通過《港區發展自治條例》，預計明年一月起施行。",
        "業者坦言，原物料價格上漲，加上缺工問題，使成本增加約一成五。",
        "香港特區政府發言人表示，會密切留意事態發展，並適時公布最新資料。",
        "○ 受影響的公車路線共有十二條，改道資訊請洽市府交通局。",
        "專家建議，政府應建立長期監測機制，避免類似事故再次發生。",
        "荷蘭籍船長范德·柏格說，港內航道狹窄，大型貨輪進出須格外小心。",
        "港務公司將導入AI智慧排程系統，盼提升裝卸效率兩成。",
    ],
    "euc_kr": [
        "정부(政府)는 30일 부산항(釜山港) 신항 확장 공사를 내년 봄까지 마치겠다고 밝혔다.",
        "해양수산부·국토교통부는 합동 브리핑에서 사업비가 약 2조 원에 이른다고 설명했다.",
        "◎ 주요 일정",
        "▲ 12월 2일 주민 설명회 ▲ 12월 16일 착공식 ▲ 내년 3월 1단계 준공",
        "※ 자세한 내용은 부산시 누리집에서 확인할 수 있다.",
        "○ 지원 대상: 공사 구간 인근 주민 및 어업인",
        "여야(與野)는 추경(追更) 예산안 처리를 두고 이견을 좁히지 못했다.",
        "北, 동해상으로 단거리 탄도미사일 발사…합참 “추가 도발 대비”",
        "한국은행(韓國銀行)은 기준금리를 연 3.25%로 동결했다.",
        "어민들은 “새 부두가 어장(漁場)에 피해를 줄까 걱정”이라고 말했다.",
        "美 대선 이후 환율(換率) 변동성이 커지면서 수출 기업들의 부담이 늘었다.",
        "시민단체 관계자는 “환경영향평가(環境影響評價)를 다시 해야 한다”고 주장했다.",
        "△ 항만 물동량 증가 △ 일자리 창출 △ 관광객 유입 등이 기대 효과로 꼽힌다.",
        "[부산=한빛통신] 김민수 기자 = 국회(國會)는 1일 본회의를 열어 법안 12건을 처리했다.",
        "中 경기 둔화(鈍化) 우려에 주가가 하락 마감했다.",
        "■ 시장 반응",
        "與 “민생 예산 우선”…野 “졸속 심사 안 돼”",
        "항만공사 측은 ‘안전 점검’을 이유로 야간 작업을 중단했다.",
    ],
}

#: Names, headings and notices quoted inside English copy: the islands.
NEWS_ISLANDS = {
    "big5": [
        "中央通訊社", "聯合報", "自由時報", "港務公司", "行政院", "立法會", "臺北市政府",
        "高雄港", "香港電台", "明報", "衛生福利部", "中央氣象署", "「港口擴建延後」",
        "《港區發展自治條例》", "※ 本報訊", "▲ 基隆港", "經濟部、交通部", "東方日報",
    ],
    "euc_kr": [
        "부산항만공사", "한국은행(韓國銀行)", "국회(國會)", "해양수산부", "北 외무성",
        "與野 원내대표", "※ 잠정 집계", "◎ 긴급 공지", "▲ 주요 일정", "한빛일보(韓光日報)",
        "서울시청(市廳)", "대한상공회의소", "어업협동조합(漁協)", "통계청·한국은행",
        "○ 신청 기간", "환율(換率)", "■ 알림", "부산시의회",
    ],
}  # fmt: skip

#: A second batch, written after the scorer moved to real frequencies and never tuned on: its
#: first-run figures are its measure (``docs/benchmarks.md``).
NEWS_SENTENCES_2 = {
    "big5": [
        "臺北地方法院今日宣判，前董事長因背信罪被判處有期徒刑四年。",
        "▲ 選前最後一個週末，各黨候選人全力衝刺。（圖／本報資料照）",
        "中央銀行理監事會決議維持利率不變，符合市場預期。",
        "※ 颱風警報期間，各縣市停班停課訊息以人事行政總處公告為準。",
        "棒球隊昨晚以3比2逆轉勝，隊長賽後說：「全隊都沒有放棄。」",
        "◎ 今日焦點：油價連三漲、房市交易量創新低、股市收黑。",
        "衛生局提醒，流感疫苗仍有剩餘，民眾可至各地衛生所接種。",
        "● 活動時間：每週六上午9時至12時，地點為市立圖書館三樓。",
        "議員在質詢時指出，捷運延伸線工程已落後進度近一年。",
        "香港立法會選舉投票率偏低，學者認為選民對政治感到冷淡。",
    ],
    "euc_kr": [
        "서울중앙지법은 전 회장에게 배임(背任) 혐의로 징역 4년을 선고했다.",
        "▲ 선거 전 마지막 주말, 각 당 후보들이 총력전을 펼쳤다.",
        "한국은행 금융통화위원회는 기준금리를 동결(凍結)했다.",
        "※ 태풍 경보 기간 중 휴교 여부는 교육청 공지를 따른다.",
        "野, 예산안 단독 처리 비판…與 “국정 발목 잡기”",
        "◎ 오늘의 주요 뉴스",
        "○ 접수 기간: 12월 1일부터 15일까지",
        "日 정부는 수출 규제(規制) 완화 방침을 발표했다.",
        "보건당국은 독감 예방접종을 서둘러 달라고 당부했다.",
        "△ 유가 상승 △ 부동산 거래 감소 △ 증시 약세가 겹쳤다.",
    ],
}
NEWS_ISLANDS_2 = {
    "big5": [
        "臺北地方法院", "中央銀行", "人事行政總處", "市立圖書館", "※ 本報訊", "◎ 今日焦點",
        "「全隊都沒有放棄」", "捷運延伸線", "香港立法會", "▲ 圖／本報資料照",
    ],
    "euc_kr": [
        "서울중앙지법", "금융통화위원회", "동결(凍結)", "배임(背任)", "※ 휴교 안내",
        "◎ 주요 뉴스", "日 정부", "野 원내대표", "보건당국", "△ 유가 상승",
    ],
}  # fmt: skip

#: English sentences an island is quoted in.
_ISLAND_FRAMES = [
    "The figures were first published by {}, a local outlet.",
    "Local reports (in the original: {}) said the work would take a year.",
    "A sign reading {} hung at the harbour gate on Monday.",
]


def news_set(per_kind: int = 12, seed: int = 5, batch: int = 1) -> list[Case]:
    """Big5 and EUC-KR newsroom copy (:data:`NEWS_SENTENCES`, or the second batch): ``per_kind``
    whole articles, and every island of :data:`NEWS_ISLANDS` (or the second batch's) in an
    English article, each read as Latin-1 and cp1252."""
    rng = random.Random(seed)
    english = _english(60)
    sentence_sets, island_sets = (
        (NEWS_SENTENCES, NEWS_ISLANDS) if batch == 1 else (NEWS_SENTENCES_2, NEWS_ISLANDS_2)
    )
    prefix = "news" if batch == 1 else f"news{batch}"
    cases = []
    for codec, sentences in sentence_sets.items():
        for read_as in ("latin-1", "cp1252"):
            for n in range(per_kind):
                title = rng.choice(sentences).rstrip("。.")
                body = [rng.choice(sentences) for _ in range(rng.randint(6, 10))]
                original = "\n\n".join([title, *body]) + "\n"
                damaged = misread(original, codec, read_as)
                cases.append(Case(f"{prefix}/{codec}/{read_as}/whole-{n}", damaged, original))
            for n, name in enumerate(island_sets[codec]):
                lines = rng.choice(english).split("\n")
                lines.insert(rng.randrange(2, len(lines)), rng.choice(_ISLAND_FRAMES).format(name))
                original = "\n".join(lines)
                damaged = original.replace(name, misread(name, codec, read_as))
                cases.append(Case(f"{prefix}/{codec}/{read_as}/island-{n}", damaged, original))
    return cases
