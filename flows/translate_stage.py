"""The translation stage: every page's text into English, sentence by sentence, offline.

Reads the read artefact, chooses engines per page language (configuration and what is installed),
and stores ``stages/translation.json``. Cached by the read artefact's hash, the stage version and
the engines/models available, so installing a better package makes the next run translate again.
Pages not translated (English already, no engine for the language) are listed with the reason.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from importlib.metadata import version

from evidence.config.settings import Settings, get_settings
from evidence.config.versions import PIPELINE_VERSION, STAGE_VERSIONS
from evidence.flows.stages import READ_ARTEFACT, TRANSLATE_ARTEFACT
from evidence.models.custody import CustodyAction
from evidence.models.record import ToolVersion, Translation
from evidence.models.stages import ReadArtefact, TranslateArtefact
from evidence.storage.store import EvidenceStore
from evidence.translation import apertium_engine
from evidence.translation.packages import list_packages
from evidence.translation.selection import EngineChoice, choose_engines, engine_order
from evidence.translation.translator import translate_pages

TARGET_LANGUAGE = "en"


def translate(
    store: EvidenceStore,
    sha256: str,
    force: bool = False,
    settings: Settings | None = None,
    slot: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> TranslateArtefact:
    """Translate (or reuse the stored translation); ``slot`` is held only while an engine works."""
    settings = settings or get_settings()
    data = store.get_stage_artefact(sha256, READ_ARTEFACT)
    if data is None:
        raise FileNotFoundError(f"read artefact missing for {sha256}")
    inputs = hashlib.sha256(data).hexdigest()
    parameters = translate_parameters(settings)
    if not force and (cached := _cached(store, sha256, inputs, parameters)) is not None:
        return cached
    started = datetime.now(UTC)
    read = ReadArtefact.model_validate_json(data)
    models_dir = settings.translation_models_dir

    def choose(language: str) -> EngineChoice:
        order = engine_order(language, settings.translation_engines, settings.translation_engine_for)
        return choose_engines(language, TARGET_LANGUAGE, models_dir, order, settings.translation_threads)

    fallback = _main_language(read)
    needs_engine = any(
        page.text.strip() and (page.language or fallback) not in (None, TARGET_LANGUAGE) for page in read.pages
    )
    with slot() if needs_engine else nullcontext():  # English-only documents do not queue for a slot
        result = translate_pages(read.pages, choose, TARGET_LANGUAGE, fallback_language=fallback)
    artefact = TranslateArtefact(
        stage_version=STAGE_VERSIONS["translate"],
        inputs_sha256=inputs,
        parameters=parameters,
        translations=result.translations,
        notices=result.notices,
        tools=_tools(result.translations),
        started_at=started,
        finished_at=datetime.now(UTC),
    )
    payload = artefact.model_dump_json().encode()
    key = store.put_stage_artefact(sha256, TRANSLATE_ARTEFACT, payload)
    store.custody.record(
        sha256,
        CustodyAction.STAGE_RUN,
        stage="translate",
        stage_version=artefact.stage_version,
        pipeline_version=PIPELINE_VERSION,
        tools=artefact.tools,
        parameters=dict(parameters),
        artefact_key=key,
        artefact_sha256=hashlib.sha256(payload).hexdigest(),
    )
    return artefact


def translate_parameters(settings: Settings) -> dict[str, str]:
    """Everything besides the text that changes the output: engine choice and installed models."""
    packages = list_packages(settings.translation_models_dir)
    return {
        "engines": settings.translation_engines,
        "engine_for": ",".join(f"{k}={v}" for k, v in sorted(settings.translation_engine_for.items())),
        "argos_packages": ",".join(f"{p.pair}@{p.model_version}" for p in packages),
        "apertium_pairs": ",".join(sorted(apertium_engine.installed_modes())),
    }


def _cached(store: EvidenceStore, sha256: str, inputs: str, parameters: dict[str, str]) -> TranslateArtefact | None:
    data = store.get_stage_artefact(sha256, TRANSLATE_ARTEFACT)
    if data is None:
        return None
    artefact = TranslateArtefact.model_validate_json(data)
    current = (
        artefact.stage_version == STAGE_VERSIONS["translate"]
        and artefact.inputs_sha256 == inputs
        and artefact.parameters == parameters
    )
    return artefact if current else None


def _tools(translations: list[Translation]) -> list[ToolVersion]:
    tools = [ToolVersion(name="evidence-translate", version=STAGE_VERSIONS["translate"])]
    engines = {t.engine for t in translations}
    if engines & {"argos", "argos-pivot"}:
        tools += [ToolVersion(name=name, version=version(name)) for name in ("ctranslate2", "sentencepiece")]
    models = {(t.model_id, t.model_version) for t in translations if t.engine != "passthrough"}
    tools += [ToolVersion(name=model_id, version=model_version) for model_id, model_version in sorted(models)]
    return tools


def _main_language(read: ReadArtefact) -> str | None:
    weights: Counter[str] = Counter()
    for page in read.pages:
        if page.language:
            weights[page.language] += len(page.text)
    return weights.most_common(1)[0][0] if weights else None
