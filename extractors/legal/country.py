"""Which country issued a document: needed to resolve a bare "Penal Code" to the right code."""

from __future__ import annotations

import re
from collections import Counter

_CUES: dict[str, str] = {
    "RU": r"Российской\s+Федерации|\bРФ\b|\bРоссии\b|Russian\s+Federation|Fédération\s+de\s+Russie|Москв|Moscou|Moscow",
    "BY": r"Беларус|Belarus|Мінск|Минск|Гомел|Брэст|Брест",
    "UA": r"Україн|Ukrain|Київ|Харків",
    "TR": r"\bT\.C\.|Türkiye|Cumhuriyet\s+Başsavcılığı|Ceza\s+Mahkemesi|Hakimliği",
    "IR": r"جمهوری\s+اسلامی\s+ایران|قوه\s+قضاییه|دادسرا|دادگاه\s+انقلاب|تهران",
    "AF": r"افغانستان|امارت\s+اسلامی|کابل",
    "EG": r"مصر|القاهرة|أمن\s+الدولة\s+العليا|Egypt",
    "SY": r"السورية|سوريا|دمشق|Syria",
    "IQ": r"العراق|العراقي|بغداد|البصرة|الموصل|أربيل|النجف|كربلاء|الحشد\s+الشعبي|محكمة\s+تحقيق|\bIraq",
    "SA": r"السعودي|السعودية|الرياض|\bجدة\b|Saudi|Riyadh",
    "PK": r"Pakistan|Lahore|Karachi|Islamabad|Rawalpindi|Peshawar|\bPPC\b",
    "UG": r"Uganda|Kampala",
    "CN": r"中华人民共和国|公安局|人民法院|人民检察院|国家安全局",
    "HK": r"Hong\s+Kong|香港",
    "VE": r"Venezuela|Bolivariana|Caracas|SEBIN",
    "NI": r"Nicaragua|Managua",
    "CU": r"\bCuba\b|La\s+Habana|Tribunal\s+(?:Municipal|Provincial)\s+Popular",
    "DZ": r"Algérie|ALGÉRIENNE|Alger\b|Algeria",
    "TN": r"Tunisie|TUNISIENNE|Tunis\b|Tunisia",
}
_COMPILED = {country: re.compile(pattern, re.IGNORECASE) for country, pattern in _CUES.items()}
_LANGUAGE_DEFAULT = {"ru": "RU", "be": "BY", "uk": "UA", "tr": "TR", "fa": "IR", "zh": "CN", "ar": "EG"}


def infer_country(text: str, language: str) -> str | None:
    """Most-cued country in the text, else the language's usual country, else None."""
    counts = Counter({country: len(p.findall(text)) for country, p in _COMPILED.items()})
    counts = Counter({c: n for c, n in counts.items() if n})
    if counts:
        return counts.most_common(1)[0][0]
    return _LANGUAGE_DEFAULT.get(language)
