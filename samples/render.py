"""Render a catalogue entry to the bytes of each output kind.

Returning bytes (not writing files) keeps rendering pure, so the writer can
compare against what is on disk and stay idempotent.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

from evidence.samples.degrade import ScanParams, degrade, params_for, seed_for
from evidence.samples.layout import DPI, render_page
from evidence.samples.pdf import born_digital_pdf, image_pdf, supports_born_digital
from evidence.samples.spec import SampleSpec
from PIL import Image

Kind = Literal["scan_png", "scan_pdf", "born_digital_pdf"]
KINDS: tuple[Kind, ...] = ("scan_png", "scan_pdf", "born_digital_pdf")
SUFFIX: dict[Kind, str] = {"scan_png": ".png", "scan_pdf": ".scan.pdf", "born_digital_pdf": ".pdf"}


@dataclass(frozen=True)
class Scan:
    """A degraded page: its JPEG bytes (pixels of record) and the parameters used."""

    jpeg: bytes
    size: tuple[int, int]
    params: ScanParams
    rotation: int


def render_scan(spec: SampleSpec, rotation: int | None = None) -> Scan:
    """Typeset and degrade ``spec``; ``rotation`` overrides ``spec.rotation``."""
    turn = spec.rotation if rotation is None else rotation
    params = params_for(spec.name, spec.profile)
    jpeg = degrade(render_page(spec), params, seed_for(spec.name), turn)
    with Image.open(io.BytesIO(jpeg)) as img:
        size = img.size
    return Scan(jpeg, size, params, turn)


def scan_png(scan: Scan) -> bytes:
    """The scan as a grayscale PNG carrying its 300 dpi resolution."""
    buf = io.BytesIO()
    with Image.open(io.BytesIO(scan.jpeg)) as img:
        img.save(buf, "PNG", dpi=(DPI, DPI))
    return buf.getvalue()


def render_kind(spec: SampleSpec, kind: Kind, scan: Scan | None = None) -> bytes:
    """Bytes of one output kind; pass ``scan`` to reuse an already degraded page."""
    if kind == "born_digital_pdf":
        return born_digital_pdf(spec)
    scan = scan or render_scan(spec)
    if kind == "scan_png":
        return scan_png(scan)
    if kind == "scan_pdf":
        return image_pdf(scan.jpeg, scan.size, DPI, spec)
    raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")


def supports(spec: SampleSpec, kind: Kind) -> bool:
    """Whether ``kind`` can be produced for ``spec``."""
    return kind != "born_digital_pdf" or supports_born_digital(spec)
