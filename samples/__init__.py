"""Fictional foreign-language legal documents for demos, OCR and extraction tests.

Everything is generated offline from the catalogue with the installed Noto
fonts; every person, case and address is invented. Output names:
``<name>.png`` (degraded scan), ``<name>.scan.pdf`` (the same scan as an
image-only PDF), ``<name>.pdf`` (born-digital, real text layer) and
``<name>.gt.txt`` (ground truth: title then body lines, logical order).
"""

from __future__ import annotations

from evidence.samples.catalog import catalog, get_spec
from evidence.samples.cer import cer
from evidence.samples.generate import (
    DEFAULT_SET,
    GeneratedSample,
    SampleRequest,
    generate,
    generate_default_set,
    generate_samples,
)
from evidence.samples.render import KINDS, Kind
from evidence.samples.spec import Entities, SampleSpec

__all__ = [
    "DEFAULT_SET",
    "KINDS",
    "Entities",
    "GeneratedSample",
    "Kind",
    "SampleRequest",
    "SampleSpec",
    "catalog",
    "cer",
    "generate",
    "generate_default_set",
    "generate_samples",
    "get_spec",
]
