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


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Turkish forms print the surname in capitals
        ("ŞÜPHELİ         : Onur ÇELİKBAŞ, Ahmet ve Nuran oğlu", "tr", {"Onur ÇELİKBAŞ"}),
        ("MÜDAFİİ         : Av. Zeynep AKSOY", "tr", {"Zeynep AKSOY"}),
        ("Adı Soyadı          : Berivan KAYA", "tr", {"Berivan KAYA"}),
        ("Cumhuriyet Savcısı\nOrhan BALCI 143672", "tr", {"Orhan BALCI"}),
        # Arabic: a dialect "traitor", an honorific, a form's name field, a signature under the office
        ("الى الخاين حيدر عباس الموسوي\n\nاسمع زين", "ar", {"حيدر عباس الموسوي"}),
        ("المكرمة/ لمى عبدالله الشهري                                    المحترمة", "ar", {"لمى عبدالله الشهري"}),
        ("الاسم: عمر خالد الحموي\nاسم الأم: سعاد", "ar", {"عمر خالد الحموي"}),
        ("مدير وحدة الحجز والتنفيذ\nفيصل ناصر القحطاني\n", "ar", {"فيصل ناصر القحطاني"}),
        # Spanish: "Ciudadano(a):", a police rank, "la abogada"
        ("Ciudadano(a): Yaniel Rodríguez Cardoso\nCarné", "es", {"Yaniel Rodríguez Cardoso"}),
        ("ante el Instructor Penal Primer Teniente Osvaldo Ferrer Díaz, en la Unidad", "es", {"Osvaldo Ferrer Díaz"}),
        ("representada por la abogada Yurimar Castellanos, solicitó", "es", {"Yurimar Castellanos"}),
        # French: a lawyer with the title; a surname in capitals under the signer's office
        ("Me Ben Ammar avait été placée sous mandat de dépôt", "fr", {"Me Ben Ammar"}),
        ("Le Procureur de la République adjoint\nNabil MEKKI\n", "fr", {"Nabil MEKKI"}),
        # English: filiation; a judge's name does not run onto the next line
        ("Mr. Adeel Ahmad Warraich s/o Bashir Ahmad\nAdvocate", "en", {"Bashir Ahmad"}),
        # Chinese: defence counsel, a letter-spaced signature, a list of officers, a form field
        ("辩护人吴晓岚，广东某律师事务所律师。", "zh", {"吴晓岚"}),
        ("审　判　长　　陈国平\n审　判　员　　林淑仪", "zh", {"陈国平", "林淑仪"}),
        ("办案民警：刘振、王思远\n", "zh", {"刘振", "王思远"}),
        ("姓名：何卓賢（英文姓名：HO Cheuk-yin）", "zh", {"何卓賢", "HO Cheuk-yin"}),
    ],
)
def test_names_from_held_out_set_six(text: str, language: str, expected: set[str]) -> None:
    assert expected <= _persons(text, language)


def test_a_judges_name_ends_at_the_line_and_roles_are_not_names() -> None:
    assert _persons("Before:  His Honour Judge Fung Tak-ming\nDate of Hearing:  4 March 2024", "en") == {
        "Fung Tak-ming"
    }
    assert _persons("辩护人的意见，认为本案事实清楚", "zh") == set()
    assert _persons("Следователь И.С. Гончаренко", "ru") == {"И.С. Гончаренко"}
    assert _persons("уроженца г.\nНижний Тагил, зарегистрированного", "ru") == set()
