"""The key facts of a document for the exhibit's first page and the case index.

The extraction stage stores ``key_facts`` in the record; records made before it ran, or by an
older version, only have entities (or nothing), so the same facts are derived from entities
here. ``None`` means "not extracted", which the exhibit says in words.
"""

from __future__ import annotations

from datetime import date

from evidence.models.record import (
    Entity,
    EvidenceRecord,
    FactAuthority,
    FactCharge,
    FactDate,
    FactPerson,
    KeyFacts,
)


def key_facts(record: EvidenceRecord) -> KeyFacts | None:
    if record.key_facts is not None:
        return record.key_facts
    if record.entities is None:
        return None
    return facts_from_entities(record.entities)


def facts_from_entities(entities: list[Entity]) -> KeyFacts:
    persons = [e for e in entities if e.type == "PERSON"]
    target = next((e for e in persons if e.attributes.get("role") == "target"), persons[0] if persons else None)
    authority = next((e for e in entities if e.type == "AUTHORITY"), None)
    charges: dict[str, FactCharge] = {}
    for e in entities:
        if e.type == "CHARGE" and (e.normalized or e.text) not in charges:
            charges[e.normalized or e.text] = FactCharge(
                id=e.normalized or e.text,
                text=e.text,
                offence=e.attributes.get("offence_en") or e.attributes.get("offence"),
                used_against_dissent=e.attributes.get("used_against_dissent", "").lower() == "true",
                sources=[s.strip() for s in e.attributes.get("sources", "").split(" | ") if s.strip()],
            )
    return KeyFacts(
        targeted_person=None
        if target is None
        else FactPerson(text=target.text, translit=target.attributes.get("translit"), page=target.page),
        issuing_authority=None
        if authority is None
        else FactAuthority(text=authority.text, english=authority.normalized, page=authority.page),
        charges=list(charges.values()),
        dissent_flagged=any(c.used_against_dissent for c in charges.values()),
        case_numbers=sorted({e.normalized or e.text for e in entities if e.type == "CASE_NUMBER"}),
        dates=[
            FactDate(date=e.normalized, text=e.text, role=e.attributes.get("role"))
            for e in entities
            if e.type == "DATE"
        ],
    )


def document_date(record: EvidenceRecord) -> date | None:
    """The earliest ISO date the document states, or None."""
    facts = key_facts(record)
    found: list[date] = []
    for fact in facts.dates if facts else []:
        if fact.date:
            try:
                found.append(date.fromisoformat(fact.date[:10]))
            except ValueError:
                continue
    return min(found) if found else None
