"""Every file in ../shared/fixtures/bad goes through `evidence process` to quarantine with a specific
reason (or, when it is really a readable document, to a record), and encrypted PDFs open with their
password when one is given. Real MinIO, Prefect and Tesseract; nothing mocked.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import FIXTURES, fixture_path

pytestmark = pytest.mark.integration

EXPECTED = {
    "2400dpi.pdf": "resolution_too_high",
    "broken.pdf": "corrupt",  # truncated: no trailer to recover from
    "empty.pdf": "empty",
    "encrypted.pdf": "encrypted",
    "enormous.pdf": "page_too_large",  # a 9000x9000 page image, 81 MP over the 50 MP default
    "hugemono.pdf": "page_too_large",  # 35000x35000 1-bit: a decompression bomb
    "invalid.pdf": "corrupt",  # 44 bytes: a PDF header and a sentence
    "invalid_pdf.pdf": "corrupt",  # no /Root object
    "libreoffice-writer-password.pdf": "encrypted",
    "password-hunter2.pdf": "encrypted",
    "password-is-test.pdf": "encrypted",
    "password.pdf": "encrypted",
    # Readable after all, so reading them is right: pdfminer chokes on one page's structure
    # (pypdfium2 reads its text layer instead) and the other's ICC colour space only breaks
    # strict image decoders, not its real text layer. Both come out as the documents they are
    # (a GAO report, an environmental report); quarantining them would lose evidence.
    "invalid-pdf-structure-pdfminer-one-page.pdf": None,
    "pdf-bad-color-space.pdf": None,
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def bad_run(pipeline_env: dict[str, str], prefect_harness: None, store) -> dict:
    from evidence.cli.main import app

    if not (FIXTURES / "bad").exists():
        pytest.skip("shared fixtures not present")
    paths = sorted((FIXTURES / "bad").iterdir())
    result = CliRunner().invoke(app, ["process", *map(str, paths)])
    return {"result": result, "paths": {path.name: path for path in paths}}


def test_every_bad_file_has_an_expected_outcome(bad_run: dict) -> None:
    assert set(bad_run["paths"]) == set(EXPECTED), "a new bad fixture needs its expected reason here"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_quarantined_with_its_reason_and_kept_byte_for_byte(name: str, bad_run: dict, store) -> None:
    path: Path = bad_run["paths"][name]
    sha256 = _sha256(path)
    quarantined = store.get_quarantine(sha256)
    if EXPECTED[name] is None:
        assert quarantined is None
        record = store.get_record(sha256)
        output = bad_run["result"].output[-3000:]
        assert record is not None and record.pages and any(page.text.strip() for page in record.pages), output
        return
    assert quarantined is not None, name
    assert quarantined.reason == EXPECTED[name]
    kept = store.client.get_object(store.settings.bucket_quarantine, f"{sha256}/original").read()
    assert kept == path.read_bytes()


def test_the_batch_reports_one_line_per_bad_file_and_no_traceback(bad_run: dict) -> None:
    result = bad_run["result"]
    assert result.exit_code == 1
    assert "Traceback" not in _without_stale_stream_logging_errors(result.output), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for name, reason in EXPECTED.items():
        if reason is not None:
            assert f"{name}: quarantined — {reason}:" in " ".join(result.output.split())


def _without_stale_stream_logging_errors(output: str) -> str:
    """The output minus Prefect console-handler failures on a stream an earlier CliRunner closed.

    Only when several CLI invocations share one test session does Prefect's console handler
    still hold an earlier invocation's (closed) captured stream; logging prints the failure with
    the exception being handled. A real terminal never has this; any other traceback still counts.
    """
    blocks = output.split("--- Logging error ---")
    kept = [blocks[0]]
    for block in blocks[1:]:
        assert "I/O operation on closed file" in block, block
        kept.append(block.split("\nArguments: ", 1)[-1].split("\n", 1)[-1])
    return "".join(kept)


def test_encrypted_pdfs_open_with_their_password(bad_run: dict, tmp_path: Path, store, monkeypatch) -> None:
    """Once quarantined as encrypted, the same files are read when the password is supplied:
    `--password` for one, the EVIDENCE_PDF_PASSWORD variable (out of shell history) for the other."""
    from evidence.cli.main import app

    test_pdf = fixture_path("bad", "password-is-test.pdf")
    hunter2 = tmp_path / "statement.pdf"  # a new name: a new upload of the same bytes
    shutil.copy(fixture_path("bad", "password-hunter2.pdf"), hunter2)

    result = CliRunner().invoke(app, ["process", "--password", "test", str(test_pdf)])
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("EVIDENCE_PDF_PASSWORD", "hunter2")
    result = CliRunner().invoke(app, ["process", str(hunter2)])
    assert result.exit_code == 0, result.output

    record = store.get_record(_sha256(test_pdf))
    assert record is not None and "Password Protected PDF" in record.pages[0].text
    assert store.get_record(_sha256(hunter2)) is not None


def test_a_wrong_password_is_its_own_reason(bad_run: dict, store) -> None:
    from evidence.cli.main import app

    path = fixture_path("bad", "password.pdf")
    result = CliRunner().invoke(app, ["process", "--password", "not-the-password", str(path)])
    assert result.exit_code == 1
    assert "wrong_password" in result.output
    assert store.get_quarantine(_sha256(path)).reason == "wrong_password"


def test_the_password_never_reaches_prefect(bad_run: dict, store) -> None:
    import asyncio

    from prefect.client.orchestration import get_client

    async def everything_prefect_keeps() -> str:
        async with get_client() as client:  # every page: the session has made hundreds of runs
            runs, logs, tasks = [], [], []
            for kept, read in ((runs, client.read_flow_runs), (logs, client.read_logs), (tasks, client.read_task_runs)):
                while batch := await read(limit=200, offset=len(kept)):
                    kept.extend(batch)
        return "\n".join(
            [str(run.parameters) + str(run.state) for run in runs]
            + [log.message for log in logs]
            + [str(task.state) + str(task.task_inputs) for task in tasks]
        )

    kept = asyncio.run(everything_prefect_keeps())
    assert _sha256(fixture_path("bad", "password-is-test.pdf")) in kept
    assert "hunter2" not in kept.replace("password-hunter2.pdf", "")  # the file's name is no secret
    assert "not-the-password" not in kept
