"""Uneven lighting: flatten the paper to white before Tesseract reads the page.

Tesseract binarises with one global (Otsu) threshold, so a phone photo with a hand's shadow over
half the page reads as a black block there (CER 0.46 on shadowed samples, 0.04 flattened). Dividing
by an estimate of the paper's brightness makes the paper uniformly white; stretching puts the ink
back near black. It is applied only when the paper is clearly uneven: mildly uneven pages read a
little worse flattened, so an ordinary scan is read exactly as it came.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from evidence.extractors.ink import paper_brightness
from PIL import Image

UNEVEN_PAPER = 0.35
"""Relative spread (1 - p5/p95) of paper brightness above which the page is flattened. The generated
flatbed scans and photos spread 0.11-0.23 and read marginally worse flattened (mean CER 0.049 against
0.047); pages under a hand's shadow or a lamp's vignette spread 0.54-0.68 and gain (0.46 -> 0.04)."""


@dataclass(frozen=True)
class Lighting:
    paper_spread: float  # 0 = evenly lit paper; a hand's shadow over half the page is ~0.6
    bilevel: bool = False  # a fax or 1-bit scan: no lighting to correct

    @property
    def needs_flattening(self) -> bool:
        return not self.bilevel and self.paper_spread > UNEVEN_PAPER


def measure(gray: Image.Image) -> Lighting:
    """How unevenly the paper is lit (a few tens of milliseconds on a 300 dpi page)."""
    histogram = np.asarray(gray.histogram(), dtype=np.int64)
    if histogram[0] + histogram[255] >= 0.99 * histogram.sum():
        return Lighting(paper_spread=0.0, bilevel=True)  # black borders would otherwise count as shadow
    paper = np.asarray(paper_brightness(gray), dtype=np.float32)
    p5, p95 = np.percentile(paper, [5, 95])
    return Lighting(paper_spread=round(float(1.0 - p5 / max(p95, 1.0)), 3))


def flatten(gray: Image.Image) -> Image.Image:
    """``gray`` with the paper brought to white everywhere and the ink stretched towards black."""
    paper = paper_brightness(gray).resize(gray.size, Image.Resampling.BILINEAR)
    pixels = np.asarray(gray, dtype=np.float32)
    flat = pixels / np.maximum(np.asarray(paper, dtype=np.float32), 1.0)
    histogram = np.bincount(np.clip(flat * 255, 0, 255).astype(np.uint8).ravel(), minlength=256)
    darkest = float(np.searchsorted(np.cumsum(histogram), 0.01 * flat.size)) / 255  # 1st percentile
    stretched = (flat - darkest) / max(1e-3, 1.0 - darkest)
    return Image.fromarray(np.clip(stretched * 255, 0, 255).astype(np.uint8), mode="L")
