"""Lawyer-ready outputs: searchable PDFs, exhibit PDFs, case exports with a verifiable manifest."""

from __future__ import annotations

from evidence.exports.artefacts import EXHIBIT_PDF, SEARCHABLE_PDF, RecordNotFoundError, StoredArtefact
from evidence.exports.case_export import EmptyCaseError, ExportResult, export_case
from evidence.exports.case_index import IndexRow
from evidence.exports.exhibit import build_exhibit, render_exhibit, store_exhibit
from evidence.exports.manifest import verify_export
from evidence.exports.searchable_pdf import SearchablePdfError, make_searchable_pdf, store_searchable_pdf

__all__ = [
    "EXHIBIT_PDF",
    "SEARCHABLE_PDF",
    "EmptyCaseError",
    "ExportResult",
    "IndexRow",
    "RecordNotFoundError",
    "SearchablePdfError",
    "StoredArtefact",
    "build_exhibit",
    "export_case",
    "make_searchable_pdf",
    "render_exhibit",
    "store_exhibit",
    "store_searchable_pdf",
    "verify_export",
]
