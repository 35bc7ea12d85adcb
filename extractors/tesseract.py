"""The one wrapper around the Tesseract binary: orientation/script detection and OCR.

Tesseract's own OpenMP threading is switched off (OMP_THREAD_LIMIT=1) because the pipeline runs
one page per core instead, which is faster on multi-page documents.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache

import pytesseract
from evidence.extractors.errors import InputRejected, Reason
from PIL import Image

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

OSD_MAX_SIDE = 1000
"""OSD on a full 300 dpi page costs ~3 s; on a copy this size it stays well under 0.5 s."""


@dataclass(frozen=True)
class Orientation:
    rotate: int  # degrees clockwise that make the page upright
    rotate_confidence: float
    script: str | None
    script_confidence: float


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float | None
    languages: str


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    return str(pytesseract.get_tesseract_version())


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    return frozenset(pytesseract.get_languages(config=""))


def detect_orientation(image: Image.Image) -> Orientation | None:
    """Rotation and script from OSD on a downscaled copy; None when OSD finds too little text."""
    small = image.convert("L")
    scale = OSD_MAX_SIDE / max(small.size)
    if scale < 1:
        small = small.resize((max(1, int(small.width * scale)), max(1, int(small.height * scale))))
    try:
        raw = pytesseract.image_to_osd(small, config="--psm 0 -c min_characters_to_try=20", timeout=30)
    except (pytesseract.TesseractError, RuntimeError):
        return None
    fields = dict(re.findall(r"^([^:\n]+):\s*(.+)$", raw, flags=re.MULTILINE))
    try:
        return Orientation(
            rotate=int(fields["Rotate"]) % 360,
            rotate_confidence=float(fields["Orientation confidence"]),
            script=fields.get("Script"),
            script_confidence=float(fields.get("Script confidence", 0.0)),
        )
    except (KeyError, ValueError):
        return None


def ocr(image: Image.Image, languages: str, timeout_s: int) -> OcrResult:
    """OCR one page; text is rebuilt line by line from Tesseract's TSV so confidence comes free."""
    try:
        data = pytesseract.image_to_data(
            image, lang=languages, config="--psm 3", output_type=pytesseract.Output.DICT, timeout=timeout_s
        )
    except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
        raise InputRejected(Reason.OCR_TIMEOUT, f"OCR of a page took longer than {timeout_s} s") from exc
    except subprocess.SubprocessError as exc:
        raise InputRejected(Reason.CORRUPT, f"tesseract failed on a page: {type(exc).__name__}") from exc
    return OcrResult(text=_text_from_tsv(data), confidence=_mean_confidence(data), languages=languages)


def _text_from_tsv(data: dict[str, list]) -> str:
    lines: list[str] = []
    current: tuple[int, int, int] | None = None
    words: list[str] = []
    previous_block: int | None = None
    for block, par, line, word in zip(data["block_num"], data["par_num"], data["line_num"], data["text"], strict=True):
        if not str(word).strip():
            continue
        key = (block, par, line)
        if key != current:
            if words:
                lines.append(" ".join(words))
            if previous_block is not None and block != previous_block:
                lines.append("")
            words, current, previous_block = [], key, block
        words.append(str(word))
    if words:
        lines.append(" ".join(words))
    return "\n".join(lines)


def _mean_confidence(data: dict[str, list]) -> float | None:
    values = [float(c) for c, w in zip(data["conf"], data["text"], strict=True) if str(w).strip() and float(c) >= 0]
    return round(sum(values) / len(values), 2) if values else None
