"""Unicode bidi embedding levels from the system FriBidi (the library raqm and Pillow already use).

reportlab's own bidi needs ``rlbidi``, which is not on PyPI; FriBidi is the reference
implementation of UAX #9 and is already installed with Pillow's text layout.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import unicodedata

_PAR_LTR = 0x110  # FRIBIDI_PAR_LTR
_PAR_RTL = 0x111  # FRIBIDI_PAR_RTL


@functools.cache
def _fribidi() -> ctypes.CDLL:
    lib = ctypes.CDLL(ctypes.util.find_library("fribidi") or "libfribidi.so.0")
    lib.fribidi_get_par_embedding_levels_ex.restype = ctypes.c_byte
    return lib


def is_rtl_paragraph(text: str) -> bool:
    """Rule P2/P3: the first strong character decides the paragraph direction."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def embedding_levels(text: str, rtl: bool) -> list[int]:
    """Resolved embedding level of each character (odd = right to left)."""
    n = len(text)
    if n == 0:
        return []
    lib = _fribidi()
    chars = (ctypes.c_uint32 * n)(*map(ord, text))
    types = (ctypes.c_uint32 * n)()
    brackets = (ctypes.c_uint32 * n)()
    levels = (ctypes.c_byte * n)()
    lib.fribidi_get_bidi_types(chars, n, types)
    lib.fribidi_get_bracket_types(chars, n, types, brackets)
    par = ctypes.c_uint32(_PAR_RTL if rtl else _PAR_LTR)
    if lib.fribidi_get_par_embedding_levels_ex(types, brackets, n, ctypes.byref(par), levels) == 0:
        raise RuntimeError("fribidi could not resolve embedding levels")
    return list(levels)


def visual_order(levels: list[int]) -> list[int]:
    """Indices of items in display order (rule L2: reverse runs from the highest level down)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
