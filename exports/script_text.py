"""Text in any script, shaped and in bidi order, as a reportlab flowable.

reportlab draws glyphs left to right and does not shape Arabic without ``rlbidi``; this module
splits each line into runs by bidi level (FriBidi) and font (Noto Sans, Noto Naskh Arabic, a
Noto Sans CJK subset), shapes each run with HarfBuzz in its own direction, and places the runs
in visual order. Runs whose glyphs do not map back to their characters (Arabic contextual forms)
carry the text as ``/ActualText`` so copy and search give the letters, not private-use codes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import uharfbuzz
from evidence.exports.bidi import embedding_levels, is_rtl_paragraph, visual_order
from evidence.exports.fonts import NASKH, SANS, cjk_font, has_glyph, register_base_fonts
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


@dataclass(frozen=True)
class FontSet:
    """Fonts for one document: the base Noto faces plus a CJK subset when the text needs one."""

    cjk: str | None = None

    @classmethod
    def for_texts(cls, texts: Iterable[str]) -> FontSet:
        register_base_fonts()
        missing = {
            c for text in texts for c in text if not c.isspace() and not has_glyph(SANS, c) and not has_glyph(NASKH, c)
        }
        return cls(cjk_font("".join(sorted(missing))) if missing else None)

    def font_for(self, char: str, previous: str | None) -> str:
        if previous and _is_neutral(char) and has_glyph(previous, char):
            return previous
        for name in (SANS, NASKH, self.cjk):
            if name and has_glyph(name, char):
                return name
        return SANS


def _is_neutral(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PZ"


@dataclass(frozen=True)
class Run:
    """A same-level, same-font slice of a line, shaped; ``visual`` is its text in display order."""

    font: str
    shaped: ShapedStr
    width: float
    visual: str
    faithful: bool  # the glyphs' own character mapping already spells ``visual``


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...]
    width: float
    rtl: bool


def _shape(text: str, font_name: str, size: float, rtl: bool) -> Run:
    font = pdfmetrics.getFont(font_name)
    hb_font = font.hbFont(size)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(hb_font, buffer, {})
    chars: list[str] = []
    data: list[ShapeData] = []
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gid = info.codepoint
        mapped = font.face.glyphToChar.get(gid)
        code = mapped[0] if mapped else font.hbAddPrivate(hb_font.glyph_to_string(gid), gid, pos.x_advance)
        chars.append(chr(code))
        data.append(
            ShapeData(
                info.cluster,
                font.pdfScale(pos.x_advance),
                font.pdfScale(pos.y_advance),
                font.pdfScale(pos.x_offset),
                font.pdfScale(pos.y_offset),
                font.face.charWidths[code],
            )
        )
    shaped = ShapedStr("".join(chars), shapeData=data)
    width = sum(d.x_advance for d in data) * size / 1000
    visual = text[::-1] if rtl else text
    return Run(font_name, shaped, width, visual, faithful="".join(chars) == visual)


@functools.lru_cache(maxsize=20000)
def layout_line(text: str, fonts: FontSet, size: float, rtl: bool) -> Line:
    """One line of logical text as shaped runs in left-to-right display order."""
    levels = embedding_levels(text, rtl)
    pieces: list[tuple[str, int, str]] = []  # (text, level, font) in logical order
    previous: str | None = None
    for char, level in zip(text, levels, strict=True):
        font = fonts.font_for(char, previous)
        previous = font
        if pieces and pieces[-1][1] == level and pieces[-1][2] == font:
            pieces[-1] = (pieces[-1][0] + char, level, font)
        else:
            pieces.append((char, level, font))
    ordered = [pieces[i] for i in visual_order([p[1] for p in pieces])]
    runs = tuple(_shape(piece, font, size, bool(level % 2)) for piece, level, font in ordered)
    return Line(runs, sum(r.width for r in runs), rtl)


def wrap_paragraph(text: str, fonts: FontSet, size: float, width: float) -> list[Line]:
    """Greedy word wrap of one paragraph; words wider than a line (CJK) break between characters."""
    rtl = is_rtl_paragraph(text)
    if not text.strip():
        return [Line((), 0.0, rtl)]
    lines: list[Line] = []
    current = ""
    for token in _tokens(text, fonts, size, width, rtl):
        candidate = current + token
        if current and layout_line(candidate.rstrip(), fonts, size, rtl).width > width:
            lines.append(layout_line(current.rstrip(), fonts, size, rtl))
            current = token.lstrip()
        else:
            current = candidate
    if current.strip():
        lines.append(layout_line(current.rstrip(), fonts, size, rtl))
    return lines


def _tokens(text: str, fonts: FontSet, size: float, width: float, rtl: bool) -> list[str]:
    tokens: list[str] = []
    for word in re.findall(r"\s*\S+\s*|\s+", text):
        if layout_line(word.strip(), fonts, size, rtl).width <= width:
            tokens.append(word)
            continue
        chunk = ""
        for char in word:
            if chunk and layout_line((chunk + char).strip(), fonts, size, rtl).width > width:
                tokens.append(chunk)
                chunk = ""
            chunk += char
        if chunk:
            tokens.append(chunk)
    return tokens


def _utf16_hex(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_line(canvas: Canvas, line: Line, x: float, y: float, size: float) -> None:
    """Draw runs from ``x`` on baseline ``y``; unfaithful runs get their text as ActualText."""
    for run in line.runs:
        if not run.faithful:
            canvas.addLiteral(f"/Span <</ActualText {_utf16_hex(run.visual)}>> BDC")
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.shaped)
        if not run.faithful:
            canvas.addLiteral("EMC")
        x += run.width


class ScriptText(Flowable):
    """A block of text in any script: paragraphs split on newlines, right-aligned when RTL."""

    def __init__(
        self,
        text: str,
        fonts: FontSet,
        size: float = 9,
        leading: float | None = None,
        color: object = None,
        lines: list[Line] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.fonts = fonts
        self.size = size
        self.leading = leading or size * 1.45
        self.color = color
        self._fixed = lines
        self._cache: tuple[float, list[Line]] | None = None

    def lines_for(self, width: float) -> list[Line]:
        if self._fixed is not None:
            return self._fixed
        if self._cache is None or self._cache[0] != width:
            lines = [
                para for text in self.text.split("\n") for para in wrap_paragraph(text, self.fonts, self.size, width)
            ]
            self._cache = (width, lines)
        return self._cache[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines_for(availWidth)) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines_for(availWidth)
        fit = int(availHeight // self.leading)
        if fit <= 0 or fit >= len(lines):
            return []
        return [
            ScriptText("", self.fonts, self.size, self.leading, self.color, lines[:fit]),
            ScriptText("", self.fonts, self.size, self.leading, self.color, lines[fit:]),
        ]

    def draw(self) -> None:
        canvas = self.canv
        if self.color is not None:
            canvas.setFillColor(self.color)
        y = self.height - self.size
        for line in self.lines_for(self.width):
            x = self.width - line.width if line.rtl else 0.0
            draw_line(canvas, line, x, y, self.size)
            y -= self.leading
