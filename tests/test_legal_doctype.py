"""Document type: the paper's own title decides, not the papers its body cites."""

from __future__ import annotations

import pytest
from evidence.extractors.legal import classify_document


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("ПОСТАНОВЛЕНИЕ\nо привлечении в качестве обвиняемого\n\nг. Краснодар", "ru", "indictment"),
        ("محكمة قضايا الإرهاب\nقاضي الإحالة\n\nقرار اتهام\nرقم الأساس: ٥١٢ لعام ٢٠٢٢", "ar", "indictment"),
        (
            "Tribunal de première instance de Tunis\nORDONNANCE DE PLACEMENT EN DÉTENTION PROVISOIRE",
            "fr",
            "detention_order",
        ),
        ("成都市人民检察院\n批准逮捕决定书\n成检刑批捕〔2023〕112号", "zh", "detention_order"),
        ("T.C.\nDİYARBAKIR 2. SULH CEZA HAKİMLİĞİ\n\nTUTUKLAMA MÜZEKKERESİ", "tr", "detention_order"),
        ("ANKARA CUMHURİYET BAŞSAVCILIĞI\nŞÜPHELİYE ÇAĞRI KÂĞIDI (CMK md. 145)", "tr", "summons"),
        ("陈先生：\n你母亲还住在福州，你应该多为她想想。\n不要以为在国外就没人管得了你。", "zh", "threat_letter"),
    ],
)
def test_title_wording_of_each_kind_is_recognised(text: str, language: str, expected: str) -> None:
    assert classify_document(text, language)[0] == expected


def test_a_verdict_that_cites_the_indictment_is_a_verdict() -> None:
    text = (
        "浙江省杭州市中级人民法院\n刑事判决书\n（2023）浙01刑初87号\n\n公诉机关浙江省杭州市人民检察院。\n"
        "被告人陈晓峰，男。\n杭州市人民检察院以杭检刑诉〔2023〕31号起诉书指控被告人犯煽动颠覆国家政权罪，"
        "于2023年4月10日向本院提起公诉。\n判决如下：判处有期徒刑四年。"
    )
    assert classify_document(text, "zh")[0] == "court_decision"


def test_incitement_is_not_a_summons() -> None:
    text = (
        "Tribunal Cuarto de Control\n\nEste Tribunal acordó librar ORDEN DE APREHENSIÓN por el delito de "
        "INCITACIÓN AL ODIO."
    )
    assert classify_document(text, "es")[0] == "arrest_warrant"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ФКУ СИЗО-1 УФСИН России по г. Москве\nМедицинская часть\n\nСПРАВКА\n"
            "Дана в том, что он содержится в учреждении; мера пресечения — заключение под стражу.",
            "ru",
        ),
        ("КВИТАНЦІЯ № 118\nпро оплату правової допомоги\nзахист у справі: тримання під вартою", "uk"),
    ],
)
def test_certificates_and_receipts_that_mention_detention_are_other(text: str, language: str) -> None:
    assert classify_document(text, language)[0] == "other"


def test_an_egyptian_judgment_header_survives_a_misread_operative_part() -> None:
    text = "باسم الشعب\nمحكمة جنايات القاهرة\n\nفى القضية رقم ١١٥٦ لسنة ٢٠٢٢\nالفحكمة حضورياً بمعاقبة المتهمين"
    assert classify_document(text, "ar")[0] == "court_decision"


def test_an_arabic_summons_read_with_a_hamza_is_still_a_summons() -> None:
    text = "قطاع الأمن الوطني - فرع الجيزة\n\nأستدعاء\n\nالسيد: مصطفى عادل النجار\nيرجى الحضور إلى مقر الفرع"
    assert classify_document(text, "ar")[0] == "summons"
