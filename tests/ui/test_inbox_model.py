"""The inbox model: a window of ids over SQL, consistent with the core's listing, current after changes."""
from __future__ import annotations

from PySide6.QtCore import Qt

from newsroom.actions import perform, resolve_actor
from newsroom.actions.common import OPEN_STATUSES
from newsroom.demo.seed import DEMO_USER
from newsroom.inbox import InboxFilter, count_cases, list_cases
from ui.inbox_model import COLUMN, CaseIdRole, InboxModel
from ui.views_panel import ViewsModel, standard_views

OPEN = tuple(sorted(OPEN_STATUSES))


def test_inbox_model_passes_the_model_tester(qtmodeltester, db):
    model = InboxModel(db)
    model.set_filter(InboxFilter(), "due")
    assert model.rowCount() > 300
    qtmodeltester.check(model)
    # Rows are read-only, selectable, flat (Qt's own answer: no Python call per painted cell).
    flags = model.flags(model.index(3, COLUMN["snippet"]))
    assert flags == Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    # The tester keeps watching: changes below must emit consistent signals.
    sanne = resolve_actor(db, DEMO_USER)
    case_id = model.case_id(0)
    perform(db, "claim", sanne, origin="desktop", case_id=case_id)
    model.refresh((case_id,))
    model.set_filter(InboxFilter(statuses=OPEN, unassigned=True), "newest")
    model.tick()


def test_search_model_passes_the_model_tester_while_paging(qtmodeltester, db):
    model = InboxModel(db)
    model.SEARCH_PAGE = 5  # small pages, so fetchMore is exercised
    model.set_filter(InboxFilter(search="gemeente"), "newest")
    assert model.rowCount() == 5 and model.canFetchMore()
    qtmodeltester.check(model)  # it fetches more pages itself
    before = model.rowCount()
    model.fetchMore()
    assert model.rowCount() == before + 5


def test_views_model_passes_the_model_tester(qtmodeltester, db):
    from newsroom.inbox import Directory, view_counts

    with db.read() as conn:
        directory = Directory(conn)
        counts = view_counts(conn, 1)
    model = ViewsModel(standard_views(1, directory.departments))
    qtmodeltester.check(model)
    model.set_counts(counts)
    assert model.data(model.index(model.row_of("all"), 1)) == str(counts["all"])


def test_rows_match_the_core_listing_in_both_orders(db):
    model = InboxModel(db)
    for order in ("due", "newest"):
        model.set_filter(InboxFilter(statuses=OPEN), order)
        with db.read() as conn:
            page = list_cases(conn, InboxFilter(statuses=OPEN), order=order, limit=150)
            total = count_cases(conn, InboxFilter(statuses=OPEN))
        assert model.rowCount() == total
        assert [model.case_id(row) for row in range(150)] == [row.id for row in page.items]
        assert model.data(model.index(3, COLUMN["author"])) == page.items[3].author


def test_the_model_holds_a_window_not_the_whole_list(db):
    model = InboxModel(db)
    model.set_filter(InboxFilter(), "due")
    assert model._blocks == {} and len(model._rows) == 0  # nothing fetched before something is painted
    model.data(model.index(250, 0))
    assert list(model._blocks) == [250 // model.BLOCK]
    assert len(model._rows) <= model.BLOCK


def test_search_rows_are_the_core_search(db):
    model = InboxModel(db)
    model.set_filter(InboxFilter(search="container"), "newest")
    with db.read() as conn:
        page = list_cases(conn, InboxFilter(search="container"), order="newest", limit=200)
    assert [model.case_id(r) for r in range(model.rowCount())] == [row.id for row in page.items]
    assert model.rowCount() > 0


def test_a_search_without_words_is_explained_not_raised(qtbot, db):
    model = InboxModel(db)
    with qtbot.waitSignal(model.failed) as signal:
        model.set_filter(InboxFilter(search="!!!"), "newest")
    assert "woord" in signal.args[0]
    assert model.rowCount() == 0


def test_refresh_shows_the_change_and_the_new_count(db):
    model = InboxModel(db)
    model.set_filter(InboxFilter(statuses=OPEN, unassigned=True), "due")
    before = model.rowCount()
    case_id = model.case_id(5)
    assert model.data(model.index(5, COLUMN["assignee"])) == "\u2014"
    perform(db, "claim", resolve_actor(db, DEMO_USER), origin="desktop", case_id=case_id)
    model.refresh((case_id,))
    assert model.rowCount() == before - 1
    assert case_id not in [model.case_id(r) for r in range(model.rowCount())]

    model.set_filter(InboxFilter(), "due")
    row = model.row_of(case_id, near=0, radius=model.rowCount())
    assert model.data(model.index(row, COLUMN["assignee"])) == DEMO_USER
    assert model.data(model.index(row, 0), CaseIdRole) == case_id


def test_text_roles(db):
    model = InboxModel(db)
    model.set_filter(InboxFilter(), "due")
    index = model.index(0, COLUMN["channel"])
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == model.data(index)
    assert model.headerData(COLUMN["snippet"], Qt.Orientation.Horizontal) == "Bericht"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None  # no citizen text in rich-text tooltips


def test_reading_on_by_keyset_gives_the_same_rows_as_positions(db):
    from newsroom.inbox import ids_at

    model = InboxModel(db)
    model.BLOCK = 20
    for order in ("due", "newest"):
        model.set_filter(InboxFilter(statuses=OPEN), order)
        model.case_id(5 * 20)  # a jump: positional
        via_keyset = [model.case_id(r) for r in range(6 * 20, 8 * 20)]  # reading on: keyset
        assert set(model._cursors) >= {5, 6}
        with db.read() as conn:
            assert via_keyset == ids_at(conn, InboxFilter(statuses=OPEN), order=order, offset=6 * 20, limit=40)
