"""Translation benchmark: our argos engine against ``argostranslate.translate``, same package, same 500 sentences.

Prints, from one run:
  ours (engine)   - ArgosEngine.translate on all 500 sentences (batched translate_batch, beam 2);
  ours (pipeline) - translate_pages on one page holding them: sentence splitting, English
                    detection, quality guards and alignment included (what the stage does);
  argos per call  - argostranslate.translate.translate(sentence, "es", "en") once per sentence,
                    how most programs call it (beam 4, its defaults);
  argos document  - one call with all 500 sentences as one paragraph (argos's best case);
the ratio of ours to each, and the resident memory with our model loaded (before argos is imported).

argostranslate.translate imports stanza and with it torch, which the product never installs. The
baseline runs only where the optional extra is installed (`pip install -e '.[bench-argos]'`, best
in a separate venv); without it, the script says so and prints our numbers alone. Argos splits
sentences with spaCy here (a blank spaCy pipeline shipped inside a copy of the package), because the
test package carries no stanza model and nothing may be downloaded.

    python bench/bench_translate.py [--sentences 500] [--threads 2] [--package FILE.argosmodel]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from evidence.models.record import Page, PageSource
from evidence.translation import phrasebook
from evidence.translation.argos_engine import ArgosEngine
from evidence.translation.packages import install_package
from evidence.translation.selection import EngineChoice
from evidence.translation.testpackage import build_package
from evidence.translation.translator import translate_pages

EXTRA_HINT = (
    "argostranslate.translate is not importable here (it needs stanza and torch, kept out of the product).\n"
    "Install the baseline into a throwaway venv, e.g.:\n"
    "  python -m venv /tmp/argos-bench-venv && /tmp/argos-bench-venv/bin/pip install -e '.[test,bench-argos]'\n"
    "  /tmp/argos-bench-venv/bin/python bench/bench_translate.py"
)


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    current = int(fields["VmRSS"].split()[0]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return current, peak


def timed(label: str, count: int, run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    seconds = time.perf_counter() - started
    rate = count / seconds
    print(f"  {label:<16} {seconds:8.3f} s  {rate:9.1f} sentences/s")
    return rate


def prepare_argos(package_file: Path, root: Path, threads: int) -> None:
    """Point argostranslate at a private copy of the package (with a blank spaCy sentencizer)."""
    import spacy

    for name in ("data", "config", "cache"):
        (root / name).mkdir(parents=True, exist_ok=True)
    os.environ.update(
        XDG_DATA_HOME=str(root / "data"),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_CACHE_HOME=str(root / "cache"),
        ARGOS_PACKAGES_DIR=str(root / "packages"),
        ARGOS_CHUNK_TYPE="SPACY",
        ARGOS_DEVICE_TYPE="cpu",
        ARGOS_INTER_THREADS="1",
        ARGOS_INTRA_THREADS=str(threads),
    )
    with zipfile.ZipFile(package_file) as archive:
        archive.extractall(root / "packages")
    (folder,) = (root / "packages").iterdir()
    spacy.blank("es").to_disk(folder / "spacy")
    cached = root / "cache" / "argos-translate" / "spacy"  # what argos would otherwise download
    cached.parent.mkdir(parents=True, exist_ok=True)
    spacy.blank("xx").to_disk(cached)
    (cached / "senter" / "model").mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--threads", type=int, default=max(1, os.cpu_count() or 1))
    parser.add_argument("--package", type=Path, help="an .argosmodel (default: build the project's es→en test package)")
    args = parser.parse_args(argv)

    pairs = phrasebook.sample_sentences(args.sentences, seed=500)
    sentences = [es for es, _ in pairs]
    with tempfile.TemporaryDirectory(prefix="bench-translate-") as tmp:
        work = Path(tmp)
        package_file = args.package or build_package(work / "es_en.argosmodel")
        before_load, _ = rss_mb()
        engine = ArgosEngine(install_package(package_file, work / "models"), threads=args.threads)
        engine.translate(sentences[:8])  # warm-up: first call allocates the model's buffers
        loaded, _ = rss_mb()
        print(f"package {package_file.name}, {len(sentences)} sentences, {args.threads} threads")
        print("ours:")
        ours = timed("engine", len(sentences), lambda: engine.translate(sentences))
        page = Page(number=1, source=PageSource.OCR, source_reason="bench", language="es", text=" ".join(sentences))
        translated: list = []
        pipeline = timed(
            "pipeline",
            len(sentences),
            lambda: translated.append(translate_pages([page], lambda lang: EngineChoice([engine]))),
        )
        _, peak = rss_mb()
        exact = sum(
            s.target_text == en for s, (_, en) in zip(translated[0].translations[0].sentences, pairs, strict=False)
        )
        print(f"  exact translations {exact}/{len(pairs)}")
        print(
            f"memory: {before_load:.0f} MB before loading the model, {loaded:.0f} MB with it loaded "
            f"(+{loaded - before_load:.0f} MB), peak {peak:.0f} MB after translating"
        )

        prepare_argos(package_file, work / "argos", args.threads)
        try:
            import argostranslate.translate as argos
        except ImportError as exc:
            print(f"\nbaseline unavailable ({type(exc).__name__}: {exc}).\n{EXTRA_HINT}")
            return 0
        argos.translate(sentences[0], "es", "en")  # warm-up: loads model and sentencizer
        print("argostranslate.translate (same package, same sentences):")
        outputs: list[str] = []
        per_call = timed(
            "argos per call", len(sentences), lambda: outputs.extend(argos.translate(s, "es", "en") for s in sentences)
        )
        print(f"  exact translations {sum(o == en for o, (_, en) in zip(outputs, pairs, strict=True))}/{len(pairs)}")
        document = timed("argos document", len(sentences), lambda: argos.translate(" ".join(sentences), "es", "en"))
        print(
            f"ratio engine/argos-per-call {ours / per_call:.1f}x, pipeline/argos-per-call {pipeline / per_call:.1f}x, "
            f"engine/argos-document {ours / document:.1f}x, pipeline/argos-document {pipeline / document:.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
