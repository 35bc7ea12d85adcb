"""Character error rate, to score OCR output against the ground truth.

Levenshtein distance comes from rapidfuzz: full pages of several thousand
characters are compared in microseconds rather than seconds.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

_SPACE = re.compile(r"\s+")
# Invisible marks Tesseract emits around numbers in RTL text, and ZWNJ, which it may drop.
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def normalize(text: str, *, drop_spaces: bool = False) -> str:
    """NFKC, one space between words, no blank lines or line structure.

    ``drop_spaces`` suits Chinese, where Tesseract puts spaces between glyphs.
    """
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return _SPACE.sub("", text) if drop_spaces else _SPACE.sub(" ", text).strip()


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insert, delete, substitute all cost 1)."""
    return Levenshtein.distance(a, b)


def cer(hypothesis: str, reference: str, *, drop_spaces: bool = False) -> float:
    """Edit distance over reference length, after :func:`normalize` on both sides."""
    ref = normalize(reference, drop_spaces=drop_spaces)
    hyp = normalize(hypothesis, drop_spaces=drop_spaces)
    if not ref:
        return 0.0 if not hyp else 1.0
    return levenshtein(hyp, ref) / len(ref)
