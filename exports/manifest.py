"""The export manifest: SHA-256 and size of every file in the zip, and the check against it.

``manifest.json`` is for programs, ``SHA256SUMS`` lets anyone re-check with ``sha256sum -c``.
Both name every file except themselves; a file changed, missing or added after export is found.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
CHUNK = 1 << 20


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


def manifest_json(files: list[FileEntry], about: dict[str, object]) -> bytes:
    body = about | {"files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in sorted(files, key=_key)]}
    return json.dumps(body, indent=2, ensure_ascii=False).encode("utf-8")


def sha256sums(files: list[FileEntry]) -> bytes:
    return "".join(f"{f.sha256}  {f.path}\n" for f in sorted(files, key=_key)).encode("utf-8")


def _key(entry: FileEntry) -> str:
    return entry.path


def _hash_member(archive: zipfile.ZipFile, name: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with archive.open(name) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def verify_export(zip_path: Path) -> list[str]:
    """Every discrepancy between the export's files and its manifest; empty when it is intact."""
    problems: list[str] = []
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as exc:
        return [f"not a readable zip: {type(exc).__name__}"]
    with archive:
        names = {info.filename for info in archive.infolist() if not info.is_dir()}
        if MANIFEST not in names:
            return [f"{MANIFEST} is missing"]
        try:
            listed = {f["path"]: f for f in json.loads(archive.read(MANIFEST))["files"]}
        except (ValueError, KeyError, TypeError) as exc:
            return [f"{MANIFEST} is unreadable: {type(exc).__name__}"]
        for path, expected in sorted(listed.items()):
            if path not in names:
                problems.append(f"{path}: listed in the manifest but missing")
                continue
            try:
                sha256, size = _hash_member(archive, path)
            except (zipfile.BadZipFile, OSError) as exc:  # a CRC error is tampering too
                problems.append(f"{path}: cannot be read ({type(exc).__name__})")
                continue
            if sha256 != expected.get("sha256"):
                problems.append(f"{path}: SHA-256 {sha256} does not match the manifest ({expected.get('sha256')})")
            elif size != expected.get("size"):
                problems.append(f"{path}: size {size} does not match the manifest ({expected.get('size')})")
        for path in sorted(names - set(listed) - {MANIFEST, SUMS}):
            problems.append(f"{path}: present but not in the manifest")
        if SUMS in names:
            sums = {}
            for line in archive.read(SUMS).decode("utf-8", "replace").splitlines():
                digest, _, path = line.partition("  ")
                sums[path] = digest
            if sums != {p: f.get("sha256") for p, f in listed.items()}:
                problems.append(f"{SUMS} disagrees with {MANIFEST}")
        else:
            problems.append(f"{SUMS} is missing")
    return problems
