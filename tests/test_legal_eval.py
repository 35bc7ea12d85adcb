"""The evaluation script meets the issue's targets on the development set."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "eval_entities.py"


def _load_eval():
    spec = importlib.util.spec_from_file_location("eval_entities", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_devset_covers_every_language_and_type() -> None:
    ev = _load_eval()
    docs = ev.load_devset()
    by_language: dict[str, int] = {}
    for doc in docs:
        by_language[doc["language"]] = by_language.get(doc["language"], 0) + 1
    assert set(by_language) == {"ru", "uk", "be", "tr", "fa", "ar", "zh", "es", "fr", "en"}
    assert min(by_language.values()) >= 3
    assert {d["doc_type"] for d in docs} >= {
        "summons",
        "arrest_warrant",
        "detention_order",
        "indictment",
        "court_decision",
        "threat_letter",
    }


def test_f1_targets_on_devset(capsys) -> None:
    ev = _load_eval()
    report = ev.evaluate(ev.load_devset())
    f1 = {kind: c.f1 for kind, c in report.counts.items()}
    assert f1["CHARGE"] >= 0.9
    assert f1["CASE_NUMBER"] >= 0.9
    assert f1["DATE"] >= 0.9
    assert f1["AUTHORITY"] >= 0.85
    assert f1["PERSON"] >= 0.85
    assert report.doc_accuracy >= 0.9
    assert ev.main([]) == 0
    assert "document type accuracy" in capsys.readouterr().out


OCR_SUBSET = ("ru-01", "tr-01", "zh-01", "es-02")  # Cyrillic, Latin, Han; a full run is `--scans`


def test_entities_survive_a_degraded_scan_and_real_tesseract(tmp_path) -> None:
    """A few dev documents rendered as flatbed scans and read by Tesseract (no cached OCR)."""
    ev = _load_eval()
    ev.OCR_CACHE = tmp_path
    docs = [d for d in ev.load_devset() if d["id"] in OCR_SUBSET]
    assert len(docs) == len(OCR_SUBSET)
    texts = {d["id"]: ev.ocr_scan(d) for d in docs}
    assert all(texts.values()) and len(list(tmp_path.iterdir())) == len(docs)
    report = ev.evaluate(docs, texts)
    f1 = {kind: c.f1 for kind, c in report.counts.items() if c.tp + c.fp + c.fn}
    assert report.doc_accuracy == 1.0
    assert f1["CHARGE"] >= 0.9 and f1["DATE"] >= 0.8  # Tesseract reads one "08.02.2024" as "08.05.2024"
    assert f1["AUTHORITY"] >= 0.8 and f1["PERSON"] >= 0.8


@pytest.mark.parametrize("folder", ["heldout", "heldout2", "heldout3", "heldout4"])
def test_former_held_out_sets_stay_fixed(folder: str) -> None:
    """Each held-out set was scored blind once (README of the folder), then its misses were fixed:
    from then on it guards against regressions like the development set."""
    ev = _load_eval()
    report = ev.evaluate(ev.load_devset(ev.DEVSET / folder))
    f1 = {kind: c.f1 for kind, c in report.counts.items() if c.tp + c.fp + c.fn}
    assert min(f1[k] for k in ("CHARGE", "CASE_NUMBER", "DATE")) >= 0.9
    assert min(f1[k] for k in ("AUTHORITY", "PERSON")) >= 0.85
    assert f1.get("LOCATION", 1.0) >= 0.85
    assert report.doc_accuracy >= 0.9


@pytest.mark.parametrize("held_out", ["heldout5", "heldout6"])
def test_a_held_out_set_meets_the_issue_targets_after_its_fixes(held_out: str) -> None:
    """Scored blind first (see the set's README), then fixed in general ways; from then on a regression
    test. LOCATION is not an issue target and is left as measured there."""
    ev = _load_eval()
    report = ev.evaluate(ev.load_devset(ev.DEVSET / held_out))
    f1 = {kind: c.f1 for kind, c in report.counts.items() if c.tp + c.fp + c.fn}
    assert min(f1[k] for k in ("CHARGE", "CASE_NUMBER", "DATE")) >= 0.9
    assert min(f1[k] for k in ("AUTHORITY", "PERSON")) >= 0.85
    assert report.doc_accuracy >= 0.9
