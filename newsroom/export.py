"""Exporting every case as JSONL: fields, the whole thread, notes, replies and history."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO

from sqlalchemy import select

from newsroom.casefile import case_details
from newsroom.db.engine import Database
from newsroom.inbox import CASES, Directory

CHUNK = 500


def export_jsonl(db: Database, out: IO[str], *, include_merged: bool = True, progress: Callable[[int], None] | None = None) -> int:
    """Write one JSON object per case to `out`; return how many."""
    written = 0
    last = 0
    with db.read() as conn:
        names = Directory(conn)
        while True:
            cond = [CASES.c.id > last]
            if not include_merged:
                cond.append(CASES.c.merged_into_id.is_(None))
            ids = conn.execute(select(CASES.c.id).where(*cond).order_by(CASES.c.id).limit(CHUNK)).scalars().all()
            if not ids:
                break
            for detail in case_details(conn, ids, names=names):
                out.write(json.dumps(detail, ensure_ascii=False))
                out.write("\n")
            written += len(ids)
            last = ids[-1]
            if progress:
                progress(written)
    return written
