"""Upright page images of an original, the way the read stage saw them.

PDF pages are rendered with pdfium; image files are opened frame by frame with their EXIF
orientation applied. Each page is then turned by the rotation the read stage recorded, so the
image a lawyer sees lines up with the text beside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pillow_heif
import pypdfium2 as pdfium
from evidence.extractors.pdfium_lock import PDFIUM_LOCK
from evidence.extractors.sniff import IMAGE_TYPES, PDF
from evidence.models.record import Page
from PIL import Image, ImageOps, ImageSequence

pillow_heif.register_heif_opener()

A4_INCHES = (8.27, 11.69)
MIN_DPI, MAX_DPI = 70, 1200


@dataclass(frozen=True)
class PageImage:
    number: int
    image: Image.Image
    dpi: float  # pixels per inch of ``image`` on the printed page


def page_images(path: Path, media_type: str, pages: list[Page], dpi: int = 300) -> Iterator[PageImage]:
    """Yield one upright image per recorded page; ``dpi`` is the render resolution for PDFs."""
    rotation = {page.number: page.rotation for page in pages}
    if media_type == PDF:
        for index in range(_pdf_page_count(path)):
            with PDFIUM_LOCK:  # pdfium is not thread-safe: open, render and close under the lock
                document = pdfium.PdfDocument(str(path))
                try:
                    page = document[index]
                    image = page.render(scale=dpi / 72).to_pil()
                    page.close()
                finally:
                    document.close()
            yield PageImage(index + 1, _upright(image, rotation.get(index + 1, 0)), float(dpi))
        return
    if media_type not in IMAGE_TYPES:
        raise ValueError(f"no page images for media type {media_type}")
    with Image.open(path) as image:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            upright = ImageOps.exif_transpose(frame) or frame
            upright = upright.convert("RGB") if upright.mode not in ("L", "RGB") else upright.copy()
            upright = _upright(upright, rotation.get(number, 0))
            yield PageImage(number, upright, _image_dpi(upright, frame.info.get("dpi")))


def _pdf_page_count(path: Path) -> int:
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()


def _upright(image: Image.Image, rotation: int) -> Image.Image:
    """``rotation`` is clockwise, as the read stage records it (PIL rotates counter-clockwise)."""
    return image.rotate(-rotation, expand=True) if rotation % 360 else image


def _image_dpi(image: Image.Image, declared: object) -> float:
    """The image's own resolution when plausible, else whatever makes it fill an A4 page."""
    if isinstance(declared, tuple) and declared and MIN_DPI <= float(declared[0]) <= MAX_DPI:
        return float(declared[0])
    fit = max(image.width / A4_INCHES[0], image.height / A4_INCHES[1])
    return float(min(max(fit, MIN_DPI), MAX_DPI))
