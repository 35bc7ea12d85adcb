"""Flow benchmarks on a real local stack (its own MinIO + Prefect on free ports, torn down after).

Prints, from one run:
  1. event-to-run-start latency: file uploaded to the inbox -> its batch flow run starts (p50, p95);
  2. reprocessing an unchanged archive as a ratio of the first (forced) run over the same documents;
  3. throughput of scanned documents with one and with two workers.

    python bench/bench_flows.py [--docs 100] [--drops 20] [--scans 12]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import httpx
from PIL import Image

EVIDENCE = [sys.executable, "-m", "evidence.cli.main"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stack_env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EVIDENCE_", "PREFECT_"))}
    env.update(
        EVIDENCE_DATA_DIR=str(data),
        EVIDENCE_CONFIG_FILE=str(data / "absent.toml"),
        EVIDENCE_MINIO_ENDPOINT=f"127.0.0.1:{free_port()}",
        EVIDENCE_MINIO_CONSOLE_ADDRESS=f"127.0.0.1:{free_port()}",
        EVIDENCE_PREFECT_PORT=str(free_port()),
        EVIDENCE_WATCH_ADDRESS=f"127.0.0.1:{free_port()}",
    )
    return env


def variants(base: bytes, count: int, tag: str) -> list[bytes]:
    """Distinct originals with identical pixels: a PNG text chunk makes each hash unique."""
    from PIL.PngImagePlugin import PngInfo

    image = Image.open(io.BytesIO(base))
    out = []
    for i in range(count):
        info = PngInfo()
        info.add_text("bench", f"{tag}-{i}")
        buffer = io.BytesIO()
        image.save(buffer, "PNG", pnginfo=info)
        out.append(buffer.getvalue())
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(q * len(ordered)) - 1)]


def create_run(api: str, deployment_id: str, parameters: dict) -> str:
    """Like Prefect's own client, retry a 503 (SQLite busy while workers write)."""
    for attempt in range(10):
        response = httpx.post(f"{api}/deployments/{deployment_id}/create_flow_run", json={"parameters": parameters})
        if response.status_code != 503:
            break
        time.sleep(0.5 * (attempt + 1))
    response.raise_for_status()
    return response.json()["id"]


def api_get(url: str) -> dict:
    for attempt in range(10):
        response = httpx.get(url)
        if response.status_code != 503:
            break
        time.sleep(0.5 * (attempt + 1))
    response.raise_for_status()
    return response.json()


def flow_runs(api: str) -> list[dict]:
    response = httpx.post(f"{api}/flow_runs/filter", json={"limit": 200, "sort": "START_TIME_DESC"})
    return response.json()


def latency(client, api: str, scans: list[bytes], drops: int) -> tuple[list[float], list[float]]:
    """Upload one file at a time into an idle pipeline: seconds until its run starts, and until it
    completes. Each drop waits for the previous run to finish, so this is the pipeline's own
    latency, not queueing behind earlier documents on a 2-core machine."""
    starts, completions = [], []
    for i, data in enumerate(scans[:drops]):
        key = f"latency/{i}.png"
        client.put_object("inbox", key, io.BytesIO(data), len(data))
        uploaded = time.time()
        run = None
        while time.time() < uploaded + 120:
            run = run or next((r for r in flow_runs(api) if key in str(r.get("parameters", {}))), None)
            if run is not None:
                run = api_get(f"{api}/flow_runs/{run['id']}")
                if run.get("start_time") and len(starts) <= i:
                    starts.append(datetime.fromisoformat(run["start_time"]).timestamp() - uploaded)
                if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED"):
                    completions.append(datetime.fromisoformat(run["end_time"]).timestamp() - uploaded)
                    break
            time.sleep(0.1)
        time.sleep(1.5)  # a quiet spell, so each drop is its own event
    return starts, completions


def reprocess_ratio(env: dict[str, str], count: int, scans: list[bytes], workdir: Path) -> tuple[float, float]:
    """Build an archive of ``count`` documents with `evidence process`, then time `evidence reprocess
    --force` (every stage redone: the cost of a first run short of intake) and `evidence reprocess`
    over the unchanged archive."""
    files = []
    for i, data in enumerate(scans[:count]):
        path = workdir / f"archive-{i:03d}.png"
        path.write_bytes(data)
        files.append(str(path))
    subprocess.run([*EVIDENCE, "process", *files], env=env, check=True, capture_output=True, timeout=3600)
    timings = []
    for extra in (["--force"], []):
        started = time.perf_counter()
        subprocess.run([*EVIDENCE, "reprocess", *extra], env=env, check=True, capture_output=True, timeout=3600)
        timings.append(time.perf_counter() - started)
    return timings[0], timings[1]


def throughput(env: dict[str, str], api: str, client, scans: list[bytes], workers: int, tag: str) -> float:
    """Documents per minute for process-one runs created at once, `workers` workers on the pool."""
    extra = [
        subprocess.Popen(
            [*EVIDENCE, "worker", "--name", f"bench-{tag}-{n}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(workers - 1)
    ]
    try:
        deployment = httpx.get(f"{api}/deployments/name/process-document/process-one").json()
        keys = []
        for i, data in enumerate(scans):
            key = f"tp-{tag}/{i}.png"
            client.put_object("inbox", key, io.BytesIO(data), len(data))
            keys.append(key)
        started = time.perf_counter()
        runs = [create_run(api, deployment["id"], {"inbox_key": key}) for key in keys]
        while True:
            states = [api_get(f"{api}/flow_runs/{run}")["state"]["type"] for run in runs]
            if all(state in ("COMPLETED", "FAILED", "CRASHED") for state in states):
                break
            time.sleep(0.5)
        return 60 * len(keys) / (time.perf_counter() - started)
    finally:
        for proc in extra:
            proc.terminate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--drops", type=int, default=20)
    parser.add_argument("--scans", type=int, default=12)
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()

    from evidence.config.settings import Settings
    from evidence.samples import SampleRequest, generate
    from evidence.storage.client import make_client

    with tempfile.TemporaryDirectory(prefix="bench-flows-") as tmp:
        data = Path(tmp)
        env = stack_env(data)
        subprocess.run([*EVIDENCE, "up"], env=env, check=True, capture_output=True, timeout=300)
        try:
            api = f"http://127.0.0.1:{env['EVIDENCE_PREFECT_PORT']}/api"
            client = make_client(Settings(data_dir=data, minio_endpoint=env["EVIDENCE_MINIO_ENDPOINT"]))
            sample = generate(data / "samples", [SampleRequest("fr_arrest_warrant_gn", "scan_png")])[0]
            base = sample.path.read_bytes()

            starts, completions = latency(client, api, variants(base, args.drops, "latency"), args.drops)
            print(
                f"event -> run start over {len(starts)} drops into an idle pipeline:"
                f" p50 {statistics.median(starts):.2f} s,"
                f" p95 {percentile(starts, 0.95):.2f} s (target p95 <= 5 s); drop -> run completed (record stored)"
                f" p50 {statistics.median(completions):.2f} s, p95 {percentile(completions, 0.95):.2f} s"
            )

            from evidence.stack.processes import ManagedProcess

            ManagedProcess("watcher", data / "run").stop()  # from here on, runs come only from the bench
            first, again = reprocess_ratio(env, args.docs, variants(base, args.docs, "archive"), data)
            print(
                f"reprocess an archive of {args.docs} (+{args.drops}) documents: forced {first:.1f} s, unchanged"
                f" {again:.1f} s, ratio {again / first:.3f} (target <= 0.05)"
            )
            if args.skip_throughput:
                return
            one = throughput(env, api, client, variants(base, args.scans, "one"), 1, "one")
            two = throughput(env, api, client, variants(base, args.scans, "two"), 2, "two")
            print(
                f"throughput, {args.scans} scanned pages: 1 worker {one:.1f}/min, 2 workers {two:.1f}/min, "
                f"ratio {two / one:.2f} ({os.cpu_count()} cores)"
            )
            print(f"sha of the page used: {hashlib.sha256(base).hexdigest()[:12]}")
        finally:
            subprocess.run([*EVIDENCE, "down"], env=env, capture_output=True, timeout=120)


if __name__ == "__main__":
    main()
