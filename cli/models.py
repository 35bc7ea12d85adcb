"""`evidence models install|list|remove`: translation packages on disk, never downloaded."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from evidence.config.settings import get_settings
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Translation models: install argos packages from files, list, remove.", no_args_is_help=True)
console = Console(width=160)
err_console = Console(stderr=True, width=160)


@app.command("install")
def install(
    files: Annotated[list[Path], typer.Argument(help=".argosmodel files carried over from a connected machine.")],
) -> None:
    """Check each package (layout, metadata, model, tokenizer) and install it; a bad one changes nothing."""
    from evidence.translation.packages import PackageError, install_package

    models_dir = get_settings().translation_models_dir
    failed = 0
    for path in files:
        try:
            package = install_package(path, models_dir)
        except PackageError as exc:
            failed += 1
            err_console.print(f"[red]refused[/red] {path.name}: {exc}")
            continue
        console.print(
            f"installed {package.pair} {package.package_version} ({_size(package.size_bytes)}) as {package.name}"
        )
    if failed:
        raise typer.Exit(1)


@app.command("list")
def list_command() -> None:
    """Installed argos packages and the Apertium pairs found on this machine."""
    from evidence.translation import apertium_engine
    from evidence.translation.packages import list_packages

    models_dir = get_settings().translation_models_dir
    table = Table(title=f"translation models in {models_dir}")
    for column in ("pair", "version", "size", "engine", "name"):
        table.add_column(column)
    for package in list_packages(models_dir):
        table.add_row(package.pair, package.model_version, _size(package.size_bytes), package.engine, package.name)
    for mode in sorted(apertium_engine.installed_modes()):
        pair, version = apertium_engine.describe_mode(mode)
        table.add_row(pair, version, "-", "apertium", f"apertium {mode} (Debian package)")
    console.print(table)


@app.command("remove")
def remove(pair: Annotated[str, typer.Argument(help='Pair ("es-en") or package name.')]) -> None:
    """Remove an installed argos package."""
    from evidence.translation.packages import PackageNotFoundError, remove_package

    try:
        package = remove_package(get_settings().translation_models_dir, pair)
    except PackageNotFoundError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(f"removed {package.pair} ({package.name})")


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}" if unit == "MB" else f"{value:.0f} {unit}"
        value /= 1024
    return f"{value:.2f} GB"
