"""Where the text is: the most text-like window of a page, and a band of whole lines inside it.

Probe passes (orientation checks, language identification) OCR only the window, or the band, so
their cost stays a fraction of a full page whatever the page holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from evidence.extractors.ink import InkMap

PROBE_WINDOW_FRACTION = 0.3
"""Window side as a fraction of the page's short side: ~10 lines of body text on an A4 page."""

PROBE_WINDOW_MIN_PX = 600

BAND_LINES = 6
"""Text lines a language probe reads when a shorter band left it unsure: ~170-310 characters on the
bench pages, where lingua was sure (>= 0.999) on every page, at 0.43x the probe time of the whole
window (~25 lines of body text on a dense page). On the 118 calibration pages it was right on all."""

QUICK_BAND_LINES = 4
"""Text lines the first language probe reads. On the 118 calibration pages lingua was sure (>= 0.9)
on 111 of them from four lines, and right on every one it was sure of; the seven others (one
Ukrainian page read as Russian at 0.84, Persian pages at 0.72-0.89) are read again from six."""

_LINE_INK_FRACTION = 0.02  # a row with less ink than this share of its width is a gap between lines


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


def line_band(window_mask: np.ndarray, lines: int = BAND_LINES) -> tuple[int, int] | None:
    """Rows (of ``window_mask``, the upright ink of a probe window) holding ``lines`` whole text lines.

    The band is cut in the middle of the gaps above and below, never through a line: a probe of
    lines cut in half reads less confidently and then needs more probes. None when the window
    holds no more lines than that (or its lines do not run along its rows): read it all.
    """
    height, width = window_mask.shape
    inked = window_mask.sum(axis=1) > max(1.0, _LINE_INK_FRACTION * width)
    starts = np.flatnonzero(inked & ~np.concatenate(([False], inked[:-1])))
    ends = np.flatnonzero(inked & ~np.concatenate((inked[1:], [False]))) + 1
    if len(starts) == 0:
        return None
    typical = float(np.median(ends - starts))
    found = [(int(s), int(e)) for s, e in zip(starts, ends, strict=True) if e - s >= typical / 3]  # no specks
    if len(found) <= lines:
        return None
    first = len(found) // 2 - lines // 2
    last = first + lines - 1
    top = (found[first - 1][1] + found[first][0]) // 2 if first > 0 else 0
    bottom = (found[last][1] + found[last + 1][0] + 1) // 2 if last + 1 < len(found) else height
    return top, bottom
