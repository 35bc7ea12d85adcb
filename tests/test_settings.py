"""Settings come from EVIDENCE_* variables and an optional TOML file; secrets never show."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from evidence.config.settings import Settings, get_settings
from pydantic import SecretStr
from typer.testing import CliRunner


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for key in list(__import__("os").environ):
        if key.startswith("EVIDENCE_"):
            monkeypatch.delenv(key)
    config = tmp_path / "config.toml"
    monkeypatch.setenv("EVIDENCE_CONFIG_FILE", str(config))
    return config


def test_toml_file_is_read_and_environment_wins(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean_env.write_text('bucket_inbox = "from-toml"\nocr_dpi = 200\n')
    monkeypatch.setenv("EVIDENCE_OCR_DPI", "400")
    settings = Settings()
    assert settings.bucket_inbox == "from-toml"
    assert settings.ocr_dpi == 400


def test_password_is_masked_everywhere(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_MINIO_ROOT_PASSWORD", "correct-horse-battery")
    settings = Settings()
    assert "correct-horse-battery" not in repr(settings)
    assert "correct-horse-battery" not in str(settings.model_dump())
    get_settings.cache_clear()
    from evidence.cli.main import app

    result = CliRunner().invoke(app, ["config"])
    get_settings.cache_clear()
    assert result.exit_code == 0
    assert "EVIDENCE_MINIO_ROOT_PASSWORD" in result.output
    assert "correct-horse-battery" not in result.output


def test_generated_password_is_stable_and_owner_only(clean_env: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    first = settings.minio_password()
    assert isinstance(first, SecretStr) and len(first.get_secret_value()) >= 32
    assert settings.minio_password().get_secret_value() == first.get_secret_value()
    mode = stat.S_IMODE((settings.secrets_dir / "minio-root-password").stat().st_mode)
    assert mode == 0o600


def test_every_setting_is_documented() -> None:
    undocumented = [name for name, field in Settings.model_fields.items() if not field.description]
    assert undocumented == []
