"""AUTHORITY: courts, prosecutors, investigators, police and security services that issue documents.

Fixed names come from the gazetteer in ``config/knowledge/authorities.yaml``; other names are
grown from a head word ("суд", "Tribunal", "Cumhuriyet Başsavcılığı", "دادگاه انقلاب") over the
capitalised words and connector words around it, stopping at a person's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidence.extractors.digits import ascii_digits
from evidence.extractors.legal.knowledge import load_yaml
from evidence.extractors.legal.spans import Candidate

_WORD = re.compile(r"\S+")
_LEFT_ADJ = re.compile(
    r"^(?:\d+-й|\d+\.|[A-ZА-ЯЁІЇЄЎÇĞİÖŞÜ][\w'’\-]*(?:ого|его|ий|ый|ой|кий|кого|ага|скі|ського|ська|ської|ої|ая|ае))$"
)
_TR_LEFT = re.compile(r"^(?:\d+\.|[A-ZÇĞİÖŞÜ][A-Za-zÇĞİÖŞÜçğıöşü]+)$")
_EN_LEFT_STOP = {"IN", "THE", "BEFORE", "TO", "OF", "In", "The", "Before", "To"}
_TRAILING = {
    "по",
    "в",
    "у",
    "па",
    "г.",
    "м.",
    "de",
    "del",
    "la",
    "las",
    "los",
    "el",
    "en",
    "y",
    "e",
    "contra",
    "lo",
    "du",
    "des",
    "le",
    "près",
    "of",
    "the",
    "for",
    "and",
    "و",
    "і",
    "та",
}
_FA_STOP = {
    "است",
    "حاضر",
    "شوید",
    "در",
    "به",
    "از",
    "که",
    "را",
    "با",
    "برای",
    "قابل",
    "ظرف",
    "مستنداً",
    "محکوم",
    "دستگیر",
    "توسط",
    "–",
    "-",
    "معرفی",
    "نمایید",
    "خود",
    "شده",
}
ZH_PLACES = (
    "北京|上海|天津|重庆|广州|深圳|成都|武汉|杭州|南京|西安|沈阳|哈尔滨|长春|郑州|济南|青岛|福州|厦门|昆明|贵阳|南宁|"
    "兰州|西宁|银川|呼和浩特|太原|石家庄|合肥|南昌|长沙|海口|乌鲁木齐|拉萨|喀什|和田|伊犁|阿克苏|吐鲁番|"
    "新疆维吾尔|西藏|内蒙古|广西壮族|宁夏回族|广东|广西|福建|浙江|江苏|山东|河北|河南|湖北|湖南|四川|云南|贵州|"
    "陕西|甘肃|青海|黑龙江|吉林|辽宁|山西|安徽|江西|海南"
)
_ZH_AUTHORITY = re.compile(
    rf"(?:{ZH_PLACES})(?:省|市|自治区)?(?:[\u4e00-\u9fff]{{1,3}}?(?:区|县|市))?"
    r"(?:公安局|人民检察院|国家安全局|人民法院|中级人民法院|高级人民法院|第[一二三四五六七八九十]+中级人民法院)"
    r"(?:第[一二三四五六七八九十]+分院|[\u4e00-\u9fff]{1,4}?分局)?(?:[\u4e00-\u9fff]{1,4}?派出所)?"
)


@dataclass(frozen=True)
class _Gazetteer:
    patterns: tuple[tuple[re.Pattern[str], str, str | None], ...]
    heads: dict[str, tuple[re.Pattern[str], ...]]
    tail_words: dict[str, frozenset[str]]
    glossary: dict[str, dict[str, str]]


@cache
def _gazetteer() -> _Gazetteer:
    data = load_yaml("authorities.yaml")
    return _Gazetteer(
        patterns=tuple((re.compile(e["pattern"], re.IGNORECASE), e["en"], e.get("country")) for e in data["gazetteer"]),
        heads={lang: tuple(re.compile(p, re.IGNORECASE) for p in pats) for lang, pats in data["heads"].items()},
        tail_words={lang: frozenset(w.lower() for w in words) for lang, words in data["tail_words"].items()},
        glossary={lang: {k.lower(): v for k, v in g.items()} for lang, g in data.get("glossary", {}).items()},
    )


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _grow_right(text: str, end: int, language: str, persons: list[tuple[int, int]]) -> tuple[int, int]:
    """Extend a head over its tail words; returns the new end and how many tokens were taken."""
    tails = _gazetteer().tail_words.get(language, frozenset())
    pos, taken, last_good = end, 0, end
    free = 0  # Persian: words that are neither tail words nor numbers (a city name), at most two
    for _ in range(16):
        gap = re.match(r"[ \t]*(\n[ \t]*)?", text[pos:])
        assert gap is not None
        crossed_line = bool(gap.group(1))
        word_match = _WORD.match(text, pos + gap.end())
        if word_match is None or _inside(word_match.start(), persons):
            break
        raw = word_match.group()
        word = raw.rstrip(',;:)»"”')
        is_tail = word.lower() in tails
        if word.endswith(".") and len(word) > 3 and word[:-1].isalpha() and not is_tail:
            word = word[:-1]  # "Police Station Saddar.": the sentence ends, the name does not take the stop
        section = _FA_SECTION.match(text, word_match.start()) if language == "fa" and taken else None
        if section:
            # "دادسرای عمومی و انقلاب تهران – ناحیه ۳۳ (امنیت)": the district and its section belong to it
            pos = last_good = section.end()
            taken += 1
            continue
        if crossed_line and not is_tail:
            break
        if language == "fa":
            ok = (is_tail or word.isdigit() or (word not in _FA_STOP and free < 2)) and word not in _FA_STOP
            free += not (is_tail or word.isdigit())
        else:
            ok = is_tail or (word[:1].isupper() and not re.fullmatch(r"[A-ZА-ЯЁІЇЄЎ]\.", word)) or word.isdigit()
            if word.rstrip(".").isdigit() and taken == 0:
                ok = False
        if not ok or not word:
            break
        taken += 1
        pos = word_match.start() + len(word)
        if word.lower() not in _TRAILING:
            last_good = pos
        if raw != word or (word.endswith(".") and word.lower() not in tails and len(word) > 2):
            break
    return last_good, taken


_FA_SECTION = re.compile(
    r"[–-][ \t]*ناحیه[ \t]+\d+(?:[ \t]*\([\u0600-\u06FF\u200c ]{2,20}\))?|\([\u0600-\u06FF\u200c]{2,20}\)"
)
# a chamber of a court named before it: "la section correctionnelle du Tribunal de …",
# "la chambre d'accusation de la Cour d'appel"
_FR_CHAMBER = re.compile(
    r"(?:section|chambre|pôle)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+)?[ \t]+(?:du|de[ \t]+la|de[ \t]+l['’])[ \t]*$",
    re.IGNORECASE,
)
# one body named inside another: "National Security Department of the Hong Kong Police Force"
_OF_THE = re.compile(r"[ \t]+of[ \t]+the[ \t]+")
# an office's initials ("СВ", "УФСБ", "ОП № 5"): a word before it is the officer's title ("Слідчий СВ …")
_INITIALS = re.compile(r"^[А-ЯЁІЇЄЎA-Z]{2,5}\b")


def _grow_left(text: str, start: int, language: str) -> int:
    line_start = text.rfind("\n", 0, start) + 1
    words = list(_WORD.finditer(text, line_start, start))
    new_start = start
    for word in reversed(words[-3:]):
        token = word.group()
        if language == "tr":
            ok = bool(_TR_LEFT.match(token)) and token not in ("T.C.",)
        elif language == "en":
            ok = token[:1].isupper() and token not in _EN_LEFT_STOP and token.isalpha()
        else:
            # "МЕЩАНСКИЙ РАЙОННЫЙ СУД": an all-capitals heading has the same adjectives
            ok = bool(_LEFT_ADJ.match(token)) or (token.isupper() and bool(_LEFT_ADJ.match(token.capitalize())))
        if not ok:
            break
        new_start = word.start()
    return new_start


def _english_name(surface: str, language: str) -> tuple[str | None, str | None]:
    gaz = _gazetteer()
    for rx, english, country in gaz.patterns:
        if rx.search(surface):
            return english, country
    gloss = gaz.glossary.get(language)
    if gloss:
        words = [gloss.get(w.lower().strip(",."), "") for w in surface.split()]
        if any(words):
            return " ".join(w for w in words if w), None
    return None, None


def extract_authorities(text: str, language: str, persons: list[tuple[int, int]]) -> list[Candidate]:
    norm = ascii_digits(text)
    gaz = _gazetteer()
    spans: list[tuple[int, int, float]] = []
    for rx, _english, _country in gaz.patterns:
        spans.extend((m.start(), m.end(), 0.9) for m in rx.finditer(norm))
    if language == "zh":
        spans.extend((m.start(), m.end(), 0.85) for m in _ZH_AUTHORITY.finditer(norm))
    for rx in gaz.heads.get(language, ()):
        for m in rx.finditer(norm):
            if m.start() > 0 and norm[m.start() - 1].isalpha() and language not in ("fa", "ar", "zh"):
                continue
            if language == "tr" and m.group()[0].islower():
                continue  # "en yakın sulh ceza hakimliğine": any court of that kind, not a named one
            end, taken = _grow_right(norm, m.end(), language, persons)
            initials = language in ("ru", "uk", "be") and _INITIALS.match(m.group())
            start = m.start() if initials else _grow_left(norm, m.start(), language)
            if not re.search(r"[^\W\d_]", norm[start : m.start()]):
                start = m.start()  # "3. Суд …": a paragraph number, not a name
            single_word = not re.search(r"\s", m.group().strip())
            if single_word and taken == 0 and (start == m.start() or language != "tr"):
                continue  # a bare "Tribunal"; a Turkish governorate is named before it ("Ankara Valiliği")
            if language == "tr" and start == m.start() and re.search(r"ceza", m.group(), re.IGNORECASE):
                continue  # "en yakın Ağır Ceza Mahkemesine": a court of that kind, with no place or number
            if language == "fr":
                chamber = _FR_CHAMBER.search(norm, max(0, start - 60), start)
                if chamber:
                    start = chamber.start()
            spans.append((start, end, 0.8))
    if language == "en":
        spans = _join_of_the(norm, spans)
    if language in ("ru", "uk", "be"):
        spans = _join_genitive(norm, spans)
    out: list[Candidate] = []
    for start, end, conf in spans:
        surface = text[start:end].strip()
        if not surface:
            continue
        english, country = _english_name(surface, language)
        attrs = {"country": country} if country else {}
        out.append(Candidate("AUTHORITY", start, start + len(surface), english, conf, attrs))
    return out


def _join_of_the(text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Two bodies joined by "of the" are one: "National Security Department of the Hong Kong Police
    Force" is a department, not a department and a police force."""
    ordered = sorted(spans)
    joined = list(spans)
    for a in ordered:
        for b in ordered:
            if b[0] > a[1] and _OF_THE.fullmatch(text, a[1], b[0]):
                joined.append((a[0], b[1], min(a[2], b[2])))
    return joined


_GENITIVE_START = re.compile(r"[А-ЯЁІЇЄЎ][а-яёіїєўґ'’]+(?:ого|его|ої|ага)\b")


def _join_genitive(text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """A body followed by another in the genitive is one ("слідчого відділу / Головного управління
    Національної поліції …", across the line break); a letterhead's next line is in the nominative."""
    joined = list(spans)
    for a in spans:
        for b in spans:
            if b[0] > a[1] and not text[a[1] : b[0]].strip() and _GENITIVE_START.match(text, b[0]):
                joined.append((a[0], b[1], min(a[2], b[2])))
    return joined
