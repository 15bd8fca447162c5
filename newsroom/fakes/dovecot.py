"""A private Dovecot IMAP server on 127.0.0.1 for tests, the demo and the benchmark.

Dovecot (Debian's `dovecot-imapd`, 2.3) runs from its own config file in a
folder under /tmp (pytest's basetemp is 0700 root, which Dovecot's
unprivileged processes cannot reach). It needs root: the master starts the
login processes as `dovenull` and the mail processes as `nobody`. Users live
in passwd-files (one per user) with {PLAIN} passwords; `add_user` adds one.

    dove = Dovecot()
    host, port = dove.start(users={"info@gemeente.test": "geheim"})
    dove.append("info@gemeente.test", b"From: a@b\\r\\n\\r\\nhallo")
    dove.stop()

`DovecotUnavailable` says why the server cannot run here (not root, not
installed, did not start).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

HOST = "127.0.0.1"
PREFIX = "newsroom-dovecot-"
MAIL_UID = 65534  # nobody
MAIL_GID = 65534

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
listen = {host}
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1
last_valid_uid = 0
mail_location = maildir:{root}/mail/%u
mail_fsync = never
mailbox_idle_check_interval = 1 secs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/users/%u
}}
userdb {{
  driver = passwd-file
  args = {root}/users/%u
  default_fields = uid={uid} gid={gid} home={root}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = create
  }}
}}
protocol imap {{
  mail_max_userip_connections = 1000
}}
service imap-login {{
  inet_listener imap {{
    address = {host}
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


class DovecotUnavailable(RuntimeError):
    """Dovecot cannot run here; the message says why."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def find_dovecot() -> str:
    path = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
    if path is None:
        raise DovecotUnavailable("dovecot is not installed (apt-get install dovecot-imapd; see scripts/install-system-packages)")
    if os.geteuid() != 0:
        raise DovecotUnavailable("a private Dovecot needs root (its login processes switch to dovenull, mail to nobody)")
    return path


class Dovecot:
    """One private Dovecot. `start()` returns (host, port); `stop()` kills it and removes its folder."""

    def __init__(self) -> None:
        self.root: Path | None = None
        self.host = HOST
        self.port = 0
        self.users: dict[str, str] = {}
        self._binary: str | None = None

    # -- life cycle -------------------------------------------------------------------------

    def start(self, tmpdir: str | os.PathLike | None = None, users: Mapping[str, str] | None = None) -> tuple[str, int]:
        """Start the server (in a new folder under `tmpdir`, default /tmp; it must be world-traversable)."""
        self._binary = find_dovecot()
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=tmpdir))
        self.root.chmod(0o755)
        for sub in ("run", "state", "mail", "home", "users"):
            (self.root / sub).mkdir()
        for sub in ("mail", "home"):
            os.chown(self.root / sub, MAIL_UID, MAIL_GID)
        self.users = dict(users or {})
        self._write_users()
        last_error = ""
        for _ in range(3):  # the free port may be taken between asking and binding
            self.port = free_port()
            (self.root / "dovecot.conf").write_text(
                CONFIG.format(root=self.root, host=HOST, port=self.port, uid=MAIL_UID, gid=MAIL_GID)
            )
            # The daemon keeps the std streams it inherits: a pipe here would never reach EOF.
            errors = self.root / "start.err"
            with open(errors, "wb") as err:
                code = subprocess.call(
                    [self._binary, "-c", str(self.root / "dovecot.conf")],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                )
            if code == 0 and self._wait_ready():
                return self.host, self.port
            last_error = errors.read_text(errors="replace").strip() + " " + self.log()[-2000:]
            self._kill()
        self.stop()
        raise DovecotUnavailable(f"dovecot did not start: {last_error.strip()}")

    def _wait_ready(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((HOST, self.port), timeout=1.0) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return True
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def _pid(self) -> int | None:
        if self.root is None:
            return None
        try:
            return int((self.root / "run" / "master.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def _kill(self) -> None:
        pid = self._pid()
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.02)
        else:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            (self.root / "run" / "master.pid").unlink()
        except (OSError, TypeError):
            pass

    def stop(self) -> None:
        self._kill()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def log(self) -> str:
        try:
            return (self.root / "dovecot.log").read_text(errors="replace")  # type: ignore[operator]
        except (OSError, TypeError):
            return ""

    # -- users and mail -----------------------------------------------------------------------

    def _write_users(self) -> None:
        # One passwd-file per user (`args = .../users/%u`): Dovecot opens a new user's file on
        # first login, where it might not notice one shared file changing twice in a second.
        assert self.root is not None
        for user, password in self.users.items():
            path = self.root / "users" / user
            tmp = path.with_name(f".{user}.tmp")
            tmp.write_text(f"{user}:{{PLAIN}}{password}::::::\n")
            tmp.chmod(0o644)
            os.replace(tmp, path)

    def add_user(self, user: str, password: str) -> None:
        self.users[user] = password
        self._write_users()

    def client(self, user: str):
        """A logged-in `imapclient.IMAPClient` (close it with logout())."""
        import imapclient

        client = imapclient.IMAPClient(self.host, port=self.port, ssl=False, timeout=30)
        client.login(user, self.users[user])
        return client

    def append(self, user: str, message: bytes | Iterable[bytes], mailbox: str = "INBOX", flags: tuple = ()) -> list[int]:
        """APPEND one message or many (one connection); returns the UIDs Dovecot gave them."""
        messages = [message] if isinstance(message, (bytes, bytearray)) else list(message)
        client = self.client(user)
        try:
            if mailbox.upper() != "INBOX" and not client.folder_exists(mailbox):
                client.create_folder(mailbox)
            uids = []
            for data in messages:
                response = client.append(mailbox, data, flags=flags)
                uids.append(_appenduid(response))
            return uids
        finally:
            _logout(client)

    def recreate_mailbox(self, user: str, mailbox: str, messages: Iterable[bytes] = ()) -> int:
        """DELETE and CREATE `mailbox` (a new UIDVALIDITY), then APPEND `messages`; returns the new UIDVALIDITY.

        INBOX cannot be deleted; use another mailbox for UIDVALIDITY tests.
        """
        if mailbox.upper() == "INBOX":
            raise ValueError("INBOX cannot be deleted; recreate another mailbox")
        client = self.client(user)
        try:
            if client.folder_exists(mailbox):
                client.delete_folder(mailbox)
            client.create_folder(mailbox)
            for data in messages:
                client.append(mailbox, data)
            return int(client.folder_status(mailbox, [b"UIDVALIDITY"])[b"UIDVALIDITY"])
        finally:
            _logout(client)

    def fetch_all(self, user: str, mailbox: str = "INBOX") -> dict[int, dict]:
        """{uid: {b"FLAGS": ..., b"BODY[]": ...}} of every message in `mailbox` (read-only)."""
        client = self.client(user)
        try:
            client.select_folder(mailbox, readonly=True)
            uids = client.search("ALL")
            return client.fetch(uids, ["FLAGS", "BODY.PEEK[]"]) if uids else {}
        finally:
            _logout(client)


def _appenduid(response) -> int:
    # b"[APPENDUID 1700000000 17] Append completed."
    text = response.decode() if isinstance(response, bytes) else str(response)
    if "APPENDUID" in text:
        return int(text.split("APPENDUID", 1)[1].split("]", 1)[0].split()[1])
    return 0


def _logout(client) -> None:
    try:
        client.logout()
    except Exception:  # noqa: BLE001 - the server may be gone already
        try:
            client.shutdown()
        except Exception:  # noqa: BLE001, S110 - best effort
            pass


def append_many(server: Dovecot, user: str, messages: Iterable[bytes], mailbox: str = "INBOX", chunk: int = 1000) -> None:
    """APPEND many messages fast: MULTIAPPEND (RFC 3502) in chunks over one connection (~0.4 ms each)."""
    client = server.client(user)
    try:
        if mailbox.upper() != "INBOX" and not client.folder_exists(mailbox):
            client.create_folder(mailbox)
        batch: list[bytes] = []
        for data in messages:
            batch.append(data)
            if len(batch) >= chunk:
                client.multiappend(mailbox, batch)
                batch = []
        if batch:
            client.multiappend(mailbox, batch)
    finally:
        _logout(client)
