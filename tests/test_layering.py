"""The core (`newsroom/`) never needs Qt: the import-linter contract, and a run with Qt blocked."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCKED = ("PySide6", "pyqtgraph", "qasync", "ui")


def test_the_import_linter_contract_is_kept():
    # `lint-imports` is import-linter's console script; calling its entry function
    # through this interpreter works with or without the venv's bin on PATH.
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
                               "sys.exit(lint_imports_command())", "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Contracts: [1-9]\d* kept, 0 broken", result.stdout), result.stdout


BLOCKED_RUN = textwrap.dedent(
    f"""
    import importlib, os, pkgutil, sys, tempfile

    BLOCKED = {BLOCKED!r}

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{{name}} is blocked: the core must run without Qt")
            return None

    sys.meta_path.insert(0, Blocker())

    import newsroom
    names = [m.name for m in pkgutil.walk_packages(newsroom.__path__, "newsroom.")]
    for name in names:
        importlib.import_module(name)

    # And the core works: a few commands on a fresh data folder.
    os.environ["NEWSROOM_DATA"] = tempfile.mkdtemp()
    os.environ.pop("NEWSROOM_USER", None)
    from newsroom.cli.main import main
    assert main(["department", "add", "Afval"]) == 0
    assert main(["demo", "feed", "--count", "5", "--seed", "1"]) == 0
    assert main(["inbox", "--json"]) == 0
    # The core's command line alone has no desktop: it says how to start it.
    assert main([]) == 2

    loaded = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    assert not loaded, loaded
    print("imported", len(names), "modules")
    """
)


def test_every_core_module_imports_and_runs_with_qt_blocked():
    result = subprocess.run([sys.executable, "-c", BLOCKED_RUN], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "imported" in result.stdout
    assert "the desktop is started by the installed `newsroom` command" in result.stderr
