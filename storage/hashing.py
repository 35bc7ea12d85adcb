"""Streaming SHA-256 and SHA-512, so a large original is hashed once while it is read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Digests:
    sha256: str
    sha512: str
    size: int


class HashingReader:
    """Wraps a binary stream and hashes every byte that passes through ``read``."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._sha256 = hashlib.sha256()
        self._sha512 = hashlib.sha512()
        self._size = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._sha256.update(data)
        self._sha512.update(data)
        self._size += len(data)
        return data

    def digests(self) -> Digests:
        return Digests(self._sha256.hexdigest(), self._sha512.hexdigest(), self._size)


def digest_chunks(chunks: Iterable[bytes]) -> Digests:
    sha256, sha512, size = hashlib.sha256(), hashlib.sha512(), 0
    for chunk in chunks:
        sha256.update(chunk)
        sha512.update(chunk)
        size += len(chunk)
    return Digests(sha256.hexdigest(), sha512.hexdigest(), size)


def digest_file(path: Path) -> Digests:
    with path.open("rb") as handle:
        return digest_chunks(iter(lambda: handle.read(CHUNK), b""))


def digest_bytes(data: bytes) -> Digests:
    return digest_chunks([data])
