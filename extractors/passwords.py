"""A PDF password given on the command line, held in this process's memory for the run only.

It is never a flow or task parameter, never logged and never stored: `evidence process` runs its
flows in its own process (no worker), sets the password here around them, and the read stage
falls back to it when no password was passed in. The record keeps only ``password_supplied``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

_supplied: str | None = None


@contextmanager
def supplied_password(password: str | None) -> Iterator[None]:
    """Make ``password`` available to PDF reading in this process until the block ends."""
    global _supplied
    previous, _supplied = _supplied, password
    try:
        yield
    finally:
        _supplied = previous


def current_password() -> str | None:
    return _supplied
