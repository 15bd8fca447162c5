"""Channel secrets in the OS keyring, and nowhere else.

Tokens, passwords and app passwords live in the operating system's keyring
(Secret Service on Linux, Credential Locker on Windows) under the service
``newsroom``, keyed by platform, account and purpose. They never go into the
database, the settings file or a log. When the machine has no usable
keyring, or only a plain-text file backend, storing a secret is refused with
`NoKeyring` and a message that says what to install.
"""
from __future__ import annotations

from typing import Protocol

SERVICE = "newsroom"

NO_KEYRING = (
    "This computer has no secure keyring for Newsroom's credentials, and Newsroom "
    "will not store them in plain text. Install and unlock a keyring service "
    "(GNOME Keyring or KWallet on Linux; Windows has one built in) and try again."
)


def _keyring():
    """The keyring module, imported when a secret is first needed (it costs a desk's start ~40 ms)."""
    import keyring
    import keyring.errors

    return keyring


class NoKeyring(RuntimeError):
    """No secure keyring backend is available."""

    def __init__(self, detail: str = ""):
        super().__init__(NO_KEYRING + (f" ({detail})" if detail else ""))
        self.detail = detail


class _ChannelKey(Protocol):
    platform: str
    account: str


def _username(channel: _ChannelKey, name: str) -> str:
    return f"{channel.platform}:{channel.account}:{name}"


def _insecure(backend) -> str | None:
    """Why `backend` is not acceptable for secrets, or None when it is."""
    module = type(backend).__module__
    cls = type(backend).__name__
    if module.startswith("keyring.backends.fail") or module.startswith("keyring.backends.null"):
        return "no keyring backend"
    if module.startswith("keyrings.alt") and ("Plaintext" in cls or "file" in module):
        return f"{module}.{cls} keeps secrets in a plain file"
    if module.startswith("keyring.backends.chainer"):
        backends = getattr(backend, "backends", [])
        if not backends:
            return "no keyring backend"
        if all(_insecure(b) for b in backends):
            return "only insecure keyring backends"
    return None


class SecretStore:
    """Read and write channel secrets through `keyring`."""

    def backend_problem(self) -> str | None:
        """Why secrets cannot be stored here, or None when they can."""
        try:
            backend = _keyring().get_keyring()
        except Exception as error:
            return str(error) or type(error).__name__
        return _insecure(backend)

    def available(self) -> bool:
        return self.backend_problem() is None

    def set(self, channel: _ChannelKey, value: str, name: str = "secret") -> None:
        problem = self.backend_problem()
        if problem:
            raise NoKeyring(problem)
        keyring = _keyring()
        try:
            keyring.set_password(SERVICE, _username(channel, name), value)
        except keyring.errors.KeyringError as error:
            raise NoKeyring(str(error)) from None

    def get(self, channel: _ChannelKey, name: str = "secret") -> str | None:
        if self.backend_problem():
            return None
        keyring = _keyring()
        try:
            return keyring.get_password(SERVICE, _username(channel, name))
        except keyring.errors.KeyringError:
            return None

    def delete(self, channel: _ChannelKey, name: str = "secret") -> None:
        keyring = _keyring()
        try:
            keyring.delete_password(SERVICE, _username(channel, name))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            raise NoKeyring(str(error)) from None

    def delete_all(self, channel: _ChannelKey, names: tuple[str, ...] = ("secret", "session")) -> None:
        for name in names:
            self.delete(channel, name)


class MemorySecretStore(SecretStore):
    """Secrets in a dict, for the demo's throwaway fake-platform tokens (never real credentials)."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def backend_problem(self) -> str | None:
        return None

    def set(self, channel: _ChannelKey, value: str, name: str = "secret") -> None:
        self._values[_username(channel, name)] = value

    def get(self, channel: _ChannelKey, name: str = "secret") -> str | None:
        return self._values.get(_username(channel, name))

    def delete(self, channel: _ChannelKey, name: str = "secret") -> None:
        self._values.pop(_username(channel, name), None)
