"""Command line: ``python -m evidence.samples OUT_DIR [--names ...] [--default]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from evidence.samples.catalog import catalog
from evidence.samples.generate import DEFAULT_KINDS, generate_default_set, generate_samples
from evidence.samples.render import KINDS


def _parser() -> argparse.ArgumentParser:
    names = [s.name for s in catalog()]
    p = argparse.ArgumentParser(prog="python -m evidence.samples", description=__doc__)
    p.add_argument("out_dir", type=Path, help="directory to write samples and <name>.gt.txt into")
    p.add_argument("--names", nargs="+", choices=names, metavar="NAME", help=f"subset of: {', '.join(names)}")
    p.add_argument("--kinds", nargs="+", choices=KINDS, default=list(DEFAULT_KINDS), help="output kinds")
    p.add_argument("--default", action="store_true", help="only the demo set (DEFAULT_SET)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Generate, then print one line per file: status, kind, rotation, path."""
    args = _parser().parse_args(argv)
    if args.default:
        results = generate_default_set(args.out_dir)
    else:
        results = generate_samples(args.out_dir, args.names, tuple(args.kinds))
    for r in results:
        status = "wrote" if r.written else "same "
        print(f"{status} {r.kind:<16} rot={r.rotation:<3} {r.path}  (gt: {r.ground_truth_path.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
