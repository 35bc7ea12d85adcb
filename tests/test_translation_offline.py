"""Offline proof: install, load and translate with every non-loopback connection refused.

The session-wide guard in conftest refuses any connection that would leave the machine. Inside the
run the test makes one deliberate attempt, to show the guard is really armed there; the guard must
then have seen that attempt and nothing else.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Sequence
from pathlib import Path

import pytest
from evidence.models.record import Page, PageSource
from evidence.translation import phrasebook
from evidence.translation.engine import DEFAULT, DecodeSettings, Engine
from evidence.translation.packages import install_package
from evidence.translation.selection import EngineChoice, choose_engines
from evidence.translation.testpackage import build_package
from evidence.translation.translator import translate_pages

UNREACHABLE = ("203.0.113.7", 443)  # TEST-NET-3: never a real host


class Probing:
    """Delegates to a real engine; on its first batch, tries to reach the outside world once."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name, self.model_id, self.model_version = engine.name, engine.model_id, engine.model_version
        self.source, self.target, self.settings = engine.source, engine.target, engine.settings
        self.refusals: list[Exception] = []

    def translate(self, sentences: Sequence[str], settings: DecodeSettings = DEFAULT) -> list[str]:
        try:
            socket.create_connection(UNREACHABLE, timeout=2).close()
        except OSError as exc:
            self.refusals.append(exc)
        return self.engine.translate(sentences, settings)


def test_translation_runs_with_the_network_refused(offline_guard, tmp_path: Path) -> None:
    models = tmp_path / "models"
    install_package(build_package(tmp_path / "es_en.argosmodel"), models)
    order = ["argos", "apertium"] if shutil.which("apertium") else ["argos"]
    engines = choose_engines("es", "en", models, order).engines
    probes = [Probing(engine) for engine in engines]
    pairs = phrasebook.sample_sentences(30, seed=2)
    text = " ".join(es for es, _ in pairs)
    pages = [Page(number=1, source=PageSource.OCR, source_reason="test", language="es", text=text)]

    primary = translate_pages(pages, lambda lang: EngineChoice(probes[:1]))
    (translation,) = primary.translations
    assert [s.target_text for s in translation.sentences] == [en for _, en in pairs]
    if len(probes) > 1:
        (second,) = translate_pages(pages, lambda lang: EngineChoice(probes[1:])).translations
        assert second.engine == "apertium" and len(second.sentences) == len(pairs)

    for probe in probes:
        assert len(probe.refusals) == 1
        assert isinstance(probe.refusals[0], ConnectionRefusedError)
        assert "offline guard" in str(probe.refusals[0])
    assert offline_guard.attempts == [repr(UNREACHABLE)] * len(probes)  # ours, and nothing else


@pytest.mark.parametrize("host", ["8.8.8.8", "2001:4860:4860::8888"])
def test_the_guard_refuses_outbound_connections(offline_guard, host: str) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock, pytest.raises(ConnectionRefusedError):
        sock.connect((host, 53))
    assert len(offline_guard.attempts) == 1
