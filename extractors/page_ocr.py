"""Reads one page image: orientation, skew, script, language, then OCR with the language's own pack.

Every decision before the final OCR looks only at the page's most text-like window, so it costs a
fraction of reading the page: OSD on the window, then probe OCR of a band of whole lines inside it
(four, or six when four leave the language or the script unsure), turned upright, to confirm the
script and identify the language; then one full-page OCR.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from evidence.extractors import tesseract
from evidence.extractors.deskew import MIN_CORRECTION_DEG, deskew, estimate_skew
from evidence.extractors.errors import InputRejected, Reason
from evidence.extractors.ink import InkMap, ink_map
from evidence.extractors.language import (
    SCRIPT_FIRST_PASS,
    SCRIPT_OF_LANGUAGE,
    SCRIPT_OF_PACK,
    TESSERACT_PACKS,
    detect_language_in_script,
    language_of_packs,
    packs_for_hints,
    script_of_text,
)
from evidence.extractors.lighting import flatten
from evidence.extractors.lighting import measure as measure_lighting
from evidence.extractors.number_words import reread_number_words
from evidence.extractors.orientation import decide_rotation, upright
from evidence.extractors.regions import BAND_LINES, QUICK_BAND_LINES, Box, line_band, probe_window
from evidence.models.record import Page, PageSource
from PIL import Image

SCRIPT_CONFIRMED_CONFIDENCE = 75.0
"""A probe read this confidently by a pack of the script confirms the script; below it every
first-pass pack is tried. On the 118 calibration pages a wrong script's pack read at most 69 and the
language's own pack at least 73 (77-93 for Turkish, Ukrainian and Persian, which their script's
first pack, English, Russian or Arabic, reads at only 66-75)."""

SCRIPT_MARGIN = 10.0
"""Confidence points another script's pack must gain over the default to replace it."""

LANGUAGE_SWITCH_CONFIDENCE = 0.6
"""Lingua's confidence (among the script's languages) needed to leave the script's default pack."""

SWITCH_CONFIDENCE_TOLERANCE = 2.0
"""The language's own pack may read the probe at most this much less confidently and still win."""

LANGUAGE_SURE = 0.9
"""Lingua's confidence at which its answer outweighs small differences in Tesseract's confidence:
packs are not comparable there (English reads a Spanish band at 91 while dropping its accents,
Spanish at 89; Arabic reads Persian at 85, Persian at 82). On the calibration pages lingua's
answers from a six-line band scored 0.96-1.0 and were all right."""

SURE_SWITCH_TOLERANCE = 10.0
"""With lingua sure, the language's pack loses only if it reads the probe clearly worse than this."""

TEXT_HEIGHT_TARGET: float | None = 28.0
"""Median word-box height (px, from the probe) the final OCR reads at: a page whose text is larger is
scaled down to it first. Tesseract's recogniser scales every line to its own height anyway, so large
text only costs more page analysis. On the 118 calibration pages (73 scaled, by 0.57-0.84) final OCR
took 15% less CPU and mean CER went from 0.0239 to 0.0226, no pack worse; 26 saved as much at a
higher mean CER (0.0229), 30 saved half as much."""

MAX_READING_SCALE = 0.85
"""Scaling down by less than this saves too little to be worth the resampling."""

SCALED_SCRIPTS = frozenset({"Latin", "Cyrillic"})
"""Scripts whose pages may be read scaled down (Arabic dots and Han strokes keep full resolution)."""

_PROBE_PSM = 6  # one block of horizontal text: a sideways window cannot read well by accident


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


@dataclass
class _Probes:
    """Probe OCR of the page window's line band, turned by a candidate rotation; cached by (rotation, packs)."""

    window: Image.Image
    window_ink: np.ndarray  # the window's ink mask, on the ink map's scale
    scale: float  # ink-map pixels per page pixel
    timeout_s: float
    lines: int = QUICK_BAND_LINES
    results: dict[tuple[int, str], tesseract.OcrResult] = field(default_factory=dict)
    bands: dict[int, Image.Image] = field(default_factory=dict)
    cut: dict[int, bool] = field(default_factory=dict)  # whether the band at a rotation is less than the window

    @classmethod
    def of(cls, gray: Image.Image, ink: InkMap, box: Box, timeout_s: float) -> _Probes:
        s = ink.scale
        window_ink = ink.mask[int(box.top * s) : int(box.bottom * s), int(box.left * s) : int(box.right * s)]
        return cls(gray.crop(box.as_tuple()), window_ink, s, timeout_s)

    def widened(self, lines: int) -> _Probes:
        """Probes of a band of ``lines`` lines of the same window, with nothing read yet."""
        return _Probes(self.window, self.window_ink, self.scale, self.timeout_s, lines)

    def band(self, rotation: int) -> Image.Image:
        """The window turned upright by ``rotation``, cut to its middle lines (whole, when it has few)."""
        if rotation not in self.bands:
            turned = upright(self.window, rotation)
            rows = line_band(np.rot90(self.window_ink, k=-(rotation // 90)), self.lines)
            if rows is not None:
                top, bottom = (round(row / self.scale) for row in rows)
                turned = turned.crop((0, top, turned.width, min(bottom, turned.height)))
            self.bands[rotation] = turned
            self.cut[rotation] = rows is not None
        return self.bands[rotation]

    def settled(self, rotation: int, choice: tuple[str, str | None, float | None]) -> bool:
        """Whether a choice of packs needs no longer band: lingua was sure, and a pack of the choice's
        script already read the band confidently as that script (no further read is made to tell)."""
        _, script, language_confidence = choice
        if language_confidence is None or language_confidence < LANGUAGE_SURE:
            return False
        return any(
            turned == rotation and SCRIPT_OF_PACK.get(pack) == script and _reads_as_its_script(self, rotation, pack)
            for turned, pack in list(self.results)
        )

    def read(self, rotation: int, packs: str) -> tesseract.OcrResult:
        key = (rotation, packs)
        if key not in self.results:
            self.results[key] = tesseract.ocr(self.band(rotation), packs, self.timeout_s, psm=_PROBE_PSM)
        return self.results[key]

    def score(self, rotation: int, packs: str) -> float:
        result = self.read(rotation, packs)
        return (result.confidence or 0.0) if result.words >= 2 else 0.0


def read_page_image(
    image: Image.Image,
    number: int,
    options: OcrOptions,
    source_reason: str,
    script_hint: str | None = None,
    dpi: int | None = None,
) -> Page:
    """OCR one page; the returned Page says which rotation, skew, script and language packs were used.

    ``script_hint`` is the script of a PDF text layer too poor to use (it still says what the page
    is written in when OSD finds too little text); ``dpi`` is passed to Tesseract when known.
    """
    check_pixels(image.width, image.height, options.max_page_pixels)
    timings: dict[str, float] = {}
    clock = _Clock(timings)
    gray = image if image.mode == "L" else image.convert("L")
    corrections: list[str] = []
    lighting = measure_lighting(gray)
    timings["paper_spread"] = lighting.paper_spread
    if lighting.needs_flattening:
        gray = flatten(gray)
        corrections.append("background_flattened")
    clock.lap("lighting")
    ink = ink_map(gray)
    box = probe_window(ink, gray.size)
    probes = _Probes.of(gray, ink, box, options.timeout_s)
    clock.lap("layout")

    installed = tesseract.installed_languages()
    hinted = packs_for_hints(options.language_hints, installed)
    decision = decide_rotation(
        probes.window,
        lambda rotation, osd: probes.score(rotation, hinted or _first_pass(osd, script_hint, options)),
    )
    rotation = decision.rotation
    clock.lap("orientation")
    timings["osd"] = decision.osd_seconds
    timings["rotation_verified"] = float(decision.verified)
    if decision.osd is not None:
        timings["osd_confidence"] = decision.osd.rotate_confidence

    choice = _choose_packs(probes, rotation, decision.osd, hinted, script_hint, options)
    if not hinted and probes.cut.get(rotation) and not probes.settled(rotation, choice):
        probes = probes.widened(BAND_LINES)
        choice = _choose_packs(probes, rotation, decision.osd, hinted, script_hint, options)
        timings["language_probe_widened"] = 1.0
    packs, script, language_confidence = choice
    clock.lap("language_pass")

    page_image = upright(gray, rotation)
    skew = estimate_skew(_upright_ink(ink, rotation))
    applied = 0.0
    if skew is not None:
        timings["skew_measured"] = skew
        if abs(skew) >= MIN_CORRECTION_DEG:
            applied = -skew
            page_image = deskew(page_image, applied)
    clock.lap("deskew")

    pack_script = SCRIPT_OF_PACK.get(packs.split("+")[0])
    scale = _reading_scale(probes, rotation, pack_script)
    read_image = page_image
    if scale < 1.0:
        read_image = page_image.resize(
            (round(page_image.width * scale), round(page_image.height * scale)), Image.Resampling.BILINEAR
        )
        corrections.append(f"scaled_for_reading:{scale:.2f}")
    clock.lap("scale")
    result = tesseract.ocr(read_image, packs, options.timeout_s, dpi=round(dpi * scale) if dpi else None)
    clock.lap("ocr")
    if pack_script == "Arabic":
        result, reread = reread_number_words(read_image, result, "persian" if packs.startswith("fas") else "arabic")
        if reread:
            corrections.append(f"numbers_reread:{reread}")
        clock.lap("numbers")
    detected = detect_language_in_script(result.text, SCRIPT_OF_PACK.get(packs) or script)
    trusted = detected is not None and detected.confidence >= LANGUAGE_SWITCH_CONFIDENCE
    language = detected.code if trusted and detected else language_of_packs(packs)
    timings["total"] = clock.total()
    if language_confidence is not None:
        timings["language_confidence"] = language_confidence
    return Page(
        number=number,
        source=PageSource.OCR,
        source_reason=source_reason,
        rotation=rotation,
        skew_angle=applied if skew is not None else None,
        corrections=corrections,
        language=language,
        script=script or SCRIPT_OF_LANGUAGE.get(language or ""),
        confidence=result.confidence,
        ocr_languages=packs,
        width=page_image.width,
        height=page_image.height,
        text=result.text,
        timings=timings,
    )


def _reading_scale(probes: _Probes, rotation: int, pack_script: str | None) -> float:
    """How much to scale the upright page down before the final OCR, from the probe's word heights."""
    if TEXT_HEIGHT_TARGET is None or pack_script not in SCALED_SCRIPTS:
        return 1.0
    heights = sorted(
        word.height
        for (turned, _), result in probes.results.items()
        if turned == rotation
        for word in result.word_boxes
        if len(word.text) >= 3 and word.confidence >= 60
    )
    if len(heights) < 5:
        return 1.0
    scale = TEXT_HEIGHT_TARGET / heights[len(heights) // 2]
    return round(scale, 2) if scale <= MAX_READING_SCALE else 1.0


def _first_pass(osd: tesseract.Orientation | None, script_hint: str | None, options: OcrOptions) -> str:
    """Pack for reading before the language is known: OSD's script, else the text layer's, else the default."""
    for script in (osd.script if osd else None, script_hint):
        if script in SCRIPT_FIRST_PASS and SCRIPT_FIRST_PASS[script] in tesseract.installed_languages():
            return SCRIPT_FIRST_PASS[script]
    return options.default_languages


def _choose_packs(
    probes: _Probes,
    rotation: int,
    osd: tesseract.Orientation | None,
    hinted: str | None,
    script_hint: str | None,
    options: OcrOptions,
) -> tuple[str, str | None, float | None]:
    """Packs for the final OCR, the page's script, and lingua's confidence when it chose the language."""
    if hinted:
        return hinted, SCRIPT_OF_PACK.get(hinted.split("+")[0]), None
    installed = tesseract.installed_languages()
    first = _first_pass(osd, script_hint, options)
    choice = _choose_in_script(probes, rotation, first, installed)
    if _script_confirmed(probes, rotation, first, choice):
        return choice
    first = _confirm_script_pack(probes, rotation, first, options, installed)
    return _choose_in_script(probes, rotation, first, installed)


def _choose_in_script(
    probes: _Probes, rotation: int, first: str, installed: frozenset[str]
) -> tuple[str, str | None, float | None]:
    """The language pack within ``first``'s script: lingua on the probe, kept only if it reads as well."""
    script = SCRIPT_OF_PACK.get(first)
    probe = probes.read(rotation, first)
    detected = detect_language_in_script(probe.text, script)
    if detected is None or TESSERACT_PACKS.get(detected.code) not in installed:
        return first, script, None
    candidate = TESSERACT_PACKS[detected.code]
    if candidate == first or detected.confidence < LANGUAGE_SWITCH_CONFIDENCE:
        return first, script, detected.confidence
    if detected.confidence >= LANGUAGE_SURE and _reads_as_its_script(probes, rotation, first):
        return candidate, script, detected.confidence  # the script is confirmed: no probe can overrule a sure lingua
    tolerance = SURE_SWITCH_TOLERANCE if detected.confidence >= LANGUAGE_SURE else SWITCH_CONFIDENCE_TOLERANCE
    if probes.score(rotation, candidate) >= probes.score(rotation, first) - tolerance:
        return candidate, script, detected.confidence
    return first, script, detected.confidence


def _script_confirmed(probes: _Probes, rotation: int, first: str, choice: tuple[str, str | None, float | None]) -> bool:
    """Whether a pack of ``first``'s script (its own or the chosen language's) read the probe as that script."""
    return any(_reads_as_its_script(probes, rotation, pack) for pack in dict.fromkeys((first, choice[0])))


def _reads_as_its_script(probes: _Probes, rotation: int, pack: str) -> bool:
    """Whether ``pack`` read the probe confidently, as letters of its own script (or none)."""
    script = script_of_text(probes.read(rotation, pack).text)
    readable = script is None or script == SCRIPT_OF_PACK.get(pack)
    return readable and probes.score(rotation, pack) >= SCRIPT_CONFIRMED_CONFIDENCE


def _confirm_script_pack(
    probes: _Probes, rotation: int, first: str, options: OcrOptions, installed: frozenset[str]
) -> str:
    """The first-pass pack that reads the window best: OSD's script is often wrong on sparse pages.

    A pack only counts when it reads the window as letters of its own script (the Chinese pack
    reads Latin text confidently, as Latin); and when nothing reads well, the default pack wins
    unless another is clearly better.
    """

    def eligible(pack: str) -> bool:
        script = script_of_text(probes.read(rotation, pack).text)
        return script is None or script == SCRIPT_OF_PACK.get(pack)

    if probes.score(rotation, first) >= SCRIPT_CONFIRMED_CONFIDENCE and eligible(first):
        return first
    default = options.default_languages
    packs = [pack for pack in dict.fromkeys([first, default, *SCRIPT_FIRST_PASS.values()]) if pack in installed]
    candidates = [pack for pack in packs if eligible(pack)]
    best = max(candidates, key=lambda pack: probes.score(rotation, pack), default=default)
    if best != default and probes.score(rotation, best) < probes.score(rotation, default) + SCRIPT_MARGIN:
        return default
    return best


def _upright_ink(ink: InkMap, rotation: int) -> InkMap:
    """The ink map turned like the page (np.rot90 turns counter-clockwise, hence the minus)."""
    return InkMap(mask=np.rot90(ink.mask, k=-(rotation // 90)), scale=ink.scale)


class _Clock:
    """Seconds per step, rounded to milliseconds, for Page.timings."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.started = self.last = time.perf_counter()

    def lap(self, name: str) -> float:
        now = time.perf_counter()
        self.timings[name] = round(now - self.last, 3)
        self.last = now
        return self.timings[name]

    def total(self) -> float:
        return round(time.perf_counter() - self.started, 3)
