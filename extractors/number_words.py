"""Number words on Arabic-script pages re-read by our digit reader, in place of Tesseract's reading.

Why: on the 23 Arabic and Persian calibration scans Tesseract read 44 of 188 digit tokens exactly
(۱۴۰۲ as ۱۲۰۲, ٢٠٢٤ as 7١72); re-reading each of its number words from the word's box with
:mod:`evidence.extractors.arabic_digits` read 150, with no token that Tesseract had right made
wrong. Only Tesseract's words that hold a digit are re-read, and a reading with fewer digits than
Tesseract saw is not trusted (the box then missed part of the number).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import lru_cache
from typing import Literal

import numpy as np
from evidence.extractors import arabic_digits, tesseract
from evidence.extractors.digits import ascii_digits
from PIL import Image

BOX_MARGIN_PX = 10
"""Tesseract's boxes on right-to-left numbers are often a few pixels off: 10 px read 150 of the
188 calibration tokens, 6 px 148, with no false replacement either way."""

WORD_SPACE = 0.35
"""A blank run at least this share of the line height is a space between words, not between digits."""

_DIGITS = frozenset("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")


def reread_number_words(
    image: Image.Image, result: tesseract.OcrResult, default_style: Literal["arabic", "persian"]
) -> tuple[tesseract.OcrResult, int]:
    """``result`` with its number words re-read from ``image`` (the image Tesseract read), and how many changed.

    Neighbouring number words on a line are read as one number first: Tesseract often cuts a date in
    two ("2/3/2014" as "014" and "2/3/201", in right-to-left order).
    """
    words = list(result.word_boxes)
    out: list[tesseract.Word] = []
    changed = 0
    index = 0
    while index < len(words):
        run = _number_run(words, index)
        merged = _read(image, run, default_style) if len(run) > 1 else None
        if merged is not None and not _one_number(merged.text):
            merged = None  # "٢٠٢٣/١٠/٠٨ ١٠:٣٠" is a date and a time, not one number
        if merged is not None:
            out.append(merged)
            changed += 1
            index += len(run)
            continue
        word = words[index]
        reading = _read(image, [word], default_style)
        if reading is not None and reading.text != word.text:
            out.append(reading)
            changed += 1
        else:
            out.append(word)
        index += 1
    if not changed:
        return result, 0
    return replace(result, text=tesseract.text_from_words(out), word_boxes=tuple(out)), changed


def _number_run(words: list[tesseract.Word], start: int) -> list[tesseract.Word]:
    """The words from ``start`` on that hold digits (or a lone separator between them), on one line, close together."""
    run = [words[start]]
    if not _digit_count(words[start].text):
        return run
    for word in words[start + 1 :]:
        last = run[-1]
        same_line = (word.block, word.paragraph, word.line) == (last.block, last.paragraph, last.line)
        gap = max(word.left, last.left) - min(word.left + word.width, last.left + last.width)
        if (
            not same_line
            or gap >= WORD_SPACE * max(word.height, last.height)
            or not (_digit_count(word.text) or word.text in "/-.")
        ):
            break
        run.append(word)
    while len(run) > 1 and not _digit_count(run[-1].text):
        run.pop()
    return run


def _read(
    image: Image.Image, run: list[tesseract.Word], default_style: Literal["arabic", "persian"]
) -> tesseract.Word | None:
    """The run of words re-read as one number, as a word with their joint box; None when not trusted.

    A number the reader declines is tried once more with a margin as wide as the line is tall: the
    box Tesseract drew often cuts off its first or last digit.
    """
    seen = sum(_digit_count(word.text) for word in run)
    if not seen or any(word.width <= 0 or word.height <= 0 for word in run):
        return None
    left = min(word.left for word in run)
    top = min(word.top for word in run)
    right = max(word.left + word.width for word in run)
    bottom = max(word.top + word.height for word in run)
    for margin in dict.fromkeys((BOX_MARGIN_PX, max(BOX_MARGIN_PX, bottom - top))):
        box = (
            max(0, left - margin),
            max(0, top - BOX_MARGIN_PX),
            min(image.width, right + margin),
            min(image.height, bottom + BOX_MARGIN_PX),
        )
        crop = image.crop(box)
        for piece in (crop, *_pieces(crop, bottom - top)):
            reading = arabic_digits.read_number(piece, default_style)
            if reading is not None and _digit_count(reading.text) >= seen:
                first = run[0]
                return replace(first, text=reading.text, left=left, top=top, width=right - left, height=bottom - top)
    return None


def _pieces(crop: Image.Image, line_height: int) -> list[Image.Image]:
    """``crop`` cut at its word spaces: Tesseract's box sometimes spans a label and its number
    ("شماره دادنامه: ۱۴۰۲…") while its text holds only the digits. Empty when there is nothing to cut."""
    columns = (np.asarray(crop.convert("L"), dtype=np.uint8) < 128).any(axis=0)
    gap = max(3, int(WORD_SPACE * line_height))
    spans: list[tuple[int, int]] = []
    start: int | None = None
    blank = 0
    for x, inked in enumerate(columns):
        if inked:
            start = x if start is None else start
            blank = 0
        elif start is not None:
            blank += 1
            if blank >= gap:
                spans.append((start, x - blank + 1))
                start, blank = None, 0
    if start is not None:
        spans.append((start, len(columns)))
    if len(spans) < 2:
        return []
    pad = BOX_MARGIN_PX // 2
    return [crop.crop((max(0, a - pad), 0, min(crop.width, b + pad), crop.height)) for a, b in spans]


_ONE_NUMBER = (
    re.compile(r"\d{6,}"),  # a case, file or identity number
    re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}"),  # a date
    re.compile(r"\d{1,6}/\d{4}|\d{4}/\d{1,6}"),  # a number and its year
)


def _one_number(text: str) -> bool:
    """Whether words read together make one number of a shape that numbers take, not two numbers side by side."""
    digits = ascii_digits(text)
    return any(pattern.fullmatch(digits) for pattern in _ONE_NUMBER)


def _digit_count(text: str) -> int:
    return sum(ch in _DIGITS for ch in text)


@lru_cache(maxsize=1)
def templates_version() -> str:
    """The digit templates' SHA-256 prefix, for the record's provenance: they are a model too."""
    digest = hashlib.sha256(arabic_digits.TEMPLATE_PATH.read_bytes()).hexdigest()
    return f"{arabic_digits.FEATURE_VERSION}+sha256:{digest[:12]}"
