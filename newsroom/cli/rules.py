"""The `newsroom rules` commands (filled in by issue 5)."""
from __future__ import annotations


def add_parsers(sub, common, parser_class) -> None:
    """Register this area's subcommands on the top-level `sub`."""
