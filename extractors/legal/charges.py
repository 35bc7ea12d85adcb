"""CHARGE: statute references ("ч. 2 ст. 280 УК РФ", "TCK 314/2", "ماده ۵۰۰ ...") to knowledge-base ids.

An article number is a charge only when a code is named beside it (after it, possibly across a
list of articles, or just before it); procedure codes are never in the knowledge base, so their
articles are skipped. A bare "Penal Code" is resolved by the document's country, and "the same
law" by the code named last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence.extractors.digits import ascii_digits
from evidence.extractors.legal.knowledge import Charge, Code, KnowledgeBase, knowledge_base
from evidence.extractors.legal.numerals import AR_ORDINAL_WORD, ZH_NUMERAL_CHARS, ar_ordinal_to_int, zh_to_int
from evidence.extractors.legal.spans import Candidate

_NUM = r"\d+(?:[.\-/]\d+)*"
_ARTICLE_PATTERNS = [
    # Russian, Ukrainian, Belarusian: "п. «д» ч. 2 ст. 207.3", "статтею 275", "арт. 342"
    r"(?:(?:п|пп|пункт\w*)\.?\s*«?[а-яіa-z0-9]{1,2}»?\s*,?\s*)?"
    r"(?:(?:ч|част\w*)\.?\s*\d+(?:\s*(?:и|і|та|,)\s*\d+)*\s*,?\s*)?"
    r"(?<![а-яёіїєў])(?:ст|стат\w*|арт|артыкул\w*)\.?\s*(?P<num>" + _NUM + r")",
    # English: "Part 1 of Article 280.3", "section 10(1)(a)", "u/s 295-C" (a lettered section of its own)
    r"(?:(?:Part|paragraph)\s+\d+\s+of\s+)?(?:\b(?:Articles?|Art\.|Arts\.|[Ss]ection|s\.)|\bu/s\.?)\s*(?P<num>"
    + _NUM
    + r")"
    r"(?:-(?P<hletter>[A-Z])(?![\w-]))?"
    # "Article 361-1 Part 2 of ...", "Article 80(d)"
    r"(?:\(\d+\))*(?:\((?P<eletter>[a-z])\))?(?:\([a-z]\))*(?:,?\s+(?:Part|paragraph)\s+\d+)?",
    # French: "la partie 1 de l'art. 318", "l'article 24"
    r"(?:(?:la\s+)?partie\s+\d+\s+de\s+)?(?:l['’])?\b(?:art\.|articles?)\s*(?P<num>" + _NUM + r")(?P<bis>\s*bis)?",
    # Spanish: "artículo 142, apartado 1, del Código Penal", "artículo 20, numeral 3"
    r"\b(?:art\.|arts\.|artos?\.|art[íi]culos?)\s*(?P<num>" + _NUM + r")"
    r"(?:,?\s+(?:apartados?|incisos?|p[áa]rrafos?|numerales?|literal|fracci[óo]n)\s+[\w\d]{1,3}\b)*",
    # Turkish: "314/2. maddesi", "md. 7/2"
    r"(?P<num>" + _NUM + r")(?:\.|'?(?:[ıiuü]?nc[ıiuü]))?\s*madde(?:si|leri|sinin|lerinin)?\b",
    r"\b(?:md\.|madde)\s*(?P<num>" + _NUM + r")",
    # Persian
    r"ماده\s*(?P<num>" + _NUM + r")(?P<bis>\s*مکرر)?",
    # Arabic: "المادة 86 مكرر", "المادة 80 (د)", "المادة 12 فقرة 2" (a paragraph of article 12); "م ١٣"
    # abbreviates المادة before a number (a lone م, not the م of a Gregorian year "٢٠٢٤م")
    r"(?:المادة|المادتين|مادة|(?<![\u0621-\u064A\d])م\.?(?=\s*\d))\s*(?P<num>" + _NUM + r")(?P<bis>\s*مكرر(?:اً|ًا|ا)?)?"
    r"(?:\s*\(?\s*(?P<letter>[أابجدهوزحطي])ـ?\s*\)(?=[\s،,.)])|\s+(?P<bare>[أبجدهزحطي])(?=[\s،,.)]))?"
    r"(?:\s*،?\s*(?:ال)?(?:فقرة|بند)\s*(?:\(?\d+\)?|" + AR_ORDINAL_WORD + r"))?",
    # Arabic ordinals, as Gulf and Levantine laws number articles: "المادة الثلاثين", "المادة الحادية عشرة"
    r"(?:المادة|مادة)\s+(?P<arord>ال[\u0621-\u064A]+(?:\s+(?:عشرة?|بعد\s+المائة|و\s*ال[\u0621-\u064A]+))?)",
    # Chinese: "第一百零五条第二款"
    r"第(?P<zh>[" + ZH_NUMERAL_CHARS + r"\d]+)条(?:第(?P<zhpara>[" + ZH_NUMERAL_CHARS + r"\d]+)款)?",
]
_ARTICLE_RES = [re.compile(p, re.IGNORECASE) for p in _ARTICLE_PATTERNS]
_CONNECTOR = re.compile(r"[\s,;]*(?:и|і|та|а\s+также|ve|ile|y|e|et|and|و|،)?[\s,;]*", re.IGNORECASE)
_FILLER = re.compile(
    r"(?:[\s,;:()«»\"'’—–\-]|\bof\s+the\b|\bof\b|\bdu\b|\bde\s+la\b|\bdel\b|\bde\b|\bdes\b|من\b|از\b|\bпо\b|\bза\b"
    # the book of a code ("ماده ۴۹۹ کتاب پنجم قانون مجازات اسلامی", "Book Five of the Penal Code") and an
    # Egyptian decree-law ("من القرار بقانون رقم ٩٤ لسنة ٢٠١٥")
    r"|کتاب\s+[\u0600-\u06FF]+|\bBook\s+\w+\b|(?:ال)?قرار\s+ب(?=قانون))*",
    re.IGNORECASE,
)
_BACK_GAP = re.compile(r"[\s'’]*(?:n?[ıiuü]n)?[\s,:]*(?:md\.|madde|№)?\s*", re.IGNORECASE)
_AFTER_CODE_NUM = re.compile(
    r"(?:'?n?[ıiuü]n)?[ \t]*(?:md\.\s*|madde\s*)?(?P<num>" + _NUM + r"(?:/[A-Z]\b)?)(?![\d/])", re.IGNORECASE
)
_ARABIC_LETTERS = {
    "أ": "a",
    "ا": "a",
    "ب": "b",
    "ج": "c",
    "د": "d",
    "ه": "e",
    "و": "f",
    "ز": "g",
    "ح": "h",
    "ط": "i",
    "ي": "j",
}


@dataclass(frozen=True)
class _Ref:
    start: int
    end: int
    number: str
    bis: bool = False
    letter: str = ""
    paragraph: str = ""
    maybe_letter: str = ""  # "80(d)", "٨٠ د": part of the article only if the knowledge base says so


@dataclass(frozen=True)
class _CodeMention:
    start: int
    end: int
    code: str | None  # resolved code key, None when unresolvable
    how: str  # explicit | country | anaphora


def _find_refs(text: str) -> list[_Ref]:
    refs: list[_Ref] = []
    for rx in _ARTICLE_RES:
        for m in rx.finditer(text):
            groups = m.groupdict()
            if groups.get("zh"):
                value = zh_to_int(groups["zh"])
                if value is None:
                    continue
                para = zh_to_int(groups["zhpara"]) if groups.get("zhpara") else None
                refs.append(_Ref(m.start(), m.end(), str(value), paragraph=str(para or "")))
                continue
            if groups.get("arord"):
                ref = _ordinal_ref(m)
                if ref is not None:
                    refs.append(ref)
                continue
            # "295-C": a hyphenated capital is part of the section's number (Pakistan Penal Code)
            letter = _ARABIC_LETTERS.get(groups.get("letter") or "", "") or (groups.get("hletter") or "")
            maybe = _ARABIC_LETTERS.get(groups.get("bare") or "", "") or (groups.get("eletter") or "")
            refs.append(_Ref(m.start(), m.end(), groups["num"], bool(groups.get("bis")), letter, maybe_letter=maybe))
    refs.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Ref] = []
    for ref in refs:
        if kept and ref.start < kept[-1].end:
            continue
        kept.append(ref)
    return kept


def _ordinal_ref(m: re.Match[str]) -> _Ref | None:
    """ "المادة الثلاثين" as article 30; a second word that is not part of the ordinal is left out."""
    words = list(re.finditer(r"\S+", m.group("arord")))
    for count in range(len(words), 0, -1):
        value = ar_ordinal_to_int(" ".join(w.group() for w in words[:count]))
        if value is not None:
            return _Ref(m.start(), m.start("arord") + words[count - 1].end(), str(value))
    return None


def _find_code_mentions(text: str, kb: KnowledgeBase, country: str | None) -> list[_CodeMention]:
    raw: list[tuple[int, int, str, str]] = []  # start, end, kind, key
    for code in kb.codes.values():
        for rx in code.aliases:
            raw.extend((m.start(), m.end(), "explicit", code.key) for m in rx.finditer(text))
    for name, patterns in kb.generic.items():
        for rx in patterns:
            raw.extend((m.start(), m.end(), "generic", name) for m in rx.finditer(text))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0]), r[2] != "explicit"))
    chosen: list[tuple[int, int, str, str]] = []
    for item in raw:
        if any(item[0] < c[1] and c[0] < item[1] for c in chosen):
            continue
        if item[0] > 0 and text[item[0] - 1].isalpha() and item[2] == "generic" and item[3] == "criminal_code":
            continue  # "УК" inside a longer word
        chosen.append(item)
    chosen.sort()
    mentions: list[_CodeMention] = []
    last_code: str | None = None
    for start, end, kind, key in chosen:
        if kind == "explicit":
            mentions.append(_CodeMention(start, end, key, "explicit"))
            last_code = key
        elif key == "same_code":
            mentions.append(_CodeMention(start, end, last_code, "anaphora"))
        else:
            resolved = kb.codes_for_country(country, key) if country else []
            code_key = resolved[0].key if resolved else None
            mentions.append(_CodeMention(start, end, code_key, "country"))
            last_code = code_key or last_code
    return mentions


def _code_after(
    text: str, ref: _Ref, refs_by_start: dict[int, _Ref], mentions: dict[int, _CodeMention]
) -> _CodeMention | None:
    """The code named after ``ref``, skipping a list of further articles ("ст. 205.2 и ч. 1 ст. 284.1 УК")."""
    pos = ref.end
    for _ in range(6):
        filler_end = _FILLER.match(text, pos).end()
        if filler_end in mentions and filler_end - pos <= 40:
            return mentions[filler_end]
        conn_end = _CONNECTOR.match(text, pos).end()
        nxt = refs_by_start.get(conn_end)
        if nxt is None or conn_end - pos > 20:
            return None
        pos = nxt.end
    return None


def _code_before(text: str, ref: _Ref, mentions: list[_CodeMention]) -> _CodeMention | None:
    for mention in mentions:
        near = mention.end <= ref.start and ref.start - mention.end <= 12
        if near and _BACK_GAP.fullmatch(text, mention.end, ref.start):
            return mention
    return None


def _article_id(code: Code, ref: _Ref) -> tuple[str | None, str, str]:
    """(article as in the id, paragraph, rejection reason)."""
    number = ref.number.replace(" ", "")
    paragraph = ref.paragraph
    if "/" in number:
        head, _, tail = number.partition("/")
        if tail.isalpha():  # "217/A" is an article of its own, not paragraph A of 217
            pass
        else:
            number, paragraph = (number, tail) if code.keep_paragraph else (head, paragraph or tail)
    if "." in number and code.dot == "paragraph":
        number, _, para = number.partition(".")
        paragraph = paragraph or para
    if ref.bis:
        number += "bis"
    if ref.letter:
        number += ref.letter
    # the leading number: an article, or the chapter of a dotted one (КоАП 4.1 is in chapter 4)
    digits = re.match(r"\d+", number)
    if code.general_part_max and digits and int(digits.group()) <= code.general_part_max:
        return None, paragraph, "general_part"
    if code.special_part_max and digits and int(digits.group()) > code.special_part_max:
        return None, paragraph, "procedure"
    return number, paragraph, ""


def _charge_attributes(kb: KnowledgeBase, code: Code, charge_id: str, article: str | None, how: str) -> dict[str, str]:
    charge: Charge | None = kb.charges.get(charge_id)
    attrs = {"code": code.key, "code_name_en": code.name_en, "country": code.country, "resolution": how}
    if article:
        attrs["article"] = article
    if charge is None:
        attrs["known"] = "false"
        return attrs
    attrs.update(
        known="true",
        offence_en=charge.offence_en,
        used_against_dissent="true" if charge.used_against_dissent else "false",
    )
    if charge.sources:
        attrs["sources"] = " | ".join(f"{s.organisation}, {s.title} ({s.year}) {s.url}" for s in charge.sources)
    return attrs


def extract_charges(text: str, language: str, country: str | None) -> list[Candidate]:
    """Every charge reference in ``text`` as candidates with knowledge-base attributes."""
    kb = knowledge_base()
    norm = ascii_digits(text)
    refs = _find_refs(norm)
    mentions = _find_code_mentions(norm, kb, country)
    by_start = {m.start: m for m in mentions}
    refs_by_start = {r.start: r for r in refs}
    out: list[Candidate] = []
    used_mentions: set[int] = set()
    covered: list[tuple[int, int]] = []

    def emit(start: int, end: int, mention: _CodeMention, ref: _Ref | None) -> None:
        if mention.code is None:
            return
        code = kb.codes[mention.code]
        if ref is None:
            if not code.law_id:
                return
            charge_id, article, paragraph = code.law_id, None, ""
        else:
            article, paragraph, _reason = _article_id(code, ref)
            if article is None:
                return
            charge_id = f"{code.key}-{article}"
            if ref.maybe_letter and f"{charge_id}{ref.maybe_letter}" in kb.charges:
                article += ref.maybe_letter
                charge_id += ref.maybe_letter
        attrs = _charge_attributes(kb, code, charge_id, article, mention.how)
        if paragraph:
            attrs["paragraph"] = paragraph
        part = re.search(r"(?:ч\.|част\w*|Part|partie)\s*(\d+)", norm[start:end], re.IGNORECASE)
        if part:
            attrs["part"] = part.group(1)
        confidence = 0.95 if mention.how == "explicit" else 0.8
        out.append(Candidate("CHARGE", start, end, charge_id, confidence, attrs))
        covered.append((start, end))

    for ref in refs:
        after = _code_after(norm, ref, refs_by_start, by_start)
        if after is not None:
            used_mentions.add(after.start)
            end = after.end if _FILLER.match(norm, ref.end).end() == after.start else ref.end
            emit(ref.start, end, after, ref)
            continue
        before = _code_before(norm, ref, mentions)
        if before is not None:
            used_mentions.add(before.start)
            emit(before.start, ref.end, before, ref)
    # "TCK 299/1": a code followed directly by a bare number.
    for mention in mentions:
        m = _AFTER_CODE_NUM.match(norm, mention.end)
        if m and m.start("num") - mention.end <= 10 and not any(s <= m.start("num") < e for s, e in covered):
            used_mentions.add(mention.start)
            emit(mention.start, m.end(), mention, _Ref(m.start("num"), m.end(), m.group("num")))
    # A law named on its own ("Ley 1055") is itself the charge, unless the paper cites one of its
    # articles: then the bare name ("poursuivie en vertu du décret-loi 54") is that same charge again.
    cited_codes = {c.attributes["code"] for c in out}
    for mention in mentions:
        if mention.code in cited_codes:
            continue
        if mention.start not in used_mentions and not any(s < mention.end and mention.start < e for s, e in covered):
            emit(mention.start, mention.end, mention, None)
    out.extend(_charges_by_name(norm, language, country, kb, covered, out))
    return out


# An offence name followed by the article or law it is charged under: "incitement to violence contrary
# to section 51", "煽動意圖罪，違反《維護國家安全條例》第24條", "conspiración … en concordancia con la Ley 1055".
_NAME_TO_ARTICLE = re.compile(
    r"[\s\"'”»,，、;；:：(（]*(?:contrary\s+to|in\s+violation\s+of|under|违反|違反|触犯|موضوع|المنصوص\s+عليها?\s+في"
    r"|previst[oa]s?\s+(?:y\s+sancionad[oa]s?\s+)?en|tipificad[oa]s?\s+en|prévus?\s+(?:et\s+punis?\s+)?par"
    r"|en\s+concordancia\s+con|en\s+relaci[óo]n\s+con|conforme\s+al?)?[\s(（]*(?:(?:el|la|the|le)\s+|l['’])?",
    re.IGNORECASE,
)


def _charges_by_name(
    text: str,
    language: str,
    country: str | None,
    kb: KnowledgeBase,
    covered: list[tuple[int, int]],
    articles: list[Candidate],
) -> list[Candidate]:
    """Offence names that identify one article on their own ("寻衅滋事罪", "تبلیغ علیه نظام").

    The longest name wins where two overlap ("conspiración para cometer menoscabo…" over
    "menoscabo…"); a name directly followed by the article it is charged under takes that article's
    id, so one name shared by an old and a new law ("seditious intention") follows the paper.
    """
    found: list[tuple[re.Match[str], Charge]] = []
    for charge in kb.charges.values():
        if country and kb.codes[charge.code].country != country:
            continue
        for rx in charge.names.get(language, ()):
            found.extend((m, charge) for m in rx.finditer(text))
    found.sort(key=lambda hit: (-(hit[0].end() - hit[0].start()), hit[0].start()))
    by_start = {c.start: c for c in articles}
    out: list[Candidate] = []
    taken = list(covered)
    for m, charge in found:
        if m.end() == m.start() or any(m.start() < e and s < m.end() for s, e in taken):
            continue
        after = _NAME_TO_ARTICLE.match(text, m.end())
        article = by_start.get(after.end()) if after and after.end() - m.end() <= 30 else None
        if article is not None and article.normalized != charge.id:
            attrs = dict(article.attributes, resolution="name")
            out.append(Candidate("CHARGE", m.start(), m.end(), article.normalized, 0.7, attrs))
        else:
            code = kb.codes[charge.code]
            attrs = _charge_attributes(kb, code, charge.id, charge.article, "name")
            out.append(Candidate("CHARGE", m.start(), m.end(), charge.id, 0.7, attrs))
        taken.append((m.start(), m.end()))
    return sorted(out, key=lambda c: c.start)
