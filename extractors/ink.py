"""A small binarised copy of a page, the common input of deskew, line direction and probe windows.

Everything measured here works on a copy no larger than ``max_side`` pixels, so it costs a few
milliseconds whatever the scan's resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

INK_MAX_SIDE = 1200


@dataclass(frozen=True)
class InkMap:
    mask: np.ndarray  # True where there is ink, on the small copy
    scale: float  # small-copy pixels per full-size pixel


def ink_map(image: Image.Image, max_side: int = INK_MAX_SIDE) -> InkMap:
    """Ink mask of a downscaled copy, thresholded with Otsu's method after flattening the background.

    Flattening (dividing by a heavily blurred copy) keeps a dark corner of a phone photo from
    turning into a block of "ink".
    """
    gray = image if image.mode == "L" else image.convert("L")
    scale = min(1.0, max_side / max(gray.size))
    if scale < 1:
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        gray = gray.resize(size, Image.Resampling.BOX)
    pixels = np.asarray(gray, dtype=np.float32)
    background = _background(gray)
    flat = np.clip(pixels / np.maximum(background, 1.0) * 255.0, 0, 255)
    threshold = otsu(flat)
    return InkMap(mask=flat < min(threshold, 200.0), scale=scale)


def paper_brightness(gray: Image.Image) -> Image.Image:
    """Paper brightness on a copy 1/8 the size: the local maximum over areas larger than a character
    (a 5 px window there spans 40 px), smoothed. Shared with the lighting correction."""
    small = gray.reduce(8) if min(gray.size) >= 64 else gray
    return small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(2))


def _background(gray: Image.Image) -> np.ndarray:
    """Paper brightness at the size of ``gray``."""
    return np.asarray(paper_brightness(gray).resize(gray.size, Image.Resampling.BILINEAR), dtype=np.float32)


def otsu(values: np.ndarray) -> float:
    """Otsu's threshold of 8-bit-range values."""
    histogram = np.bincount(np.clip(values, 0, 255).astype(np.uint8).ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    if total == 0:
        return 128.0
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    background = weight[-1] - weight
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight - mean * weight[-1]) ** 2 / (weight * background)
    between[~np.isfinite(between)] = 0
    return float(np.argmax(between))
