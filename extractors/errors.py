"""Reasons an input is set aside: a stable code for machines, one line for people."""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    WRONG_PASSWORD = "wrong_password"
    TOO_MANY_PAGES = "too_many_pages"
    PAGE_TOO_LARGE = "page_too_large"
    RESOLUTION_TOO_HIGH = "resolution_too_high"
    OCR_TIMEOUT = "ocr_timeout"
    NO_PAGES = "no_pages"
    PROCESSING_FAILED = "processing_failed"  # taken in, never finished after every retake (see flows.inbox)


class InputRejected(Exception):
    """A permanent problem with the input itself: quarantine it, never retry it."""

    def __init__(self, reason: Reason, message: str, detected_type: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.detected_type = detected_type

    def __reduce__(self) -> tuple:
        return (type(self), (self.reason, self.message, self.detected_type))

    def __str__(self) -> str:
        return f"{self.reason.value}: {self.message}"
