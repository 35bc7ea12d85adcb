"""Language identification on OCR'd or extracted text, offline (lingua), and the map to Tesseract packs."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# ISO 639-1 code -> Tesseract language pack.
TESSERACT_PACKS: dict[str, str] = {
    "en": "eng",
    "es": "spa",
    "fr": "fra",
    "de": "deu",
    "tr": "tur",
    "ru": "rus",
    "uk": "ukr",
    "be": "bel",
    "fa": "fas",
    "ar": "ara",
    "zh": "chi_sim",
}

# OSD script name -> the pack used for the first pass, before the language is known.
SCRIPT_FIRST_PASS: dict[str, str] = {
    "Latin": "eng",
    "Cyrillic": "rus",
    "Arabic": "ara",
    "Han": "chi_sim",
    "HanS": "chi_sim",
}

SCRIPT_OF_LANGUAGE: dict[str, str] = {
    "en": "Latin",
    "es": "Latin",
    "fr": "Latin",
    "de": "Latin",
    "tr": "Latin",
    "ru": "Cyrillic",
    "uk": "Cyrillic",
    "be": "Cyrillic",
    "fa": "Arabic",
    "ar": "Arabic",
    "zh": "Han",
}

LANGUAGES_OF_SCRIPT: dict[str, tuple[str, ...]] = {}
for _code, _script in SCRIPT_OF_LANGUAGE.items():
    LANGUAGES_OF_SCRIPT[_script] = (*LANGUAGES_OF_SCRIPT.get(_script, ()), _code)

# Tesseract pack -> the script it reads.
SCRIPT_OF_PACK: dict[str, str] = {pack: SCRIPT_OF_LANGUAGE[code] for code, pack in TESSERACT_PACKS.items()}

_SCRIPT_OF_CHAR_NAME = {"LATIN": "Latin", "CYRILLIC": "Cyrillic", "ARABIC": "Arabic", "CJK": "Han"}

_LINGUA = {
    "en": Language.ENGLISH,
    "es": Language.SPANISH,
    "fr": Language.FRENCH,
    "de": Language.GERMAN,
    "tr": Language.TURKISH,
    "ru": Language.RUSSIAN,
    "uk": Language.UKRAINIAN,
    "be": Language.BELARUSIAN,
    "fa": Language.PERSIAN,
    "ar": Language.ARABIC,
    "zh": Language.CHINESE,
}
_ISO_OF = {language: code for code, language in _LINGUA.items()}

MIN_CHARS_FOR_DETECTION = 12


@dataclass(frozen=True)
class DetectedLanguage:
    code: str
    confidence: float


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LINGUA.values()).with_preloaded_language_models().build()


def detect_language(text: str) -> DetectedLanguage | None:
    """Most likely supported language of ``text``, or None when there is too little text to tell."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_CHARS_FOR_DETECTION:
        return None
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None
    best = values[0]
    return DetectedLanguage(_ISO_OF[best.language], round(best.value, 3))


def detect_language_in_script(text: str, script: str | None) -> DetectedLanguage | None:
    """Like :func:`detect_language`, but only among the languages written in ``script``.

    A poor first pass (say, Cyrillic read with the English pack) looks like nothing in particular;
    lingua then picks at random among all languages. Restricting to the script's languages (and
    renormalising their confidences) keeps a Russian page from turning Turkish.
    """
    candidates = LANGUAGES_OF_SCRIPT.get(script or "")
    if not candidates:
        return detect_language(text)
    if sum(ch.isalpha() for ch in text) < MIN_CHARS_FOR_DETECTION:
        return None
    if len(candidates) == 1:
        return DetectedLanguage(candidates[0], 1.0)
    values = _detector().compute_language_confidence_values(text)
    scores = {_ISO_OF[value.language]: value.value for value in values if _ISO_OF[value.language] in candidates}
    total = sum(scores.values())
    if total <= 0:
        return None
    best = max(scores, key=lambda code: scores[code])
    return DetectedLanguage(best, round(scores[best] / total, 3))


def script_of_text(text: str) -> str | None:
    """The script most letters of ``text`` are written in (by Unicode character name), if any."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = _SCRIPT_OF_CHAR_NAME.get(unicodedata.name(ch, "").split(" ")[0])
            if script:
                counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda script: counts[script]) if counts else None


def packs_for_hints(hints: list[str], installed: frozenset[str]) -> str | None:
    """Tesseract language string for user language hints (ISO codes or pack names)."""
    packs = []
    for hint in hints:
        pack = TESSERACT_PACKS.get(hint, hint)
        if pack in installed and pack not in packs:
            packs.append(pack)
    return "+".join(packs) or None


def language_of_packs(packs: str) -> str | None:
    first = packs.split("+")[0]
    return next((code for code, pack in TESSERACT_PACKS.items() if pack == first), None)
