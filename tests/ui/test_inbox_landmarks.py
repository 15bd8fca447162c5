"""Jumps through landmarks: the row at a position is the row the offset walk gives, before and after changes."""
from __future__ import annotations

from newsroom.actions.common import OPEN_STATUSES
from newsroom.inbox import InboxFilter, ids_at
from tests.ui.conftest import ingest_text
from ui.inbox_model import InboxModel

OPEN = tuple(sorted(OPEN_STATUSES))


def _model(db, *, every: int = 7, block: int = 10) -> InboxModel:
    """A model that walks landmarks at once, even over the small demo list, with small blocks and spacing."""
    model = InboxModel(db, landmarks=True)
    model.BLOCK = block
    model.LANDMARK_EVERY = every
    model.LANDMARK_MIN_ROWS = 0
    model.LANDMARK_START_MS = 0
    model.LANDMARK_AGAIN_MS = 0
    return model


def _by_offset(db, flt: InboxFilter, order: str) -> list[int]:
    with db.read() as conn:
        ids: list[int] = []
        while True:
            page = ids_at(conn, flt, order=order, offset=len(ids), limit=1000)
            ids += page
            if len(page) < 1000:
                return ids


def _jumps(model: InboxModel) -> list[int]:
    """Every row read by a jump: each block with no loaded neighbour (the cache emptied before each)."""
    out: list[int] = []
    for block in range(0, (model.rowCount() + model.BLOCK - 1) // model.BLOCK):
        model._blocks.clear()
        model._cursors.clear()
        start = block * model.BLOCK
        out += [model.case_id(row) for row in range(start, min(model.rowCount(), start + model.BLOCK))]
    return out


def test_a_jump_from_a_landmark_shows_the_rows_of_the_offset_walk(qtbot, db):
    views = [(InboxFilter(), "due"), (InboxFilter(), "newest"), (InboxFilter(statuses=OPEN), "due"),
             (InboxFilter(statuses=OPEN, unassigned=True), "newest"), (InboxFilter(statuses=("new",)), "due")]
    for flt, order in views:
        model = _model(db)
        with qtbot.waitSignal(model.landmarks_ready, timeout=10_000):
            model.set_filter(flt, order)
        marks = model.landmarks
        assert model.landmarks_complete and marks.flt == flt and marks.order == order
        assert len(marks.keys) == model.rowCount() // 7 and model._usable_landmarks() is marks
        expected = _by_offset(db, flt, order)
        assert len(expected) == model.rowCount() > 7
        assert _jumps(model) == expected, (flt, order)


def test_landmarks_are_dropped_when_the_filter_changes(qtbot, db):
    model = _model(db)
    with qtbot.waitSignal(model.landmarks_ready, timeout=10_000):
        model.set_filter(InboxFilter(), "newest")
    assert model.landmarks is not None
    with qtbot.waitSignal(model.landmarks_ready, timeout=10_000):
        model.set_filter(InboxFilter(statuses=OPEN), "due")
        assert model.landmarks is None  # at once: the old list's landmarks never serve the new one
    assert model.landmarks.flt == InboxFilter(statuses=OPEN) and model.landmarks.order == "due"
    model.set_filter(InboxFilter(search="container"), "newest")
    assert model.landmarks is None and not model._marks_wait.isActive()  # a search has no positions


def test_new_cases_drop_the_landmarks_and_jumps_stay_right(qtbot, db):
    for order in ("newest", "due"):
        model = _model(db)
        with qtbot.waitSignal(model.landmarks_ready, timeout=10_000):
            model.set_filter(InboxFilter(), order)
        before = model.landmarks
        new = [ingest_text(db, f"Nieuw bericht {n} over de stoep", author=f"Nieuw {order} {n}",
                           external_id=f"landmark-{order}-{n}") for n in range(3)]
        model.refresh(new)
        assert model.landmarks is None  # by offset until they are walked again
        expected = _by_offset(db, InboxFilter(), order)
        assert model.rowCount() == before.total + 3 == len(expected)
        assert _jumps(model) == expected
        qtbot.waitUntil(lambda: model.landmarks_complete, timeout=10_000)
        assert model.landmarks.total == model.rowCount()
        assert _jumps(model) == expected


def test_a_change_while_walking_stops_the_walk_and_starts_again(qtbot, db):
    model = _model(db, every=3)
    model.LANDMARK_SLICE_S = 0  # one landmark a slice: the walk is caught half-way
    model.LANDMARK_AGAIN_MS = 50
    model.set_filter(InboxFilter(), "due")
    qtbot.waitUntil(lambda: model.landmarks is not None and len(model.landmarks.keys) >= 2)
    assert not model.landmarks_complete
    case_id = ingest_text(db, "Tijdens het lopen", author="Loper", external_id="landmark-walking")
    model.refresh([case_id])
    assert model.landmarks is None and model._walk is None  # the walk under way stopped
    with qtbot.waitSignal(model.landmarks_ready, timeout=10_000):
        pass
    assert model.landmarks.total == model.rowCount()
    assert _jumps(model) == _by_offset(db, InboxFilter(), "due")


def test_the_window_walks_landmarks_and_counts_a_search_after_painting(harness):
    window = harness.window
    assert window.model._landmarks_on
    window.views.choose("all")
    window.model.SEARCH_PAGE = 5  # more matches than the first page: the window counts them all
    window.filters.search.setText("container")
    window.filters._submit()
    assert window.model.rowCount() == 5 and window.model.canFetchMore()
    assert not harness.ops.busy  # the count of every match waits until the results have painted
    assert window.count_label.text().endswith("zaken gevonden")
    assert window.count_label.text().startswith("5+")
    harness.qtbot.waitUntil(lambda: window._search_total is not None)
    assert window._search_total > 5 and window.count_label.text().startswith(str(window._search_total))
    window.close()
    assert window.model.landmarks is None and not window.model._marks_wait.isActive()
