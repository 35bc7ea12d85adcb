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
        # held-out set 7: the label after the number, a register number a date away from its label,
        # Arabic labels without "رقم ... لسنة", a service's letters inside a French number, Uganda
        ("Cumhuriyet Başsavcılığının 2024/176543 soruşturma numaralı talimatı", "tr", "2024/176543"),
        ("Hakimliğinin 2024/9127 D.İş sayılı kararı ile", "tr", "2024/9127"),
        ("до Єдиного реєстру досудових розслідувань 02.07.2024 за № 12024071100000892,", "uk", "12024071100000892"),
        ("قرار: ٣٠٩ لعام ٢٠٢٣", "ar", "309/2023"),
        ("أحيل المتهم بقرار الاتهام رقم ١١٢٨ تاريخ ٢٦/١/٢٠٢٣", "ar", "1128"),
        ("والمقيد لدى الدائرة برقم القضية ٤٦٠١٢٣٩٨٥، فإنه يلزم", "ar", "460123985"),
        ("(dossier n° 0347/RP/2024) pour hostilité", "fr", "0347/RP/2024"),
        ("(Arising from CRB 1182/2022, Kampala Central Police Station)", "en", "CRB1182/2022"),
    ],
)
def test_case_number_patterns(text: str, language: str, expected: str) -> None:
    assert expected in _by_type(text, language).get("CASE_NUMBER", [])


def test_a_bare_seventeen_digit_number_is_a_register_number_only_in_a_ukrainian_or_russian_paper() -> None:
    assert "12024071100000892" not in _by_type("Account 12024071100000892 was frozen.", "en").get("CASE_NUMBER", [])


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


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Hong Kong file numbers and neutral citations, wherever they stand
        ("DCCC 512/2023\n[2024] HKDC 1187\nIN THE DISTRICT COURT", "en", ["DCCC512/2023", "[2024]HKDC1187"]),
        ("發出拘捕令（案件編號：WKCC 3021/2024）。", "zh", ["WKCC3021/2024"]),
        # Pakistan: the First Information Report
        ("You are also appearing in FIR No. 212/2023 of P.S. Saddar.", "en", ["212/2023"]),
        # Russian УИД
        ("Дело № 5-412/2024\nУИД 66RS0005-01-2024-001873-40", "ru", ["5-412/2024", "66RS0005-01-2024-001873-40"]),
        # Iranian judiciary numbers named after the paper, or standing alone
        ("به موجب کیفرخواست شماره ۱۴۰۲۱۰۱۰۰۰۳۳۲۱۴۵۷۰ مورخ", "fa", ["140210100033214570"]),
        ("شماره‌اش را هم داریم: ۱۴۰۳۶۸۲۱۱۵۰۰۰۲۹۴.", "fa", ["1403682115000294"]),
        # Arabic: a felony case, an Iraqi court letter, a decision number without a year
        ("في الجناية رقم ١٢٧٣ لسنة ٢٠٢٤ جنايات أمن الدولة العليا", "ar", ["1273/2024"]),
        ("الدعوى رقم ١١٢٨/ج/٢٠٢٤ مالتك", "ar", ["1128/ج/2024"]),
        ("رقم الأساس: ١٨٤٢ لعام ٢٠٢٢\nرقم القرار: ٩٧٥", "ar", ["1842/2022", "975"]),
        # Spanish: the file type's initials, the prosecutor's number
        ("Expediente de Fase Preparatoria (EFP) No. 1487/2021, que se instruye", "es", ["1487/2021"]),
        ("NOMENCLATURA FISCAL: MP-118452-2024", "es", ["MP-118452-2024"]),
        # French: the roll number and "registered under no."
        ("N° de rôle : 24/01988", "fr", ["24/01988"]),
        ("L'affaire, enregistrée au 9e bureau d'instruction sous le n° 31457/9, avait", "fr", ["31457/9"]),
        # Turkish: the prosecutor's file number
        ("C.SAVCILIĞI NO   : 2022/12074 Soruşturma", "tr", ["2022/12074"]),
        # Chinese: the year's brackets have one form, however printed or read
        ("京公朝（国）取保字[2024]10312号", "zh", ["京公朝(国)取保字〔2024〕10312号"]),
        ("京公朝（刑）传字【2024]】1187号", "zh", ["京公朝(刑)传字〔2024〕1187号"]),
        # as Tesseract spaces them on a scan: a gap where no Chinese character touches it stays
        ("京 公 朝 ( 刑 ) 传 字 【2024] 1187 号", "zh", ["京公朝(刑)传字〔2024〕1187号"]),
        ("穗 公 (天 ) 拘 通 字 (2023] 00562 号", "zh", ["穗公(天)拘通字〔2023〕00562号"]),
    ],
)
def test_case_numbers_from_held_out_set_six(text: str, language: str, expected: list[str]) -> None:
    assert _by_type(text, language).get("CASE_NUMBER", []) == expected


def test_a_bank_card_or_national_id_is_not_an_iranian_case_number() -> None:
    assert "CASE_NUMBER" not in _by_type("کارت ۶۰۳۷۹۹۷۵۵۵۱۲۳۴۵۶ و کد ملی ۰۰۱۲۳۴۵۶۷۸", "fa")
