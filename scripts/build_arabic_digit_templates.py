"""Build extractors/arabic_digit_templates.npz, the glyph templates of evidence.extractors.arabic_digits.

Why a build step: the reader must not need fonts at run time, and templates measured by the reader's
own segmentation (same binarisation, same line reference) match what it sees on a scan. This renders
random dates, case numbers and short numbers in Arabic-Indic, Persian (also in the fonts' Urdu forms)
and Western digits, with the separators / - . :, the Arabic comma, parentheses and now and then a
letter (the classes that make the reader decline), in every Arabic-script font of the Debian packages
below and, for Western digits, their Latin fonts, at 7-18 pt at 300 dpi with mild scan damage (blur,
noise, JPEG, ink weight and contrast jitter, a slight tilt or stretch). Each rendering is segmented by
``arabic_digits.segment``; the glyphs of renderings that split into exactly their characters are kept
and each class is reduced by k-means to at most --per-class prototypes, which keeps the file
commit-sized (about 0.6 MB). Glyph classes follow the shape drawn, not the code point (see
``_shape_kinds``).

Noto fonts are never used: the calibration documents are set in Noto Naskh Arabic and Noto Sans, so
leaving Noto out makes the calibration a test on an unseen font, as real documents (B Nazanin,
Traditional Arabic, ...) are.

Fonts (Debian): apt-get install fonts-hosny-amiri fonts-hosny-thabit fonts-sil-scheherazade
fonts-sil-lateef fonts-sil-harmattan fonts-sil-alkalami fonts-kacst fonts-kacst-one fonts-farsiweb
fonts-freefarsi fonts-arabeyes fonts-paktype fonts-nafees fonts-lemonada fonts-unikurdweb
fonts-dejavu-core fonts-dejavu-extra fonts-freefont-ttf fonts-liberation2 fonts-urw-base35

    python scripts/build_arabic_digit_templates.py            # writes the .npz
    python scripts/build_arabic_digit_templates.py --folds 4  # also: accuracy on held-out font families
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from evidence.extractors import arabic_digits as ad
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFilter, ImageFont

APT_PACKAGES = [
    "fonts-hosny-amiri",
    "fonts-hosny-thabit",
    "fonts-sil-scheherazade",
    "fonts-sil-lateef",
    "fonts-sil-harmattan",
    "fonts-sil-alkalami",
    "fonts-kacst",
    "fonts-kacst-one",
    "fonts-farsiweb",
    "fonts-freefarsi",
    "fonts-arabeyes",
    "fonts-paktype",
    "fonts-nafees",
    "fonts-lemonada",
    "fonts-unikurdweb",
    "fonts-dejavu-core",
    "fonts-dejavu-extra",
    "fonts-freefont-ttf",
    "fonts-liberation2",
    "fonts-urw-base35",
]

FONT_ROOT = Path("/usr/share/fonts")
# Text faces only: display faces whose digits are squares or outlines (KacstScreen, ae_Electron, ...)
# would teach shapes no document uses. Globs under FONT_ROOT; a missing file is skipped.
FONT_GLOBS = (
    "opentype/fonts-hosny-amiri/Amiri-[BRS]*.ttf",
    "opentype/fonts-hosny-thabit/Thabit*.ttf",
    "truetype/scheherazade/Scheherazade-*.ttf",
    "opentype/lateef/Lateef-Regular.ttf",
    "opentype/lateef/Lateef-Bold.ttf",
    "opentype/lateef/Lateef-ExtraBold.ttf",
    "opentype/lateef/Lateef-Light.ttf",
    "truetype/harmattan/Harmattan-*.ttf",
    "truetype/alkalami/Alkalami-Regular.ttf",
    "truetype/kacst/Kacst[ABDFLNOPQ]*.ttf",
    "truetype/kacst-one/KacstOne*.ttf",
    "truetype/farsiweb/*.ttf",
    "truetype/freefarsi/FreeFarsi*.ttf",
    "truetype/paktype/*.ttf",
    "truetype/fonts-nafees/NafeesWeb.ttf",
    "opentype/lemonada/Lemonada-*.otf",
    "truetype/unikurdweb/Unikuweb.ttf",
    "truetype/dejavu/DejaVuSans*.ttf",
    "truetype/dejavu/DejaVuSerif*.ttf",
    "truetype/freefont/Free*.ttf",
    "truetype/liberation2/Liberation*-Regular.ttf",
    "truetype/liberation2/Liberation*-Bold.ttf",
    "truetype/liberation2/Liberation*-Italic.ttf",
    "opentype/urw-base35/NimbusSans-*.otf",
    "opentype/urw-base35/NimbusSansNarrow-Regular.otf",
    "opentype/urw-base35/NimbusRoman-*.otf",
    "opentype/urw-base35/NimbusMonoPS-Regular.otf",
    "opentype/urw-base35/C059-*.otf",
    "opentype/urw-base35/P052-*.otf",
    "opentype/urw-base35/URWBookman-*.otf",
    "opentype/urw-base35/URWGothic-*.otf",
    *(
        f"truetype/fonts-arabeyes/ae_{name}.ttf"
        for name in [
            "AlArabiya",
            "AlBattar",
            "AlHor",
            "AlYarmook",
            "Arab",
            "Cortoba",
            "Dimnah",
            "Furat",
            "Graph",
            "Kayrawan",
            "Nagham",
            "Nice",
            "Ostorah",
            "Ouhod-Bold",
            "Rasheeq-Bold",
            "Sharjah",
            "Sindbad",
            "Tarablus",
            "Tholoth",
        ]
    ),
)
# Fonts whose digit shapes are the references when labelling every font's 4, 5, 6 and 7 by shape
# (Farsiweb's fonts draw the Arabic-Indic code points with Persian shapes, Urdu-style fonts draw
# Persian 6 like the Arabic one and 7 like "<"): Arabic-Indic and Persian shapes from fonts that
# draw them distinctly, the Urdu seven from the Urdu fonts.
SHAPE_REFERENCES = (
    "Amiri-Regular",
    "Scheherazade-Regular",
    "Harmattan-Regular",
    "DejaVuSans",
    "FreeSerif",
    "KacstOne",
    "Lateef-Regular",
    "PakType Naskh Basic",
)
URDU_SEVEN_REFERENCES = ("PakType Naskh Basic Urdu", "NafeesWeb")

SIZES_PT = (7, 8, 9, 10, 11, 12, 14, 16, 18)
DPI = 300
SEPARATORS = "/-.:"
ARABIC_COMMA = "\u060c"
PARENTHESES = "()"
MARKS = SEPARATORS + ARABIC_COMMA + PARENTHESES
# Letters drawn among digits, as templates of the classes XA, XL, XC that make read_number decline:
# Arabic letters that Tesseract reads as digits (waw like 9, heh like 5, ain and hamza like 4, ...),
# and Latin and Cyrillic letters, so a word like "1st" is not read as a number. Left out are the
# letters drawn like a digit (alef and ١, l and 1, O and 0, З and 3, ...): only context tells them apart.
LETTER_CLASSES = {
    "XA": "وهعءدرزنیحل",
    "XL": "acdefhijkmnprtuvwxyACDEFHJKLMNPRTUVWXY",
    "XC": "авгдежийклмнпрстуфхцшщьэюяБГДЖИЛПФЦШЩЭЮЯ",
}
LETTERS = "".join(LETTER_CLASSES.values())
# "urdu" is Persian code points drawn with the font's Urdu forms (OpenType locl for language "ur":
# the 4 with a loop, a 6 like the Arabic one, a 7 like "∠"), which Noto Naskh Arabic draws by default.
EASTERN = {"arabic": 0x0660, "persian": 0x06F0, "urdu": 0x06F0}
LANGUAGE = {"urdu": "ur"}


@dataclass(frozen=True)
class Font:
    path: Path
    name: str
    family: str
    scripts: tuple[str, ...]  # of "arabic", "persian", "urdu", "western"
    marks: str  # the separators, Arabic comma, parentheses and LETTERS it has
    kinds: dict[tuple[str, int], str]  # (script, 4-7) -> class kind of the glyph drawn: E, A or P


def find_fonts() -> list[Font]:
    """The fonts of FONT_GLOBS that are installed, with the digit scripts they cover; never Noto."""
    found: dict[Path, tuple[str, tuple[str, ...], str]] = {}
    sharing: dict[Path, frozenset[int]] = {}
    for pattern in FONT_GLOBS:
        for path in sorted(FONT_ROOT.glob(pattern)):
            if "noto" in str(path).lower() or path in found:
                continue
            try:
                cmap = TTFont(path, lazy=True).getBestCmap() or {}
            except Exception as exc:  # a broken font file is not worth the build
                print(f"skip {path}: {exc}", file=sys.stderr)
                continue
            scripts = tuple(
                script
                for script, base in (("arabic", 0x0660), ("persian", 0x06F0), ("western", 0x30))
                if all(base + v in cmap for v in range(10))
            )
            if not scripts:
                continue
            marks = "".join(c for c in MARKS if ord(c) in cmap)
            for letters in LETTER_CLASSES.values():
                if all(ord(c) in cmap for c in letters):
                    marks += letters
            if not {"arabic", "persian"} & set(scripts):
                marks = "".join(c for c in marks if c != ARABIC_COMMA and c not in LETTER_CLASSES["XA"])
            shared = frozenset(v for v in (4, 5, 6, 7) if cmap.get(0x0660 + v, 1) == cmap.get(0x06F0 + v, 2))
            found[path] = (_family(path.stem), scripts, marks)
            sharing[path] = shared
    kinds, urdu = _shape_kinds({path: scripts for path, (_, scripts, _) in found.items()}, sharing)
    return [
        Font(path, path.stem, family, (*scripts, "urdu") if path in urdu else scripts, marks, kinds[path])
        for path, (family, scripts, marks) in found.items()
    ]


def _family(stem: str) -> str:
    """A design family, so cross-validation holds out a face with its bold and italic siblings."""
    name = stem.removeprefix("ae_").split("-")[0].lower()
    for suffix in ("bolditalic", "boldoblique", "bold", "italic", "oblique", "condensed", "narrow", "b"):
        if name.endswith(suffix) and len(name) > len(suffix) + 3:
            name = name[: -len(suffix)]
    return "paktype naskh" if name.startswith("paktype naskh") else name


def _shape_kinds(
    fonts: dict[Path, tuple[str, ...]], sharing: dict[Path, frozenset[int]]
) -> tuple[dict[Path, dict[tuple[str, int], str]], set[Path]]:
    """Label each Eastern 4, 5, 6, 7 by the shape drawn, not by its code point.

    Kinds: a 4 is "A" (the Arabic-Indic ε) or "P" (Persian, Urdu); a 5 is "P" (the Persian heart) or
    "E" (the circle, Arabic-Indic and Persian in Urdu-style fonts); a 6 likewise; a 7 is "P" only in
    the Urdu "<" shape. A code point's usual shape holds unless the font says otherwise: one glyph for
    both code points, or two that look the same (Farsiweb draws Arabic-Indic 4-6 the Persian way: the
    4 is compared with the references), or a Persian 6 or 7 nearer the Arabic shape than the Persian
    one (Urdu style). Also returns the fonts whose Urdu forms differ from their Persian ones.
    """
    bitmaps = {
        (path, script, v): _bitmap(path, chr(EASTERN[script] + v), LANGUAGE.get(script))
        for path, scripts in fonts.items()
        for script in ((*scripts, "urdu") if "persian" in scripts else scripts)
        if script in EASTERN
        for v in (4, 5, 6, 7)
    }
    urdu = {
        path
        for path, scripts in fonts.items()
        if "persian" in scripts
        and any(float(bitmaps[(path, "urdu", v)] @ bitmaps[(path, "persian", v)]) < 0.98 for v in (4, 6, 7))
    }
    by_stem = {path.stem: path for path in fonts}
    refs: dict[tuple[int, str], list[tuple[Path, np.ndarray]]] = {}
    for stem in SHAPE_REFERENCES:
        path = by_stem.get(stem)
        if path is None:
            continue
        for v in (4, 5, 6, 7):
            if (path, "arabic", v) in bitmaps:
                refs.setdefault((v, "A"), []).append((path, bitmaps[(path, "arabic", v)]))
            if v != 7 and (path, "persian", v) in bitmaps:
                refs.setdefault((v, "P"), []).append((path, bitmaps[(path, "persian", v)]))
    for stem in URDU_SEVEN_REFERENCES:
        path = by_stem.get(stem)
        if path is not None and (path, "persian", 7) in bitmaps:
            refs.setdefault((7, "P"), []).append((path, bitmaps[(path, "persian", 7)]))

    def nearer_persian(path: Path, script: str, v: int) -> bool:
        bitmap = bitmaps[(path, script, v)]
        score = {
            side: max((float(bitmap @ ref) for other, ref in refs.get((v, side), []) if other != path), default=-1.0)
            for side in ("A", "P")
        }
        return score["P"] > score["A"]

    arabic_kind = {4: "A", 5: "E", 6: "E", 7: "E"}
    kinds: dict[Path, dict[tuple[str, int], str]] = {}
    for path, scripts in fonts.items():
        out: dict[tuple[str, int], str] = {}
        both = "arabic" in scripts and "persian" in scripts
        persian_drawn = both and nearer_persian(path, "arabic", 4)
        for v in (4, 5, 6, 7):
            likeness = float(bitmaps[(path, "arabic", v)] @ bitmaps[(path, "persian", v)]) if both else 0.0
            same = both and (v in sharing[path] or likeness > 0.995 or (persian_drawn and likeness > 0.95))
            if same:
                kind = "P" if persian_drawn and v != 7 else arabic_kind[v]
                out[("arabic", v)] = out[("persian", v)] = kind
            else:
                if "arabic" in scripts:
                    out[("arabic", v)] = arabic_kind[v]
                if "persian" in scripts:
                    out[("persian", v)] = "P" if v in (4, 5) or nearer_persian(path, "persian", v) else "E"
            if path in urdu:
                out[("urdu", v)] = "P" if v in (4, 5) or nearer_persian(path, "urdu", v) else "E"
        kinds[path] = out
    return kinds, urdu


def _face(path: Path, size: int, language: str | None) -> ImageFont.FreeTypeFont:
    """BASIC layout draws each code point's default glyph; a language's forms need Raqm's shaping."""
    layout = ImageFont.Layout.RAQM if language else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(path), size, layout_engine=layout)


def _shaping(language: str | None) -> dict[str, str]:
    return {"language": language, "direction": "ltr"} if language else {}


def _bitmap(path: Path, ch: str, language: str | None = None) -> np.ndarray:
    """A glyph at 96 px, aspect kept in a 24 x 24 box, blurred, centred and scaled to unit length."""
    font = _face(path, 96, language)
    image = Image.new("L", (200, 200), 0)
    ImageDraw.Draw(image).text((40, 20), ch, font=font, fill=255, **_shaping(language))
    box = image.getbbox()
    canvas = np.zeros((24, 24), dtype=np.float32)
    if box is not None:
        glyph = image.crop(box)
        scale = 22 / max(glyph.size)
        size = (max(1, round(glyph.width * scale)), max(1, round(glyph.height * scale)))
        small = np.asarray(glyph.resize(size, Image.Resampling.BOX).filter(ImageFilter.GaussianBlur(1)), np.float32)
        top, left = (24 - size[1]) // 2, (24 - size[0]) // 2
        canvas[top : top + size[1], left : left + size[0]] = small
    vector = canvas.ravel() - canvas.mean()
    return vector / max(float(np.linalg.norm(vector)), 1e-6)


def class_of(font: Font, script: str, ch: str) -> str:
    """Template class of one character as this font draws it: E<v>, A4, P<v>, W<v> or S<mark>."""
    if ch in MARKS:
        return "S" + ch
    for name, letters in LETTER_CLASSES.items():
        if ch in letters:
            return name
    if script == "western":
        return "W" + ch
    value = ord(ch) - EASTERN[script]
    return font.kinds.get((script, value), "E") + str(value)


def sample_text(rng: np.random.Generator, script: str, marks: str) -> str:
    """A random number as drawn left to right: a date, a case number, a short number, a time,
    sometimes with a mark before or after it or in parentheses."""
    base = EASTERN.get(script, 0x30)

    def digits(n: int) -> str:
        return "".join(chr(base + int(v)) for v in rng.integers(0, 10, n))

    seps = [s for s in SEPARATORS if s in marks]
    kind = rng.integers(0, 8)
    if kind <= 1 and "/" in seps:
        text = f"{digits(4)}/{digits(2)}/{digits(2)}" if kind == 0 else f"{digits(2)}/{digits(2)}/{digits(4)}"
    elif kind == 2 and seps:
        sep = str(rng.choice(seps))
        text = sep.join(digits(int(n)) for n in rng.integers(1, 5, int(rng.integers(2, 4))))
    elif kind == 3:
        text = digits(int(rng.integers(12, 19)))
    elif kind == 4:
        text = digits(int(rng.integers(1, 3)))
    else:
        text = digits(int(rng.integers(3, 7)))
    edges = [m for m in "-." + ARABIC_COMMA if m in marks]
    if edges and rng.random() < 0.25:
        mark = str(rng.choice(edges))
        text = mark + text if rng.random() < 0.7 else text + mark
    if "(" in marks and ")" in marks and rng.random() < 0.12:
        text = f"({text})"
    # Only where each code point is drawn in place: Raqm's bidi would move a letter among digits.
    pool = LETTER_CLASSES["XA"] if script != "western" else LETTER_CLASSES["XL"] + LETTER_CLASSES["XC"]
    letters = [c for c in pool if c in marks]
    if script not in LANGUAGE and letters and rng.random() < 0.2:
        at = int(rng.integers(0, len(text)))
        text = text[:at] + str(rng.choice(letters)) + text[at + 1 :]
    return text


def render(
    text: str, font: ImageFont.FreeTypeFont, rng: np.random.Generator, language: str | None = None
) -> Image.Image:
    """``text`` as a word crop of a 300 dpi scan: margin like the caller's, mild scan damage."""
    left, top, right, bottom = font.getbbox(text, **_shaping(language))
    margin = int(rng.integers(4, 9))
    image = Image.new("L", (right - left + 2 * margin, bottom - top + 2 * margin), 255)
    ImageDraw.Draw(image).text((margin - left, margin - top), text, font=font, fill=0, **_shaping(language))
    if rng.random() < 0.4:
        stretch = float(rng.uniform(0.88, 1.12))
        image = image.resize((max(1, round(image.width * stretch)), image.height), Image.Resampling.BILINEAR)
    if rng.random() < 0.3:
        image = image.rotate(float(rng.uniform(-1.0, 1.0)), Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    if rng.random() < 0.7:
        image = image.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.3, 1.1))))
    values = np.asarray(image, dtype=np.float32) / 255.0
    values = values ** float(rng.uniform(0.6, 1.7))  # ink weight: thinner below 1, bolder above
    paper, ink = float(rng.uniform(190, 250)), float(rng.uniform(0, 80))
    gradient = np.linspace(0, float(rng.uniform(-20, 20)), values.shape[1])[None, :]
    values = ink + (paper - ink) * values + gradient + rng.normal(0, float(rng.uniform(0, 9)), values.shape)
    image = Image.fromarray(np.clip(values, 0, 255).astype(np.uint8))
    if rng.random() < 0.5:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=int(rng.integers(35, 95)))
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    return image


@dataclass
class Samples:
    shapes: list[np.ndarray]
    geometry: list[np.ndarray]
    labels: list[str]
    fonts: list[int]  # index into the font list, per glyph
    words: list[tuple[int, int, str, str]]  # (first glyph, glyph count, text, script)


def generate(fonts: list[Font], renderings: int, seed: int) -> Samples:
    """Render ``renderings`` words per font, size and script and keep their glyphs' features."""
    rng = np.random.default_rng(seed)
    out = Samples([], [], [], [], [])
    tried = kept = 0
    for index, font in enumerate(fonts):
        for size in SIZES_PT:
            for script in font.scripts:
                language = LANGUAGE.get(script)
                face = _face(font.path, round(size * DPI / 72), language)
                marks = font.marks
                if script == "western":
                    marks = "".join(c for c in marks if c != ARABIC_COMMA and c not in LETTER_CLASSES["XA"])
                for _ in range(renderings):
                    text = sample_text(rng, script, marks)
                    tried += 1
                    segmentation = ad.segment(render(text, face, rng, language))
                    if segmentation is None or len(segmentation.glyphs) != len(text):
                        continue
                    kept += 1
                    shapes, geometry = ad.glyph_features(segmentation)
                    out.words.append((len(out.labels), len(text), text, script))
                    out.shapes.extend(shapes)
                    out.geometry.extend(geometry)
                    out.labels.extend(class_of(font, script, ch) for ch in text)
                    out.fonts.extend([index] * len(text))
    print(f"{kept}/{tried} renderings split into their characters, {len(out.labels)} glyphs", file=sys.stderr)
    return out


def reduce(samples: Samples, rows: np.ndarray, per_class: int, seed: int) -> tuple[np.ndarray, ...]:
    """At most ``per_class`` prototypes per class by k-means on the reader's weighted features."""
    rng = np.random.default_rng(seed)
    shapes = np.asarray(samples.shapes, dtype=np.float32)[rows]
    geometry = np.asarray(samples.geometry, dtype=np.float32)[rows]
    labels = np.asarray(samples.labels)[rows]
    classes = sorted(set(labels.tolist()))
    out_shapes, out_geometry, out_labels = [], [], []
    for number, name in enumerate(classes):
        members = np.flatnonzero(labels == name)
        s, g = shapes[members], geometry[members]
        cap = 2 * per_class if name.startswith("X") else per_class  # many letters share a class
        if len(members) > cap:
            s, g = _kmeans(s, g, cap, rng)
        out_shapes.append(s)
        out_geometry.append(g)
        out_labels.append(np.full(len(s), number, dtype=np.uint8))
    return (
        np.clip(np.concatenate(out_shapes) * 255 + 0.5, 0, 255).astype(np.uint8),
        np.concatenate(out_geometry).astype(np.float16),
        np.concatenate(out_labels),
        np.array(classes),
    )


def _kmeans(shapes: np.ndarray, geometry: np.ndarray, k: int, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    x = ad._weighted(shapes, geometry)
    centres = [x[rng.integers(len(x))]]
    nearest = ((x - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):  # k-means++ seeding
        centres.append(x[rng.choice(len(x), p=nearest / nearest.sum())])
        nearest = np.minimum(nearest, ((x - centres[-1]) ** 2).sum(axis=1))
    c = np.array(centres)
    for _ in range(12):
        d = (x * x).sum(1)[:, None] + (c * c).sum(1)[None, :] - 2 * x @ c.T
        assign = d.argmin(axis=1)
        for j in range(k):
            members = assign == j
            if members.any():
                c[j] = x[members].mean(axis=0)
    assign = ((x * x).sum(1)[:, None] + (c * c).sum(1)[None, :] - 2 * x @ c.T).argmin(axis=1)
    out_s = np.array([shapes[assign == j].mean(axis=0) for j in range(k) if (assign == j).any()])
    out_g = np.array([geometry[assign == j].mean(axis=0) for j in range(k) if (assign == j).any()])
    return out_s, out_g


def templates_from(arrays: tuple[np.ndarray, ...]) -> ad._Templates:
    shapes, geometry, labels, classes = arrays
    return ad.make_templates(
        shapes.astype(np.float32) / 255.0, geometry.astype(np.float32), labels.astype(np.int64), tuple(classes.tolist())
    )


def cross_validate(fonts: list[Font], samples: Samples, folds: int, per_class: int) -> None:
    """Glyph and word accuracy on font families held out of the templates, fold by fold."""
    families = sorted({f.family for f in fonts})
    font_fold = {i: families.index(f.family) % folds for i, f in enumerate(fonts)}
    glyph_fold = np.array([font_fold[i] for i in samples.fonts])
    shapes = np.asarray(samples.shapes, dtype=np.float32)
    geometry = np.asarray(samples.geometry, dtype=np.float32)
    totals = np.zeros(5, dtype=np.int64)  # numbers, read right, read wrong, words with a letter, of them read
    for fold in range(folds):
        templates = templates_from(reduce(samples, np.flatnonzero(glyph_fold != fold), per_class, fold))
        counts = np.zeros(5, dtype=np.int64)
        for first, count, text, script in samples.words:
            if glyph_fold[first] != fold:
                continue
            rows = slice(first, first + count)
            distances = ad._class_distances(ad._weighted(shapes[rows], geometry[rows]), templates)
            reading = ad._decode(distances, templates.classes, "persian" if script != "arabic" else "arabic")
            expected = _logical(text)
            if expected is None:
                counts[3:] += (1, reading is not None)
            elif reading is not None:
                counts[:3] += (1, _ascii(reading.text) == _ascii(expected), _ascii(reading.text) != _ascii(expected))
            else:
                counts[0] += 1
        totals += counts
        print(
            f"fold {fold}: numbers {counts[1]}/{counts[0]} exact, {counts[2]} wrong; "
            f"letters read {counts[4]}/{counts[3]}"
        )
    numbers, right, wrong, lettered, read = totals.tolist()
    print(
        f"held-out families: {right}/{numbers} numbers exact ({right / numbers:.3f}), {wrong} wrong "
        f"({wrong / numbers:.3f}), {numbers - right - wrong} declined; {read}/{lettered} words with a letter read"
    )


def _logical(drawn: str) -> str | None:
    """What the reader should make of a word drawn left to right (None for one with a letter): in a
    right-to-left line, marks right of the number come first, nearest first, parentheses mirrored."""
    if any(ch in LETTERS for ch in drawn):
        return None
    digits = [k for k, ch in enumerate(drawn) if ch.isdigit()]
    first, last = digits[0], digits[-1]
    mirrored = str.maketrans("()", ")(")
    return (
        drawn[last + 1 :][::-1].translate(mirrored) + drawn[first : last + 1] + drawn[:first][::-1].translate(mirrored)
    )


def _ascii(text: str) -> str:
    return "".join(str(int(ch)) if ch.isdigit() else ch for ch in text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ad.TEMPLATE_PATH)
    parser.add_argument("--renderings", type=int, default=4, help="words per font, size and script")
    parser.add_argument("--per-class", type=int, default=110, help="prototypes kept per class")
    parser.add_argument("--folds", type=int, default=0, help="also cross-validate on held-out font families")
    parser.add_argument("--seed", type=int, default=20240611)
    args = parser.parse_args()
    started = time.monotonic()
    fonts = find_fonts()
    if not fonts:
        raise SystemExit("no fonts found: apt-get install " + " ".join(APT_PACKAGES))
    print(f"{len(fonts)} fonts, {len({f.family for f in fonts})} families", file=sys.stderr)
    samples = generate(fonts, args.renderings, args.seed)
    if args.folds:
        cross_validate(fonts, samples, args.folds, args.per_class)
    shapes, geometry, labels, classes = reduce(samples, np.arange(len(samples.labels)), args.per_class, args.seed)
    np.savez_compressed(
        args.out,
        feature_version=np.array(ad.FEATURE_VERSION),
        shapes=shapes,
        geometry=geometry,
        labels=labels,
        classes=classes,
        fonts=np.array(sorted(f.name for f in fonts)),
    )
    size = args.out.stat().st_size
    print(
        f"{len(labels)} templates in {len(classes)} classes, {size / 1024:.0f} KiB -> {args.out} "
        f"({time.monotonic() - started:.0f} s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
