"""Draw one line of text with per-character font fallback and correct bidi order.

Noto Naskh Arabic has no '/', '(' or ')', yet Iranian and Egyptian documents
print dates as ۱۴۰۲/۰۷/۱۵. Pillow has no font fallback, so the line is split
into runs by embedding level (from the system FriBidi, which raqm already
needs) and by font; the runs are put in visual order (UAX #9, rule L2) and
each is shaped by raqm on its own.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

_PAR_LTR = 0x110  # FRIBIDI_PAR_LTR
_PAR_RTL = 0x111  # FRIBIDI_PAR_RTL
_MISSING = "\U0010fffd"  # private-use code point no font maps


@functools.cache
def _fribidi() -> ctypes.CDLL:
    lib = ctypes.CDLL(ctypes.util.find_library("fribidi") or "libfribidi.so.0")
    lib.fribidi_get_par_embedding_levels_ex.restype = ctypes.c_byte
    return lib


def embedding_levels(text: str, rtl: bool) -> list[int]:
    """Resolved bidi embedding level of each character (odd = right to left)."""
    n = len(text)
    if n == 0:
        return []
    lib = _fribidi()
    chars = (ctypes.c_uint32 * n)(*map(ord, text))
    types = (ctypes.c_uint32 * n)()
    brackets = (ctypes.c_uint32 * n)()
    levels = (ctypes.c_byte * n)()
    lib.fribidi_get_bidi_types(chars, n, types)
    lib.fribidi_get_bracket_types(chars, n, types, brackets)
    par = ctypes.c_uint32(_PAR_RTL if rtl else _PAR_LTR)
    if lib.fribidi_get_par_embedding_levels_ex(types, brackets, n, ctypes.byref(par), levels) == 0:
        raise RuntimeError(f"fribidi failed on {text!r}")
    return list(levels)


@functools.cache
def _has_glyph(font: ImageFont.FreeTypeFont, char: str) -> bool:
    """Whether ``font`` maps ``char``: its rendering differs from the .notdef box."""

    def ink(c: str) -> bytes:
        img = Image.new("L", (2 * font.size, 2 * font.size), 0)
        ImageDraw.Draw(img).text((0, 0), c, font=font, fill=255)
        return img.tobytes()

    return ink(char) != ink(_MISSING)


@dataclass(frozen=True)
class Run:
    """A same-level, same-font slice of a line, in logical order."""

    text: str
    level: int
    font: ImageFont.FreeTypeFont

    @property
    def direction(self) -> str:
        return "rtl" if self.level % 2 else "ltr"


def visual_runs(text: str, rtl: bool, fonts: tuple[ImageFont.FreeTypeFont, ...]) -> list[Run]:
    """Runs of ``text`` in left-to-right display order; each char gets the first font that has it."""
    levels = embedding_levels(text, rtl)
    runs: list[Run] = []
    for char, level in zip(text, levels, strict=True):
        font = next((f for f in fonts if _has_glyph(f, char)), fonts[0])
        if runs and runs[-1].level == level and runs[-1].font is font:
            runs[-1] = Run(runs[-1].text + char, level, font)
        else:
            runs.append(Run(char, level, font))
    if not runs:
        return runs
    lowest_odd = min(r.level for r in runs) | 1
    for level in range(max(r.level for r in runs), lowest_odd - 1, -1):
        i = 0
        while i < len(runs):
            if runs[i].level >= level:
                j = i
                while j < len(runs) and runs[j].level >= level:
                    j += 1
                runs[i:j] = runs[i:j][::-1]
                i = j
            else:
                i += 1
    return runs


def line_width(runs: list[Run], language: str) -> float:
    """Advance width of the whole line in pixels."""
    return sum(r.font.getlength(r.text, direction=r.direction, language=language) for r in runs)


def draw_line(draw: ImageDraw.ImageDraw, x: float, y: float, runs: list[Run], language: str, fill: int) -> None:
    """Draw runs left to right from ``x`` on baseline ``y``."""
    for run in runs:
        draw.text((x, y), run.text, fill=fill, font=run.font, anchor="ls", direction=run.direction, language=language)
        x += run.font.getlength(run.text, direction=run.direction, language=language)
