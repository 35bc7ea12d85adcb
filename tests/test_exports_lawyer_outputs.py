"""Lawyer-ready outputs against a real MinIO and real Tesseract: exhibit PDFs (rendered, text
extractable, fonts embedded), searchable PDFs (OCR text layer), and a case export whose manifest
verifies and catches tampering. This module runs its own MinIO, like test_evidence_store."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from evidence.config.settings import Settings
from evidence.exports import (
    SEARCHABLE_PDF,
    build_exhibit,
    export_case,
    store_searchable_pdf,
    verify_export,
)
from evidence.flows import stages
from evidence.models.custody import CustodyAction
from evidence.models.record import Entity, EntityOrigin, EvidenceRecord, SentenceAlignment, Translation
from evidence.samples import SampleRequest, generate
from evidence.storage.client import make_client
from evidence.storage.provision import provision
from evidence.storage.store import EvidenceStore
from pydantic import SecretStr

from tests.conftest import start_minio

pytestmark = pytest.mark.integration

CASE = "C-EXPORT-1"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Doc:
    sha256: str
    record: EvidenceRecord
    lines: tuple[str, ...]  # ground-truth lines of the sample


@pytest.fixture(scope="module")
def export_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EvidenceStore]:
    server = start_minio(tmp_path_factory.mktemp("exports-minio"))
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("exports-settings"),
        minio_endpoint=server.endpoint,
        minio_root_user=server.user,
        minio_root_password=SecretStr(server.password),
        originals_retention_days=1,
    )
    provision(settings)
    yield EvidenceStore(make_client(settings), settings)
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()


def _ingest(store: EvidenceStore, path: Path, case: str) -> str:
    store.put_inbox_as(path, path.name, "paralegal@clinic")
    stored = stages.ingest(store, path.name)
    stages.read(store, store.settings, stored)
    stages.build_record(store, stored, {}, case=case)
    return stored.digests.sha256


def _enrich(store: EvidenceStore, sha256: str, date: str, charge: bool) -> EvidenceRecord:
    """What the translation and extraction stages will add, made by hand, stored like build_record does."""
    record = store.get_record(sha256)
    assert record is not None
    page = record.pages[0]
    lines = [line for line in page.text.split("\n") if line.strip()]
    language = page.language or "xx"
    sentences = [
        SentenceAlignment(
            page=1,
            source_start=0,
            source_end=len(line),
            source_text=line,
            target_text=f"English rendering of sentence {i + 1}.",
            unreliable=i == 1,
            flags=["untranslated_tokens"] if i == 1 else [],
        )
        for i, line in enumerate(lines[:5])
    ]
    entities = [
        Entity(
            type="AUTHORITY",
            text=lines[1],
            normalized="Issuing authority (English)",
            language=language,
            page=1,
            start=0,
            end=len(lines[1]),
            origin=EntityOrigin.RULE,
            confidence=0.9,
        ),
        Entity(
            type="DATE",
            text=date,
            normalized=date,
            language=language,
            page=1,
            start=0,
            end=10,
            origin=EntityOrigin.RULE,
            confidence=0.95,
            attributes={"role": "appear_on"},
        ),
    ]
    if charge:
        entities.append(
            Entity(
                type="CHARGE",
                text=lines[2],
                normalized="RU-CC-280",
                language=language,
                page=1,
                start=0,
                end=len(lines[2]),
                origin=EntityOrigin.RULE,
                confidence=0.9,
                attributes={
                    "offence_en": "Public calls for extremist activity",
                    "used_against_dissent": "true",
                    "sources": "OVD-Info 2023 | Human Rights Watch 2022",
                },
            )
        )
    enriched = record.model_copy(
        update={
            "translations": [
                Translation(
                    engine="hand-made",
                    model_id="test",
                    model_version="0",
                    source_language=language,
                    target_language="en",
                    sentences=sentences,
                )
            ],
            "entities": entities,
            "document_type": "summons",
        }
    )
    key, digest = store.put_record(enriched)
    store.custody.record(sha256, CustodyAction.RECORD_STORED, artefact_key=key, artefact_sha256=digest)
    return enriched


@pytest.fixture(scope="module")
def docs(export_store: EvidenceStore, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Doc]:
    out = tmp_path_factory.mktemp("export-samples")
    samples = generate(
        out,
        [
            SampleRequest("ru_summons_sk", "scan_png"),
            SampleRequest("fa_revolutionary_court_notice", "scan_png"),
            SampleRequest("es_arrest_warrant_ni", "born_digital_pdf"),
            SampleRequest("zh_summons_psb", "scan_png"),
        ],
    )
    result: dict[str, Doc] = {}
    dates = {"ru_summons_sk": "2024-03-15", "fa_revolutionary_court_notice": "2023-10-23"}
    for sample in samples:
        sha = _ingest(export_store, sample.path, CASE)
        name = sample.spec.name
        if name in dates:
            record = _enrich(export_store, sha, dates[name], charge=name == "ru_summons_sk")
        else:
            record = export_store.get_record(sha)
        assert record is not None
        result[name] = Doc(sha, record, sample.spec.ground_truth_lines)
    return result


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode()


def _fonts(path: Path) -> list[list[str]]:
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()
    return [line.split() for line in lines[2:] if line.strip()]


def _page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.MULTILINE).group(1))  # type: ignore[union-attr]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", BIDI_CONTROLS.sub("", text))


def _recognised_line(doc: Doc) -> str:
    """A ground-truth line that OCR got exactly right (so it must survive into the PDF)."""
    text = _squash(doc.record.pages[0].text)
    found = [line for line in doc.lines if len(line) >= 8 and _squash(line) in text]
    assert found, "OCR recognised no ground-truth line exactly"
    return max(found, key=len)


def _assert_embedded(path: Path) -> list[str]:
    fonts = _fonts(path)
    assert fonts
    for row in fonts:
        # columns: name type [type] encoding emb sub uni id gen; 'emb' is the 5th from the end
        assert row[-5] == "yes", f"font not embedded: {row[0]}"
    return [row[0] for row in fonts]


def _render_pngs(path: Path, out: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(out / "page")], check=True)
    return sorted(out.glob("page-*.png"))


def test_exhibit_cyrillic_renders_with_embedded_fonts_and_text(
    export_store: EvidenceStore, docs: dict[str, Doc], tmp_path: Path
) -> None:
    doc = docs["ru_summons_sk"]
    started = time.perf_counter()
    pdf = build_exhibit(export_store, doc.sha256, "7")
    print(f"exhibit built in {time.perf_counter() - started:.2f}s, {len(pdf):,} bytes")
    path = tmp_path / "exhibit.pdf"
    path.write_bytes(pdf)
    pngs = _render_pngs(path, tmp_path)
    assert len(pngs) == _page_count(path) >= 3  # cover, one page section, entities
    assert all(p.stat().st_size > 1000 for p in pngs)
    _assert_embedded(path)
    text = _squash(_pdftotext(path))
    assert doc.sha256 in text
    assert "EXHIBIT 7" in text and f"Case {CASE}" in text
    assert _squash(_recognised_line(doc)) in text
    assert "Public calls for extremist activity" in text and "USED AGAINST DISSENT" in text
    assert "OVD-Info 2023; Human Rights Watch 2022" in text
    assert "English rendering of sentence 1." in text and "UNRELIABLE — untranslated_tokens" in text
    assert text.count("machine-made and unverified") == _page_count(path)  # the footer is on every page
    assert "paralegal@clinic" in text  # custody summary names who handed it in


def test_exhibit_persian_is_shaped_and_extractable(
    export_store: EvidenceStore, docs: dict[str, Doc], tmp_path: Path
) -> None:
    doc = docs["fa_revolutionary_court_notice"]
    path = tmp_path / "fa.pdf"
    path.write_bytes(build_exhibit(export_store, doc.sha256, "2"))
    fonts = _assert_embedded(path)
    assert any("NotoNaskhArabic" in name for name in fonts)
    text = _squash(_pdftotext(path))
    assert doc.sha256 in text
    assert "احضاریه متهم" in text  # the title, in logical order, from the shaped (contextual-form) glyphs
    assert len(_render_pngs(path, tmp_path)) == _page_count(path)


def test_exhibit_chinese_embeds_a_noto_cjk_subset(
    export_store: EvidenceStore, docs: dict[str, Doc], tmp_path: Path
) -> None:
    doc = docs["zh_summons_psb"]
    path = tmp_path / "zh.pdf"
    path.write_bytes(build_exhibit(export_store, doc.sha256))
    fonts = _assert_embedded(path)
    assert any("NotoSansCJK" in name for name in fonts)
    page_text = doc.record.pages[0].text
    han = re.findall(r"[\u4e00-\u9fff]{2,}", page_text)
    assert han
    assert han[0] in _pdftotext(path)


def test_exhibit_without_translation_or_entities_says_so(
    export_store: EvidenceStore, docs: dict[str, Doc], tmp_path: Path
) -> None:
    doc = docs["es_arrest_warrant_ni"]
    assert doc.record.translations is None and doc.record.entities is None
    path = tmp_path / "es.pdf"
    path.write_bytes(build_exhibit(export_store, doc.sha256))
    _assert_embedded(path)
    text = _squash(_pdftotext(path))
    assert "Exhibit (unnumbered)" in text or "EXHIBIT (UNNUMBERED)" in text
    assert "Not translated" in text and "not extracted" in text
    assert "ORDEN DE CAPTURA" in text


def test_searchable_pdf_has_ocr_text_layer(export_store: EvidenceStore, docs: dict[str, Doc], tmp_path: Path) -> None:
    doc = docs["ru_summons_sk"]
    started = time.perf_counter()
    stored = store_searchable_pdf(export_store, doc.sha256)
    print(f"searchable PDF in {time.perf_counter() - started:.2f}s, {stored.size:,} bytes")
    data = export_store.get_stage_artefact(doc.sha256, SEARCHABLE_PDF)
    assert data is not None and stored.key == f"{doc.sha256}/{SEARCHABLE_PDF}"
    path = tmp_path / "searchable.pdf"
    path.write_bytes(data)
    assert _page_count(path) == len(doc.record.pages)
    _assert_embedded(path)
    layer = _squash(_pdftotext(path))
    words = {w for w in re.findall(r"\w{5,}", doc.record.pages[0].text)}
    found = {w for w in words if w in layer}
    assert len(found) >= 0.8 * len(words), f"only {len(found)} of {len(words)} OCR words in the text layer"
    assert "СЛЕДСТВЕННЫЙ" in layer
    logged = [e for e in export_store.custody.events(doc.sha256) if e.stage == "searchable_pdf"]
    assert logged and logged[-1].artefact_sha256 == stored.sha256

    born_digital = docs["es_arrest_warrant_ni"]
    kept = store_searchable_pdf(export_store, born_digital.sha256)
    assert kept.sha256 == born_digital.sha256  # a born-digital PDF is kept byte for byte


def test_case_export_manifest_verifies_and_catches_tampering(
    export_store: EvidenceStore, docs: dict[str, Doc], tmp_path: Path
) -> None:
    out = tmp_path / "case.zip"
    started = time.perf_counter()
    result = export_case(export_store, CASE, out, exhibit_start=5)
    print(f"case export of {len(result.rows)} documents in {time.perf_counter() - started:.2f}s")
    assert verify_export(out) == []

    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        rows = list(csv.DictReader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
        html = archive.read("index.html").decode()
        for doc in docs.values():
            assert f"records/{doc.sha256}.json" in names and f"custody/{doc.sha256}.json" in names
            assert any(n.startswith(f"originals/{doc.sha256}") for n in names)
            custody = json.loads(archive.read(f"custody/{doc.sha256}.json"))
            assert custody[-1]["action"] == "exported"
    assert {f["path"] for f in manifest["files"]} == names - {"manifest.json", "SHA256SUMS"}
    assert sum(n.startswith("exhibits/") for n in names) == len(docs)
    # sorted by the date each document states; undated ones by date received, after them
    assert [r["sha256"] for r in rows[:2]] == [
        docs["fa_revolutionary_court_notice"].sha256,
        docs["ru_summons_sk"].sha256,
    ]
    assert [r["exhibit"] for r in rows] == ["5", "6", "7", "8"]
    assert rows[0]["document_date"] == "2023-10-23" and rows[2]["date_basis"] == "date received"
    assert "Public calls for extremist activity [used against dissent]" in rows[1]["charges"]
    assert docs["ru_summons_sk"].sha256 in html
    for doc in docs.values():
        exported = [e for e in export_store.custody.events(doc.sha256) if e.action == CustodyAction.EXPORTED]
        assert exported and exported[-1].parameters["export_id"] == result.export_id

    target = f"records/{docs['ru_summons_sk'].sha256}.json"
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == target:
                data = data.replace(b'"summons"', b'"court_decision"')
            dst.writestr(info, data)
        dst.writestr("exhibits/extra.pdf", b"%PDF-1.4 not part of the export")
    problems = verify_export(tampered)
    assert any(p.startswith(target) and "does not match" in p for p in problems)
    assert any(p.startswith("exhibits/extra.pdf") for p in problems)
    assert len(problems) == 2
