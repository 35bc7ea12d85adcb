"""PDF writers: born-digital (real text layer) and image-only (scanned).

reportlab runs in ``invariant`` mode so the files carry no timestamp or random
ID and re-runs give identical bytes. Born-digital output is limited to Latin
and Cyrillic: reportlab cannot shape Arabic without uharfbuzz and cannot embed
the CFF-based Noto CJK collection.
"""

from __future__ import annotations

import io

from evidence.samples.fonts import font_for
from evidence.samples.layout import BODY_PT, LINE_SPACING, MARGIN_MM, MIN_BODY_PT, TITLE_SCALE, LayoutError
from evidence.samples.spec import SampleSpec, Script
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

BORN_DIGITAL_SCRIPTS: frozenset[Script] = frozenset({"Latin", "Cyrillic"})
PAGE = {"A4": A4, "A5": A5}
AUTHOR = "evidence-pipeline sample generator (fictional document)"


def supports_born_digital(spec: SampleSpec) -> bool:
    """Whether a born-digital PDF with a faithful text layer can be produced."""
    return spec.script in BORN_DIGITAL_SCRIPTS


def _register(script: Script, bold: bool) -> str:
    face = font_for(script, bold=bold)
    name = face.path.stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=face.index))
    return name


def _fit_pt(lines: tuple[str, ...], font: str, start: float, max_width: float, spec: SampleSpec) -> float:
    pt = start
    while pt >= MIN_BODY_PT:
        if max(pdfmetrics.stringWidth(line, font, pt) for line in lines) <= max_width:
            return pt
        pt -= 0.25
    raise LayoutError(f"{spec.name}: line too long for a {spec.page} PDF")


def _new_canvas(buf: io.BytesIO, spec: SampleSpec, pagesize: tuple[float, float]) -> canvas.Canvas:
    c = canvas.Canvas(buf, pagesize=pagesize, invariant=True, pageCompression=1)
    c.setAuthor(AUTHOR)
    c.setTitle(spec.title)
    c.setSubject(spec.description)
    return c


def born_digital_pdf(spec: SampleSpec) -> bytes:
    """A one-page PDF whose text layer equals the ground truth, line for line."""
    if not supports_born_digital(spec):
        raise ValueError(f"{spec.name}: no born-digital PDF for {spec.script} script")
    regular, bold = _register(spec.script, False), _register(spec.script, True)
    width, height = PAGE[spec.page]
    margin = MARGIN_MM[spec.page] * mm
    body_pt = _fit_pt(spec.lines, regular, BODY_PT[spec.page], width - 2 * margin, spec)
    title_pt = _fit_pt((spec.title,), bold, BODY_PT[spec.page] * TITLE_SCALE, width - 2 * margin, spec)
    buf = io.BytesIO()
    c = _new_canvas(buf, spec, (width, height))
    y = height - margin - title_pt
    c.setFont(bold, title_pt)
    c.drawCentredString(width / 2, y, spec.title)
    y -= title_pt * 1.2
    c.setFont(regular, body_pt)
    for line in spec.lines:
        y -= body_pt * LINE_SPACING
        c.drawString(margin, y, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def image_pdf(jpeg: bytes, size_px: tuple[int, int], dpi: int, spec: SampleSpec) -> bytes:
    """A one-page, image-only PDF embedding the scan's JPEG bytes unchanged."""
    width, height = size_px[0] * 72.0 / dpi, size_px[1] * 72.0 / dpi
    buf = io.BytesIO()
    c = _new_canvas(buf, spec, (width, height))
    c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=width, height=height)
    c.showPage()
    c.save()
    return buf.getvalue()
