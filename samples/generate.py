"""Write sample files and their ground truth to a directory, idempotently.

Files are compared byte for byte with what is already on disk and rewritten
only when they differ, so re-running never touches mtimes needlessly and the
SHA-256 of every output is stable across runs.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evidence.samples.catalog import catalog, get_spec
from evidence.samples.render import SUFFIX, Kind, Scan, render_kind, render_scan, supports
from evidence.samples.spec import SampleSpec

DEFAULT_KINDS: tuple[Kind, ...] = ("scan_png", "born_digital_pdf")


@dataclass(frozen=True)
class SampleRequest:
    """One file to produce: a catalogue entry in one output kind."""

    name: str
    kind: Kind


# The project demo ("main job"): one file per language family, mixed kinds,
# one sideways phone-style scan to exercise orientation detection.
DEFAULT_SET: tuple[SampleRequest, ...] = (
    SampleRequest("ru_summons_sk", "scan_png"),
    SampleRequest("es_arrest_warrant_ni", "born_digital_pdf"),
    SampleRequest("fa_revolutionary_court_notice", "scan_png"),
    SampleRequest("tr_arrest_warrant", "scan_png"),  # rotated 90 degrees clockwise
    SampleRequest("zh_summons_psb", "scan_png"),
    SampleRequest("uk_summons_sbu", "scan_png"),
)


@dataclass(frozen=True)
class GeneratedSample:
    """A file on disk, the document it shows and where its ground truth is."""

    path: Path
    spec: SampleSpec
    ground_truth_path: Path
    kind: Kind
    # Degrees clockwise the page image is turned (0 for born-digital PDFs). Upright it with
    # ``Image.rotate(rotation, expand=True)``; Tesseract OSD reports ``Rotate: (360 - rotation) % 360``.
    rotation: int
    sha256: str
    written: bool  # False when an identical file was already there


def file_name(spec: SampleSpec, kind: Kind) -> str:
    """Output file name, e.g. ``ru_summons_sk.png`` or ``ru_summons_sk.scan.pdf``."""
    return spec.name + SUFFIX[kind]


def ground_truth_name(spec: SampleSpec) -> str:
    """Ground-truth file name shared by every kind of one document."""
    return f"{spec.name}.gt.txt"


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically write ``data`` unless ``path`` already holds exactly it."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; samples are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def generate(out_dir: Path, requests: Iterable[SampleRequest]) -> list[GeneratedSample]:
    """Produce each requested file plus its ``<name>.gt.txt`` in ``out_dir``."""
    out_dir = Path(out_dir)
    scans: dict[str, Scan] = {}
    results: list[GeneratedSample] = []
    for req in requests:
        spec = get_spec(req.name)
        if not supports(spec, req.kind):
            raise ValueError(f"{spec.name}: kind {req.kind!r} is not available for {spec.script} script")
        scan = None
        if req.kind != "born_digital_pdf":  # PNG and image PDF of one document share the page
            if spec.name not in scans:
                scans[spec.name] = render_scan(spec)
            scan = scans[spec.name]
        data = render_kind(spec, req.kind, scan)
        gt_path = out_dir / ground_truth_name(spec)
        write_if_changed(gt_path, spec.text.encode("utf-8"))
        path = out_dir / file_name(spec, req.kind)
        written = write_if_changed(path, data)
        results.append(
            GeneratedSample(
                path=path,
                spec=spec,
                ground_truth_path=gt_path,
                kind=req.kind,
                rotation=scan.rotation if scan else 0,
                sha256=hashlib.sha256(data).hexdigest(),
                written=written,
            )
        )
    return results


def generate_samples(
    out_dir: Path,
    names: Sequence[str] | None = None,
    kinds: Sequence[Kind] = DEFAULT_KINDS,
) -> list[GeneratedSample]:
    """Every requested kind of every named document (all when ``names`` is None).

    Kinds a script cannot have (born-digital PDF for Arabic or Han) are skipped
    rather than failing, so ``generate_samples(dir)`` builds the full set.
    """
    specs = [get_spec(n) for n in names] if names is not None else catalog()
    requests = [SampleRequest(s.name, k) for s in specs for k in kinds if supports(s, k)]
    return generate(out_dir, requests)


def generate_default_set(out_dir: Path) -> list[GeneratedSample]:
    """The demo files listed in ``DEFAULT_SET``."""
    return generate(out_dir, DEFAULT_SET)
