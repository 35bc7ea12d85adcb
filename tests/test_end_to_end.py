"""From files on disk to records in MinIO through the real `evidence process` command.

Real MinIO, real Prefect (test harness), real Tesseract; nothing mocked.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from evidence.samples import SampleRequest, cer, generate
from typer.testing import CliRunner

from tests.conftest import fixture_path

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def processed(
    tmp_path_factory: pytest.TempPathFactory, pipeline_env: dict[str, str], prefect_harness: None, store
) -> dict:
    """One `evidence process` call over good and bad files together, as a user would run it."""
    from evidence.cli.main import app

    work = tmp_path_factory.mktemp("inputs")
    samples = generate(
        work,
        [SampleRequest("ru_summons_sk", "scan_png"), SampleRequest("es_arrest_warrant_ni", "born_digital_pdf")],
    )
    phototest = fixture_path("scans", "phototest.tif")
    empty = work / "empty.pdf"
    empty.write_bytes(b"")
    not_a_document = work / "notes.pdf"  # a wrong extension: text pretending to be a PDF
    not_a_document.write_text("meeting notes, not a scan\n" * 20)
    paths = [samples[0].path, empty, phototest, not_a_document, samples[1].path]
    result = CliRunner().invoke(app, ["process", *map(str, paths)])
    return {
        "result": result,
        "samples": samples,
        "phototest": phototest,
        "empty": empty,
        "not_a_document": not_a_document,
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_phototest_record_matches_gold_text_and_hash(processed: dict, store) -> None:
    phototest: Path = processed["phototest"]
    record = store.get_record(_sha256(phototest))
    assert record is not None
    assert record.document.sha256 == _sha256(phototest)
    assert record.document.media_type == "image/tiff"
    gold = fixture_path("scans", "phototest.gold.txt").read_text()
    text = "\n".join(page.text for page in record.pages)
    assert cer(text, gold) <= 0.02
    assert record.pages[0].source == "ocr" and record.pages[0].language == "en"


def test_generated_scan_is_read_in_its_language(processed: dict, store) -> None:
    scan = processed["samples"][0]
    record = store.get_record(scan.sha256)
    assert record is not None
    page = record.pages[0]
    assert page.source == "ocr"
    assert page.language == "ru" and page.ocr_languages == "rus"
    assert cer(page.text, scan.ground_truth_path.read_text()) < 0.1


def test_russian_summons_yields_charge_authority_dates_and_type(processed: dict, store) -> None:
    """The facts a claim rests on, found in the OCR'd text of a degraded scan."""
    record = store.get_record(processed["samples"][0].sha256)
    assert record.document_type == "summons"
    charges = {e.normalized for e in record.entities if e.type == "CHARGE"}
    assert "RU-CC-280" in charges
    facts = record.key_facts
    assert facts is not None and facts.issuing_authority is not None and facts.targeted_person is not None
    assert any(c.id == "RU-CC-280" and c.used_against_dissent and c.sources for c in facts.charges)
    assert all(d.date is None or len(d.date) == 10 for d in facts.dates) and facts.dates
    for entity in record.entities:  # spans point into the page text
        assert record.pages[entity.page - 1].text[entity.start : entity.end] == entity.text


def test_born_digital_pdf_uses_its_text_layer(processed: dict, store) -> None:
    pdf = processed["samples"][1]
    record = store.get_record(pdf.sha256)
    assert record is not None
    assert {page.source for page in record.pages} == {"text_layer"}
    assert record.pages[0].language == "es"
    assert cer("\n".join(p.text for p in record.pages), pdf.ground_truth_path.read_text()) < 0.02


def test_bad_files_are_quarantined_with_one_line_errors_and_the_batch_goes_on(processed: dict, store) -> None:
    result = processed["result"]
    assert result.exit_code == 1
    assert "empty.pdf: quarantined — empty: the file is empty (0 bytes)" in result.output
    assert "notes.pdf: quarantined — unsupported_type: not a supported document type (detected: text/plain)" in (
        " ".join(result.output.split())
    )
    empty = store.get_quarantine(_sha256(processed["empty"]))
    junk = store.get_quarantine(_sha256(processed["not_a_document"]))
    assert (empty.reason, junk.reason) == ("empty", "unsupported_type")
    kept = store.client.get_object(store.settings.bucket_quarantine, f"{junk.sha256}/original").read()
    assert kept == processed["not_a_document"].read_bytes()
    # the files after the bad ones were processed
    assert store.get_record(processed["samples"][1].sha256) is not None


def test_originals_are_stored_byte_for_byte_under_their_hash(processed: dict, store) -> None:
    phototest: Path = processed["phototest"]
    stored = store.client.get_object(store.settings.bucket_originals, _sha256(phototest)).read()
    assert stored == phototest.read_bytes()


def test_processing_the_same_file_again_is_recognised_as_a_duplicate(
    processed: dict, tmp_path: Path, store, offline_guard
) -> None:
    from evidence.cli.main import app

    copy = tmp_path / "renamed-copy.tif"
    shutil.copy(processed["phototest"], copy)
    result = CliRunner().invoke(app, ["process", str(copy)])
    assert result.exit_code == 0, result.output
    assert "processed (dup)" in result.output
    assert offline_guard.attempts == []


def test_no_document_text_reaches_prefect(processed: dict, store) -> None:
    """The flow's stored parameters, results and logs carry keys and hashes, never page text."""
    import asyncio

    from prefect.client.orchestration import get_client

    scan = processed["samples"][0]
    record = store.get_record(scan.sha256)
    words = {w for page in record.pages for w in page.text.split() if len(w) >= 6}
    assert words

    async def every_page_of(read) -> list:  # the API returns 200 at most per call; earlier tests add more
        found: list = []
        while batch := await read(limit=200, offset=len(found)):
            found += batch
        return found

    async def everything_prefect_keeps() -> str:
        async with get_client() as client:
            runs = await every_page_of(client.read_flow_runs)
            logs = await every_page_of(client.read_logs)
            tasks = await every_page_of(client.read_task_runs)
        return "\n".join(
            [str(run.parameters) + str(run.state) for run in runs]
            + [log.message for log in logs]
            + [str(task.state) + str(task.task_inputs) for task in tasks]
        )

    kept = asyncio.run(everything_prefect_keeps())
    assert scan.sha256 in kept  # the run is really there
    assert not [w for w in words if w in kept]


def test_a_scan_gets_thumbnails_layout_and_a_searchable_pdf_beside_its_record(processed: dict, store) -> None:
    """What a lawyer opens first: the page thumbnails, a searchable copy, and the word layout."""
    import io

    import pdfplumber
    from evidence.models.custody import CustodyAction
    from PIL import Image

    sha = _sha256(processed["phototest"])
    thumbnail = Image.open(io.BytesIO(store.get_stage_artefact(sha, "thumbnails/0001.jpg")))
    assert thumbnail.format == "JPEG" and thumbnail.width == 320
    hocr = store.get_stage_artefact(sha, "layout/0001.hocr")
    assert b"ocrx_word" in hocr and b"bbox" in hocr
    with pdfplumber.open(io.BytesIO(store.get_stage_artefact(sha, "searchable.pdf"))) as pdf:
        assert "quick brown" in (pdf.pages[0].extract_text() or "")
    logged = {e.artefact_key for e in store.custody.events(sha) if e.action == CustodyAction.STAGE_RUN}
    assert {f"{sha}/searchable.pdf", f"{sha}/layout/0001.hocr", f"{sha}/thumbnails/0001.jpg"} <= logged


def test_a_born_digital_pdf_is_kept_as_its_own_searchable_copy(processed: dict, store) -> None:
    sample = processed["samples"][1]
    assert store.get_stage_artefact(sample.sha256, "searchable.pdf") == sample.path.read_bytes()
    assert store.get_stage_artefact(sample.sha256, "layout/0001.hocr") is None  # nothing was OCR'd
