"""`evidence up` starts a real MinIO and Prefect server, serves deployments; `down` stops them."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests.conftest import fixture_path, free_port

pytestmark = pytest.mark.integration

EVIDENCE = [sys.executable, "-m", "evidence.cli.main"]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("stack")
    env = dict(os.environ)
    for key in [k for k in env if k.startswith(("EVIDENCE_", "PREFECT_"))]:
        env.pop(key)
    env.update(
        EVIDENCE_DATA_DIR=str(data),
        EVIDENCE_CONFIG_FILE=str(data / "absent.toml"),
        EVIDENCE_MINIO_ENDPOINT=f"127.0.0.1:{free_port()}",
        EVIDENCE_MINIO_CONSOLE_ADDRESS=f"127.0.0.1:{free_port()}",
        EVIDENCE_PREFECT_PORT=str(free_port()),
        EVIDENCE_WATCH_ADDRESS=f"127.0.0.1:{free_port()}",
        PREFECT_RUNNER_POLL_FREQUENCY="1",
        EVIDENCE_RERUN_AFTER_S="45",
    )
    up = subprocess.run([*EVIDENCE, "up"], env=env, capture_output=True, text=True, timeout=180)
    yield {"env": env, "up": up, "data": data}
    subprocess.run([*EVIDENCE, "down"], env=env, capture_output=True, text=True, timeout=60)


def _api(stack: dict) -> str:
    return f"http://127.0.0.1:{stack['env']['EVIDENCE_PREFECT_PORT']}/api"


def test_up_starts_minio_prefect_and_buckets(stack: dict) -> None:
    assert stack["up"].returncode == 0, stack["up"].stdout + stack["up"].stderr
    assert httpx.get(f"http://{stack['env']['EVIDENCE_MINIO_ENDPOINT']}/minio/health/live").status_code == 200
    assert httpx.get(f"{_api(stack)}/health").status_code == 200
    assert "created inbox, originals, evidence, quarantine" in " ".join(stack["up"].stdout.split())
    assert (stack["data"] / "minio").is_dir() and (stack["data"] / "prefect").is_dir()


def test_up_again_is_idempotent(stack: dict) -> None:
    again = subprocess.run([*EVIDENCE, "up"], env=stack["env"], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0
    assert "running at" in again.stdout and "present" in again.stdout


def test_status_is_all_green(stack: dict) -> None:
    result = subprocess.run([*EVIDENCE, "status"], env=stack["env"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout
    assert "missing" not in result.stdout


def test_deployment_run_from_the_api_processes_an_inbox_object(stack: dict) -> None:
    """What a click on "Run" in the Prefect UI does: a run of the served deployment."""
    from evidence.config.settings import Settings
    from evidence.storage.client import make_client

    phototest = fixture_path("scans", "phototest.tif")
    env = stack["env"]
    settings = Settings(
        data_dir=Path(env["EVIDENCE_DATA_DIR"]),
        minio_endpoint=env["EVIDENCE_MINIO_ENDPOINT"],
    )
    make_client(settings).fput_object("inbox", "from-ui.tif", str(phototest))
    api = _api(stack)
    deployment = _wait_for(lambda: _deployment(api), 60)
    run = _create_run(api, deployment["id"], {"inbox_key": "from-ui.tif"})  # retries a 503 from busy SQLite
    state = _wait_for(lambda: _final_state(api, run), 300)
    assert state == "COMPLETED"
    import hashlib

    sha = hashlib.sha256(phototest.read_bytes()).hexdigest()
    record = make_client(settings).get_object("evidence", f"{sha}/record.json").read()
    assert b'"source": "ocr"' in record


def test_a_file_dropped_into_the_inbox_bucket_is_processed_by_itself(stack: dict) -> None:
    """The watched bucket: no command, just an upload (as any S3 client or the MinIO console does)."""
    import hashlib

    from evidence.config.settings import Settings
    from evidence.storage.client import make_client

    env = stack["env"]
    settings = Settings(data_dir=Path(env["EVIDENCE_DATA_DIR"]), minio_endpoint=env["EVIDENCE_MINIO_ENDPOINT"])
    client = make_client(settings)
    dropped = fixture_path("scans", "hello_world_tiff.tif")
    sha = hashlib.sha256(dropped.read_bytes()).hexdigest()
    started = time.monotonic()
    client.fput_object("inbox", "dropped/hello.tif", str(dropped))

    def record_exists() -> bool:
        try:
            client.stat_object("evidence", f"{sha}/record.json")
        except Exception:
            return False
        return True

    _wait_for(record_exists, 90)
    print(f"drop -> record in {time.monotonic() - started:.1f}s")


def _pipeline_client(stack: dict):
    from evidence.config.settings import Settings
    from evidence.storage.client import make_client

    env = stack["env"]
    return make_client(Settings(data_dir=Path(env["EVIDENCE_DATA_DIR"]), minio_endpoint=env["EVIDENCE_MINIO_ENDPOINT"]))


def _received_events(client, sha: str) -> int:
    objects = client.list_objects("originals", prefix=f"custody/{sha}/", recursive=True)
    return sum((o.object_name or "").endswith("-received.json") for o in objects)


def _has_record(client, sha: str) -> bool:
    try:
        client.stat_object("evidence", f"{sha}/record.json")
    except Exception:
        return False
    return True


def test_two_hundred_files_dropped_at_once_are_all_processed_once(stack: dict) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from tests.test_flows import text_pdf

    client = _pipeline_client(stack)
    documents = {f"burst/{i:03d}.pdf": text_pdf(f"Burst document number {i} of two hundred.") for i in range(200)}
    shas = {key: hashlib.sha256(data).hexdigest() for key, data in documents.items()}
    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda kv: client.put_object("inbox", kv[0], io.BytesIO(kv[1]), len(kv[1])), documents.items()))
    _wait_for(lambda: all(_has_record(client, sha) for sha in shas.values()), 900)
    print(f"200 drops -> 200 records in {time.monotonic() - started:.1f}s")
    assert [key for key, sha in shas.items() if _received_events(client, sha) != 1] == []


def test_document_text_never_reaches_prefect_or_the_logs(stack: dict) -> None:
    from tests.test_flows import text_pdf

    client = _pipeline_client(stack)
    canary = f"CANARY{uuid.uuid4().hex.upper()}"
    data = text_pdf(f"Summons for {canary} to appear before the investigator.")
    sha = hashlib.sha256(data).hexdigest()
    client.put_object("inbox", "canary.pdf", io.BytesIO(data), len(data))
    _wait_for(lambda: _has_record(client, sha), 90)
    assert canary.encode() in client.get_object("evidence", f"{sha}/record.json").read()
    data_dir = stack["data"]
    leaks = [str(p) for p in (data_dir / "prefect").rglob("*") if p.is_file() and canary.encode() in p.read_bytes()]
    leaks += [str(p) for p in (data_dir / "run").glob("*.log") if canary.encode() in p.read_bytes()]
    assert leaks == []
    assert list((data_dir / "prefect").rglob("*.db"))  # the database really was searched


def test_two_workers_share_runs_and_each_document_is_processed_once(stack: dict) -> None:
    from evidence.stack.processes import ManagedProcess

    from tests.test_flows import text_pdf

    env = stack["env"]
    ManagedProcess("watcher", stack["data"] / "run").stop()  # runs come only from this test
    second = subprocess.Popen(
        [*EVIDENCE, "worker", "--name", "second"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        client = _pipeline_client(stack)
        api = _api(stack)
        deployment = _wait_for(lambda: _deployment(api), 30)
        shas = []
        for i in range(8):
            data = text_pdf(f"Two workers, document {i}.")
            shas.append(hashlib.sha256(data).hexdigest())
            client.put_object("inbox", f"two/{i}.pdf", io.BytesIO(data), len(data))
        runs = [
            _create_run(api, deployment["id"], {"inbox_key": f"two/{i}.pdf"})
            for i in range(8)
            for _ in range(2)  # every document asked for twice
        ]
        assert all(_wait_for(lambda r=r: _final_state(api, r), 180) == "COMPLETED" for r in runs)
        assert [_received_events(client, sha) for sha in shas] == [1] * 8
    finally:
        second.terminate()
        try:
            output = second.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            second.kill()
            output = second.communicate(timeout=30)[0]
            print(f"worker 'second' ignored SIGTERM for 30 s; its last lines:\n{output[-3000:]}")
    assert "Worker 'second' submitting flow run" in output  # the second worker really took runs


def test_minio_restarting_mid_batch_loses_nothing_and_doubles_nothing(stack: dict) -> None:
    """Storage goes away for a few seconds while 50 documents are in flight; retries carry them."""
    from evidence.stack.processes import ManagedProcess

    from tests.test_flows import text_pdf

    up = subprocess.run([*EVIDENCE, "up"], env=stack["env"], capture_output=True, text=True, timeout=120)
    assert up.returncode == 0, up.stdout + up.stderr  # brings back the watcher an earlier test stopped
    health = f"http://{stack['env']['EVIDENCE_MINIO_ENDPOINT']}/minio/health/live"
    client = _pipeline_client(stack)
    documents = {f"restart/{i:02d}.pdf": text_pdf(f"Restart batch document {i} {uuid.uuid4().hex}") for i in range(50)}
    shas = {key: hashlib.sha256(data).hexdigest() for key, data in documents.items()}
    for key, data in documents.items():
        client.put_object("inbox", key, io.BytesIO(data), len(data))
    _wait_for(lambda: sum(_has_record(client, sha) for sha in shas.values()) >= 5, 120)
    assert ManagedProcess("minio", stack["data"] / "run").stop()
    with pytest.raises(httpx.HTTPError):
        httpx.get(health, timeout=2)
    time.sleep(3)
    again = subprocess.run([*EVIDENCE, "up"], env=stack["env"], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr  # MinIO back, with the stack's own settings
    assert httpx.get(health, timeout=5).status_code == 200
    _wait_for(lambda: all(_has_record(client, sha) for sha in shas.values()), 420)
    assert [key for key, sha in shas.items() if _received_events(client, sha) != 1] == []


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def test_a_run_whose_worker_is_killed_is_run_again_and_completes(stack: dict) -> None:
    """kill -9 of a worker and its flow run mid-document: the run is rescheduled, and finishes once."""
    import signal

    from evidence.stack.processes import ManagedProcess
    from PIL import Image

    env = stack["env"]
    ManagedProcess("watcher", stack["data"] / "run").stop()
    ManagedProcess("worker", stack["data"] / "run").stop()  # the run must land on the doomed worker
    page = Image.open(fixture_path("scans", "phototest.tif")).convert("L")
    pages = [page.copy() for _ in range(8)]
    pages[0].putpixel((0, 0), uuid.uuid4().int % 200)  # a document no other test has stored
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=300)
    data = buffer.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    client = _pipeline_client(stack)
    client.put_object("inbox", "killed/scan.pdf", io.BytesIO(data), len(data))
    doomed = subprocess.Popen(
        [*EVIDENCE, "worker", "--name", "doomed"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    api = _api(stack)
    deployment = _wait_for(lambda: _deployment(api), 30)
    run = _create_run(api, deployment["id"], {"inbox_key": "killed/scan.pdf"})
    _wait_for(lambda: _received_events(client, sha) == 1, 120)  # intake done, reading under way
    time.sleep(2)
    for pid in [*_descendants(doomed.pid), doomed.pid]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    doomed.wait(timeout=10)
    assert not _has_record(client, sha)
    assert httpx.get(f"{api}/flow_runs/{run}").json()["state"]["type"] == "RUNNING"  # a zombie now
    restarted = subprocess.run([*EVIDENCE, "up"], env=env, capture_output=True, text=True, timeout=120)
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr  # `up` brings a worker back
    final = _wait_for(lambda: _final_state(api, run), 300, explain=lambda: _run_story(api, run))
    assert final == "COMPLETED", _run_story(api, run)
    assert httpx.get(f"{api}/flow_runs/{run}").json()["run_count"] >= 2
    assert _has_record(client, sha)
    assert _received_events(client, sha) == 1


def test_down_stops_everything(stack: dict) -> None:
    result = subprocess.run([*EVIDENCE, "down"], env=stack["env"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.count("stopped") >= 3  # worker, prefect server, minio (+ the watcher if still up)
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{_api(stack)}/health", timeout=2)
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://{stack['env']['EVIDENCE_MINIO_ENDPOINT']}/minio/health/live", timeout=2)


def _create_run(api: str, deployment_id: str, parameters: dict) -> str:
    """Like Prefect's own client, retry a 503 (SQLite busy under concurrent writers)."""
    for attempt in range(8):
        response = httpx.post(f"{api}/deployments/{deployment_id}/create_flow_run", json={"parameters": parameters})
        if response.status_code != 503:
            break
        time.sleep(0.5 * (attempt + 1))
    assert response.status_code == 201, response.text
    return response.json()["id"]


def _deployment(api: str) -> dict | None:
    response = httpx.get(f"{api}/deployments/name/process-document/process-one")
    return response.json() if response.status_code == 200 else None


def _final_state(api: str, run_id: str) -> str | None:
    state = httpx.get(f"{api}/flow_runs/{run_id}").json()["state"]["type"]
    return state if state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None


def _wait_for(probe, timeout_s: float, explain=None):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"gave up after {timeout_s}s" + (f"\n{explain()}" if explain else ""))


def _run_story(api: str, run_id: str) -> str:
    """What Prefect did with a run: its states and the events on it (names and times only)."""
    states = httpx.get(f"{api}/flow_run_states/", params={"flow_run_id": run_id}).json()
    events = httpx.post(
        f"{api}/events/filter",
        json={"filter": {"any_resource": {"id": [f"prefect.flow-run.{run_id}"]}}, "limit": 100},
    ).json()
    automations = httpx.post(f"{api}/automations/filter", json={}).json()
    lines = [f"state {s['timestamp']} {s['type']} {s['name']}" for s in states]
    ordered = sorted(events.get("events", []), key=lambda e: e["occurred"])
    lines += [f"event {e['occurred']} {e['event']}" for e in ordered]
    lines += [f"automation {a['name']} enabled={a['enabled']} updated={a.get('updated')}" for a in automations]
    return "\n".join(lines)
