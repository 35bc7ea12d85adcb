"""Dates: native formats to ISO 8601, day-first without swapping, Solar Hijri and Hijri conversion."""

from __future__ import annotations

import datetime as dt

import pytest
from evidence.extractors.legal import extract_entities, key_facts
from evidence.extractors.legal.calendars import hijri_to_gregorian, jalali_to_gregorian


def _dates(text: str, language: str) -> list[str | None]:
    return [e.normalized for e in extract_entities(text, language) if e.type == "DATE"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("явиться «15» марта 2024 г. к 10 час.", "ru", "2024-03-15"),
        ("з'явитися 18 жовтня 2023 року о 10:00", "uk", "2023-10-18"),
        ("з'явіцца 12 сакавіка 2024 г.", "be", "2024-03-12"),
        ("12 Mart 2024 tarihinde", "tr", "2024-03-12"),
        ("Caracas, 3 de abril de 2024", "es", "2024-04-03"),
        ("Alger, le 5 juin 2023", "fr", "2023-06-05"),
        ("Dated this 14th day of July 2023.", "en", "2023-07-14"),
        ("صدر في: 10 سبتمبر 2023", "ar", "2023-09-10"),
        ("于2024年3月15日到派出所", "zh", "2024-03-15"),
        ("二〇二四年六月二十日", "zh", "2024-06-20"),
        ("تاریخ صدور: ۱۴۰۲/۰۷/۱۵", "fa", "2023-10-07"),
        ("در تاریخ ۲۰ اردیبهشت ۱۴۰۳ حاضر شوید", "fa", "2024-05-09"),
        ("تاریخ: ۱۴۴۵/۰۳/۰۵ هـ ق", "fa", "2023-09-20"),
        ("دمشق في ٢/٣/٢٠١٤", "ar", "2014-03-02"),
        ("a los doce días del mes de octubre de dos mil veintitrés", "es", "2023-10-12"),
    ],
)
def test_native_date_normalises(text: str, language: str, expected: str) -> None:
    assert expected in _dates(text, language)


def test_numeric_dates_are_day_first_and_never_swapped() -> None:
    assert _dates("Дата выдачи: 12.03.2024", "ru") == ["2024-03-12"]
    assert _dates("issued 04.05.1994", "en") == ["1994-05-04"]
    assert _dates("Tarih: 03.09.1995", "tr") == ["1995-09-03"]
    # an impossible month is dropped, not read as month-first
    assert _dates("Date: 15.13.2024", "en") == []
    assert _dates("Date: 31/02/2024", "fr") == []


def test_role_is_read_from_the_wording() -> None:
    entities = extract_entities("Вам надлежит явиться «04» апреля 2024 г. к 09 час.\nДата выдачи: 28.03.2024", "ru")
    roles = {e.normalized: e.attributes.get("role") for e in entities if e.type == "DATE"}
    assert roles == {"2024-04-04": "appear_on", "2024-03-28": "issued"}
    (birth,) = [e for e in extract_entities("Тихонову П. А., 14.07.1991 г.р.", "ru") if e.type == "DATE"]
    assert birth.attributes["role"] == "birth"


def test_original_text_and_calendar_are_kept() -> None:
    (date,) = [e for e in extract_entities("تاریخ: ۱۴۰۱/۰۸/۰۲", "fa") if e.type == "DATE"]
    assert date.text == "۱۴۰۱/۰۸/۰۲"
    assert date.attributes["calendar"] == "solar_hijri"
    assert date.normalized == "2022-10-24"


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1402, 7, 15), dt.date(2023, 10, 7)),
        ((1403, 1, 1), dt.date(2024, 3, 20)),  # Nowruz after a Gregorian leap day
        ((1399, 12, 30), dt.date(2021, 3, 20)),  # Esfand 30 of a leap year
        ((1403, 12, 30), dt.date(2025, 3, 20)),
        ((1372, 4, 10), dt.date(1993, 7, 1)),
        ((1357, 11, 22), dt.date(1979, 2, 11)),
    ],
)
def test_solar_hijri_conversion(jalali: tuple[int, int, int], gregorian: dt.date) -> None:
    assert jalali_to_gregorian(*jalali) == gregorian


def test_solar_hijri_rejects_impossible_dates() -> None:
    with pytest.raises(ValueError):
        jalali_to_gregorian(1402, 12, 30)  # 1402 is a common year
    with pytest.raises(ValueError):
        jalali_to_gregorian(1402, 8, 31)


def test_hijri_conversion_uses_umm_al_qura() -> None:
    assert hijri_to_gregorian(1445, 9, 1) == (dt.date(2024, 3, 11), "umm_al_qura")
    assert hijri_to_gregorian(1444, 1, 1) == (dt.date(2022, 7, 30), "umm_al_qura")


def test_ocr_misread_solar_hijri_year_is_kept_but_suspect_and_not_a_key_fact() -> None:
    """Tesseract read ۱۴۰۲ as ۱۳۰۲ and ۰۷ as ۰2 on a scanned Iranian summons: the conversion is
    right (1302/02/15 is 1923-05-06) but no summons of 1923 is in an asylum file."""
    ocr_text = "به شما ابلاغ می‌شود که در تاریخ ۱۳۰۲/۰۸/۰۱ حاضر شوید.\nتاریخ صدور: ۱۳۰۲/۰2/۱۵\nتاریخ صدور: ۱۴۰۲/۰۷/۱۵"
    entities = extract_entities(ocr_text, "fa")
    dates = {e.text: e for e in entities if e.type == "DATE"}
    assert dates["۱۳۰۲/۰۸/۰۱"].normalized == "1923-10-24"
    assert dates["۱۳۰۲/۰۸/۰۱"].attributes["suspect"] == "year_too_early"
    assert dates["۱۳۰۲/۰2/۱۵"].attributes["suspect"] == "mixed_digit_scripts"
    assert dates["۱۳۰۲/۰2/۱۵"].confidence <= 0.3
    assert "suspect" not in dates["۱۴۰۲/۰۷/۱۵"].attributes
    assert [d["date"] for d in key_facts(entities)["dates"]] == ["2023-10-07"]


def test_an_old_birth_date_is_not_suspect() -> None:
    (date,) = [e for e in extract_entities("آقای علی رضایی متولد ۱۳۲۵/۰۵/۱۰", "fa") if e.type == "DATE"]
    assert date.normalized == "1946-08-01" and "suspect" not in date.attributes


def _dates_and_roles(text: str, language: str) -> list[tuple[str | None, str | None]]:
    return [(e.normalized, e.attributes.get("role")) for e in extract_entities(text, language) if e.type == "DATE"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Dated: 14-09-2024", "en", [("2024-09-14", "issued")]),
        ("Withdraw your wakalatnama by Friday 20th September or face the consequences.", "en", [("--09-20", None)]),
        ("Desde el 28 de julio andas de guarimbera", "es", [("--07-28", None)]),
        ("SECTOR 5 DE JULIO", "es", []),  # a barrio, not a date
        ("Managua, nueve de febrero del año dos mil veinticuatro.", "es", [("2024-02-09", "issued")]),
        ("بناءً على تعميم البنك المركزي السعودي المؤرخ في ٣ رمضان ١٤٤٥هـ، المبني", "ar", [("2024-03-13", None)]),
        ("امك واخواتك بالبيت وحدهم.\n\n١٤ / ١٠\n", "ar", [("--10-14", "issued")]),
        ("限你在3月15日前删除推特上的所有帖子", "zh", [("--03-15", None)]),
    ],
)
def test_more_date_forms(text: str, language: str, expected: list[tuple[str, str | None]]) -> None:
    assert _dates_and_roles(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        ("Date of birth:         02/09/1994", "en", "birth"),
        ("Гр. Мельничуку Тарасу Богдановичу, 17.04.1990 р.н.,", "uk", "birth"),
        ("محل وتاريخ الولادة: حماة ٢٥/٣/١٩٩٠", "ar", "birth"),
        ("Doğum Yeri/Tarihi   : Bismil / 12.05.1993", "tr", "birth"),
        ("aprehendido el 8 de agosto de 2024 por funcionarios", "es", "detained_on"),
        ("Arrêtée le 11 mai 2024 à son domicile", "fr", "detained_on"),
        ("se le cita para que comparezca el día 23 de agosto de 2021, a las 9:00 a.m.", "es", "appear_on"),
        # summoned to appear at a hearing: the day to appear, across the line break
        (
            "à comparaître en personne devant le Tribunal, à l'audience\npublique du dimanche 21 avril 2024 à 9 heures",
            "fr",
            "appear_on",
        ),
        ("The case is adjourned to 10 April 2024 for mitigation and sentence.", "en", "hearing"),
        ("جلسه رسیدگی در\nتاریخ ۱۴۰۲/۱۰/۲۴ با حضور متهم", "fa", "hearing"),
        ("Date of Reasons:     27 March 2024", "en", "issued"),
        ("KARAR TARİHİ    : 16/02/2024", "tr", "issued"),
        ("05.03.2024 tarihinde oybirliğiyle karar verildi.", "tr", "issued"),
        ("вих. № 2.7/14503/24 від 09.08.2024", "uk", "issued"),
        ("Par notre correspondante à Tunis — publié le 18 octobre 2024 à 17h42", "fr", "issued"),
        ("التاريخ: ١٤٤٥/٠٩/١٥هـ", "ar", "issued"),
        # held-out set 7
        ("Гаврилюку Івану Степановичу, 11 березня 1990 року народження, уродженцю м. Мукачево", "uk", "birth"),
        ("Кулеш Алеся Віктараўна, нар. 05.02.1996, з 2021 г.", "be", "birth"),
        ("які нарадзіўся 8 кастрычніка 1984 г. у г. Ліда", "be", "birth"),
        ("6 чэрвеня 2024 г. супрацоўнікі ГУБАЗіК МУС затрымалі яе па месцы жыхарства", "be", "detained_on"),
        ("з 3 кастрычніка 2021 г. утрымлівалася пад вартай", "be", "detained_on"),
        ("Вых. № 214/24 ад 12.11.2024", "be", "issued"),
        ("№ 066/2207-И-41852                                                  от 19.08.2024", "ru", "issued"),
        ("Sayı   : E-52331109-1250(118274)-2024                                   16.10.2024", "tr", "issued"),
        ("Повестку выдал: ст. следователь Тихомиров Д. А.                 «07» ноября 2024 г.", "ru", "issued"),
    ],
)
def test_date_roles_from_held_out_sets(text: str, language: str, role: str) -> None:
    assert _dates_and_roles(text, language)[0][1] == role
