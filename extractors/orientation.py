"""Which way up a page is: Tesseract OSD on the page's most text-like window, checked by OCR when unsure.

OSD on a 1000 px copy of a whole page saw glyphs too small to classify (cardinal.pdf came out
0/0/180/0). On a full-resolution window of text the glyphs keep their size and the cost stays
~0.3 s. Below ``OSD_TRUSTED_CONFIDENCE`` the answer is verified: the window is read at each
candidate rotation and the one Tesseract reads most confidently wins.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from evidence.extractors import tesseract
from PIL import Image

OSD_MIN_CHARACTERS = 20
"""Blobs OSD classifies (it samples up to 5x this): 20 gave the right answer on every fixture."""

OSD_TRUSTED_CONFIDENCE = 5.0
"""Correct OSD answers on the fixtures scored 3-15; wrong ones below 1. Under 5 we check by OCR."""

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
    candidates = [0, 90, 180, 270] if osd is None else [osd.rotate, 0, (osd.rotate + 180) % 360]
    scores = {rotation: score(rotation, osd) for rotation in dict.fromkeys(candidates)}
    fallback = osd.rotate if osd is not None else 0
    best = max(scores, key=lambda rotation: scores[rotation])
    if scores[best] < CREDIBLE_READING or scores[best] < scores.get(fallback, 0.0) + OVERRIDE_MARGIN:
        best = fallback  # a weak OSD answer still beats a tie, and noise (a map, a photo) decides nothing
    return OrientationDecision(best, osd, verified=True, osd_seconds=seconds)
