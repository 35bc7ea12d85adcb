"""The pipeline's stages as plain functions, so they run the same inside and outside Prefect.

Each stage reads its input from MinIO, writes its artefact to MinIO and returns only hashes and
counts; the Prefect tasks in ``process_document`` wrap these one to one.
"""

from __future__ import annotations

import hashlib
import os
import platform
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from evidence.config.settings import Settings
from evidence.config.versions import PIPELINE_VERSION, STAGE_VERSIONS
from evidence.extractors.errors import InputRejected, Reason
from evidence.extractors.page_ocr import OcrOptions
from evidence.extractors.passwords import current_password
from evidence.extractors.provenance import reading_tools
from evidence.extractors.readers import ReadLimits, read_document
from evidence.extractors.sniff import sniff
from evidence.models.custody import CustodyAction
from evidence.models.record import (
    Document,
    EvidenceRecord,
    Provenance,
    QuarantineRecord,
    ToolVersion,
)
from evidence.models.stages import ExtractArtefact, ReadArtefact, TranslateArtefact
from evidence.storage.hashing import Digests
from evidence.storage.store import EvidenceStore, StoredOriginal, spool_directory

READ_ARTEFACT = "stages/read.json"
EXTRACT_ARTEFACT = "stages/entities.json"
TRANSLATE_ARTEFACT = "stages/translation.json"
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class ReadSummary:
    media_type: str
    page_count: int
    languages: list[str]
    sources: list[str]
    cached: bool = False


def ingest(store: EvidenceStore, inbox_key: str, case: str | None = None, force: bool = False) -> StoredOriginal:
    """Stream the inbox object into the write-once originals bucket under its SHA-256.

    Custody gets two events: received (who handed it in, under which key) and hashed. A
    document dropped twice is one original with two pairs of events.
    """
    inbox = store.inbox_object(inbox_key)
    if not force:
        # The same upload triggered twice (notification + sweep, two workers, a retry): one
        # run claims it atomically and takes it in; the others wait for it and share the result.
        if (taken := _already_taken(store, inbox_key, inbox.etag)) is not None:
            return taken
        if not store.claim(_claim_name(inbox_key, inbox.etag), CLAIM_TTL_S, owner=claim_owner()):
            return _wait_until_taken(store, inbox_key, inbox.etag)
        if (taken := _already_taken(store, inbox_key, inbox.etag)) is not None:
            return taken  # a stale claim taken over after its holder had finished after all
    uploader = inbox.uploader or "unknown (dropped into the inbox bucket)"
    intake = _claim_name(inbox_key, inbox.etag)
    stored = store.ingest(inbox_key)
    digests = stored.digests
    # A retry after a fault (MinIO restarting mid-intake) must not log the upload twice.
    logged = {e.action for e in store.custody.events(digests.sha256) if e.intake == intake and not force}
    if CustodyAction.RECEIVED not in logged:
        store.custody.record(
            digests.sha256,
            CustodyAction.RECEIVED,
            actor=uploader,
            source_key=inbox_key,
            size=digests.size,
            intake=intake,
        )
    if CustodyAction.HASHED not in logged:
        store.custody.record(
            digests.sha256,
            CustodyAction.HASHED,
            sha512=digests.sha512,
            size=digests.size,
            pipeline_version=PIPELINE_VERSION,
            intake=intake,
            detail="stored as a new original" if stored.newly_stored else "identical to an original already stored",
        )
    store.mark_inbox_seen(inbox, digests)
    return stored


CLAIM_TTL_S = 600.0
"""A claim older than this was left by a crashed run and may be taken over."""


def claim_owner() -> str:
    """Who holds an intake claim: the Prefect flow run, so a retry of the same run may re-enter."""
    try:
        from prefect.runtime import flow_run

        if flow_run.id:
            return f"flow-run:{flow_run.id}"
    except ImportError:  # pragma: no cover - prefect is a dependency
        pass
    return f"process:{platform.node()}:{os.getpid()}"


def _claim_name(inbox_key: str, etag: str) -> str:
    return "intake-" + hashlib.sha256(f"{inbox_key}\0{etag}".encode()).hexdigest()


def original_from_intake(inbox_key: str, seen: dict[str, Any] | None) -> StoredOriginal | None:
    """The original an inbox object's intake marker names (None when the marker lacks its digests)."""
    if not seen or "sha512" not in seen:
        return None
    digests = Digests(seen["sha256"], seen["sha512"], int(seen["size"]))
    return StoredOriginal(digests, inbox_key, newly_stored=False, already_taken=True)


def _already_taken(store: EvidenceStore, inbox_key: str, etag: str) -> StoredOriginal | None:
    """The same upload triggered twice (notification and sweep, two workers, a retry) is taken in once."""
    seen = store.inbox_seen(inbox_key)
    taken = original_from_intake(inbox_key, seen) if seen and seen.get("etag") == etag else None
    return taken if taken is not None and store.has_original(taken.digests.sha256) else None


def _wait_until_taken(store: EvidenceStore, inbox_key: str, etag: str, timeout_s: float = 120.0) -> StoredOriginal:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if (taken := _already_taken(store, inbox_key, etag)) is not None:
            return taken
        time.sleep(0.5)
    raise TimeoutError(f"another run claimed inbox object {hashlib.sha256(inbox_key.encode()).hexdigest()[:12]}")


def stored_original(store: EvidenceStore, sha256: str) -> StoredOriginal:
    """An original already in the store, re-hashed (for reprocessing without the inbox)."""
    digests = store.verify_original(sha256)
    return StoredOriginal(digests, store.source_key_of(sha256), newly_stored=False)


def read(
    store: EvidenceStore,
    settings: Settings,
    stored: StoredOriginal,
    language_hints: list[str] | None = None,
    password: str | None = None,
    force: bool = False,
) -> ReadSummary:
    """Sniff and read the verified original into pages; raises InputRejected for bad input.

    Skipped when the stored read artefact was made by the same stage version, Tesseract version
    and parameters (unless ``force``): a retry or a rerun costs one small GET.
    """
    started = datetime.now(UTC)
    sha256 = stored.digests.sha256
    password = password if password is not None else current_password()  # `evidence process --password`
    parameters = read_parameters(settings, language_hints, password)
    if not force and (cached := _cached_read(store, sha256, parameters)) is not None:
        return cached
    with spool_directory() as spool:
        path = _fetch_verified_original(store, sha256, spool)
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
        sniffed = sniff(head, stored.digests.size)
        if stored.digests.size > settings.max_file_bytes:
            raise InputRejected(
                reason=Reason.TOO_LARGE,
                message=f"{stored.digests.size:,} bytes, over the limit of {settings.max_file_bytes:,}",
                detected_type=sniffed.media_type,
            )
        limits = ReadLimits(
            max_pages=settings.max_pages,
            max_page_pixels=settings.max_page_pixels,
            max_image_dpi=settings.max_image_dpi,
            dpi=settings.ocr_dpi,
            workers=settings.ocr_workers,
        )
        options = OcrOptions(
            default_languages=settings.ocr_default_languages,
            max_page_pixels=settings.max_page_pixels,
            timeout_s=settings.ocr_page_timeout_s,
            language_hints=list(language_hints or []),
        )
        try:
            result = read_document(path, sniffed.media_type, limits, options, password)
        except InputRejected as exc:
            exc.detected_type = exc.detected_type or sniffed.media_type
            raise
    artefact = ReadArtefact(
        stage_version=STAGE_VERSIONS["read"],
        sha256=sha256,
        media_type=sniffed.media_type,
        page_count=result.page_count,
        pages=result.pages,
        tools=list(reading_tools()),
        parameters=parameters,
        started_at=started,
        finished_at=datetime.now(UTC),
    )
    data = artefact.model_dump_json().encode()
    key = store.put_stage_artefact(sha256, READ_ARTEFACT, data)
    store.custody.record(
        sha256,
        CustodyAction.STAGE_RUN,
        stage="read",
        stage_version=artefact.stage_version,
        pipeline_version=PIPELINE_VERSION,
        tools=artefact.tools,
        parameters=artefact.parameters,
        artefact_key=key,
        artefact_sha256=hashlib.sha256(data).hexdigest(),
    )
    return _summary(artefact, cached=False)


def read_parameters(
    settings: Settings, language_hints: list[str] | None, password: str | None
) -> dict[str, str | int | float | bool | None]:
    """Everything that changes the read stage's output: its cache key (with the stage version)."""
    return {
        "ocr_dpi": settings.ocr_dpi,
        "language_hints": ",".join(language_hints or []) or None,
        "password_supplied": password is not None,
        "max_page_pixels": settings.max_page_pixels,
        "max_image_dpi": settings.max_image_dpi,
        "tesseract": reading_tools()[0].version,
    }


def _cached_read(store: EvidenceStore, sha256: str, parameters: dict) -> ReadSummary | None:
    data = store.get_stage_artefact(sha256, READ_ARTEFACT)
    if data is None:
        return None
    artefact = ReadArtefact.model_validate_json(data)
    if artefact.stage_version != STAGE_VERSIONS["read"] or artefact.parameters != parameters:
        return None
    return _summary(artefact, cached=True)


def _summary(artefact: ReadArtefact, cached: bool) -> ReadSummary:
    return ReadSummary(
        media_type=artefact.media_type,
        page_count=artefact.page_count,
        languages=sorted({page.language for page in artefact.pages if page.language}),
        sources=sorted({page.source.value for page in artefact.pages}),
        cached=cached,
    )


def build_record(
    store: EvidenceStore,
    stored: StoredOriginal,
    timings: dict[str, float],
    case: str | None = None,
    force: bool = False,
) -> EvidenceRecord:
    """Assemble the EvidenceRecord from the stage artefacts and store it.

    When the stored record was built by this pipeline version from the very same artefacts (and
    the case is unchanged), it is returned as it is: no second write, no second custody event.
    """
    sha256 = stored.digests.sha256
    data = store.get_stage_artefact(sha256, READ_ARTEFACT)
    if data is None:
        raise FileNotFoundError(f"read artefact missing for {sha256}")
    extracted = store.get_stage_artefact(sha256, EXTRACT_ARTEFACT)
    translated = store.get_stage_artefact(sha256, TRANSLATE_ARTEFACT)
    inputs = hashlib.sha256(data + (extracted or b"") + (translated or b"")).hexdigest()
    existing = None if force else store.get_record(sha256)
    if (
        existing is not None
        and existing.provenance.pipeline_version == PIPELINE_VERSION
        and existing.provenance.parameters.get("inputs_sha256") == inputs
        and existing.tags.get("case") == (case or existing.tags.get("case"))
    ):
        return existing
    artefact = ReadArtefact.model_validate_json(data)
    entities = ExtractArtefact.model_validate_json(extracted) if extracted else None
    translation = TranslateArtefact.model_validate_json(translated) if translated else None
    tools = [
        ToolVersion(name="evidence-pipeline", version=PIPELINE_VERSION),
        *artefact.tools,
        *(translation.tools if translation else []),
        *(entities.tools if entities else []),
    ]
    record = EvidenceRecord(
        document=Document(
            key=sha256,
            source_key=stored.source_key,
            sha256=sha256,
            sha512=stored.digests.sha512,
            size=stored.digests.size,
            media_type=artefact.media_type,
            page_count=artefact.page_count,
        ),
        pages=artefact.pages,
        translations=translation.translations if translation else None,
        errors=translation.notices if translation else [],
        entities=entities.entities if entities else None,
        document_type=entities.document_type if entities else None,
        document_type_confidence=entities.document_type_confidence if entities else None,
        key_facts=entities.key_facts if entities else None,
        tags={"pipeline_version": PIPELINE_VERSION, "media_type": artefact.media_type}
        | ({"case": case} if case else {}),
        provenance=Provenance(
            pipeline_version=PIPELINE_VERSION,
            tools=tools,
            parameters=artefact.parameters
            | {f"stage_version_{k}": v for k, v in STAGE_VERSIONS.items()}
            | {"inputs_sha256": inputs},
            started_at=artefact.started_at,
            finished_at=datetime.now(UTC),
            timings=timings,
            host=platform.node(),
        ),
    )
    key, record_sha256 = store.put_record(record)
    store.custody.record(
        sha256,
        CustodyAction.RECORD_STORED,
        stage="record",
        stage_version=STAGE_VERSIONS["record"],
        pipeline_version=PIPELINE_VERSION,
        tools=tools,
        artefact_key=key,
        artefact_sha256=record_sha256,
    )
    return record


def quarantine(store: EvidenceStore, stored: StoredOriginal, rejection: InputRejected) -> QuarantineRecord:
    """Set a bad input aside with its reason; the batch goes on."""
    record = QuarantineRecord(
        source_key=stored.source_key,
        sha256=stored.digests.sha256,
        size=stored.digests.size,
        detected_type=rejection.detected_type,
        reason=rejection.reason.value,
        message=rejection.message,
        pipeline_version=PIPELINE_VERSION,
        quarantined_at=datetime.now(UTC),
    )
    store.quarantine(stored.source_key, record)
    store.custody.record(
        record.sha256,
        CustodyAction.QUARANTINED,
        source_key=stored.source_key,
        pipeline_version=PIPELINE_VERSION,
        detail=f"{record.reason}: {record.message}",
    )
    return record


def _fetch_verified_original(store: EvidenceStore, sha256: str, spool: Path) -> Path:
    path = spool / "original"
    store.download_original(sha256, path)
    return path
