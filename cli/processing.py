"""`evidence process`: upload each file to the inbox and run the flow on it, one file at a time.

A failure on one file is reported on one line and the next file is processed.
"""

from __future__ import annotations

from pathlib import Path

from evidence.config.settings import Settings
from evidence.models.stages import DocumentOutcome, ProcessOptions, Status
from evidence.stack.health import minio_live
from evidence.storage.client import make_client
from evidence.storage.custody import local_actor
from evidence.storage.store import EvidenceStore
from rich.console import Console
from rich.table import Table


class StackUnavailable(RuntimeError):
    pass


def process_paths(
    settings: Settings, paths: list[Path], options: ProcessOptions, err: Console
) -> list[DocumentOutcome]:
    if not minio_live(settings.minio_url):
        err.print(f"[red]error:[/red] MinIO is not reachable at {settings.minio_url}; run `evidence up` first")
        raise SystemExit(2)
    from evidence.flows.process_document import process_document

    store = EvidenceStore(make_client(settings), settings)
    outcomes = []
    for path in paths:
        outcome = _process_one(store, path, options, process_document)
        if outcome.status != Status.PROCESSED:
            err.print(f"[red]{path.name}[/red]: {outcome.status.value} — {outcome.reason}: {outcome.message}")
        outcomes.append(outcome)
    return outcomes


def _process_one(store: EvidenceStore, path: Path, options: ProcessOptions, flow) -> DocumentOutcome:
    if not path.is_file():
        return DocumentOutcome(source_key=path.name, status=Status.FAILED, reason="not_found", message="no such file")
    try:
        key = store.put_inbox_as(path, path.name, uploader=local_actor())
        return flow(inbox_key=key, options=options)
    except Exception as exc:  # one bad file never stops the batch; the message names the error class only
        return DocumentOutcome(
            source_key=path.name,
            status=Status.FAILED,
            reason=type(exc).__name__,
            message=str(exc).splitlines()[0][:200] if str(exc) else "",
        )


def summary_table(outcomes: list[DocumentOutcome]) -> Table:
    table = Table(title="evidence process")
    for column in ("file", "status", "sha256", "type", "pages", "lang", "source", "document", "s", "reason"):
        table.add_column(column, overflow="fold")
    for o in outcomes:
        colour = {"processed": "green", "quarantined": "yellow"}.get(o.status.value, "red")
        table.add_row(
            o.source_key,
            f"[{colour}]{o.status.value}{' (dup)' if o.duplicate else ''}[/{colour}]",
            (o.sha256 or "")[:12],
            (o.media_type or "").split("/")[-1],
            str(o.pages or ""),
            ",".join(o.languages),
            ",".join(o.sources),
            o.document_type or "",
            f"{o.seconds:.1f}",
            o.reason or "",
        )
    return table
