"""LOCATION: cities and regions named in the source text, from the gazetteer in
``config/knowledge/places.yaml`` (with Slavic case endings and Arabic one-letter prefixes) and,
for Chinese, province/city/district names built from the administrative suffixes 省 市 区 县.

Places inside an authority's or a charge's name lose the overlap to it ("Мещанский районный
суд г. Москвы" is one AUTHORITY), so a LOCATION is a place the document talks about.
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


def _name_pattern(name: str, slavic: bool) -> str:
    if _ARABIC.search(name):
        return rf"{_ARABIC_PREFIX}{name}(?!{_AR_LETTER})"
    if slavic and _CYRILLIC.search(name):
        return rf"(?<![\w-]){name}{_SLAVIC_ENDINGS}(?![\w])"
    return rf"(?<![\w-]){name}(?![\w])"


@cache
def _places() -> tuple[_Place, ...]:
    out: list[_Place] = []
    for entry in load_yaml("places.yaml")["places"]:
        for name in entry["names"]:
            rx = re.compile(_name_pattern(name, bool(entry.get("slavic"))))
            out.append(_Place(rx, entry["en"], entry["country"]))
    return tuple(out)


def extract_locations(text: str, language: str) -> list[Candidate]:
    """Places in ``text``; ``normalized`` is the English name, ``country`` an attribute."""
    found: dict[tuple[int, int], Candidate] = {}
    for place in _places():
        for m in place.pattern.finditer(text):
            start = m.start()
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
        if kept and text[kept[-1].end : cand.start].strip() == "/":
            # Turkish addresses write "district/PROVINCE" ("Çankaya/ANKARA"): one place
            last = kept.pop()
            cand = Candidate("LOCATION", last.start, cand.end, last.normalized, last.confidence, last.attributes)
        kept.append(cand)
    return kept
