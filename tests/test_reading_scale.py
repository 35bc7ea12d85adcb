"""Pages with large text are read scaled down to Tesseract's working size, losing no accuracy."""

from __future__ import annotations

import pytest
from evidence.extractors import page_ocr
from evidence.extractors.page_ocr import OcrOptions, read_page_image
from evidence.samples import cer, get_spec
from evidence.samples.layout import render_page
from PIL import Image

pytestmark = pytest.mark.integration

OPTIONS = OcrOptions("eng", max_page_pixels=60_000_000, timeout_s=120)


def _scale(page) -> float | None:
    found = [c.split(":")[1] for c in page.corrections if c.startswith("scaled_for_reading:")]
    return float(found[0]) if found else None


@pytest.mark.parametrize("name", ["tr_arrest_warrant", "ru_summons_sk"])
def test_large_text_is_read_scaled_down_as_accurately(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = get_spec(name)
    image = render_page(spec).convert("L")
    reference = "\n".join(spec.lines)
    page = read_page_image(image, 1, OPTIONS, "scan")
    scale = _scale(page)
    assert scale is not None and scale < page_ocr.MAX_READING_SCALE
    assert (page.width, page.height) == image.size  # the record describes the page as it came
    monkeypatch.setattr(page_ocr, "TEXT_HEIGHT_TARGET", None)
    full = read_page_image(image, 1, OPTIONS, "scan")
    assert _scale(full) is None
    assert cer(page.text, reference) <= cer(full.text, reference) + 0.005


def test_text_already_at_working_size_and_arabic_script_are_read_as_they_are() -> None:
    spec = get_spec("ru_summons_sk")
    large = render_page(spec).convert("L")
    small = large.resize((large.width // 2, large.height // 2), Image.Resampling.LANCZOS)
    assert _scale(read_page_image(small, 1, OPTIONS, "scan", dpi=150)) is None
    arabic = render_page(get_spec("ar_state_security_summons")).convert("L")
    assert _scale(read_page_image(arabic, 1, OPTIONS, "scan")) is None  # dots and digits keep full resolution
