"""Page thumbnails beside the record, so a lawyer can find the right page without opening the scan."""

from __future__ import annotations

import io

from evidence.exports.artefacts import StoredArtefact, fetch_original, put_artefact, require_record
from evidence.exports.page_images import page_images
from evidence.storage.store import EvidenceStore, spool_directory

THUMBNAIL_WIDTH = 320
RENDER_DPI = 48
"""PDF pages are rendered this coarse: a thumbnail never needs more, and it keeps the stage fast."""


def thumbnail_name(page: int) -> str:
    return f"thumbnails/{page:04d}.jpg"


def store_thumbnails(store: EvidenceStore, sha256: str, width: int = THUMBNAIL_WIDTH) -> list[StoredArtefact]:
    """One upright JPEG per recorded page, ``width`` pixels wide, logged in custody."""
    record = require_record(store, sha256)
    stored = []
    with spool_directory() as spool:
        original = fetch_original(store, sha256, spool)
        for page in page_images(original, record.document.media_type, record.pages, RENDER_DPI):
            image = page.image.convert("RGB")
            image.thumbnail((width, width * 4))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=80)
            stored.append(
                put_artefact(
                    store,
                    sha256,
                    thumbnail_name(page.number),
                    buffer.getvalue(),
                    stage="thumbnails",
                    parameters={"width": width},
                    content_type="image/jpeg",
                )
            )
    return stored
