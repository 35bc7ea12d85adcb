"""The bucket watcher: MinIO notifications on the inbox start a batch run within seconds.

MinIO posts each object-created event of the inbox to this loopback webhook (with a bearer
token); while the watcher is down MinIO keeps the events in its on-disk queue and redelivers
them. Events are collected for a short window so a burst of drops becomes one batch run, and a
sweep at start-up catches anything else.
"""

from __future__ import annotations

import hmac
import json
import logging
import queue
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote_plus

logger = logging.getLogger(__name__)

SWEEP = object()
"""Queue marker: a sweep is due (the watcher just started)."""
DUPLICATE_WINDOW_S = 60.0
MAX_COLLECT_WINDOWS = 10
"""A steady trickle still starts a run at least this many windows after its first drop."""


class InboxWatcher:
    def __init__(
        self,
        trigger_batch: Callable[[list[str]], None],
        trigger_sweep: Callable[[], None],
        window_s: float = 1.0,
        max_batch: int = 100,
    ) -> None:
        self.trigger_batch = trigger_batch
        self.trigger_sweep = trigger_sweep
        self.window_s = window_s
        self.max_batch = max_batch
        self.events: queue.Queue[object] = queue.Queue()
        self.stop = threading.Event()
        self._recent: dict[str, float] = {}
        self._last_trigger = 0.0

    def run(self) -> None:
        self.events.put(SWEEP)  # whatever arrived while the watcher was down
        while not self.stop.is_set():
            batch, sweep = self._next_batch()
            if sweep:
                self._safely(self.trigger_sweep)
            if batch:
                self._safely(lambda batch=batch: self.trigger_batch(batch))

    def _next_batch(self) -> tuple[list[str], bool]:
        """Wait for a first event; after a quiet spell trigger it at once (latency), otherwise
        collect until the drops pause for ``window_s`` (or ``max_batch`` keys, or
        ``MAX_COLLECT_WINDOWS`` windows) so a burst becomes one run however slowly it arrives."""
        try:
            first = self.events.get(timeout=0.5)
        except queue.Empty:
            return [], False
        started = time.monotonic()
        quiet = started - self._last_trigger > self.window_s
        items = [first]
        if not quiet:
            cap = started + MAX_COLLECT_WINDOWS * self.window_s
            while len(items) < self.max_batch:
                left = min(self.window_s, cap - time.monotonic())
                if left <= 0:
                    break
                try:
                    items.append(self.events.get(timeout=left))
                except queue.Empty:
                    break
        self._last_trigger = time.monotonic()
        sweep = any(item is SWEEP for item in items)
        keys = [item for item in items if isinstance(item, str) and self._fresh(item)]
        return list(dict.fromkeys(keys)), sweep

    def _fresh(self, key: str) -> bool:
        """S3 may deliver one upload twice; a key seen in the last minute is not triggered again."""
        now = time.monotonic()
        self._recent = {k: t for k, t in self._recent.items() if now - t < DUPLICATE_WINDOW_S}
        if key in self._recent:
            return False
        self._recent[key] = now
        return True

    def receive(self, payload: dict) -> int:
        """Queue the keys of one MinIO notification; returns how many objects it named."""
        records = payload.get("Records") or []
        for record in records:
            self.events.put(unquote_plus(record["s3"]["object"]["key"]))
        return len(records)

    @staticmethod
    def _safely(action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # Prefect briefly unavailable: the next sweep picks the keys up
            logger.warning("could not start a run (%s)", type(exc).__name__)


class _WebhookHandler(BaseHTTPRequestHandler):
    watcher: InboxWatcher
    token: str

    def do_POST(self) -> None:
        if not hmac.compare_digest(self.headers.get("Authorization", ""), f"Bearer {self.token}"):
            self.send_response(401)
            self.end_headers()
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            self.watcher.receive(json.loads(self.rfile.read(length) or b"{}"))
        except (ValueError, KeyError, TypeError):
            self.send_response(400)
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:  # object keys are not for the log
        return


def serve_webhook(watcher: InboxWatcher, address: str, token: str) -> ThreadingHTTPServer:
    host, port = address.rsplit(":", 1)
    handler = type("Handler", (_WebhookHandler,), {"watcher": watcher, "token": token})
    server = ThreadingHTTPServer((host, int(port)), handler)
    threading.Thread(target=server.serve_forever, name="inbox-webhook", daemon=True).start()
    return server


def run_watcher(address: str, token: str, window_s: float = 1.0) -> None:
    """Blocks; what `evidence watch` runs. Triggers deployment runs through the Prefect API."""
    from evidence.flows.deployments import PROCESS_BATCH
    from evidence.flows.deployments import SWEEP as SWEEP_DEPLOYMENT
    from prefect.deployments import run_deployment

    def batch(keys: list[str]) -> None:
        run_deployment(PROCESS_BATCH, parameters={"inbox_keys": keys}, timeout=0)
        logger.info("triggered a batch of %d", len(keys))

    def sweep() -> None:
        run_deployment(SWEEP_DEPLOYMENT, timeout=0)

    watcher = InboxWatcher(batch, sweep, window_s=window_s)
    serve_webhook(watcher, address, token)
    watcher.run()
