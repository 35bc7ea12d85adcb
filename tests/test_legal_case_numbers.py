"""Case numbers per country; a number glued to a date never becomes a date, and a date never a case number."""

from __future__ import annotations

import pytest
from evidence.extractors.legal import extract_entities


def _by_type(text: str, language: str) -> dict[str, list[str | None]]:
    out: dict[str, list[str | None]] = {}
    for e in extract_entities(text, language):
        out.setdefault(e.type, []).append(e.normalized)
    return out


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("по уголовному делу № 12102450001000123, возбуждённому", "ru", "12102450001000123"),
        ("Esas No: 2023/145", "tr", "2023/145"),
        ("Soruşturma No : 2024/45871", "tr", "2024/45871"),
        ("کلاسه پرونده: ۹۸۰۹۹۸۲۱۲۰۱۰۰۳۴۵", "fa", "9809982120100345"),
        ("刑事判决书（2024）京0105刑初123号", "zh", "(2024)京0105刑初123号"),
        ("en la causa N° 2C-12345-2024 seguida", "es", "2C-12345-2024"),
        ("في القضية رقم 1927 لسنة 2023 حصر أمن دولة عليا", "ar", "1927/2023"),
        ("Affaire n° 45219/12", "fr", "45219/12"),
        ("Case No. WKCC 2871/2023", "en", "WKCC2871/2023"),
    ],
)
def test_case_number_patterns(text: str, language: str, expected: str) -> None:
    assert expected in _by_type(text, language).get("CASE_NUMBER", [])


def test_case_number_glued_to_a_date_stays_a_case_number() -> None:
    found = _by_type("Дело № 12.03.2024-45 рассмотрено", "ru")
    assert found.get("CASE_NUMBER") == ["12.03.2024-45"]
    assert "DATE" not in found
    found = _by_type("شماره بایگانی: ۱۴۰۲/۰۷/۱۵۰۰۱", "fa")
    assert "DATE" not in found


def test_a_date_is_never_a_case_number() -> None:
    found = _by_type("Esas No: 2023/145  Tarih: 12.03.2024", "tr")
    assert found["CASE_NUMBER"] == ["2023/145"]
    assert found["DATE"] == ["2024-03-12"]


def test_identity_numbers_are_not_case_numbers() -> None:
    assert "CASE_NUMBER" not in _by_type("Sayın Deniz Aksoy (T.C. Kimlik No: 41257896322)", "tr")
    assert "CASE_NUMBER" not in _by_type("身份证号码：110105198307090031", "zh")
    assert "DATE" not in _by_type("身份证号码：110105198307090031", "zh")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("رقم الأساس: ٥١٢ لعام ٢٠٢٢\nرقم القرار: ٢٨٧ لعام ٢٠٢٣", "ar", "287/2023"),
        ("شماره بایگانی شعبه: ۰۲۱۸۷۶", "fa", "021876"),
        ("ASUNTO PRINCIPAL: 4C-T-1187-24", "es", "4C-T-1187-24"),
        ("N° d'instruction : 23/00219", "fr", "23/00219"),
        ("CONVOCATION\nRéf. : BNPJ/2024/1187", "fr", "BNPJ/2024/1187"),
    ],
)
def test_decision_archive_and_reference_numbers(text: str, language: str, expected: str) -> None:
    assert expected in _by_type(text, language).get("CASE_NUMBER", [])


def test_chinese_case_number_starts_at_the_issuer_not_the_words_before_it() -> None:
    text = "你局于2023年8月14日以成公（国）提捕字〔2023〕045号提请批准逮捕书提请批准逮捕"
    found = _by_type(text, "zh")
    assert found["CASE_NUMBER"] == ["成公(国)提捕字〔2023〕045号"]
    assert found["DATE"] == ["2023-08-14"]
