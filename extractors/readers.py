"""One reader class per input type (as in Aleph's ingest-file): PDF and raster images.

Each turns an original on disk into pages; text-layer pages are read directly, the others are
rendered and OCR'd one page per core.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pdfplumber
import pikepdf
import pillow_heif
import pypdfium2 as pdfium
from evidence.extractors.errors import InputRejected, Reason
from evidence.extractors.language import SCRIPT_OF_LANGUAGE, detect_language, script_of_text
from evidence.extractors.page_ocr import OcrOptions, check_pixels, read_page_image
from evidence.extractors.pdf_text import judge_text_layer
from evidence.extractors.pdfium_lock import PDFIUM_LOCK
from evidence.extractors.sniff import IMAGE_TYPES, PDF
from evidence.extractors.text_layer import read_text_layer
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


_POOLS: dict[int, ThreadPoolExecutor] = {}
_POOLS_LOCK = threading.Lock()


def _ocr_pool(workers: int) -> ThreadPoolExecutor:
    """The process's page threads, kept for its life: each thread keeps its loaded Tesseract engines
    (extractors.tesseract), so a worker's next document does not load them again (loading them for
    every page cost 8 s of CPU over the OCR bench's 20 pages, a fifth of the reading)."""
    with _POOLS_LOCK:
        pool = _POOLS.get(workers)
        if pool is None:
            pool = _POOLS[workers] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"ocr{workers}")
        return pool


def run_pages(jobs: Iterator[PageJob], workers: int) -> list[Page]:
    """Run page jobs on ``workers`` threads, keeping only a few rendered pages in memory at once.

    When a page fails (bad input quarantines the whole document), pages not yet started are cancelled.
    The next page is queued as soon as any page is done, not the oldest: a long page must not leave
    the other worker idle behind it.
    """
    pool = _ocr_pool(workers)
    pages: list[Page] = []
    pending: list[Future[Page]] = []
    try:
        for job in jobs:
            pending.append(pool.submit(job))
            if len(pending) >= workers * 2:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    pending.remove(future)
                    pages.append(future.result())
        pages.extend(future.result() for future in pending)
    except BaseException:
        for future in pending:
            future.cancel()
        raise
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
        with PDFIUM_LOCK:  # pdfium is not thread-safe; held until the document is closed
            try:
                document = pdfium.PdfDocument(str(self.path), password=self.password or None)
            except pdfium.PdfiumError as exc:
                raise InputRejected(Reason.CORRUPT, f"the PDF cannot be opened ({_first_line(exc)})") from exc
            try:
                return self._read(document)
            finally:
                document.close()

    def _read(self, document: pdfium.PdfDocument) -> ReadResult:
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
        return ReadResult(pages=pages, page_count=count)

    def _jobs(self, document: pdfium.PdfDocument, plumber: pdfplumber.PDF, pike: pikepdf.Pdf) -> Iterator[PageJob]:
        for index in range(len(document)):
            number = index + 1
            layer = read_text_layer(plumber, document, index)
            verdict = judge_text_layer(layer.text, layer.image_cover, layer.shapes)
            if verdict.use:
                page = text_layer_page(number, layer.text, verdict.reason, layer.rotation)
                yield lambda page=page: page
                continue
            self._check_embedded_images(pike.pages[index], number)
            image = self._render(document[index], number)
            yield partial(
                read_page_image,
                image,
                number,
                self.ocr,
                verdict.reason,
                script_hint=script_of_text(layer.text),
                dpi=self.limits.dpi,
            )

    def _check_embedded_images(self, page: pikepdf.Page, number: int) -> None:
        width_in = float(page.mediabox[2] - page.mediabox[0]) / 72 or 1.0
        for image in page.get_images().values():
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


def text_layer_page(number: int, text: str, reason: str, rotation: int = 0) -> Page:
    detected = detect_language(text)
    language = detected.code if detected else None
    return Page(
        number=number,
        source=PageSource.TEXT_LAYER,
        source_reason=reason,
        rotation=rotation,
        language=language,
        script=SCRIPT_OF_LANGUAGE.get(language or "") or script_of_text(text),
        text=text,
    )


class ImageReader:
    """PNG, JPEG (EXIF orientation applied), TIFF incl. multi-page and CCITT fax, GIF, WebP, HEIC/HEIF."""

    def __init__(self, path: Path, limits: ReadLimits, ocr: OcrOptions) -> None:
        self.path = path
        self.limits = limits
        self.ocr = ocr

    def read(self) -> ReadResult:
        # Each frame's size is checked against our own limit before it is decoded (``_load``);
        # Pillow's process-wide MAX_IMAGE_PIXELS is left alone, as other threads share it.
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
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
            partial(read_page_image, frame, number, self.ocr, "raster image", dpi=dpi)
            for number, (frame, dpi) in enumerate(loaded, start=1)
        )
        return ReadResult(pages=run_pages(jobs, self.limits.workers), page_count=len(loaded))

    def _load(self, frame: Image.Image) -> tuple[Image.Image, int | None]:
        check_pixels(frame.width, frame.height, self.limits.max_page_pixels)
        dpi = _dpi(frame)
        upright = ImageOps.exif_transpose(frame) or frame
        return to_gray(upright), dpi


def to_gray(image: Image.Image) -> Image.Image:
    """8-bit grayscale on white: transparency flattened onto paper, 16-bit samples scaled, not clipped."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        pixels = np.asarray(image, dtype=np.float64)
        top = pixels.max() or 1.0
        return Image.fromarray((pixels / top * 255.0).astype(np.uint8), "L")
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, image.convert("RGBA"))
    return image.convert("L")


def _dpi(frame: Image.Image) -> int | None:
    """Resolution the file declares, when plausible for a scan (screenshots say 72 or 96: ignored)."""
    dpi = frame.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        return None
    return value if 150 <= value <= 1200 else None


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
