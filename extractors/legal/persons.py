"""PERSON: named people, found by name shape (Slavic name + patronymic, surname + initials) and by
the titles and roles that introduce them in each language (Sayın, آقای, المتهم, 被告人, ciudadano).

Each person keeps the original script and gets a transliteration and, when the wording says so,
a role: ``target`` (summoned, accused, suspect) or ``official`` (judge, investigator, prosecutor).
"""

from __future__ import annotations

import re

from evidence.extractors.legal.spans import Candidate
from evidence.extractors.legal.translit import transliterate

_CYR_UP = "А-ЯЁІЇЄЎҐ"
_CYR_LOW = "а-яёіїєўґ'’"
_CAP = rf"[{_CYR_UP}][{_CYR_LOW}]+(?:-[{_CYR_UP}][{_CYR_LOW}]+)?"
_PATRONYMIC_ENDINGS = "ович|евич|йович|ьович|овн|евн|ич|ичн|авіч|евіч|овіч|аўн|еўн|івн|ївн"
_PATRONYMIC = rf"[{_CYR_UP}][{_CYR_LOW}]+?(?:{_PATRONYMIC_ENDINGS})[{_CYR_LOW}]{{0,3}}"
_INIT = rf"[{_CYR_UP}]\.[ ]?"
_LAT_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-Za-zà-ÿ]+)?"
_TR_CAP = r"[A-ZÇĞİÖŞÜ][a-zçğıöşü]+"
# given names, then the surname as Turkish papers print it, often in capitals: "Elif Su TANRIVERDİ"
_TR_NAME = rf"{_TR_CAP}(?:[ \t]+{_TR_CAP}){{0,2}}(?:[ \t]+[A-ZÇĞİÖŞÜ]{{2,}}(?![a-zçğıöşü]))?"
# a Latin-script name word, capitalised or (a surname) in capitals: "Nabil MEKKI", "Lamia OUALI"
_LAT_WORD = rf"(?:{_LAT_CAP}|[A-ZÀ-ÖØ-Þ]{{2,}}(?:-[A-ZÀ-ÖØ-Þ]{{2,}})?(?![a-zà-ÿ]))"
_FA_WORD = r"[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u06C0\u200c]+"
_FA_STOP = {
    "فرزند",
    "متولد",
    "با",
    "ساکن",
    "دایر",
    "به",
    "در",
    "از",
    "که",
    "و",
    "متهم",
    "بازپرس",
    "شعبه",
    "دادسرای",
    "والدته",
    "المولود",
    "المقيم",
    "في",
    "رئيس",
    "تولد",
    "الساكن",
    "عن",
    "بتاريخ",
    "من",
    "منذ",
    "إلى",
    "على",
    "قاضي",
    "وكيل",
    "المحامي",
    "مدير",
    "المحترم",
    "المحترمة",
    "رقم",
}
_ES_PARTICLES = {"de", "del", "la", "las", "los", "y"}

_TARGET_CUES = re.compile(
    r"гражданин|гражданк|громадян|грамадзян|подозреваем|обвиняем|обвиняем|підозрюван|абвінавачан|задержанн|"
    r"sayın|şüpheli|sanık|آقای|خانم|متهم|المتهم|السيد|الخائن|被传唤人|被告人|犯罪嫌疑人|ciudadan|acusad|imputad|"
    r"monsieur|madame|\bmme\b|\bm\.|citizen|\bto\b|\bmr\b|\bmrs\b|\bms\b|accusé|inculpé|against",
    re.IGNORECASE,
)
_OFFICIAL_CUES = re.compile(
    r"судья|суддзі|суддя|суддзя|следовател|следчы|следчага|слідч|прокурор|помощник|секретар|адвокат|защитник|"
    r"захисник|абвінаваўц|hakim|savcı|av\.|بازپرس|رئیس|قاضی|دادیار|رئيس|قاضي|نحن|检察员|审判长|审判员|书记员|"
    r"abg\.|lic\.|dra?\.|fiscal|juez|jueza|secretari|juge|procureur|magistrate|investigator|judge|prosecutor|"
    r"капитан|майор|лейтенант|подполковник|падпалкоўнік|старшы|слідчий",
    re.IGNORECASE,
)


# Role nouns that stand capitalised before a signature's initials, never surnames
_ROLE_NOUN = re.compile(
    r"(?:Следовател|Следчы|Слідч|Дознавател|Суд(?:ья|ьи)|Судд[зя]|Защитник|Захисник|Абаронц|Адвокат|Прокурор|Пракурор|"
    r"Помощник|Секретар|Подозреваем|Падазрава|Підозрюван|Обвиняем|Абвінавачан|Обвинувачен|Начальник|Инспектор|"
    r"Оперуполномоченн|Понят|Свидетел|Сведк|Свідок|Потерпевш)[а-яёіїєў]*\s",
)


def _cyrillic_patterns() -> list[re.Pattern[str]]:
    return [
        re.compile(rf"(?<![{_CYR_UP}{_CYR_LOW}]){_CAP}\s+{_CAP}\s+{_PATRONYMIC}(?![{_CYR_LOW}])"),
        re.compile(rf"(?<![{_CYR_UP}{_CYR_LOW}.]){_CAP}[ ]{{1,2}}{_INIT}{_INIT}?(?=[\s,;.)]|$)"),
        re.compile(rf"(?<![{_CYR_UP}{_CYR_LOW}]){_INIT}{_INIT}?{_CAP}(?![{_CYR_LOW}])"),
        re.compile(rf"^(?P<name>{_CAP}[ ]{_CAP})[!,]", re.MULTILINE),  # a threat's opening vocative
        re.compile(rf"(?:Тебе|Тобі|Вам),\s+(?P<name>{_CAP})(?=,)"),
    ]


_LATIN_PATTERNS = [
    re.compile(rf"\b{_LAT_CAP}\s+{_LAT_CAP}(?:ovitch|ovich|evich|evitch|ovna|evna|ovych|ivna)\s+{_LAT_CAP}"),
    re.compile(rf"(?<![\w.])[A-Z]\.\s[A-Z]\.\s{_LAT_CAP}(?!\.\w)"),
    re.compile(r"\b[A-Z]{2,}\s+[A-Z][a-z]+-[a-z]+\b"),  # Hong Kong romanisation: "CHAN Ka-wai"
    re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+-[a-z]+\b"),  # "Lee Siu-ming"
]

_TITLE_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "tr": [
        re.compile(
            rf"(?:Sayın|Şüpheli|ŞÜPHELİ|Sanık|SANIK|HAKİM|Hakim|Av\.|Adı\s+Soyadı|ADI\s+SOYADI)"
            rf"[ \t]*:?[ \t]*(?P<name>{_TR_NAME})"
        ),
        re.compile(rf"(?:Cumhuriyet\s+Savcısı|Hakim|Başkan|Üye)[ \t]*\n[ \t]*(?P<name>{_TR_NAME})"),
    ],
    "fa": [
        re.compile(rf"(?:آقای|خانم)\s+(?P<name>{_FA_WORD}(?:[ \t]+{_FA_WORD}){{1,3}})"),
        re.compile(
            rf"^(?:بازپرس|رئیس|قاضی|دادیار|دادستان)[^\n]*?[–-]\s*(?P<name>{_FA_WORD}\s+{_FA_WORD})\s*$", re.MULTILINE
        ),
        re.compile(rf"^(?:بازپرس|رئیس|قاضی|دادیار)[^\n]*\n\s*(?P<name>{_FA_WORD}\s+{_FA_WORD})\s*$", re.MULTILINE),
    ],
    "ar": [
        re.compile(
            rf"(?:المتهمة?\s*[/:]|السيدة?\s*:|إلى\s+السيدة?\s*:?|نحن\s*،|الخائن|الخاين|المدعو|المدعوة|المكرمة?\s*/|الاسم\s*:|"
            rf"تتهم\s+النيابة\s+العامة\s*:|(?:رئيس|وكيل)\s+النيابة\s*:|قاضي\s+التحقيق\s*:|المحقق\s*:|"
            rf"نحن|المستشار\s*/?|(?:بحق|ضد)\s+المدعى\s+عليها?|(?:^|[ \t])[0-9٠-٩]{{1,2}}\s*[-–])\s*"
            rf"(?P<name>{_FA_WORD}(?:[ \t]+{_FA_WORD}){{1,4}})",
            re.MULTILINE,
        ),
        # a signature under the signer's office: "قاضي الإحالة\nرامي حسن الخطيب"
        re.compile(
            rf"^(?:قاضي|رئيس|وكيل|المحامي\s+العام|مدير)[^\n]{{0,30}}\n[ \t]*"
            rf"(?P<name>{_FA_WORD}(?:[ \t]+{_FA_WORD}){{1,3}})\s*$",
            re.MULTILINE,
        ),
    ],
    "zh": [
        re.compile(
            # roles, also letter-spaced in a judgment's signature block ("审　判　长　　陈国平")
            r"(?:被传唤人|被告人|犯罪嫌疑人|被拘留人|被取保候审人|检察员|审[\s　]*判[\s　]*长|审[\s　]*判[\s　]*员|"
            r"书[\s　]*记[\s　]*员|人民陪审员|辩护人|辩护律师|民警|办案民警|侦查员|姓名)[：:\s　]*"
            # not the words that follow a role ("辩护人的意见", "辩护人提出")
            r"(?![的及和与对在提认向并称表])(?P<name>[\u4e00-\u9fff]{2,4}?)"
            r"(?=[，,。：:\s　、（(]|涉嫌|的|犯|为|于|因|$)"
        ),
        # a list after such a role: "办案民警：刘振、王思远"
        re.compile(
            r"(?:民警|侦查员|审判员|人民陪审员|辩护人)[：:][\u4e00-\u9fff]{2,3}、"
            r"(?P<name>[\u4e00-\u9fff]{2,3})(?=[，,。\s　、]|$)"
        ),
        re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3})[：:]\s*$", re.MULTILINE),
        re.compile(r"的\s*(?P<name>[\u4e00-\u9fff]{2,3})(?=于\d|\s*刑事拘留|\s*执行逮捕)"),
        # Uyghur, Tibetan and other transcribed names join their parts with a middle dot
        re.compile(r"(?P<name>(?:(?![的罪将对和与及在是为被于人])[\u4e00-\u9fff]){2,6}[·•・][\u4e00-\u9fff]{2,6})"),
    ],
    "es": [
        re.compile(
            r"(?:ciudadan[oa]s?|Ciudadan[oa]s?|acusad[oa]s?|imputad[oa]s?|Abg\.|ABG\.|Lic\.|Dra?\.|Licda?\.|"
            r"\bjuez[a]?|\bYo,|\ben\s+contra\s+de|\babogad[oa]|Instructor(?:a)?(?:\s+Penal)?"
            # ranks before a name: "Instructor Penal Primer Teniente Osvaldo Ferrer Díaz"
            r"(?:\s+(?:Primer|Segundo)?\s*(?:Teniente|Capitán|Mayor|Coronel|Sargento|Subteniente|Inspector|Comisario))?)"
            r"(?:\([oa]s?\))?\s*:?\s*"
            r"(?P<name>(?:[A-ZÁÉÍÓÚÑÜ]{2,}(?:[ \t]+|(?=[,;)\n])|$)){2,5}"
            r"|[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[ \t]+(?:de[ \t]+|del[ \t]+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+){1,3})"
            # a second accused joined by "y": "YOANDRY PUPO ÁVILA y MAIKEL RICARDO LEYVA"
            r"(?:[ \t]*\n?[ \t]*y[ \t\n]+(?P<name2>[A-ZÁÉÍÓÚÑÜ]{2,}(?:[ \t\n]+[A-ZÁÉÍÓÚÑÜ]{2,}){1,4}))?"
        ),
    ],
    "fr": [
        # a lawyer is named with the title, which the mention keeps: "Me Ben Ammar", "Maître Lamia OUALI"
        re.compile(rf"(?<!\w)(?P<name>(?:Me|Maître)[ \t]+{_LAT_WORD}(?:[ \t]+{_LAT_WORD}){{0,3}})"),
        re.compile(rf"(?:Monsieur|Madame|Mme|Mlle|M\.|Nous,)\s+(?P<name>{_LAT_WORD}(?:[ \t]+{_LAT_WORD}){{0,3}})"),
        re.compile(rf"(?:\bnommée?|\bdénommée?)\s*:?\s+(?P<name>{_LAT_CAP}(?:[ \t]+{_LAT_CAP}){{1,3}})"),
        re.compile(rf"(?i:procureur|juge|président)[^\n]*\n\s*(?P<name>{_LAT_CAP}[ \t]+{_LAT_WORD})\s*$", re.MULTILINE),
    ],
    "en": [
        re.compile(
            rf"(?:Citizen|Mr\.?|Mrs\.?|Ms\.?|Magistrate|Judge|Investigator|Prosecutor|prosecutor|judge)"
            rf"[ \t]+(?P<name>{_LAT_CAP}(?:[ \t]+{_LAT_CAP}){{1,3}})"
        ),
        # South Asian filiation: "Mr. Adeel Ahmad Warraich s/o Bashir Ahmad" (son, daughter, wife of)
        re.compile(rf"\b[sdw]/o[ \t]+(?P<name>{_LAT_CAP}(?:[ \t]+{_LAT_CAP}){{1,3}})"),
        re.compile(rf"^To:?\s+(?P<name>{_LAT_CAP}\s+{_LAT_CAP})\s*,", re.MULTILINE),
        re.compile(r"\((?P<name>[\u4e00-\u9fff]{2,4})\)"),
    ],
}
_STOP_NAMES = re.compile(
    r"^(?:All|The|Police|Hong|Republic|Ministerio|Tribunal|Cumhurbaşkanı|Cumhuriyet|Procureur|Tribunal|Le|La)\b"
)


def _role(text: str, start: int) -> str | None:
    window = text[max(0, text.rfind("\n", 0, start) - 40, start - 60) : start]
    official = list(_OFFICIAL_CUES.finditer(window))
    target = list(_TARGET_CUES.finditer(window))
    if not official and not target:
        return None
    last_off = official[-1].end() if official else -1
    last_tgt = target[-1].end() if target else -1
    return "official" if last_off > last_tgt else "target"


def _trim_es(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in _ES_PARTICLES:
        words.pop()
    return " ".join(words)


def extract_persons(text: str, language: str) -> list[Candidate]:
    spans: list[tuple[int, int, float]] = []
    if language in ("ru", "uk", "be"):
        for rx in _cyrillic_patterns():
            for m in rx.finditer(text):
                s, e = (m.start("name"), m.end("name")) if "name" in rx.groupindex else (m.start(), m.end())
                if _ROLE_NOUN.match(text, s):
                    continue  # "Следователь И.С. Гончаренко": the role, then the initials of the name
                spans.append((s, e, 0.85))
    if language in ("fr", "en", "es", "tr", "zh"):  # Hong Kong papers in Chinese give the romanised name
        for rx in _LATIN_PATTERNS if language != "zh" else _LATIN_PATTERNS[2:]:
            spans.extend((m.start(), m.end(), 0.8) for m in rx.finditer(text))
    for rx in _TITLE_PATTERNS.get(language, ()):
        for m in rx.finditer(text):
            name = m.group("name")
            s = m.start("name")
            if language in ("fa", "ar"):
                words = name.split()
                kept = []
                for word in words:
                    if word in _FA_STOP:
                        break
                    kept.append(word)
                if len(kept) < 2:
                    continue
                name = " ".join(kept)
            elif language == "es":
                name = _trim_es(name.strip())
            name = name.strip()
            if not name or _STOP_NAMES.match(name):
                continue
            spans.append((s, s + len(name), 0.8))
            if m.groupdict().get("name2"):
                spans.append((m.start("name2"), m.end("name2"), 0.8))
    out: list[Candidate] = []
    for s, e, conf in spans:
        surface = text[s:e]
        attrs = {"translit": transliterate(surface, language)}
        role = _role(text, s)
        if role:
            attrs["role"] = role
        out.append(Candidate("PERSON", s, e, None, conf, attrs))
    return out
