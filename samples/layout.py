"""Typeset a document onto a clean 300 dpi page image.

Each ground-truth line becomes exactly one printed line: the body font shrinks
until the widest line fits, so the OCR ground truth never has to follow a
wrap. Arabic-script lines are shaped with raqm (right-to-left, joined forms).
"""

from __future__ import annotations

import functools

from evidence.samples.fonts import FontFile, fallback_font, font_for
from evidence.samples.spec import PageSize, SampleSpec, Script
from evidence.samples.textline import Run, draw_line, line_width, visual_runs
from PIL import Image, ImageDraw, ImageFont

DPI = 300
PAGE_MM: dict[PageSize, tuple[float, float]] = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
MARGIN_MM: dict[PageSize, float] = {"A4": 22.0, "A5": 14.0}
BODY_PT: dict[PageSize, float] = {"A4": 12.0, "A5": 10.5}
MIN_BODY_PT = 8.0
# Naskh has a small x-height; print it larger so it reads like 12 pt Latin.
SCRIPT_SCALE: dict[Script, float] = {"Arabic": 1.25}
TITLE_SCALE = 1.4
LINE_SPACING = 1.55
INK = 30  # near-black toner, not pure 0


class LayoutError(ValueError):
    """A line cannot fit the page at the minimum legible size."""


def mm_to_px(mm: float) -> int:
    """Millimetres to pixels at the rendering resolution."""
    return round(mm / 25.4 * DPI)


def pt_to_px(pt: float) -> int:
    """Typographic points to pixels at the rendering resolution."""
    return round(pt / 72.0 * DPI)


def page_size_px(page: PageSize) -> tuple[int, int]:
    """Width and height of the page in pixels."""
    w_mm, h_mm = PAGE_MM[page]
    return mm_to_px(w_mm), mm_to_px(h_mm)


@functools.cache
def _load(face: FontFile, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(face.path), size_px, index=face.index, layout_engine=ImageFont.Layout.RAQM)


def _fonts(spec: SampleSpec, size_px: int, bold: bool) -> tuple[ImageFont.FreeTypeFont, ...]:
    return _load(font_for(spec.script, bold=bold), size_px), _load(fallback_font(bold=bold), size_px)


def _layout(spec: SampleSpec, lines: tuple[str, ...], size_px: int, bold: bool) -> list[list[Run]]:
    fonts = _fonts(spec, size_px, bold)
    return [visual_runs(line, spec.rtl, fonts) for line in lines]


def _fit(spec: SampleSpec, lines: tuple[str, ...], start_pt: float, max_px: int, bold: bool) -> int:
    """Largest pixel size (stepping down by 0.25 pt) at which every line fits."""
    pt = start_pt
    while pt >= MIN_BODY_PT:
        size = pt_to_px(pt)
        if max(line_width(runs, spec.language) for runs in _layout(spec, lines, size, bold)) <= max_px:
            return size
        pt -= 0.25
    widest = max(lines, key=len)
    raise LayoutError(f"{spec.name}: line too long for {spec.page} at {MIN_BODY_PT} pt: {widest!r}")


def render_page(spec: SampleSpec) -> Image.Image:
    """The clean, upright page as an 8-bit grayscale image."""
    width, height = page_size_px(spec.page)
    margin = mm_to_px(MARGIN_MM[spec.page])
    text_width = width - 2 * margin
    body_pt = BODY_PT[spec.page] * SCRIPT_SCALE.get(spec.script, 1.0)
    body_px = _fit(spec, spec.lines, body_pt, text_width, bold=False)
    title_px = _fit(spec, (spec.title,), body_pt * TITLE_SCALE, text_width, bold=True)

    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    y = margin + title_px
    (title_runs,) = _layout(spec, (spec.title,), title_px, bold=True)
    draw_line(draw, (width - line_width(title_runs, spec.language)) / 2, y, title_runs, spec.language, INK)
    y += round(title_px * 1.2)
    for runs in _layout(spec, spec.lines, body_px, bold=False):
        y += round(body_px * LINE_SPACING)
        if y > height - margin:
            raise LayoutError(f"{spec.name}: too many lines for {spec.page}")
        x = width - margin - line_width(runs, spec.language) if spec.rtl else margin
        draw_line(draw, x, y, runs, spec.language, INK)
    return page
