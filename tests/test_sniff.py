"""Inputs are classified by their bytes, whatever their name says."""

from __future__ import annotations

import io

import pytest
from evidence.extractors.errors import InputRejected, Reason
from evidence.extractors.sniff import sniff
from PIL import Image


def _image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, fmt)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("fmt", "media_type"),
    [
        ("PNG", "image/png"),
        ("JPEG", "image/jpeg"),
        ("TIFF", "image/tiff"),
        ("GIF", "image/gif"),
        ("WEBP", "image/webp"),
    ],
)
def test_images_are_recognised_by_content(fmt: str, media_type: str) -> None:
    data = _image_bytes(fmt)
    assert sniff(data[:8192], len(data)).media_type == media_type


def test_pdf_with_leading_garbage_is_still_a_pdf() -> None:
    data = b"\x00\x00junk" + b"%PDF-1.7\n..."
    assert sniff(data, len(data)).media_type == "application/pdf"


def test_zero_bytes_is_empty() -> None:
    with pytest.raises(InputRejected) as info:
        sniff(b"", 0)
    assert info.value.reason is Reason.EMPTY


@pytest.mark.parametrize(
    ("data", "detected"),
    [
        (b"hello, this is a plain text file named scan.pdf\n", "text/plain"),
        (b"PK\x03\x04" + b"\x00" * 60, "application/zip"),
        (bytes(range(256)) * 4, "application/octet-stream"),
    ],
)
def test_non_documents_are_rejected_naming_the_detected_type(data: bytes, detected: str) -> None:
    with pytest.raises(InputRejected) as info:
        sniff(data, len(data))
    assert info.value.reason is Reason.UNSUPPORTED_TYPE
    assert info.value.detected_type == detected
    assert detected in info.value.message
