"""Candidate spans shared by the rule extractors, and overlap resolution between them."""

from __future__ import annotations

from dataclasses import dataclass, field

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩０１２３４５６７８９", "0123456789" * 3)


def ascii_digits(text: str) -> str:
    """Persian, Arabic-Indic and full-width digits as ASCII, so one pattern reads every script.

    Every replacement is one character for one, so offsets into the result are offsets into the
    original text.
    """
    return text.translate(_DIGITS)


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
