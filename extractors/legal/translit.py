"""Latin transliteration of names so a lawyer can match them against passports and other records.

Cyrillic follows the Russian/Ukrainian/Belarusian passport (ICAO 9303) style; Persian and Arabic a
simplified consonantal scheme; Han characters Hanyu Pinyin from ``pypinyin`` (surname first, given
name joined: "Lin Zhiming"), and names written with the middle dot ("阿依古丽·买买提") keep one word
per part.
"""

from __future__ import annotations

import re

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
        return _pinyin_name(text)
    return text


def _pinyin_name(text: str) -> str:
    """Pinyin of a Han name: a two- or three-character name reads surname + given name."""
    from pypinyin import Style, lazy_pinyin

    parts = [p for p in re.split(r"[·•・\s]+", text) if p]
    out = []
    for part in parts:
        syllables = lazy_pinyin(part, style=Style.NORMAL, errors="default")
        if len(parts) == 1 and 2 <= len(part) <= 3 and len(syllables) == len(part):
            out.append(syllables[0].capitalize())
            out.append("".join(syllables[1:]).capitalize())
        else:
            out.append("".join(syllables).capitalize())
    return " ".join(out)
