"""`evidence models install|list|remove` with a real argos-format package the project builds itself."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from evidence.translation import phrasebook
from evidence.translation.testpackage import build_package
from typer.testing import CliRunner


@pytest.fixture(scope="module")
def package_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_package(tmp_path_factory.mktemp("packages") / "evidence-test-es_en.argosmodel")


@pytest.fixture
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from evidence.config.settings import get_settings

    folder = tmp_path / "models"
    monkeypatch.setenv("EVIDENCE_MODELS_DIR", str(folder))
    get_settings.cache_clear()
    yield folder
    monkeypatch.undo()
    get_settings.cache_clear()


def evidence(*args: str):
    from evidence.cli.main import app

    return CliRunner().invoke(app, list(args))


def test_installed_package_is_listed_and_translates(package_file: Path, models_dir: Path) -> None:
    from evidence.translation.argos_engine import ArgosEngine
    from evidence.translation.packages import list_packages

    result = evidence("models", "install", str(package_file))
    assert result.exit_code == 0, result.output
    assert "installed es-en 0.1" in result.output

    listing = evidence("models", "list")
    assert listing.exit_code == 0, listing.output
    row = next(line for line in listing.output.splitlines() if "es-en" in line)
    assert "0.1+sha256:" in row and "argos" in row and " MB" in row

    (package,) = list_packages(models_dir)
    engine = ArgosEngine(package)
    pairs = phrasebook.sample_sentences(20, seed=3)
    assert engine.translate([es for es, _ in pairs]) == [en for _, en in pairs]


def test_remove_takes_the_package_away(package_file: Path, models_dir: Path) -> None:
    assert evidence("models", "install", str(package_file)).exit_code == 0
    result = evidence("models", "remove", "es-en")
    assert result.exit_code == 0, result.output
    rows = evidence("models", "list").output.splitlines()
    assert not [row for row in rows if "translate-es_en" in row]
    assert evidence("models", "remove", "es-en").exit_code == 1


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy a package archive, letting ``change(name, data)`` alter or drop (None) members."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            changed = change(info.filename, old.read(info))
            if changed is not None:
                new.writestr(info.filename, changed)
    return target


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("not_zip", "not a zip archive"),
        ("traversal", "unsafe path"),
        ("no_model", "model/model.bin missing"),
        ("bad_language", "is not a language code"),
        ("broken_model", "not a loadable CTranslate2 model"),
    ],
)
def test_bad_packages_are_refused_and_change_nothing(
    package_file: Path, models_dir: Path, tmp_path: Path, damage: str, message: str
) -> None:
    bad = tmp_path / f"{damage}.argosmodel"
    if damage == "not_zip":
        bad.write_text("not a package")
    elif damage == "traversal":
        _rewrite(package_file, bad, lambda name, data: data)
        with zipfile.ZipFile(bad, "a") as archive:
            archive.writestr("translate-es_en-0_1/../../escape.txt", b"x")
    elif damage == "no_model":
        _rewrite(package_file, bad, lambda name, data: None if name.endswith("model.bin") else data)
    elif damage == "bad_language":

        def relabel(name: str, data: bytes) -> bytes:
            if name.endswith("metadata.json"):
                meta = json.loads(data)
                meta["from_code"] = "Spanish!"
                return json.dumps(meta).encode()
            return data

        _rewrite(package_file, bad, relabel)
    else:
        _rewrite(package_file, bad, lambda name, data: data[:200] if name.endswith("model.bin") else data)
    result = evidence("models", "install", str(bad))
    assert result.exit_code == 1
    assert message in result.output
    assert not models_dir.exists() or not [p for p in models_dir.iterdir()]
    assert not (tmp_path / "escape.txt").exists()
