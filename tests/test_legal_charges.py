"""Statute references in every supported language normalise to knowledge-base ids with flags."""

from __future__ import annotations

import pytest
from evidence.extractors.legal import extract_entities

CASES = [
    ("Обвиняется по ст. 280 УК РФ.", "ru", "RU-CC-280"),
    ("по признакам преступления, предусмотренного ч. 2 ст. 280 УК РФ", "ru", "RU-CC-280"),
    ("в соответствии со статьи 342 Уголовного кодекса Республики Беларусь", "ru", "BY-CC-342"),
    ("па ч. 1 арт. 342 Крымінальнага кодэкса Рэспублікі Беларусь", "be", "BY-CC-342"),
    ("передбаченого ч. 1 ст. 111-1 КК України", "uk", "UA-CC-111-1"),
    ("Şüpheli hakkında TCK 314 uyarınca işlem yapılmıştır.", "tr", "TR-TCK-314"),
    ("TCK'nın 314/2. maddesi uyarınca", "tr", "TR-TCK-314"),
    ("TMK 7/2 kapsamında propaganda", "tr", "TR-TMK-7/2"),
    ("اتهام تبلیغ (موضوع ماده ۵۰۰ قانون مجازات اسلامی)", "fa", "IR-IPC-500"),
    ("依照《中华人民共和国刑法》第一百零五条之规定", "zh", "CN-CL-105"),
    ("en concordancia con la Ley 1055 de Nicaragua", "es", "NI-L1055"),
    ("República Bolivariana de Venezuela: previsto en el artículo 128 del Código Penal", "es", "VE-CP-128"),
    ("Tribunal de Moscou, Fédération de Russie : art. 318 du Code pénal", "fr", "RU-CC-318"),
    ("بتهمة الانضمام (المادة 86 مكرر من قانون العقوبات) - القاهرة", "ar", "EG-PC-86bis"),
    ("under Article 280 of the Criminal Code of the Russian Federation", "en", "RU-CC-280"),
]


def _charges(text: str, language: str) -> list:
    return [e for e in extract_entities(text, language) if e.type == "CHARGE"]


@pytest.mark.parametrize(("text", "language", "expected"), CASES)
def test_statute_reference_normalises_to_kb_id(text: str, language: str, expected: str) -> None:
    ids = [e.normalized for e in _charges(text, language)]
    assert expected in ids


def test_charge_carries_offence_flag_and_sources() -> None:
    (charge,) = _charges("предусмотренного ч. 2 ст. 280 УК РФ", "ru")
    assert charge.attributes["part"] == "2"
    assert charge.attributes["used_against_dissent"] == "true"
    assert "Memorial" in charge.attributes["sources"] or "OVD-Info" in charge.attributes["sources"]
    assert charge.attributes["offence_en"].startswith("Public calls")
    assert charge.text == "ч. 2 ст. 280 УК РФ"


def test_procedure_code_and_general_part_are_not_charges() -> None:
    assert _charges("в порядке ст. 113 УПК РФ", "ru") == []
    assert [e.normalized for e in _charges("SEVK MADDELERİ : TCK 299/1, 43", "tr")] == ["TR-TCK-299"]


def test_same_law_anaphora_resolves_to_previous_code() -> None:
    text = "ماده ۶۱۰ قانون مجازات اسلامی و اخلال در نظم (ماده ۶۱۸ همان قانون)"
    assert {e.normalized for e in _charges(text, "fa")} == {"IR-IPC-610", "IR-IPC-618"}


def test_offence_name_alone_identifies_chinese_article() -> None:
    assert "CN-CL-105" in [e.normalized for e in _charges("涉嫌煽动颠覆国家政权罪的李文杰", "zh")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("ونشر أخبار كاذبة (المادة ٨٠ د من قانون العقوبات) - القاهرة", "ar", "EG-PC-80d"),
        ("charges under Article 80(d) of the Penal Code, Cairo, Egypt", "en", "EG-PC-80d"),
        ("سوريا: وفق المادة ٤ من القانون رقم ١٩ لعام ٢٠١٢", "ar", "SY-CTL-4"),
        ("Holguín, Tribunal Provincial Popular: artículo 142, apartado 1, del Código Penal", "es", "CU-CP-142"),
        ("Managua: tipificado en el artículo 410 del Código Penal", "es", "NI-CP-410"),
        ("tipificado en el artículo 30 de la Ley N.° 1042, Ley Especial de Ciberdelitos", "es", "NI-L1042-30"),
        ("RÉPUBLIQUE TUNISIENNE : complot (article 72 du code pénal)", "fr", "TN-CP-72"),
        ('"Halkı yanıltıcı bilgiyi alenen yayma" (TCK 217/A) suçundan', "tr", "TR-TCK-217/A"),
    ],
)
def test_lettered_articles_paragraph_qualifiers_and_further_codes(text: str, language: str, expected: str) -> None:
    assert [c.normalized for c in _charges(text, language)] == [expected]


def test_a_bare_arabic_conjunction_is_not_an_article_letter() -> None:
    text = "المادة ١٢ و المادة ١٣ من قانون مكافحة الإرهاب رقم 94 لسنة 2015"
    assert {c.normalized for c in _charges(text, "ar")} == {"EG-ATL-12", "EG-ATL-13"}
