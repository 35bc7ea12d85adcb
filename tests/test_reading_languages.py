"""Generated scans in every supported language are detected as that language and read within a
stated error bound, with no hint given: OSD script, a probe read, language identification, then
the language's own pack. Real fonts, scan degradation and real Tesseract; nothing mocked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from evidence.extractors import page_ocr
from evidence.extractors.page_ocr import OcrOptions, read_page_image
from evidence.extractors.readers import ReadLimits, read_document
from evidence.models.record import Page
from evidence.samples import GeneratedSample, catalog, cer, generate_samples
from evidence.samples.fonts import font_for
from PIL import Image, ImageDraw, ImageFont

pytestmark = pytest.mark.integration

# Upper bounds on CER with automatic detection, per language. Measured on these samples with
# Tesseract 5.3.0 (ours / raw Tesseract given the right pack and an upright page):
# rus 0.005 and 0.018 / 0.005 and 0.017, ukr 0.003 / 0.013, spa 0.005 / 0.007, tur 0.012 / 0.012,
# fra 0.002 / 0.002, eng 0.017 / 0.021, fas 0.036 / 0.036, ara 0.094 / 0.083, chi_sim 0.015 / 0.015.
# Arabic is the weakest pack (a photographed page with connected script); the bounds leave about
# 1.5-2x headroom for other tessdata builds.
CER_BOUND = {
    "rus": 0.04,
    "ukr": 0.03,
    "spa": 0.03,
    "tur": 0.03,
    "fra": 0.02,
    "eng": 0.04,
    "fas": 0.07,
    "ara": 0.16,
    "chi_sim": 0.04,
}
SPECS = catalog()
LIMITS = ReadLimits(max_pages=10, max_page_pixels=50_000_000, max_image_dpi=1200, dpi=300, workers=2)
OPTIONS = OcrOptions(default_languages="eng", max_page_pixels=50_000_000, timeout_s=120)


@dataclass(frozen=True)
class Case:
    sample: GeneratedSample
    path: Path
    upright_rotation: int  # clockwise turn that uprights the file as stored

    @property
    def id(self) -> str:
        return self.path.stem


@pytest.fixture(scope="module")
def read_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Case, Page]]:
    """Every sample's scan (tr and fr are generated sideways and upside down), plus Persian and
    Chinese turned further here, read once for the module."""
    work = tmp_path_factory.mktemp("language-scans")
    samples = [s for s in generate_samples(work, kinds=("scan_png",)) if s.kind == "scan_png"]
    cases = [Case(s, s.path, (360 - s.rotation) % 360) for s in samples]
    for name, turn in (("fa_revolutionary_court_notice", 90), ("zh_summons_psb", 270), ("ru_summons_sk", 180)):
        sample = next(s for s in samples if s.spec.name == name)
        path = work / f"{name}-turned{turn}.png"
        with Image.open(sample.path) as image:
            # Pillow turns counter-clockwise: turning by ``turn`` needs ``turn`` clockwise to undo.
            image.rotate(turn, expand=True).save(path, dpi=(300, 300))
        cases.append(Case(sample, path, turn))
    results = {}
    for case in cases:
        result = read_document(case.path, "image/png", LIMITS, OPTIONS)
        results[case.id] = (case, result.pages[0])
    return results


def _ids() -> list[str]:
    ids = [spec.name for spec in SPECS]
    return [*ids, "fa_revolutionary_court_notice-turned90", "zh_summons_psb-turned270", "ru_summons_sk-turned180"]


@pytest.mark.parametrize("case_id", _ids())
def test_scan_is_detected_upright_in_its_language_and_read_within_bound(
    case_id: str, read_pages: dict[str, tuple[Case, Page]]
) -> None:
    case, page = read_pages[case_id]
    spec = case.sample.spec
    error = cer(page.text, spec.text, drop_spaces=spec.script == "Han")
    print(f"{case_id}: {page.language}/{page.ocr_languages} rotation {page.rotation} CER {error:.4f}")
    assert page.rotation == case.upright_rotation
    assert page.language == spec.language
    assert page.ocr_languages == spec.tesseract_lang
    assert page.script == spec.script
    assert error <= CER_BOUND[spec.tesseract_lang]


def test_a_language_hint_skips_detection_and_is_used(read_pages: dict[str, tuple[Case, Page]]) -> None:
    case, _ = read_pages["uk_summons_sbu"]
    hinted = OcrOptions(default_languages="eng", max_page_pixels=50_000_000, timeout_s=120, language_hints=["uk"])
    (page,) = read_document(case.path, "image/png", LIMITS, hinted).pages
    assert page.ocr_languages == "ukr" and page.language == "uk"
    assert "language_confidence" not in page.timings  # no identification pass ran


ARABIC_SCRIPT_CASES = [
    "fa_revolutionary_court_notice",
    "fa_revolutionary_court_notice-turned90",
    "ar_state_security_summons",
]


@pytest.mark.parametrize("case_id", ARABIC_SCRIPT_CASES)
def test_dates_and_case_numbers_on_arabic_script_scans_are_read_digit_for_digit(
    case_id: str, read_pages: dict[str, tuple[Case, Page]]
) -> None:
    """Tesseract alone reads this Persian notice's ۱۴۰۲/۰۷/۱۵ as ۱۲۰۲/۰۵/۱۵; the digit reader fixes it."""
    case, page = read_pages[case_id]
    numbers = [*case.sample.spec.entities.dates, *case.sample.spec.entities.case_numbers]
    assert numbers
    missing = [number for number in numbers if number not in page.text]
    assert not missing, f"{case_id}: {missing} not in the page text"
    assert any(correction.startswith("numbers_reread:") for correction in page.corrections)


# Ten lines of a Ukrainian summons whose middle four carry no words (dates, numbers): the page is
# small enough to be its own probe window, so the first probe band is exactly those four lines.
_NUMBERS_IN_THE_MIDDLE = (
    "Повістка про виклик свідка",
    "Вам необхідно з'явитися до слідчого",
    "відділу Служби безпеки України",
    "12.03.2023  14:00  № 45/2023",
    "22000000000000123  47 ст.",
    "01.04.2023  09:30  № 46/2023",
    "15.05.2023  11:00  № 47/2023",
    "для допиту як свідка у кримінальному",
    "провадженні щодо подій у місті Київ",
    "Неявка тягне відповідальність за законом",
)


def test_a_probe_that_finds_no_language_reads_more_lines_before_choosing_the_pack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    font = ImageFont.truetype(str(font_for("Cyrillic").path), 34)
    image = Image.new("L", (880, 860), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(_NUMBERS_IN_THE_MIDDLE):
        draw.text((30, 30 + number * 80), line, font=font, fill=0)
    page = read_page_image(image, 1, OPTIONS, "scan")
    assert page.timings.get("language_probe_widened") == 1.0
    assert page.ocr_languages == "ukr"  # the Russian first pass would misread і, ї, є
    monkeypatch.setattr(page_ocr, "BAND_LINES", page_ocr.QUICK_BAND_LINES)
    assert read_page_image(image, 1, OPTIONS, "scan").ocr_languages == "rus"  # what four lines alone chose
