"""The `evidence` command: local stack, processing, status."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from evidence.cli.models import app as models_app
from evidence.config.settings import Settings, get_settings
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Offline evidence pipeline for asylum cases.", no_args_is_help=True, add_completion=False)
console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)
app.add_typer(models_app, name="models")


def _prefect_environment(settings: Settings, quiet: bool = True) -> None:
    """Point Prefect at our server, with telemetry off, before any Prefect module is imported.

    ``quiet`` keeps Prefect's per-task INFO lines off the terminal (they still reach the API).
    """
    from evidence.stack.prefect_server import client_env

    for key, value in client_env(settings).items():
        os.environ.setdefault(key, value)
    if quiet:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")


@app.command()
def up(
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Services only: no deployments, worker or watcher.")
    ] = False,
) -> None:
    """Start MinIO and Prefect (SQLite), provision buckets, deploy flows, start a worker and the inbox watcher."""
    from evidence.stack.local_stack import StackError
    from evidence.stack.local_stack import up as stack_up

    settings = get_settings()
    _prefect_environment(settings)
    from minio.error import S3Error

    try:
        report = stack_up(settings, serve=not no_serve)
    except StackError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    except S3Error as exc:  # e.g. a MinIO already running with other root credentials
        err_console.print(
            f"[red]error:[/red] MinIO at {settings.minio_url} answered {exc.code}"
            f" ({exc.bucket_name or 'request'}); was it started with other root credentials"
            f" than those in {settings.data_dir / 'secrets'}?"
        )
        raise typer.Exit(1) from None
    _print_report("evidence up", report.lines)


@app.command()
def down() -> None:
    """Stop what `evidence up` started."""
    from evidence.stack.local_stack import down as stack_down

    _print_report("evidence down", stack_down(get_settings()).lines)


@app.command()
def status() -> None:
    """Report MinIO, Prefect, Tesseract and its packs, spaCy pipelines, translation models; with fixes."""
    from evidence.stack.status import run_checks

    checks = run_checks(get_settings())
    table = Table(title="evidence status")
    for column in ("", "component", "state", "fix"):
        table.add_column(column)
    for check in checks:
        table.add_row(
            "[green]ok[/green]" if check.ok else "[red]missing[/red]",
            check.name,
            check.detail,
            "" if check.ok else check.fix,
        )
    console.print(table)
    if not all(check.ok for check in checks):
        raise typer.Exit(1)


@app.command()
def process(
    paths: Annotated[list[Path], typer.Argument(help="Scans and PDFs to process.")],
    lang: Annotated[list[str] | None, typer.Option("--lang", help="Language hint (ISO code), repeatable.")] = None,
    case: Annotated[str | None, typer.Option(help="Case label (a case number, never a client's name).")] = None,
    password: Annotated[
        str | None,
        typer.Option(
            envvar="EVIDENCE_PDF_PASSWORD",
            help="Password for encrypted PDFs (tried after the empty one). Kept in memory for this run only: "
            "never a flow parameter, never logged. Prefer the variable to keep it out of shell history.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Put files into the inbox and run the processing flow on each; prints a summary table."""
    settings = get_settings()
    _prefect_environment(settings)
    from evidence.cli.processing import process_paths, summary_table
    from evidence.models.stages import ProcessOptions
    from pydantic import ValidationError

    try:
        options = ProcessOptions(language_hints=lang or [], case=case)
    except ValidationError as exc:
        err_console.print(f"[red]error:[/red] {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}")
        raise typer.Exit(2) from exc
    from evidence.extractors.passwords import supplied_password

    with supplied_password(password):  # local runs only: see evidence.extractors.passwords
        outcomes = process_paths(settings, paths, options, err_console)
    console.print(summary_table(outcomes))
    if any(outcome.status != "processed" for outcome in outcomes):
        raise typer.Exit(1)


@app.command()
def verify() -> None:
    """Re-hash every original; check every record and custody log against it. Exit 1 on any discrepancy."""
    from evidence.storage.client import make_client
    from evidence.storage.store import EvidenceStore
    from evidence.storage.verify import verify_store

    settings = get_settings()
    checked, problems = verify_store(EvidenceStore(make_client(settings), settings))
    for problem in problems:
        console.print(f"[red]DISCREPANCY[/red] {problem.sha256}: {problem.problem}")
    console.print(f"verified {checked} originals: {len(problems)} discrepancies")
    if problems:
        raise typer.Exit(1)


@app.command()
def find(
    charge: Annotated[str | None, typer.Option(help="Charge id, e.g. RU-CC-280.")] = None,
    lang: Annotated[str | None, typer.Option(help="Language (ISO 639-1) of any page.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="Document type, e.g. summons.")] = None,
    case: Annotated[str | None, typer.Option(help="Case label given at intake.")] = None,
    case_number: Annotated[str | None, typer.Option(help="Case number found in the document.")] = None,
    older_than: Annotated[str | None, typer.Option(help="Processed by a pipeline version below this.")] = None,
) -> None:
    """Find documents by tags in the index (no record is read)."""
    from evidence.storage.client import make_client
    from evidence.storage.index import EvidenceIndex, SearchFilter

    settings = get_settings()
    search = SearchFilter(
        charge=charge,
        language=lang,
        document_type=doc_type,
        case=case,
        case_number=case_number,
        pipeline_version_below=older_than,
    )
    found = EvidenceIndex(make_client(settings), settings).find(search)
    table = Table(title=f"{len(found)} documents")
    for column in ("sha256", "source", "case", "type", "lang", "charges", "case numbers", "pages", "version"):
        table.add_column(column, overflow="fold")
    for e in found:
        table.add_row(
            e.sha256[:12],
            e.source_key,
            e.case or "",
            e.document_type or "",
            ",".join(e.languages),
            ",".join(e.charges),
            ",".join(e.case_numbers),
            str(e.pages),
            e.pipeline_version,
        )
    console.print(table)


@app.command()
def worker(
    name: Annotated[str | None, typer.Option(help="Worker name shown in the Prefect UI.")] = None,
) -> None:
    """Run a worker for the pipeline's work pool here (any machine that reaches MinIO and Prefect)."""
    settings = get_settings()
    _prefect_environment(settings, quiet=False)
    from evidence.stack.prefect_server import worker_argv, worker_env

    argv = worker_argv(settings, name)
    os.execve(argv[0], argv, worker_env(settings))


@app.command()
def watch() -> None:
    """Watch the inbox bucket and start batch runs for new objects (what `evidence up` runs)."""
    import logging

    settings = get_settings()
    _prefect_environment(settings)
    from evidence.flows.watcher import run_watcher

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    run_watcher(settings.watch_address, settings.watch_token().get_secret_value(), window_s=settings.watch_window_s)


@app.command()
def reprocess(
    case: Annotated[str | None, typer.Option(help="Only this case label.")] = None,
    lang: Annotated[str | None, typer.Option(help="Only documents with a page in this language.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="Only this document type.")] = None,
    older_than: Annotated[str | None, typer.Option(help="Only records from a pipeline version below this.")] = None,
    prefix: Annotated[str | None, typer.Option(help="Only originals whose SHA-256 starts with this.")] = None,
    force: Annotated[bool, typer.Option(help="Redo documents already done at the current version.")] = False,
) -> None:
    """Reprocess the archive (skipping what is current), with a progress bar and a final report."""
    settings = get_settings()
    _prefect_environment(settings)
    from evidence.flows import reprocess as module
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    request = module.ReprocessRequest(
        case=case,
        language=lang,
        document_type=doc_type,
        pipeline_version_below=older_than,
        sha256_prefix=prefix,
        force=force,
    )
    with Progress("reprocess", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console) as bar:
        task_id = bar.add_task("reprocess", total=None)
        module.progress_hook = lambda done, total: bar.update(task_id, completed=done, total=total)
        report = module.reprocess_archive(request)
    console.print(
        f"selected {report.selected}: processed {report.processed}, skipped {report.skipped}, "
        f"quarantined {report.quarantined}, failed {report.failed}; report evidence/{report.report_key}"
    )
    for problem in report.problems:
        console.print(f"  {problem['status']} {problem['sha256'][:12]} {problem['reason']}")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def export(
    case: Annotated[str, typer.Option(help="Case label given at intake.")],
    out: Annotated[Path, typer.Argument(help="Zip file to write.")],
    start: Annotated[int, typer.Option(help="First exhibit number.")] = 1,
    searchable: Annotated[bool, typer.Option(help="Also make missing searchable PDFs.")] = False,
) -> None:
    """Write a case export: exhibits, originals, records, custody logs, index and a hash manifest."""
    from evidence.exports import export_case
    from evidence.storage.client import make_client
    from evidence.storage.store import EvidenceStore

    settings = get_settings()
    try:
        result = export_case(
            EvidenceStore(make_client(settings), settings), case, out, exhibit_start=start, make_searchable=searchable
        )
    except LookupError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    for row in result.rows:
        console.print(f"{row.exhibit}  {row.document_date}  {row.document_type}  {row.sha256[:12]}")
    console.print(f"wrote {result.path} ({len(result.rows)} documents); manifest sha256 {result.manifest_sha256}")


@app.command(name="verify-export")
def verify_export_command(path: Annotated[Path, typer.Argument(help="A zip written by `evidence export`.")]) -> None:
    """Check every file of an export against its manifest; exit 1 on any problem."""
    from evidence.exports import verify_export

    problems = verify_export(path)
    for problem in problems:
        console.print(f"[red]PROBLEM[/red] {problem}")
    console.print(f"{len(problems)} problems")
    if problems:
        raise typer.Exit(1)


@app.command()
def exhibit(
    sha256: Annotated[str, typer.Argument(help="SHA-256 of the original.")],
    out: Annotated[Path, typer.Argument(help="PDF to write.")],
    number: Annotated[str | None, typer.Option(help="Exhibit number printed on the cover.")] = None,
) -> None:
    """Write one document's exhibit PDF (cover, key facts, pages beside text and translation, entities)."""
    from evidence.exports import build_exhibit
    from evidence.storage.client import make_client
    from evidence.storage.store import EvidenceStore

    settings = get_settings()
    out.write_bytes(build_exhibit(EvidenceStore(make_client(settings), settings), sha256, number))
    console.print(f"wrote {out}")


@app.command()
def schema(
    check: Annotated[bool, typer.Option("--check", help="Fail if the committed schema is out of date.")] = False,
) -> None:
    """Export the record's JSON Schema into models/ (or check it is current)."""
    from evidence.models.schema import SCHEMA_DIR, SCHEMAS, export, render

    if check:
        stale = [name for name, model in SCHEMAS.items() if (SCHEMA_DIR / name).read_text() != render(model)]
        if stale:
            err_console.print(f"stale schema: {', '.join(stale)}; run `evidence schema`")
            raise typer.Exit(1)
        return
    for path in export():
        console.print(f"wrote {path}")


@app.command()
def config() -> None:
    """Every setting with its environment variable, current value and meaning (secrets masked)."""
    from evidence.config.settings import ENV_PREFIX

    settings = get_settings()
    table = Table(title="settings")
    for column in ("variable", "value", "meaning"):
        table.add_column(column)
    for name, field in Settings.model_fields.items():
        table.add_row(f"{ENV_PREFIX}{name.upper()}", str(getattr(settings, name)), field.description or "")
    console.print(table)


@app.command()
def samples(
    out_dir: Annotated[Path, typer.Argument(help="Where to write the generated sample scans.")],
    all_samples: Annotated[bool, typer.Option("--all", help="Every sample, not just the demo set.")] = False,
) -> None:
    """Generate the project's own sample documents (fictional summons, warrants, notices)."""
    from evidence.samples import generate_default_set, generate_samples

    generated = generate_samples(out_dir) if all_samples else generate_default_set(out_dir)
    for sample in generated:
        console.print(str(sample.path))


def _print_report(title: str, lines: list[tuple[str, str]]) -> None:
    table = Table(title=title)
    table.add_column("service")
    table.add_column("state")
    for what, state in lines:
        table.add_row(what, state)
    console.print(table)


if __name__ == "__main__":
    sys.exit(app())
