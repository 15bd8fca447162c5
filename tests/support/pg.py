"""A throwaway PostgreSQL cluster for one test session.

initdb + start take about a second, so the session shares one server and
every test gets its own database, created from template0 in ~20 ms.

initdb and pg_ctl refuse to run as root; as root (CI) they run as the
`postgres` user through runuser, in a folder under /tmp that user owns
(pytest's basetemp is 0700 root and unreachable for it).
"""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

APT_PACKAGE = "postgresql-15"
SUPERUSER = "postgres"
HOST = "127.0.0.1"
PREFIX = "newsroom-pg-"


class PostgresUnavailable(RuntimeError):
    """The server binaries are not installed; the message says how to get them."""


def find_bindir() -> Path:
    """The newest /usr/lib/postgresql/N/bin (Debian), else initdb on PATH."""
    candidates = []
    for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        version = Path(initdb).parent.parent.name
        if re.fullmatch(r"\d+(\.\d+)?", version) and os.access(initdb, os.X_OK):
            candidates.append((float(version), Path(initdb).parent))
    if candidates:
        return max(candidates)[1]
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found in "
        "/usr/lib/postgresql/*/bin or on PATH. Install them with "
        f"`apt-get install {APT_PACKAGE}` (or run scripts/install-system-packages "
        "as root); or set NEWSROOM_TEST_SKIP_PG=1 to skip the PostgreSQL tests."
    )


def _parent_dir(as_root: bool) -> str | None:
    """Where the cluster lives: RAM if there is room, else /tmp.

    Every CREATE DATABASE copies ~8 MB; on a throttled virtual disk (as on
    the CI machines) that took ~350 ms per test, on tmpfs ~20 ms.
    """
    if override := os.environ.get("NEWSROOM_TEST_PG_DIR"):
        return override
    shm = "/dev/shm"
    try:
        if os.access(shm, os.W_OK | os.X_OK) and shutil.disk_usage(shm).free >= 1 << 30:
            return shm
    except OSError:
        pass
    # /tmp, not $TMPDIR: as root, TMPDIR may point into /root, which the
    # postgres user cannot traverse.
    return "/tmp" if as_root else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def reap_stale_clusters() -> None:
    """Stop and delete clusters whose test session died without cleaning up.

    SIGKILL or SIGTERM skip both fixture teardown and atexit; the server
    would run on, and on /dev/shm its files would hold RAM until reboot.
    """
    for parent in {"/dev/shm", "/tmp", tempfile.gettempdir()}:
        for base in glob.glob(os.path.join(parent, PREFIX + "*")):
            try:
                owner = int((Path(base) / "owner.pid").read_text())
            except (OSError, ValueError):
                continue  # being set up right now, or not one of ours
            if _alive(owner):
                continue  # a live session, e.g. another xdist worker
            try:
                postmaster = int((Path(base) / "data" / "postmaster.pid").read_text().split()[0])
                os.kill(postmaster, signal.SIGQUIT)  # SIGQUIT = immediate shutdown
            except (OSError, ValueError, IndexError):
                pass
            shutil.rmtree(base, ignore_errors=True)


def _free_port() -> int:
    # Another process may grab it before the server binds; start() retries.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@dataclass
class PgCluster:
    bindir: Path
    base: Path = field(init=False)
    port: int = field(init=False, default=0)
    _running: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix=PREFIX, dir=_parent_dir(self.as_root)))
        if self.as_root:
            try:
                shutil.chown(self.base, user=SUPERUSER, group=None)
            except LookupError:
                self.remove()
                raise PostgresUnavailable(
                    f"running as root, but there is no `{SUPERUSER}` user to run the server as; "
                    f"installing the Debian package {APT_PACKAGE} creates it."
                ) from None
        self.datadir = self.base / "data"
        self.logfile = self.base / "server.log"

    # -- lifecycle -------------------------------------------------------

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", SUPERUSER, "--", *cmd]
        # cwd: initdb warns when it cannot enter the current folder (/root).
        result = subprocess.run(
            cmd, cwd=self.base, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
        )
        if result.returncode != 0:
            log = self.logfile.read_text(errors="replace") if self.logfile.exists() else ""
            raise RuntimeError(
                f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}{result.stderr}\n{log}"
            )
        return result

    def start(self) -> None:
        atexit.register(self.stop_and_remove)  # safety net if the session dies
        (self.base / "owner.pid").write_text(str(os.getpid()))
        # --no-sync and fsync=off etc.: the data is thrown away, durability is wasted time.
        # UTF8 with C.UTF-8: byte-order collation, but upper()/ILIKE understand "é".
        locale = ["--locale=C.UTF-8"] if sys.platform.startswith("linux") else ["--no-locale"]
        self._run("initdb", "-D", str(self.datadir), "--auth=trust", "--no-sync",
                  "-U", SUPERUSER, "-E", "UTF8", *locale)
        last_error: Exception | None = None
        for _attempt in range(3):
            self.port = _free_port()
            options = (
                f"-h {HOST} -p {self.port} -k {self.base} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                self._run("pg_ctl", "-D", str(self.datadir), "-l", str(self.logfile),
                          "-w", "-t", "30", "-o", options, "start")
            except RuntimeError as error:  # most likely the port was taken meanwhile
                last_error = error
                continue
            self._running = True
            return
        assert last_error is not None
        raise last_error

    def stop(self) -> None:
        if self._running:
            self._running = False
            try:
                # immediate: nothing here is worth a clean shutdown checkpoint.
                self._run("pg_ctl", "-D", str(self.datadir), "stop", "-m", "immediate", "-w")
            except (RuntimeError, subprocess.TimeoutExpired):
                pass

    def remove(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)

    def stop_and_remove(self) -> None:
        self.stop()
        self.remove()
        atexit.unregister(self.stop_and_remove)

    # -- databases -------------------------------------------------------

    def connect(self, dbname: str = "postgres") -> psycopg.Connection:
        """An autocommit superuser connection (CREATE/DROP DATABASE need it)."""
        return psycopg.connect(host=HOST, port=self.port, user=SUPERUSER, dbname=dbname, autocommit=True)

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@{HOST}:{self.port}/{dbname}"

    def create_database(self) -> str:
        """A new empty database; returns its name."""
        name = f"test_{uuid.uuid4().hex[:16]}"
        with self.connect() as conn:
            # FILE_COPY: with fsync off it is about twice as fast as the
            # default WAL_LOG (PostgreSQL 15+ only).
            strategy = sql.SQL(" STRATEGY FILE_COPY") if conn.info.server_version >= 150000 else sql.SQL("")
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0{}").format(sql.Identifier(name), strategy))
        return name

    def drop_database(self, name: str) -> None:
        with self.connect() as conn:
            # FORCE: a test that forgot engine.dispose() must not break the next one.
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
