"""Install, list and remove argos-format translation packages in a local models directory.

Why our own code rather than ``argostranslate.package``: its import creates directories in the
user's home and its install extracts archives without checking them. Here an archive is checked
before anything is moved into place (one top folder, no path traversal or links, size limits,
metadata fields, a CTranslate2 model that loads, a tokenizer that loads); a bad archive leaves the
models directory untouched. Nothing here uses the network.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)

MAX_ARCHIVE_BYTES = 8 * 1024**3  # uncompressed; the largest argos packages are a few hundred MB
MAX_MEMBERS = 10_000
INSTALL_RECORD = ".evidence-install.json"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
REQUIRED_FIELDS = ("package_version", "argos_version", "from_code", "to_code")
VOCABULARY_FILES = (
    "shared_vocabulary.json",
    "shared_vocabulary.txt",
    "source_vocabulary.json",
    "source_vocabulary.txt",
)


class PackageError(ValueError):
    """The archive or installed directory is not a usable translation package."""


class PackageNotFoundError(LookupError):
    """No installed package matches the requested pair or name."""


@dataclass(frozen=True)
class InstalledPackage:
    name: str
    path: Path
    from_code: str
    to_code: str
    from_name: str
    to_name: str
    package_version: str
    argos_version: str
    tokenizer: str  # "sentencepiece" or "bpe"
    size_bytes: int
    sha256: str | None  # of the archive it was installed from, when installed here
    target_prefix: str = ""
    engine: str = "argos"

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def tokenizer_path(self) -> Path:
        return self.path / ("sentencepiece.model" if self.tokenizer == "sentencepiece" else "bpe.model")

    @property
    def model_id(self) -> str:
        return f"argos:{self.name}"

    @property
    def model_version(self) -> str:
        digest = f"+sha256:{self.sha256[:12]}" if self.sha256 else ""
        return f"{self.package_version}{digest}"


def install_package(
    path: Path, models_dir: Path, *, replace: bool = True, max_bytes: int = MAX_ARCHIVE_BYTES
) -> InstalledPackage:
    """Check ``path`` (an .argosmodel zip) and install it as ``models_dir/translate-FROM_TO``.

    An installed package for the same pair is replaced (atomically) unless ``replace`` is False.
    Raises :class:`PackageError` with a one-line reason when the archive is refused.
    """
    path = Path(path)
    if not path.is_file():
        raise PackageError(f"no such package file: {path}")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path.name}: not a zip archive (.argosmodel packages are zip files)")
    models_dir.mkdir(parents=True, exist_ok=True)
    digest = _sha256(path)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=models_dir))
    try:
        with zipfile.ZipFile(path) as archive:
            top = _check_members(archive, max_bytes)
            _extract(archive, staging, max_bytes)
        root = staging / top
        meta = read_metadata(root)
        tokenizer = check_package_dir(root, meta)
        name = f"translate-{meta['from_code']}_{meta['to_code']}"
        record = {"sha256": digest, "archive": path.name, "installed_at": datetime.now(UTC).isoformat()}
        (root / INSTALL_RECORD).write_text(json.dumps(record, indent=2), encoding="utf-8")
        target = models_dir / name
        if target.exists() and not replace:
            raise PackageError(f"a package for {meta['from_code']}-{meta['to_code']} is already installed ({name})")
        _move_into_place(root, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    package = _describe(target, meta, tokenizer)
    log.info("installed translation package %s (%s, %d bytes)", package.name, package.pair, package.size_bytes)
    return package


def list_packages(models_dir: Path) -> list[InstalledPackage]:
    """Installed packages, sorted by pair; directories that are not valid packages are skipped."""
    if not models_dir.is_dir():
        return []
    found = []
    for child in sorted(models_dir.iterdir()):
        if child.name.startswith(".") or not child.is_dir() or not (child / "metadata.json").exists():
            continue
        try:
            found.append(load_installed(child))
        except PackageError as exc:
            log.warning("skipping package directory %s: %s", child.name, exc)
    return sorted(found, key=lambda package: (package.pair, package.name))


def remove_package(models_dir: Path, pair_or_name: str) -> InstalledPackage:
    """Remove the package named ``pair_or_name`` ("es-en", "es_en" or its directory name)."""
    wanted = pair_or_name.strip().replace("_", "-").replace("→", "-").replace("->", "-")
    for package in list_packages(models_dir):
        if pair_or_name in (package.name, package.path.name) or wanted == package.pair:
            trash = models_dir / f".removing-{package.name}"
            shutil.rmtree(trash, ignore_errors=True)
            package.path.rename(trash)
            shutil.rmtree(trash)
            log.info("removed translation package %s", package.name)
            return package
    raise PackageNotFoundError(f"no installed translation package matches {pair_or_name!r}")


def load_installed(root: Path) -> InstalledPackage:
    """Describe an installed package directory (metadata and tokenizer checked, model not loaded)."""
    return _describe(root, read_metadata(root), _tokenizer_kind(root))


def read_metadata(root: Path) -> dict[str, str]:
    """Parse and check ``metadata.json`` of an extracted package directory."""
    meta_path = root / "metadata.json"
    if not meta_path.is_file():
        raise PackageError("metadata.json missing at the top of the package folder")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(f"metadata.json is not valid JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise PackageError("metadata.json must hold a JSON object")
    missing = [field for field in REQUIRED_FIELDS if not isinstance(meta.get(field), str) or not meta.get(field)]
    if missing:
        raise PackageError(f"metadata.json lacks {', '.join(missing)}")
    kind = meta.get("type", "translate")
    if kind != "translate":
        raise PackageError(f"package type {kind!r} is not a translation package")
    for field in ("from_code", "to_code"):
        if not LANGUAGE_CODE.match(meta[field]):
            raise PackageError(f"metadata.json {field} {meta[field]!r} is not a language code")
    if meta["from_code"] == meta["to_code"]:
        raise PackageError("metadata.json from_code and to_code are the same")
    return meta


def check_package_dir(root: Path, meta: dict[str, str]) -> str:
    """Check the model and tokenizer load; returns the tokenizer kind."""
    model_dir = root / "model"
    if not (model_dir / "model.bin").is_file():
        raise PackageError("model/model.bin missing: model/ must be a CTranslate2 model directory")
    if not any((model_dir / name).is_file() for name in VOCABULARY_FILES):
        raise PackageError("model/ has no CTranslate2 vocabulary file")
    tokenizer = _tokenizer_kind(root)
    _load_tokenizer(root, tokenizer)
    _load_model(model_dir)
    return tokenizer


def _tokenizer_kind(root: Path) -> str:
    if (root / "sentencepiece.model").is_file():
        return "sentencepiece"
    if (root / "bpe.model").is_file():
        return "bpe"
    raise PackageError("no tokenizer: sentencepiece.model or bpe.model is required")


def _load_tokenizer(root: Path, kind: str) -> None:
    if kind == "sentencepiece":
        import sentencepiece as spm

        try:
            spm.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
        except (OSError, RuntimeError) as exc:
            raise PackageError(f"sentencepiece.model does not load: {exc}") from exc
    else:
        text = (root / "bpe.model").read_text(encoding="utf-8", errors="replace")
        if not text.strip():
            raise PackageError("bpe.model is empty")


def _load_model(model_dir: Path) -> None:
    import ctranslate2

    try:
        ctranslate2.Translator(str(model_dir), device="cpu", inter_threads=1, intra_threads=1)
    except (RuntimeError, ValueError, OSError) as exc:
        raise PackageError(f"model/ is not a loadable CTranslate2 model: {exc}") from exc


def _check_members(archive: zipfile.ZipFile, max_bytes: int) -> str:
    """The single top folder's name, after refusing unsafe or oversized members."""
    members = archive.infolist()
    if not members:
        raise PackageError("the archive is empty")
    if len(members) > MAX_MEMBERS:
        raise PackageError(f"the archive has {len(members)} members (limit {MAX_MEMBERS})")
    tops: set[str] = set()
    total = 0
    for info in members:
        name = info.filename
        parts = PurePosixPath(name).parts
        if (
            not parts
            or name.startswith(("/", "\\"))
            or "\\" in name
            or ".." in parts
            or ":" in parts[0]
            or "\x00" in name
        ):
            raise PackageError(f"unsafe path in archive: {name!r}")
        kind = stat.S_IFMT(info.external_attr >> 16)  # 0: no Unix file type recorded (plain file)
        if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
            raise PackageError(f"archive member is a link or special file: {name!r}")
        if len(parts) == 1 and not info.is_dir():
            raise PackageError(f"file at the top of the archive: {name!r}; expected one package folder")
        tops.add(parts[0])
        total += info.file_size
    if len(tops) != 1:
        raise PackageError(f"expected one top-level folder, found {len(tops)}")
    if total > max_bytes:
        raise PackageError(f"the archive expands to {total} bytes (limit {max_bytes})")
    return tops.pop()


def _extract(archive: zipfile.ZipFile, dest: Path, max_bytes: int) -> None:
    """Extract member by member, counting real bytes (headers can lie about sizes)."""
    written = 0
    base = dest.resolve()
    for info in archive.infolist():
        target = (dest / info.filename).resolve()
        if not target.is_relative_to(base):
            raise PackageError(f"unsafe path in archive: {info.filename!r}")
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as src, open(target, "xb") as out:
            while chunk := src.read(1 << 20):
                written += len(chunk)
                if written > max_bytes:
                    raise PackageError(f"the archive expands beyond {max_bytes} bytes")
                out.write(chunk)


def _move_into_place(root: Path, target: Path) -> None:
    """Swap the checked folder in; an old version is moved aside first and deleted after."""
    old = target.with_name(f".replacing-{target.name}")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    try:
        root.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _describe(root: Path, meta: dict[str, str], tokenizer: str) -> InstalledPackage:
    record_path = root / INSTALL_RECORD
    sha = None
    if record_path.is_file():
        try:
            sha = json.loads(record_path.read_text(encoding="utf-8")).get("sha256")
        except (UnicodeDecodeError, json.JSONDecodeError):
            sha = None
    return InstalledPackage(
        name=root.name,
        path=root,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        from_name=str(meta.get("from_name", "")),
        to_name=str(meta.get("to_name", "")),
        package_version=meta["package_version"],
        argos_version=meta["argos_version"],
        tokenizer=tokenizer,
        size_bytes=sum(p.stat().st_size for p in root.rglob("*") if p.is_file()),
        sha256=sha,
        target_prefix=str(meta.get("target_prefix", "") or ""),
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
