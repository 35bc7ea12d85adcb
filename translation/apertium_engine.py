"""Apertium (rule-based, Debian packages ``apertium`` + ``apertium-eng-spa`` …) behind the engine interface.

Why a second engine: it has no neural failure modes (no loops, no hallucination), so it is what a
sentence falls back to when the neural output fails a quality guard, and it covers pairs for
which no argos package is installed. Sentences go through one ``apertium`` process, one per line.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from evidence.translation.engine import DEFAULT, DecodeSettings, EngineUnavailable

MODES_DIRS = (Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes"))
TIMEOUT_S = 600

# ISO 639-1 (what the pipeline uses) → ISO 639-3 (what Apertium's modes are named with)
ISO3 = {
    "en": "eng", "es": "spa", "fr": "fra", "pt": "por", "ca": "cat", "it": "ita", "de": "deu",
    "ru": "rus", "uk": "ukr", "be": "bel", "tr": "tur", "fa": "fas", "ar": "ara", "zh": "zho",
    "ro": "ron", "nl": "nld", "pl": "pol", "eu": "eus", "gl": "glg", "oc": "oci", "eo": "epo",
}  # fmt: skip


def mode_name(source: str, target: str) -> str:
    return f"{ISO3.get(source, source)}-{ISO3.get(target, target)}"


@lru_cache(maxsize=1)
def installed_modes() -> dict[str, Path]:
    """Translation directions Apertium has here (``spa-eng`` → its mode file)."""
    if shutil.which("apertium") is None:
        return {}
    modes: dict[str, Path] = {}
    for folder in MODES_DIRS:
        if folder.is_dir():
            for path in sorted(folder.glob("*.mode")):
                modes.setdefault(path.stem, path)
    return modes


def describe_mode(mode: str) -> tuple[str, str]:
    """("es-en", "apertium-eng-spa 0.8.1-2") for an installed mode such as ``spa-eng``."""
    iso1 = {three: one for one, three in ISO3.items()}
    parts = mode.split("_", 1)[0].split("-")
    pair = "-".join(iso1.get(part, part) for part in parts) + (f" ({mode.split('_', 1)[1]})" if "_" in mode else "")
    return pair, data_version(installed_modes()[mode])


def available(source: str, target: str) -> bool:
    return mode_name(source, target) in installed_modes()


@lru_cache(maxsize=16)
def data_version(mode_file: Path) -> str:
    """Version of the Debian package that holds the pair's data, else of the apertium binary."""
    owner = _run(["dpkg-query", "-S", str(mode_file)])
    if owner and ":" in owner:
        package = owner.split(":", 1)[0].strip()
        version = _run(["dpkg-query", "-W", "-f=${Version}", package])
        if version:
            return f"{package} {version}"
    return _run(["apertium", "-V"]) or "unknown"


def _run(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


class ApertiumEngine:
    name = "apertium"
    settings: tuple[DecodeSettings, ...] = (DEFAULT,)  # rule-based: nothing to tune on a retry

    def __init__(self, source: str, target: str) -> None:
        mode = mode_name(source, target)
        mode_file = installed_modes().get(mode)
        if mode_file is None:
            raise EngineUnavailable(f"Apertium has no {mode} pair here (apt-get install apertium-…)")
        self.source, self.target, self.mode = source, target, mode
        self.model_id = f"apertium:{mode}"
        self.model_version = data_version(mode_file)

    def translate(self, sentences: Sequence[str], settings: DecodeSettings = DEFAULT) -> list[str]:
        if not sentences:
            return []
        lines = [" ".join(text.split()) for text in sentences]  # one sentence per line
        out = self._apertium("\n".join(lines) + "\n").split("\n")
        if out and out[-1] == "":
            out.pop()
        if len(out) != len(lines):  # a line boundary was not kept: translate one by one
            out = [self._apertium(line + "\n").strip() for line in lines]
        return [line.strip() for line in out]

    def _apertium(self, text: str) -> str:
        try:
            done = subprocess.run(
                ["apertium", "-u", self.mode],
                input=text,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise EngineUnavailable(f"apertium {self.mode} took longer than {TIMEOUT_S} s") from exc
        if done.returncode != 0:
            raise EngineUnavailable(f"apertium {self.mode} failed with exit code {done.returncode}")
        return done.stdout
