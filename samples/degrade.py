"""Make a clean page look like a real flatbed scan or phone photo.

Everything is driven by a ``random.Random`` seeded from the document name, and
only Pillow is used, so the same inputs give the same bytes on every run.
"""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass

from evidence.samples.spec import Profile
from PIL import Image, ImageChops, ImageDraw, ImageFilter

CARDINAL = (0, 90, 180, 270)
# Clockwise page turn -> Pillow transpose (Pillow's ROTATE_n is counter-clockwise).
_TURN = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class ScanParams:
    """The degradations applied to one page, recorded for reproducibility."""

    skew_deg: float
    blur_radius: float
    noise_amp: int  # max darkening of a pixel by grain, 0-255
    speckles: int  # dust specks and toner dots on the page
    light_floor: int  # darkest paper level under uneven lighting
    jpeg_quality: int


def seed_for(name: str) -> int:
    """A stable seed per document (``hash()`` is salted per process, sha256 is not)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")


def params_for(name: str, profile: Profile) -> ScanParams:
    """Draw the degradation parameters for a document from its seed."""
    rng = random.Random(seed_for(name))
    sign = rng.choice((-1.0, 1.0))
    if profile == "photo":
        return ScanParams(
            skew_deg=round(sign * rng.uniform(1.0, 2.0), 2),
            blur_radius=round(rng.uniform(0.9, 1.2), 2),
            noise_amp=rng.randint(12, 16),
            speckles=rng.randint(250, 400),
            light_floor=rng.randint(190, 205),
            jpeg_quality=rng.randint(45, 60),
        )
    return ScanParams(
        skew_deg=round(sign * rng.uniform(0.5, 1.2), 2),
        blur_radius=round(rng.uniform(0.6, 0.9), 2),
        noise_amp=rng.randint(6, 10),
        speckles=rng.randint(80, 160),
        light_floor=rng.randint(205, 225),
        jpeg_quality=rng.randint(60, 75),
    )


def _lighting(size: tuple[int, int], floor: int, rng: random.Random) -> Image.Image:
    """A smooth paper-brightness field: a coarse random grid upsampled bicubically."""
    grid = Image.new("L", (4, 5))
    grid.putdata([rng.randint(floor, 255) for _ in range(4 * 5)])
    return grid.resize(size, Image.Resampling.BICUBIC)


def _grain(size: tuple[int, int], amp: int, rng: random.Random) -> Image.Image:
    """Per-pixel sensor/paper grain as a darkening amount in [0, amp]."""
    raw = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return raw.point(lambda v: v * amp // 255)


def _speckle(size: tuple[int, int], count: int, rng: random.Random) -> Image.Image:
    """Sparse dust specks and toner dots, 1-3 px across, as a darkening amount."""
    dots = Image.new("L", size, 0)
    draw = ImageDraw.Draw(dots)
    for _ in range(count):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.choice((0.8, 1.0, 1.5, 2.0, 3.0))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(60, 170))
    return dots


def degrade(page: Image.Image, params: ScanParams, seed: int, rotation: int = 0) -> bytes:
    """Degrade an upright grayscale page; returns the final JPEG-compressed bytes.

    ``rotation`` turns the page clockwise by a multiple of 90 degrees, like a
    document photographed sideways, before JPEG compression.
    """
    if rotation not in CARDINAL:
        raise ValueError(f"rotation must be one of {CARDINAL}, not {rotation}")
    rng = random.Random(seed)
    img = page.rotate(params.skew_deg, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = ImageChops.multiply(img, _lighting(img.size, params.light_floor, rng))
    img = img.filter(ImageFilter.GaussianBlur(params.blur_radius))
    img = ImageChops.subtract(img, _grain(img.size, params.noise_amp, rng))
    img = ImageChops.subtract(img, _speckle(img.size, params.speckles, rng))
    if rotation:
        img = img.transpose(_TURN[rotation])
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=params.jpeg_quality, dpi=(300, 300))
    return buf.getvalue()


def shadowed(page: Image.Image, seed: int) -> Image.Image:
    """A phone photo of ``page`` with a hand's shadow over one side and faint ink (grayscale).

    The shadow's edge runs at a slant and is blurred over ~2 cm, the paper under it drops to
    35-50 % brightness, and the ink prints at gray 70-110: Tesseract's global threshold turns the
    shadowed side into a black block unless the reader evens out the lighting first.
    """
    rng = random.Random(seed)
    gray = page.convert("L")
    ink = rng.randint(70, 110)
    gray = gray.point(lambda v: ink + (255 - ink) * v // 255)
    width, height = gray.size
    cut = width * rng.uniform(0.35, 0.6)
    darkness = round(255 * rng.uniform(0.35, 0.5))
    mask = Image.new("L", gray.size, 255)
    slant = height * 0.15
    ImageDraw.Draw(mask).polygon([(0, 0), (cut + slant, 0), (cut - slant, height), (0, height)], fill=darkness)
    mask = mask.filter(ImageFilter.GaussianBlur(60))
    photo = ImageChops.multiply(gray, mask).filter(ImageFilter.GaussianBlur(1.0))
    photo = ImageChops.subtract(photo, _grain(photo.size, 12, rng))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=55)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")
