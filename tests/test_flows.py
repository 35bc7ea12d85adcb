"""Batch, sweep and reprocessing flows under a real Prefect (test harness) and a real MinIO."""

from __future__ import annotations

import hashlib
import io
import uuid

import pytest
from evidence.models.custody import CustodyAction
from evidence.models.stages import ProcessOptions, Status

pytestmark = pytest.mark.integration


def text_pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for line, chunk in enumerate(range(0, len(text), 80)):
        pdf.drawString(72, 720 - 14 * line, text[chunk : chunk + 80])
    pdf.save()
    return buffer.getvalue()


def drop(store, key: str, data: bytes) -> str:
    store.client.put_object(store.settings.bucket_inbox, key, io.BytesIO(data), len(data))
    return hashlib.sha256(data).hexdigest()


def received_count(store, sha256: str) -> int:
    return sum(e.action == CustodyAction.RECEIVED for e in store.custody.events(sha256))


@pytest.fixture
def batch_id() -> str:
    return uuid.uuid4().hex[:8]


def test_batch_processes_every_document_once_and_survives_a_bad_one(
    store, prefect_harness: None, batch_id: str
) -> None:
    from evidence.flows.process_document import process_batch

    shas = {
        f"{batch_id}/doc{i}.pdf": drop(
            store, f"{batch_id}/doc{i}.pdf", text_pdf(f"Batch {batch_id} document {i}. " * 3)
        )
        for i in range(6)
    }
    drop(store, f"{batch_id}/broken.pdf", b"%PDF-1.4\n% truncated on purpose")
    outcomes = process_batch([*shas, f"{batch_id}/broken.pdf"], ProcessOptions(case="C-0001"))
    by_key = {o.source_key: o for o in outcomes}
    assert [by_key[k].status for k in shas] == [Status.PROCESSED] * 6
    assert by_key[f"{batch_id}/broken.pdf"].status == Status.QUARANTINED
    assert by_key[f"{batch_id}/broken.pdf"].reason == "corrupt"
    for sha in shas.values():
        assert received_count(store, sha) == 1
        assert store.get_record(sha).tags["case"] == "C-0001"


def _unseen(store) -> list[str]:
    from evidence.flows.inbox import plan_sweep

    return plan_sweep(store, stalled_after_s=float("inf"), max_retakes=0).unseen


def test_sweep_takes_in_what_was_dropped_while_nobody_watched(store, prefect_harness: None, batch_id: str) -> None:
    from evidence.flows.inbox import sweep_inbox

    shas = [drop(store, f"{batch_id}/missed{i}.pdf", text_pdf(f"Missed {batch_id} {i}. " * 3)) for i in range(3)]
    assert {f"{batch_id}/missed{i}.pdf" for i in range(3)} <= set(_unseen(store))
    assert sweep_inbox() >= 3
    assert all(store.get_record(sha) is not None for sha in shas)
    assert not [k for k in _unseen(store) if k.startswith(batch_id)]
    # a replaced file (same key, new content) is taken in again
    replaced = drop(store, f"{batch_id}/missed0.pdf", text_pdf(f"Replaced {batch_id}. " * 3))
    assert f"{batch_id}/missed0.pdf" in _unseen(store)
    sweep_inbox()
    assert store.get_record(replaced) is not None


def test_a_document_taken_in_but_never_finished_is_retaken_a_bounded_number_of_times(
    store, prefect_harness: None, batch_id: str
) -> None:
    """Its run failed after every retry (Prefect's API busy, a worker lost): the file must not sit
    in the inbox forever looking done, nor be retried forever."""
    from evidence.flows import stages
    from evidence.flows.inbox import plan_sweep, quarantine_abandoned
    from evidence.flows.process_document import process_batch

    key = f"{batch_id}/stalled.pdf"
    sha = drop(store, key, text_pdf(f"Stalled {batch_id}. " * 3))
    stages.ingest(store, key)  # taken in, then the run died
    assert key not in _unseen(store)
    assert key not in plan_sweep(store, stalled_after_s=3600, max_retakes=3).stalled  # still young
    plan = plan_sweep(store, stalled_after_s=0, max_retakes=1)
    assert key in plan.stalled
    process_batch([k for k in plan.stalled if k.startswith(batch_id)], ProcessOptions())
    assert store.get_record(sha) is not None
    assert received_count(store, sha) == 1  # retaking is not a second intake
    assert key not in plan_sweep(store, stalled_after_s=0, max_retakes=1).stalled  # finished now

    lost = f"{batch_id}/lost.pdf"
    lost_data = text_pdf(f"Lost {batch_id}. " * 3)
    drop(store, lost, lost_data)
    stages.ingest(store, lost)
    assert lost in plan_sweep(store, stalled_after_s=0, max_retakes=1).stalled
    assert lost in plan_sweep(store, stalled_after_s=0, max_retakes=1).abandoned  # retaken once: given up
    record = quarantine_abandoned(store, lost, retakes=1)
    assert record is not None and store.get_quarantine(record.sha256).reason == "processing_failed"
    kept = store.client.get_object(store.settings.bucket_quarantine, f"{record.sha256}/original").read()
    assert kept == lost_data  # the original, byte for byte
    assert lost not in plan_sweep(store, stalled_after_s=0, max_retakes=1).abandoned  # set aside once


def test_reprocess_skips_current_documents_and_force_redoes_them(store, prefect_harness: None, batch_id: str) -> None:
    from evidence.flows.process_document import process_batch
    from evidence.flows.reprocess import ReprocessRequest, reprocess_archive

    keys = [f"{batch_id}/re{i}.pdf" for i in range(3)]
    shas = [drop(store, key, text_pdf(f"Reprocess {batch_id} {key}. " * 3)) for key in keys]
    process_batch(keys, ProcessOptions(case=f"R-{batch_id}"))

    unchanged = reprocess_archive(ReprocessRequest(case=f"R-{batch_id}"))
    assert (unchanged.selected, unchanged.skipped, unchanged.processed) == (3, 3, 0)

    forced = reprocess_archive(ReprocessRequest(case=f"R-{batch_id}", force=True))
    assert (forced.selected, forced.processed, forced.failed) == (3, 3, 0)
    stored = store.client.get_object(store.settings.bucket_evidence, forced.report_key).read()
    assert b'"processed": 3' in stored
    reads = [e for e in store.custody.events(shas[0]) if e.action == CustodyAction.STAGE_RUN and e.stage == "read"]
    assert len(reads) == 2  # the first run and the forced one; the unchanged run read nothing


def test_one_upload_taken_in_by_eight_racing_runs_is_received_once(store, batch_id: str, monkeypatch) -> None:
    """Two workers (or notification + sweep) racing on one upload must not log it twice."""
    from concurrent.futures import ThreadPoolExecutor

    from evidence.flows import stages

    sha = drop(store, f"race-{batch_id}/summons.pdf", text_pdf(f"Race {batch_id}"))
    owners = iter(f"run-{i}" for i in range(8))
    monkeypatch.setattr(stages, "claim_owner", lambda: next(owners))
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: stages.ingest(store, f"race-{batch_id}/summons.pdf"), range(8)))
    assert {r.digests.sha256 for r in results} == {sha}
    assert received_count(store, sha) == 1
    assert sum(not r.already_taken for r in results) == 1
