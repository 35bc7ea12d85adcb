"""Our digit reader on word crops drawn in Noto fonts, which the templates never saw (the template
build leaves Noto out), the way a scanned document in an unknown font would reach it.

Noto Naskh Arabic has no "/" or "-": a document's renderer takes those from Noto Sans, and so
do these crops.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from evidence.extractors.arabic_digits import read_number
from PIL import Image, ImageDraw, ImageFilter, ImageFont

NOTO = Path("/usr/share/fonts/truetype/noto")
NASKH = NOTO / "NotoNaskhArabic-Regular.ttf"
SANS = NOTO / "NotoSans-Regular.ttf"
DPI = 300

pytestmark = pytest.mark.skipif(not (NASKH.exists() and SANS.exists()), reason="Noto fonts not installed")


def crop_of(runs: list[tuple[str, Path]], points: float = 11, margin: int = 6, direction: str = "ltr") -> Image.Image:
    """A grayscale word crop as the caller cuts it from a 300 dpi scan: runs drawn left to right on
    one baseline, dark grey on off-white paper, ``margin`` px around the ink."""
    canvas = Image.new("L", (2000, 400), 245)
    draw = ImageDraw.Draw(canvas)
    x = 50.0
    for text, font_path in runs:
        font = ImageFont.truetype(str(font_path), round(points * DPI / 72))
        draw.text((x, 250), text, font=font, fill=25, anchor="ls", direction=direction)
        x += font.getlength(text, direction=direction)
    left, top, right, bottom = Image.eval(canvas, lambda v: 255 - v).point(lambda v: 255 if v > 60 else 0).getbbox()
    return canvas.crop((left - margin, top - margin, right + margin, bottom + margin))


def eastern(number: str) -> list[tuple[str, Path]]:
    """Digits in Noto Naskh Arabic, separators in Noto Sans."""
    runs: list[tuple[str, Path]] = []
    for ch in number:
        font = NASKH if ch.isdigit() else SANS
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + ch, font)
        else:
            runs.append((ch, font))
    return runs


def scanned(image: Image.Image, seed: int = 0) -> Image.Image:
    """A little scan damage: blur, sensor noise and JPEG."""
    blurred = np.asarray(image.filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32)
    noisy = blurred + np.random.default_rng(seed).normal(0, 6, blurred.shape)
    buffer = io.BytesIO()
    Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=60)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


@pytest.mark.parametrize("points", [9, 11, 14])
def test_persian_date_reads_exactly_with_its_digits(points: float) -> None:
    # Tesseract's fas model reads this date "۱۲۰۲/۰۵/۱۵": the 4 and the 7 are the facts that matter.
    reading = read_number(crop_of(eastern("۱۴۰۲/۰۷/۱۵"), points), "persian")
    assert reading is not None
    assert reading.text == "۱۴۰۲/۰۷/۱۵"
    assert reading.style == "persian"
    assert reading.glyphs == 10
    assert 0.0 < reading.confidence <= 1.0


def test_digit_style_comes_from_the_shapes_not_the_default() -> None:
    # Noto Naskh draws Persian 4 and 7 in their Urdu forms, which Arabic-Indic digits never have.
    persian = read_number(crop_of(eastern("۱۴۰۲/۰۷/۱۵")), "arabic")
    assert persian is not None and (persian.text, persian.style) == ("۱۴۰۲/۰۷/۱۵", "persian")
    # The ε-shaped 4 is Arabic-Indic only: an Egyptian date stays Arabic-Indic on a Persian page.
    arabic = read_number(crop_of(eastern("٢٠٢٤/٠٢/١١")), "persian")
    assert arabic is not None and (arabic.text, arabic.style) == ("٢٠٢٤/٠٢/١١", "arabic")


def test_shared_shapes_take_the_default_style() -> None:
    # 0-3, 8 and 9 look alike in both scripts: only the caller's page language can tell.
    assert read_number(crop_of(eastern("۱۳۹۲")), "persian").text == "۱۳۹۲"
    assert read_number(crop_of(eastern("١٣٩٢")), "arabic").text == "١٣٩٢"


def test_egyptian_case_number_tesseract_gets_wrong() -> None:
    # ara reads "١١٥٦" as "١١01": the five and the six are lost.
    reading = read_number(crop_of(eastern("١١٥٦")), "arabic")
    assert reading is not None and reading.text == "١١٥٦"


def test_long_case_number_with_runs_of_zeros() -> None:
    # Zeros are small mid-height dots; none may be read as a full stop or dropped as a speck.
    number = "۱۴۰۲۹۸۵۱۰۰۰۰۷۷۳۹"
    reading = read_number(crop_of(eastern(number)), "persian")
    assert reading is not None and reading.text == number


def test_time_with_a_colon() -> None:
    reading = read_number(crop_of(eastern("۸:۳۰")), "persian")
    assert reading is not None and reading.text == "۸:۳۰"


def test_survives_scan_damage() -> None:
    for seed, number in enumerate(("۱۴۰۲/۰۷/۱۵", "٢٠٢٤/٠٢/١١", "۱۳۶۸/۰۴/۱۹")):
        reading = read_number(scanned(crop_of(eastern(number)), seed), "persian")
        assert reading is not None and reading.text == number


def test_western_date_on_an_arabic_page() -> None:
    reading = read_number(crop_of([("12/06/1990", SANS)]), "arabic")
    assert reading is not None
    assert (reading.text, reading.style) == ("12/06/1990", "western")


def test_list_marker_comes_out_in_reading_order() -> None:
    # "١-" (item 1) is drawn "-١" in a right-to-left line; the text keeps the order it is read in.
    reading = read_number(crop_of([("-", SANS), ("١", NASKH)]), "arabic")
    assert reading is not None and reading.text == "١-"


@pytest.mark.parametrize("word", ["محكمة", "دادگاه", "شماره"])
def test_a_word_of_letters_is_not_a_number(word: str) -> None:
    assert read_number(crop_of([(word, NASKH)], direction="rtl"), "persian") is None


@pytest.mark.parametrize("word", ["2023г.", "No.5", "ст.105", "1st"])
def test_latin_and_cyrillic_words_with_a_digit_are_not_numbers(word: str) -> None:
    # The caller keeps Tesseract's text for these: read_number must not invent a number.
    assert read_number(crop_of([(word, SANS)]), "arabic") is None


def test_blank_and_speck_crops_are_not_numbers() -> None:
    paper = np.full((50, 120), 240, dtype=np.float32) + np.random.default_rng(1).normal(0, 3, (50, 120))
    assert read_number(Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8))) is None
    speck = Image.new("L", (15, 15), 240)
    speck.putpixel((7, 7), 30)
    speck.putpixel((8, 7), 30)
    assert read_number(speck) is None
    assert read_number(Image.new("L", (40, 40), 255)) is None
