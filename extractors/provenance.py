"""Versions of every library and binary that reads a document, for the record's provenance."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from evidence.extractors import number_words, tesseract
from evidence.models.record import ToolVersion

READING_PACKAGES = (
    "pdfplumber",
    "pdfminer.six",
    "pypdfium2",
    "pikepdf",
    "pillow",
    "pillow-heif",
    "lingua-language-detector",
    "filetype",
)


@lru_cache(maxsize=1)
def reading_tools() -> tuple[ToolVersion, ...]:
    tools = [
        ToolVersion(name="tesseract", version=tesseract.tesseract_version()),
        ToolVersion(name="evidence-digit-templates", version=number_words.templates_version()),
    ]
    for package in READING_PACKAGES:
        try:
            tools.append(ToolVersion(name=package, version=version(package)))
        except PackageNotFoundError:
            continue
    return tuple(tools)
