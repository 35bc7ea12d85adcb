"""Rule- and gazetteer-based legal entity extraction.

Public API: ``extract_entities``, ``classify_document``, ``key_facts``, ``build_pipeline``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evidence.extractors.legal.doctype import DOC_TYPES, classify_document
from evidence.extractors.legal.extract import SUPPORTED_LANGUAGES, extract_entities, key_facts

if TYPE_CHECKING:
    from spacy.language import Language

EXTRACTOR_VERSION = "4"
"""Bump when the rules, gazetteers or statistical mapping change what is extracted: the entity
stage reruns on documents it has already done."""

__all__ = [
    "DOC_TYPES",
    "EXTRACTOR_VERSION",
    "SUPPORTED_LANGUAGES",
    "build_pipeline",
    "classify_document",
    "extract_entities",
    "key_facts",
]


def build_pipeline(language: str) -> Language:
    """spaCy pipeline for ``language``; spaCy is imported only when a pipeline is asked for."""
    from evidence.extractors.legal.pipeline import build_pipeline as _build

    return _build(language)
