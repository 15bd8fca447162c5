"""The routing dialog: the ordered rules by keyboard, the editor (form, JSON, live validation, preview, save) and assignment."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from newsroom.actions import perform, resolve_actor
from newsroom.actions.routing import list_rules, preview_rule
from newsroom.model import Department, User
from ui.ops import Ops
from ui.rules_dialog import (
    AgentsModel,
    DepartmentsModel,
    PreviewModel,
    PreviewRow,
    RuleEditor,
    RulesDialog,
    RulesModel,
    open_rules_dialog,
    read_agents,
    read_departments,
    read_rules,
)

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
USERS = User.__table__
DEPARTMENTS = Department.__table__


@pytest.fixture
def desk(qtbot, db):
    """The admin's ops worker; a function opening the dialog as someone, active for the keyboard."""
    made: list[Ops] = []

    def open_as(user: str = "beheer") -> RulesDialog:
        actor = resolve_actor(db, user)
        ops = Ops(db, actor)
        made.append(ops)
        dialog = RulesDialog(None, db=db, ops=ops, actor=actor)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    yield open_as
    for ops in made:
        ops.close()


def _idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.ops.busy, timeout=10_000)


def _editor(qtbot, dialog) -> RuleEditor:
    qtbot.waitUntil(lambda: isinstance(dialog.dialog, RuleEditor) and dialog.dialog.isVisible())
    editor = dialog.dialog
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def _rule(db, name: str) -> dict | None:
    return next((r for r in list_rules(db) if r["name"] == name), None)


def test_models_pass_the_model_tester(qtmodeltester, db):
    rules = RulesModel()
    rules.set_rows(read_rules(db))
    assert rules.rowCount() == len(list_rules(db)) > 0
    qtmodeltester.check(rules)
    departments = DepartmentsModel()
    departments.set_rows(read_departments(db))
    assert departments.rowCount() > 0
    qtmodeltester.check(departments)
    agents = AgentsModel()
    agents.set_rows(read_agents(db))
    assert agents.rowCount() > 0
    qtmodeltester.check(agents)
    preview = PreviewModel()
    result = preview_rule(db, {"when": {}, "then": {"priority": "high"}}, limit=20)
    preview.set_rows([PreviewRow(m["message_id"], m["case_id"], m["received_at"], m["platform"], m["channel"], m["author"],
                                 m["snippet"]) for m in result["matches"]])
    assert preview.rowCount() == 20
    qtmodeltester.check(preview)


def test_write_a_rule_see_what_it_catches_and_save_it(qtbot, db, desk):
    dialog = desk()
    before = len(list_rules(db))
    qtbot.keyClick(dialog.table, Qt.Key.Key_N, CTRL)
    editor = _editor(qtbot, dialog)
    assert editor.focusWidget() is editor.name
    assert editor.problem.text() == "Een regel heeft een naam van 1 tot 200 tekens nodig."
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.name, "Containers naar Afval")
    editor.fields["words_any"].setText("container, kliko")
    editor.department.setCurrentIndex(editor.department.findText("Afval en Reiniging"))
    editor.priority.setCurrentIndex(editor.priority.findData("high"))
    editor.tags.setText("afval")
    # Live validation speaks the core's reason.
    editor.regex.setText("(a+)+")
    qtbot.waitUntil(lambda: editor.problem.text().startswith("De reguliere expressie '(a+)+' kan bij sommige berichten te lang duren"))
    assert not editor.save_button.isEnabled() and not editor.preview_button.isEnabled()
    editor.regex.clear()
    qtbot.waitUntil(lambda: editor.problem.text() == "De regel is in orde.")
    assert editor.save_button.isEnabled()

    # The preview runs on the worker and lists what the rule would catch.
    expected = preview_rule(db, editor.definition())
    editor.preview_button.click()
    assert editor.busy.bar.isVisibleTo(editor) and editor.busy.cancel.isVisibleTo(editor)
    qtbot.waitUntil(lambda: not editor.busy.running, timeout=10_000)
    assert editor.busy.result.text().startswith(f"{expected['matched']} van de {expected['scanned']} laatste berichten")
    assert expected["scanned"] == 400 and expected["matched"] > 0
    assert editor.matches.rowCount() == expected["matched"]
    assert {editor.matches.row(i).id for i in range(editor.matches.rowCount())} == {m["message_id"] for m in expected["matches"]}
    assert len(list_rules(db)) == before  # a preview stores nothing

    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: dialog.dialog is None, timeout=10_000)
    saved = _rule(db, "Containers naar Afval")
    assert saved is not None and saved["enabled"] and saved["position"] == before + 1
    assert saved["definition"] == {"when": {"words_any": ["container", "kliko"]},
                                   "then": {"department": "Afval en Reiniging", "priority": "high", "tags": ["afval"]}}
    assert dialog.message.text() == "Regel 'Containers naar Afval' is toegevoegd."
    assert dialog.current().name == "Containers naar Afval"


def test_json_keeps_what_the_form_cannot_show(qtbot, db, desk):
    polygon = [[52.0, 5.0], [52.1, 5.0], [52.1, 5.1]]
    definition = {"when": {"area": {"polygon": polygon}, "regex": ["lamp", "licht"], "words_any": ["paal"]},
                  "then": {"department": "Openbare Verlichting"}}
    perform(db, "add_rule", resolve_actor(db, "beheer"), origin="test", name="Lampen in het centrum", definition=definition)
    dialog = desk()
    dialog.select_rule(_rule(db, "Lampen in het centrum")["id"])
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    editor = _editor(qtbot, dialog)
    assert editor.windowTitle() == "Regel bewerken: Lampen in het centrum"
    assert editor.fields["words_any"].text() == "paal"
    assert not editor.fields["area"].isEnabled() and not editor.regex.isEnabled()  # kept in the JSON
    assert editor.definition() == definition
    editor.tabs.setCurrentIndex(RuleEditor.JSON)
    assert json.loads(editor.json.toPlainText()) == definition
    # Unparseable JSON: the form would lose it, so the tab stays.
    editor.json.setPlainText("{")
    editor.tabs.setCurrentIndex(RuleEditor.FORM)
    assert editor.tabs.currentIndex() == RuleEditor.JSON
    assert editor.problem.text().startswith("De regel is geen geldige JSON:")
    assert not editor.save_button.isEnabled()
    changed = {**definition, "then": {"department": "Openbare Verlichting", "priority": "urgent"}}
    editor.json.setPlainText(json.dumps(changed))
    qtbot.waitUntil(lambda: editor.problem.text() == "De regel is in orde.")
    editor.tabs.setCurrentIndex(RuleEditor.FORM)
    assert editor.priority.currentData() == "urgent"
    # An unknown department is refused with the core's words.
    editor.tabs.setCurrentIndex(RuleEditor.JSON)
    editor.json.setPlainText(json.dumps({"when": {}, "then": {"department": "Ruimtevaart"}}))
    qtbot.waitUntil(lambda: editor.problem.text() == "Er is geen afdeling 'Ruimtevaart'. Zie 'newsroom department list'.")
    editor.json.setPlainText(json.dumps(changed))
    qtbot.waitUntil(lambda: editor.save_button.isEnabled())
    editor.save_button.click()
    qtbot.waitUntil(lambda: dialog.dialog is None, timeout=10_000)
    assert _rule(db, "Lampen in het centrum")["definition"] == changed


def test_reorder_switch_off_and_remove_by_keyboard(qtbot, db, desk):
    dialog = desk()
    first, second = list_rules(db)[:2]
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    assert not dialog.up_button.isEnabled() and dialog.down_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down, ALT)
    _idle(qtbot, dialog)
    rules = list_rules(db)
    assert [rules[0]["id"], rules[1]["id"]] == [second["id"], first["id"]]
    assert dialog.current().id == first["id"] and dialog.table.currentIndex().row() == 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up, ALT)
    _idle(qtbot, dialog)
    assert list_rules(db)[0]["id"] == first["id"] and dialog.table.currentIndex().row() == 0

    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    _idle(qtbot, dialog)
    assert _rule(db, first["name"])["enabled"] is False
    assert dialog.model.data(dialog.model.index(0, 2)) == "uit" and dialog.enable_button.text() == "&Aanzetten"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    _idle(qtbot, dialog)
    assert _rule(db, first["name"])["enabled"] is True

    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: dialog.dialog is not None and dialog.dialog.isVisible())
    box = dialog.dialog
    assert box.defaultButton().text() == "Annuleren"  # Enter does not remove
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.dialog is None)
    assert _rule(db, first["name"]) is not None
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: dialog.dialog is not None and dialog.dialog.isVisible())
    dialog.yes_button.click()
    _idle(qtbot, dialog)
    assert _rule(db, first["name"]) is None
    assert dialog.message.text() == f"Regel '{first['name']}' is verwijderd."


def test_a_preview_can_be_stopped(qtbot, db, desk):
    dialog = desk()
    dialog.new_rule()
    editor = _editor(qtbot, dialog)
    editor.fields["words_any"].setText("container")
    editor.priority.setCurrentIndex(editor.priority.findData("high"))
    editor.validate()
    editor.preview_button.click()
    assert editor.busy.running
    editor.busy.cancel.click()
    assert not editor.busy.running and editor.busy.result.text() == "Voorbeeld gestopt."
    _idle(qtbot, dialog)
    assert editor.matches.rowCount() == 0  # the late result is dropped
    assert editor.preview_button.isEnabled()
    editor.reject()


def test_errors_of_a_rule_are_shown(qtbot, db, desk):
    from newsroom.model import RoutingRule

    rule = list_rules(db)[0]
    with db.transaction() as conn:
        conn.execute(RoutingRule.__table__.update().where(RoutingRule.__table__.c.id == rule["id"])
                     .values(error_count=3, last_error="<b>location is not numeric</b>"))
    dialog = desk()
    text = dialog.model.data(dialog.model.index(0, 5))
    assert text.startswith("3, laatste") and text.endswith("<b>location is not numeric</b>")


def test_assignment_policy_absence_and_capacity(qtbot, db, desk):
    dialog = desk()
    dialog.tabs.setCurrentIndex(1)
    row = next(i for i, d in enumerate(dialog.departments_model.rows()) if d.name == "Burgerzaken")
    dialog.departments_view.selectRow(row)
    dialog.policy.setCurrentIndex(dialog.policy.findData("least_loaded"))
    dialog.policy_button.click()
    _idle(qtbot, dialog)
    with db.read() as conn:
        assert conn.execute(select(DEPARTMENTS.c.assignment_policy).where(DEPARTMENTS.c.name == "Burgerzaken")).scalar() == "least_loaded"
    assert dialog.departments_model.data(dialog.departments_model.index(row, 1)) == "minst belast"

    row = next(i for i, a in enumerate(dialog.agents_model.rows()) if a.name == "fatima")
    dialog.agents_view.selectRow(row)
    dialog.absent_button.click()
    _idle(qtbot, dialog)
    dialog.capacity.setValue(7)
    dialog.capacity_button.click()
    _idle(qtbot, dialog)
    with db.read() as conn:
        person = conn.execute(select(USERS.c.absent, USERS.c.capacity).where(USERS.c.name == "fatima")).one()
    assert person.absent and person.capacity == 7
    assert dialog.absent_button.text() == "&Aanwezig melden"
    dialog.capacity.setValue(dialog.capacity.minimum())
    assert dialog.capacity.text() == "geen grens"
    dialog.capacity_button.click()
    _idle(qtbot, dialog)
    with db.read() as conn:
        assert conn.execute(select(USERS.c.capacity).where(USERS.c.name == "fatima")).scalar() is None


def test_others_may_look_but_not_change(qtbot, db, desk):
    dialog = desk("sanne")
    assert dialog.model.rowCount() > 0
    for button in (dialog.new_button, dialog.up_button, dialog.down_button, dialog.enable_button, dialog.remove_button):
        assert not button.isEnabled()
    assert dialog.edit_button.isEnabled()
    dialog.edit_rule()
    editor = _editor(qtbot, dialog)
    assert not editor.save_button.isEnabled() and editor.preview_button.isEnabled()
    editor.reject()
    assert not dialog.policy_button.isEnabled() and not dialog.capacity_button.isEnabled()


def test_every_control_has_a_name(qtbot, db, desk):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QSpinBox,
        QTableView,
    )

    dialog = desk()
    dialog.new_rule()
    editor = _editor(qtbot, dialog)
    for widget in (dialog, editor):
        controls = [c for kind in (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QTableView)
                    for c in widget.findChildren(kind)]
        for control in controls:
            if type(control.parent()).__name__ in ("QTabBar", "QSpinBox", "QComboBox", "QTableView", "QTableCornerButton"):
                continue
            name = control.accessibleName() or (control.text().replace("&", "") if isinstance(control, QAbstractButton) else "")
            assert name, f"{type(control).__name__} without a name"
    editor.reject()


def test_open_rules_dialog_opens_it(qtbot, db):
    actor = resolve_actor(db, "beheer")
    ops = Ops(db, actor)
    try:
        dialog = open_rules_dialog(None, db, ops, actor)
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        assert dialog.windowTitle() == "Routering"
        dialog.close()
    finally:
        ops.close()
