"""Digits of every script the pipeline reads, as ASCII: one pattern then matches them all."""

from __future__ import annotations

_TO_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩０１２３４５６７８９", "0123456789" * 3)


def ascii_digits(text: str) -> str:
    """Persian, Arabic-Indic and full-width digits as ASCII.

    Every replacement is one character for one, so offsets into the result are offsets into the
    original text.
    """
    return text.translate(_TO_ASCII)
