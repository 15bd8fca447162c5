"""The `newsroom` command as installed: the desktop by default, every core command otherwise.

The launcher lives in the desktop package so that the core never imports
Qt: the core's command line receives the desktop and its benchmark as
plain callables.
"""
from __future__ import annotations

import sys


def _desktop(**options) -> int:
    from ui.app import run

    return run(**options)


def _ui_bench(db_path, *, messages: int) -> dict:
    """The desktop measured in a process of its own, as a desk runs it.

    (In the benchmark's own process the memory the core's import and
    queries left behind would count as the desktop's.)
    """
    import json
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "ui.bench", str(db_path), str(messages)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return {"error": f"the desktop benchmark failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}"}
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    from newsroom.cli.main import main as core_main

    return core_main(argv, desktop=_desktop, ui_bench=_ui_bench)


def entry() -> None:
    sys.exit(main())
