"""The small decisions of reading, each on inputs built in the test: text-layer verdicts,
right-to-left order, skew measurement, grey conversion, the language probe's band of lines, the
in-process password, and that pages really are OCR'd two at a time with Tesseract's own threads off.
"""

from __future__ import annotations

import os
import threading
import time

import numpy as np
import pytest
from evidence.extractors import tesseract
from evidence.extractors.deskew import estimate_skew
from evidence.extractors.errors import InputRejected, Reason
from evidence.extractors.ink import ink_map
from evidence.extractors.page_ocr import OcrOptions
from evidence.extractors.passwords import current_password, supplied_password
from evidence.extractors.pdf_text import judge_text_layer
from evidence.extractors.readers import ReadLimits, read_document, run_pages, to_gray
from evidence.extractors.regions import line_band
from evidence.extractors.rtl import fold_presentation_forms, logical_text, looks_visual
from PIL import Image

from tests.conftest import fixture_path

MINISTRY = "وزارة الداخلية"  # "Ministry of the Interior", logical order
REFUGEE = "لاجئ سياسي"  # "political refugee": starts with lam-alef


# --- right-to-left -------------------------------------------------------------------------------


def test_logical_arabic_is_left_alone() -> None:
    assert logical_text(MINISTRY) == MINISTRY
    assert logical_text("Summons No. 12/2023") == "Summons No. 12/2023"


def test_visual_order_line_is_put_in_reading_order_keeping_numbers_and_latin() -> None:
    logical = "وزارة الداخلية رقم 123 في 1402/07/15 المتهم Ivan Petrov (لاجئ)"
    visual = "(ئجال) Ivan Petrov مهتملا 1402/07/15 يف 123 مقر ةيلخادلا ةرازو"  # as drawn, left to right
    assert looks_visual(visual) and not looks_visual(logical)
    assert logical_text(visual) == logical


def test_lam_alef_ligature_reads_right_in_either_drawn_order() -> None:
    # The ligature glyph has its alef on the left, so in drawn order it is alef then lam.
    assert logical_text("\ufefbداخلية") != "لاداخلية"
    assert logical_text("وزارة \ufefbداخلية") == MINISTRY  # logical order drawn left to right
    visual_refugee = "ةلودلا يف يسايس ئج\ufefb"  # a well-made RTL PDF, as drawn
    assert logical_text(visual_refugee) == REFUGEE + " في الدولة"
    # An extractor that already applied bidi (pdfium) gives logical order: plain NFKC.
    assert logical_text("\ufefbجئ", drawn_order=False) == "لاجئ"


def test_persian_yeh_is_folded_by_the_texts_own_letters() -> None:
    assert fold_presentation_forms("\ufbfe") == "\u064a"  # no Persian-only letters: Arabic yeh
    assert fold_presentation_forms("پ\ufbfe") == "پ\u06cc"  # with پ: Farsi yeh


# --- text layer verdicts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cover", "shapes", "use", "why"),
    [
        ("Allgemeine Erklärung der Menschenrechte " * 5, 0.0, 0, True, "real text layer"),
        ("(cid:12)(cid:7)(cid:44)(cid:3) " * 20, 0.0, 0, False, "unmapped glyphs"),
        ("\ue001\ue002\ue003 \ufffd\ufffd" * 10, 0.0, 0, False, "mojibake"),
        ("Scanned by CamScanner, page 1 of 2", 0.95, 0, False, "covers only part"),
        ("", 0.9, 0, False, "no usable text layer"),
        ("HELLO", 0.0, 0, True, "short text layer"),  # a letterhead-only page: OCR cannot do better
        ("HELLO", 0.0, 400, False, "no usable text layer"),  # the rest is drawn as outlines
    ],
)
def test_text_layer_verdicts(text: str, cover: float, shapes: int, use: bool, why: str) -> None:
    verdict = judge_text_layer(text, cover, shapes)
    assert verdict.use is use and why in verdict.reason


# --- skew and grey -------------------------------------------------------------------------------


@pytest.mark.parametrize("angle", [-3.0, -1.5, 2.0, 4.0])
def test_skew_of_a_tilted_page_is_measured(angle: float) -> None:
    page = Image.open(fixture_path("scans", "phototest.tif")).convert("L")
    tilted = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    measured = estimate_skew(ink_map(tilted))
    assert measured == pytest.approx(angle, abs=0.3)


def test_blank_page_has_no_skew() -> None:
    assert estimate_skew(ink_map(Image.new("L", (1000, 1400), 255))) is None


def test_transparent_and_16_bit_images_become_grey_on_white() -> None:
    clear = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    assert to_gray(clear).getpixel((5, 5)) == 255  # transparent is paper, not ink
    deep = Image.new("I;16", (10, 10), 4000)
    deep.putpixel((0, 0), 0)
    grey = to_gray(deep)
    assert grey.mode == "L" and grey.getpixel((5, 5)) == 255 and grey.getpixel((0, 0)) == 0


# --- language probe band -------------------------------------------------------------------------


def _lines_mask(lines: int, height: int = 10, gap: int = 8, width: int = 200) -> np.ndarray:
    mask = np.zeros((gap + lines * (height + gap), width), dtype=bool)
    for line in range(lines):
        top = gap + line * (height + gap)
        mask[top : top + height, 10:190] = True
    return mask


def test_probe_band_holds_whole_lines_cut_between_them() -> None:
    mask = _lines_mask(14)
    top, bottom = line_band(mask, lines=6)
    band = mask[top:bottom]
    assert not band[0].any() and not band[-1].any()  # cut in gaps, never through a line
    inked = band.any(axis=1)
    assert int((inked[1:] & ~inked[:-1]).sum()) == 6  # exactly six lines start inside it


def test_probe_band_is_the_whole_window_when_it_has_few_lines_or_none() -> None:
    assert line_band(_lines_mask(5), lines=6) is None
    assert line_band(np.zeros((100, 100), dtype=bool)) is None
    assert line_band(_lines_mask(14).T) is None  # lines run down the columns: the page is sideways


# --- password ------------------------------------------------------------------------------------


def test_supplied_password_lives_only_inside_its_block() -> None:
    assert current_password() is None
    with supplied_password("hunter2"):
        assert current_password() == "hunter2"
    assert current_password() is None


# --- concurrency ---------------------------------------------------------------------------------


@pytest.mark.integration
def test_pages_are_ocrd_two_at_a_time_with_tesseract_threads_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Observes (does not replace) Tesseract's recognition in four page jobs on two workers."""
    real_recognize = tesseract._recognize
    lock = threading.Lock()
    state = {"running": 0, "most": 0, "envs": []}

    def observed_recognize(*args, **kwargs):  # type: ignore[no-untyped-def]
        with lock:
            state["running"] += 1
            state["most"] = max(state["most"], state["running"])
            state["envs"].append(os.environ.get("OMP_THREAD_LIMIT"))
        try:
            time.sleep(0.05)  # hold the slot long enough for the other worker to overlap
            return real_recognize(*args, **kwargs)
        finally:
            with lock:
                state["running"] -= 1

    monkeypatch.setattr(tesseract, "_recognize", observed_recognize)
    page = Image.open(fixture_path("scans", "phototest.tif")).convert("L")

    def job(number: int):  # type: ignore[no-untyped-def]
        def read():  # type: ignore[no-untyped-def]
            result = tesseract.ocr(page, "eng", 60)
            time.sleep(0.05)
            from evidence.models.record import Page

            return Page(number=number, source="ocr", source_reason="test", text=result.text)

        return read

    pages = run_pages((job(n) for n in range(1, 5)), workers=2)
    assert [p.number for p in pages] == [1, 2, 3, 4] and all("lazy fox" in p.text for p in pages)
    assert state["most"] == 2
    assert set(state["envs"]) == {"1"}


def test_a_long_page_does_not_leave_the_other_worker_idle() -> None:
    """A dense first page and short later ones (a warrant with its annexes): the other worker goes
    on through every short page while the long one is read, instead of waiting behind it."""
    import threading

    from evidence.models.record import Page

    short_pages_done = threading.Semaphore(0)
    seen_by_long_page: list[bool] = []

    def job(number: int):  # type: ignore[no-untyped-def]
        def read() -> Page:
            if number == 1:  # the long page ends only once the five short ones are read (or 10 s)
                seen_by_long_page.extend(short_pages_done.acquire(timeout=10) for _ in range(5))
            else:
                short_pages_done.release()
            return Page(number=number, source="ocr", source_reason="test", text=str(number))

        return read

    pages = run_pages((job(n) for n in range(1, 7)), workers=2)
    assert [p.number for p in pages] == [1, 2, 3, 4, 5, 6]
    assert seen_by_long_page == [True] * 5


def test_a_workers_next_document_reuses_the_loaded_tesseract_models(monkeypatch: pytest.MonkeyPatch) -> None:
    page = Image.open(fixture_path("scans", "phototest.tif")).convert("L")
    loads: list[str] = []
    real_api = tesseract.tesserocr.PyTessBaseAPI

    def counting_api(*args, **kwargs):  # type: ignore[no-untyped-def]
        loads.append(kwargs.get("lang", ""))
        return real_api(*args, **kwargs)

    monkeypatch.setattr(tesseract.tesserocr, "PyTessBaseAPI", counting_api)

    def document() -> list:  # type: ignore[type-arg]
        def job(number: int):  # type: ignore[no-untyped-def]
            def read():  # type: ignore[no-untyped-def]
                from evidence.models.record import Page

                return Page(number=number, source="ocr", source_reason="test", text=tesseract.ocr(page, "fra", 60).text)

            return read

        return run_pages((job(n) for n in range(1, 5)), workers=2)

    document()
    loaded_by_first = len(loads)
    assert all("lazy fox" in p.text for p in document())
    assert loaded_by_first >= 1 and len(loads) == loaded_by_first  # the second document loaded nothing


# --- limits --------------------------------------------------------------------------------------


def _limits(**overrides: int) -> ReadLimits:
    values = {"max_pages": 100, "max_page_pixels": 50_000_000, "max_image_dpi": 1200, "dpi": 300, "workers": 2}
    return ReadLimits(**(values | overrides))


@pytest.mark.parametrize(
    ("name", "media_type", "limits", "reason"),
    [
        ("multipage_tiff_example.tif", "image/tiff", {"max_pages": 5}, Reason.TOO_MANY_PAGES),
        ("cardinal.pdf", "application/pdf", {"max_pages": 3}, Reason.TOO_MANY_PAGES),
        ("phototest.tif", "image/tiff", {"max_page_pixels": 100_000}, Reason.PAGE_TOO_LARGE),
        ("linn.pdf", "application/pdf", {"max_page_pixels": 1_000_000}, Reason.PAGE_TOO_LARGE),
    ],
)
def test_limits_reject_with_their_own_reason(name: str, media_type: str, limits: dict, reason: Reason) -> None:
    options = OcrOptions("eng", max_page_pixels=limits.get("max_page_pixels", 50_000_000), timeout_s=60)
    pillow_limit = Image.MAX_IMAGE_PIXELS
    with pytest.raises(InputRejected) as info:
        read_document(fixture_path("scans", name), media_type, _limits(**limits), options)
    assert info.value.reason is reason
    assert pillow_limit == Image.MAX_IMAGE_PIXELS  # one document's limit never leaks into the process


@pytest.mark.integration
def test_a_page_over_the_ocr_time_limit_is_rejected_not_hung() -> None:
    page = Image.open(fixture_path("scans", "phototest.tif")).convert("L")
    with pytest.raises(InputRejected) as info:
        tesseract.ocr(page, "eng", timeout_s=0.01)
    assert info.value.reason is Reason.OCR_TIMEOUT


@pytest.mark.integration
@pytest.mark.parametrize("psm", [3, 6])
def test_words_are_numbered_and_boxed_as_tesseracts_own_tsv_has_them(psm: int) -> None:
    """The word walk that replaced parsing GetTSVText gives the same words, lines, blocks and boxes."""
    page = Image.open(fixture_path("scans", "phototest.tif")).convert("L")
    result = tesseract.ocr(page, "eng", 60, psm=psm)
    engine = tesseract._engine("eng", psm)
    tesseract._set_image(engine, page)
    engine.Recognize()
    from_tsv = tesseract._tsv_rows(engine.GetTSVText(0))
    engine.Clear()
    assert len(from_tsv) > 50 and len({(word.paragraph, word.line) for word in from_tsv}) > 5
    assert len({word.paragraph for word in from_tsv}) > 1
    assert list(result.word_boxes) == from_tsv
