"""Translate a document's pages into English sentence by sentence, keeping the alignment.

Per page language: split into sentences (page, character span), pass English sentences through,
translate the rest in one batch with the first engine, run the guards, retry flagged sentences with
the engine's other settings and then the other engines, and keep whatever is still flagged with
its flags. Nothing is dropped: a page that is not translated gets a notice saying why.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from evidence.models.record import Page, SentenceAlignment, StageError, Translation
from evidence.translation.engine import Engine, EngineUnavailable
from evidence.translation.guards import check_sentence
from evidence.translation.passthrough import already_in_target
from evidence.translation.segment import split_sentences
from evidence.translation.selection import EngineChoice

log = logging.getLogger(__name__)

STAGE = "translate"
PASSTHROUGH = "passthrough"


@dataclass
class _Sentence:
    page: int
    start: int
    end: int
    text: str
    target: str = ""
    flags: list[str] = field(default_factory=list)
    engine: Engine | None = None  # None: passed through untouched


@dataclass(frozen=True)
class DocumentTranslation:
    translations: list[Translation]
    notices: list[StageError]
    engines_used: list[str]


def translate_pages(
    pages: Sequence[Page],
    choose: Callable[[str], EngineChoice],
    target: str = "en",
    fallback_language: str | None = None,
) -> DocumentTranslation:
    """Translations (one per source language and engine) and notices for pages left as they are."""
    notices: list[StageError] = []
    by_language: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        language = page.language or fallback_language
        if not page.text.strip():
            notices.append(_notice("no_text", "no text on this page to translate", page.number))
        elif language is None:
            notices.append(_notice("language_unknown", "page language not identified; not translated", page.number))
        elif language == target:
            notices.append(_notice("already_target", f"page is in {target} already; not translated", page.number))
        else:
            by_language[language].append(page)
    translations: list[Translation] = []
    used: set[str] = set()
    for language, group in sorted(by_language.items()):
        choice = choose(language)
        if not choice.engines:
            notices += [_notice("no_engine", choice.reason, page.number) for page in group]
            continue
        sentences = _split(group, language, target)
        failure = _translate(sentences, choice.engines)
        if failure:
            notices += [_notice("engine_failed", failure, page.number) for page in group]
            continue
        translations += _group(sentences, language, target)
        used |= {s.engine.model_id for s in sentences if s.engine is not None}
    return DocumentTranslation(translations, notices, sorted(used))


def _split(pages: list[Page], language: str, target: str) -> list[_Sentence]:
    out = []
    for page in pages:
        for span in split_sentences(page.text):
            text = page.text[span.start : span.end]
            sentence = _Sentence(page.number, span.start, span.end, text)
            if already_in_target(text, language, target):
                sentence.target = text
            out.append(sentence)
    return out


def _translate(sentences: list[_Sentence], engines: list[Engine]) -> str | None:
    """Fill in targets; returns why nothing could be translated, or None."""
    pending = [s for s in sentences if not s.target]
    first_flags: dict[int, list[str]] = {}
    first_output: dict[int, tuple[str, Engine]] = {}
    errors: list[str] = []
    tried: list[str] = []
    for engine in engines:
        for settings in engine.settings:
            if not pending:
                break
            try:
                outputs = engine.translate([_flat(s.text) for s in pending], settings)
            except EngineUnavailable as exc:
                errors.append(str(exc))
                log.warning("translation engine %s failed: %s", engine.model_id, exc)
                break
            tried.append(f"{engine.name}/{settings.name}")
            still = []
            for sentence, output in zip(pending, outputs, strict=True):
                flags = check_sentence(_flat(sentence.text), output)
                key = id(sentence)
                if key not in first_flags:
                    first_flags[key], first_output[key] = flags, (output, engine)
                if flags:
                    still.append(sentence)
                else:
                    sentence.target, sentence.engine = output, engine
            pending = still
    if not first_output and any(not s.target for s in sentences):
        return "; ".join(errors) or "no engine produced output"
    for sentence in pending:  # flagged by every attempt: keep the first output and say why
        output, engine = first_output[id(sentence)]
        sentence.target, sentence.engine = output, engine
        sentence.flags = [*first_flags[id(sentence)], f"retried: {', '.join(tried[1:]) or 'no other setting'}"]
    return None


def _group(sentences: list[_Sentence], language: str, target: str) -> list[Translation]:
    """One Translation per engine that produced sentences (the primary first), sentences in page order."""
    groups: dict[str, list[_Sentence]] = defaultdict(list)
    engines: dict[str, Engine | None] = {}
    for sentence in sentences:
        key = sentence.engine.model_id if sentence.engine else PASSTHROUGH
        groups[key].append(sentence)
        engines[key] = sentence.engine
    out = []
    for key, members in groups.items():
        engine = engines[key]
        out.append(
            Translation(
                engine=engine.name if engine else PASSTHROUGH,
                model_id=engine.model_id if engine else "none (already in the target language)",
                model_version=engine.model_version if engine else "-",
                source_language=language,
                target_language=target,
                sentences=[
                    SentenceAlignment(
                        page=s.page,
                        source_start=s.start,
                        source_end=s.end,
                        source_text=s.text,
                        target_text=s.target,
                        unreliable=bool(s.flags),
                        flags=s.flags,
                    )
                    for s in sorted(members, key=lambda s: (s.page, s.start))
                ],
            )
        )
    return sorted(out, key=lambda t: t.engine == PASSTHROUGH)


def _flat(text: str) -> str:
    """A sentence as engines get it: OCR line breaks and runs of spaces become single spaces."""
    return " ".join(text.split())


def _notice(code: str, message: str, page: int) -> StageError:
    return StageError(stage=STAGE, code=code, message=message, page=page)
