"""Both engines on real components: the project's argos package (CTranslate2) and Debian's Apertium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from evidence.models.record import Page, PageSource
from evidence.translation import phrasebook
from evidence.translation.packages import install_package
from evidence.translation.segment import split_sentences
from evidence.translation.selection import choose_engines
from evidence.translation.testpackage import build_package
from evidence.translation.translator import translate_pages

NO_APERTIUM = "apt-get install apertium apertium-eng-spa"
needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason=NO_APERTIUM)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models folder with es→en, es→fr and fr→en installed from packages built here."""
    built = tmp_path_factory.mktemp("built")
    models = tmp_path_factory.mktemp("models")
    for source, target in (("es", "en"), ("es", "fr"), ("fr", "en")):
        install_package(build_package(built / f"{source}_{target}.argosmodel", source, target), models)
    return models


def page(number: int, text: str, language: str | None = "es") -> Page:
    return Page(number=number, source=PageSource.OCR, source_reason="test", language=language, text=text)


def test_argos_translates_a_page_sentence_by_sentence_with_offsets(packages: Path) -> None:
    pairs = phrasebook.sample_sentences(6, seed=11)
    text = " ".join(es for es, _ in pairs[:3]) + "\n\n" + " ".join(es for es, _ in pairs[3:])
    result = translate_pages([page(2, text)], lambda lang: choose_engines(lang, "en", packages, ["argos"]))
    (translation,) = result.translations
    assert (translation.engine, translation.model_id) == ("argos", "argos:translate-es_en")
    assert translation.model_version.startswith("0.1+sha256:")
    assert [s.target_text for s in translation.sentences] == [en for _, en in pairs]
    for sentence in translation.sentences:
        assert sentence.page == 2
        assert text[sentence.source_start : sentence.source_end] == sentence.source_text
        assert not sentence.unreliable


def test_pivot_through_french_when_no_direct_package(packages: Path, tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(packages, models)
    shutil.rmtree(models / "translate-es_en")
    choice = choose_engines("es", "en", models, ["argos"])
    (engine,) = choice.engines
    assert engine.name == "argos-pivot"
    assert engine.model_id == "argos:translate-es_fr+argos:translate-fr_en"
    pairs = phrasebook.sample_sentences(10, seed=5)
    assert engine.translate([es for es, _ in pairs]) == [en for _, en in pairs]


@needs_apertium
def test_apertium_translates_spanish_to_english() -> None:
    from evidence.translation.apertium_engine import ApertiumEngine

    engine = ApertiumEngine("es", "en")
    assert engine.model_id == "apertium:spa-eng"
    assert "apertium" in engine.model_version
    out = engine.translate(["La policía detuvo al periodista el lunes.", "", "El juez firmó la sentencia."])
    assert len(out) == 3
    assert "police" in out[0].lower() and "monday" in out[0].lower()
    assert out[1] == ""
    assert "judge" in out[2].lower()


@needs_apertium
def test_engine_choice_follows_configuration_and_availability(packages: Path, tmp_path: Path) -> None:
    both = choose_engines("es", "en", packages, ["apertium", "argos"])
    assert [e.name for e in both.engines] == ["apertium", "argos"]
    only_apertium = choose_engines("es", "en", tmp_path / "empty", ["argos", "apertium"])
    assert [e.name for e in only_apertium.engines] == ["apertium"]
    nothing = choose_engines("tr", "en", tmp_path / "empty", ["argos", "apertium"])
    assert nothing.engines == [] and "no tr→en engine" in nothing.reason


def test_sentence_splitter_keeps_abbreviations_and_offsets() -> None:
    text = "El Sr. Pérez fue detenido. ¿Dónde está? Art. 410 del Código Penal.\nMOTIVO\nNo hay más."
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "El Sr. Pérez fue detenido.",
        "¿Dónde está?",
        "Art. 410 del Código Penal.",
        "MOTIVO",
        "No hay más.",
    ]
    chinese = "这是第一句。这是第二句！"
    assert [chinese[s.start : s.end] for s in split_sentences(chinese)] == ["这是第一句。", "这是第二句！"]
