"""Where the text is: the most text-like window of a page, found on its ink map.

Probe passes (orientation checks, language identification) OCR only this window, so their cost
stays a fraction of a full page whatever the page holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from evidence.extractors.ink import InkMap

PROBE_WINDOW_FRACTION = 0.3
"""Window side as a fraction of the page's short side: ~10 lines of body text on an A4 page."""

PROBE_WINDOW_MIN_PX = 600


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    right: int
    bottom: int

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.left, self.top, self.right, self.bottom)


def probe_window(ink: InkMap, full_size: tuple[int, int]) -> Box:
    """The square window (full-size pixels) with the most ink-to-paper transitions: text, not pictures."""
    width, height = full_size
    side = int(max(PROBE_WINDOW_FRACTION * min(width, height), PROBE_WINDOW_MIN_PX))
    if side * 1.5 >= max(width, height):
        return Box(0, 0, width, height)  # a small image: cutting it would only cut words
    side_w, side_h = min(side, width), min(side, height)
    edges = (_transitions(ink.mask) | _transitions(ink.mask.T).T).astype(np.int64)
    small_w = max(1, round(side_w * ink.scale))
    small_h = max(1, round(side_h * ink.scale))
    integral = np.pad(edges.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    rows, cols = edges.shape
    if small_h >= rows or small_w >= cols:
        return Box(0, 0, width, height)
    sums = (
        integral[small_h:, small_w:]
        - integral[:-small_h, small_w:]
        - integral[small_h:, :-small_w]
        + integral[:-small_h, :-small_w]
    )
    top, left = np.unravel_index(int(np.argmax(sums)), sums.shape)
    x0 = min(int(left / ink.scale), width - side_w)
    y0 = min(int(top / ink.scale), height - side_h)
    return Box(x0, y0, x0 + side_w, y0 + side_h)


def _transitions(mask: np.ndarray) -> np.ndarray:
    """Pixels where ink starts along a row (left edge of a stroke)."""
    edges = np.zeros_like(mask)
    edges[:, 1:] = mask[:, 1:] & ~mask[:, :-1]
    return edges
