"""The knowledge base (package data under ``evidence.config/knowledge``), loaded once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml


def load_yaml(name: str) -> Any:
    """One YAML file from ``config/knowledge``; read from the installed package, never the network."""
    text = resources.files("evidence.config").joinpath("knowledge", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass(frozen=True)
class Source:
    organisation: str
    title: str
    year: int
    url: str
    checked: bool


@dataclass(frozen=True)
class Code:
    """A code or law: how documents name it and how its article numbers read."""

    key: str
    country: str
    name_native: str
    name_en: str
    aliases: tuple[re.Pattern[str], ...]
    generic: tuple[str, ...] = ()
    general_part_max: int | None = None
    special_part_max: int | None = None  # articles above it are jurisdiction, procedure or enforcement
    dot: str = "paragraph"
    keep_paragraph: bool = False
    law_id: str | None = None
    source: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Charge:
    id: str
    code: str
    article: str | None
    offence_en: str
    offence_native: str
    used_against_dissent: bool
    sources: tuple[Source, ...]
    notes: str = ""
    names: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class KnowledgeBase:
    codes: dict[str, Code]
    generic: dict[str, tuple[re.Pattern[str], ...]]
    charges: dict[str, Charge]
    sources: dict[str, Source]

    def codes_for_country(self, country: str, generic: str) -> list[Code]:
        return [c for c in self.codes.values() if c.country == country and generic in c.generic]


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@cache
def knowledge_base() -> KnowledgeBase:
    """Codes, charges and their human-rights sources, validated on load."""
    raw_sources = load_yaml("sources.yaml")
    sources = {
        key: Source(v["organisation"], v["title"], int(v["year"]), v["url"], bool(v.get("checked", False)))
        for key, v in raw_sources.items()
    }
    raw_codes = load_yaml("codes.yaml")
    generic = {name: _compile(pats) for name, pats in raw_codes.pop("GENERIC").items()}
    codes = {
        key: Code(
            key=key,
            country=v["country"],
            name_native=v["name_native"],
            name_en=v["name_en"],
            aliases=_compile(v["aliases"]),
            generic=tuple(v.get("generic", ())),
            general_part_max=v.get("general_part_max"),
            special_part_max=v.get("special_part_max"),
            dot=v.get("dot", "paragraph"),
            keep_paragraph=bool(v.get("keep_paragraph", False)),
            law_id=v.get("law_id"),
            source=dict(v.get("source", {})),
        )
        for key, v in raw_codes.items()
    }
    charges: dict[str, Charge] = {}
    for v in load_yaml("charges.yaml"):
        if v["code"] not in codes:
            raise ValueError(f"charge {v['id']} names unknown code {v['code']}")
        cited = tuple(sources[s] for s in v.get("sources", ()))
        if v["used_against_dissent"] and not cited:
            raise ValueError(f"charge {v['id']} is flagged without a source")
        charges[v["id"]] = Charge(
            id=v["id"],
            code=v["code"],
            article=None if v.get("article") is None else str(v["article"]),
            offence_en=v["offence_en"],
            offence_native=v.get("offence_native", ""),
            used_against_dissent=bool(v["used_against_dissent"]),
            sources=cited,
            notes=v.get("notes", ""),
            names={lang: _compile(pats) for lang, pats in v.get("names", {}).items()},
        )
    return KnowledgeBase(codes=codes, generic=generic, charges=charges, sources=sources)
