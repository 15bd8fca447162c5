"""The window's views, search, filters, keys, help, settings, accessibility and remembered state."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from newsroom.actions import perform, resolve_actor
from newsroom.inbox import InboxFilter, count_cases, view_counts
from tests.ui.conftest import WindowHarness
from ui.inbox_model import COLUMN
from ui.shortcuts import COMMANDS, HelpOverlay

CTRL = Qt.KeyboardModifier.ControlModifier


def test_views_show_live_counts(harness):
    window = harness.window
    with harness.db.read() as conn:
        counts = view_counts(conn, harness.actor.user_id)
    model = window.views_model
    for key in ("mine", "unassigned", "waiting_on_citizen", "open", "all"):
        assert model.data(model.index(model.row_of(key), 1)) == str(counts[key]), key
    first = harness.open_first("unassigned")
    harness.key("c")
    harness.wait_idle()
    harness.qtbot.waitUntil(lambda: model.data(model.index(model.row_of("mine"), 1)) == "1")
    assert model.data(model.index(model.row_of("unassigned"), 1)) == str(counts["unassigned"] - 1)
    assert window.model.case_id(0) != first  # it left the unassigned list


def test_view_keys_choose_views(harness):
    window = harness.window
    harness.table.setFocus()
    harness.key(Qt.Key.Key_5, CTRL)
    assert window.views.current_view().key == "all"
    assert window.model.filter == InboxFilter()
    harness.key(Qt.Key.Key_2, CTRL)
    assert window.views.current_view().key == "unassigned"
    assert window.model.filter.unassigned
    assert window.count_label.text().endswith("zaken")


def test_each_department_is_a_view(harness):
    window = harness.window
    case_id = harness.open_first()
    perform(harness.db, "route", harness.actor, origin="cli", case_id=case_id, department="Groen")
    window.refresh_everything()
    dept_id = next(i for i, name in window.directory.departments.items() if name == "Groen")
    assert window.views.choose(f"department:{dept_id}")
    # The demo's routing rules send other cases to Groen too: the view shows exactly the department's cases.
    with harness.db.read() as conn:
        total = count_cases(conn, window.model.filter)
    assert window.model.filter.department_id == dept_id
    harness.qtbot.waitUntil(lambda: window.model.rowCount() == total)
    assert case_id in [window.model.case_id(row) for row in range(window.model.rowCount())]


def test_search_with_slash_and_enter(harness):
    window = harness.window
    assert window.views.choose("all")  # the demo's routing assigns container cases, so search all of them
    harness.table.setFocus()
    harness.key("/")
    assert window.focusWidget() is window.filters.search
    harness.type("container")
    harness.key(Qt.Key.Key_Return)
    assert window.focusWidget() is harness.table
    assert window.model.searching and window.model.rowCount() > 0
    # The results paint first; the first one opens in the pane on the next turn of the event loop.
    harness.qtbot.waitUntil(lambda: harness.pane.case_id == window.model.case_id(0))
    assert window.table.currentIndex().row() == 0 and window.table.selectionModel().isRowSelected(0)
    assert "container" in harness.pane.thread.toPlainText().lower()
    assert "gevonden" in window.count_label.text()
    assert window.filters.current_order() == "newest"
    with harness.db.read() as conn:
        total = count_cases(conn, window.model.filter)
    harness.qtbot.waitUntil(lambda: window.count_label.text() == f"{total} zaken gevonden")

    harness.key("/")
    harness.key(Qt.Key.Key_Escape)
    assert window.focusWidget() is harness.table


def test_search_narrowed_by_a_filter_and_cleared(harness):
    window = harness.window
    window.views.choose("all")
    window.filters.search.setText("container")
    window.filters._submit()
    found = window.model.rowCount()
    platform, account = window.model.case_row(found - 1).platform, window.model.case_row(found - 1).channel
    channel = next(cid for cid, names in window.directory.channels.items() if names == (platform, account))
    window.filters.channel.setCurrentIndex(window.filters.channel.findData(channel))
    assert 0 < window.model.rowCount() <= found
    assert {window.model.case_row(r).channel for r in range(window.model.rowCount())} == {account}
    harness.table.setFocus()
    harness.key(Qt.Key.Key_Backspace, CTRL)
    assert not window.model.searching
    with harness.db.read() as conn:
        assert window.model.rowCount() == count_cases(conn, InboxFilter())


def test_filters_narrow_the_view(harness):
    window = harness.window
    window.views.choose("all")
    filters = window.filters
    filters.status.setCurrentIndex(filters.status.findData(("new",)))
    filters.priority.setCurrentIndex(filters.priority.findData("normal"))
    with harness.db.read() as conn:
        expected = count_cases(conn, InboxFilter(statuses=("new",), priority="normal"))
    assert window.model.rowCount() == expected
    filters.order.setCurrentIndex(filters.order.findData("newest"))
    assert window.model.order == "newest"


def test_j_k_and_arrows_move_and_open(harness):
    window = harness.window
    first = harness.open_first()
    harness.key("j")
    second = harness.pane.case_id
    assert second == window.model.case_id(1) != first
    harness.key("k")
    assert harness.pane.case_id == first
    harness.key(Qt.Key.Key_Down)
    assert harness.pane.case_id == second
    harness.key(Qt.Key.Key_Return)
    assert window.focusWidget() is harness.pane.thread
    harness.key("j")  # the letters keep working from the case
    assert harness.pane.case_id == window.model.case_id(2)
    harness.key(Qt.Key.Key_Escape)
    assert window.focusWidget() is harness.table


def test_question_mark_opens_the_help_with_every_command(harness):
    harness.table.setFocus()
    harness.key("?")
    overlay = harness.wait_dialog()
    assert isinstance(overlay, HelpOverlay)
    assert overlay.table.rowCount() == len(COMMANDS)
    texts = {overlay.table.item(r, 1).text() for r in range(overlay.table.rowCount())}
    assert "Zaak: Claimen" in texts and "Lijst: Zoeken" in texts
    assert overlay.table.item(0, 0).text() == "J"
    harness.key(Qt.Key.Key_Escape, widget=overlay)
    harness.qtbot.waitUntil(lambda: harness.window.dialog is None)


def test_every_control_has_an_accessible_name_and_description(harness):
    harness.open_first()
    missing = []
    for widget in harness.window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(harness.window):
            continue
        if not isinstance(widget, (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit)) and widget not in (
            harness.table, harness.window.views, harness.pane.tabs):
            continue
        if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
            continue  # the line edit inside an editable combo box speaks for it
        if not widget.accessibleName() or not widget.accessibleDescription():
            missing.append(f"{type(widget).__name__} {widget.objectName()} {getattr(widget, 'text', lambda: '')()}")
    assert not missing


def test_focus_order_follows_the_screen(harness):
    window, filters = harness.window, harness.window.filters
    harness.open_first()
    window.views.setFocus()
    expected = [filters.search, filters.status, filters.department, filters.channel, filters.priority, filters.tag,
                filters.order, harness.table, harness.pane.buttons["claim"]]
    for widget in expected:
        harness.key(Qt.Key.Key_Tab)
        assert window.focusWidget() is widget, (window.focusWidget(), widget)


def test_settings_dialog_shows_data_location_and_changes_theme_and_language(harness, monkeypatch):
    from ui import theme

    applied = []
    monkeypatch.setattr(theme, "apply", applied.append)  # the offscreen platform has no colour scheme to switch
    window = harness.window
    harness.table.setFocus()
    harness.key(Qt.Key.Key_Comma, CTRL)
    dialog = harness.wait_dialog()
    texts = [w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text") and isinstance(w.text(), str)]
    assert str(window.desk.location) in texts
    dialog.editors["theme"].setCurrentIndex(dialog.editors["theme"].findData("dark"))
    dialog.editors["language"].setCurrentIndex(dialog.editors["language"].findData("en"))
    with harness.qtbot.waitSignal(window.language_changed) as signal:
        harness.key(Qt.Key.Key_Return, widget=dialog.editors["theme"])
    assert signal.args == ["en"]
    assert harness.settings.get("theme") == "dark" and harness.settings.get("language") == "en"
    assert applied == ["dark"]


def test_window_state_is_remembered(qtbot, db, demo_location, harness):
    window = harness.window
    window.resize(790, 590)  # within the offscreen screen (800x800), where Qt keeps a restored window
    window.splitter.setSizes([120, 380, 280])
    window.table.horizontalHeader().resizeSection(COLUMN["author"], 222)
    window.views.choose("waiting_on_citizen")
    window.filters.set_order("newest")
    sizes = window.splitter.sizes()
    harness.close()

    again = WindowHarness(qtbot, db, demo_location)
    try:
        assert again.window.size().toTuple() == (790, 590)
        assert again.window.splitter.sizes() == sizes
        assert again.table.horizontalHeader().sectionSize(COLUMN["author"]) == 222
        assert again.window.views.current_view().key == "waiting_on_citizen"
        assert again.window.filters.current_order() == "newest"
    finally:
        again.close()


def test_work_done_elsewhere_shows_up(harness):
    window = harness.window
    case_id = harness.open_first()
    perform(harness.db, "claim", resolve_actor(harness.db, "ahmed"), origin="cli", case_id=case_id)
    window._watch()
    assert harness.pane.fields["assignee"].text() == "ahmed"
    assert window.model.data(window.model.index(0, COLUMN["assignee"])) == "ahmed"


def test_dark_theme_where_the_platform_cannot_switch(qapp):
    from ui import theme

    try:
        theme.apply("dark")
        assert theme.current_scheme() == "dark"
        theme.apply("light")
        assert theme.current_scheme() == "light"
    finally:
        theme.apply("system")
    assert theme.current_scheme() == "light"  # the offscreen platform's own scheme


def test_every_dialog_control_has_an_accessible_name_and_description(harness):
    harness.open_first()
    for key in ("d", "a", "t", "n", "s", "p", "m", "?"):
        harness.table.setFocus()
        harness.key(key)
        dialog = harness.wait_dialog()
        assert dialog.accessibleName() and dialog.accessibleDescription(), key
        for widget in dialog.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog):
                if isinstance(widget.parent(), QComboBox) or type(widget).__name__ in ("QScrollBar", "QHeaderView"):
                    continue
                if widget.objectName().startswith("qt_") or type(widget).__name__ == "QWidget":
                    continue
                assert widget.accessibleName() and widget.accessibleDescription(), (key, type(widget).__name__)
        harness.key(Qt.Key.Key_Escape, widget=dialog.focusWidget() or dialog)
        harness.qtbot.waitUntil(lambda: harness.window.dialog is None)
