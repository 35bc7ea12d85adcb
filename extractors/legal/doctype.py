"""Document type from keyword evidence: a title word counts more than the same word in the body."""

from __future__ import annotations

import re

from evidence.extractors.legal.spans import compact_han

DOC_TYPES = ("summons", "arrest_warrant", "detention_order", "indictment", "court_decision", "threat_letter", "other")

_KEYWORDS: dict[str, list[str]] = {
    "summons": [
        r"повестк",
        r"\bпозва\b",
        r"повістк",
        r"о\s+вызове",
        r"про\s+виклик",
        r"вызываетесь",
        r"надлежит\s+явиться",
        r"необхідно\s+з.явитися",
        r"неабходна\s+з.явіцца",
        r"çağrı\s+kağıdı",
        r"çağrı\s+k[âa]ğıd",
        r"ifadeye\s+çağr",
        r"davetiye",
        r"ifadenizin\s+alınması",
        r"احضاریه",
        r"مذكرة\s+دعوة",
        r"[اأإ]ستدعاء",  # OCR often reads the plain alef with a hamza
        r"يرجى\s+الحضور",
        r"عليك\s+الحضور",
        r"传唤证",
        r"兹传唤",
        r"传唤通知书",
        r"boleta\s+de\s+citaci[óo]n",
        r"\bcitaci[óo]n",  # not inside "incitación"
        r"se\s+le\s+cita",
        r"convocation",
        r"invité\s+à\s+se\s+présenter",
        r"\bsummons\b",
        r"summoned\s+to\s+appear",
        r"required\s+to\s+appear",
    ],
    "arrest_warrant": [
        r"о\s+задержании",
        r"задержать",
        r"вышук",
        r"розыск",
        r"аб\s+затрыманні",
        r"затрымаць",
        r"yakalama\s+kararı",
        r"yakalanmasına",
        r"yakalama\s+emri",
        r"yakalama\s+müzekkere",
        r"حکم\s+جلب",
        r"دستور\s+جلب",
        r"جلب\s+به\s+دادرسی",
        r"أمر\s+ضبط\s+وإحضار",
        r"أمر\s+(?:القبض|بالقبض)",
        r"مذكرة\s+(?:توقيف|إحضار)",
        r"逮捕证",
        r"拘传证",
        r"通缉令",
        r"orden\s+de\s+aprehensi[óo]n",
        r"orden\s+de\s+captura",
        r"orden\s+de\s+detenci[óo]n",
        r"mandat\s+d'arrêt",
        r"mandat\s+d'amener",
        r"warrant\s+of\s+arrest",
        r"arrest\s+warrant",
        r"commanded\s+to\s+arrest",
    ],
    "detention_order": [
        r"меры?\s+пресечения",
        r"протокол\w*\s+задержания",
        r"заключени\w+\s+под\s+стражу",
        r"тримання\s+під\s+вартою",
        r"запобіжн\w+\s+зах",
        r"утрыманн\w+\s+пад\s+вартай",
        r"tutuklama\s+kararı",
        r"tutuklanmasına",
        r"tutuklama\s+müzekkere",
        r"قرار\s+بازداشت",
        r"بازداشت\s+موقت",
        r"حبس\s+احتياطي",
        r"تجديد\s+حبس",
        r"أمر\s+(?:ال)?حبس",
        r"拘留通知书",
        r"逮捕通知书",
        r"逮捕决定书",
        r"批准逮捕",
        r"拘留证",
        r"监视居住决定书",
        r"prisi[óo]n\s+preventiva",
        r"prisi[óo]n\s+provisional",
        r"medida\s+cautelar",
        r"detenci[óo]n\s+preventiva",
        r"privaci[óo]n\s+(?:judicial\s+)?preventiva",
        r"mandat\s+de\s+dépôt",
        r"placement\s+en\s+détention",
        r"mise\s+en\s+détention",
        r"détention\s+(?:provisoire|préventive)",
        r"detention\s+order",
        r"\bremand",
    ],
    "indictment": [
        r"обвинительное\s+заключение",
        r"обвинительн\w+\s+акт",
        r"привлечени\w*\s+в\s+качестве\s+обвиняем",
        r"притягнення\s+як\s+обвинувачен",
        r"прыцягненн\w*\s+ў\s+якасці\s+абвінавачан",
        r"обвинувальн\w+\s+акт",
        r"абвінаваўч\w+\s+заключэнн",
        r"iddianame",
        r"kamu\s+davası\s+açılır",
        r"کیفرخواست",
        r"قرار\s+(?:ال)?إحالة",
        r"أمر\s+(?:ال)?إحالة",
        r"قرار\s+(?:ال)?اتهام",
        r"لائحة\s+(?:ال)?اتهام",
        r"起\s*诉\s*书",
        r"提起公诉",
        r"起诉意见书",
        r"escrito\s+de\s+acusaci[óo]n",
        r"\bacusa\b",
        r"acusaci[óo]n\s+fiscal",
        r"formulaci[óo]n\s+de\s+(?:la\s+)?acusaci[óo]n",
        r"réquisitoire",
        r"acte\s+d'accusation",
        r"ordonnance\s+de\s+(?:renvoi|mise\s+en\s+accusation)",
        r"arrêt\s+de\s+(?:renvoi|mise\s+en\s+accusation)",
        r"indictment",
        r"charge\s+sheet",
    ],
    "court_decision": [
        r"\bприговор",
        r"\bпрысуд",
        r"\bвирок",
        r"именем\s+российской",
        r"імем\s+рэспублікі",
        r"приговорил",
        r"прыгаварыў",
        r"gerekçeli\s+karar",
        r"hükmün\s+açıklanması",
        r"دادنامه",
        r"رأی\s+دادگاه",
        r"حكمت\s+المحكمة",
        r"باسم\s+الشعب",  # Egyptian judgments are issued "in the name of the people" (Constitution art. 100)
        r"判\s*决\s*书",
        r"判决如下",
        r"判处",
        r"裁定书",
        r"\bsentencia\b",
        r"fallamos",
        r"\bjugement\b",
        r"a\s+condamné",
        r"\bjudgment\b",
        r"\bverdict\b",
        r"sentenced\s+to",
    ],
    "threat_letter": [
        r"мы\s+знаем",
        r"ми\s+знаємо",
        r"мы\s+ведаем",
        r"последнее\s+предупреждение",
        r"пеняй\s+на\s+себя",
        r"подумай\s+про",
        r"biliyoruz",
        r"son\s+uyarı",
        r"ما\s+می\s*دانیم",
        r"مسئولیت\s+آن\s+به\s+دوش",
        r"مجاهدین",
        r"خانواده",
        r"نعرف",
        r"آخر\s+تحذير",
        r"ستندم",
        r"عائلتك",
        r"我们知道",
        r"我们都有记录",
        r"你的?(?:家人|父母|母亲|父亲)",
        r"后果自负",
        r"最后.{0,2}警告",
        r"不要以为",
        r"sabemos\s+d[óo]nde",
        r"último\s+aviso",
        r"nous\s+savons",
        r"dernier\s+avertissement",
        r"we\s+know",
        r"depends\s+on\s+you",
        r"do\s+not\s+tell\s+anyone",
        r"your\s+(?:mother|family)",
    ],
}
# Titles of papers that are not one of the legal types even when their body names a charge, a court
# or a detention: certificates, receipts, letters of a lawyer. Only a heading counts for them.
_OTHER_TITLES = [
    r"^справк",
    r"^довідк",
    r"^даведк",
    r"^квитанц",
    r"^(?:медицинск|медичн)\w*\s+(?:заключени|висновок)",
    r"^(?:sağlık\s+)?rapor",
    r"^makbuz",
    r"^گواهی",
    r"^رسید",
    r"^(?:شهادة|تقرير)\s+طبي",
    r"^إيصال",
    r"^(?:诊断)?证明(?:书)?$",
    r"^收据",
    r"^(?:certificado|constancia)\s+m[ée]dic",
    r"^recibo",
    r"^(?:certificat|attestation)\s+m[ée]dical",
    r"^reçu",
    r"^(?:medical\s+certificate|receipt)",
]
_COMPILED = {t: [re.compile(k, re.IGNORECASE) for k in keys] for t, keys in _KEYWORDS.items()}
_OTHER_COMPILED = [re.compile(k, re.IGNORECASE) for k in _OTHER_TITLES]
_TOP_LINES = 8  # the letterhead and title block
_HEADING_MAX_WORDS = 8  # a heading is a short line; a sentence that cites another paper is not
_HEADING_MAX_HAN = 16


def _is_heading(line: str) -> bool:
    han = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
    if han > len(line) / 2:
        return han <= _HEADING_MAX_HAN
    return len(line.split()) <= _HEADING_MAX_WORDS


def classify_document(text: str, language: str) -> tuple[str, float]:
    """Best document type and a confidence in [0, 1]; "other" when no keyword is found.

    A keyword in a short heading near the top names the paper itself (3 points); elsewhere in the
    top lines it is likely the letterhead (2); in the body it may only cite another paper (1), as a
    verdict cites the indictment.
    """
    del language  # keywords of every language are checked: translations and mixed documents exist
    text = compact_han(text)[0]  # "传唤 证" as OCR spaces it is "传唤证"
    top = [line.strip() for line in text.strip().splitlines()[:_TOP_LINES]]
    headings = [line for line in top if line and _is_heading(line)]
    title = "\n".join(top)
    scores: dict[str, float] = {}
    for doc_type, patterns in _COMPILED.items():
        score = 0.0
        for rx in patterns:
            if any(rx.search(line) for line in headings):
                score += 3.0
            elif rx.search(title):
                score += 2.0
            elif rx.search(text):
                score += 1.0
        if score:
            scores[doc_type] = score
    # a certificate or receipt heading outweighs a legal phrase that its first lines quote
    other = sum(4.0 for rx in _OTHER_COMPILED if any(rx.search(line) for line in headings))
    if other:
        scores["other"] = other
    if not scores:
        return "other", 0.3
    best = max(scores, key=lambda t: scores[t])
    total = sum(scores.values())
    confidence = round(min(0.99, 0.5 + 0.5 * scores[best] / total) if total else 0.3, 3)
    return best, confidence
