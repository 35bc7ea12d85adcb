"""Shared fixtures: a real MinIO server, one Prefect test harness per session, an offline guard.

Every test session runs with outbound connections refused: any attempt to reach a non-loopback
address raises and is recorded, and ``offline_guard`` lets a test assert none happened.
"""

from __future__ import annotations

import base64
import ipaddress
import os
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
if not FIXTURES.exists():  # a clone elsewhere: look beside the checkout's parent too
    FIXTURES = Path(os.environ.get("EVIDENCE_FIXTURES", Path.cwd().parent / "shared" / "fixtures"))


def fixture_path(*parts: str) -> Path:
    """A shared public test document, or a clean skip when the fixtures folder is absent."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared fixture not present: {'/'.join(parts)}")
    return path


# --- offline guard ------------------------------------------------------------------------------


@dataclass
class OfflineGuard:
    attempts: list[str] = field(default_factory=list)


_GUARD = OfflineGuard()
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False
    return True  # AF_UNIX paths and the like never leave the machine


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _is_loopback(address):
        _GUARD.attempts.append(repr(address))
        raise ConnectionRefusedError(f"offline guard: refused connection to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if not _is_loopback(address):
        _GUARD.attempts.append(repr(address))
        raise ConnectionRefusedError(f"offline guard: refused connection to {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(scope="session", autouse=True)
def _refuse_outbound_connections() -> Iterator[OfflineGuard]:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    yield _GUARD
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]


@pytest.fixture
def offline_guard() -> Iterator[OfflineGuard]:
    """Yields the guard with a fresh attempt list; the test asserts it stays empty."""
    _GUARD.attempts.clear()
    yield _GUARD


# --- real MinIO ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class MinioServer:
    endpoint: str
    user: str
    password: str
    data_dir: Path
    process: subprocess.Popen[bytes]


def start_minio(data_dir: Path) -> MinioServer:
    from evidence.config.settings import Settings
    from evidence.stack.health import minio_live, wait_until
    from evidence.stack.minio_server import find_binary

    binary = find_binary(Settings())
    if binary is None:
        pytest.fail("no minio binary: run `bash scripts/setup.sh` (it builds and caches MinIO)")
    port, console = free_port(), free_port()
    user, password = "test-admin", secrets.token_urlsafe(18)
    kms_key = "test-key:" + base64.b64encode(secrets.token_bytes(32)).decode()
    env = dict(
        os.environ,
        MINIO_ROOT_USER=user,
        MINIO_ROOT_PASSWORD=password,
        MINIO_UPDATE="off",
        MINIO_CALLHOME_ENABLE="off",
        MINIO_BROWSER="off",
        MINIO_KMS_SECRET_KEY=kms_key,
    )
    process = subprocess.Popen(
        [
            str(binary),
            "server",
            str(data_dir),
            "--address",
            f"127.0.0.1:{port}",
            "--console-address",
            f"127.0.0.1:{console}",
            "--quiet",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if not wait_until(lambda: minio_live(f"http://127.0.0.1:{port}"), 30):
        process.kill()
        pytest.fail("MinIO did not become healthy within 30 s")
    return MinioServer(f"127.0.0.1:{port}", user, password, data_dir, process)


@pytest.fixture(scope="session")
def minio_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MinioServer]:
    server = start_minio(tmp_path_factory.mktemp("minio-data"))
    yield server
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def pipeline_env(minio_server: MinioServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Points the pipeline's settings (read from the environment by the flows) at the test MinIO."""
    from evidence.config.settings import get_settings

    data_dir = tmp_path_factory.mktemp("evidence-data")
    env = {
        "EVIDENCE_DATA_DIR": str(data_dir),
        "EVIDENCE_MINIO_ENDPOINT": minio_server.endpoint,
        "EVIDENCE_MINIO_ROOT_USER": minio_server.user,
        "EVIDENCE_MINIO_ROOT_PASSWORD": minio_server.password,
        "EVIDENCE_CONFIG_FILE": str(data_dir / "absent.toml"),
        "EVIDENCE_ORIGINALS_RETENTION_DAYS": "1",
    }
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    get_settings.cache_clear()
    from evidence.storage.provision import provision

    provision(get_settings())  # what `evidence up` does: buckets, lock, encryption, pipeline user
    yield env
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One Prefect test harness (a real temporary server on SQLite) for the whole session."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    from prefect.testing.utilities import prefect_test_harness

    started = time.monotonic()
    with prefect_test_harness(server_startup_timeout=60):
        print(f"prefect harness up in {time.monotonic() - started:.1f}s")
        yield


@pytest.fixture(scope="session")
def store(pipeline_env: dict[str, str]):
    """The store as the pipeline sees it: least-privilege credentials, never root."""
    from evidence.config.settings import get_settings
    from evidence.storage.client import make_client
    from evidence.storage.store import EvidenceStore

    settings = get_settings()
    return EvidenceStore(make_client(settings), settings)
