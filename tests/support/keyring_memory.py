"""An in-memory keyring backend, so no test reads or writes a real keyring."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Secrets live in a dict and vanish with the instance."""

    # keyring registers every KeyringBackend subclass; if code under test
    # makes keyring detect a backend afresh, this one must outrank the real
    # ones (SecretService is 5) so the machine's keyring is never picked.
    priority = 100

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self._secrets[(service, username)]
        except KeyError:
            # Same contract as the real backends: callers catch this.
            raise PasswordDeleteError(f"no password for {username!r} in {service!r}") from None
