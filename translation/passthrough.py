"""Which sentences of a foreign-language page are English already, and so must not be translated.

Why per sentence: a Spanish court letter quotes an English reference line; running it through a
Spanish→English model garbles it. lingua (offline) decides between the page's language and
English only, and only for sentences long enough to judge.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

MIN_WORDS = 4
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=32)
def _detector(source: str, target: str) -> LanguageDetector | None:
    try:
        languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in (source, target)]
    except ValueError:
        return None
    return LanguageDetectorBuilder.from_languages(*languages).build()


def already_in_target(sentence: str, source: str, target: str = "en") -> bool:
    """True when ``sentence`` (on a page in ``source``) is confidently written in ``target``."""
    if sum(any(ch.isalpha() for ch in word) for word in sentence.split()) < MIN_WORDS:
        return False
    detector = _detector(source, target)
    if detector is None:
        return False
    confidence = detector.compute_language_confidence(sentence, _detector_language(target))
    return confidence >= MIN_CONFIDENCE


def _detector_language(code: str) -> Language:
    return Language.from_iso_code_639_1(IsoCode639_1.from_str(code))
