"""Searchable PDF: each scanned page as its image with Tesseract's invisible text layer over it.

Tesseract's own PDF renderer places every recognised word at its box in an embedded glyphless
font, which viewers search and copy from; it is a convenience copy. The record stays the
canonical text (right-to-left text layers in particular read differently from viewer to viewer).
Born-digital PDFs already searchable are kept byte for byte.
"""

from __future__ import annotations

import os
import subprocess
from contextlib import ExitStack
from pathlib import Path

import pikepdf
from evidence.exports.artefacts import SEARCHABLE_PDF, StoredArtefact, fetch_original, put_artefact, require_record
from evidence.exports.page_images import PageImage, page_images
from evidence.extractors.language import TESSERACT_PACKS
from evidence.extractors.sniff import PDF
from evidence.extractors.tesseract import installed_languages, tesseract_version
from evidence.models.record import EvidenceRecord, Page, PageSource
from evidence.storage.store import EvidenceStore, spool_directory

JPEG_QUALITY = 90
DEFAULT_LANGUAGES = "eng"


class SearchablePdfError(RuntimeError):
    """Tesseract could not produce a page; the message names the page, never its text."""


def ocr_languages(page: Page) -> str:
    """The packs the read stage used for this page, else its language's pack, else English."""
    installed = installed_languages()
    wanted = page.ocr_languages or TESSERACT_PACKS.get(page.language or "", DEFAULT_LANGUAGES)
    packs = [pack for pack in wanted.split("+") if pack in installed]
    return "+".join(packs) or DEFAULT_LANGUAGES


def tesseract_pdf(page: PageImage, languages: str, workdir: Path, timeout_s: int = 180) -> Path:
    """One page through ``tesseract IMAGE OUT -l LANGS --dpi N pdf hocr``; returns OUT.pdf.

    The same pass writes OUT.hocr, the page's layout (word boxes and confidences), kept as evidence.
    """
    image_path = workdir / f"page-{page.number:04d}.jpg"
    image = page.image.convert("L") if page.image.mode not in ("L", "RGB") else page.image
    image.save(image_path, "JPEG", quality=JPEG_QUALITY, dpi=(page.dpi, page.dpi))
    out_base = workdir / f"page-{page.number:04d}"
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    dpi = str(round(page.dpi))
    command = ["tesseract", str(image_path), str(out_base), "-l", languages, "--dpi", dpi, "pdf", "hocr"]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=timeout_s, env=env)
    except subprocess.TimeoutExpired as exc:
        raise SearchablePdfError(f"tesseract took over {timeout_s} s on page {page.number}") from exc
    except subprocess.CalledProcessError as exc:
        raise SearchablePdfError(f"tesseract failed on page {page.number} (exit {exc.returncode})") from exc
    image_path.unlink(missing_ok=True)
    return out_base.with_suffix(".pdf")


def is_born_digital(record: EvidenceRecord) -> bool:
    return record.document.media_type == PDF and all(p.source == PageSource.TEXT_LAYER for p in record.pages)


def make_searchable_pdf(
    original: Path, record: EvidenceRecord, out: Path, dpi: int = 300, layout: dict[int, bytes] | None = None
) -> Path:
    """Write the searchable PDF of ``original`` (already hash-checked) to ``out``.

    When ``layout`` is given it receives each OCR'd page's hOCR, by page number.
    """
    if is_born_digital(record):
        out.write_bytes(original.read_bytes())
        return out
    by_number = {page.number: page for page in record.pages}
    workdir = out.parent / f".{out.name}.pages"
    workdir.mkdir(exist_ok=True)
    try:
        # QPDF copies page streams lazily: every source stays open until the merged file is saved.
        with ExitStack() as open_files:
            merged = open_files.enter_context(pikepdf.Pdf.new())
            source = open_files.enter_context(pikepdf.open(original)) if record.document.media_type == PDF else None
            for image in page_images(original, record.document.media_type, record.pages, dpi):
                page = by_number.get(image.number)
                if source is not None and page is not None and page.source == PageSource.TEXT_LAYER:
                    merged.pages.append(source.pages[image.number - 1])
                    continue
                languages = ocr_languages(page) if page else DEFAULT_LANGUAGES
                page_pdf = tesseract_pdf(image, languages, workdir)
                if layout is not None and page_pdf.with_suffix(".hocr").exists():
                    layout[image.number] = page_pdf.with_suffix(".hocr").read_bytes()
                single = open_files.enter_context(pikepdf.open(page_pdf))
                merged.pages.extend(single.pages)
            merged.docinfo["/Producer"] = "evidence-pipeline searchable PDF (Tesseract text layer)"
            merged.save(out)
    finally:
        for leftover in workdir.glob("*"):
            leftover.unlink()
        workdir.rmdir()
    return out


def store_searchable_pdf(store: EvidenceStore, sha256: str, dpi: int = 300) -> StoredArtefact:
    """Build ``evidence/<sha256>/searchable.pdf`` (and ``layout/NNNN.hocr`` per OCR'd page) from
    the verified original; every object written is logged in custody."""
    record = require_record(store, sha256)
    layout: dict[int, bytes] = {}
    with spool_directory() as spool:
        original = fetch_original(store, sha256, spool)
        out = make_searchable_pdf(original, record, spool / SEARCHABLE_PDF, dpi, layout)
        data = out.read_bytes()
    for number, hocr in sorted(layout.items()):
        put_artefact(
            store,
            sha256,
            f"layout/{number:04d}.hocr",
            hocr,
            stage="layout",
            parameters={"dpi": dpi, "tesseract": tesseract_version()},
            content_type="text/vnd.hocr+html",
        )
    return put_artefact(
        store,
        sha256,
        SEARCHABLE_PDF,
        data,
        stage="searchable_pdf",
        parameters={"dpi": dpi, "kept_original": is_born_digital(record), "tesseract": tesseract_version()},
    )
