"""Numbers written in words: Chinese numerals, the Spanish and French words of formal dates and the
Arabic ordinals that Gulf and Levantine laws number their articles with ("المادة الثلاثين")."""

from __future__ import annotations

_ZH_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL_CHARS = "".join(_ZH_DIGITS) + "".join(_ZH_UNITS)


def zh_to_int(text: str) -> int | None:
    """Chinese numeral to int: positional (二〇二四) or with units (一百零五, 二十)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(ch in _ZH_DIGITS for ch in text):
        return int("".join(str(_ZH_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


_ES_UNITS = {
    "un": 1,
    "uno": 1,
    "primero": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciséis": 16,
    "dieciseis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veinte": 20,
    "veintiuno": 21,
    "veintiún": 21,
    "veintidós": 22,
    "veintidos": 22,
    "veintitrés": 23,
    "veintitres": 23,
    "veinticuatro": 24,
    "veinticinco": 25,
    "veintiséis": 26,
    "veintiseis": 26,
    "veintisiete": 27,
    "veintiocho": 28,
    "veintinueve": 29,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
}


def es_words_to_int(text: str) -> int | None:
    """'treinta y uno' -> 31; 'dos mil veintitrés' -> 2023. None when a word is unknown."""
    words = [w for w in text.lower().replace("-", " ").split() if w != "y"]
    if not words:
        return None
    total, current = 0, 0
    for word in words:
        if word == "mil":
            total += (current or 1) * 1000
            current = 0
        elif word in ("cien", "ciento"):
            current += 100
        elif word in _ES_UNITS:
            current += _ES_UNITS[word]
        else:
            return None
    return total + current


# Arabic ordinals as article numbers are written: masculine or feminine, with or without the article
# and its hamza ("الأولى", "الاولى", "الحادية عشرة", "الخامسة والعشرين").
_AR_UNITS = {
    "اول": 1,
    "اولي": 1,
    "حادي": 1,
    "حاديه": 1,
    "ثاني": 2,
    "ثانيه": 2,
    "ثالث": 3,
    "ثالثه": 3,
    "رابع": 4,
    "رابعه": 4,
    "خامس": 5,
    "خامسه": 5,
    "سادس": 6,
    "سادسه": 6,
    "سابع": 7,
    "سابعه": 7,
    "ثامن": 8,
    "ثامنه": 8,
    "تاسع": 9,
    "تاسعه": 9,
    "عاشر": 10,
    "عاشره": 10,
}
_AR_TENS = {
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
_AR_HUNDREDS = {"مائه": 100, "مئه": 100, "مائتين": 200, "مئتين": 200}
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
AR_ORDINAL_WORD = r"(?:و\s*)?ال[\u0621-\u064A]+"  # one word of an ordinal, "الثلاثين" or "والعشرين"


def _ar_word(word: str) -> str:
    word = word.translate(_AR_FOLD)
    word = word[1:] if word.startswith("و") and len(word) > 3 else word
    return word[2:] if word.startswith("ال") else word


def ar_ordinal_to_int(text: str) -> int | None:
    """'الثلاثين' -> 30, 'الحادية عشرة' -> 11, 'الخامسة والعشرين' -> 25, 'الثانية بعد المائة' -> 102.

    None when a word is not part of an ordinal, so a following noun is never read as a number.
    """
    words = [_ar_word(w) for w in text.split() if w not in ("بعد",)]
    if not words:
        return None
    total = 0
    unit: int | None = None
    for i, word in enumerate(words):
        if word in _AR_UNITS and unit is None and total == 0:
            unit = _AR_UNITS[word]
        elif word in ("عشر", "عشره") and unit is not None and unit < 10 and i == 1:
            unit += 10
        elif word in _AR_TENS and total == 0:
            total = _AR_TENS[word]
        elif word in _AR_HUNDREDS:
            total += _AR_HUNDREDS[word]
        else:
            return None
    return total + (unit or 0) or None
