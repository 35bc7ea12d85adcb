"""The one wrapper around the Tesseract binary: orientation/script detection and OCR.

Images go to the binary as uncompressed PGM on stdin: encoding a 300 dpi page as PNG (what
pytesseract does) costs ~0.4 s, about as much as OCR'ing it with a fast model. Tesseract's own
OpenMP threading is switched off (OMP_THREAD_LIMIT=1): the pipeline runs one page per core
instead, and on a shared 2-core machine OpenMP's spinning made a page 4x slower, not faster.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from evidence.extractors.errors import InputRejected, Reason
from PIL import Image

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

_ENV = dict(os.environ, OMP_THREAD_LIMIT="1")
_FIELD = re.compile(r"^([^:\n]+):\s*(.+)$", flags=re.MULTILINE)


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
    words: int = 0


def binary() -> str:
    return shutil.which("tesseract") or "tesseract"


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    out = subprocess.run([binary(), "--version"], capture_output=True, text=True, check=False, env=_ENV)
    match = re.search(r"tesseract\s+v?(\S+)", out.stdout + out.stderr)
    return match.group(1) if match else "unknown"


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    out = subprocess.run([binary(), "--list-langs"], capture_output=True, text=True, check=False, env=_ENV)
    lines = (out.stdout or out.stderr).splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


def _pgm(image: Image.Image) -> bytes:
    gray = image if image.mode in ("L", "1") else image.convert("L")
    buffer = io.BytesIO()
    gray.save(buffer, "PPM")  # Pillow writes P5 (PGM) for L and P4 (PBM) for 1-bit images
    return buffer.getvalue()


def _run(image: Image.Image, args: list[str], timeout_s: float) -> subprocess.CompletedProcess[bytes]:
    command = [binary(), "stdin", "stdout", *args]
    try:
        return subprocess.run(command, input=_pgm(image), capture_output=True, timeout=timeout_s, env=_ENV, check=False)
    except subprocess.TimeoutExpired as exc:
        raise InputRejected(Reason.OCR_TIMEOUT, f"OCR of a page took longer than {timeout_s:.0f} s") from exc
    except OSError as exc:
        raise InputRejected(Reason.CORRUPT, f"tesseract could not be run: {type(exc).__name__}") from exc


def detect_orientation(image: Image.Image, min_characters: int = 20, timeout_s: float = 30) -> Orientation | None:
    """Rotation and script from Tesseract OSD on the image as given; None when OSD finds too little text.

    The caller chooses the scale: OSD cost is ~0.1 s fixed plus ~6 ms per ``min_characters``.
    """
    args = ["--psm", "0", "-c", f"min_characters_to_try={min_characters}"]
    try:
        done = _run(image, args, timeout_s)
    except InputRejected:
        return None
    fields = dict(_FIELD.findall(done.stdout.decode("utf-8", "replace")))
    try:
        return Orientation(
            rotate=int(fields["Rotate"]) % 360,
            rotate_confidence=float(fields["Orientation confidence"]),
            script=fields.get("Script"),
            script_confidence=float(fields.get("Script confidence", 0.0)),
        )
    except (KeyError, ValueError):
        return None


def ocr(image: Image.Image, languages: str, timeout_s: float, psm: int = 3, dpi: int | None = None) -> OcrResult:
    """OCR one image; text is rebuilt line by line from Tesseract's TSV so confidence comes free."""
    args = ["-l", languages, "--psm", str(psm)]
    if dpi:
        args += ["--dpi", str(dpi)]
    done = _run(image, [*args, "tsv"], timeout_s)
    if done.returncode != 0:
        raise InputRejected(Reason.CORRUPT, f"tesseract failed on a page (exit status {done.returncode})")
    rows = _tsv_rows(done.stdout.decode("utf-8", "replace"))
    confidences = [conf for *_, conf, word in rows if conf >= 0]
    confidence = round(sum(confidences) / len(confidences), 2) if confidences else None
    return OcrResult(text=_text_from_rows(rows), confidence=confidence, languages=languages, words=len(rows))


Row = tuple[int, int, int, float, str]  # block, paragraph, line, confidence, word


def _tsv_rows(tsv: str) -> list[Row]:
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    next(reader, None)
    for record in reader:
        if len(record) < 12 or record[0] != "5" or not record[11].strip():
            continue
        rows.append((int(record[2]), int(record[3]), int(record[4]), float(record[10]), record[11]))
    return rows


def _text_from_rows(rows: list[Row]) -> str:
    lines: list[str] = []
    current: tuple[int, int, int] | None = None
    words: list[str] = []
    previous_block: int | None = None
    for block, paragraph, line, _, word in rows:
        key = (block, paragraph, line)
        if key != current:
            if words:
                lines.append(" ".join(words))
            if previous_block is not None and block != previous_block:
                lines.append("")
            words, current, previous_block = [], key, block
        words.append(word)
    if words:
        lines.append(" ".join(words))
    return "\n".join(lines)
