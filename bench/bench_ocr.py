"""OCR benchmark: our reading stage against raw Tesseract and OCRmyPDF on the same 20 scanned pages.

Prints, from one run, the wall time of
  ours   - read_page_image on every page, two pages at once (run_pages, as the read stage does),
           with the models a worker keeps loaded; also its first document, while they load;
  raw    - the `tesseract` CLI, one page after another, given each page's correct language
           (OMP_THREAD_LIMIT=1, its fastest setting here; the OpenMP default is timed too);
  ocrmypdf - one `ocrmypdf --rotate-pages --jobs N` run per language over those pages,
and the ratio of ours to each, plus CER per page where a reference exists. Ours and raw serial
run ``--repeat`` times, interleaved, and their medians are compared: this shared host's speed
drifts by 5-10% within a run. CPU seconds (this process and its children) are printed beside wall
time. Lingua's models are loaded before the clock, once per process as in a worker. Raw Tesseract
loads its model for every page (one process per page); ours keeps each loaded model in its page
thread, as a worker does across documents, and is also timed reloading them for every page (the
worst case).

    python bench/bench_ocr.py [--workers 2] [--repeat 3] [--keep DIR]

Pages: 12 from the shared fixtures (phototest, eurotext, 8087_054.3B, linn, cardinal x4, rotated x4)
and 8 generated samples (ru uk fa ar zh tr es fr; tr and fr are photographed sideways/upside down).
Rendering PDFs and generating samples happen before any clock starts.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from evidence.extractors import tesseract
from evidence.extractors.ink import ink_map
from evidence.extractors.language import detect_language
from evidence.extractors.orientation import OSD_MIN_CHARACTERS
from evidence.extractors.page_ocr import OcrOptions, read_page_image
from evidence.extractors.readers import run_pages, to_gray
from evidence.extractors.regions import probe_window
from evidence.samples import cer, generate_samples, get_spec
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(os.environ.get("EVIDENCE_FIXTURES", REPO.parent / "shared" / "fixtures")) / "scans"
SAMPLES = (
    "ru_summons_sk",
    "uk_summons_sbu",
    "fa_revolutionary_court_notice",
    "ar_state_security_summons",
    "zh_summons_psb",
    "tr_arrest_warrant",
    "es_arrest_warrant_ni",
    "fr_arrest_warrant_gn",
)
DPI = 300


@dataclass(frozen=True)
class BenchPage:
    name: str
    path: Path  # PNG or TIFF every contender reads
    lang: str  # the correct Tesseract pack
    reference: str | None
    drop_spaces: bool = False
    upright: bool = True  # False: raw Tesseract (no rotation) is handicapped on this page


def prepare(work: Path) -> list[BenchPage]:
    """Render and generate the 20 pages (not timed)."""
    pages: list[BenchPage] = []
    ref = {
        name: (FIXTURES / name).read_text(encoding="utf-8")
        for name in ("phototest.gold.txt", "eurotext.txt", "8087_054.3B.txt", "linn.txt")
    }
    for name, reference in (
        ("phototest.tif", "phototest.gold.txt"),
        ("eurotext.tif", "eurotext.txt"),
        ("8087_054.3B.tif", "8087_054.3B.txt"),
    ):
        pages.append(BenchPage(name, FIXTURES / name, "eng", ref[reference]))
    for pdf, count, reference in (
        ("linn.pdf", 1, "linn.txt"),
        ("cardinal.pdf", 4, "linn.txt"),
        ("rotated.pdf", 4, None),
    ):
        document = pdfium.PdfDocument(str(FIXTURES / pdf))
        for index in range(count):
            out = work / f"{Path(pdf).stem}-{index + 1}.png"
            document[index].render(scale=DPI / 72, grayscale=True).to_pil().save(out, dpi=(DPI, DPI))
            upright = (
                pdf == "linn.pdf" or (pdf == "cardinal.pdf" and index == 0) or (pdf == "rotated.pdf" and index == 3)
            )
            pages.append(BenchPage(out.name, out, "eng", ref[reference] if reference else None, upright=upright))
        document.close()
    made = generate_samples(work / "samples", names=list(SAMPLES), kinds=("scan_png",))
    generated = {sample.spec.name: sample for sample in made if sample.kind == "scan_png"}
    for name in SAMPLES:
        spec = get_spec(name)
        pages.append(
            BenchPage(
                name, generated[name].path, spec.tesseract_lang, spec.text, spec.language == "zh", spec.rotation == 0
            )
        )
    return pages


def run_ours(pages: list[BenchPage], workers: int, reload_models: bool = False) -> tuple[float, list[str]]:
    options = OcrOptions(default_languages="eng", max_page_pixels=50_000_000, timeout_s=300)

    def job(number: int, page: BenchPage) -> Callable[[], object]:
        def read() -> object:
            with Image.open(page.path) as image:
                dpi = image.info.get("dpi")
                page_read = read_page_image(
                    to_gray(image), number, options, "bench", dpi=round(dpi[0]) if dpi else None
                )
            if reload_models:
                tesseract.release_engines()
            return page_read

        return read

    started = time.perf_counter()
    result = run_pages((job(number, page) for number, page in enumerate(pages, start=1)), workers)
    elapsed = time.perf_counter() - started
    osd = [page.timings["osd"] for page in result if "osd" in page.timings]
    print(
        f"ours: OSD per page median {statistics.median(osd):.3f} s, max {max(osd):.3f} s "
        f"(with {workers} pages at once); rotations {[page.rotation for page in result]}"
    )
    return elapsed, [page.text for page in result]


def time_osd_alone(pages: list[BenchPage]) -> None:
    """OSD on each page's text window, one page at a time: its cost without a neighbour on the other core."""
    seconds = []
    for page in pages:
        with Image.open(page.path) as image:
            gray = to_gray(image)
        window = gray.crop(probe_window(ink_map(gray), gray.size).as_tuple())
        started = time.perf_counter()
        tesseract.detect_orientation(window, OSD_MIN_CHARACTERS)
        seconds.append(time.perf_counter() - started)
    print(f"OSD alone (serial): median {statistics.median(seconds):.3f} s, max {max(seconds):.3f} s per page")


def run_raw(pages: list[BenchPage], work: Path, omp_limit: bool) -> tuple[float, list[str]]:
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    if omp_limit:
        env["OMP_THREAD_LIMIT"] = "1"
    texts = []
    started = time.perf_counter()
    for index, page in enumerate(pages):
        base = work / f"raw-{index}"
        subprocess.run(
            ["tesseract", str(page.path), str(base), "-l", page.lang], env=env, check=True, capture_output=True
        )
        texts.append(base.with_suffix(".txt").read_text(encoding="utf-8"))
    return time.perf_counter() - started, texts


def run_ocrmypdf(pages: list[BenchPage], work: Path, workers: int) -> tuple[float, list[str]] | None:
    if shutil.which("ocrmypdf") is None:
        return None
    groups: dict[str, list[int]] = {}
    for index, page in enumerate(pages):
        groups.setdefault(page.lang, []).append(index)
    inputs = {}
    for lang, indices in groups.items():
        source = work / f"omp-{lang}.pdf"
        with pikepdf.new() as merged:
            for i in indices:
                with pikepdf.open(_page_pdf(pages[i].path, work)) as single:
                    merged.pages.extend(single.pages)
            merged.save(source)
        inputs[lang] = source
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    texts: list[str] = [""] * len(pages)
    started = time.perf_counter()
    for lang, indices in groups.items():
        sidecar = work / f"omp-{lang}.txt"
        subprocess.run(
            [
                "ocrmypdf",
                "-l",
                lang,
                "--jobs",
                str(workers),
                "--rotate-pages",
                "--output-type",
                "pdf",
                "--sidecar",
                str(sidecar),
                "--quiet",
                str(inputs[lang]),
                str(work / f"omp-{lang}-out.pdf"),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        for index, text in zip(indices, sidecar.read_text(encoding="utf-8").split("\f"), strict=False):
            texts[index] = text
    return time.perf_counter() - started, texts


def _page_pdf(path: Path, work: Path) -> Path:
    """A one-page image PDF at the page's own resolution (Pillow), for OCRmyPDF's input (not timed)."""
    out = work / f"page-{path.stem}.pdf"
    with Image.open(path) as image:
        dpi = image.info.get("dpi") or (DPI, DPI)
        to_gray(image).save(out, "PDF", resolution=float(round(dpi[0]) or DPI))
    return out


def cers(pages: list[BenchPage], texts: list[str]) -> list[float | None]:
    return [
        cer(text, page.reference, drop_spaces=page.drop_spaces) if page.reference else None
        for page, text in zip(pages, texts, strict=True)
    ]


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (Tesseract, OCRmyPDF and theirs):
    unlike wall time, it does not depend on what else the machine is running."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _mean(values: list[float | None], keep: list[bool] | None = None) -> float:
    chosen = [v for i, v in enumerate(values) if v is not None and (keep is None or keep[i])]
    return statistics.mean(chosen) if chosen else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep rendered pages and outputs here")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs of ours and raw serial (medians)")
    args = parser.parse_args()
    if not FIXTURES.exists():
        sys.exit(f"fixtures not found at {FIXTURES}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-ocr-"))
    work.mkdir(parents=True, exist_ok=True)
    pages = prepare(work)
    print(f"{len(pages)} pages, {args.workers} workers, {os.cpu_count()} CPUs")

    time_osd_alone(pages)
    detect_language("warm-up: the language models load once per process, as in a worker")
    results: dict[str, tuple[float, list[str]]] = {}
    cpu: dict[str, float] = {}
    runs: dict[str, list[tuple[float, float]]] = {}  # every run's (wall, CPU) seconds

    def timed(name: str, run: Callable[[], tuple[float, list[str]] | None]) -> None:
        before = _cpu_seconds()
        outcome = run()
        if outcome is None:
            return
        runs.setdefault(name, []).append((outcome[0], _cpu_seconds() - before))
        wall, seconds = (statistics.median(values) for values in zip(*runs[name], strict=True))
        results[name], cpu[name] = (wall, outcome[1]), seconds

    ours, raw = "ours", "raw tesseract (OMP_THREAD_LIMIT=1)"
    timed("ours, first document (models load)", lambda: run_ours(pages, args.workers))
    for _ in range(args.repeat):  # interleaved, so a slower spell of a shared host falls on both
        timed(ours, lambda: run_ours(pages, args.workers))
        timed(raw, lambda: run_raw(pages, work, omp_limit=True))
    timed("ours, models reloaded every page", lambda: run_ours(pages, args.workers, reload_models=True))
    timed("raw tesseract (OpenMP default)", lambda: run_raw(pages, work, omp_limit=False))
    timed("ocrmypdf --rotate-pages", lambda: run_ocrmypdf(pages, work, args.workers))
    if "ocrmypdf --rotate-pages" not in results:
        print("ocrmypdf: not installed (apt-get install ocrmypdf)")
    ratios = [o[0] / r[0] for o, r in zip(runs[ours], runs[raw], strict=True)]
    print(
        f"\nours / raw serial, wall time, per pair of adjacent runs: {', '.join(f'{x:.2f}' for x in ratios)}; "
        f"median {statistics.median(ratios):.2f} (the headline figure: each pair shares the host's pace)"
    )

    table = {name: cers(pages, texts) for name, (_, texts) in results.items()}
    names = list(results)
    print("\nCER per page (lower is better)")
    print(f"{'page':32s}" + "".join(f"{name[:22]:>24s}" for name in names))
    for index, page in enumerate(pages):
        if page.reference is None:
            continue
        print(f"{page.name:32s}" + "".join(f"{table[name][index]:24.4f}" for name in names))
    print("\nsummary")
    ours_time = results["ours"][0]
    upright = [page.upright for page in pages]
    ours_all = _mean(table["ours"])
    ours_upright = _mean(table["ours"], upright)
    print("  (CER 'upright': only the pages raw Tesseract sees upright, where it is not handicapped)")
    for name in names:
        seconds = results[name][0]
        if name.startswith("ours, "):
            print(f"  {name:36s} {seconds:7.2f} s  CPU {cpu[name]:6.1f} s  mean CER all {_mean(table[name]):.4f}")
            continue
        every, level = _mean(table[name]), _mean(table[name], upright)
        print(
            f"  {name:36s} {seconds:7.2f} s  ours/this time = {ours_time / seconds:5.2f}x  "
            f"CPU {cpu[name]:6.1f} s (ours/this {cpu['ours'] / cpu[name]:.2f}x)  "
            f"mean CER all {every:.4f} (ours/this {ours_all / every:.2f}x)  "
            f"upright {level:.4f} (ours/this {ours_upright / level:.2f}x)"
        )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
