"""Deployments served by `evidence up` (and `evidence serve`): typed forms in the Prefect UI."""

from __future__ import annotations

from evidence.flows.process_document import process_document
from prefect import serve

PROCESS_DOCUMENT = "process-document/process-one"


def serve_deployments() -> None:
    """Blocks, running flow runs that the UI, the API or triggers ask for."""
    serve(
        process_document.to_deployment(
            name="process-one",
            description="Process one object from the inbox bucket into an evidence record.",
            tags=["evidence"],
        ),
        print_starting_message=False,
    )
