"""A Spanish scan through the real flow: the record carries an English translation with its provenance.

Real MinIO, real Prefect (test harness), real Tesseract, the project's argos package installed the
way a user installs one, and Debian's Apertium.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import uuid
from pathlib import Path

import pytest
from evidence.models.custody import CustodyAction
from evidence.models.stages import ProcessOptions, Status
from evidence.samples import SampleRequest, generate
from evidence.translation.testpackage import build_package
from typer.testing import CliRunner

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def spanish_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    (sample,) = generate(tmp_path_factory.mktemp("es"), [SampleRequest("es_arrest_warrant_ni", "scan_png")])
    return sample.path


@pytest.fixture
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pipeline_env: dict[str, str]):
    """A models folder of our own for this test, with the test package installed by `evidence models install`."""
    from evidence.cli.main import app
    from evidence.config.settings import get_settings

    folder = tmp_path / "models"
    monkeypatch.setenv("EVIDENCE_MODELS_DIR", str(folder))
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["models", "install", str(build_package(tmp_path / "es_en.argosmodel"))])
    assert result.exit_code == 0, result.output
    yield folder
    monkeypatch.undo()
    get_settings.cache_clear()


def drop(store, key: str, data: bytes) -> str:
    store.client.put_object(store.settings.bucket_inbox, key, io.BytesIO(data), len(data))
    return hashlib.sha256(data).hexdigest()


def test_spanish_scan_gets_an_aligned_english_translation(
    store, prefect_harness: None, models_dir: Path, spanish_scan: Path
) -> None:
    from evidence.flows.process_document import process_document

    key = f"translate-{uuid.uuid4().hex[:8]}/{spanish_scan.name}"
    sha = drop(store, key, spanish_scan.read_bytes())
    outcome = process_document(key, ProcessOptions())
    assert outcome.status == Status.PROCESSED
    record = store.get_record(sha)
    assert record.pages[0].language == "es"
    assert record.translations, record.errors
    main = record.translations[0]
    assert (main.engine, main.model_id, main.source_language, main.target_language) == (
        "argos",
        "argos:translate-es_en",
        "es",
        "en",
    ), [(t.engine, len(t.sentences), [s.target_text[:40] for s in t.sentences[:3]]) for t in record.translations]
    assert main.model_version.startswith("0.1+sha256:")
    text = record.pages[0].text
    sentences = [s for t in record.translations for s in t.sentences]
    for sentence in sentences:
        assert text[sentence.source_start : sentence.source_end] == sentence.source_text
        assert sentence.target_text
    covered = sorted((s.source_start, s.source_end) for s in sentences)
    assert sum(end - start for start, end in covered) >= 0.9 * len("".join(text.split()))  # nothing dropped
    english = " ".join(s.target_text for s in main.sentences)
    # On failure, show what the engine made of each sentence (fictional text): a model that emits byte
    # pieces (seen once in CI, not reproduced) shows as '\x04' runs here.
    pairs = [(s.source_text[:60], s.target_text[:60], s.flags) for t in record.translations for s in t.sentences]
    assert "Police" in english or "police" in english, pairs  # "Policía Nacional" through the phrase table
    assert any(t.name == "ctranslate2" for t in record.provenance.tools)
    runs = [e for e in store.custody.events(sha) if e.action == CustodyAction.STAGE_RUN and e.stage == "translate"]
    assert len(runs) == 1

    # unchanged inputs and models: the stored translation is reused
    from evidence.flows import translate_stage

    translate_stage.translate(store, sha)
    runs = [e for e in store.custody.events(sha) if e.action == CustodyAction.STAGE_RUN and e.stage == "translate"]
    assert len(runs) == 1


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apt-get install apertium apertium-eng-spa")
def test_evidence_process_translates_a_spanish_scan_with_apertium_when_no_package_is_installed(
    store, prefect_harness: None, spanish_scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the setup's main job does: no argos package, Debian's Apertium pair, `evidence process`."""
    from evidence.cli.main import app
    from evidence.config.settings import get_settings

    monkeypatch.setenv("EVIDENCE_MODELS_DIR", str(tmp_path / "no-models"))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["process", str(spanish_scan)])
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    record = store.get_record(hashlib.sha256(spanish_scan.read_bytes()).hexdigest())
    (translation,) = [t for t in record.translations if t.engine != "passthrough"]
    assert translation.engine == "apertium" and translation.model_id == "apertium:spa-eng"
    assert "apertium-eng-spa" in translation.model_version
    assert translation.sentences and all(s.page == 1 for s in translation.sentences)
    english = " ".join(s.target_text for s in translation.sentences).lower()
    assert "judge" in english or "court" in english
