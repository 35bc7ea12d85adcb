"""A PDF page's own text: pdfplumber first, pypdfium2 when pdfminer cannot parse the page.

Also reads sideways text layers (a /Rotate'd page, or text drawn at 90 degrees) in lines rather
than one word per line, and puts right-to-left lines in logical order.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import pdfplumber
import pypdfium2 as pdfium
from evidence.extractors.rtl import logical_text
from pdfplumber.utils.text import extract_text


@dataclass(frozen=True)
class TextLayer:
    text: str
    image_cover: float  # fraction of the page covered by images
    shapes: int  # vector paths drawn (text converted to outlines shows up here)
    rotation: int  # clockwise degrees that make the text upright as displayed
    extractor: str


def read_text_layer(plumber: pdfplumber.PDF, document: pdfium.PdfDocument, index: int) -> TextLayer:
    try:
        page = plumber.pages[index]
        area = float(page.width * page.height) or 1.0
        cover = sum(abs((img["x1"] - img["x0"]) * (img["bottom"] - img["top"])) for img in page.images) / area
        chars = page.chars
        rotation = _text_rotation(chars)
        if rotation:
            text = extract_text(_turn(chars, rotation, float(page.width), float(page.height)))
        else:
            text = page.extract_text() or ""
        shapes = len(page.curves)
        return TextLayer(logical_text(text), min(cover, 1.0), shapes, rotation, "pdfplumber")
    except Exception:  # pdfminer raises many unrelated types on broken pages (bad colour spaces, ...)
        return _pdfium_layer(document, index)


def _pdfium_layer(document: pdfium.PdfDocument, index: int) -> TextLayer:
    """Fallback: pdfium's text, with image cover from its page objects."""
    try:
        page = document[index]
        text = page.get_textpage().get_text_range().replace("\r\n", "\n")
        width, height = page.get_size()
        area = float(width * height) or 1.0
        cover = 0.0
        for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            cover += abs((right - left) * (top - bottom)) / area
    except (pdfium.PdfiumError, ValueError, OSError):
        return TextLayer("", 1.0, 0, 0, "none")
    return TextLayer(logical_text(text, drawn_order=False), min(cover, 1.0), 0, 0, "pypdfium2")


def _text_rotation(chars: list[dict]) -> int:
    """270 when most letters run top to bottom on the displayed page, 90 when bottom to top, else 0."""
    down = up = upright = 0
    for previous, char in pairwise(chars):
        if char["upright"]:
            upright += 1
        elif abs(char["x0"] - previous["x0"]) < 1.0:
            down += char["top"] > previous["top"]
            up += char["top"] < previous["top"]
    if max(down, up) <= upright:
        return 0
    return 270 if down >= up else 90


def _turn(chars: list[dict], rotation: int, width: float, height: float) -> list[dict]:
    """Character boxes in the frame of the page turned clockwise by ``rotation`` (90 or 270)."""
    turned = []
    for char in chars:
        if rotation == 270:
            x0, x1, top, bottom = char["top"], char["bottom"], width - char["x1"], width - char["x0"]
        else:
            x0, x1, top, bottom = height - char["bottom"], height - char["top"], char["x0"], char["x1"]
        turned.append(char | {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "upright": True})
    return turned
