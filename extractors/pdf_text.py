"""Judges whether a PDF page's text layer is real text worth trusting over OCR."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MIN_TEXT_CHARS = 20
MAX_JUNK_RATIO = 0.1
IMAGE_COVER_FOR_SCAN = 0.5
MIN_CHARS_ON_SCANNED_PAGE = 200
MAX_SHAPES_ON_TEXT_PAGE = 50
"""More curves than this on a page with little text suggests text drawn as outlines: OCR it."""


@dataclass(frozen=True)
class TextLayerVerdict:
    use: bool
    reason: str


def judge_text_layer(text: str, image_cover: float, shapes: int = 0) -> TextLayerVerdict:
    """Decide from the extracted text, how much of the page images cover and how many paths it draws.

    A page is OCR'd instead when its layer is missing, made of unmapped glyphs ``(cid:NN)`` or
    mojibake, or is a small caption over a page-sized image (a scan with a partial layer). A short
    layer on a page with no images and few drawn paths is the whole page (a one-line letterhead):
    OCR could only read the same words worse.
    """
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return TextLayerVerdict(False, "no usable text layer")
    if len(visible) < MIN_TEXT_CHARS and (image_cover > 0.0 or shapes > MAX_SHAPES_ON_TEXT_PAGE):
        return TextLayerVerdict(False, "no usable text layer")
    cid = text.count("(cid:")
    if cid * 6 / len(visible) > MAX_JUNK_RATIO:
        return TextLayerVerdict(False, "text layer has unmapped glyphs (cid)")
    junk = sum(1 for ch in visible if _is_junk(ch))
    if junk / len(visible) > MAX_JUNK_RATIO:
        return TextLayerVerdict(False, "text layer is mojibake (control, private-use or replacement characters)")
    if image_cover >= IMAGE_COVER_FOR_SCAN and len(visible) < MIN_CHARS_ON_SCANNED_PAGE:
        return TextLayerVerdict(False, "text layer covers only part of a scanned page")
    if len(visible) < MIN_TEXT_CHARS:
        return TextLayerVerdict(True, "short text layer on a page without images")
    return TextLayerVerdict(True, "real text layer")


def _is_junk(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch == "\ufffd" or category in ("Cc", "Co", "Cs", "Cn")
