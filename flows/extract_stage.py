"""The entity stage: legal entities per page, the document type, and the key facts.

Rules and gazetteers run on every page's source text in its own language; statistical NER runs
on English and French source pages and on the English translation (``stages/translation.json``,
when the translation stage has written it), each entity found there tied to its aligned source
sentence. The output is stored as its own artefact, keyed to the read artefact, the translation
and the extractor version it came from, so a rerun with unchanged input is skipped and a new
translation reruns it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from datetime import UTC, datetime
from importlib.metadata import version

from evidence.config.versions import PIPELINE_VERSION, STAGE_VERSIONS
from evidence.extractors.legal import (
    EXTRACTOR_VERSION,
    SUPPORTED_LANGUAGES,
    classify_document,
    extract_entities,
    key_facts,
)
from evidence.extractors.legal.statistical import MODELS, source_entities, translation_entities
from evidence.flows.stages import EXTRACT_ARTEFACT, READ_ARTEFACT
from evidence.models.custody import CustodyAction
from evidence.models.record import Entity, KeyFacts, ToolVersion, Translation
from evidence.models.stages import ExtractArtefact, ReadArtefact
from evidence.storage.store import EvidenceStore
from pydantic import ValidationError

TRANSLATION_ARTEFACT = "stages/translation.json"
log = logging.getLogger(__name__)


def extract(store: EvidenceStore, sha256: str, force: bool = False) -> ExtractArtefact:
    data = store.get_stage_artefact(sha256, READ_ARTEFACT)
    if data is None:
        raise FileNotFoundError(f"read artefact missing for {sha256}")
    translation_data = store.get_stage_artefact(sha256, TRANSLATION_ARTEFACT)
    inputs = inputs_hash(data, translation_data)
    if not force and (cached := _cached(store, sha256, inputs)) is not None:
        return cached
    started = datetime.now(UTC)
    read = ReadArtefact.model_validate_json(data)
    main_language = _main_language(read)
    entities: list[Entity] = []
    for page in read.pages:
        language = page.language or main_language
        if language in SUPPORTED_LANGUAGES and page.text.strip():
            found = extract_entities(page.text, language, page.number)
            if language in MODELS:
                found += source_entities(page.text, language, page.number, found)
            entities.extend(found)
    translations = parse_translations(translation_data)
    if translations:
        pages = {page.number: page.text for page in read.pages}
        entities.extend(translation_entities(translations, pages, entities))
    full_text = "\n\n".join(page.text for page in read.pages)
    document_type, confidence = (
        classify_document(full_text, main_language) if main_language in SUPPORTED_LANGUAGES else ("other", 0.0)
    )
    artefact = ExtractArtefact(
        stage_version=STAGE_VERSIONS["extract"],
        inputs_sha256=inputs,
        entities=entities,
        document_type=document_type,
        document_type_confidence=round(float(confidence), 3),
        key_facts=KeyFacts.model_validate(key_facts(entities)),
        tools=[
            ToolVersion(name="spacy", version=version("spacy")),
            ToolVersion(name="evidence-legal-rules", version=EXTRACTOR_VERSION),
            *_model_versions(entities),
        ],
        started_at=started,
        finished_at=datetime.now(UTC),
    )
    payload = artefact.model_dump_json().encode()
    key = store.put_stage_artefact(sha256, EXTRACT_ARTEFACT, payload)
    store.custody.record(
        sha256,
        CustodyAction.STAGE_RUN,
        stage="extract",
        stage_version=artefact.stage_version,
        pipeline_version=PIPELINE_VERSION,
        tools=artefact.tools,
        artefact_key=key,
        artefact_sha256=hashlib.sha256(payload).hexdigest(),
    )
    return artefact


def inputs_hash(read_data: bytes, translation_data: bytes | None) -> str:
    """What the entities depend on: the read artefact, the translation (if any), the extractor."""
    digest = hashlib.sha256()
    for part in (read_data, translation_data or b"", EXTRACTOR_VERSION.encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def parse_translations(data: bytes | None) -> list[Translation]:
    """The translation artefact, read tolerantly: a list of Translation objects, or an object with a
    ``translations`` list. Anything unreadable is logged (no text) and ignored: the rules still run."""
    if not data:
        return []
    try:
        raw = json.loads(data)
        items = raw.get("translations", []) if isinstance(raw, dict) else raw
        if not isinstance(items, list):
            raise TypeError("translations is not a list")
        return [Translation.model_validate(item) for item in items]
    except (ValueError, TypeError, ValidationError) as exc:
        log.warning("translation artefact unreadable, extracting without it: %s", type(exc).__name__)
        return []


def _model_versions(entities: list[Entity]) -> list[ToolVersion]:
    models = sorted({e.attributes["model"] for e in entities if e.origin == "statistical" and "model" in e.attributes})
    return [ToolVersion(name=name, version=version(name.replace("_", "-"))) for name in models]


def _cached(store: EvidenceStore, sha256: str, inputs: str) -> ExtractArtefact | None:
    data = store.get_stage_artefact(sha256, EXTRACT_ARTEFACT)
    if data is None:
        return None
    artefact = ExtractArtefact.model_validate_json(data)
    current = artefact.stage_version == STAGE_VERSIONS["extract"] and artefact.inputs_sha256 == inputs
    return artefact if current else None


def _main_language(read: ReadArtefact) -> str:
    """The language with the most text; the classifier works on the document as a whole."""
    weights: Counter[str] = Counter()
    for page in read.pages:
        if page.language:
            weights[page.language] += len(page.text)
    return weights.most_common(1)[0][0] if weights else "en"
