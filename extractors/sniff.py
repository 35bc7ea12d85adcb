"""Decides what a file is from its bytes, never from its name."""

from __future__ import annotations

from dataclasses import dataclass

import filetype
from evidence.extractors.errors import InputRejected, Reason

PDF = "application/pdf"
TIFF = "image/tiff"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
HEIC = "image/heic"
HEIF = "image/heif"

IMAGE_TYPES = frozenset({TIFF, PNG, JPEG, GIF, WEBP, HEIC, HEIF})
SUPPORTED = frozenset({PDF}) | IMAGE_TYPES

_HEIF_BRANDS = {
    b"heic": HEIC,
    b"heix": HEIC,
    b"hevc": HEIC,
    b"heim": HEIC,
    b"heis": HEIC,
    b"mif1": HEIF,
    b"msf1": HEIF,
    b"avif": "image/avif",
}


@dataclass(frozen=True)
class Sniffed:
    media_type: str
    extension: str


def sniff(head: bytes, size: int) -> Sniffed:
    """Classify from the first few kilobytes; raises InputRejected for empty or unsupported input."""
    if size == 0:
        raise InputRejected(Reason.EMPTY, "the file is empty (0 bytes)")
    if b"%PDF-" in head[:1024]:
        return Sniffed(PDF, "pdf")
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        media = _HEIF_BRANDS[head[8:12]]
        if media in SUPPORTED:
            return Sniffed(media, "heic" if media == HEIC else "heif")
    kind = filetype.guess(head)
    if kind is not None and kind.mime in SUPPORTED:
        return Sniffed(kind.mime, kind.extension)
    detected = kind.mime if kind is not None else _describe_unknown(head)
    raise InputRejected(
        Reason.UNSUPPORTED_TYPE,
        f"not a supported document type (detected: {detected})",
        detected_type=detected,
    )


def _describe_unknown(head: bytes) -> str:
    sample = head[:512]
    if sample and all(32 <= b < 127 or b in (9, 10, 13) for b in sample):
        return "text/plain"
    return "application/octet-stream"
