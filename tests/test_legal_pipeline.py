"""spaCy pipelines build offline for every supported language and carry the rule entities."""

from __future__ import annotations

import socket

import pytest
from evidence.extractors.legal import (
    SUPPORTED_LANGUAGES,
    build_pipeline,
    classify_document,
    extract_entities,
    key_facts,
)

SAMPLES = {
    "ru": "Гражданину Иванову Ивану Ивановичу явиться 15.03.2024 по делу № 12402450001000123 (ст. 280 УК РФ).",
    "uk": "Громадянину Ковальчуку Олегу Петровичу з'явитися 18 жовтня 2023 року.",
    "be": "Грамадзянцы Сямашка Алене Уладзіміраўне з'явіцца 12 сакавіка 2024 г.",
    "tr": "Sayın Ahmet Yılmaz, Esas No: 2023/145, TCK 314 uyarınca 12 Mart 2024 tarihinde.",
    "fa": "آقای علی رضایی، تاریخ ۱۴۰۲/۰۷/۱۵، ماده ۵۰۰ قانون مجازات اسلامی.",
    "ar": "المتهم/ كريم حسن عبد الرحيم، في القضية رقم 1927 لسنة 2023، بتاريخ 10 سبتمبر 2023.",
    "zh": "被告人张海燕，于2024年3月15日，《中华人民共和国刑法》第一百零五条。",
    "es": "el ciudadano JOSÉ PÉREZ SOTO, Causa N° 1C-28741-24, 3 de abril de 2024.",
    "fr": "Monsieur Yacine Belkacemi, Affaire n° 45219/12, le 5 juin 2023.",
    "en": (
        "Citizen Nikolai Vladimirovich Gusev was summoned by the Investigative Committee of the Russian "
        "Federation on 5 June 2023."
    ),
}


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_pipeline_builds_offline_and_tags(language: str) -> None:
    nlp = build_pipeline(language)
    assert "legal_rules" in nlp.pipe_names
    doc = nlp(SAMPLES[language])
    assert list(doc.sents)
    labels = {e.label_ for e in doc.ents}
    assert "DATE" in labels
    assert doc._.legal_entities
    assert doc._.document_type[0] in {
        "summons",
        "other",
        "arrest_warrant",
        "detention_order",
        "indictment",
        "court_decision",
        "threat_letter",
    }


def test_english_keeps_statistical_ner() -> None:
    nlp = build_pipeline("en")
    assert "ner" in nlp.pipe_names
    doc = nlp("Maria Petrova met officials of Gazprom in Berlin. Case No. 123/2024 was opened on 5 June 2023.")
    labels = {e.label_ for e in doc.ents}
    assert "CASE_NUMBER" in labels and "DATE" in labels
    assert labels & {"PERSON", "ORG", "GPE"}


def test_french_pipeline_uses_installed_model() -> None:
    nlp = build_pipeline("fr")
    assert "ner" in nlp.pipe_names


def test_entities_have_offsets_into_the_text_and_translit() -> None:
    text = SAMPLES["ru"]
    entities = extract_entities(text, "ru", page=2)
    for e in entities:
        assert text[e.start : e.end] == e.text
        assert e.page == 2 and e.origin == "rule"
    (person,) = [e for e in entities if e.type == "PERSON"]
    assert person.attributes["translit"] == "Ivanovu Ivanu Ivanovichu"
    assert person.attributes["role"] == "target"


def test_key_facts_summarise_the_document() -> None:
    text = (
        "СЛЕДСТВЕННЫЙ КОМИТЕТ РОССИЙСКОЙ ФЕДЕРАЦИИ\nПОВЕСТКА\nГражданину Иванову Ивану Ивановичу\n"
        "Вам надлежит явиться «15» марта 2024 г. по уголовному делу № 12402450001000123,\n"
        "возбуждённому по ч. 2 ст. 280 УК РФ.\nДата выдачи: 01.03.2024"
    )
    facts = key_facts(extract_entities(text, "ru"))
    assert facts["targeted_person"]["text"] == "Иванову Ивану Ивановичу"
    assert facts["issuing_authority"]["english"] == "Investigative Committee of the Russian Federation"
    assert facts["charges"][0]["id"] == "RU-CC-280" and facts["dissent_flagged"] is True
    assert {"date": "2024-03-15", "text": "«15» марта 2024 г.", "role": "appear_on"} in facts["dates"]
    assert facts["case_numbers"] == ["12402450001000123"]
    assert classify_document(text, "ru")[0] == "summons"


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError):
        build_pipeline("de")
