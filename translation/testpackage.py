"""Build a small but real argos-format package (.argosmodel) from the project's phrase table.

Why: argos packages cannot be downloaded in an offline build, yet installation, engines, tests and
the benchmark must run against the real format and a real CTranslate2 model. The package holds:

* ``sentencepiece.model``: a unigram SentencePiece model whose normalizer comes from a genuine
  ``sentencepiece`` training run on generated text and whose pieces are set from the phrase table
  (whole words and phrases, single characters as fallback, byte fallback for any other script);
* ``model/``: the hand-weighted transformer of :mod:`evidence.translation.tinymodel`;
* ``metadata.json`` and a README saying what it is.

``python -m evidence.translation.testpackage OUT.argosmodel [--from es --to en]``
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import string
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import sentencepiece as spm
from evidence.translation import phrasebook, tinymodel
from sentencepiece import sentencepiece_model_pb2 as sp_pb2

log = logging.getLogger(__name__)

PACKAGE_VERSION = "0.1"
ARGOS_VERSION = "1.11"
WORD = "▁"
SPECIALS = ("<unk>", "<s>", "</s>")
EXTRA_CHARS = "áéíóúüñÁÉÍÓÚÜÑàâçèêëîïôùûœÀÂÇÈÊËÎÏÔÙÛŒ¿¡«»“”‘’–—…°ºª€"
PHRASE_SCORE = -1.0  # every whole word or phrase costs the same: fewer pieces win
CHAR_SCORE = -10.0  # single characters only fill gaps


@dataclass(frozen=True)
class Vocabulary:
    pieces: list[str]
    translation_of: list[int]
    continues: list[bool]


def _piece(phrase: str) -> str:
    return WORD + phrase.replace(" ", WORD)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_continuation(piece: str) -> bool:
    """A piece that goes on inside a word (letters, digits, raw bytes), not one that starts one."""
    if piece.startswith("<0x") or piece in SPECIALS:
        return piece.startswith("<0x")
    return not piece.startswith(WORD) and all(unicodedata.category(ch)[0] in "LMN" for ch in piece)


def build_vocabulary(source: str, target: str) -> Vocabulary:
    """Pieces in SentencePiece order (specials, bytes, characters, words) and the piece mapping."""
    pairs = phrasebook.phrase_pairs(source, target)
    pairs += [(_capitalised(s), _capitalised(t)) for s, t in pairs if _capitalised(s) != s]
    chars = [WORD] + [ch for ch in string.printable if not ch.isspace()] + list(EXTRA_CHARS)
    words: list[str] = []
    for src, tgt in pairs:
        words += [_piece(src), _piece(tgt)]
    pieces = list(SPECIALS) + [f"<0x{i:02X}>" for i in range(256)]
    seen = set(pieces)
    for piece in chars + words:
        if piece not in seen:
            seen.add(piece)
            pieces.append(piece)
    index = {piece: i for i, piece in enumerate(pieces)}
    translation_of = list(range(len(pieces)))
    for src, tgt in pairs:
        translation_of[index[_piece(src)]] = index[_piece(tgt)]
    return Vocabulary(pieces, translation_of, [_is_continuation(p) for p in pieces])


def _normalizer_template(workdir: Path, source: str, target: str) -> sp_pb2.ModelProto:
    """Train a throwaway SentencePiece model to get a genuine normalizer and trainer spec."""
    corpus = workdir / "corpus.txt"
    lines = [f"{s} ||| {t}" for s, t in phrasebook.phrase_pairs(source, target)]
    corpus.write_text("\n".join(lines * 4) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(workdir / "template"),
        model_type="unigram",
        vocab_size=400,
        hard_vocab_limit=False,
        byte_fallback=True,
        split_by_whitespace=False,
        character_coverage=1.0,
        num_threads=1,
        minloglevel=2,
    )
    proto = sp_pb2.ModelProto()
    proto.ParseFromString((workdir / "template.model").read_bytes())
    return proto


def build_sentencepiece(vocabulary: Vocabulary, workdir: Path, source: str, target: str) -> Path:
    """Write ``sentencepiece.model`` whose pieces are exactly the vocabulary, in its order."""
    proto = _normalizer_template(workdir, source, target)
    del proto.pieces[:]
    kinds = sp_pb2.ModelProto.SentencePiece
    for piece in vocabulary.pieces:
        entry = proto.pieces.add()
        entry.piece = piece
        if piece == "<unk>":
            entry.type, entry.score = kinds.UNKNOWN, 0.0
        elif piece in SPECIALS:
            entry.type, entry.score = kinds.CONTROL, 0.0
        elif piece.startswith("<0x"):
            entry.type, entry.score = kinds.BYTE, 0.0
        else:
            entry.type = kinds.NORMAL
            is_word = piece.startswith(WORD) and len(piece) > 1
            entry.score = PHRASE_SCORE if is_word else CHAR_SCORE
    proto.trainer_spec.vocab_size = len(vocabulary.pieces)
    path = workdir / "sentencepiece.model"
    path.write_bytes(proto.SerializeToString())
    check = spm.SentencePieceProcessor(model_file=str(path))
    if check.get_piece_size() != len(vocabulary.pieces):
        raise RuntimeError("sentencepiece model does not hold the vocabulary")
    return path


def metadata(source: str, target: str) -> dict[str, object]:
    names = phrasebook.LANGUAGE_NAMES
    return {
        "package_version": PACKAGE_VERSION,
        "argos_version": ARGOS_VERSION,
        "from_code": source,
        "from_name": names[source],
        "to_code": target,
        "to_name": names[target],
        "type": "translate",
        "code": f"evidence-test-{source}-{target}",
        "links": [],
        "languages": [],
        "dependencies": [],
        "source_languages": [],
        "target_languages": [],
    }


README = """# Evidence pipeline test package ({source} → {target})

Built by `python -m evidence.translation.testpackage`. A hand-weighted CTranslate2 transformer that
translates the project's small legal phrase table word by word; anything else is copied. For tests
and benchmarks of the offline pipeline, not for real documents.
"""


def build_package(out_path: Path, source: str = "es", target: str = "en", *, quantization: str | None = "int8") -> Path:
    """Build ``out_path`` (.argosmodel zip with top folder ``translate-SRC_TGT-0_1``); returns it."""
    started = time.monotonic()
    top = f"translate-{source}_{target}-{PACKAGE_VERSION.replace('.', '_')}"
    vocabulary = build_vocabulary(source, target)
    with tempfile.TemporaryDirectory(prefix="evidence-testpkg-") as tmp:
        work = Path(tmp)
        root = work / top
        root.mkdir()
        sp_path = build_sentencepiece(vocabulary, work, source, target)
        shutil.copy(sp_path, root / "sentencepiece.model")
        tinymodel.save_model(
            vocabulary.pieces,
            vocabulary.translation_of,
            vocabulary.continues,
            root / "model",
            quantization=quantization,
        )
        (root / "metadata.json").write_text(json.dumps(metadata(source, target), indent=2), encoding="utf-8")
        (root / "README.md").write_text(README.format(source=source, target=target), encoding="utf-8")
        out_path.parent.mkdir(parents=True, exist_ok=True)
        partial = out_path.with_name(out_path.name + ".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                archive.write(path, path.relative_to(work).as_posix())
        partial.replace(out_path)
    log.info(
        "built test package %s-%s: %d pieces, %d bytes, %.1f s",
        source,
        target,
        len(vocabulary.pieces),
        out_path.stat().st_size,
        time.monotonic() - started,
    )
    return out_path


def cached_package(cache_dir: Path, source: str = "es", target: str = "en") -> Path:
    """The test package under ``cache_dir``, built on first use (never inside the repository)."""
    path = cache_dir / f"evidence-test-{source}_{target}-{PACKAGE_VERSION}.argosmodel"
    if not path.exists():
        build_package(path, source, target)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write the .argosmodel file")
    parser.add_argument("--from", dest="source", default="es", choices=sorted(phrasebook.LANGUAGE_NAMES))
    parser.add_argument("--to", dest="target", default="en", choices=sorted(phrasebook.LANGUAGE_NAMES))
    parser.add_argument("--float32", action="store_true", help="store float32 weights instead of int8")
    args = parser.parse_args(argv)
    if args.source == args.target:
        parser.error("--from and --to must differ")
    path = build_package(args.out, args.source, args.target, quantization=None if args.float32 else "int8")
    print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
