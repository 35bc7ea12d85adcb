"""Data model of a fictional sample document.

Kept apart from the catalogue texts so that other packages (OCR tests, entity
extraction benchmarks) can import the types without pulling in the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Script = Literal["Latin", "Cyrillic", "Arabic", "Han"]
DocType = Literal[
    "summons",
    "arrest_warrant",
    "detention_order",
    "indictment",
    "court_decision",
    "threat_letter",
]
# flatbed: office scanner; photo: phone picture (darker, uneven light, more blur).
Profile = Literal["flatbed", "photo"]
PageSize = Literal["A4", "A5"]


@dataclass(frozen=True)
class Entities:
    """Expected entities, as surface strings that occur verbatim in the text.

    They are ground truth for the entity extractors; the tests check that each
    string really occurs in the document so the two never drift apart.
    """

    persons: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()
    case_numbers: tuple[str, ...] = ()
    legal_refs: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        """Every surface string, in field order."""
        return self.persons + self.authorities + self.case_numbers + self.legal_refs + self.dates


@dataclass(frozen=True)
class SampleSpec:
    """One fictional legal document: its text (ground truth) and how to render it."""

    name: str
    language: str  # ISO 639-1
    tesseract_lang: str
    script: Script
    doc_type: DocType
    country: str  # ISO 3166-1 alpha-2 of the (fictional) issuing state
    title: str
    lines: tuple[str, ...]
    description: str  # one English sentence, for listings and the demo
    entities: Entities = field(default_factory=Entities)
    profile: Profile = "flatbed"
    page: PageSize = "A4"
    rotation: int = 0  # degrees clockwise the scan is turned (0, 90, 180, 270)

    @property
    def rtl(self) -> bool:
        """Whether lines run right to left (Arabic script)."""
        return self.script == "Arabic"

    @property
    def ground_truth_lines(self) -> tuple[str, ...]:
        """Every line printed on the page, in logical order: title first."""
        return (self.title, *self.lines)

    @property
    def text(self) -> str:
        """The ground-truth text exactly as written to ``<name>.gt.txt``."""
        return "\n".join(self.ground_truth_lines) + "\n"
