"""Importing a JSONL file of inbound items: every valid line stored once, every bad line reported.

The whole file is one transaction: an import that fails or is cancelled
leaves the database as it was, and importing the same file again adds
nothing (messages are unique per channel and external id). Rejected lines
are written, verbatim, with their line number and reason, to a rejects
file beside the data so an admin can fix and re-import them.
"""
from __future__ import annotations

import json
import time

import orjson
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import IO

from newsroom.actions.base import SYSTEM, Actor, Tx, write_audit
from newsroom.actions.ingest import ingest_items
from newsroom.db.engine import Database
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


def parse_chunk(chunk: list[tuple[int, bytes]], serialise_raw: bool = False) -> tuple[list[InboundItem], list[tuple[int, str, bytes]]]:
    """Decode and validate numbered lines: (items, rejects as (line, reason, bytes))."""
    items: list[InboundItem] = []
    rejects: list[tuple[int, str, bytes]] = []
    for number, raw in chunk:
        try:
            item = parse_item(_decode_line(raw))
        except InvalidItem as error:
            rejects.append((number, error.reason, raw))
            continue
        if serialise_raw:
            # Sent back to the writer process: ship the payload as text, not as objects.
            item = replace(item, raw=None, raw_text=item.raw_json())
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


def _parsed(chunks: Iterator[list[tuple[int, bytes]]], parallel: bool):
    """Parsed chunks in order; with `parallel`, parsing runs in a second process ahead of the writer."""
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None or not parallel:
        yield first, parse_chunk(first)
        if second is not None:
            yield second, parse_chunk(second)
        for chunk in chunks:
            yield chunk, parse_chunk(chunk)
        return
    # spawn, not fork: the writer holds database connections (and the desktop, threads).
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        pending = deque((c, pool.submit(parse_chunk, c, True)) for c in (first, second))
        broken = False
        for chunk in chunks:
            done_chunk, future = pending.popleft()
            if not broken:
                pending.append((chunk, pool.submit(parse_chunk, chunk, True)))
            else:
                pending.append((chunk, None))
            result, broken = _result(done_chunk, future, broken)
            yield done_chunk, result
        while pending:
            done_chunk, future = pending.popleft()
            result, broken = _result(done_chunk, future, broken)
            yield done_chunk, result


def _result(chunk, future, broken: bool):
    """A parser process's result; if the process died, parse here and stop using it."""
    if future is not None and not broken:
        try:
            return future.result(), False
        except BrokenProcessPool:
            pass
    return parse_chunk(chunk), True


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
    parallel: bool = True,
) -> ImportReport:
    """Import JSONL lines (bytes, one item each) in one transaction.

    With `parallel` (the default), files of more than one batch are decoded
    and validated in a second process while this one writes.
    """
    report = ImportReport()
    started = time.perf_counter()
    rejects_handle: IO[bytes] | None = None
    try:
        with db.transaction() as conn:
            tx = Tx(conn=conn, actor=actor, now=utcnow(), origin=origin, dialect=db.dialect, cache=db.cache)
            for chunk, (items, rejects) in _parsed(_numbered_chunks(lines, BATCH), parallel):
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
    if report.rejected and rejects_path is not None:
        report.rejects_file = str(rejects_path)
    report.seconds = time.perf_counter() - started
    return report


def _store(tx: Tx, batch: list, report: ImportReport) -> None:
    result = ingest_items(tx, batch)
    report.imported += len(result.message_ids)
    report.duplicates += result.duplicates
    report.new_cases += len(result.new_case_ids)
