"""Reads one page image: orientation, script, language, then OCR with the language's own pack."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from evidence.extractors import tesseract
from evidence.extractors.errors import InputRejected, Reason
from evidence.extractors.language import (
    SCRIPT_FIRST_PASS,
    SCRIPT_OF_LANGUAGE,
    TESSERACT_PACKS,
    detect_language,
    language_of_packs,
    packs_for_hints,
)
from evidence.models.record import Page, PageSource
from PIL import Image

ROTATION_MIN_CONFIDENCE = 2.0
"""OSD confidences on real scans run from ~2 (sparse pages) to 30+; below 2 it is guessing."""

DETECTION_PASS_MAX_WIDTH = 1400
"""The language-identification pass runs on a copy this wide: enough to tell languages apart, cheap."""


@dataclass(frozen=True)
class OcrOptions:
    default_languages: str
    max_page_pixels: int
    timeout_s: int
    language_hints: list[str] = field(default_factory=list)


def check_pixels(width: int, height: int, limit: int) -> None:
    if width * height > limit:
        raise InputRejected(
            Reason.PAGE_TOO_LARGE,
            f"page image is {width}x{height} = {width * height:,} pixels, over the limit of {limit:,}",
        )


def read_page_image(image: Image.Image, number: int, options: OcrOptions, source_reason: str) -> Page:
    """OCR one page; the returned Page says which rotation, script and language packs were used."""
    check_pixels(image.width, image.height, options.max_page_pixels)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    image = image.convert("L") if image.mode not in ("L", "RGB") else image

    orientation = tesseract.detect_orientation(image)
    timings["osd"] = round(time.perf_counter() - started, 3)
    rotation = 0
    if orientation and orientation.rotate and orientation.rotate_confidence >= ROTATION_MIN_CONFIDENCE:
        rotation = orientation.rotate
        image = image.rotate(-rotation, expand=True)
    script = orientation.script if orientation else None

    installed = tesseract.installed_languages()
    packs = packs_for_hints(options.language_hints, installed)
    detected_confidence = None
    result = None
    if packs is None:
        first_pass = SCRIPT_FIRST_PASS.get(script or "", options.default_languages)
        packs = first_pass
        step = time.perf_counter()
        probe_image = _downscaled(image)
        probe = tesseract.ocr(probe_image, first_pass, options.timeout_s)
        detected = detect_language(probe.text)
        timings["language_pass"] = round(time.perf_counter() - step, 3)
        if detected is not None and TESSERACT_PACKS.get(detected.code) in installed:
            packs = TESSERACT_PACKS[detected.code]
            detected_confidence = detected.confidence
        if packs == first_pass and probe_image is image:
            result = probe  # the probe already read the page at full size with the right pack

    if result is None:
        step = time.perf_counter()
        result = tesseract.ocr(image, packs, options.timeout_s)
        timings["ocr"] = round(time.perf_counter() - step, 3)
    language = _final_language(result.text, packs)
    timings["total"] = round(time.perf_counter() - started, 3)
    return Page(
        number=number,
        source=PageSource.OCR,
        source_reason=source_reason,
        rotation=rotation,
        language=language,
        script=script or SCRIPT_OF_LANGUAGE.get(language or ""),
        confidence=result.confidence,
        ocr_languages=packs,
        width=image.width,
        height=image.height,
        text=result.text,
        timings=timings | ({"language_confidence": detected_confidence} if detected_confidence else {}),
    )


def _downscaled(image: Image.Image) -> Image.Image:
    if image.width <= DETECTION_PASS_MAX_WIDTH:
        return image
    scale = DETECTION_PASS_MAX_WIDTH / image.width
    return image.resize((DETECTION_PASS_MAX_WIDTH, max(1, int(image.height * scale))), Image.Resampling.LANCZOS)


def _final_language(text: str, packs: str) -> str | None:
    """Language of the final text; falls back to the pack's language when the text is too short."""
    detected = detect_language(text)
    return detected.code if detected else language_of_packs(packs)
