"""LOCATION: cities and regions named in the source text, from the gazetteer in
``config/knowledge/places.yaml`` (with Slavic case endings and Arabic one-letter prefixes) and,
for Chinese, province/city/district names built from the administrative suffixes 省 市 区 县.

Places inside an authority's or a charge's name lose the overlap to it ("Мещанский районный
суд г. Москвы" is one AUTHORITY), so a LOCATION is a place the document talks about. Countries
count where the paper puts someone or something in them ("в Грузии", "en Costa Rica", "در ترکیه"),
not inside a state title, law or institution ("Конституции Российской Федерации", "КК України",
"جمهوری اسلامی ایران"); nor does a place that names a document or body ("Istanbul Protocol",
"Diyarbakır Barosu").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidence.extractors.legal.authorities import ZH_PLACES
from evidence.extractors.legal.knowledge import load_yaml
from evidence.extractors.legal.spans import Candidate

_SLAVIC_ENDINGS = r"(?:а|ы|е|у|ой|ом|и|ь|я|ю|ем|і|ї|ові|ові|ым|ім|ску|ске|ска)?"
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# the word before a country's name that makes it part of a title, a law or an institution
_STATE_TITLE_BEFORE = re.compile(
    r"(?:Конституц|Кодекс|Закон|Президент|Прэзідэнт|Правительств|Урад|Уряд|Рад[аиыі]\b|Совет|Парламент|Министерств|"
    r"Міністерств|Міністэрств|Посольств|Консульств|Генеральн|Вооруж|Збройн|Узброен|Государств|Дзяржаў|Держав|граждан|"
    r"громадян|грамадзян|подданств|паспорт|Верховн\w*\s+Суд|(?<![а-яё])Суд|Прокуратур|Службы|Служб[аи]|"
    r"\b(?:УК|УПК|КК|КПК|КоАП|ЦК|ГК|ЦПК|КУпАП|ГПК)|Constitution|Government|President|Republic|Embassy|Consulate|"
    r"citizen|Ministry|Constitución|Gobierno|Presidente|República|Embajada|gouvernement|Président|République|Ambassade|"
    r"Cumhurbaşkan|Anayasa|Hükümet|دستور|رئيس|حكومة|جمهورية|سفارة|وزارة|جمهوری\s+اسلامی|سفارت|دولت|"
    r"中华人民共和国|政府|大使馆)[\w'’]*[\s,]*(?:\w+\s+){0,2}$"
    # or an office's initials right before it: "УФСИН России", "МВД РФ"
    r"|(?<![\w-])[А-ЯЁІЇЄЎ]{2,6}(?:-\d+)?\s+$",
)
# a place followed by the document or body it names
_NAMES_A_THING = re.compile(
    r"[ \t]*(?:Protocol|Protocole|Protocolo|Convention|Principles|Declaration|Statement|Barosu|Baro\b|Üniversitesi|"
    r"University|Université|Universidad|Belediyesi|Havalimanı|Airport|Stock\s+Exchange|"
    # a prison named by its town: "DİYARBAKIR E TİPİ KAPALI CEZA İNFAZ KURUMU", "Silivri Cezaevi"
    r"[A-Z][ \t]+T[İI]P[İI]|Cezaevi|CEZAEVİ)"
)
# "سجن دمشق المركزي" is the prison's name ("Damascus Central Prison"); "سجن عدرا" stays a place
_FACILITY_BEFORE = re.compile(r"(?:سجن|معتقل)\s+$")
_FACILITY_AFTER = re.compile(r"\s+(?:المركزي|العسكري|العمومي)")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_AR_LETTER = r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]"  # letters only: "،" ends a word
_ARABIC_PREFIX = rf"(?:(?<!{_AR_LETTER})|(?<=(?<!{_AR_LETTER})[بول]))"
# "в г. Москве", "м. Київ": the abbreviation belongs to the place as written.
_CITY_ABBREV = re.compile(r"(?:г|м|с|пос|смт|вул)\.\s?$")
_ZH_LOCATION = re.compile(
    rf"(?:(?:{ZH_PLACES})(?:省|自治区)(?:[\u4e00-\u9fff]{{2,3}}?(?:市|州|地区))?"
    rf"|(?:{ZH_PLACES})市)(?:[\u4e00-\u9fff]{{1,3}}?(?:区|县))?"
    r"(?!看守所|监狱|拘留所|公安|人民|中级|高级|国家安全|第)"  # "成都市看守所" is a facility's name
)


@dataclass(frozen=True)
class _Place:
    pattern: re.Pattern[str]
    english: str
    country: str
    is_country: bool = False


def _name_pattern(name: str, slavic: bool) -> str:
    if _HAN.search(name):
        return name  # Chinese writes no spaces: "离开香港", "身处英国"
    if _ARABIC.search(name):
        return rf"{_ARABIC_PREFIX}{name}(?!{_AR_LETTER})"
    if slavic and _CYRILLIC.search(name):
        return rf"(?<![\w-]){name}{_SLAVIC_ENDINGS}(?![\w])"
    return rf"(?<![\w-]){name}(?![\w])"


@cache
def _places() -> tuple[_Place, ...]:
    out: list[_Place] = []
    data = load_yaml("places.yaml")
    for key in ("places", "countries"):
        for entry in data.get(key, ()):
            for name in entry["names"]:
                rx = re.compile(_name_pattern(name, bool(entry.get("slavic"))))
                out.append(_Place(rx, entry["en"], entry["country"], key == "countries"))
    return tuple(out)


def extract_locations(text: str, language: str) -> list[Candidate]:
    """Places in ``text``; ``normalized`` is the English name, ``country`` an attribute."""
    found: dict[tuple[int, int], Candidate] = {}
    for place in _places():
        for m in place.pattern.finditer(text):
            start = m.start()
            if _NAMES_A_THING.match(text, m.end()):
                continue
            if _FACILITY_BEFORE.search(text, max(0, start - 8), start) and _FACILITY_AFTER.match(text, m.end()):
                continue
            if place.is_country:
                line_start = text.rfind("\n", 0, start) + 1
                if _STATE_TITLE_BEFORE.search(text, max(line_start, start - 60), start):
                    continue
            prefix = _CITY_ABBREV.search(text, max(0, start - 6), start)
            if prefix:
                start = prefix.start()
            key = (start, m.end())
            if key not in found:
                attrs = {"country": place.country}
                found[key] = Candidate("LOCATION", start, m.end(), place.english, 0.8, attrs)
    if language == "zh" or re.search(r"[\u4e00-\u9fff]", text):
        for m in _ZH_LOCATION.finditer(text):
            key = (m.start(), m.end())
            found.setdefault(key, Candidate("LOCATION", m.start(), m.end(), None, 0.75, {"country": "CN"}))
    # a shorter hit inside a longer one ("Москв" in "Москвы") is the same place
    spans = sorted(found.values(), key=lambda c: (c.start, -c.length))
    kept: list[Candidate] = []
    for cand in spans:
        if kept and cand.start < kept[-1].end:
            continue
        if kept and text[kept[-1].end : cand.start] == "/":
            # Turkish addresses write "district/PROVINCE" ("Çankaya/ANKARA"): one place; spaced
            # ("Çankaya / ANKARA", a form's field) they are two
            last = kept.pop()
            cand = Candidate("LOCATION", last.start, cand.end, last.normalized, last.confidence, last.attributes)
        kept.append(cand)
    return kept
