"""The one wrapper around Tesseract: orientation/script detection and OCR, in process via tesserocr.

tesserocr links Debian's libtesseract (built with ``--no-binary tesserocr``, so the library is the
same Tesseract 5.3 as the ``tesseract`` command). Keeping an initialised engine per thread and
language pack is why: the CLI reloads its model on every call, and a page takes 3-5 calls (OSD,
language probes, final OCR), so start-up was a third of the reading stage's CPU. Images are handed
over as raw 8-bit pixels, with no encoding. Tesseract's OpenMP threading stays off
(OMP_THREAD_LIMIT=1): the pipeline reads one page per core, and tesserocr releases the GIL while
Tesseract works, so two threads are two pages at once.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

os.environ["OMP_THREAD_LIMIT"] = "1"  # read by libgomp when libtesseract loads: set before the import

import tesserocr
from evidence.extractors.errors import InputRejected, Reason
from PIL import Image
from tesserocr import DIR, RIL

ENGINES_PER_THREAD = 6
"""Initialised engines a thread keeps (least recently used dropped first); one is 10-60 MB."""

OSD_PACK = "osd"

_NOT_LEFT_TO_RIGHT = frozenset({DIR.RIGHT_TO_LEFT, DIR.MIX})


@dataclass(frozen=True)
class Orientation:
    rotate: int  # degrees clockwise that make the page upright
    rotate_confidence: float
    script: str | None
    script_confidence: float


@dataclass(frozen=True)
class Word:
    """One word as Tesseract read it, with its box on the image that was read."""

    block: int
    paragraph: int
    line: int
    confidence: float
    text: str
    left: int = 0
    top: int = 0
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float | None
    languages: str
    words: int = 0
    word_boxes: tuple[Word, ...] = ()


def _version_in(banner: str) -> str:
    match = re.search(r"tesseract\s+v?(\S+)", banner)
    return match.group(1) if match else "unknown"


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """Version of the libtesseract that reads pages (recorded in every record's provenance)."""
    return _version_in(tesserocr.tesseract_version())


@lru_cache(maxsize=1)
def cli_version() -> str | None:
    """Version of the ``tesseract`` command (the searchable-PDF export runs it); None when absent."""
    path = shutil.which("tesseract")
    if path is None:
        return None
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    return _version_in(out.stdout + out.stderr)


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    _, languages = tesserocr.get_languages()
    return frozenset(languages)


_local = threading.local()


def _engine(languages: str, psm: int) -> tesserocr.PyTessBaseAPI:
    """This thread's initialised engine for ``languages`` (an engine is not safe to share)."""
    engines: OrderedDict[str, tesserocr.PyTessBaseAPI] | None = getattr(_local, "engines", None)
    if engines is None:
        engines = _local.engines = OrderedDict()
    engine = engines.get(languages)
    if engine is None:
        missing = [pack for pack in languages.split("+") if pack not in installed_languages()]
        if missing:
            raise InputRejected(Reason.CORRUPT, f"Tesseract language pack not installed: {'+'.join(missing)}")
        try:
            engine = tesserocr.PyTessBaseAPI(lang=languages)
        except RuntimeError as exc:
            raise InputRejected(Reason.CORRUPT, f"Tesseract could not load {languages}: {exc}") from exc
        engines[languages] = engine
        while len(engines) > ENGINES_PER_THREAD:
            _, oldest = engines.popitem(last=False)
            oldest.End()
    engines.move_to_end(languages)
    engine.SetPageSegMode(psm)
    return engine


def release_engines() -> None:
    """Free this thread's engines (they are also freed when the thread ends)."""
    engines: OrderedDict[str, tesserocr.PyTessBaseAPI] = getattr(_local, "engines", None) or OrderedDict()
    while engines:
        _, engine = engines.popitem()
        engine.End()


def _set_image(engine: tesserocr.PyTessBaseAPI, image: Image.Image, dpi: int | None = None) -> None:
    gray = image if image.mode == "L" else image.convert("L")
    engine.SetImageBytes(gray.tobytes(), gray.width, gray.height, 1, gray.width)
    if dpi:
        engine.SetSourceResolution(int(dpi))


def detect_orientation(image: Image.Image, min_characters: int = 20) -> Orientation | None:
    """Rotation and script from Tesseract OSD on the image as given; None when OSD finds too little text.

    The caller chooses the scale: OSD cost is ~0.1 s fixed plus ~6 ms per ``min_characters``, which
    also bounds its time (OSD has no deadline of its own).
    """
    engine = _engine(OSD_PACK, tesserocr.PSM.OSD_ONLY)
    engine.SetVariable("min_characters_to_try", str(min_characters))
    try:
        _set_image(engine, image)
        found = engine.DetectOrientationScript()
    finally:
        engine.Clear()
    if not found:
        return None
    return Orientation(
        rotate=(360 - int(found["orient_deg"])) % 360,  # Tesseract's "Rotate:" line, as the CLI prints it
        rotate_confidence=round(float(found["orient_conf"]), 2),
        script=found.get("script_name") or None,
        script_confidence=round(float(found.get("script_conf") or 0.0), 2),
    )


def ocr(image: Image.Image, languages: str, timeout_s: float, psm: int = 3, dpi: int | None = None) -> OcrResult:
    """OCR one image; text is rebuilt line by line from Tesseract's words so confidence comes free."""
    engine = _engine(languages, psm)
    try:
        _set_image(engine, image, dpi)
        if not _recognize(engine, timeout_s):
            raise InputRejected(Reason.OCR_TIMEOUT, f"OCR of a page took longer than {timeout_s:.0f} s")
        rows = _words(engine)
    except RuntimeError as exc:
        raise InputRejected(Reason.CORRUPT, f"Tesseract failed on a page: {type(exc).__name__}") from exc
    finally:
        engine.Clear()
    return OcrResult(
        text=text_from_words(rows),
        confidence=mean_confidence(rows),
        languages=languages,
        words=len(rows),
        word_boxes=tuple(rows),
    )


def mean_confidence(words: list[Word] | tuple[Word, ...]) -> float | None:
    confidences = [word.confidence for word in words if word.confidence >= 0]
    return round(sum(confidences) / len(confidences), 2) if confidences else None


def _recognize(engine: tesserocr.PyTessBaseAPI, timeout_s: float) -> bool:
    """Tesseract's recognition, with the GIL released; False when it ran out of time."""
    return bool(engine.Recognize(timeout=max(1, int(timeout_s * 1000))))


def _words(engine: tesserocr.PyTessBaseAPI) -> list[Word]:
    """The recognised words with their block, paragraph and line numbers, as Tesseract's TSV numbers them."""
    rows = _left_to_right_words(engine)
    return rows if rows is not None else _tsv_rows(engine.GetTSVText(0))


def _left_to_right_words(engine: tesserocr.PyTessBaseAPI) -> list[Word] | None:
    """The words from walking the result iterator word by word; None when any is read right to left.

    This gives the rows ``GetTSVText`` gives, which walks the iterator symbol by symbol and formats
    every level's box: on a dense 300 dpi page that took 0.26 s against 0.1 s here, 7% of the page's
    recognition time. But Tesseract 5.3 returns a right-to-left word's text reversed at word level
    (logical order only symbol by symbol), so an Arabic or Persian page is left to the TSV.
    """
    rows: list[Word] = []
    iterator = engine.GetIterator()
    if iterator is None:
        return rows
    block = paragraph = line = 0
    while True:
        if iterator.IsAtBeginningOf(RIL.BLOCK):
            block, paragraph, line = block + 1, 0, 0
        if iterator.IsAtBeginningOf(RIL.PARA):
            paragraph, line = paragraph + 1, 0
        if iterator.IsAtBeginningOf(RIL.TEXTLINE):
            line += 1
        text = iterator.GetUTF8Text(RIL.WORD)
        box = iterator.BoundingBox(RIL.WORD)
        if text and text.strip() and box is not None:
            if not iterator.ParagraphIsLtr() or iterator.WordDirection() in _NOT_LEFT_TO_RIGHT:
                return None
            left, top, right, bottom = box
            confidence = float(f"{iterator.Confidence(RIL.WORD):f}")  # six decimals, as the TSV prints it
            rows.append(Word(block, paragraph, line, confidence, text, left, top, right - left, bottom - top))
        if not iterator.Next(RIL.WORD):
            return rows


def _tsv_rows(tsv: str) -> list[Word]:
    rows: list[Word] = []
    for record in csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(record) < 12 or record[0] != "5" or not record[11].strip():
            continue
        block, paragraph, line = int(record[2]), int(record[3]), int(record[4])
        left, top, width, height = (int(value) for value in record[6:10])
        rows.append(Word(block, paragraph, line, float(record[10]), record[11], left, top, width, height))
    return rows


def text_from_words(words: list[Word] | tuple[Word, ...]) -> str:
    """Page text from Tesseract's words: a line per text line, a blank line between blocks."""
    lines: list[str] = []
    current: tuple[int, int, int] | None = None
    texts: list[str] = []
    previous_block: int | None = None
    for word in words:
        key = (word.block, word.paragraph, word.line)
        if key != current:
            if texts:
                lines.append(" ".join(texts))
            if previous_block is not None and word.block != previous_block:
                lines.append("")
            texts, current, previous_block = [], key, word.block
        texts.append(word.text)
    if texts:
        lines.append(" ".join(texts))
    return "\n".join(lines)
