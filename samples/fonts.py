"""Locate the installed Noto fonts for each script.

Fonts come from the OS packages (fonts-noto-core, fonts-noto-cjk); nothing is
downloaded. A missing font is a hard error rather than a silent fallback, since
a fallback glyph set would change the rendered bytes and the OCR results.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from evidence.samples.spec import Script

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
)


@dataclass(frozen=True)
class FontFile:
    """A font file plus its face index inside a .ttc collection."""

    path: Path
    index: int = 0


# (regular, bold) file names and the face index of Simplified Chinese in the CJK collections.
_FILES: dict[Script, tuple[tuple[str, int], tuple[str, int]]] = {
    "Latin": (("NotoSerif-Regular.ttf", 0), ("NotoSerif-Bold.ttf", 0)),
    "Cyrillic": (("NotoSans-Regular.ttf", 0), ("NotoSans-Bold.ttf", 0)),
    "Arabic": (("NotoNaskhArabic-Regular.ttf", 0), ("NotoNaskhArabic-Bold.ttf", 0)),
    "Han": (("NotoSansCJK-Regular.ttc", 2), ("NotoSansCJK-Bold.ttc", 2)),
}


class FontNotFoundError(FileNotFoundError):
    """Raised when a required Noto font is not installed."""


@functools.cache
def _find(file_name: str) -> Path:
    extra = os.environ.get("EVIDENCE_FONT_DIR")
    dirs = ((Path(extra),) if extra else ()) + FONT_DIRS
    for base in dirs:
        if not base.is_dir():
            continue
        for found in sorted(base.rglob(file_name)):
            return found
    raise FontNotFoundError(
        f"{file_name} not found under {', '.join(map(str, dirs))}; "
        "install fonts-noto-core and fonts-noto-cjk or set EVIDENCE_FONT_DIR"
    )


def font_for(script: Script, *, bold: bool = False) -> FontFile:
    """The Noto face used to print ``script`` (bold for titles)."""
    name, index = _FILES[script][1 if bold else 0]
    return FontFile(_find(name), index)


def fallback_font(*, bold: bool = False) -> FontFile:
    """Noto Sans, for characters the script font lacks ('/' and brackets in Naskh)."""
    return FontFile(_find("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"))
