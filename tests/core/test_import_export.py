"""The importer's transaction and audit, and the export's shape (SQLite and PostgreSQL)."""
from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from newsroom.actions import perform
from newsroom.export import export_jsonl
from newsroom.importer import ImportCancelled, import_lines
from newsroom.model import AuditEntry, Case, Message
from tests.core.conftest import audit_rows, item_dict


def lines(*objs) -> list[bytes]:
    return [json.dumps(o).encode() + b"\n" for o in objs]


def count(db, model) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def test_an_import_is_audited_once_with_its_counts(db):
    report = import_lines(db, [*lines(item_dict("a"), item_dict("b"), item_dict("a")), b"nope\n"], source="file.jsonl")
    assert (report.imported, report.duplicates, report.rejected, report.new_cases) == (2, 1, 1, 2)
    rows = audit_rows(db)
    assert len(rows) == 1
    row = rows[0]
    assert (row.action, row.result, row.actor_name, row.origin, row.object_type) == ("import", "ok", "system", "import", "import")
    assert json.loads(row.detail) == {"source": "file.jsonl", "imported": 2, "duplicates": 1, "rejected": 1, "new_cases": 2}


def test_a_cancelled_import_stores_nothing(db):
    progress = []
    with pytest.raises(ImportCancelled):
        import_lines(db, lines(item_dict("a"), item_dict("b")), source="x", progress=progress.append,
                     cancelled=lambda: True)
    assert progress  # it got as far as a chunk
    assert count(db, Message) == 0 and count(db, Case) == 0 and count(db, AuditEntry) == 0


def test_replies_across_lines_of_one_import_join_their_case(db):
    import_lines(db, lines(item_dict("p"), item_dict("r", in_reply_to="p", minutes=1)), source="x")
    assert count(db, Message) == 2 and count(db, Case) == 1


def test_export_of_an_empty_newsroom(db):
    out = io.StringIO()
    assert export_jsonl(db, out) == 0
    assert out.getvalue() == ""


def test_export_writes_one_object_per_case_in_id_order(db):
    from tests.core.conftest import add_people

    people = add_people(db)
    import_lines(db, lines(*[item_dict(f"m{i}", minutes=i) for i in range(7)]), source="x")
    perform(db, "merge", people.operator, case_id=2, into=1)
    out = io.StringIO()
    assert export_jsonl(db, out) == 7
    cases = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [c["id"] for c in cases] == list(range(1, 8))
    assert cases[1]["merged_into"] == 1 and cases[0]["message_count"] == 2
    without = io.StringIO()
    assert export_jsonl(db, without, include_merged=False) == 6
