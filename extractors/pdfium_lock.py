"""One lock for every use of pdfium in a process.

pdfium is not thread-safe: two threads inside it at once (a batch run reading documents in
parallel threads) crash the process with heap corruption. Whoever opens a pdfium document holds
this lock until the document is closed; image documents and Tesseract still run in parallel.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
