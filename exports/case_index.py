"""The case index: one row per exhibit, by document date, as HTML for reading and CSV for sheets."""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, fields

from evidence.exports.keyfacts import document_date, key_facts
from evidence.models.record import EvidenceRecord


@dataclass(frozen=True)
class IndexRow:
    exhibit: str
    document_date: str
    date_basis: str  # "stated in the document" or "date received"
    document_type: str
    authority: str
    charges: str
    dates: str
    languages: str
    pages: int
    original_file: str
    sha256: str
    exhibit_file: str


def index_row(record: EvidenceRecord, exhibit: str, received: str, exhibit_file: str) -> IndexRow:
    """``received`` is the ISO date the original was received, used when the document states none."""
    facts = key_facts(record)
    stated = document_date(record)
    not_extracted = "not extracted"
    if facts is None:
        authority = charges = dates = not_extracted
    else:
        a = facts.issuing_authority
        authority = "" if a is None else a.text + (f" ({a.english})" if a.english else "")
        charges = "; ".join(
            f"{c.id} {c.offence or ''}".strip() + (" [used against dissent]" if c.used_against_dissent else "")
            for c in facts.charges
        )
        dates = "; ".join(
            (d.date or d.text) + (f" ({d.role.replace('_', ' ')})" if d.role else "") for d in facts.dates
        )
    return IndexRow(
        exhibit=exhibit,
        document_date=stated.isoformat() if stated else received,
        date_basis="stated in the document" if stated else "date received",
        document_type=(record.document_type or "not extracted").replace("_", " "),
        authority=authority,
        charges=charges,
        dates=dates,
        languages=", ".join(sorted({p.language for p in record.pages if p.language})),
        pages=record.document.page_count,
        original_file=record.document.source_key,
        sha256=record.document.sha256,
        exhibit_file=exhibit_file,
    )


def index_csv(rows: list[IndexRow]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read non-Latin text correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f.name for f in fields(IndexRow)])
    for row in rows:
        writer.writerow([_cell(getattr(row, f.name)) for f in fields(IndexRow)])
    return out.getvalue().encode("utf-8-sig")


def _cell(value: object) -> object:
    """Text from a document must not run as a spreadsheet formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def index_html(case: str, rows: list[IndexRow], generated: str) -> bytes:
    head = [
        "Exhibit",
        "Document date",
        "Type",
        "Issuing authority",
        "Charges",
        "Dates in the document",
        "Languages",
        "Pages",
        "Original file",
        "SHA-256",
    ]
    body = []
    for r in rows:
        date_note = "" if r.date_basis == "stated in the document" else " <small>(received)</small>"
        cells = [
            f'<a href="{html.escape(r.exhibit_file)}">{html.escape(r.exhibit)}</a>',
            html.escape(r.document_date) + date_note,
            html.escape(r.document_type),
            html.escape(r.authority),
            html.escape(r.charges),
            html.escape(r.dates),
            html.escape(r.languages),
            str(r.pages),
            html.escape(r.original_file),
            f"<code>{html.escape(r.sha256)}</code>",
        ]
        body.append("<tr>" + "".join(f'<td dir="auto">{c}</td>' for c in cells) + "</tr>")
    title = html.escape(f"Case {case}: evidence index")
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body{{font-family:"Noto Sans",sans-serif;margin:2em;color:#1d2733}}
table{{border-collapse:collapse;font-size:13px}}
th,td{{border:1px solid #9aa5b1;padding:4px 6px;vertical-align:top}}
th{{background:#eef2f6;text-align:left}} code{{font-size:11px;word-break:break-all}}
</style></head><body>
<h1>{title}</h1>
<p>Generated {html.escape(generated)}. Sorted by the earliest date each document states, else the date it was received.
Translations inside the exhibits are machine-made and must be certified before filing.
Check the files against <code>SHA256SUMS</code> with <code>sha256sum -c SHA256SUMS</code>.</p>
<table><thead><tr>{"".join(f"<th>{h}</th>" for h in head)}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody></table></body></html>
"""
    return page.encode("utf-8")
