"""Latin transliteration of names so a lawyer can match them against passports and other records.

Cyrillic follows the Russian/Ukrainian/Belarusian passport (ICAO 9303) style; Persian and Arabic a
simplified consonantal scheme; Han characters use ``text_unidecode`` (Mandarin readings) when it is
installed, and are left as they are otherwise.
"""

from __future__ import annotations

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
}
_UKRAINIAN_OVERRIDES = {"г": "h", "и": "y", "ї": "i", "є": "ie"}
_ARABIC_SCRIPT = {
    "ا": "a",
    "آ": "a",
    "أ": "a",
    "إ": "e",
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ث": "s",
    "ج": "j",
    "چ": "ch",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "z",
    "ر": "r",
    "ز": "z",
    "ژ": "zh",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "z",
    "ط": "t",
    "ظ": "z",
    "ع": "'",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ک": "k",
    "ك": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "و": "v",
    "ه": "h",
    "ة": "a",
    "ی": "i",
    "ي": "i",
    "ى": "a",
    "ئ": "'",
    "ؤ": "'",
    "ء": "'",
    "\u200c": "",
}


def transliterate(text: str, language: str) -> str:
    """Best-effort Latin form of ``text``; unknown characters are kept."""
    if language in ("ru", "uk", "be"):
        table = dict(_CYRILLIC)
        if language == "uk":
            table.update(_UKRAINIAN_OVERRIDES)
        out = []
        for ch in text:
            low = ch.lower()
            mapped = table.get(low)
            if mapped is None:
                out.append(ch)
            else:
                out.append(mapped.capitalize() if ch != low else mapped)
        return "".join(out)
    if language in ("fa", "ar"):
        words = ["".join(_ARABIC_SCRIPT.get(ch, ch) for ch in word) for word in text.split()]
        return " ".join(w.capitalize() for w in words)
    if language == "zh" or any("\u4e00" <= ch <= "\u9fff" for ch in text):
        try:
            from text_unidecode import unidecode
        except ImportError:  # optional: names stay in Han script
            return text
        return " ".join(part.capitalize() for part in unidecode(text).split())
    return text
