"""The evidence store against a real MinIO: write-once originals, custody, verify, search, encryption,
least privilege. This module runs its own MinIO so that its tampering never touches other tests."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from evidence.config.settings import Settings
from evidence.flows import stages
from evidence.models.custody import CustodyAction
from evidence.models.record import Entity, EntityOrigin
from evidence.storage.client import make_client
from evidence.storage.index import EvidenceIndex, SearchFilter
from evidence.storage.provision import provision, root_client
from evidence.storage.store import EvidenceStore
from evidence.storage.verify import verify_store
from minio.error import S3Error
from pydantic import SecretStr

from tests.conftest import start_minio

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def own_minio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, Path]]:
    data = tmp_path_factory.mktemp("store-minio")
    server = start_minio(data)
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("store-settings"),
        minio_endpoint=server.endpoint,
        minio_root_user=server.user,
        minio_root_password=SecretStr(server.password),
        originals_retention_days=1,
    )
    provision(settings)
    yield settings, data
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="module")
def pipeline_store(own_minio: tuple[Settings, Path]) -> EvidenceStore:
    settings, _ = own_minio
    return EvidenceStore(make_client(settings), settings)


def _drop(store: EvidenceStore, content: bytes, key: str, uploader: str = "alice@intake") -> str:
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"evidence-test-{hashlib.sha256(key.encode()).hexdigest()[:8]}"
    path.write_bytes(content)
    store.put_inbox_as(path, key, uploader)
    path.unlink()
    return key


def _text_pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


def _process(store: EvidenceStore, key: str) -> str:
    stored = stages.ingest(store, key)
    stages.read(store, store.settings, stored)
    stages.build_record(store, stored, {})
    return stored.digests.sha256


def test_duplicate_is_one_original_with_two_custody_entries(pipeline_store: EvidenceStore) -> None:
    content = _text_pdf("Duplicate test document, received twice by two different people.")
    first = stages.ingest(pipeline_store, _drop(pipeline_store, content, "dup-a.pdf", "alice@intake"))
    second = stages.ingest(pipeline_store, _drop(pipeline_store, content, "dup-b.pdf", "bob@clinic"))
    assert first.digests.sha256 == second.digests.sha256 == hashlib.sha256(content).hexdigest()
    assert (first.newly_stored, second.newly_stored) == (True, False)
    received = [e for e in pipeline_store.custody.events(first.digests.sha256) if e.action == CustodyAction.RECEIVED]
    assert [(e.source_key, e.actor) for e in received] == [("dup-a.pdf", "alice@intake"), ("dup-b.pdf", "bob@clinic")]


def test_custody_log_names_every_stage_with_tool_versions(pipeline_store: EvidenceStore) -> None:
    sha = _process(
        pipeline_store, _drop(pipeline_store, _text_pdf("Custody test: summons of a fictional person."), "c.pdf")
    )
    events = pipeline_store.custody.events(sha)
    assert [e.action for e in events] == [
        CustodyAction.RECEIVED,
        CustodyAction.HASHED,
        CustodyAction.STAGE_RUN,
        CustodyAction.RECORD_STORED,
    ]
    read = events[2]
    assert read.stage == "read" and {"pdfplumber", "tesseract"} <= {t.name for t in read.tools}
    assert (
        events[1].sha512
        == hashlib.sha512(
            pipeline_store.client.get_object(pipeline_store.settings.bucket_originals, sha).read()
        ).hexdigest()
    )


def test_pipeline_credentials_cannot_delete_an_original(pipeline_store: EvidenceStore) -> None:
    sha = stages.ingest(
        pipeline_store, _drop(pipeline_store, _text_pdf("Must survive deletion."), "keep.pdf")
    ).digests.sha256
    bucket = pipeline_store.settings.bucket_originals
    with pytest.raises(S3Error) as denied:
        pipeline_store.client.remove_object(bucket, sha)
    assert denied.value.code == "AccessDenied"
    assert pipeline_store.client.get_object(bucket, sha).read()  # still there


def test_original_cannot_be_overwritten_or_deleted_under_retention(
    pipeline_store: EvidenceStore, own_minio: tuple[Settings, Path]
) -> None:
    settings, _ = own_minio
    content = _text_pdf("Original under retention.")
    sha = stages.ingest(pipeline_store, _drop(pipeline_store, content, "locked.pdf")).digests.sha256
    root = root_client(settings)
    bucket = settings.bucket_originals
    version = root.stat_object(bucket, sha).version_id
    assert root.stat_object(bucket, sha).metadata["X-Amz-Object-Lock-Mode"] == "GOVERNANCE"
    with pytest.raises(S3Error):  # even root cannot delete the locked version
        root.remove_object(bucket, sha, version_id=version)
    root.put_object(bucket, sha, io.BytesIO(b"forged"), 6)  # an overwrite only adds a version...
    assert root.get_object(bucket, sha, version_id=version).read() == content  # ...the original stays
    with pytest.raises(S3Error):
        root.remove_object(bucket, sha, version_id=version)


def test_verify_reports_a_flipped_byte_in_an_original_and_in_a_record(
    pipeline_store: EvidenceStore, own_minio: tuple[Settings, Path]
) -> None:
    settings, _ = own_minio
    clean = _process(pipeline_store, _drop(pipeline_store, _text_pdf("Clean document for verify."), "clean.pdf"))
    original = _process(pipeline_store, _drop(pipeline_store, _text_pdf("Original to tamper with."), "t1.pdf"))
    record = _process(pipeline_store, _drop(pipeline_store, _text_pdf("Record to tamper with."), "t2.pdf"))
    root = root_client(settings)
    data = bytearray(root.get_object(settings.bucket_originals, original).read())
    data[len(data) // 2] ^= 0x01
    root.put_object(settings.bucket_originals, original, io.BytesIO(bytes(data)), len(data))
    record_bytes = bytearray(pipeline_store.get_record_bytes(record) or b"")
    record_bytes[record_bytes.index(b'"size"') + 9] ^= 0x01  # one digit of the size changes
    pipeline_store.client.put_object(
        settings.bucket_evidence, f"{record}/record.json", io.BytesIO(bytes(record_bytes)), len(record_bytes)
    )
    _, problems = verify_store(pipeline_store)
    by_sha = {p.sha256: p.problem for p in problems}
    assert "original altered" in by_sha[original]
    assert "modified after it was stored" in by_sha[record]
    assert clean not in by_sha


def test_verify_command_exits_non_zero_on_discrepancy(own_minio: tuple[Settings, Path]) -> None:
    """After the tampering above, the CLI prints each discrepancy and fails."""
    from evidence.cli.main import app
    from evidence.config.settings import get_settings
    from typer.testing import CliRunner

    settings, _ = own_minio
    env = {"EVIDENCE_DATA_DIR": str(settings.data_dir), "EVIDENCE_MINIO_ENDPOINT": settings.minio_endpoint}
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["verify"], env=env)
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "DISCREPANCY" in result.output and "original altered" in result.output


def test_objects_are_encrypted_at_rest(pipeline_store: EvidenceStore, own_minio: tuple[Settings, Path]) -> None:
    _, minio_data = own_minio
    canary = "CANARY-" + hashlib.sha256(b"encryption").hexdigest()[:16]
    sha = _process(pipeline_store, _drop(pipeline_store, _text_pdf(f"Encrypted {canary} text"), "enc.pdf"))
    stat = pipeline_store.client.stat_object(pipeline_store.settings.bucket_evidence, f"{sha}/record.json")
    assert stat.metadata.get("X-Amz-Server-Side-Encryption") == "AES256"
    assert canary.encode() in (pipeline_store.get_record_bytes(sha) or b"")
    on_disk = [p for p in minio_data.rglob("*") if p.is_file() and canary.encode() in p.read_bytes()]
    assert on_disk == []


def test_find_uses_tags_from_the_index(pipeline_store: EvidenceStore) -> None:
    sha = _process(pipeline_store, _drop(pipeline_store, _text_pdf("Indexed summons, Article 280."), "idx.pdf"))
    record = pipeline_store.get_record(sha)
    assert record is not None
    charge = Entity(
        type="CHARGE",
        text="ст. 280 УК РФ",
        normalized="RU-CC-280",
        language="ru",
        page=1,
        start=0,
        end=13,
        origin=EntityOrigin.RULE,
        confidence=0.95,
    )
    tagged = record.model_copy(
        update={
            "entities": [charge],
            "document_type": "summons",
            "provenance": record.provenance.model_copy(update={"finished_at": datetime.now(UTC)}),
        }
    )
    pipeline_store.put_record(tagged)
    index = EvidenceIndex(pipeline_store.client, pipeline_store.settings)
    assert [e.sha256 for e in index.find(SearchFilter(charge="RU-CC-280", document_type="summons"))] == [sha]
    assert index.find(SearchFilter(charge="RU-CC-280", document_type="arrest_warrant")) == []
    tags = pipeline_store.client.get_object_tags(pipeline_store.settings.bucket_evidence, f"{sha}/record.json")
    assert tags["charges"] == "RU-CC-280" and tags["document_type"] == "summons"


def test_index_snapshot_plus_fresh_entries_is_the_whole_index(pipeline_store: EvidenceStore) -> None:
    index = EvidenceIndex(pipeline_store.client, pipeline_store.settings)
    before = index.load()
    index.write_snapshot(before)
    sha = _process(pipeline_store, _drop(pipeline_store, _text_pdf("Written after the snapshot."), "late.pdf"))
    after = index.load()
    assert set(after) == set(before) | {sha}
