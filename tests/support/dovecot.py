"""The private Dovecot for tests: the launcher lives in newsroom/fakes/dovecot.py (the bench uses it too)."""
from __future__ import annotations

import os

import pytest

from newsroom.fakes.dovecot import (  # noqa: F401
    Dovecot,
    DovecotUnavailable,
    append_many,
    find_dovecot,
    free_port,
)


def dovecot_or_skip():
    """A started `Dovecot`, or a skip with the reason — a failure in CI (env CI set), where it must run."""
    server = Dovecot()
    try:
        server.start()
    except DovecotUnavailable as error:
        problem = str(error)
    else:
        import atexit

        atexit.register(server.stop)  # also when the session is interrupted; stop() is idempotent
        return server
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the IMAP tests: {problem}", pytrace=False)
    pytest.skip(problem)


