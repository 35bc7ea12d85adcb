"""People named the way Arabic, Spanish and French court papers introduce them."""

from __future__ import annotations

import pytest
from evidence.extractors.legal import extract_entities


def _persons(text: str, language: str) -> set[str]:
    return {e.text for e in extract_entities(text, language) if e.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("نحن محمد عبد الرحمن سالم، رئيس النيابة بنيابة أمن الدولة العليا،", "ar", {"محمد عبد الرحمن سالم"}),
        (
            "برئاسة السيد المستشار/ حسن فريد محمود رئيس المحكمة\nضد: ١- محمود عادل فؤاد     ٢- سارة إبراهيم منصور\n",
            "ar",
            {"حسن فريد محمود", "محمود عادل فؤاد", "سارة إبراهيم منصور"},
        ),
        ("في أوراق الدعوى بحق المدعى عليه ياسر محمود العلي، والدته آمنة", "ar", {"ياسر محمود العلي"}),
        ("قراراً صدر بتاريخ ٢٠٢٣/٠٣/٢٠\nقاضي الإحالة\nرامي حسن الخطيب\n", "ar", {"رامي حسن الخطيب"}),
        (
            "contra los acusados YOANDRY PUPO ÁVILA y MAIKEL\nRICARDO LEYVA, ambos vecinos",
            "es",
            {"YOANDRY PUPO ÁVILA", "MAIKEL\nRICARDO LEYVA"},
        ),
        ("Yo, Karla Vanessa Ortega Medina, Fiscal Auxiliar, comparezco", "es", {"Karla Vanessa Ortega Medina"}),
        (
            "ACUSACIÓN en contra de FÉLIX ANTONIO HERNÁNDEZ SOLÍS, mayor de edad",
            "es",
            {"FÉLIX ANTONIO HERNÁNDEZ SOLÍS"},
        ),
        ("LA JUEZA\nABG. CARMEN TERESA VILLEGAS", "es", {"CARMEN TERESA VILLEGAS"}),
        ("de rechercher et d'arrêter le nommé :\nMourad Ait Ouali, fils de Saïd", "fr", {"Mourad Ait Ouali"}),
    ],
)
def test_names_after_their_introducing_words(text: str, language: str, expected: set[str]) -> None:
    assert expected <= _persons(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("محكمة قضايا الإرهاب\nقاضي الإحالة\n\nقرار اتهام\n", "ar"),
        ("تبين أن المدعى عليه تواصل مع جهات خارجية", "ar"),
        ("nous, quant à nous, qui contre la sociedad", "es"),
    ],
)
def test_offices_titles_and_verbs_are_not_people(text: str, language: str) -> None:
    assert _persons(text, language) == set()
