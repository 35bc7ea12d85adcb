"""Quality guards on one translated sentence: the failures a lawyer could be misled by.

Neural models sometimes loop ("the the the …") or drop or invent half a sentence; both show as
a repetition the source does not have, or a length far from the source's. A flagged sentence is
retried and, if it stays flagged, kept with its flags so the reader knows to check it.
"""

from __future__ import annotations

import unicodedata

REPETITION_LOOP = "repetition_loop"
LENGTH_RATIO = "length_ratio"
EMPTY = "empty_translation"

MIN_CHARS_FOR_RATIO = 20
RATIO_BOUNDS = (0.4, 2.6)  # target chars / source chars, alphabetic scripts into English
RATIO_BOUNDS_IDEOGRAPHIC = (0.8, 8.0)  # Chinese and Japanese are far denser than English
LOOP_REPEATS = {1: 4, 2: 3, 3: 3, 4: 3}  # n-gram size → consecutive repeats that make a loop


def check_sentence(source: str, target: str) -> list[str]:
    """Flags for one sentence pair (empty when it looks sound)."""
    if not source.strip():
        return []
    if not target.strip():
        return [EMPTY]
    flags = []
    if longest_run(target.split()) > longest_run(source.split()):
        flags.append(REPETITION_LOOP)
    if length_ratio_outlier(source, target):
        flags.append(LENGTH_RATIO)
    return flags


def longest_run(words: list[str]) -> int:
    """How far past its n-gram threshold the worst consecutive repetition goes (0: none)."""
    words = [w.casefold().strip(".,;:!?") for w in words]
    worst = 0
    for n, threshold in LOOP_REPEATS.items():
        for start in range(len(words) - n):
            gram, repeats, at = words[start : start + n], 1, start + n
            while words[at : at + n] == gram:
                repeats += 1
                at += n
            if repeats >= threshold:
                worst = max(worst, repeats - threshold + 1)
    return worst


def length_ratio_outlier(source: str, target: str) -> bool:
    chars = len("".join(source.split()))
    if chars < MIN_CHARS_FOR_RATIO:
        return False
    low, high = RATIO_BOUNDS_IDEOGRAPHIC if _ideographic(source) else RATIO_BOUNDS
    ratio = len("".join(target.split())) / chars
    return not low <= ratio <= high


def _ideographic(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    wide = sum(unicodedata.east_asian_width(ch) == "W" for ch in letters)
    return bool(letters) and wide / len(letters) > 0.3
