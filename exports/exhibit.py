"""Exhibit PDF: one document as a lawyer files it.

Cover (exhibit number, case, SHA-256, date received, custody summary, key facts), then each page
of the original beside its extracted text and the sentence-by-sentence English translation with
unreliable sentences marked, then the entity table. Every page carries a footer saying that the
translation is machine-made and must be certified. All fonts are Noto, embedded.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from evidence.config.versions import PIPELINE_VERSION
from evidence.exports.artefacts import EXHIBIT_PDF, StoredArtefact, fetch_original, put_artefact, require_record
from evidence.exports.fonts import SANS, SANS_BOLD
from evidence.exports.keyfacts import key_facts
from evidence.exports.page_images import PageImage, page_images
from evidence.exports.script_text import FontSet, ScriptText
from evidence.models.custody import CustodyAction, CustodyEvent
from evidence.models.record import EvidenceRecord, KeyFacts, Page, SentenceAlignment
from evidence.storage.store import EvidenceStore, spool_directory
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15 * mm, 18 * mm, 22 * mm
BODY_W = PAGE_W - 2 * MARGIN_X
BODY_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
IMAGE_DPI = 150  # page images in the exhibit: sharp on paper, a few hundred kB each
GRID = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#eef2f6")
WARN = colors.HexColor("#fff1c2")
ALARM = colors.HexColor("#b42318")
FOOTER = (
    "The English translation in this exhibit is machine-made and unverified. It must be checked and certified "
    "by a qualified translator before it is relied on or filed. The original document is authoritative."
)
NOT_EXTRACTED = "not extracted (the entity-extraction stage has not run on this document)"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=SANS, fontSize=9, leading=12.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10),
        "label": ParagraphStyle("label", parent=base, fontName=SANS_BOLD, fontSize=8.5, leading=11.5),
        "h1": ParagraphStyle("h1", parent=base, fontName=SANS_BOLD, fontSize=26, leading=32, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=SANS_BOLD, fontSize=13, leading=17, spaceBefore=8, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3
        ),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11.5, textColor=colors.HexColor("#4a5563")),
        "alarm": ParagraphStyle("alarm", parent=base, fontName=SANS_BOLD, fontSize=8.5, leading=11, textColor=ALARM),
    }


class _Builder:
    """Holds one exhibit's record, fonts and styles while its story is assembled."""

    def __init__(self, record: EvidenceRecord, events: list[CustodyEvent], exhibit: str | None) -> None:
        self.record = record
        self.events = events
        self.exhibit = exhibit
        self.case = record.tags.get("case")
        self.facts = key_facts(record)
        self.styles = _styles()
        self.fonts = FontSet.for_texts(_all_text(record, events))

    # --- small helpers -----------------------------------------------------------------------
    def p(self, text: str, style: str = "base") -> Paragraph:
        return Paragraph(text, self.styles[style])

    def t(self, text: str, size: float = 8.5, color: object = None) -> ScriptText:
        return ScriptText(text, self.fonts, size=size, color=color)

    def grid(self, rows: list[list[Flowable | str]], widths: list[float], header: bool = True) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
        style = [
            ("FONT", (0, 0), (-1, -1), SANS, 9),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
        table.setStyle(TableStyle(style))
        return table

    def label(self) -> str:
        return f"Exhibit {self.exhibit}" if self.exhibit else "Exhibit (unnumbered)"

    # --- cover -------------------------------------------------------------------------------
    def cover(self) -> list[Flowable]:
        doc = self.record.document
        received = [e for e in self.events if e.action == CustodyAction.RECEIVED]
        first = received[0] if received else None
        doc_type = (self.record.document_type or "").replace("_", " ").capitalize() or "Document type not extracted"
        languages = ", ".join(sorted({p.language for p in self.record.pages if p.language})) or "not identified"
        sources = ", ".join(sorted({p.source.value.replace("_", " ") for p in self.record.pages}))
        w_label, w_value = 38 * mm, BODY_W - 38 * mm
        rows: list[list[Flowable | str]] = [
            [self.p("Case", "label"), self.t(self.case or "no case label")],
            [self.p("Original file", "label"), self.t(doc.source_key)],
            [self.p("SHA-256", "label"), self.t(doc.sha256, 8.2)],
            [self.p("SHA-512", "label"), self.t(doc.sha512, 7)],
            [self.p("Media type, size", "label"), self.t(f"{doc.media_type}, {doc.size:,} bytes")],
            [self.p("Pages", "label"), self.t(f"{doc.page_count} ({sources}); languages: {languages}")],
            [self.p("Date received", "label"), self.t(_when(first.at) if first else "no received event in custody")],
            [self.p("Received from", "label"), self.t(first.actor if first else "unknown")],
            [
                self.p("Processed", "label"),
                self.t(
                    f"{_when(self.record.provenance.finished_at)} by evidence-pipeline "
                    f"{self.record.provenance.pipeline_version} on {self.record.provenance.host}"
                ),
            ],
        ]
        story: list[Flowable] = [
            self.p(escape(self.label().upper()), "h1"),
            self.p(escape(doc_type), "h2"),
            self.grid(rows, [w_label, w_value], header=False),
            Spacer(1, 5 * mm),
            self.p("Key facts", "h2"),
            self.key_facts_box(),
            Spacer(1, 5 * mm),
            self.p("Chain of custody", "h2"),
            self.p(
                "Every event recorded for this original, oldest first. Hashes are SHA-256 of the artefact as "
                "written; the original's own hash is above.",
                "note",
            ),
            Spacer(1, 2 * mm),
            self.custody_table(),
        ]
        return story

    def key_facts_box(self) -> Flowable:
        facts = self.facts
        w_label, w_value = 38 * mm, BODY_W - 38 * mm - 8
        rows: list[list[Flowable | str]]
        if facts is None:
            rows = [[self.p("Key facts", "label"), self.t(NOT_EXTRACTED)]]
        else:
            rows = [
                [self.p("Targeted person", "label"), self._person(facts)],
                [self.p("Issuing authority", "label"), self._authority(facts)],
                [self.p("Charges", "label"), self._charges(facts)],
                [self.p("Case numbers", "label"), self.t(", ".join(facts.case_numbers) or "none found")],
                [self.p("Key dates", "label"), self._dates(facts)],
            ]
        inner = Table(rows, colWidths=[w_label, w_value])
        inner.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), SANS, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, GRID),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        box = Table([[inner]], colWidths=[BODY_W])
        box.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), SANS, 9),
                    ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor("#1f3a5f")),
                    ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return box

    def _person(self, facts: KeyFacts) -> Flowable:
        person = facts.targeted_person
        if person is None:
            return self.t("none found")
        translit = f" ({person.translit})" if person.translit else ""
        return self.t(f"{person.text}{translit} — page {person.page}")

    def _authority(self, facts: KeyFacts) -> Flowable:
        authority = facts.issuing_authority
        if authority is None:
            return self.t("none found")
        english = f" — {authority.english}" if authority.english else ""
        return self.t(f"{authority.text}{english} — page {authority.page}")

    def _charges(self, facts: KeyFacts) -> Flowable:
        if not facts.charges:
            return self.t("none found")
        parts: list[str] = []
        for charge in facts.charges:
            offence = charge.offence or "offence name not known"
            flag = (
                "USED AGAINST DISSENT"
                + (f" (documented by: {'; '.join(charge.sources)})" if charge.sources else " (no source recorded)")
                if charge.used_against_dissent
                else "not documented as used against dissent"
            )
            parts.append(f"{charge.id}: {offence} — as written: {charge.text}\n{flag}")
        return self.t("\n".join(parts))

    def _dates(self, facts: KeyFacts) -> Flowable:
        if not facts.dates:
            return self.t("none found")
        lines = [
            f"{d.date or 'date not normalised'} — as written: {d.text}"
            + (f" ({d.role.replace('_', ' ')})" if d.role else "")
            for d in facts.dates
        ]
        return self.t("\n".join(lines))

    def custody_table(self) -> Flowable:
        widths = [36 * mm, 26 * mm, 38 * mm, BODY_W - 100 * mm]
        rows: list[list[Flowable | str]] = [
            [
                self.p("Time (UTC)", "label"),
                self.p("Action", "label"),
                self.p("Actor", "label"),
                self.p("Detail", "label"),
            ]
        ]
        for event in self.events:
            rows.append(
                [
                    self.t(_when(event.at), 7.5),
                    self.t(event.action.value.replace("_", " "), 7.5),
                    self.t(event.actor, 7.5),
                    self.t(_event_detail(event), 7.5),
                ]
            )
        if not self.events:
            rows.append([self.t("—"), self.t("no custody events"), self.t(""), self.t("")])
        return self.grid(rows, widths)

    # --- pages -------------------------------------------------------------------------------
    def page_section(self, page: Page, image: PageImage | None) -> list[Flowable]:
        total = self.record.document.page_count or len(self.record.pages)
        conf = f", confidence {page.confidence:.0f}" if page.confidence is not None else ""
        rot = f", turned {page.rotation}°" if page.rotation else ""
        heading = f"Page {page.number} of {total}"
        meta = (
            f"Language {page.language or 'not identified'} ({page.script or 'script unknown'}); "
            f"text from {page.source.value.replace('_', ' ')}{conf}{rot}."
        )
        gap = 10
        col = (BODY_W - gap) / 2
        max_h = BODY_H - 50
        picture: Flowable = self._image(image, col, max_h) if image else self.p("page image unavailable", "note")
        text, rest = self._fit_text(page.text or "(no text found on this page)", col - 8, max_h)
        side = Table([[picture, text]], colWidths=[col + gap / 2, col + gap / 2])
        side.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), SANS, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBEFORE", (1, 0), (1, 0), 0.4, GRID),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story: list[Flowable] = [
            PageBreak(),
            self.p(escape(heading), "h2"),
            self.p(escape(meta), "note"),
            Spacer(1, 2 * mm),
            side,
        ]
        if rest is not None:
            story += [self.p("Extracted text, continued", "h3"), rest]
        story += self.translation_section(page)
        return story

    def _image(self, page: PageImage, width: float, max_h: float) -> Flowable:
        image = page.image
        scale = min(1.0, IMAGE_DPI / page.dpi)
        if scale < 1.0:
            image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
        buffer = io.BytesIO()
        image.convert("RGB" if image.mode not in ("L", "RGB") else image.mode).save(buffer, "JPEG", quality=80)
        buffer.seek(0)
        ratio = image.height / image.width
        w = min(width, max_h / ratio)
        return Image(buffer, width=w, height=w * ratio)

    def _fit_text(self, text: str, width: float, max_h: float) -> tuple[ScriptText, ScriptText | None]:
        """Shrink the page text to sit beside its image; past 6 pt the rest continues below."""
        for size in (8.5, 7.5, 6.5, 6.0):
            block = ScriptText(text, self.fonts, size=size)
            if block.wrap(width, max_h)[1] <= max_h:
                return block, None
        parts = block.split(width, max_h)
        return (parts[0], parts[1]) if len(parts) == 2 else (block, None)  # type: ignore[return-value]

    def translation_section(self, page: Page) -> list[Flowable]:
        story: list[Flowable] = [self.p("English translation, sentence by sentence", "h3")]
        if self.record.translations is None:
            return [*story, self.p("Not translated: the translation stage has not run on this document.", "note")]
        rows_found = False
        for translation in self.record.translations:
            sentences = [s for s in translation.sentences if s.page == page.number]
            if not sentences:
                continue
            rows_found = True
            story.append(
                self.p(
                    escape(
                        f"Machine translation {translation.source_language} to {translation.target_language} by "
                        f"{translation.engine} ({translation.model_id} {translation.model_version}). "
                        "Sentences a quality check flagged are shaded and marked UNRELIABLE."
                    ),
                    "note",
                )
            )
            story.append(Spacer(1, 1.5 * mm))
            story.append(self._sentence_table(sentences))
        if not rows_found:
            story.append(self.p("No translated sentences for this page.", "note"))
        return story

    def _sentence_table(self, sentences: list[SentenceAlignment]) -> Flowable:
        widths = [9 * mm, (BODY_W - 9 * mm) / 2, (BODY_W - 9 * mm) / 2]
        rows: list[list[Flowable | str]] = [
            [self.p("#", "label"), self.p("Original", "label"), self.p("English (machine translation)", "label")]
        ]
        shaded: list[int] = []
        for index, sentence in enumerate(sentences, start=1):
            english: list[Flowable] = []
            if sentence.unreliable:
                shaded.append(index)
                why = ", ".join(sentence.flags) or "flagged by a quality check"
                english.append(self.p(escape(f"UNRELIABLE — {why}"), "alarm"))
            english.append(self.t(sentence.target_text))
            rows.append([self.p(str(index), "small"), self.t(sentence.source_text), english])
        table = self.grid(rows, widths)
        table.setStyle(TableStyle([("BACKGROUND", (0, row), (-1, row), WARN) for row in shaded]))
        return table

    # --- entities ----------------------------------------------------------------------------
    def entity_section(self) -> list[Flowable]:
        story: list[Flowable] = [PageBreak(), self.p("Entities found", "h2")]
        entities = self.record.entities
        if entities is None:
            return [*story, self.p(escape(NOT_EXTRACTED[0].upper() + NOT_EXTRACTED[1:]) + ".", "note")]
        if not entities:
            return [*story, self.p("The extraction stage ran and found no entities.", "note")]
        widths = [24 * mm, 46 * mm, 34 * mm, 12 * mm, 12 * mm, BODY_W - 128 * mm]
        rows: list[list[Flowable | str]] = [
            [self.p(h, "label") for h in ("Type", "As written", "Normalised", "Page", "Conf.", "Details")]
        ]
        for e in sorted(entities, key=lambda e: (e.page, e.start)):
            details = "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(e.attributes.items()))
            rows.append(
                [
                    self.t(e.type, 7.5),
                    self.t(e.text, 8),
                    self.t(e.normalized or "—", 7.5),
                    self.t(str(e.page), 7.5),
                    self.t(f"{e.confidence:.2f}", 7.5),
                    self.t(f"{e.origin.value}; {details}" if details else e.origin.value, 7),
                ]
            )
        return [*story, self.grid(rows, widths)]

    # --- frame -------------------------------------------------------------------------------
    def decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#4a5563"))
        canvas.setFont(SANS_BOLD, 8)
        canvas.drawString(MARGIN_X, PAGE_H - 11 * mm, self.label())
        canvas.setFont(SANS, 7.5)
        right = f"Case {self.case}  ·  " if self.case else ""
        canvas.drawRightString(
            PAGE_W - MARGIN_X, PAGE_H - 11 * mm, f"{right}SHA-256 {self.record.document.sha256[:16]}…"
        )
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, MARGIN_BOTTOM - 5 * mm, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 5 * mm)
        note = Paragraph(escape(FOOTER), self.styles["small"])
        _, h = note.wrap(BODY_W - 22 * mm, 20 * mm)
        note.drawOn(canvas, MARGIN_X, MARGIN_BOTTOM - 7 * mm - h)
        canvas.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM - 7 * mm - 8, f"page {doc.page}")
        canvas.restoreState()


def render_exhibit(
    record: EvidenceRecord, events: list[CustodyEvent], original: Path, exhibit: str | None = None
) -> bytes:
    """The exhibit PDF for ``record``; ``original`` must already be hash-checked."""
    builder = _Builder(record, events, exhibit)
    images = {i.number: i for i in page_images(original, record.document.media_type, record.pages, IMAGE_DPI)}
    story = builder.cover()
    for page in record.pages:
        story += builder.page_section(page, images.get(page.number))
    story += builder.entity_section()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{builder.label()} — {record.document.sha256}",
        author="evidence-pipeline",
        subject="Evidence exhibit with machine translation (uncertified)",
        creator=f"evidence-pipeline {PIPELINE_VERSION}",
        initialFontName=SANS,
        invariant=True,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, BODY_W, BODY_H, id="body", leftPadding=0, rightPadding=0)
    doc.addPageTemplates([PageTemplate(id="exhibit", frames=[frame], onPage=builder.decorate)])
    doc.build(story)
    return buffer.getvalue()


def build_exhibit(store: EvidenceStore, sha256: str, exhibit: str | None = None) -> bytes:
    """The exhibit PDF of a stored document, from its record, custody log and verified original."""
    record = require_record(store, sha256)
    events = store.custody.events(sha256)
    with spool_directory() as spool:
        original = fetch_original(store, sha256, spool)
        return render_exhibit(record, events, original, exhibit)


def store_exhibit(store: EvidenceStore, sha256: str, exhibit: str | None = None) -> tuple[StoredArtefact, bytes]:
    """Build and keep ``evidence/<sha256>/exhibit.pdf`` (custody-logged); returns it and its bytes."""
    data = build_exhibit(store, sha256, exhibit)
    stored = put_artefact(store, sha256, EXHIBIT_PDF, data, stage="exhibit", parameters={"exhibit": exhibit})
    return stored, data


def _when(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _event_detail(event: CustodyEvent) -> str:
    parts: list[str] = []
    if event.source_key:
        parts.append(f"as file “{event.source_key}”")
    if event.stage:
        parts.append(f"stage {event.stage} {event.stage_version or ''}".strip())
    if event.size is not None and event.action == CustodyAction.HASHED:
        parts.append(f"{event.size:,} bytes")
    if event.artefact_sha256:
        parts.append(f"artefact SHA-256 {event.artefact_sha256[:16]}…")
    if event.detail:
        parts.append(event.detail)
    return "; ".join(parts) or "—"


def _all_text(record: EvidenceRecord, events: Iterable[CustodyEvent]) -> list[str]:
    """Every string the exhibit may draw, so the font subset covers it."""
    texts = [record.document.source_key, *(p.text for p in record.pages)]
    for translation in record.translations or []:
        texts += [s for sentence in translation.sentences for s in (sentence.source_text, sentence.target_text)]
    for entity in record.entities or []:
        texts += [entity.text, entity.normalized or "", *entity.attributes.values()]
    facts = key_facts(record)
    if facts is not None:
        texts.append(facts.model_dump_json())
    texts += [f"{e.actor} {e.source_key or ''} {e.detail or ''}" for e in events]
    return texts
