"""Places and name transliteration: what a lawyer matches against maps, passports and visas."""

from __future__ import annotations

import pytest
from evidence.extractors.legal import extract_entities
from evidence.extractors.legal.translit import transliterate


def _places(text: str, language: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.normalized) for e in extract_entities(text, language) if e.type == "LOCATION"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "проживающую в г. Краснодар, уроженку г. Новороссийск",
            "ru",
            [("г. Краснодар", "Krasnodar"), ("г. Новороссийск", "Novorossiysk")],
        ),
        ("мы знаем, где живёт твоя мать в Махачкале", "ru", [("Махачкале", "Makhachkala")]),
        ("твій брат досі живе в Мелітополі", "uk", [("Мелітополі", "Melitopol")]),
        (
            "المولود في حمص وسوقه إلى سجن عدرا، من منزلها بالإسكندرية",
            "ar",
            [("حمص", "Homs"), ("عدرا", "Adra"), ("الإسكندرية", "Alexandria")],
        ),
        ("ساکن کرج", "fa", [("کرج", "Karaj")]),
        ("Bağlar Mah. No: 9, Çankaya/ANKARA", "tr", [("Çankaya/ANKARA", "Çankaya")]),
        ("户籍地广东省汕头市，捕前住广州市天河区", "zh", [("广东省汕头市", None), ("广州市天河区", None)]),
    ],
)
def test_places_in_the_source_language(text: str, language: str, expected: list[tuple[str, str | None]]) -> None:
    assert _places(text, language) == expected


def test_a_place_inside_an_authority_or_a_facility_is_not_a_location() -> None:
    assert _places("Мещанский районный суд г. Москвы вызывает Вас", "ru") == []
    assert _places("现羁押在成都市看守所。", "zh") == []


@pytest.mark.parametrize(
    ("name", "language", "latin"),
    [
        ("Осиповой Вере Анатольевне", "ru", "Osipovoi Vere Anatolevne"),
        ("Гриценка Ігоря Васильовича", "uk", "Hrytsenka Ihoria Vasylovycha"),
        ("Сямашка Алене", "be", "Siamashka Alene"),
        ("سارا جعفری", "fa", "Sara J'fri"),
        ("林志明", "zh", "Lin Zhiming"),
        ("阿依古丽·买买提", "zh", "Ayiguli Maimaiti"),
    ],
)
def test_names_keep_their_script_and_get_a_latin_form(name: str, language: str, latin: str) -> None:
    assert transliterate(name, language) == latin


def test_person_entities_carry_both_forms() -> None:
    (person,) = [e for e in extract_entities("被告人林志明，男，1985年3月12日出生", "zh") if e.type == "PERSON"]
    assert person.text == "林志明" and person.attributes["translit"] == "Lin Zhiming"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # countries where the paper puts someone or something
        ("ухиляючись, знаходзіцца ў Літоўскай Рэспубліцы", "be", [("Літоўскай Рэспубліцы", "Lithuania")]),
        (
            "Ви перебуваєте за межами України, імовірно у Словацькій Республіці.",
            "uk",
            [("України", "Ukraine"), ("Словацькій Республіці", "Slovakia")],
        ),
        ("Almanya'ya gittiğinin değerlendirildiği", "tr", [("Almanya", "Germany")]),
        ("هیچ‌کس در ترکیه امنیت ندارد", "fa", [("ترکیه", "Turkey")]),
        (
            "调查显示，何卓賢於2020年離開香港，現身處英國，經常在倫敦及曼徹斯特參與集會",
            "zh",
            [("香港", "Hong Kong"), ("英國", "United Kingdom"), ("倫敦", "London"), ("曼徹斯特", "Manchester")],
        ),
        # not inside a state title, a law or an office's initials
        ("сославшись на ст. 29 Конституции Российской Федерации", "ru", []),
        ("ФКУ СИЗО-1 УФСИН России", "ru", []),
        ("بسمه تعالی\nجمهوری اسلامی ایران\nقوه قضاییه", "fa", []),
        # not a place that names a document or a bar
        ("in the terms of the Istanbul Protocol (2022 edition)", "en", []),
        ("Müdafi: Av. Serhat YILDIZ (Diyarbakır Barosu)", "tr", []),
        # a form's spaced "district / PROVINCE" is two places
        ("SUÇ YERİ      : Çankaya / ANKARA", "tr", [("Çankaya", "Çankaya"), ("ANKARA", "Ankara")]),
        # more towns of the asylum countries
        ("He was arrested on 31 May 2024 at his home in Mukono", "en", [("Mukono", "Mukono")]),
        ("te vayas de Petare o te calles", "es", [("Petare", "Petare")]),
        ("уроженцу м. Бахчисарай", "uk", [("м. Бахчисарай", "Bakhchysarai")]),
    ],
)
def test_places_from_held_out_set_six(text: str, language: str, expected: list[tuple[str, str | None]]) -> None:
    assert _places(text, language) == expected
