"""The interface every translation engine offers, so the stage can choose one per language pair.

An engine translates a batch of sentences and may offer several decoding settings: the first is
the fast default, later ones are what a quality guard retries with (fewer repetitions, wider beam).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class DecodeSettings:
    """One way of decoding; engines without knobs ignore all but ``name``."""

    name: str = "default"
    beam_size: int = 2
    repetition_penalty: float = 1.0
    no_repeat_ngram_size: int = 0
    extra: dict[str, float] = field(default_factory=dict)


DEFAULT = DecodeSettings()
STRICT = DecodeSettings(name="strict", beam_size=4, repetition_penalty=1.3, no_repeat_ngram_size=3)


class EngineUnavailable(RuntimeError):
    """The engine cannot translate this pair here (no package, no binary)."""


@runtime_checkable
class Engine(Protocol):
    """A loaded translator for one language pair."""

    name: str  # "argos", "apertium", "pivot"
    model_id: str
    model_version: str
    source: str  # ISO 639-1
    target: str
    settings: tuple[DecodeSettings, ...]

    def translate(self, sentences: Sequence[str], settings: DecodeSettings = DEFAULT) -> list[str]:
        """One translation per sentence, in order; never fewer."""
        ...
