"""Rule-based sentence splitting with character offsets, for every script the pipeline reads.

Why rules: stanza, spaCy and MiniSBD models would have to be downloaded; a lawyer checking a
translation line by line needs stable offsets into the page text more than perfect boundaries.
Boundaries: ``. ! ? …`` (and Arabic/Persian ``؟ ۔``) followed by space, CJK ``。！？`` anywhere,
blank lines, lines in capitals only (headings), and lines that end without punctuation before a
line that starts a new block.
Known abbreviations and initials do not end a sentence. Very long sentences are cut at commas or
spaces so no sentence exceeds what a model can take.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

MAX_SENTENCE_CHARS = 600

_CLOSERS = "\"'”’»)]}」』"
_LATIN_END = re.compile(rf"[.!?…؟۔]+[{re.escape(_CLOSERS)}]*(?=\s)")
_CJK_END = re.compile(rf"[。！？]+[{re.escape(_CLOSERS)}]*")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LIST_START = re.compile(r"\n(?=\s*(?:[-•*–]\s|\d{1,3}[.)]\s|[A-ZА-ЯЁ]{2,}))")

# Lower-cased abbreviations (without the final dot) that usually do not end a sentence.
ABBREVIATIONS = frozenset(
    {
        # Spanish
        "sr", "sra", "srta", "dr", "dra", "lic", "art", "arts", "núm", "nº", "no", "pág", "págs", "ej",
        "etc", "av", "avda", "c", "cía", "exp", "inc", "ud", "uds", "vol", "dña", "d", "sto", "sta",
        # English
        "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "p", "pp", "fig", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "para",
        # French / German / Turkish
        "m", "mme", "mlle", "me", "cf", "z.b", "bzw", "nr", "abs", "s", "vgl", "bkz", "md",
        # Russian / Ukrainian / Belarusian
        "г", "гг", "ст", "ч", "п", "пп", "т.е", "т.д", "и.о", "ул", "д", "им", "стр", "см", "тел",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """Sentence spans of ``text`` (offsets into it, surrounding whitespace excluded)."""
    cuts = {0, len(text)}
    for match in _LATIN_END.finditer(text):
        if not _is_abbreviation(text, match.start()):
            cuts.add(match.end())
    cuts.update(match.end() for match in _CJK_END.finditer(text))
    cuts.update(match.start() for match in _BLANK_LINE.finditer(text))
    cuts.update(match.start() for match in _LIST_START.finditer(text))
    cuts.update(_heading_lines(text))
    spans: list[Span] = []
    ordered = sorted(cuts)
    for start, end in itertools.pairwise(ordered):
        span = _strip(text, start, end)
        if span is not None:
            spans.extend(_cut_long(text, span, max_chars))
    return spans


def _heading_lines(text: str) -> set[int]:
    """Start and end of every line written in capitals only (titles, headings): its own sentence."""
    cuts: set[int] = set()
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if body.isupper() and sum(ch.isalpha() for ch in body) >= 2:
            cuts.update((offset, offset + len(line.rstrip("\r\n"))))
        offset += len(line)
    return cuts


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation or an initial ("J. Pérez")."""
    if text[dot] != ".":
        return False
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isupper()


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _cut_long(text: str, span: Span, max_chars: int) -> list[Span]:
    """Cut a span longer than ``max_chars`` at the last comma, semicolon or space before the limit."""
    out: list[Span] = []
    start = span.start
    while span.end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind(sep) for sep in (", ", "; ", "، ", "，", "；"))
        if cut > max_chars // 3:
            cut += 1
        else:
            cut = window.rfind(" ")
            if cut <= max_chars // 3:
                cut = max_chars
        piece = _strip(text, start, start + cut)
        if piece is not None:
            out.append(piece)
        start += cut
    tail = _strip(text, start, span.end)
    if tail is not None:
        out.append(tail)
    return out
