"""Candidate spans shared by the rule extractors, and overlap resolution between them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from evidence.extractors.legal.doctype_lexicon import TRADITIONAL_TO_SIMPLIFIED


@dataclass(frozen=True)
class Candidate:
    """A rule hit before it becomes an ``Entity``: offsets into the page text."""

    type: str
    start: int
    end: int
    normalized: str | None
    confidence: float
    attributes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def length(self) -> int:
        return self.end - self.start


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def resolve_overlaps(candidates: list[Candidate], priority: dict[str, int]) -> list[Candidate]:
    """Keep non-overlapping candidates: higher type priority first, then longer, then earlier.

    Type priority is what keeps a case number glued to a date from being read as a date.
    """
    ranked = sorted(candidates, key=lambda c: (-priority.get(c.type, 0), -c.length, c.start))
    kept: list[Candidate] = []
    for cand in ranked:
        if not any(overlaps(cand, k) for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))


_CJK = r"[\u3000-\u303F\u4e00-\u9fff\uFF00-\uFFEF0-9()\[\]【】〔〕《》]"
_HAN_GAP = re.compile(rf"(?<={_CJK})[ \t]+(?={_CJK})")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")


_SIMPLIFIED = str.maketrans(TRADITIONAL_TO_SIMPLIFIED)


def simplified_han(text: str) -> str:
    """Traditional characters as simplified (香港警務處 as 香港警务处), one for one, so the rules and
    gazetteers written in simplified Chinese read Hong Kong and Taiwan papers and offsets still hold."""
    return text.translate(_SIMPLIFIED)


def compact_han(text: str) -> tuple[str, list[int]]:
    """Text with the spaces OCR puts between Chinese characters removed ("北京 市 公安 局"), and
    for each character of the result its offset in ``text``, so spans map back to the page.

    Only gaps with Han (or CJK punctuation, digits, brackets) on both sides and at least one Han
    character next to them are dropped; other text is left as it is.
    """
    keep: list[int] = []
    drop: set[int] = set()
    for m in _HAN_GAP.finditer(text):
        left, right = text[m.start() - 1], text[m.end()]
        if _HAS_HAN.match(left) or _HAS_HAN.match(right):
            drop.update(range(m.start(), m.end()))
    keep = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in keep), keep


def map_back(candidates: list[Candidate], offsets: list[int]) -> list[Candidate]:
    """Candidates found in a compacted text, with spans in the original text."""
    return [replace(c, start=offsets[c.start], end=offsets[c.end - 1] + 1) for c in candidates if c.end > c.start]
