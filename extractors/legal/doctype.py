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
        r"davetiye",
        r"ifadenizin\s+alınması",
        r"احضاریه",
        r"مذكرة\s+دعوة",
        r"استدعاء",
        r"عليك\s+الحضور",
        r"传唤证",
        r"兹传唤",
        r"boleta\s+de\s+citaci[óo]n",
        r"citaci[óo]n",
        r"se\s+le\s+cita",
        r"convocation",
        r"invité\s+à\s+se\s+présenter",
        r"\bsummons\b",
        r"summoned\s+to\s+appear",
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
        r"حکم\s+جلب",
        r"دستور\s+جلب",
        r"جلب\s+به\s+دادرسی",
        r"أمر\s+ضبط\s+وإحضار",
        r"أمر\s+(?:القبض|بالقبض)",
        r"مذكرة\s+(?:توقيف|إحضار)",
        r"逮捕证",
        r"拘传证",
        r"orden\s+de\s+aprehensi[óo]n",
        r"orden\s+de\s+captura",
        r"mandat\s+d'arrêt",
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
        r"قرار\s+بازداشت",
        r"بازداشت\s+موقت",
        r"حبس\s+احتياطي",
        r"تجديد\s+حبس",
        r"拘留通知书",
        r"逮捕通知书",
        r"prisi[óo]n\s+preventiva",
        r"prisi[óo]n\s+provisional",
        r"medida\s+cautelar",
        r"detenci[óo]n\s+preventiva",
        r"privaci[óo]n\s+(?:judicial\s+)?preventiva",
        r"mandat\s+de\s+dépôt",
        r"detention\s+order",
        r"\bremand",
    ],
    "indictment": [
        r"обвинительное\s+заключение",
        r"обвинительн\w+\s+акт",
        r"обвинувальн\w+\s+акт",
        r"абвінаваўч\w+\s+заключэнн",
        r"iddianame",
        r"kamu\s+davası\s+açılır",
        r"کیفرخواست",
        r"قرار\s+(?:ال)?إحالة",
        r"أمر\s+(?:ال)?إحالة",
        r"起\s*诉\s*书",
        r"提起公诉",
        r"escrito\s+de\s+acusaci[óo]n",
        r"\bacusa\b",
        r"réquisitoire",
        r"acte\s+d'accusation",
        r"indictment",
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
        r"判\s*决\s*书",
        r"判决如下",
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
_COMPILED = {t: [re.compile(k, re.IGNORECASE) for k in keys] for t, keys in _KEYWORDS.items()}


def classify_document(text: str, language: str) -> tuple[str, float]:
    """Best document type and a confidence in [0, 1]; "other" when no keyword is found."""
    del language  # keywords of every language are checked: translations and mixed documents exist
    text = compact_han(text)[0]  # "传唤 证" as OCR spaces it is "传唤证"
    title = "\n".join(text.strip().splitlines()[:8])
    scores: dict[str, float] = {}
    for doc_type, patterns in _COMPILED.items():
        score = 0.0
        for rx in patterns:
            if rx.search(title):
                score += 2.0
            elif rx.search(text):
                score += 1.0
        if score:
            scores[doc_type] = score
    if not scores:
        return "other", 0.3
    best = max(scores, key=lambda t: scores[t])
    total = sum(scores.values())
    confidence = round(min(0.99, 0.5 + 0.5 * scores[best] / total) if total else 0.3, 3)
    return best, confidence
