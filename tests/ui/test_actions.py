"""Every case action from the keyboard, checked in the database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from newsroom.actions import perform, resolve_actor
from newsroom.casefile import case_detail
from newsroom.inbox import InboxFilter, list_cases
from tests.ui.conftest import ingest_text

CTRL = Qt.KeyboardModifier.ControlModifier


def detail(db, case_id: int) -> dict:
    with db.read() as conn:
        return case_detail(conn, case_id)


def test_claim_with_c(harness):
    case_id = harness.open_first()
    harness.key("c")
    harness.wait_idle()
    assert detail(harness.db, case_id)["assignee"] == "sanne"
    assert harness.pane.fields["assignee"].text() == "sanne"
    assert "Zaak" in harness.window.statusBar().currentMessage()
    history = harness.pane.history.toPlainText().splitlines()[-1]
    assert "sanne \u00b7 geclaimd" in history
    assert "behandelaar: \u2014 \u2192 sanne" in history and "status: Nieuw \u2192 Open" in history


def test_claim_of_a_colleagues_case_says_who_has_it(harness):
    case_id = harness.open_first()
    perform(harness.db, "claim", resolve_actor(harness.db, "ahmed"), origin="cli", case_id=case_id)
    harness.key("c")
    harness.wait_idle()
    assert detail(harness.db, case_id)["assignee"] == "ahmed"
    message = harness.window.error_label.text()
    assert "Iemand was u voor" in message and "ahmed" in message


def test_release_with_u(harness):
    case_id = harness.open_first()
    perform(harness.db, "claim", harness.actor, origin="cli", case_id=case_id)
    harness.key("u")
    harness.wait_idle()
    assert detail(harness.db, case_id)["assignee"] is None


def test_route_with_d(harness):
    case_id = harness.open_first()
    harness.key("d")
    dialog = harness.wait_dialog()
    harness.type("Parkeren", dialog.combo)
    assert dialog.value() == "Parkeren"
    harness.key(Qt.Key.Key_Return, widget=dialog.combo)
    harness.wait_idle()
    assert detail(harness.db, case_id)["department"] == "Parkeren"
    assert harness.pane.fields["department"].text() == "Parkeren"


def test_assign_with_a(harness):
    case_id = harness.open_first()
    harness.key("a")
    dialog = harness.wait_dialog()
    dialog.combo.setCurrentIndex(dialog.combo.findData("ahmed"))
    harness.key(Qt.Key.Key_Return, widget=dialog.combo)
    harness.wait_idle()
    assert detail(harness.db, case_id)["assignee"] == "ahmed"


def test_tag_and_untag(harness):
    case_id = harness.open_first()
    before = detail(harness.db, case_id)["tags"]  # the demo's routing rules may have tagged it already
    harness.key("t")
    dialog = harness.wait_dialog()
    harness.type("Storm schade", dialog.edit)
    harness.key(Qt.Key.Key_Return, widget=dialog.edit)
    harness.wait_idle()
    assert detail(harness.db, case_id)["tags"] == sorted([*before, "storm-schade"])
    # The new tag is offered in the filter at once.
    assert harness.window.filters.tag.findText("storm-schade") > 0

    harness.table.setFocus()
    harness.key("T", Qt.KeyboardModifier.ShiftModifier)
    dialog = harness.wait_dialog()
    dialog.combo.setCurrentIndex(dialog.combo.findText("storm-schade"))
    harness.key(Qt.Key.Key_Return, widget=dialog.combo)
    harness.wait_idle()
    assert detail(harness.db, case_id)["tags"] == before


def test_note_with_n(harness):
    case_id = harness.open_first()
    harness.key("n")
    dialog = harness.wait_dialog()
    harness.type("Gebeld met de afdeling.", dialog.editor)
    harness.key(Qt.Key.Key_Return, CTRL, widget=dialog.editor)
    harness.wait_idle()
    notes = detail(harness.db, case_id)["notes"]
    assert [n["text"] for n in notes] == ["Gebeld met de afdeling."]
    assert "Gebeld met de afdeling." in harness.pane.notes.toPlainText()
    harness.key(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert harness.pane.tabs.currentIndex() == 1 and harness.window.focusWidget() is harness.pane.notes
    harness.key(Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert harness.window.focusWidget() is harness.pane.history and "notitie toegevoegd" in harness.pane.history.toPlainText()


def test_status_with_s_and_resolve_with_e(harness):
    case_id = harness.open_first()
    harness.key("s")
    dialog = harness.wait_dialog()
    dialog.combo.setCurrentIndex(dialog.combo.findData("waiting_on_citizen"))
    harness.key(Qt.Key.Key_Return, widget=dialog.combo)
    harness.wait_idle()
    assert detail(harness.db, case_id)["status"] == "waiting_on_citizen"

    harness.table.setFocus()
    harness.key("e")
    harness.wait_idle()
    assert detail(harness.db, case_id)["status"] == "resolved"
    assert harness.pane.fields["status"].text() == "Afgehandeld"


def test_priority_with_p(harness):
    case_id = harness.open_first()
    harness.key("p")
    dialog = harness.wait_dialog()
    dialog.combo.setCurrentIndex(dialog.combo.findData("urgent"))
    harness.key(Qt.Key.Key_Return, widget=dialog.combo)
    harness.wait_idle()
    assert detail(harness.db, case_id)["priority"] == "urgent"


def test_draft_reply_with_r_and_ctrl_enter(harness):
    case_id = harness.open_first()
    harness.key("r")
    assert harness.window.focusWidget() is harness.pane.reply
    harness.type("Dank voor uw melding, we gaan ermee aan de slag.")
    harness.key(Qt.Key.Key_Return, CTRL)
    harness.wait_idle()
    replies = detail(harness.db, case_id)["replies"]
    assert [(r["state"], r["text"]) for r in replies] == [("draft", "Dank voor uw melding, we gaan ermee aan de slag.")]
    assert "Concept bewaard" in harness.pane.reply_state.text()


def test_an_unsaved_draft_is_kept_when_moving_on(harness):
    case_id = harness.open_first()
    harness.key("r")
    harness.type("Half af")
    harness.key(Qt.Key.Key_Escape)
    assert harness.window.focusWidget() is harness.table
    harness.key("j")
    harness.wait_idle()
    assert [r["text"] for r in detail(harness.db, case_id)["replies"]] == ["Half af"]


def test_merge_with_m(harness):
    first = harness.open_first()
    harness.key("j")
    harness.qtbot.waitUntil(lambda: harness.pane.case_id != first)
    second = harness.pane.case_id
    messages = detail(harness.db, second)["message_count"] + detail(harness.db, first)["message_count"]
    harness.key("m")
    dialog = harness.wait_dialog()
    harness.type(str(first), dialog.edit)
    assert dialog.preview.text().startswith(f"Zaak {first}:")
    harness.key(Qt.Key.Key_Return, widget=dialog.edit)
    harness.wait_idle()
    assert detail(harness.db, second)["merged_into"] == first
    assert detail(harness.db, first)["message_count"] == messages
    assert harness.pane.case_id == first  # the open case went into the other one: show that one


def test_split_with_x(harness):
    with harness.db.read() as conn:
        page = list_cases(conn, InboxFilter(), limit=1000)
    case_id = next(row.id for row in page.items if row.message_count > 1)
    window = harness.window
    window.views.choose("all")
    harness.table.setFocus()
    window._select_row(window.model.row_of(case_id, near=0, radius=window.model.rowCount()))
    assert harness.pane.case_id == case_id
    last_message = detail(harness.db, case_id)["messages"][-1]["id"]
    harness.key("x")
    dialog = harness.wait_dialog()
    assert dialog.value() == last_message
    harness.key(Qt.Key.Key_Return, widget=dialog.combo)
    harness.wait_idle()
    assert last_message not in [m["id"] for m in detail(harness.db, case_id)["messages"]]
    assert "is nu zaak" in harness.window.statusBar().currentMessage()


def test_escape_cancels_a_dialog_without_change(harness):
    case_id = harness.open_first()
    before = detail(harness.db, case_id)["department"]
    harness.key("d")
    dialog = harness.wait_dialog()
    harness.key(Qt.Key.Key_Escape, widget=dialog.combo)
    harness.qtbot.waitUntil(lambda: harness.window.dialog is None)
    assert not harness.ops.busy
    assert detail(harness.db, case_id)["department"] == before


def test_an_action_without_a_case_says_what_to_do(harness):
    harness.window.views.choose("mine")  # sanne has no cases yet: an empty list
    harness.table.setFocus()
    harness.key("c")
    assert "Kies eerst een zaak" in harness.window.error_label.text()


@pytest.mark.parametrize("view", ["all", "unassigned"])
def test_an_action_keeps_selection_and_scroll_position(harness, view):
    window, table = harness.window, harness.table
    window.views.choose(view)
    window.filters.set_order("due")
    table.setFocus()
    window._select_row(120)
    harness.qtbot.waitUntil(lambda: harness.pane.case_id is not None)
    case_id = harness.pane.case_id
    table.scrollTo(window.model.index(120, 0), table.ScrollHint.PositionAtCenter)
    scroll = table.verticalScrollBar().value()
    harness.key("c")
    harness.wait_idle()
    assert table.verticalScrollBar().value() == scroll
    if view == "all":
        # Still in the list: still selected, same place.
        assert window.model.case_id(table.currentIndex().row()) == case_id
        assert table.currentIndex().row() == 120
    else:
        # Claimed away from "unassigned": the pane keeps it, the list shows the next case there,
        # and j opens that next case rather than skipping it.
        assert harness.pane.case_id == case_id
        assert not table.selectionModel().hasSelection() and table.currentIndex().row() == 120
        next_case = window.model.case_id(120)
        harness.key("j")
        assert harness.pane.case_id == next_case


def test_typing_in_the_search_box_does_not_trigger_commands(harness):
    harness.open_first()
    harness.key("/")
    assert harness.window.focusWidget() is harness.window.filters.search
    harness.type("container")
    assert harness.window.filters.search.text() == "container"
    assert not harness.ops.busy and harness.window.dialog is None


def test_hostile_case_can_be_worked_on(harness):
    case_id = ingest_text(harness.db, "<script>alert(1)</script>")
    harness.window.refresh_everything()
    harness.window.filters.set_order("newest")
    assert harness.open_first() == case_id
    harness.key("c")
    harness.wait_idle()
    assert detail(harness.db, case_id)["assignee"] == "sanne"
