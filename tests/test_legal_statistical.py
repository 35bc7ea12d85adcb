"""Statistical NER on the English translation and on French source text, tied back to the source.

Real spaCy models (installed packages, no download); Translation objects written by hand the way
the translation stage writes them.
"""

from __future__ import annotations

import json

import pytest
from evidence.extractors.legal import extract_entities
from evidence.extractors.legal.statistical import source_entities, translation_entities
from evidence.flows.extract_stage import parse_translations
from evidence.models.record import SentenceAlignment, Translation

PAGE = (
    "Мещанский районный суд г. Москвы вызывает Осипову Веру Анатольевну в судебное заседание.\n"
    "Зміцер Лукашэвіч и Павел Ковалёв вчера приехали в Витебск."
)
SECOND = PAGE.index("Зміцер")


def _translation(*targets: str, unreliable: bool = False, target_language: str = "en") -> Translation:
    bounds = [(0, PAGE.index("\n")), (SECOND, len(PAGE))]
    return Translation(
        engine="opus-mt",
        model_id="ru-en",
        model_version="1",
        source_language="ru",
        target_language=target_language,
        sentences=[
            SentenceAlignment(
                page=1,
                source_start=start,
                source_end=end,
                source_text=PAGE[start:end],
                target_text=target,
                unreliable=unreliable,
                flags=["repetition"] if unreliable else [],
            )
            for (start, end), target in zip(bounds, targets, strict=False)
        ],
    )


FULL = _translation(
    "The Meshchansky District Court of Moscow summons Vera Anatolyevna Osipova to a court hearing.",
    "Zmitser Lukashevich and Pavel Kovalev arrived in Vitebsk yesterday.",
)


def test_names_only_the_translation_reveals_are_tied_to_their_source_sentence() -> None:
    rules = extract_entities(PAGE, "ru")
    found = translation_entities([FULL], {1: PAGE}, rules)
    people = {e.text: e for e in found if e.type == "PERSON"}
    assert set(people) == {"Zmitser Lukashevich", "Pavel Kovalev"}
    for entity in people.values():
        assert (entity.page, entity.start, entity.end) == (1, SECOND, len(PAGE))
        assert entity.origin == "statistical"
        assert entity.attributes["found_in"] == "translation"
        sentence = FULL.sentences[1].target_text
        start, end = int(entity.attributes["translation_start"]), int(entity.attributes["translation_end"])
        assert sentence[start:end] == entity.text


def test_what_the_rules_already_found_is_not_reported_twice() -> None:
    rules = extract_entities(PAGE, "ru")
    assert {e.type for e in rules} >= {"AUTHORITY", "PERSON", "LOCATION"}
    found = translation_entities([FULL], {1: PAGE}, rules)
    assert not [e for e in found if e.start == 0]  # court, Osipova and the court's city: all known
    assert "Vitebsk" not in {e.text for e in found}  # the gazetteer found Витебск


def test_without_rules_the_court_becomes_an_authority_and_its_city_stays_in_it() -> None:
    found = translation_entities([FULL], {1: PAGE}, [])
    first = {(e.type, e.text) for e in found if e.start == 0}
    assert ("AUTHORITY", "Meshchansky District Court") in first
    assert not any(kind == "LOCATION" for kind, _ in first)  # "... Court of Moscow": part of its name
    assert not any("Osipova" in text and kind == "AUTHORITY" for kind, text in first)  # an ORG but no court


def test_unreliable_sentences_give_weaker_flagged_entities() -> None:
    shaky = _translation("", "Zmitser Lukashevich and Pavel Kovalev arrived in Vitebsk yesterday.", unreliable=True)
    found = translation_entities([shaky], {1: PAGE}, [])
    assert found and all(e.attributes.get("translation_unreliable") == "true" for e in found)
    assert all(e.confidence < 0.6 for e in found)


def test_only_english_targets_and_alignments_that_fit_the_page_are_used() -> None:
    german = _translation("", "Zmitser Lukashevich kam gestern nach Vitebsk.", target_language="de")
    assert translation_entities([german], {1: PAGE}, []) == []
    assert translation_entities([FULL], {1: PAGE[:20]}, []) == []  # spans beyond the page text


def test_french_source_text_gets_its_own_model() -> None:
    text = "Le Tribunal de Tizi Ouzou a entendu Monsieur Karim Benali, puis Massinissa Ait Ahmed, demeurant à Béjaïa."
    rules = extract_entities(text, "fr", page=3)
    extra = source_entities(text, "fr", 3, rules)
    assert ("PERSON", "Massinissa Ait Ahmed") in {(e.type, e.text) for e in extra}
    for e in extra:
        assert text[e.start : e.end] == e.text and e.page == 3
        assert not any(r.start < e.end and e.start < r.end for r in rules)


@pytest.mark.parametrize(
    "payload",
    [
        lambda t: [t],
        lambda t: {"translations": [t]},
    ],
)
def test_translation_artefact_is_read_in_either_shape(payload) -> None:
    data = json.dumps(payload(json.loads(FULL.model_dump_json()))).encode()
    assert parse_translations(data) == [FULL]


def test_an_unreadable_translation_artefact_is_ignored() -> None:
    assert parse_translations(b"{not json") == []
    assert parse_translations(b'{"translations": [{"engine": 1}]}') == []
    assert parse_translations(None) == []


def test_key_facts_prefer_the_rule_entity_in_its_original_script() -> None:
    from evidence.extractors.legal import key_facts

    rules = extract_entities(PAGE, "ru")
    found = translation_entities([FULL], {1: PAGE}, rules)
    facts = key_facts([*found, *rules])
    assert facts["targeted_person"]["text"] == "Осипову Веру Анатольевну"
    assert facts["targeted_person"]["translit"] == "Osipovu Veru Anatolevnu"
