"""The watcher's batching, driven through its real webhook endpoint on loopback."""

from __future__ import annotations

import json
import threading
import time

import httpx
from evidence.flows.watcher import InboxWatcher, serve_webhook

from tests.conftest import free_port


def _event(*keys: str) -> dict:
    return {"Records": [{"s3": {"object": {"key": key}}} for key in keys]}


def test_a_lone_drop_is_triggered_at_once_and_a_burst_becomes_one_batch() -> None:
    batches: list[tuple[float, list[str]]] = []
    sweeps: list[float] = []
    watcher = InboxWatcher(
        lambda keys: batches.append((time.monotonic(), keys)), lambda: sweeps.append(1), window_s=1.0
    )
    address = f"127.0.0.1:{free_port()}"
    server = serve_webhook(watcher, address, token="secret")
    threading.Thread(target=watcher.run, daemon=True).start()
    try:
        url = f"http://{address}/minio-events"
        headers = {"Authorization": "Bearer secret"}
        assert (
            httpx.post(url, content=json.dumps(_event("x")), headers={"Authorization": "Bearer wrong"}).status_code
            == 401
        )
        time.sleep(1.5)
        sent = time.monotonic()
        assert httpx.post(url, content=json.dumps(_event("lone+file.pdf")), headers=headers).status_code == 200
        for i in range(30):  # a burst right behind it, one key twice, longer than the window
            httpx.post(url, content=json.dumps(_event(f"burst/{i}.pdf", "burst/0.pdf")), headers=headers)
            time.sleep(0.05)  # as a client uploading one file after another does
        time.sleep(2.5)
    finally:
        watcher.stop.set()
        server.shutdown()
    assert sweeps  # a sweep at start, for what arrived while nobody listened
    assert batches[0][1] == ["lone file.pdf"] and batches[0][0] - sent < 0.6
    burst = [key for _, keys in batches[1:] for key in keys]
    assert sorted(burst) == sorted(f"burst/{i}.pdf" for i in range(30))  # each once
    assert len(batches) == 2  # the lone drop, then the whole burst in one run
