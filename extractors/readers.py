"""One reader class per input type (as in Aleph's ingest-file): PDF and raster images.

Each turns an original on disk into pages; text-layer pages are read directly, the others are
rendered and OCR'd one page per core.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
import pillow_heif
import pypdfium2 as pdfium
from evidence.extractors.errors import InputRejected, Reason
from evidence.extractors.language import SCRIPT_OF_LANGUAGE, detect_language
from evidence.extractors.page_ocr import OcrOptions, check_pixels, read_page_image
from evidence.extractors.pdf_text import judge_text_layer
from evidence.extractors.sniff import IMAGE_TYPES, PDF
from evidence.models.record import Page, PageSource
from PIL import Image, ImageOps, ImageSequence

pillow_heif.register_heif_opener()


@dataclass(frozen=True)
class ReadLimits:
    max_pages: int
    max_page_pixels: int
    max_image_dpi: int
    dpi: int
    workers: int


@dataclass(frozen=True)
class ReadResult:
    pages: list[Page]
    page_count: int


PageJob = Callable[[], Page]


def run_pages(jobs: Iterator[PageJob], workers: int) -> list[Page]:
    """Run page jobs on ``workers`` threads, keeping only a few rendered pages in memory at once."""
    pages: list[Page] = []
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        pending: list[Future[Page]] = []
        for job in jobs:
            pending.append(pool.submit(job))
            if len(pending) >= workers * 2:
                pages.append(pending.pop(0).result())
        pages.extend(future.result() for future in pending)
    return sorted(pages, key=lambda page: page.number)


class PdfReader:
    """Born-digital, scanned and mixed PDFs."""

    def __init__(self, path: Path, limits: ReadLimits, ocr: OcrOptions, password: str | None = None) -> None:
        self.path = path
        self.limits = limits
        self.ocr = ocr
        self.password = self._unlock(password)

    def _unlock(self, password: str | None) -> str:
        """Try the empty password, then the supplied one; quarantine as encrypted otherwise."""
        for candidate in ("", password):
            if candidate is None:
                continue
            try:
                with pikepdf.open(self.path, password=candidate):
                    return candidate
            except pikepdf.PasswordError:
                continue
            except (pikepdf.PdfError, OSError, ValueError) as exc:
                detail = _first_line(exc).replace(str(self.path), "").lstrip(": ")
                raise InputRejected(Reason.CORRUPT, f"the PDF is damaged or truncated ({detail})") from exc
        if password:
            raise InputRejected(Reason.WRONG_PASSWORD, "the PDF is encrypted and the supplied password is wrong")
        raise InputRejected(Reason.ENCRYPTED, "the PDF is encrypted; supply its password to read it")

    def read(self) -> ReadResult:
        try:
            document = pdfium.PdfDocument(str(self.path), password=self.password or None)
        except pdfium.PdfiumError as exc:
            raise InputRejected(Reason.CORRUPT, f"the PDF cannot be opened ({_first_line(exc)})") from exc
        count = len(document)
        if count == 0:
            raise InputRejected(Reason.NO_PAGES, "the PDF has no pages")
        if count > self.limits.max_pages:
            raise InputRejected(Reason.TOO_MANY_PAGES, f"{count} pages, over the limit of {self.limits.max_pages}")
        try:
            plumber = pdfplumber.open(self.path, password=self.password)
        except Exception as exc:  # pdfminer raises many unrelated types on broken files
            raise InputRejected(Reason.CORRUPT, f"the PDF structure is broken ({_first_line(exc)})") from exc
        with plumber, pikepdf.open(self.path, password=self.password) as pike:
            pages = run_pages(self._jobs(document, plumber, pike), self.limits.workers)
        document.close()
        return ReadResult(pages=pages, page_count=count)

    def _jobs(self, document: pdfium.PdfDocument, plumber: pdfplumber.PDF, pike: pikepdf.Pdf) -> Iterator[PageJob]:
        for index in range(len(document)):
            number = index + 1
            text, cover = self._text_layer(plumber, index)
            verdict = judge_text_layer(text, cover)
            if verdict.use:
                page = text_layer_page(number, text, verdict.reason)
                yield lambda page=page: page
                continue
            self._check_embedded_images(pike.pages[index], number)
            image = self._render(document[index], number)
            reason = verdict.reason
            yield lambda image=image, number=number, reason=reason: read_page_image(image, number, self.ocr, reason)

    def _text_layer(self, plumber: pdfplumber.PDF, index: int) -> tuple[str, float]:
        try:
            page = plumber.pages[index]
            text = page.extract_text() or ""
            area = float(page.width * page.height) or 1.0
            cover = sum(abs((img["x1"] - img["x0"]) * (img["bottom"] - img["top"])) for img in page.images) / area
        except Exception:  # a page pdfminer cannot parse is simply OCR'd
            return "", 1.0
        return text, min(cover, 1.0)

    def _check_embedded_images(self, page: pikepdf.Page, number: int) -> None:
        width_in = float(page.mediabox[2] - page.mediabox[0]) / 72 or 1.0
        for image in page.images.values():
            width, height = int(image.get("/Width", 0)), int(image.get("/Height", 0))
            check_pixels(width, height, self.limits.max_page_pixels)
            dpi = width / width_in
            if dpi > self.limits.max_image_dpi:
                raise InputRejected(
                    Reason.RESOLUTION_TOO_HIGH,
                    f"page {number} embeds an image at ~{dpi:.0f} dpi, over the limit of {self.limits.max_image_dpi}",
                )

    def _render(self, page: pdfium.PdfPage, number: int) -> Image.Image:
        width_pt, height_pt = page.get_size()
        scale = self.limits.dpi / 72
        check_pixels(int(width_pt * scale), int(height_pt * scale), self.limits.max_page_pixels)
        try:
            return page.render(scale=scale, grayscale=True).to_pil()
        except pdfium.PdfiumError as exc:
            raise InputRejected(Reason.CORRUPT, f"page {number} cannot be rendered ({_first_line(exc)})") from exc


def text_layer_page(number: int, text: str, reason: str) -> Page:
    detected = detect_language(text)
    language = detected.code if detected else None
    return Page(
        number=number,
        source=PageSource.TEXT_LAYER,
        source_reason=reason,
        language=language,
        script=SCRIPT_OF_LANGUAGE.get(language or ""),
        text=text,
    )


class ImageReader:
    """PNG, JPEG (EXIF orientation applied), TIFF incl. multi-page and CCITT fax, GIF, WebP, HEIC/HEIF."""

    def __init__(self, path: Path, limits: ReadLimits, ocr: OcrOptions) -> None:
        self.path = path
        self.limits = limits
        self.ocr = ocr

    def read(self) -> ReadResult:
        Image.MAX_IMAGE_PIXELS = self.limits.max_page_pixels
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(self.path) as image:
                    frames = getattr(image, "n_frames", 1)
                    if frames > self.limits.max_pages:
                        raise InputRejected(
                            Reason.TOO_MANY_PAGES,
                            f"{frames} pages, over the limit of {self.limits.max_pages}",
                        )
                    loaded = [self._load(frame) for frame in ImageSequence.Iterator(image)]
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise InputRejected(Reason.PAGE_TOO_LARGE, f"image over the pixel limit ({_first_line(exc)})") from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise InputRejected(Reason.CORRUPT, f"the image is damaged or truncated ({_first_line(exc)})") from exc
        jobs = (
            (lambda frame=frame, number=number: read_page_image(frame, number, self.ocr, "raster image"))
            for number, frame in enumerate(loaded, start=1)
        )
        return ReadResult(pages=run_pages(jobs, self.limits.workers), page_count=len(loaded))

    def _load(self, frame: Image.Image) -> Image.Image:
        check_pixels(frame.width, frame.height, self.limits.max_page_pixels)
        upright = ImageOps.exif_transpose(frame) or frame
        return upright.convert("RGB") if upright.mode not in ("L", "RGB", "1") else upright.copy()


def read_document(
    path: Path, media_type: str, limits: ReadLimits, ocr: OcrOptions, password: str | None = None
) -> ReadResult:
    if media_type == PDF:
        return PdfReader(path, limits, ocr, password).read()
    if media_type in IMAGE_TYPES:
        return ImageReader(path, limits, ocr).read()
    raise InputRejected(Reason.UNSUPPORTED_TYPE, f"no reader for {media_type}", detected_type=media_type)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:160]
