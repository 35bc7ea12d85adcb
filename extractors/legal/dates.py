"""DATE: native date formats to ISO 8601 Gregorian, keeping the calendar and role.

Numeric dates are read day-first (every supported locale writes them so) and an impossible day or
month is dropped, never swapped. Solar Hijri and lunar Hijri dates are converted; the original
text stays the entity's surface.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from evidence.extractors.digits import ascii_digits
from evidence.extractors.legal.calendars import hijri_to_gregorian, jalali_to_gregorian
from evidence.extractors.legal.numerals import es_words_to_int, zh_to_int
from evidence.extractors.legal.spans import Candidate


def _numbered(names: str) -> dict[str, int]:
    """'january february ...' -> {'january': 1, 'february': 2, ...}."""
    return {name: i for i, name in enumerate(names.split(), 1)}


_MONTHS: dict[str, dict[str, int]] = {
    "ru": _numbered("января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),
    "uk": _numbered("січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"),
    "be": _numbered(
        "студзеня лютага сакавіка красавіка мая чэрвеня ліпеня жніўня верасня кастрычніка лістапада снежня"
    ),
    "tr": _numbered("ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık"),
    "es": _numbered("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "fr": _numbered("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    "en": _numbered("january february march april may june july august september october november december"),
    "ar": {
        **_numbered("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"),
        **{"إبريل": 4, "ابريل": 4, "اغسطس": 8, "اكتوبر": 10},
        # Levantine month names (Syria)
        **{"كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8},
        **{"أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12},
    },
}
_FA_MONTHS = _numbered("فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند")
_LANG_MONTHS = {
    "ru": ("ru",),
    "uk": ("uk", "ru"),
    "be": ("be", "ru"),
    "tr": ("tr",),
    "es": ("es",),
    "fr": ("fr",),
    "en": ("en",),
    "ar": ("ar",),
    "fa": ("ar",),
    "zh": (),
}
_LUNAR_MARK = r"\s*(?:هـ\s*\.?\s*ق|ه\.\s*ق|ھ\s*ق|هجری\s+قمری|ق\b|هـ|AH\b)"
_SOLAR_MARK = r"\s*(?:هـ\s*\.?\s*ش|ه\.\s*ش|هجری\s+شمسی|ش\b)"
_CURRENT_JALALI_MAX = 1410  # a four-digit y/m/d year above this is lunar Hijri, not Solar Hijri

_ROLE_CUES: dict[str, list[str]] = {
    "birth": [
        r"г\.\s*р\.",
        r"года\s+рождения",
        r"року\s+народження",
        r"г\.\s*н\.",
        r"рождени",
        r"нараджэнн",
        r"народженн",
        r"нарадзі",
        r"(?<![а-яіўё])нар\.",
        r"родил(?:ся|ась)",
        r"born",
        r"\bnée?\b",
        r"nacid[oa]",
        r"doğumlu",
        r"متولد",
        r"المولود",
        r"مواليد",
        r"تولد",
        r"出生",
        r"\bbirth\b",
        r"р\.\s*н\.",
        r"doğum",
        r"الولادة",
        r"الميلاد",
    ],
    "detained_on": [
        r"задержан",
        r"in\s+custody\s+since",
        r"под\s+стражей\s+с",
        r"задержал",
        r"затримал",
        r"затрыма",
        r"утрымлівал",
        r"пад\s+вартай",
        r"під\s+вартою",
        r"затриман",
        r"detained",
        r"arrested",
        r"detenid[oa]",
        r"aprehendid[oa]",
        r"garde\s+à\s+vue",
        r"содерж(?:ится|ался|алась)",
        r"الموقوفة?\s+منذ",
        r"arr[êe]t[ée]e?s?\b",
        r"interpell[ée]e?\b",
        r"دستگیر",
        r"بازداشت\s+شد",
        r"القبض",
        r"اعتقال",
        r"gözaltı",
        r"yakalan",
        r"拘留",
        r"羁押",
        r"逮捕",
    ],
    "appear_on": [
        r"явиться",
        r"явки",
        r"з['’]явитися",
        r"з['’]явіцца",
        r"вызываетесь",
        r"summoned\s+to\s+appear",
        r"appear\s+on",
        r"comparecer",
        r"se\s+présenter",
        r"presentarse",
        r"для\s+допиту",
        r"для\s+допроса",
        r"для\s+допыту",
        r"دعوت\s+می\S*شود",
        r"günü\s+saat",
        r"حاضر\s+شوید",
        r"معرفی\s+نمایید",
        r"الحضور",
        r"gelmeniz",
        r"传唤",
        r"接受讯问",
        r"Stop\s+your",
        r"compare(?:cer|zca|zcan)\b",
        r"compara[îi]tre",
        r"для\s+вручення",
    ],
    "hearing": [
        r"судебн\w+\s+заседани",
        r"судов\w+\s+засіданн",
        r"hearing",
        r"audiencia",
        r"audience",
        r"بجلسة",
        r"جلسة",
        r"جلسه\s+(?:رسیدگی|دادگاه)",
        r"وقت\s+رسیدگی",
        r"duruşma",
        r"开庭",
        r"adjourned\s+(?:to|until)",
        r"(?:produced|brought|appeared)\s+before",
        r"\bproc[èe]s\b",
    ],
    "issued": [
        r"Дата\s+выдачи",
        r"Дата\s+вручення",
        r"Дата\s+выдачы",
        r"تاریخ\s+صدور",
        r"تاریخ\s+تنظیم",
        r"تاریخ\s*:",
        r"Tarih\s*:",
        r"Date\s+of\s+issue",
        r"Issued\s+on",
        r"^\s*Fecha\s*:",
        r"^\s*Date\s*:",
        r"تحريرا?ً?\s+في",
        r"حرر\s+في",
        r"Fait\s+à",
        r"صدر\s+في",
        r"Dated\s+this",
        r"Dated\s*:",
        r"составлено",
        r"karar\s+verildi",
        r"kamu\s+davası\s+açılır",
        r"^\s*(?:г\.|м\.)\s*\S+\s+",
        r"^\S+,\s+(?:le\s+)?$",
        r"^\s*$",
        r"دمشق\s+في",
        r"Alger,\s+le",
        r"Moscou,\s+le",
        r"^[A-ZÁÉÍÓÚ][a-záéíóú]+(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚ][a-záéíóú]+){0,3},\s+$",
        r"En\s+la\s+ciudad",
        r"التاريخ\s*:",
        r"Date\s+of\s+(?:Reasons|Judg(?:e)?ment|Decision|Verdict|Sentence|Order)",
        r"Fait\s+(?:au|en)\b",
        r"publi[ée]e?\s+le",
        r"karar\s+tarih\w*\s*:",
        r"iddia\s+olunur",
        r"(?:вих|исх|вых)\.\s*№",
        # a letterhead: "№ 066/2207-И-41852   от 19.08.2024", "Sayı : E-5233…   16.10.2024"
        r"^\s*№\s*\S+\s+(?:от|ад|від)\s+$",
        r"^\s*Say[ıi]\s*:",
        r"(?:выдал|видав|выдаў)\b",
        r"^\s*Дата\s*:",
        r"صدر\s+بتاريخ",
        # a newspaper's masthead: "THE NILE COURIER — 23 October 2023"
        r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’]{2,40}\s+[—–]\s+$",
    ],
}
_ROLE_RES = {role: re.compile("|".join(p), re.IGNORECASE | re.MULTILINE) for role, p in _ROLE_CUES.items()}


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_regex(language: str) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    names: dict[str, int] = {}
    for key in _LANG_MONTHS.get(language, ()):
        names.update(_MONTHS[key])
    if not names:
        return None, names
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    pattern = (
        r"(?P<pre>«)?(?P<d>\d{1,2})(?:»|er|st|nd|rd|th)?\s+(?:day\s+of\s+)?(?:de\s+)?(?P<m>" + alternation + r")"
        r"(?:,?\s+(?:de\s+)?(?P<y>\d{4})(?:\s*(?:года|року|г\.|г\b))?)?"
    )
    return re.compile(pattern, re.IGNORECASE), names


_EN_MDY = re.compile(
    r"\b(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    r"(?P<d>\d{1,2}),\s+(?P<y>\d{4})"
)
_NUMERIC_DMY = re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?![\d/\-]|\.\d)")
# "14-09-2024": hyphens only when both separators are hyphens (case numbers mix them: 1-312/2023)
_NUMERIC_DMY_HYPHEN = re.compile(r"(?<![\w/.\-])(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})(?![\w/\-]|\.\d)")
# Lunar Hijri months by name ("٣ رمضان ١٤٤٥هـ"), as Gulf papers date them
_HIJRI_MONTHS = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الأول": 3,
    "ربيع الاول": 3,
    "ربيع الآخر": 4,
    "ربيع الاخر": 4,
    "ربيع الثاني": 4,
    "جمادى الأولى": 5,
    "جمادى الاولى": 5,
    "جمادى الآخرة": 6,
    "جمادى الاخرة": 6,
    "جمادى الثانية": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعدة": 11,
    "ذي القعدة": 11,
    "ذو الحجة": 12,
    "ذي الحجة": 12,
}
_HIJRI_NAMED = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<m>" + "|".join(sorted(_HIJRI_MONTHS, key=len, reverse=True)) + r")\s+(?P<y>1[34]\d{2})"
    r"(?:\s*(?:هـ|ه(?![\u0621-\u064A])))?"
)
# A day and month alone on the last line of a letter ("١٤ / ١٠"): the date it was written
_LAST_LINE_DAY_MONTH = re.compile(r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})")
_NUMERIC_YMD = re.compile(r"(?<![\d/.\-])(?P<y>\d{4})[/\-.](?P<m>\d{1,2})[/\-.](?P<d>\d{1,2})(?![\d/\-])")
_FA_NAMED = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>" + "|".join(_FA_MONTHS) + r")(?:\s+(?:ماه\s+)?(?P<y>\d{4}))?")
_ZH = re.compile(
    # \s*: a wrapped line may split a date ("于2024年1\n月10日")
    r"(?P<same>同年)?(?:(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_ES_WORDS = re.compile(
    r"a\s+los\s+(?P<d>[a-záéíóú]+(?:\s+y\s+[a-záéíóú]+)?)\s+días?\s+del\s+mes\s+de\s+(?P<m>[a-z]+)\s+"
    r"(?:del\s+año\s+|de\s+)(?P<y>(?:dos\s+mil|mil\s+novecientos)(?:\s+[a-záéíóú]+){0,3})",
    re.IGNORECASE,
)
AddDate = Callable[..., None]
_WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo),?\s+)?"
)
# A day and month without a year count when the sentence dates something by them: "до 15 марта",
# "arrested on 9 August", "by Friday 20th September", "desde el 28 de julio", "jusqu'au 3 mai"; a bare
# "5 DE JULIO" is a street or a barrio.
_YEARLESS_CUE = re.compile(
    r"(?:\b(?:до|к|by|until|till|before|on|for|from|since|after|avant|hasta|desde|para|antes|del|el|al|le|du|au|"
    r"dès|depuis|jusqu'au)\s+(?:el\s+|le\s+)?(?:día\s+)?" + _WEEKDAY + r"(?:the\s+)?)$",
    re.IGNORECASE,
)
_ES_DAY_WORDS = re.compile(
    r"(?<![\w])(?P<d>[a-záéíóú]+(?:\s+y\s+[a-záéíóú]+)?)\s+de\s+(?P<m>enero|febrero|marzo|abril|mayo|junio|julio|"
    r"agosto|septiembre|setiembre|octubre|noviembre|diciembre)\s+(?:del\s+año\s+|de\s+)"
    r"(?P<y>(?:dos\s+mil|mil\s+novecientos)(?:\s+[a-záéíóú]+){0,3})",
    re.IGNORECASE,
)


# A summons verb earlier in the same sentence: "cite … à comparaître … à l'audience du …"
_SUMMONED_TO = re.compile(r"(?:compara[îi]tre|comparecer|comparezca|summoned\s+to\s+appear)[^.;]*$", re.IGNORECASE)
_ISSUED_AFTER = re.compile(
    r"^\W{0,3}(?:tarihinde\s+)?(?:oy(?:birliğiyle|çokluğuyla)\s+)?karar\s+verildi", re.IGNORECASE
)


def _role(text: str, start: int, end: int) -> str | None:
    """Nearest role cue around the date, looking within its line and the clause around it.

    A date alone on its line (the signature date) and "... tarihinde karar verildi" are the issue date.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if not text[line_start:start].strip() and not text[end : line_end if line_end >= 0 else len(text)].strip():
        return "issued"
    if _ISSUED_AFTER.match(text[end : end + 40]):
        return "issued"
    # the clause before the date: its own line, and the line before when the sentence runs on from it
    # ("à comparaître … à l'audience\npublique du dimanche 21 avril 2024")
    previous_end = line_start - 1
    runs_on = previous_end > 0 and text[previous_end - 1] not in ".:;!?\n" and bool(text[:previous_end].strip())
    clause_start = text.rfind("\n", 0, previous_end) + 1 if runs_on or start - line_start < 12 else line_start
    before = text[max(0, clause_start, start - 90) : start]
    after = text[end : end + 60]
    best: tuple[int, str] | None = None
    for role, rx in _ROLE_RES.items():
        if role == "issued":
            prefix = text[line_start:start]
            if rx.search(prefix):
                # a label on the date's own line ("Tarih:", "Alger, le", "г. Мінск") is near-certain;
                # a date merely opening its line is a weak hint
                dist = 40 if prefix.strip() == "" else len(prefix.strip()) // 4
                best = min(best, (dist, role)) if best else (dist, role)
            continue
        for m in rx.finditer(before):
            dist = len(before) - m.end()
            best = min(best, (dist, role)) if best else (dist, role)
        m = rx.search(after)
        if m:
            dist = m.start() + (0 if role == "birth" else 10)
            best = min(best, (dist, role)) if best else (dist, role)
    if best is None or best[0] > 80:
        return None
    if best[1] == "hearing" and _SUMMONED_TO.search(text[max(0, start - 200) : start]):
        return "appear_on"  # summoned to appear at a hearing: the day to appear
    return best[1]


def extract_dates(text: str, language: str) -> list[Candidate]:
    """Dates in ``text`` with ISO values; calendar and role in attributes."""
    norm = ascii_digits(text)
    out: list[Candidate] = []

    def add(start: int, end: int, iso: str | None, calendar: str, confidence: float, **extra: str) -> None:
        if iso is None:
            return
        attrs = {"calendar": calendar, "original": text[start:end], **extra}
        role = _role(norm, start, end)
        if role:
            attrs["role"] = role
        suspect = suspect_reason(iso, role, text[start:end])
        if suspect:
            attrs["suspect"] = suspect
            confidence = min(confidence, 0.3)
        out.append(Candidate("DATE", start, end, iso, confidence, attrs))

    month_rx, names = _month_regex(language)
    if month_rx is not None:
        lower = {k.lower(): v for k, v in names.items()}
        for m in month_rx.finditer(norm):
            month = lower[m.group("m").lower()]
            day = int(m.group("d"))
            start = m.start()
            if m.group("y"):
                add(start, m.end(), _iso(int(m.group("y")), month, day), "gregorian", 0.95)
            elif _YEARLESS_CUE.search(norm[max(0, start - 30) : start]) and 1 <= day <= 31:
                add(start, m.end(), f"--{month:02d}-{day:02d}", "gregorian", 0.6, year="unknown")
    if language == "en":
        for m in _EN_MDY.finditer(norm):
            month = _MONTHS["en"][m.group("m").lower()]
            add(m.start(), m.end(), _iso(int(m.group("y")), month, int(m.group("d"))), "gregorian", 0.9)
    for rx in (_NUMERIC_DMY, _NUMERIC_DMY_HYPHEN):
        for m in rx.finditer(norm):
            add(m.start(), m.end(), _iso(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "gregorian", 0.9)
    for m in _NUMERIC_YMD.finditer(norm):
        _add_ymd(norm, m, language, add)
    if language == "fa":
        for m in _FA_NAMED.finditer(norm):
            if m.group("y"):
                try:
                    iso = jalali_to_gregorian(
                        int(m.group("y")), _FA_MONTHS[m.group("m")], int(m.group("d"))
                    ).isoformat()
                except ValueError:
                    continue
                add(m.start(), m.end(), iso, "solar_hijri", 0.9)
    if language in ("ar", "fa"):
        _add_hijri_named(norm, add)
        _add_last_line_day_month(norm, add)
    if language == "zh":
        _add_chinese(norm, add)
    if language == "es":
        taken: list[tuple[int, int]] = []
        for rx in (_ES_WORDS, _ES_DAY_WORDS):  # "a los catorce días del mes de…", "nueve de febrero del año…"
            for m in rx.finditer(norm):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                month = _MONTHS["es"].get(m.group("m").lower().replace("setiembre", "septiembre"))
                day = es_words_to_int(m.group("d"))
                year, year_end = _es_year(m)
                if month and day and 1 <= day <= 31 and year:
                    add(m.start(), year_end, _iso(year, month, day), "gregorian", 0.85)
                    taken.append((m.start(), year_end))
    return out


def _es_year(m: re.Match[str]) -> tuple[int | None, int]:
    """The year in words and where it ends: "dos mil veinticuatro", leaving out words after it."""
    words = list(re.finditer(r"\S+", m.group("y")))
    for count in range(len(words), 1, -1):
        text = " ".join(w.group().strip(".,;") for w in words[:count])
        year = es_words_to_int(text)
        if year:
            return year, m.start("y") + words[count - 1].start() + len(words[count - 1].group().rstrip(".,;"))
    return None, m.end()


def _add_hijri_named(norm: str, add) -> None:
    for m in _HIJRI_NAMED.finditer(norm):
        try:
            date, table = hijri_to_gregorian(int(m.group("y")), _HIJRI_MONTHS[m.group("m")], int(m.group("d")))
        except ValueError:
            continue
        add(m.start(), m.end(), date.isoformat(), "hijri", 0.85, hijri_table=table)


def _add_last_line_day_month(norm: str, add) -> None:
    """ "١٤ / ١٠" alone on a letter's last line: the day it was written, year not stated."""
    stripped = norm.rstrip()
    line_start = stripped.rfind("\n") + 1
    line_start += len(stripped[line_start:]) - len(stripped[line_start:].lstrip())
    m = _LAST_LINE_DAY_MONTH.fullmatch(stripped, line_start)
    if m and 1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12:
        add(m.start(), m.end(), f"--{int(m.group('m')):02d}-{int(m.group('d')):02d}", "gregorian", 0.6, year="unknown")


_EARLIEST_EVENT_YEAR = 1940  # summonses, arrests and hearings in a claim are not older than this
_EARLIEST_BIRTH_YEAR = 1900
_DIGIT_SCRIPTS = (re.compile(r"[0-9]"), re.compile(r"[۰-۹]"), re.compile(r"[٠-٩]"))


def suspect_reason(iso: str, role: str | None, original: str) -> str | None:
    """Why a well-formed date is probably misread (OCR turning ۱۴۰۲ into ۱۳۰۲ gives 1923), or None.

    Such a date is kept, with lower confidence, but is not offered as a key fact.
    """
    if sum(bool(rx.search(original)) for rx in _DIGIT_SCRIPTS) > 1:
        return "mixed_digit_scripts"
    if iso.startswith("--"):
        return None
    year = int(iso[:4])
    if year > dt.date.today().year + 5:
        return "year_in_the_future"
    earliest = _EARLIEST_BIRTH_YEAR if role == "birth" else _EARLIEST_EVENT_YEAR
    if year < earliest:
        return "year_too_early"
    return None


def _add_ymd(norm: str, m: re.Match[str], language: str, add) -> None:
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    tail = norm[m.end() : m.end() + 14]
    lunar = re.match(_LUNAR_MARK, tail)
    solar = re.match(_SOLAR_MARK, tail)
    if year >= 1800:
        add(m.start(), m.end(), _iso(year, month, day), "gregorian", 0.9)
    elif lunar or (not solar and year > _CURRENT_JALALI_MAX):
        end = m.end() + (lunar.end() if lunar else 0)
        try:
            date, table = hijri_to_gregorian(year, month, day)
        except ValueError:
            return
        add(m.start(), end, date.isoformat(), "hijri", 0.85, hijri_table=table)
    elif 1200 <= year <= _CURRENT_JALALI_MAX and (language in ("fa", "ps") or solar):
        end = m.end() + (solar.end() if solar else 0)
        try:
            iso = jalali_to_gregorian(year, month, day).isoformat()
        except ValueError:
            return
        add(m.start(), end, iso, "solar_hijri", 0.9)


_ZH_YEARLESS_BEFORE = re.compile(r"(?:在|于|至|到|截至|限|自|从)\s*$")
_ZH_YEARLESS_AFTER = re.compile(r"^\s*(?:前|以前|之前|起|止)")


def _add_chinese(norm: str, add) -> None:
    last_year: int | None = None
    for m in _ZH.finditer(norm):
        month, day = zh_to_int(m.group("m")), zh_to_int(m.group("d"))
        year = zh_to_int(m.group("y")) if m.group("y") else (last_year if m.group("same") else None)
        if month is None or day is None:
            continue
        if year is None:
            # "限你在3月15日前…": a deadline without a year
            near = _ZH_YEARLESS_BEFORE.search(norm[max(0, m.start() - 3) : m.start()]) or _ZH_YEARLESS_AFTER.match(
                norm[m.end() : m.end() + 3]
            )
            if not m.group("same") and near and 1 <= month <= 12 and 1 <= day <= 31:
                add(m.start(), m.end(), f"--{month:02d}-{day:02d}", "gregorian", 0.6, year="unknown")
            continue
        if m.group("y"):
            last_year = year
        add(m.start(), m.end(), _iso(year, month, day), "gregorian", 0.95)
