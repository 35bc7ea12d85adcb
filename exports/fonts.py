"""Embeddable Noto fonts for the exhibit, registered with reportlab once per process.

reportlab embeds only TrueType outlines, and Noto Sans CJK ships as CFF (PostScript) outlines, so
for Chinese a per-document subset is converted to TrueType with fontTools: small, fast, and the
glyphs stay Noto Sans CJK's. Nothing is downloaded; a missing font is a hard error.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
)

SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
NASKH = "NotoNaskhArabic"
_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    NASKH: "NotoNaskhArabic-Regular.ttf",
}
CJK_FILE = "NotoSansCJK-Regular.ttc"
CJK_FACE_INDEX = 2  # Simplified Chinese face in the Noto CJK collection


class FontNotFoundError(FileNotFoundError):
    """A required Noto font is not installed (install fonts-noto-core and fonts-noto-cjk)."""


@functools.cache
def find_font(file_name: str) -> Path:
    extra = os.environ.get("EVIDENCE_FONT_DIR")
    dirs = ((Path(extra),) if extra else ()) + FONT_DIRS
    for base in dirs:
        if base.is_dir():
            for found in sorted(base.rglob(file_name)):
                return found
    raise FontNotFoundError(
        f"{file_name} not found under {', '.join(map(str, dirs))}; "
        "install fonts-noto-core and fonts-noto-cjk or set EVIDENCE_FONT_DIR"
    )


@functools.cache
def register_base_fonts() -> None:
    """Noto Sans (Latin, Cyrillic, Greek) regular and bold, and Noto Naskh Arabic."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(find_font(file_name))))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)


def has_glyph(font_name: str, char: str) -> bool:
    font = pdfmetrics.getFont(font_name)
    return ord(char) in font.face.charToGlyph


def cjk_font(chars: str) -> str | None:
    """Register a TrueType subset of Noto Sans CJK SC covering ``chars``; returns its font name."""
    if not chars:
        return None
    needed = "".join(sorted(set(chars) | set("0123456789 ")))
    name = "NotoSansCJKsc-" + hashlib.sha256(needed.encode()).hexdigest()[:10]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(_cjk_truetype_subset(needed))))
    return name


@functools.lru_cache(maxsize=8)
def _cjk_truetype_subset(chars: str) -> bytes:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont as FontFile
    from fontTools.ttLib import newTable

    font = FontFile(str(find_font(CJK_FILE)), fontNumber=CJK_FACE_INDEX, lazy=True)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for glyph_name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[glyph_name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[glyph_name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
