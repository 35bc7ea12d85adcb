"""Number words on Arabic-script pages re-read from Tesseract's word boxes: what Tesseract misread is
fixed, a number it cut in two is read whole, and two numbers side by side stay two.

The images are real renderings (a Noto font, which the digit templates never saw); Tesseract's
readings and boxes are injected, because the point is what happens to its known mistakes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from evidence.extractors import tesseract
from evidence.extractors.number_words import reread_number_words
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, ImageOps

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
NASKH = FONT_DIR / "NotoNaskhArabic-Regular.ttf"
SANS = FONT_DIR / "NotoSans-Regular.ttf"

pytestmark = pytest.mark.skipif(not NASKH.exists() or not SANS.exists(), reason="Noto fonts not installed")


def _render(parts: list[tuple[str, Path]], space: int = 18) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A line of text pieces drawn left to right, a word space apart, with each piece's box. A
    character the piece's font lacks ('/' in Naskh) is drawn in Noto Sans, as the sample scans do."""
    image = Image.new("L", (1400, 120), 255)
    draw = ImageDraw.Draw(image)
    fallback = ImageFont.truetype(str(SANS), 44)
    x, boxes = 40, []
    for text, font_path in parts:
        font = ImageFont.truetype(str(font_path), 44)
        has = set(TTFont(str(font_path)).getBestCmap())
        start = x
        for ch in text:
            face = font if ord(ch) in has else fallback
            draw.text((x, 30), ch, font=face, fill=0)
            x += round(face.getlength(ch))
        left, top, right, bottom = ImageOps.invert(image).crop((start, 0, x, image.height)).getbbox()
        boxes.append((start + left, top, right - left, bottom - top))
        x += space
    return image, boxes


def _result(words: list[tuple[str, tuple[int, int, int, int]]]) -> tesseract.OcrResult:
    rows = tuple(tesseract.Word(1, 1, 1, 60.0, text, *box) for text, box in words)
    return tesseract.OcrResult(tesseract.text_from_words(rows), 60.0, "fas", len(rows), rows)


def test_a_persian_date_tesseract_misread_is_read_right() -> None:
    image, (box,) = _render([("۱۴۰۲/۰۷/۱۵", NASKH)])
    fixed, changed = reread_number_words(image, _result([("۱۲۰۲/۰۵/۱۵", box)]), "persian")  # Tesseract's reading
    assert (fixed.text, changed) == ("۱۴۰۲/۰۷/۱۵", 1)


def test_a_date_tesseract_cut_in_two_is_read_as_one_number() -> None:
    image, (box,) = _render([("2/3/2014", SANS)])
    left, top, width, height = box
    cut = left + width * 5 // 8  # Tesseract's two words on the scan of ar-03, right to left: "014", "2/1/7"
    words = [("014", (cut, top, left + width - cut, height)), ("2/1/7", (left, top, cut - left - 2, height))]
    fixed, _ = reread_number_words(image, _result(words), "arabic")
    assert fixed.text == "2/3/2014"


def test_a_date_and_a_time_side_by_side_stay_two_numbers() -> None:
    # a tight space, as narrow as the gaps where Tesseract cuts one number in two
    image, (date_box, time_box) = _render([("٢٠٢٣/١٠/٠٨", NASKH), ("١٠:٣٠", NASKH)], space=4)
    fixed, _ = reread_number_words(image, _result([("٢٠٢٣/١٠/٠٨", date_box), ("١٠:٣٠", time_box)]), "arabic")
    assert fixed.text == "٢٠٢٣/١٠/٠٨ ١٠:٣٠"


def test_a_box_that_spans_a_label_and_its_number_still_yields_the_number() -> None:
    image, (number_box, label_box) = _render([("۱۴۰۲۳۹۳۹۰۰۰۲", NASKH), ("شماره دادنامه", NASKH)])
    left, top = number_box[0], min(number_box[1], label_box[1])
    right = label_box[0] + label_box[2]
    bottom = max(number_box[1] + number_box[3], label_box[1] + label_box[3])
    fixed, _ = reread_number_words(
        image, _result([("۱۲۰۳۳۹۳۹۰۰۰۲", (left, top, right - left, bottom - top))]), "persian"
    )
    assert fixed.text == "۱۴۰۲۳۹۳۹۰۰۰۲"
