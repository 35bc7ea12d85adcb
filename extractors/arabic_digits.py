"""Our own reader for digit words on Arabic-script pages: Arabic-Indic, Persian and Western digits.

Why: Tesseract 5.3's ``ara`` and ``fas`` models misread Eastern digits on clean 300 dpi scans (۴ as ۲,
۷ as ۵, ٢ as 7), and dates and case numbers are the facts an asylum claim rests on. Digits are isolated
glyphs from a closed set of about thirty shapes, so a nearest-neighbour match against rendered
templates reads them better than a model trained on running text. The templates are built by
``scripts/build_arabic_digit_templates.py`` from Debian's Arabic-script fonts and shipped as
``arabic_digit_templates.npz``; nothing here needs a font at run time.

The caller hands over the crop of one word that Tesseract says holds digits and gets back either a
reading or None ("not purely a number", so Tesseract's text stands).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
from PIL import Image

Style = Literal["arabic", "persian", "western"]

TEMPLATE_PATH = Path(__file__).with_name("arabic_digit_templates.npz")
FEATURE_VERSION = 2
SHAPE = 16  # side of the normalised glyph bitmap
GEOMETRY = (
    "height",
    "width",
    "top",
    "bottom",
    "aspect",
    "density",
    "runs_top",
    "runs_middle",
    "runs_bottom",
    "runs_left",
    "runs_centre",
    "runs_right",
)

# Weights of the geometric features against the 256 shape pixels in the squared distance: position
# and size are what tell a zero (a mid-height dot) from a full stop (on the baseline) or a five.
_GEOMETRY_WEIGHTS = np.array([4.0, 3.0, 8.0, 8.0, 1.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0], dtype=np.float32)
# A glyph farther than this (squared distance) from every template of its reading is not ours.
_REJECT_DISTANCE = 14.0
_MAX_GLYPHS = 40
_MIN_LINE = 7  # px: digits 2 mm tall at 90 dpi; anything smaller is a speck, not a word
# Added to a full stop's distance inside an Eastern number: dates and case numbers there use "/",
# while a zero (a dot a little higher) is the commonest digit, so a tie goes to the zero.
_INNER_STOP_PENALTY = 2.0

_SEPARATORS = "/-.:"
# May stand before or after a number: a list marker's hyphen, a comma, a full stop, parentheses.
_EDGE_MARKS = "-.:،()"
_MAX_EDGE_MARKS = 2  # on each side: "(٩٤)." ends in two
_MIRRORED = str.maketrans("()", ")(")
_DIGIT_BASE = {"arabic": 0x0660, "persian": 0x06F0, "western": 0x30}


@dataclass(frozen=True)
class NumberReading:
    """A digit word as read from its glyph shapes.

    ``text`` is in logical order: the number's digits most significant first (left to right on the
    page), marks outside the number placed as a right-to-left line reads them (a hyphen drawn left
    of "١" is "١-"). ``confidence`` is the weakest glyph's.
    """

    text: str
    style: Style
    confidence: float
    glyphs: int


@dataclass(frozen=True)
class Glyph:
    """One glyph of a word: its box in crop pixels (end exclusive) and its ink."""

    x0: int
    y0: int
    x1: int
    y1: int
    mask: np.ndarray  # bool, (y1 - y0, x1 - x0)

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Segmentation:
    """The glyphs of a word left to right and the line they stand on (top and bottom of the tall ones)."""

    glyphs: tuple[Glyph, ...]
    top: float
    bottom: float
    stroke: float  # median run of ink along a row, in pixels


@dataclass(frozen=True)
class _Templates:
    vectors: np.ndarray  # (n, SHAPE*SHAPE + len(GEOMETRY)) weighted, float32, sorted by label
    squared_norms: np.ndarray  # (n,)
    labels: np.ndarray  # (n,) index into classes
    classes: tuple[str, ...]
    starts: np.ndarray  # first row of each class; every class has a row


def read_number(crop: Image.Image, default_style: Literal["arabic", "persian"] = "arabic") -> NumberReading | None:
    """Read one word's crop (grayscale, upright, a few px of margin) as a number, or None.

    None means the crop is not purely a number: blank, a letter among the glyphs, a glyph that no
    template matches well, or ink cut by the crop's side (the word box missed part of the word).
    The digit script comes from the glyph shapes, one script per word; Arabic-Indic and Persian
    digits share all shapes but 4, 5, 6 (and an Urdu-style 7), so without one of those
    ``default_style`` (the page's language) decides. Marks at a number's edges are ordered as a
    right-to-left line reads them: call this on Arabic-script pages only.
    """
    segmentation = segment(crop)
    if segmentation is None:
        return None
    shapes, geometry = glyph_features(segmentation)
    templates = _templates()
    distances = _class_distances(_weighted(shapes, geometry), templates)
    # A small mark like no digit or separator is a speck, not a reason to give up on the word.
    speck_area = 2.5 * segmentation.stroke**2
    specks = np.array([g.mask.sum() < speck_area for g in segmentation.glyphs]) & (
        distances.min(axis=1) > _REJECT_DISTANCE
    )
    if specks.all():
        return None
    return _decode(distances[~specks], templates.classes, default_style)


# --- segmentation -------------------------------------------------------------------------------


def segment(crop: Image.Image) -> Segmentation | None:
    """Glyphs of a word crop, left to right, or None when the crop holds no clear ink.

    Binarised with Otsu's method after dividing by the paper's brightness; glyphs are connected
    components, with pieces stacked one above the other (a colon's dots, a broken stroke) joined.
    Specks, ink cut by the crop's top or bottom (a neighbouring line) and marks lying wholly in the
    margin (a neighbour's dot) are dropped; a glyph cut by the left or right edge means the word box
    missed part of the word, and the crop is not read. Shared with the template build, so templates
    and crops are measured alike.
    """
    gray = np.asarray(crop if crop.mode == "L" else crop.convert("L"), dtype=np.float32)
    if gray.ndim != 2 or min(gray.shape) < 4:
        return None
    binarised = _binarise(gray)
    if binarised is None:
        return None
    ink, flat, level = binarised
    components, stroke = _components(ink)
    if not components:
        return None
    height, width = ink.shape
    min_area = max(3.0, 0.5 * stroke * stroke)  # a bold zero is a dot one stroke wide; a speck is less
    marks = [c for c in components if c[4] >= min_area]
    if not marks:
        return None
    # A zero or a stop is as dark at its core as the digits; a grey speck of dust or toner is not.
    cores = [min(float(flat[r, s:e].min()) for r, s, e in zip(c[5], c[6], c[7], strict=True)) for c in marks]
    small = 3.0 * stroke * stroke
    darkest = float(np.median([core for c, core in zip(marks, cores, strict=True) if c[4] >= small] or cores))
    faint = darkest + 0.3 * (level - darkest)
    marks = [c for c, core in zip(marks, cores, strict=True) if core <= faint or c[4] >= small]
    if not marks:
        return None
    tallest = max(c[3] - c[1] for c in marks)
    if any((c[0] == 0 or c[2] == width) and c[3] - c[1] >= 0.4 * tallest for c in marks):
        return None
    kept = [c for c in marks if c[0] > 0 and c[1] > 0 and c[2] < width and c[3] < height]
    kept = _drop_margin_marks(kept, width, height, 0.6 * tallest)
    if not kept or len(kept) > 3 * _MAX_GLYPHS:
        return None
    glyphs = _join_stacked(kept)
    if not glyphs or len(glyphs) > _MAX_GLYPHS:
        return None
    glyphs.sort(key=lambda g: (g.x0 + g.x1) / 2)
    heights = np.array([g.height for g in glyphs], dtype=np.float32)
    tall = [g for g in glyphs if g.height >= 0.55 * float(np.percentile(heights, 90))]
    top = float(np.median([g.y0 for g in tall]))
    bottom = float(np.median([g.y1 for g in tall]))
    if bottom - top < _MIN_LINE:
        return None
    return Segmentation(tuple(glyphs), top, bottom, stroke)


def _binarise(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, float] | None:
    """Ink mask, the flattened image (0 black .. 1 paper) and the threshold; None for a crop
    without contrast (blank paper, noise)."""
    height = gray.shape[0]
    window = max(3, min(41, (height // 2) | 1))
    paper = _box_blur(_max_filter(gray, window), window)
    flat = np.clip(gray / np.maximum(paper, 1.0), 0.0, 1.0)
    histogram = np.bincount((flat * 63.0 + 0.5).astype(np.int64).ravel(), minlength=64).astype(np.float64)
    levels = np.arange(64, dtype=np.float64) / 63.0
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    total, total_mean = weight[-1], mean[-1]
    rest = total - weight
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mean * weight - mean * total) ** 2 / (weight * rest)
    between[~np.isfinite(between)] = 0
    cut = int(np.argmax(between))
    dark, light = weight[cut], rest[cut]
    if dark == 0 or light == 0:
        return None
    dark_mean = mean[cut] / dark
    light_mean = (total_mean - mean[cut]) / light
    if light_mean - dark_mean < 0.25 or dark / total > 0.6 or dark_mean > 0.75:
        return None
    return flat <= levels[cut], flat, float(levels[cut])


def _max_filter(values: np.ndarray, window: int) -> np.ndarray:
    pad = window // 2
    padded = np.pad(values, pad, mode="edge")
    rows = np.lib.stride_tricks.sliding_window_view(padded, window, axis=0).max(axis=-1)
    return np.lib.stride_tricks.sliding_window_view(rows, window, axis=1).max(axis=-1)


def _box_blur(values: np.ndarray, window: int) -> np.ndarray:
    pad = window // 2
    padded = np.pad(values, pad, mode="edge")
    rows = np.lib.stride_tricks.sliding_window_view(padded, window, axis=0).mean(axis=-1)
    return np.lib.stride_tricks.sliding_window_view(rows, window, axis=1).mean(axis=-1)


_Component = tuple[int, int, int, int, int, np.ndarray, np.ndarray, np.ndarray]
# x0, y0, x1, y1 (end exclusive), area, run rows, run starts, run ends


def _components(ink: np.ndarray) -> tuple[list[_Component], float]:
    """8-connected components by union of horizontal runs, and the median run length (stroke width)."""
    height, width = ink.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)
    count = len(rows)
    if count == 0:
        return [], 0.0
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first = np.searchsorted(rows, np.arange(height + 1)).tolist()
    s_list, e_list = starts.tolist(), ends.tolist()
    for r in range(1, height):
        i, i_end, j, j_end = first[r - 1], first[r], first[r], first[r + 1]
        while i < i_end and j < j_end:
            if s_list[j] <= e_list[i] and s_list[i] <= e_list[j]:
                a, b = root(i), root(j)
                if a != b:
                    parent[b] = a
            if e_list[i] < e_list[j]:
                i += 1
            else:
                j += 1
    roots = np.array([root(i) for i in range(count)])
    order = np.argsort(roots, kind="stable")
    boundaries = np.flatnonzero(np.diff(roots[order])) + 1
    components: list[_Component] = []
    for group in np.split(order, boundaries):
        r, s, e = rows[group], starts[group], ends[group]
        area = int((e - s).sum())
        components.append((int(s.min()), int(r.min()), int(e.max()), int(r.max()) + 1, area, r, s, e))
    stroke = float(np.median(ends - starts))
    return components, stroke


def _drop_margin_marks(components: list[_Component], width: int, height: int, tall: float) -> list[_Component]:
    """Drop marks lying wholly in the crop's margin: ink of a neighbouring word, not of this one.

    The caller crops the word box with the same margin on every side, so the margin is the usual
    distance from the crop's edges to the word's ink; a side nearer than that has a stray mark. A
    digit-tall mark left or right of the box more likely means the box missed part of the number:
    then nothing is kept.
    """
    if len(components) < 2:
        return components
    areas = np.array([c[4] for c in components], dtype=np.float32)
    big = [c for c in components if c[4] >= 0.5 * float(np.median(areas))]
    x0 = min(c[0] for c in big)
    y0 = min(c[1] for c in big)
    x1 = max(c[2] for c in big)
    y1 = max(c[3] for c in big)
    margin = float(np.median([x0, y0, width - x1, height - y1]))
    inner = margin - 2.0
    if inner < 2:
        return components
    kept = [c for c in components if c[2] > inner and c[0] < width - inner and c[3] > inner and c[1] < height - inner]
    beside = [c for c in components if c[2] <= inner or c[0] >= width - inner]
    if any(c[3] - c[1] >= tall for c in beside):
        return []
    return kept or components


def _join_stacked(components: list[_Component]) -> list[Glyph]:
    """Join the pieces of one glyph: pieces stacked one above the other (a colon's dots, a stroke
    broken by a faint scan: most columns shared, few rows) and dots in a hole (a mono font's zero)."""
    count = len(components)
    owner = list(range(count))

    def root(i: int) -> int:
        while owner[i] != i:
            i = owner[i]
        return i

    masks = [_mask(c) for c in components]
    tallest = max(c[3] - c[1] for c in components)
    for i in range(count):
        for j in range(i + 1, count):
            a, b = components[i], components[j]
            overlap = min(a[2], b[2]) - max(a[0], b[0])
            narrow = min(a[2] - a[0], b[2] - b[0])
            rows_shared = min(a[3], b[3]) - max(a[1], b[1])
            low = min(a[3] - a[1], b[3] - b[1])
            gap = -rows_shared
            stacked = overlap >= 0.5 * narrow and rows_shared <= 0.2 * low and gap <= 0.6 * tallest
            if stacked or _in_hole(a, masks[i], b) or _in_hole(b, masks[j], a):
                ra, rb = root(i), root(j)
                if ra != rb:
                    owner[rb] = ra
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(root(i), []).append(i)
    glyphs = []
    for members in groups.values():
        x0 = min(components[i][0] for i in members)
        y0 = min(components[i][1] for i in members)
        x1 = max(components[i][2] for i in members)
        y1 = max(components[i][3] for i in members)
        mask = np.zeros((y1 - y0, x1 - x0), dtype=bool)
        for i in members:
            c = components[i]
            mask[c[1] - y0 : c[3] - y0, c[0] - x0 : c[2] - x0] |= masks[i]
        glyphs.append(Glyph(x0, y0, x1, y1, mask))
    return glyphs


def _mask(c: _Component) -> np.ndarray:
    mask = np.zeros((c[3] - c[1], c[2] - c[0]), dtype=bool)
    for r, s, e in zip(c[5].tolist(), c[6].tolist(), c[7].tolist(), strict=True):
        mask[r - c[1], s - c[0] : e - c[0]] = True
    return mask


def _in_hole(outer: _Component, outer_mask: np.ndarray, inner: _Component) -> bool:
    """Whether ``inner`` sits in a hole of ``outer`` (paper enclosed by its ink)."""
    if not (outer[0] < inner[0] and inner[2] < outer[2] and outer[1] < inner[1] and inner[3] < outer[3]):
        return False
    paper = np.ones((outer_mask.shape[0] + 2, outer_mask.shape[1] + 2), dtype=bool)
    paper[1:-1, 1:-1] = ~outer_mask
    regions, _ = _components(paper)
    y, x = (inner[1] + inner[3]) // 2 - outer[1] + 1, (inner[0] + inner[2]) // 2 - outer[0] + 1
    for region in regions:
        if region[1] == 0:  # the paper around the glyph: it touches the padded border
            continue
        rows = region[5] == y
        if np.any((region[6][rows] <= x) & (x < region[7][rows])):
            return True
    return False


# --- features -----------------------------------------------------------------------------------


def glyph_features(segmentation: Segmentation) -> tuple[np.ndarray, np.ndarray]:
    """Per glyph: a SHAPE x SHAPE bitmap (aspect kept, centred, lightly blurred) and its geometry.

    Geometry is relative to the word's line (top and bottom of its tall glyphs): height, width,
    top and bottom offsets, log aspect ratio and ink density. Shared with the template build.
    """
    line = max(segmentation.bottom - segmentation.top, 1.0)
    count = len(segmentation.glyphs)
    shapes = np.zeros((count, SHAPE * SHAPE), dtype=np.float32)
    geometry = np.zeros((count, len(GEOMETRY)), dtype=np.float32)
    for k, glyph in enumerate(segmentation.glyphs):
        shapes[k] = _shape(glyph.mask)
        geometry[k] = (
            glyph.height / line,
            glyph.width / line,
            (glyph.y0 - segmentation.top) / line,
            (glyph.y1 - segmentation.bottom) / line,
            float(np.clip(np.log(glyph.width / glyph.height), -2.5, 2.5)),
            float(glyph.mask.mean()),
            *_crossings(glyph.mask),
        )
    return shapes, geometry


def _crossings(mask: np.ndarray) -> tuple[float, ...]:
    """Strokes crossed by rows in the top, middle and bottom thirds, and by columns in the left,
    centre and right thirds: a ٢ has two prongs on top and a ٣ three, which a small bitmap blurs."""
    padded = np.pad(mask, 1).astype(np.int8)
    row_runs = (np.diff(padded, axis=1) == 1).sum(axis=1)[1:-1]
    column_runs = (np.diff(padded, axis=0) == 1).sum(axis=0)[1:-1]
    out = []
    for runs in (row_runs, column_runs):
        thirds = np.array_split(runs.astype(np.float32), 3) if len(runs) >= 3 else [runs.astype(np.float32)] * 3
        out += [float(t.mean()) if len(t) else 1.0 for t in thirds]
    return tuple(out)


def _shape(mask: np.ndarray) -> np.ndarray:
    height, width = mask.shape
    scale = (SHAPE - 2) / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    image = Image.fromarray(mask.astype(np.uint8) * 255)
    method = Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR
    small = np.asarray(image.resize(size, method), dtype=np.float32) / 255.0
    canvas = np.zeros((SHAPE + 2, SHAPE + 2), dtype=np.float32)
    top = 1 + (SHAPE - size[1]) // 2
    left = 1 + (SHAPE - size[0]) // 2
    canvas[top : top + size[1], left : left + size[0]] = small
    blurred = (canvas[:-2] + 2 * canvas[1:-1] + canvas[2:]) / 4
    blurred = (blurred[:, :-2] + 2 * blurred[:, 1:-1] + blurred[:, 2:]) / 4
    return blurred.ravel()


def _weighted(shapes: np.ndarray, geometry: np.ndarray) -> np.ndarray:
    return np.concatenate([shapes, geometry * _GEOMETRY_WEIGHTS], axis=1).astype(np.float32)


# --- classification -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _templates() -> _Templates:
    """The shipped templates, loaded once."""
    with np.load(TEMPLATE_PATH, allow_pickle=False) as data:
        if int(data["feature_version"]) != FEATURE_VERSION:
            raise RuntimeError(f"{TEMPLATE_PATH.name} was built for another feature version: rebuild it")
        shapes = data["shapes"].astype(np.float32) / 255.0
        geometry = data["geometry"].astype(np.float32)
        labels = data["labels"].astype(np.int64)
        classes = tuple(str(c) for c in data["classes"])
    return make_templates(shapes, geometry, labels, classes)


def make_templates(
    shapes: np.ndarray, geometry: np.ndarray, labels: np.ndarray, classes: tuple[str, ...]
) -> _Templates:
    """Templates ready for matching (rows grouped by class). Shared with the template build."""
    order = np.argsort(labels, kind="stable")
    vectors = _weighted(shapes[order], geometry[order])
    labels = labels[order]
    present = np.unique(labels)
    if len(present) != len(classes):
        raise RuntimeError("every template class needs a template")
    starts = np.searchsorted(labels, np.arange(len(classes)))
    return _Templates(vectors, (vectors * vectors).sum(axis=1), labels, classes, starts)


def _class_distances(vectors: np.ndarray, templates: _Templates) -> np.ndarray:
    """(glyphs, classes) squared distance to each class's nearest template."""
    squared = (vectors * vectors).sum(axis=1)[:, None] + templates.squared_norms[None, :]
    squared -= 2.0 * vectors @ templates.vectors.T
    np.maximum(squared, 0.0, out=squared)
    return np.minimum.reduceat(squared, templates.starts, axis=1)


def _decode(distances: np.ndarray, classes: tuple[str, ...], default_style: str) -> NumberReading | None:
    """Label every glyph under the likelier script (Eastern or Western, one per word), or None.

    Class names are a kind and a value: E (an Eastern digit shape that Arabic-Indic and Persian
    share), A (Arabic-Indic only), P (Persian or Urdu only), W (Western) with the digit, S with the
    separator or mark, X with a letter that looks like a digit.
    """
    kinds = np.array([name[0] for name in classes])
    values = np.array([name[1:] for name in classes])
    letters = kinds == "X"
    if letters.any() and (distances[:, letters].min(axis=1) < distances[:, ~letters].min(axis=1)).any():
        return None  # a glyph nearer a letter (waw, heh, ain, ...) than any digit: a word, not a number
    stop = np.flatnonzero(values == ".")
    best: tuple[float, str, np.ndarray, np.ndarray] | None = None
    for script, allowed_kinds in (("eastern", "EAPS"), ("western", "WS")):
        allowed = np.isin(kinds, list(allowed_kinds))
        sub = np.where(allowed[None, :], distances, np.inf)
        if script == "eastern" and len(stop) and len(sub) > 2:
            sub[1:-1, stop] += _INNER_STOP_PENALTY
        cost = float(sub.min(axis=1).sum())
        if best is None or cost < best[0]:
            best = (cost, script, allowed, sub)
    assert best is not None
    _, script, allowed, sub = best
    labels, confidences = [], []
    for row in sub:
        choice = int(row.argmin())
        nearest = float(row[choice])
        if nearest > _REJECT_DISTANCE:
            return None
        rivals = row[allowed & (values != values[choice])]
        runner_up = float(rivals.min()) if len(rivals) else np.inf
        margin = 1.0 if not np.isfinite(runner_up) else (runner_up - nearest) / max(runner_up, 1e-6)
        quality = 1.0 / (1.0 + (nearest / 4.0) ** 2)  # 0.94 at a typical match (1), 0.5 at 4, 0.14 at 10
        confidences.append(min(1.0, margin / 0.4) * quality)
        labels.append(classes[choice])
    return _assemble(labels, confidences, script, default_style)


def _assemble(labels: list[str], confidences: list[float], script: str, default_style: str) -> NumberReading | None:
    """Text in logical order from glyph labels left to right, or None if they do not form a number."""
    digit_at = [k for k, label in enumerate(labels) if label[0] in "EAPW"]
    if not digit_at or all(label == "E0" or label[0] == "S" for label in labels):
        return None  # nothing tall to measure the line by: a lone dot may be a zero, a stop or a speck
    first, last = digit_at[0], digit_at[-1]
    left, core, right = labels[:first], labels[first : last + 1], labels[last + 1 :]
    if len(left) > _MAX_EDGE_MARKS or len(right) > _MAX_EDGE_MARKS:
        return None
    if any(label[0] != "S" or label[1:] not in _EDGE_MARKS for label in left + right):
        return None
    previous_separator = False
    for label in core:
        separator = label[0] == "S"
        if separator and (label[1:] not in _SEPARATORS or previous_separator):
            return None
        previous_separator = separator
    if script == "western":
        style: Style = "western"
    else:
        arabic = sum(label[0] == "A" for label in core)
        persian = sum(label[0] == "P" for label in core)
        if arabic > persian:
            style = "arabic"
        elif persian > arabic:
            style = "persian"
        else:
            style = "persian" if default_style == "persian" else "arabic"
    base = _DIGIT_BASE[style]

    def char(label: str) -> str:
        return chr(base + int(label[1])) if label[0] in "EAPW" else label[1:]

    number = "".join(char(label) for label in core)
    # A right-to-left line is read from the right: marks drawn right of the number come before it, those
    # drawn left after it, each nearest first, and a parenthesis is drawn mirrored ("(" stands for ")").
    before = "".join(char(label) for label in reversed(right)).translate(_MIRRORED)
    after = "".join(char(label) for label in reversed(left)).translate(_MIRRORED)
    text = before + number + after
    return NumberReading(text=text, style=style, confidence=round(min(confidences), 3), glyphs=len(labels))
