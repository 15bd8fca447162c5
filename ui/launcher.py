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
    from ui.bench import run_ui_bench

    return run_ui_bench(db_path, messages=messages)


def main(argv: list[str] | None = None) -> int:
    from newsroom.cli.main import main as core_main

    return core_main(argv, desktop=_desktop, ui_bench=_ui_bench)


def entry() -> None:
    sys.exit(main())
