"""Issuing and acting bodies as asylum papers name them: by their initials, their chambers and branches,
across a line break, and in Hong Kong's traditional characters."""

from __future__ import annotations

import pytest
from evidence.extractors.legal import extract_entities


def _authorities(text: str, language: str) -> set[str]:
    return {e.text for e in extract_entities(text, language) if e.type == "AUTHORITY"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Russian offices by their initials
        (
            "составленным участковым уполномоченным ОП № 5 УМВД России по г. Екатеринбургу, рапортами",
            "ru",
            {"ОП № 5 УМВД России по г. Екатеринбургу"},
        ),
        (
            "вынесенного следователем\nСУ ФСБ России по Республике Дагестан, обвинение",
            "ru",
            {"СУ ФСБ России по Республике Дагестан"},
        ),
        ("Согласно сведениям, поступившим из ФСБ России, Белоусов А.В.", "ru", {"ФСБ России"}),
        # Ukraine: the enlistment office, the police directorate, the ombudsman certifying persecution
        (
            "до Ужгородського районного територіального центру комплектування та соціальної підтримки",
            "uk",
            {"Ужгородського районного територіального центру комплектування та соціальної підтримки"},
        ),
        (
            "до слідчого СВ Ужгородського РУП ГУНП в Закарпатській області капітана поліції",
            "uk",
            {"СВ Ужгородського РУП ГУНП в Закарпатській області"},
        ),
        (
            "УПОВНОВАЖЕНИЙ ВЕРХОВНОЇ РАДИ УКРАЇНИ З ПРАВ ЛЮДИНИ\n",
            "uk",
            {"УПОВНОВАЖЕНИЙ ВЕРХОВНОЇ РАДИ УКРАЇНИ З ПРАВ ЛЮДИНИ"},
        ),
        (
            "так званого «УФСБ Росії по Республіці Крим і м. Севастополю» провели",
            "uk",
            {"УФСБ Росії по Республіці Крим і м. Севастополю"},
        ),
        # a body in the genitive on the next line is part of the same name
        (
            "Вас викликають до слідчого відділу\nГоловного управління Національної поліції в Херсонській області",
            "uk",
            {"слідчого відділу\nГоловного управління Національної поліції в Херсонській області"},
        ),
        # Turkish: governorate named before it, the general directorate; not "any heavy penal court"
        ("Ankara Valiliğinin 06/03/2023 tarihli kararı ile", "tr", {"Ankara Valiliğinin"}),
        ("Emniyet Genel Müdürlüğü kayıtlarına göre", "tr", {"Emniyet Genel Müdürlüğü"}),
        ("en yakın Ağır Ceza Mahkemesine getirilmesine", "tr", set()),
        # Persian: the district and section of a prosecutor's office; a branch on its own line
        (
            "دادسرای عمومی و انقلاب تهران – ناحیه ۳۳ (امنیت)\nشعبه ۴ بازپرسی\n",
            "fa",
            {"دادسرای عمومی و انقلاب تهران – ناحیه ۳۳ (امنیت)", "شعبه ۴ بازپرسی"},
        ),
        ("برادرت را به اداره اطلاعات کرج بردیم", "fa", {"اداره اطلاعات کرج"}),
        # Arabic: Saudi, Syrian and Iraqi bodies
        ("وعلى قرار المحكمة الجزائية المتخصصة في القضية", "ar", {"المحكمة الجزائية المتخصصة"}),
        ("من قبل فرع الأمن السياسي في حلب بتاريخ", "ar", {"فرع الأمن السياسي في حلب"}),
        ("ليش رايح لمحكمة تحقيق الكرادة تشتكي علينا", "ar", {"محكمة تحقيق الكرادة"}),
        # Spanish: agencies by their initials, a unit, the prosecutor's office on its own
        ("Y no vayas a la Fiscalía ni a la Defensoría del Pueblo", "es", {"Fiscalía", "Defensoría del Pueblo"}),
        (
            "Fiscalía General de la República de Nicaragua\nUnidad de Asuntos Especiales\n",
            "es",
            {"Fiscalía General de la República de Nicaragua", "Unidad de Asuntos Especiales"},
        ),
        ("Deberá presentarse en la Unidad de Villa Marista el día 3", "es", set()),
        # French: the chamber before its court, the prosecutor of a court
        (
            "devant la section correctionnelle du Tribunal de Sidi M'hamed, à l'audience",
            "fr",
            {"section correctionnelle du Tribunal de Sidi M'hamed"},
        ),
        (
            "Le Procureur de la République près le Tribunal de Sidi M'hamed,",
            "fr",
            {"Procureur de la République près le Tribunal de Sidi M'hamed"},
        ),
        # English: a department of the police is one body; a police station by its place; not "District Courts"
        (
            "officers of the National Security Department of the Hong Kong Police Force.",
            "en",
            {"National Security Department of the Hong Kong Police Force"},
        ),
        (
            "with the SHO of Police Station Saddar. The FIA Cyber Crime Wing",
            "en",
            {"Police Station Saddar", "FIA Cyber Crime Wing"},
        ),
        ("Mr. Adeel Ahmad Warraich\nAdvocate, District Courts", "en", set()),
        # Hong Kong in traditional characters; a detention centre is not an authority
        ("香港警務處國家安全處現正通緝下列人士。西九龍裁判法院已於", "zh", {"香港警務處國家安全處", "西九龍裁判法院"}),
        ("现羁押于广州市第一看守所。", "zh", set()),
    ],
)
def test_authorities_from_held_out_set_six(text: str, language: str, expected: set[str]) -> None:
    assert _authorities(text, language) == expected
