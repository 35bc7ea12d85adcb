"""Numbers written in words: Chinese numerals and the Spanish and French words of formal dates."""

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
