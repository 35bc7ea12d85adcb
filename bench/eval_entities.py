"""Evaluate the legal entity rules on the development set: P/R/F1 per type and doc-type accuracy.

    python bench/eval_entities.py                 # on the gold source text
    python bench/eval_entities.py --ocr DIR       # on OCR output: DIR/<id>.txt replaces a document's text
    python bench/eval_entities.py --scans         # also render each document as a degraded scan
                                                  # (evidence.samples), OCR it with Tesseract, evaluate
    python bench/eval_entities.py --devset bench/devset/heldout6   # one held-out set (repeat to pool)
    python bench/eval_entities.py --all --scans   # every set pooled: the figures the targets are judged on

CHARGE, CASE_NUMBER and DATE are compared on their normalised value; AUTHORITY and PERSON on the
surface text (case and punctuation ignored, one contained in the other counts). Each gold entity is
matched at most once; a prediction contained in another prediction of the same type is a repeat
mention, not a false positive. Prints no document text.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from evidence.extractors.legal import classify_document, extract_entities
from evidence.extractors.legal.statistical import MODELS, source_entities

DEVSET = Path(__file__).resolve().parent / "devset"
OCR_CACHE = Path(
    os.environ.get("EVIDENCE_DEVSET_OCR_CACHE", Path.home() / ".cache" / "evidence-pipeline" / "devset-ocr")
)
# language -> (Tesseract pack, script of the sample renderer)
SCAN_LANGUAGES = {
    "ru": ("rus", "Cyrillic"),
    "uk": ("ukr", "Cyrillic"),
    "be": ("bel", "Cyrillic"),
    "tr": ("tur", "Latin"),
    "fa": ("fas", "Arabic"),
    "ar": ("ara", "Arabic"),
    "zh": ("chi_sim", "Han"),
    "es": ("spa", "Latin"),
    "fr": ("fra", "Latin"),
    "en": ("eng", "Latin"),
}
TYPES = ("CHARGE", "CASE_NUMBER", "DATE", "AUTHORITY", "PERSON", "LOCATION")
BASE_TYPES = TYPES[:5]  # every document annotates these; others only when listed in `annotated`
NORMALIZED_TYPES = {"CHARGE", "CASE_NUMBER", "DATE"}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    doc_correct: int = 0
    doc_total: int = 0
    role_correct: int = 0
    role_total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def doc_accuracy(self) -> float:
        return self.doc_correct / self.doc_total if self.doc_total else 0.0


def load_devset(directory: Path = DEVSET) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.yaml"))]


def _surface_key(text: str) -> str:
    """Case, punctuation and spacing ignored; OCR's spaces between Chinese characters too."""
    key = re.sub(r"[\W_]+", " ", text.casefold()).strip()
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", key)


def _text_match(gold: str, pred: str) -> bool:
    g, p = _surface_key(gold), _surface_key(pred)
    return bool(g and p) and (g == p or g in p or p in g)


def _dedupe(items: list[tuple[str, str, str | None]], kind: str) -> list[tuple[str, str, str | None]]:
    """One entry per distinct value; for text types drop repeats contained in a longer one."""
    if kind in NORMALIZED_TYPES:
        seen: dict[str, tuple[str, str, str | None]] = {}
        for item in items:
            seen.setdefault(item[1], item)
        return list(seen.values())
    keys = sorted({_surface_key(i[0]): i for i in items}.items(), key=lambda kv: -len(kv[0]))
    kept: list[tuple[str, tuple[str, str, str | None]]] = []
    for key, item in keys:
        if key and not any(key in k for k, _ in kept):
            kept.append((key, item))
    return [item for _, item in kept]


def evaluate(
    docs: list[dict], texts: dict[str, str] | None = None, statistical: bool = True, show_values: bool = False
) -> Report:
    """``show_values``: errors name the entity (the documents are fictional; never run on real ones)."""
    report = Report()
    for doc in docs:
        text = (texts or {}).get(doc["id"], doc["text"])
        predicted_type, _ = classify_document(text, doc["language"])
        report.doc_total += 1
        if predicted_type == doc["doc_type"]:
            report.doc_correct += 1
        else:
            report.errors.append(f"{doc['id']}: doc_type {predicted_type} != {doc['doc_type']}")
        entities = extract_entities(text, doc["language"])
        if statistical and doc["language"] in MODELS:
            entities += source_entities(text, doc["language"], 1, entities)
        for kind in (*BASE_TYPES, *(t for t in doc.get("annotated", ()) if t in TYPES)):
            gold = _dedupe(
                [
                    (g["text"], str(g.get("normalized") or ""), g.get("role"))
                    for g in doc["entities"]
                    if g["type"] == kind
                ],
                kind,
            )
            pred = _dedupe(
                [(e.text, e.normalized or "", e.attributes.get("role")) for e in entities if e.type == kind], kind
            )
            unmatched = list(pred)
            for g_text, g_norm, g_role in gold:
                match = None
                for p in unmatched:
                    if (p[1] == g_norm) if kind in NORMALIZED_TYPES else _text_match(g_text, p[0]):
                        match = p
                        break
                if match is None:
                    report.counts[kind].fn += 1
                    named = f" {g_text!r} {g_norm}" if show_values else ""
                    report.errors.append(f"{doc['id']}: missed {kind}{named}")
                    continue
                unmatched.remove(match)
                report.counts[kind].tp += 1
                if kind == "DATE" and g_role:
                    report.role_total += 1
                    report.role_correct += int(match[2] == g_role)
                    if match[2] != g_role and show_values:
                        report.errors.append(f"{doc['id']}: role {match[2]} != {g_role} for {g_text!r}")
            report.counts[kind].fp += len(unmatched)
            report.errors.extend(
                f"{doc['id']}: spurious {kind}" + (f" {p[0]!r} {p[1]}" if show_values else "") for p in unmatched
            )
    return report


def scan_spec(doc: dict):
    """The document as a sample to render: one printed line per text line (long ones wrapped)."""
    from evidence.samples.spec import SampleSpec

    pack, script = SCAN_LANGUAGES[doc["language"]]
    lines: list[str] = []
    for line in doc["text"].splitlines():
        line = re.sub(r"\s{2,}", " ", line.strip())
        lines.extend(textwrap.wrap(line, 80 if script != "Han" else 40) or [""])
    while lines and not lines[0]:
        lines.pop(0)
    return SampleSpec(
        name=f"devset-{doc['id']}",
        language=doc["language"],
        tesseract_lang=pack,
        script=script,
        doc_type=doc["doc_type"],
        country="XX",
        title=lines[0],
        lines=tuple(lines[1:]),
        description="development-set document",
    )


def ocr_scan(doc: dict) -> str:
    """Render ``doc`` as a degraded scan and read it with the pipeline's Tesseract page reader
    (language given as a hint, as a lawyer would); cached by text, renderer seed, Tesseract and read-stage version."""
    from evidence.config.versions import STAGE_VERSIONS
    from evidence.extractors import tesseract
    from evidence.extractors.page_ocr import OcrOptions, read_page_image
    from evidence.samples.layout import DPI
    from evidence.samples.render import render_scan
    from PIL import Image

    key = hashlib.sha256(
        f"{doc['text']}\0{tesseract.tesseract_version()}\0read-{STAGE_VERSIONS['read']}".encode()
    ).hexdigest()[:16]
    cached = OCR_CACHE / f"{doc['id']}.{key}.txt"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    options = OcrOptions(
        default_languages="eng", max_page_pixels=60_000_000, timeout_s=180, language_hints=[doc["language"]]
    )
    texts = []
    for number, spec in enumerate(scan_pages(scan_spec(doc)), start=1):
        with Image.open(io.BytesIO(render_scan(spec).jpeg)) as image:
            texts.append(read_page_image(image, number, options, "devset scan", dpi=DPI).text)
    text = "\n\n".join(texts)
    OCR_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(text, encoding="utf-8")
    return text


def scan_pages(spec):
    """``spec`` as the pages it takes: a document longer than a page is printed on several, as
    real indictments and verdicts are (each further page named ``<name>-p<N>``, so it has its own
    scan noise, and headed by its first line)."""
    from dataclasses import replace

    from evidence.samples.layout import LayoutError, render_page

    lines = (spec.title, *spec.lines)
    pages, start = [], 0
    while start < len(lines):
        end = len(lines)
        while True:
            name = spec.name if not pages else f"{spec.name}-p{len(pages) + 1}"
            page = replace(spec, name=name, title=lines[start], lines=tuple(lines[start + 1 : end]))
            try:
                render_page(page)
                break
            except LayoutError as exc:
                if "too many lines" not in str(exc) or end - start <= 2:
                    raise
                end = start + max(2, (end - start) * 9 // 10)
        pages.append(page)
        start = end
    return pages


def format_report(report: Report) -> str:
    lines = [f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for kind, c in report.counts.items():
        if not c.tp + c.fp + c.fn:
            continue
        lines.append(f"{kind:<12} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}")
    lines.append(f"document type accuracy: {report.doc_accuracy:.3f} ({report.doc_correct}/{report.doc_total})")
    if report.role_total:
        lines.append(
            f"date role accuracy (matched dates with a gold role): "
            f"{report.role_correct / report.role_total:.3f} ({report.role_correct}/{report.role_total})"
        )
    return "\n".join(lines)


def all_sets() -> list[Path]:
    """The development set and its held-out sets (each written blind, scored once, then used for work)."""
    return [DEVSET, *sorted(p for p in DEVSET.glob("heldout*") if p.is_dir())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--devset", type=Path, action="append", help="a set's folder (repeat to pool sets; default: the dev set)"
    )
    parser.add_argument("--all", action="store_true", help="pool the dev set and every held-out set beside it")
    parser.add_argument("--ocr", type=Path, help="folder of <id>.txt files to evaluate instead of the gold text")
    parser.add_argument("--scans", action="store_true", help="also evaluate on OCR of degraded scans of the documents")
    parser.add_argument("--rules-only", action="store_true", help="leave out statistical NER on en/fr text")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives (id and type)")
    parser.add_argument("--values", action="store_true", help="with --errors: also the entity text and role errors")
    args = parser.parse_args(argv)
    sets = all_sets() if args.all else (args.devset or [DEVSET])
    docs = [doc for folder in sets for doc in load_devset(folder)]
    name = " + ".join(folder.name for folder in sets) + f" ({len(docs)} documents)"
    texts = None
    if args.ocr:
        texts = {p.stem: p.read_text(encoding="utf-8") for p in args.ocr.glob("*.txt")}
    report = evaluate(docs, texts, statistical=not args.rules_only, show_values=args.values)
    print(f"== {'OCR text (' + str(args.ocr) + ')' if args.ocr else 'born-digital text'}: {name}")
    print(format_report(report))
    if args.errors:
        print("\n".join(report.errors))
    if args.scans:
        scanned = evaluate(
            docs, {d["id"]: ocr_scan(d) for d in docs}, statistical=not args.rules_only, show_values=args.values
        )
        print(f"== OCR of degraded scans (Tesseract): {name}")
        print(format_report(scanned))
        if args.errors:
            print("\n".join(scanned.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
