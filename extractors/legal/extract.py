"""Public entry points: every rule extractor over one page, and the key facts a lawyer reads first."""

from __future__ import annotations

from collections.abc import Iterable

from evidence.extractors.legal.authorities import extract_authorities
from evidence.extractors.legal.case_numbers import extract_case_numbers
from evidence.extractors.legal.charges import extract_charges
from evidence.extractors.legal.country import infer_country
from evidence.extractors.legal.dates import extract_dates
from evidence.extractors.legal.locations import extract_locations
from evidence.extractors.legal.persons import extract_persons
from evidence.extractors.legal.spans import Candidate, compact_han, map_back, resolve_overlaps, simplified_han
from evidence.models.record import Entity, EntityOrigin

SUPPORTED_LANGUAGES = ("ru", "uk", "be", "tr", "fa", "ar", "zh", "es", "fr", "en")
# Higher wins an overlap: a case number that contains a date stays a case number.
_PRIORITY = {"CASE_NUMBER": 6, "CHARGE": 5, "DATE": 4, "AUTHORITY": 3, "PERSON": 2, "LOCATION": 1}


def extract_candidates(text: str, language: str) -> list[Candidate]:
    """Rule candidates for one page, overlaps resolved; offsets into ``text``.

    Chinese OCR output spaces its characters apart ("北京 市 公安 局"): the rules read the text
    with those gaps closed and the spans are mapped back to the page as it stands. Traditional
    characters are read as simplified ones (one for one, so offsets are unchanged).
    """
    if language == "zh":
        text = simplified_han(text)
        compact, offsets = compact_han(text)
        if len(compact) != len(text):
            found = _candidates(compact, language)
            return map_back(found, offsets)
    return _candidates(text, language)


def _candidates(text: str, language: str) -> list[Candidate]:
    country = infer_country(text, language)
    persons = extract_persons(text, language)
    person_spans = [(p.start, p.end) for p in persons]
    candidates: list[Candidate] = []
    candidates += extract_case_numbers(text, language)
    candidates += extract_charges(text, language, country)
    candidates += extract_dates(text, language)
    candidates += extract_authorities(text, language, person_spans)
    locations = extract_locations(text, language)
    places = [(c.start, c.end) for c in locations if c.normalized]
    # a "name" that is a gazetteer place ("Нижний Тагил," opening a wrapped line) is the place
    candidates += [p for p in persons if not any(s <= p.start and p.end <= e for s, e in places)]
    candidates += locations
    kept = resolve_overlaps(candidates, _PRIORITY)
    if country:
        for cand in kept:
            if cand.type == "CHARGE":
                cand.attributes.setdefault("document_country", country)
    return kept


def extract_entities(text: str, language: str, page: int = 1) -> list[Entity]:
    """Entities found by rule in one page's text; ``start``/``end`` are offsets into ``text``."""
    return [
        Entity(
            type=c.type,
            text=text[c.start : c.end],
            normalized=c.normalized,
            language=language,
            page=page,
            start=c.start,
            end=c.end,
            origin=EntityOrigin.RULE,
            confidence=c.confidence,
            attributes=dict(c.attributes),
        )
        for c in extract_candidates(text, language)
    ]


def key_facts(entities: Iterable[Entity]) -> dict[str, object]:
    """Targeted person, issuing authority, charges with dissent flags and dated events, for a summary."""
    # rule entities first: they carry the original script, a role and an English name
    entities = sorted(entities, key=lambda e: e.origin != EntityOrigin.RULE)
    persons = [e for e in entities if e.type == "PERSON"]
    targets = [e for e in persons if e.attributes.get("role") == "target"]
    authorities = [e for e in entities if e.type == "AUTHORITY"]
    charges: dict[str, dict[str, object]] = {}
    for e in entities:
        if e.type != "CHARGE" or not e.normalized or e.normalized in charges:
            continue
        charges[e.normalized] = {
            "id": e.normalized,
            "text": e.text,
            "offence": e.attributes.get("offence_en"),
            "used_against_dissent": e.attributes.get("used_against_dissent") == "true",
            "sources": [s.strip() for s in e.attributes.get("sources", "").split(" | ") if s.strip()],
        }
    dates = [
        {"date": e.normalized, "text": e.text, "role": e.attributes.get("role")}
        for e in entities
        if e.type == "DATE" and not e.attributes.get("suspect")
    ]
    target = targets[0] if targets else (persons[0] if persons else None)
    authority = authorities[0] if authorities else None
    return {
        "targeted_person": None
        if target is None
        else {
            "text": target.text,
            "translit": target.attributes.get("translit"),
            "page": target.page,
        },
        "issuing_authority": None
        if authority is None
        else {
            "text": authority.text,
            "english": authority.normalized,
            "page": authority.page,
        },
        "charges": list(charges.values()),
        "dissent_flagged": any(c["used_against_dissent"] for c in charges.values()),
        "case_numbers": sorted({e.normalized for e in entities if e.type == "CASE_NUMBER" and e.normalized}),
        "dates": dates,
    }
