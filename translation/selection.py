"""Choose the engines for a language pair: configured order, then what is installed here.

argos: an installed package X→en, or a pivot X→Y→en through two installed packages.
apertium: a Debian-installed pair. The first available engine translates; the others are the
fallbacks a flagged sentence is retried with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evidence.translation import apertium_engine
from evidence.translation.argos_engine import engine_for
from evidence.translation.engine import DEFAULT, DecodeSettings, Engine, EngineUnavailable
from evidence.translation.packages import InstalledPackage, list_packages

ENGINES = ("argos", "apertium")


@dataclass(frozen=True)
class EngineChoice:
    """Engines for one pair, best first; empty with ``reason`` when nothing can translate it."""

    engines: list[Engine]
    reason: str = ""


class PivotEngine:
    """X→Y then Y→Z with two engines, when no X→Z package is installed."""

    name = "argos-pivot"

    def __init__(self, first: Engine, second: Engine) -> None:
        self.first, self.second = first, second
        self.source, self.target = first.source, second.target
        self.model_id = f"{first.model_id}+{second.model_id}"
        self.model_version = f"{first.model_version}+{second.model_version}"
        self.settings: tuple[DecodeSettings, ...] = first.settings

    def translate(self, sentences: Sequence[str], settings: DecodeSettings = DEFAULT) -> list[str]:
        return self.second.translate(self.first.translate(sentences, settings), settings)


def choose_engines(
    source: str,
    target: str,
    models_dir: Path,
    order: Sequence[str] = ENGINES,
    threads: int = 1,
) -> EngineChoice:
    packages = list_packages(models_dir)
    engines: list[Engine] = []
    problems: list[str] = []
    for name in order:
        try:
            if name == "argos":
                engine = _argos(source, target, packages, threads)
            elif name == "apertium":
                engine = apertium_engine.ApertiumEngine(source, target) if _apertium_has(source, target) else None
            else:
                problems.append(f"unknown engine {name!r} in configuration")
                continue
        except EngineUnavailable as exc:
            problems.append(str(exc))
            continue
        if engine is not None:
            engines.append(engine)
    if engines:
        return EngineChoice(engines)
    tried = ", ".join(order)
    detail = f" ({'; '.join(problems)})" if problems else ""
    return EngineChoice([], f"no {source}→{target} engine installed (tried {tried}){detail}")


def engine_order(source: str, preference: str, per_language: dict[str, str]) -> list[str]:
    """Configured order, with a per-language choice moved to the front."""
    order = [name.strip() for name in preference.split(",") if name.strip()]
    chosen = per_language.get(source)
    if chosen:
        order = [chosen, *[name for name in order if name != chosen]]
    return order


def _apertium_has(source: str, target: str) -> bool:
    return apertium_engine.available(source, target)


def _argos(source: str, target: str, packages: list[InstalledPackage], threads: int) -> Engine | None:
    by_pair = {(p.from_code, p.to_code): p for p in packages}
    if (source, target) in by_pair:
        return engine_for(by_pair[(source, target)], threads)
    for (first_from, middle), first in sorted(by_pair.items()):
        if first_from == source and (middle, target) in by_pair:
            return PivotEngine(engine_for(first, threads), engine_for(by_pair[(middle, target)], threads))
    return None
