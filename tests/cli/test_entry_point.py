"""The real entry point: `python -m newsroom` in a subprocess, as a person runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.conftest import item_dict

ROOT = Path(__file__).resolve().parents[2]


def newsroom(*argv, stdin: bytes | None = None, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)  # NEWSROOM_DATA, HOME and XDG_* already point into tmp_path
    env.pop("NEWSROOM_USER", None)
    env.update(env_extra or {})
    # cwd=ROOT: `-m` puts the working folder first on sys.path, so this checkout's package runs.
    return subprocess.run(
        [sys.executable, "-m", "newsroom", *map(str, argv)],
        input=stdin or b"", capture_output=True, cwd=ROOT, env=env, timeout=120,
    )


def test_import_and_inbox_through_the_entry_point():
    lines = b"".join(json.dumps(item_dict(f"m{i}", minutes=i, text=f"container {i} vol")).encode() + b"\n"
                     for i in range(3))
    imported = newsroom("import", "-", "--json", stdin=lines)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["imported"] == 3
    assert (Path(os.environ["NEWSROOM_DATA"]) / "newsroom.sqlite3").exists()
    inbox = newsroom("inbox", "--json", "--search", "container", "--order", "newest", "--limit", "2")
    assert inbox.returncode == 0, inbox.stderr
    page = json.loads(inbox.stdout)
    assert page["total"] == 3 and len(page["items"]) == 2 and page["next"]


def test_errors_exit_1_with_a_message_and_no_traceback():
    result = newsroom("case", "claim", "1", "--as", "nobody")
    assert result.returncode == 1
    assert b"nobody" in result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stdout == b""


def test_usage_errors_exit_2():
    result = newsroom("case", "claim", "not-a-number")
    assert result.returncode == 2
    assert b"usage" in result.stderr.lower()
    assert b"Traceback" not in result.stderr


def test_the_console_script_is_installed():
    script = Path(sys.executable).parent / "newsroom"
    if not script.exists():
        pytest.skip("no console script beside this interpreter (not an installed venv)")
    result = subprocess.run([str(script), "--version"], capture_output=True, timeout=60)
    assert result.returncode == 0 and b"newsroom" in result.stdout
