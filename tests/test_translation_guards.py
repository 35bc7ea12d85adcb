"""Quality guards: a looping or truncating engine is retried, else flagged; text is never dropped.

The engine underneath is the real argos test package; only its output is corrupted (fault
injection), the way a real neural model fails on a bad scan.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from evidence.models.record import Page, PageSource
from evidence.translation import phrasebook
from evidence.translation.argos_engine import ArgosEngine
from evidence.translation.engine import DEFAULT, DecodeSettings
from evidence.translation.guards import LENGTH_RATIO, REPETITION_LOOP, check_sentence
from evidence.translation.packages import install_package
from evidence.translation.selection import EngineChoice
from evidence.translation.testpackage import build_package
from evidence.translation.translator import translate_pages

SPANISH = phrasebook.sample_sentences(4, seed=21)


@pytest.fixture(scope="module")
def argos(tmp_path_factory: pytest.TempPathFactory) -> ArgosEngine:
    built = build_package(tmp_path_factory.mktemp("built") / "es_en.argosmodel")
    return ArgosEngine(install_package(built, tmp_path_factory.mktemp("models")))


class Looping:
    """The real engine, but its output for the second sentence loops under the settings in ``broken``."""

    def __init__(self, engine: ArgosEngine, broken: set[str]) -> None:
        self.engine, self.broken = engine, broken
        self.name, self.model_id, self.model_version = engine.name, engine.model_id, engine.model_version
        self.source, self.target, self.settings = engine.source, engine.target, engine.settings
        self.calls: list[str] = []

    def translate(self, sentences: Sequence[str], settings: DecodeSettings = DEFAULT) -> list[str]:
        self.calls.append(settings.name)
        out = self.engine.translate(sentences, settings)
        if settings.name in self.broken:
            out = [
                o + " of the of the of the of the" if s == SPANISH[1][0] else o
                for s, o in zip(sentences, out, strict=True)
            ]
        return out


def page(text: str, language: str = "es", number: int = 1) -> Page:
    return Page(number=number, source=PageSource.OCR, source_reason="test", language=language, text=text)


def spanish_page() -> Page:
    return page(" ".join(es for es, _ in SPANISH))


def test_guards_see_loops_and_length_outliers_but_not_sound_sentences() -> None:
    source = "El acusado fue condenado a 12 años de prisión por el tribunal."
    assert check_sentence(source, "The accused was sentenced to 12 years in prison by the court.") == []
    assert REPETITION_LOOP in check_sentence(source, "The accused was was was was was sentenced.")
    assert LENGTH_RATIO in check_sentence(source, "The.")
    assert check_sentence("Sí, sí, sí, sí.", "Yes, yes, yes, yes.") == []  # repeated in the source too


def test_a_loop_is_retried_with_stricter_settings_and_then_sound(argos: ArgosEngine) -> None:
    engine = Looping(argos, broken={"default"})
    result = translate_pages([spanish_page()], lambda lang: EngineChoice([engine]))
    (translation,) = result.translations
    assert engine.calls == ["default", "strict"]
    assert [s.target_text for s in translation.sentences] == [en for _, en in SPANISH]
    assert not any(s.unreliable for s in translation.sentences)


def test_a_loop_every_setting_keeps_is_flagged_and_kept(argos: ArgosEngine) -> None:
    engine = Looping(argos, broken={"default", "strict"})
    result = translate_pages([spanish_page()], lambda lang: EngineChoice([engine]))
    (translation,) = result.translations
    assert len(translation.sentences) == len(SPANISH)  # nothing dropped
    flagged = [s for s in translation.sentences if s.unreliable]
    assert [s.source_text for s in flagged] == [SPANISH[1][0]]
    assert flagged[0].target_text.startswith(SPANISH[1][1])  # the output is kept for the reader
    assert REPETITION_LOOP in flagged[0].flags
    assert any(flag.startswith("retried:") for flag in flagged[0].flags)


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apt-get install apertium apertium-eng-spa")
def test_a_loop_falls_back_to_the_other_engine(argos: ArgosEngine) -> None:
    from evidence.translation.apertium_engine import ApertiumEngine

    engine = Looping(argos, broken={"default", "strict"})
    result = translate_pages([spanish_page()], lambda lang: EngineChoice([engine, ApertiumEngine("es", "en")]))
    by_engine = {t.engine: t for t in result.translations}
    assert set(by_engine) == {"argos", "apertium"}
    (rescued,) = by_engine["apertium"].sentences
    assert rescued.source_text == SPANISH[1][0] and not rescued.unreliable
    assert len(by_engine["argos"].sentences) == len(SPANISH) - 1


def test_english_passes_through_untouched_and_pages_left_alone_are_explained(argos: ArgosEngine) -> None:
    english = "The applicant was arrested at the border on the same day."
    mixed = page(f"{SPANISH[0][0]} {english}")
    pages = [mixed, page("Letter from the lawyer. All of it in English.", "en", 2), page("  ", "es", 3)]
    result = translate_pages(pages, lambda lang: EngineChoice([argos]))
    by_engine = {t.engine: t for t in result.translations}
    (kept,) = by_engine["passthrough"].sentences
    assert kept.source_text == kept.target_text == english
    assert [s.target_text for s in by_engine["argos"].sentences] == [SPANISH[0][1]]
    assert {(n.page, n.code) for n in result.notices} == {(2, "already_target"), (3, "no_text")}


def test_a_language_without_engine_is_recorded_not_dropped(tmp_path: Path) -> None:
    from evidence.translation.selection import choose_engines

    result = translate_pages(
        [page("Mahkeme sanığın tutuklanmasına karar verdi.", "tr")],
        lambda lang: choose_engines(lang, "en", tmp_path, ["argos"]),
    )
    assert result.translations == []
    (notice,) = result.notices
    assert notice.code == "no_engine" and notice.page == 1 and "tr→en" in notice.message
