"""Document type: the paper's own title first, then what its text does.

Most papers name themselves in a heading (ПОВЕСТКА, YAKALAMA KARARI, 起诉书); the operative
wording (an order to appear, to arrest, to hold; an accusation; a sentence; a threat) decides the
papers whose heading is generic (УХВАЛА, RESOLUCIÓN, قرار) or missing, and breaks ties. The wording
of every language is in ``doctype_lexicon``; all of it is checked whatever the stated language,
because translations and mixed documents exist.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from evidence.extractors.legal import doctype_lexicon as lexicon
from evidence.extractors.legal.spans import compact_han

DOC_TYPES = ("summons", "arrest_warrant", "detention_order", "indictment", "court_decision", "threat_letter", "other")

_HEADING_POINTS = 3.0  # a title in a heading near the top names the paper itself
_BODY_POINTS = 1.0  # in a sentence it may only cite another paper, as a verdict cites the indictment
_OWN_TITLE_BONUS = 2.0  # the first heading that names a kind of paper is the paper's own title
_GENERIC_POINTS = 1.0  # УХВАЛА, KARAR, AUTO: a court ruled, the wording says on what
_CUE_POINTS = 1.0
_OTHER_CUE_POINTS = 1.5  # a lawyer's, a letter writer's or a reporter's voice
_UNTITLED_OTHER_FACTOR = 2.0  # that voice, with no legal heading at all, is a paper about a case
_INFORMAL_YOU_POINTS = 1.0
_INFORMAL_YOU_MIN = 2  # one "ты" may be a quotation; two are how the letter speaks
_TOP_LINES = 10  # the letterhead and title block
_CAPTION_LINES = 20  # as long as no paragraph has begun: a judgment's caption (court, case, parties, coram)
_RULE = re.compile(r"^[\W_]+$")  # "-------", "=====": decoration, not a line of the title block
_SPACED_MIN_LETTERS = 4
_HEADING_MAX_WORDS = 12  # a heading is a short line; a sentence that cites another paper is not
_CAPITALS_MAX_WORDS = 24  # unless it is set in capitals, as long titles are
_HEADING_MAX_HAN = 16
_SENTENCE_MIN_WORDS = 5
_HEADING_TRIM = " \t.:;,*-–—=_«»\"'()[]"

_LATIN_LOOKALIKES = str.maketrans("aeopcxykmthbi", "аеорсхукмтнві")
_CYRILLIC_WORD = re.compile(r"\w*[а-яєіїґў]\w*")
_FOLD_CHARS = str.maketrans(
    {
        "ı": "i",
        "’": "'",
        "ʼ": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ە": "ه",
        "ھ": "ه",
        "ٱ": "ا",
        "ـ": None,  # tatweel
        "\u200c": " ",  # zero-width non-joiner: Persian writes می‌دانیم, می دانیم and میدانیم
        "\u200d": None,
        **lexicon.TRADITIONAL_TO_SIMPLIFIED,
    }
)


def fold(text: str) -> str:
    """Text as the lexicon is matched: lower case, no diacritics, one spelling per letter.

    OCR and typists vary exactly here: hamza or none on alef, Persian or Arabic yeh and kaf, ё or
    е, Turkish dotted and dotless i, accents, traditional or simplified Chinese, and Latin letters
    read into a Cyrillic word ("ПOВECTKA").
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = _CYRILLIC_WORD.sub(lambda m: m.group(0).translate(_LATIN_LOOKALIKES), text)
    return text.translate(_FOLD_CHARS)


def _fold_literal(source: str) -> str:
    return re.sub(r" (\?)?", lambda m: r"\s*" if m.group(1) else r"\s+", fold(source))


def _compile(pattern: str) -> re.Pattern[str]:
    """A lexicon pattern folded like the text; escapes such as ``\\b`` and ``\\d`` are kept as written."""
    parts = re.split(r"(\\.)", pattern)
    source = "".join(part if part.startswith("\\") else _fold_literal(part) for part in parts)
    return re.compile(source, re.MULTILINE)


def _compile_lexicon(by_language: lexicon.Lexicon) -> list[re.Pattern[str]]:
    """Every language's patterns; two that fold alike (Arabic and Persian خائن) count once."""
    compiled = (_compile(pattern) for patterns in by_language.values() for pattern in patterns)
    return list({rx.pattern: rx for rx in compiled}.values())


_TITLES = {kind: _compile_lexicon(by_language) for kind, by_language in lexicon.TITLES.items()}
_GENERIC = {kind: _compile_lexicon(by_language) for kind, by_language in lexicon.GENERIC_TITLES.items()}
_CUES = {kind: _compile_lexicon(by_language) for kind, by_language in lexicon.CUES.items()}
_OTHER_TITLES = _compile_lexicon(lexicon.OTHER_TITLES)
_OTHER_CUES = _compile_lexicon(lexicon.OTHER_CUES)
_INFORMAL_YOU = [_compile(pattern) for pattern in lexicon.INFORMAL_YOU]
_SUBJECT_LABEL = _compile(lexicon.SUBJECT_LABEL)
_DATELINE = re.compile(lexicon.DATELINE)  # on the text as written: it needs capitals
_DATELINE_SENTENCE = re.compile(lexicon.DATELINE_SENTENCE)


@dataclass(frozen=True)
class _Layout:
    """Where a phrase stands: a heading near the top names the paper, a sentence discusses papers."""

    headings: list[str]
    top_lines: list[str]  # as written, for the dateline
    body: str


def _in_capitals(line: str) -> bool:
    return line.upper() == line != line.lower()  # scripts without case are never in capitals


def _is_short(line: str) -> bool:
    han = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
    if han > len(line) / 2:
        return han <= _HEADING_MAX_HAN
    words = len(line.split())
    return words <= _HEADING_MAX_WORDS or (words <= _CAPITALS_MAX_WORDS and _in_capitals(line))


def _is_sentence(line: str) -> bool:
    """A full sentence on a line of its own ("Je vous transmets le mandat d'arrêt.") cites; a title has no full stop."""
    return len(line.split()) >= _SENTENCE_MIN_WORDS and line.endswith((".", "!", "?", "。", "؟"))


def _unspaced(line: str) -> str:
    """ "П О В Е С Т К А", as forms space out a title, is "ПОВЕСТКА"."""
    tokens = line.split()
    if len(tokens) >= _SPACED_MIN_LETTERS and sum(len(t) == 1 for t in tokens) >= 0.8 * len(tokens):
        return re.sub(r"(?<=\w) (?=\w(\s|$))", "", line)
    return line


def _layout(text: str) -> _Layout:
    """Headings among the first lines of ``text``: short lines, but not the short last line of a
    wrapped paragraph unless it is set in capitals as titles are. A heading line is also read
    together with the next one, as titles run on ("ПРОТОКОЛ / задержания подозреваемого").

    The title block is the first ten lines, or more (up to twenty) while every line so far is short:
    a common-law judgment puts court, case numbers, parties and coram before "REASONS FOR VERDICT"."""
    top_lines: list[str] = []
    headings: list[str] = []
    previous = run_on = ""
    in_caption = True
    for raw in text.splitlines():
        line = _unspaced(raw.strip())
        if not line or _RULE.match(line):
            previous = run_on = ""
            continue
        in_caption = in_caption and _is_short(line)
        if len(top_lines) >= (_CAPTION_LINES if in_caption else _TOP_LINES):
            break
        top_lines.append(line)
        ends_paragraph = bool(previous) and not _is_short(previous) and not _in_capitals(line)
        if _is_short(line) and not ends_paragraph and not _is_sentence(line):
            heading = _SUBJECT_LABEL.sub("", fold(line)).strip(_HEADING_TRIM)
            if heading and run_on:
                headings.append(f"{run_on} {heading}")
            if heading:
                headings.append(heading)
            run_on = heading
        else:
            run_on = ""
        previous = line
    return _Layout(headings=headings, top_lines=top_lines, body=fold(text))


class _OwnTitle(NamedTuple):
    """What the first heading that names a kind of paper says the paper is."""

    kind: str  # "other" (a certificate, a complaint…), "legal", or "none" when no heading names a paper
    types: frozenset[str] = frozenset()  # the legal types it names; none for a generic УХВАЛА


def _own_title(layout: _Layout) -> _OwnTitle:
    for heading in layout.headings:
        if any(rx.search(heading) for rx in _OTHER_TITLES):
            return _OwnTitle("other")
        named = frozenset(kind for kind, patterns in _TITLES.items() if any(rx.search(heading) for rx in patterns))
        if named or any(rx.search(heading) for patterns in _GENERIC.values() for rx in patterns):
            return _OwnTitle("legal", named)
    return _OwnTitle("none")


def _in_heading(rx: re.Pattern[str], layout: _Layout) -> bool:
    return any(rx.search(line) for line in layout.headings)


def _scores(layout: _Layout, own_title: _OwnTitle) -> dict[str, float]:
    scores: dict[str, float] = {}
    for kind in DOC_TYPES[:-1]:
        score = sum(
            _HEADING_POINTS if _in_heading(rx, layout) else _BODY_POINTS
            for rx in _TITLES[kind]
            if rx.search(layout.body)
        )
        score += _OWN_TITLE_BONUS if kind in own_title.types else 0.0
        score += sum(_GENERIC_POINTS for rx in _GENERIC.get(kind, []) if _in_heading(rx, layout))
        score += sum(_CUE_POINTS for rx in _CUES[kind] if rx.search(layout.body))
        if score:
            scores[kind] = score
    if sum(len(rx.findall(layout.body)) for rx in _INFORMAL_YOU) >= _INFORMAL_YOU_MIN:
        scores["threat_letter"] = scores.get("threat_letter", 0.0) + _INFORMAL_YOU_POINTS
    other = sum(_OTHER_CUE_POINTS for rx in _OTHER_CUES if rx.search(layout.body))
    if other:
        scores["other"] = other * (_UNTITLED_OTHER_FACTOR if own_title.kind == "none" else 1.0)
    return scores


def _opens_with_dateline(layout: _Layout) -> bool:
    """A news dateline ("CAIRO — A Cairo court on Sunday …") in the first lines: a report about a case."""
    return any(_DATELINE.match(line) and _DATELINE_SENTENCE.search(line) for line in layout.top_lines)


def classify_document(text: str, language: str) -> tuple[str, float]:
    """Best document type and a confidence in [0, 1]; "other" when nothing names or marks a legal paper.

    A title in a heading near the top names the paper itself (3 points, 2 more for the first such
    heading); in a sentence it may only cite another paper (1). Operative wording adds 1 a phrase,
    a lawyer's, letter writer's or reporter's voice 1.5 for "other" (twice that without any legal
    heading). A certificate, receipt or defence paper named in the heading before any legal title,
    or a news dateline, is "other" whatever it quotes.
    """
    del language  # every language's wording is checked: translations and mixed documents exist
    text = compact_han(text)[0]  # "传唤 证" as OCR spaces it is "传唤证"
    layout = _layout(text)
    own_title = _own_title(layout)
    if own_title.kind == "other" or _opens_with_dateline(layout):
        return "other", 0.9
    scores = _scores(layout, own_title)
    if not scores:
        return "other", 0.3
    best = max(scores, key=lambda t: scores[t])
    confidence = round(min(0.99, 0.5 + 0.5 * scores[best] / sum(scores.values())), 3)
    return best, confidence
