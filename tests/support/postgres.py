"""A throwaway PostgreSQL cluster for tests, started from the machine's own binaries.

One cluster per test session (initdb + pg_ctl into a temporary directory, listening on 127.0.0.1
at a free port and on a unix socket inside that directory), and a fresh database per test. Use it as
a pytest plugin (`pytest_plugins = ["tests.support.postgres"]`) for the fixtures:

    postgres_cluster    session-scoped: the running cluster (skipped if PostgreSQL is not installed)
    postgres_database   function-scoped: a new, empty database; yields its `postgresql+asyncpg` URL

Without the binaries the tests that need them are skipped, unless LIMBER_REQUIRE_POSTGRES=1 (CI),
in which case they fail. initdb refuses to run as root: as root the server runs as the `postgres`
user through `runuser`.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import asyncpg  # type: ignore[import-untyped]
import pytest

REQUIRE_ENV = "LIMBER_REQUIRE_POSTGRES"
BIN_ENV = "LIMBER_PG_BIN"
PREFERRED_BIN_DIRS = (Path("/usr/lib/postgresql/15/bin"),)
SERVICE_USER = "postgres"
SUPERUSER = "postgres"
START_TIMEOUT_SECONDS = 60


class PostgresUnavailableError(RuntimeError):
    """No usable PostgreSQL binaries (or no way to run them) on this machine."""


def postgres_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() == "1"


def skip_or_fail(reason: str) -> NoReturn:
    """Skip with *reason*, or fail loudly where PostgreSQL is required (CI)."""
    if postgres_required():
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1 requires PostgreSQL)", pytrace=False)
    pytest.skip(reason)


def find_bin_dir() -> Path | None:
    """The directory holding `initdb`, `pg_ctl` and `postgres`, or None if there is none."""
    candidates: list[Path] = []
    if override := os.environ.get(BIN_ENV):
        candidates.append(Path(override))
    candidates.extend(PREFERRED_BIN_DIRS)
    candidates.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True))
    for tool in ("pg_ctl", "initdb"):
        if found := shutil.which(tool):
            candidates.append(Path(found).resolve().parent)
    for directory in candidates:
        if all(os.access(directory / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return directory
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class PostgresCluster:
    """A running cluster: where it lives and how to reach it."""

    bin_dir: Path
    base_dir: Path
    port: int
    host: str = "127.0.0.1"
    user: str = SUPERUSER

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base_dir / "socket"

    @property
    def log_file(self) -> Path:
        return self.base_dir / "postgres.log"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of *database* (asyncpg driver)."""
        return f"postgresql+asyncpg://{self.user}@{self.host}:{self.port}/{database}"

    def dsn(self, database: str = "postgres") -> str:
        """The libpq-style DSN of *database*, for asyncpg.connect."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"

    async def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """Create a database (a random name unless given); returns its name."""
        name = name or f"limber_{uuid.uuid4().hex[:16]}"
        connection = await asyncpg.connect(self.dsn())
        try:
            clause = ""
            if template:
                clause = f" TEMPLATE {_quote(template)}"
                if connection.get_server_version().major >= 15:
                    clause += " STRATEGY FILE_COPY"  # a checkpoint, not the whole copy in WAL
            await connection.execute(f"CREATE DATABASE {_quote(name)}{clause}")
        finally:
            await connection.close()
        return name

    async def drop_database(self, name: str) -> None:
        connection = await asyncpg.connect(self.dsn())
        try:
            await connection.execute(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")
        finally:
            await connection.close()

    def restart(self) -> None:
        """Restart the server (fast shutdown): open connections break, new ones work."""
        command = [str(self.bin_dir / "pg_ctl"), "restart", "-D", str(self.data_dir)]
        _run([*command, "-m", "fast", "-w", "-l", str(self.log_file)], self.base_dir)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _as_service_user(command: list[str]) -> list[str]:
    """Root may not run initdb/postgres: run them as the `postgres` user instead."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", SERVICE_USER, "--", *command]


def _run(command: list[str], cwd: Path) -> None:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    completed = subprocess.run(
        _as_service_user(command),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_SECONDS + 30,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited with {completed.returncode}:\n"
            f"{completed.stdout}\n{completed.stderr}"
        )


def _prepare_base_dir() -> Path:
    """A fresh directory under /tmp (short, so the socket path fits), owned by the server's user."""
    base = Path(tempfile.mkdtemp(prefix="limber-pg-", dir="/tmp"))
    base.chmod(0o755)  # the service user must be able to traverse it
    (base / "socket").mkdir(mode=0o755)
    if os.geteuid() == 0:
        entry = pwd.getpwnam(SERVICE_USER)
        for path in (base, base / "socket"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    return base


def check_runnable() -> Path:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailableError(
            "PostgreSQL binaries (initdb, pg_ctl, postgres) not found: install postgresql-15 "
            f"or set {BIN_ENV}"
        )
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise PostgresUnavailableError("running as root and `runuser` is not available")
        try:
            pwd.getpwnam(SERVICE_USER)
        except KeyError:
            raise PostgresUnavailableError(
                f"running as root and there is no `{SERVICE_USER}` user to run the server as"
            ) from None
    return bin_dir


@contextlib.contextmanager
def running_cluster() -> Iterator[PostgresCluster]:
    """initdb, start, yield the cluster; stop it and delete its files at the end.

    Raises PostgresUnavailableError if PostgreSQL cannot be run here at all, RuntimeError if it is
    there but does not start.
    """
    bin_dir = check_runnable()
    base = _prepare_base_dir()
    watchdog = _start_watchdog(bin_dir, base)
    try:
        cluster = _start(bin_dir, base)
        try:
            yield cluster
        finally:
            with contextlib.suppress(Exception):
                _run(
                    [
                        str(bin_dir / "pg_ctl"),
                        "stop",
                        "-D",
                        str(cluster.data_dir),
                        "-m",
                        "immediate",
                    ],
                    base,
                )
    finally:
        shutil.rmtree(base, ignore_errors=True)
        watchdog.terminate()
        watchdog.wait()


# Runs in its own session, so it outlives a test run that is killed (no fixture teardown then):
# once the test process is gone, it stops the server and deletes the cluster's files.
_WATCHDOG = """
import os, shutil, subprocess, sys, time
parent, pg_ctl, base, service_user = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
while os.path.isdir(base):
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        break
    except PermissionError:
        pass
    time.sleep(0.5)
else:
    sys.exit(0)
data = os.path.join(base, "data")
if os.path.exists(os.path.join(data, "postmaster.pid")):
    command = [pg_ctl, "stop", "-D", data, "-m", "immediate"]
    if service_user:
        command = ["runuser", "-u", service_user, "--", *command]
    subprocess.run(command, cwd=base, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
shutil.rmtree(base, ignore_errors=True)
"""


def _start_watchdog(bin_dir: Path, base: Path) -> subprocess.Popen[bytes]:
    service_user = SERVICE_USER if os.geteuid() == 0 else ""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            _WATCHDOG,
            str(os.getpid()),
            str(bin_dir / "pg_ctl"),
            str(base),
            service_user,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _start(bin_dir: Path, base: Path) -> PostgresCluster:
    data_dir = base / "data"
    _run(
        [
            str(bin_dir / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        ],
        base,
    )
    last_error: Exception | None = None
    for _attempt in range(3):  # the free port can be taken between probing and binding
        cluster = PostgresCluster(bin_dir=bin_dir, base_dir=base, port=_free_port())
        options = " ".join(
            (
                "-c listen_addresses=127.0.0.1",
                f"-c port={cluster.port}",
                f"-c unix_socket_directories={cluster.socket_dir}",
                "-c max_connections=200",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c wal_level=minimal",
                "-c max_wal_senders=0",
                "-c wal_init_zero=off",
            )
        )
        try:
            _run(
                [
                    str(bin_dir / "pg_ctl"),
                    "start",
                    "-D",
                    str(data_dir),
                    "-l",
                    str(cluster.log_file),
                    "-w",
                    "-t",
                    str(START_TIMEOUT_SECONDS),
                    "-o",
                    options,
                ],
                base,
            )
        except RuntimeError as error:
            last_error = RuntimeError(f"{error}\n--- server log ---\n{cluster.log_tail()}")
            continue
        return cluster
    raise RuntimeError(f"PostgreSQL did not start: {last_error}")


# --- pytest fixtures ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One throwaway PostgreSQL cluster for the whole test session."""
    try:
        check_runnable()
    except PostgresUnavailableError as error:
        unavailable: str | None = str(error)
    else:
        unavailable = None
    if unavailable is not None:
        skip_or_fail(unavailable)  # outside the except block: no chained traceback
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture
async def postgres_database(postgres_cluster: PostgresCluster) -> AsyncIterator[str]:
    """A new, empty database on the session's cluster; yields its SQLAlchemy URL."""
    name = await postgres_cluster.create_database()
    yield postgres_cluster.url(name)
    await postgres_cluster.drop_database(name)
