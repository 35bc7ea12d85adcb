"""The sample generator: catalogue sanity, deterministic files, and real-Tesseract readability.

Nothing is mocked: scans are read back with the installed Tesseract and the correct language
pack, and born-digital PDFs with pdfplumber.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pdfplumber
import pytesseract
import pytest
from evidence.samples import (
    DEFAULT_SET,
    KINDS,
    GeneratedSample,
    SampleSpec,
    catalog,
    cer,
    generate_samples,
    get_spec,
)
from evidence.samples.__main__ import main
from evidence.samples.cer import levenshtein
from evidence.samples.render import supports
from PIL import Image

# Upper bounds on raw-Tesseract CER per language pack. Measured with Tesseract 5.3.0 and Debian
# tessdata: rus 0.005 (flatbed) and 0.017 (photo), ukr 0.013, spa 0.009, tur 0.012, fra 0.001,
# eng 0.021 (photo), fas 0.036, ara 0.108 (photo), chi_sim 0.015. The bounds leave room for
# other tessdata builds while still catching a broken font, layout or degradation.
CER_BOUND = {
    "rus": 0.05,
    "ukr": 0.05,
    "spa": 0.05,
    "tur": 0.05,
    "fra": 0.05,
    "eng": 0.06,
    "fas": 0.10,
    "ara": 0.20,
    "chi_sim": 0.06,
}
REQUIRED_LANGUAGES = {"ru", "uk", "es", "fa", "tr", "ar", "zh", "fr", "en"}
DOC_TYPES = {"summons", "arrest_warrant", "detention_order", "indictment", "court_decision", "threat_letter"}
SPECS = catalog()
HAS_TESSERACT = shutil.which("tesseract") is not None


def needs_tesseract(test: Callable[..., None]) -> Callable[..., None]:
    """Real-Tesseract tests: the repo's ``integration`` marker, skipped when the binary is absent."""
    test = pytest.mark.integration(test)
    return pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract binary not installed")(test)


@pytest.fixture(scope="module", autouse=True)
def _single_threaded_tesseract() -> Iterator[None]:
    """OpenMP threads oversubscribe 2 cores: one thread makes each page ~4x faster here."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OMP_THREAD_LIMIT", "1")
        yield


@pytest.fixture(scope="module")
def full_set(tmp_path_factory: pytest.TempPathFactory) -> list[GeneratedSample]:
    """Every kind of every catalogue entry, generated once for the module."""
    return generate_samples(tmp_path_factory.mktemp("samples"), kinds=KINDS)


def _by(full_set: list[GeneratedSample], name: str, kind: str) -> GeneratedSample:
    return next(s for s in full_set if s.spec.name == name and s.kind == kind)


# --- catalogue ----------------------------------------------------------------------------------


def test_catalogue_covers_required_languages_and_is_well_formed() -> None:
    assert {s.language for s in SPECS} >= REQUIRED_LANGUAGES
    assert len({s.name for s in SPECS}) == len(SPECS)
    for spec in SPECS:
        assert re.fullmatch(r"[a-z]{2}_[a-z0-9_]+", spec.name), spec.name
        assert spec.doc_type in DOC_TYPES
        assert 8 <= len(spec.lines) <= 15, spec.name
        assert all(line == line.strip() and line for line in spec.lines), spec.name
        assert spec.rotation in (0, 90, 180, 270)
        assert spec.text == "\n".join((spec.title, *spec.lines)) + "\n"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_expected_entities_occur_verbatim(spec: SampleSpec) -> None:
    entities = spec.entities
    assert entities.persons and entities.dates, "every document names a person and a date"
    assert entities.authorities or spec.doc_type == "threat_letter"
    for surface in entities.all():
        assert surface in spec.text, f"{spec.name}: {surface!r} not in text"


@needs_tesseract
def test_every_language_pack_is_installed() -> None:
    installed = set(pytesseract.get_languages(config=""))
    assert {s.tesseract_lang for s in SPECS} <= installed


def test_default_set_is_the_demo() -> None:
    assert 5 <= len(DEFAULT_SET) <= 6
    specs = [get_spec(r.name) for r in DEFAULT_SET]
    assert all(supports(spec, r.kind) for spec, r in zip(specs, DEFAULT_SET, strict=True))
    assert {"ru", "es", "fa", "tr", "zh"} <= {s.language for s in specs}
    assert any(r.kind == "born_digital_pdf" for r in DEFAULT_SET)
    assert any(s.rotation == 90 for s, r in zip(specs, DEFAULT_SET, strict=True) if r.kind == "scan_png")


# --- files --------------------------------------------------------------------------------------


def test_full_set_writes_every_supported_kind_with_ground_truth(full_set: list[GeneratedSample]) -> None:
    expected = {(s.name, k) for s in SPECS for k in KINDS if supports(s, k)}
    assert {(g.spec.name, g.kind) for g in full_set} == expected
    for sample in full_set:
        assert sample.path.is_file() and sample.path.stat().st_size > 0
        assert sample.ground_truth_path == sample.path.parent / f"{sample.spec.name}.gt.txt"
        assert sample.ground_truth_path.read_text(encoding="utf-8") == sample.spec.text
        assert sample.sha256 == hashlib.sha256(sample.path.read_bytes()).hexdigest()
        assert sample.rotation == (0 if sample.kind == "born_digital_pdf" else sample.spec.rotation)


def test_generation_is_deterministic_and_idempotent(full_set: list[GeneratedSample], tmp_path: Path) -> None:
    names = ["ru_summons_sk", "fa_revolutionary_court_notice", "tr_arrest_warrant"]
    first = {(g.spec.name, g.kind): g.sha256 for g in full_set if g.spec.name in names}
    again = generate_samples(tmp_path, names, kinds=KINDS)  # fresh directory, same bytes
    assert {(g.spec.name, g.kind): g.sha256 for g in again} == first
    mtimes = {g.path: g.path.stat().st_mtime_ns for g in again}
    rerun = generate_samples(tmp_path, names, kinds=KINDS)  # same directory: nothing rewritten
    assert not any(g.written for g in rerun)
    assert {g.path: g.path.stat().st_mtime_ns for g in rerun} == mtimes


def test_changed_file_is_rewritten(tmp_path: Path) -> None:
    (sample,) = generate_samples(tmp_path, ["en_threat_letter"], kinds=("born_digital_pdf",))
    sample.path.write_bytes(b"tampered")
    (again,) = generate_samples(tmp_path, ["en_threat_letter"], kinds=("born_digital_pdf",))
    assert again.written and again.sha256 == sample.sha256


def test_scans_are_300_dpi_grayscale_pages(full_set: list[GeneratedSample]) -> None:
    for sample in (g for g in full_set if g.kind == "scan_png"):
        with Image.open(sample.path) as img:
            assert img.mode == "L"
            dpi = img.info["dpi"]
            width, height = img.size if sample.rotation in (0, 180) else img.size[::-1]
        assert round(dpi[0]) == 300
        assert (width, height) in {(2480, 3508), (1748, 2480)}  # A4 or A5 at 300 dpi


def test_scan_pdf_is_image_only(full_set: list[GeneratedSample]) -> None:
    sample = _by(full_set, "ru_summons_sk", "scan_pdf")
    with pdfplumber.open(sample.path) as pdf:
        (page,) = pdf.pages
        assert not page.chars
        assert len(page.images) == 1
        assert abs(page.width - 595.2) < 1 and abs(page.height - 841.9) < 1


@pytest.mark.parametrize("spec", [s for s in SPECS if supports(s, "born_digital_pdf")], ids=lambda s: s.name)
def test_born_digital_pdf_text_layer_is_the_ground_truth(spec: SampleSpec, full_set: list[GeneratedSample]) -> None:
    sample = _by(full_set, spec.name, "born_digital_pdf")
    with pdfplumber.open(sample.path) as pdf:
        (page,) = pdf.pages
        text = page.extract_text()
    assert text.splitlines() == list(spec.ground_truth_lines)


def test_cli_prints_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path), "--names", "es_arrest_warrant_ni", "--kinds", "born_digital_pdf"]) == 0
    out = capsys.readouterr().out
    assert "wrote" in out and str(tmp_path / "es_arrest_warrant_ni.pdf") in out
    main([str(tmp_path), "--names", "es_arrest_warrant_ni", "--kinds", "born_digital_pdf"])
    assert capsys.readouterr().out.startswith("same")


# --- CER helper ---------------------------------------------------------------------------------


def test_cer_helper() -> None:
    assert levenshtein("kitten", "sitting") == 3
    assert cer("ПОВЕСТКА\n\n  Москва ", "ПОВЕСТКА\nМосква\n") == 0.0
    assert cer("abd", "abc") == pytest.approx(1 / 3)
    assert cer("成 都 市", "成都市", drop_spaces=True) == 0.0
    assert cer("\u200f۱۴۰۲/۰۷/۱۵\u200e", "۱۴۰۲/۰۷/۱۵") == 0.0
    assert cer("", "") == 0.0 and cer("x", "") == 1.0


# --- real Tesseract -----------------------------------------------------------------------------


def _upright(sample: GeneratedSample) -> Image.Image:
    img = Image.open(sample.path)
    return img.rotate(sample.rotation, expand=True) if sample.rotation else img


@needs_tesseract
@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_scan_is_readable_by_raw_tesseract(spec: SampleSpec, full_set: list[GeneratedSample]) -> None:
    sample = _by(full_set, spec.name, "scan_png")
    text = pytesseract.image_to_string(_upright(sample), lang=spec.tesseract_lang)
    error = cer(text, sample.ground_truth_path.read_text(encoding="utf-8"), drop_spaces=spec.script == "Han")
    print(f"{spec.name} {spec.tesseract_lang} CER={error:.3f}")
    assert error <= CER_BOUND[spec.tesseract_lang], f"{spec.name}: CER {error:.3f}\n{text}"


@needs_tesseract
@pytest.mark.parametrize("spec", [s for s in SPECS if s.rotation], ids=lambda s: s.name)
def test_osd_recovers_the_cardinal_rotation(spec: SampleSpec, full_set: list[GeneratedSample]) -> None:
    sample = _by(full_set, spec.name, "scan_png")
    osd = pytesseract.image_to_osd(str(sample.path), output_type=pytesseract.Output.DICT)
    # Tesseract reports the clockwise turn that uprights the page.
    assert osd["rotate"] == (360 - sample.rotation) % 360
