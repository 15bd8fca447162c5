"""Importing a JSONL file of inbound items: every valid line stored once, every bad line reported.

The whole file is one transaction: an import that fails or is cancelled
leaves the database as it was, and importing the same file again adds
nothing (messages are unique per channel and external id). Rejected lines
are written, verbatim, with their line number and reason, to a rejects
file beside the data so an admin can fix and re-import them.
"""
from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import orjson

from newsroom.actions.base import SYSTEM, Actor, Tx, write_audit
from newsroom.actions.ingest import ingest_items
from newsroom.db.engine import Database, ensure_statistics
from newsroom.inbound import InboundItem, InvalidItem, parse_item
from newsroom.timeutil import utcnow

BATCH = 5000
MAX_LINE_BYTES = 8 * 1024 * 1024
MAX_REPORTED = 1000  # rejects listed in the report; all of them go to the rejects file


class ImportCancelled(Exception):
    """The person cancelled the import; nothing was stored."""


@dataclass
class Rejected:
    line: int
    reason: str


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    rejected: int = 0
    new_cases: int = 0
    lines: int = 0
    seconds: float = 0.0
    rejects: list[Rejected] = field(default_factory=list)
    rejects_file: str | None = None

    def as_dict(self) -> dict:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "new_cases": self.new_cases,
            "lines": self.lines,
            "seconds": round(self.seconds, 3),
            "rejects": [{"line": r.line, "reason": r.reason} for r in self.rejects],
            "rejects_file": self.rejects_file,
        }


def _decode_line(raw: bytes) -> object:
    if len(raw) > MAX_LINE_BYTES:
        raise InvalidItem(f"the line is longer than {MAX_LINE_BYTES // (1024 * 1024)} MB")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        pass  # explained below by the standard library, which also accepts a few things orjson refuses
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidItem(f"the line is not valid UTF-8 (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidItem(f"not valid JSON: {error.msg} at column {error.colno}") from None
    except RecursionError:
        raise InvalidItem("not valid JSON: nested too deeply") from None
    except ValueError as error:  # e.g. a number of more than 4300 digits
        raise InvalidItem(f"not usable JSON: {error}") from None


def parse_chunk(chunk: list[tuple[int, bytes]]) -> tuple[list[InboundItem], list[tuple[int, str, bytes]]]:
    """Decode and validate numbered lines: (items, rejects as (line, reason, bytes))."""
    items: list[InboundItem] = []
    rejects: list[tuple[int, str, bytes]] = []
    for number, raw in chunk:
        try:
            item = parse_item(_decode_line(raw))
        except InvalidItem as error:
            rejects.append((number, error.reason, raw))
            continue
        items.append(item)
    return items, rejects


def _numbered_chunks(lines: Iterable[bytes], size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if stripped:
            chunk.append((number, stripped))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def import_lines(
    db: Database,
    lines: Iterable[bytes],
    *,
    source: str,
    actor: Actor = SYSTEM,
    origin: str = "import",
    rejects_path: Path | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import JSONL lines (bytes, one item each) in one transaction."""
    report = ImportReport()
    started = time.perf_counter()
    rejects_handle: IO[bytes] | None = None
    try:
        with db.transaction() as conn, _big_cache(conn):
            tx = Tx(conn=conn, actor=actor, now=utcnow(), origin=origin, dialect=db.dialect, cache=db.cache)
            for chunk in _numbered_chunks(lines, BATCH):
                items, rejects = parse_chunk(chunk)
                report.lines = chunk[-1][0]
                for number, reason, raw in rejects:
                    report.rejected += 1
                    if len(report.rejects) < MAX_REPORTED:
                        report.rejects.append(Rejected(number, reason))
                    if rejects_path is not None:
                        if rejects_handle is None:
                            rejects_path.parent.mkdir(parents=True, exist_ok=True)
                            rejects_handle = open(rejects_path, "wb")
                        record = {"line": number, "reason": reason, "source": source}
                        rejects_handle.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
                        rejects_handle.write(raw[:MAX_LINE_BYTES] + b"\n")
                if items:
                    _store(tx, items, report)
                if progress:
                    progress(report.lines)
                if cancelled and cancelled():
                    raise ImportCancelled("The import was cancelled; nothing was stored.")
            write_audit(
                conn,
                actor=actor,
                action_name="import",
                object_type="import",
                object_id=None,
                case_id=None,
                result="ok",
                origin=origin,
                at=tx.now,
                detail={
                    "source": source,
                    "imported": report.imported,
                    "duplicates": report.duplicates,
                    "rejected": report.rejected,
                    "new_cases": report.new_cases,
                },
            )
    finally:
        if rejects_handle is not None:
            rejects_handle.close()
    if report.imported >= 10_000 and db.is_sqlite:
        ensure_statistics(db, force=True)
    if report.rejected and rejects_path is not None:
        report.rejects_file = str(rejects_path)
    report.seconds = time.perf_counter() - started
    return report


IMPORT_CACHE_KIB = 192 * 1024


@contextlib.contextmanager
def _big_cache(conn):
    """A larger SQLite page cache while importing: at a million messages the
    unique and queue indexes outgrow the default and every insert misses."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def _store(tx: Tx, batch: list, report: ImportReport) -> None:
    result = ingest_items(tx, batch)
    report.imported += len(result.message_ids)
    report.duplicates += result.duplicates
    report.new_cases += len(result.new_case_ids)
