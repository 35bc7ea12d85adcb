"""Argos packages translated directly with CTranslate2 and SentencePiece, in batches.

Why not ``argostranslate.translate``: it imports stanza (and with it torch) for sentence splitting
and translates paragraph by paragraph. Here the package's model and tokenizer are loaded once and
all sentences of a document go through ``translate_batch`` together, as ICIJ's translation worker
does; sentence splitting is :mod:`evidence.translation.segment`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from evidence.translation.engine import DEFAULT, STRICT, DecodeSettings, EngineUnavailable
from evidence.translation.packages import InstalledPackage, load_installed

MAX_BATCH_SIZE = 32
MAX_INPUT_TOKENS = 512
MAX_DECODING_LENGTH = 384
DECODING_SLACK = 2.0  # output tokens allowed per input token, so a looping model stops early


class ArgosEngine:
    """One installed package: its CTranslate2 translator and SentencePiece processor."""

    name = "argos"
    settings: tuple[DecodeSettings, ...] = (DEFAULT, STRICT)

    def __init__(self, package: InstalledPackage, threads: int = 1) -> None:
        import ctranslate2
        import sentencepiece as spm

        if package.tokenizer != "sentencepiece":
            raise EngineUnavailable(
                f"{package.name} uses a BPE tokenizer; install a SentencePiece version of the {package.pair} package"
            )
        self.package = package
        self.source, self.target = package.from_code, package.to_code
        self.model_id = package.model_id
        self.model_version = package.model_version
        self._sp = spm.SentencePieceProcessor(model_file=str(package.tokenizer_path))
        self._translator = ctranslate2.Translator(
            str(package.model_dir), device="cpu", compute_type="auto", inter_threads=1, intra_threads=threads
        )
        self._lock = threading.Lock()  # one translate_batch at a time per loaded model

    def translate(self, sentences: Sequence[str], settings: DecodeSettings = DEFAULT) -> list[str]:
        if not sentences:
            return []
        tokens = [self._sp.encode(text, out_type=str)[:MAX_INPUT_TOKENS] for text in sentences]
        longest = max(len(t) for t in tokens)
        prefix = self.package.target_prefix
        with self._lock:
            results = self._translator.translate_batch(
                tokens,
                target_prefix=[[prefix]] * len(tokens) if prefix else None,
                max_batch_size=MAX_BATCH_SIZE,
                beam_size=settings.beam_size,
                repetition_penalty=settings.repetition_penalty,
                no_repeat_ngram_size=settings.no_repeat_ngram_size,
                max_decoding_length=min(MAX_DECODING_LENGTH, int(longest * DECODING_SLACK) + 8),
                replace_unknowns=True,
            )
        return [self._decode(result.hypotheses[0], prefix) for result in results]

    def _decode(self, pieces: list[str], prefix: str) -> str:
        if prefix and pieces and pieces[0] == prefix:
            pieces = pieces[1:]
        return self._sp.decode_pieces(pieces).replace("▁", " ").strip()


@lru_cache(maxsize=4)
def load_engine(path: Path, version: str, threads: int) -> ArgosEngine:
    """Loaded models are kept per process (a worker translates many documents with one model)."""
    package = load_installed(path)
    if package.model_version != version:
        raise EngineUnavailable(f"{package.name} changed while loading")
    return ArgosEngine(package, threads)


def engine_for(package: InstalledPackage, threads: int = 1) -> ArgosEngine:
    return load_engine(package.path, package.model_version, threads)
