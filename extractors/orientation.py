"""Which way up a page is: Tesseract OSD on the page's most text-like window, checked by OCR when unsure.

OSD on a 1000 px copy of a whole page saw glyphs too small to classify (cardinal.pdf came out
0/0/180/0). On a full-resolution window of text the glyphs keep their size and the cost stays
~0.08 s. Below ``OSD_TRUSTED_CONFIDENCE`` the answer is verified by OCR: first at OSD's own
rotation (the language probe reads there anyway, so a confirmed answer costs nothing more), then,
only if that reads poorly, at the other candidate rotations, the most confident one winning.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from evidence.extractors import tesseract
from PIL import Image

OSD_MIN_CHARACTERS = 10
"""Blobs OSD classifies (it samples up to 5x this); its cost is ~8 ms a character. 10 gave the
right rotation and script on all 118 calibration pages (the OCR bench's 20 and 98 development
documents rendered as scans at random rotations) as 20 did, at 0.083 s a page instead of 0.14."""

OSD_TRUSTED_CONFIDENCE = 2.5
"""OSD's confidence grows with the characters it classifies: right answers scored 1.5-7 at 10
characters (1.9-15 at 20, where wrong ones scored below 1 and 5 was trusted). Under 2.5 we check by OCR."""

CONFIRMED_READING = 62.0
"""A probe at OSD's rotation reading at least this confirms it: the calibration pages read 66-96
upright with their script's first pack and at most 58 turned by 90 or 180 degrees."""

OVERRIDE_MARGIN = 5.0
"""Confidence points by which another rotation must read better to overrule OSD's own answer."""

CREDIBLE_READING = 60.0
"""Mean word confidence below which a probe is reading noise, not text, whichever way up."""

_TRANSPOSE = {
    90: Image.Transpose.ROTATE_270,  # Pillow's ROTATE_n turns counter-clockwise
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class OrientationDecision:
    rotation: int  # degrees clockwise applied to make the page upright
    osd: tesseract.Orientation | None
    verified: bool  # True when OCR confidence, not OSD alone, decided
    osd_seconds: float


def upright(image: Image.Image, rotation: int) -> Image.Image:
    """Turn ``image`` clockwise by a multiple of 90 degrees, losslessly."""
    return image.transpose(_TRANSPOSE[rotation]) if rotation in _TRANSPOSE else image


Score = Callable[[int, "tesseract.Orientation | None"], float]
"""Reads the window turned by a candidate rotation given OSD's answer; higher is better."""


def decide_rotation(window: Image.Image, score: Score) -> OrientationDecision:
    """Rotation (clockwise) that makes upright the page ``window`` was cut from."""
    started = time.perf_counter()
    osd = tesseract.detect_orientation(window, OSD_MIN_CHARACTERS)
    seconds = round(time.perf_counter() - started, 3)
    if osd is not None and osd.rotate_confidence >= OSD_TRUSTED_CONFIDENCE:
        return OrientationDecision(osd.rotate, osd, verified=False, osd_seconds=seconds)
    if osd is not None and score(osd.rotate, osd) >= CONFIRMED_READING:
        return OrientationDecision(osd.rotate, osd, verified=True, osd_seconds=seconds)
    candidates = [0, 90, 180, 270] if osd is None else [osd.rotate, 0, (osd.rotate + 180) % 360]
    scores = {rotation: score(rotation, osd) for rotation in dict.fromkeys(candidates)}
    fallback = osd.rotate if osd is not None else 0
    best = max(scores, key=lambda rotation: scores[rotation])
    if scores[best] < CREDIBLE_READING or scores[best] < scores.get(fallback, 0.0) + OVERRIDE_MARGIN:
        best = fallback  # a weak OSD answer still beats a tie, and noise (a map, a photo) decides nothing
    return OrientationDecision(best, osd, verified=True, osd_seconds=seconds)
