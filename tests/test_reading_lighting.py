"""Phone photos with a shadow over half the page read like clean scans; evenly lit pages are left alone."""

from __future__ import annotations

import pytest
from evidence.extractors import tesseract
from evidence.extractors.lighting import measure
from evidence.extractors.page_ocr import OcrOptions, read_page_image
from evidence.samples import cer, get_spec
from evidence.samples.degrade import seed_for, shadowed
from evidence.samples.layout import render_page

pytestmark = pytest.mark.integration

OPTIONS = OcrOptions("eng", max_page_pixels=60_000_000, timeout_s=120)


@pytest.mark.parametrize(
    ("name", "bound"),
    [
        ("ru_summons_sk", 0.03),
        ("es_arrest_warrant_ni", 0.04),
        ("zh_summons_psb", 0.08),
        ("ar_state_security_summons", 0.12),
    ],
)
def test_a_shadowed_phone_photo_reads_within_the_clean_bound(name: str, bound: float) -> None:
    spec = get_spec(name)
    photo = shadowed(render_page(spec), seed_for(name))
    reference = "\n".join(spec.lines)
    drop_spaces = spec.script == "Han"

    page = read_page_image(photo, 1, OPTIONS, "scan")

    assert "background_flattened" in page.corrections
    assert page.ocr_languages == spec.tesseract_lang
    assert cer(page.text, reference, drop_spaces=drop_spaces) <= bound
    # the same photo as Tesseract sees it without the correction: the shadowed side is lost
    raw = tesseract.ocr(photo, spec.tesseract_lang, 120)
    assert cer(raw.text, reference, drop_spaces=drop_spaces) > 3 * bound


def test_an_evenly_lit_page_is_read_as_it_came() -> None:
    spec = get_spec("fr_arrest_warrant_gn")
    clean = render_page(spec).convert("L")
    assert measure(clean).needs_flattening is False
    page = read_page_image(clean, 1, OPTIONS, "scan")
    assert "background_flattened" not in page.corrections
    assert cer(page.text, "\n".join(spec.lines)) <= 0.03
