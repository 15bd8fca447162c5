"""The templates dialog: list, add, change, remove, live checking and preview, the automatic acknowledgement switch."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from newsroom.actions import SYSTEM, resolve_actor
from newsroom.channels import connect
from newsroom.model import Channel, Template
from newsroom.secrets import SecretStore
from tests.ui import scripted
from ui.case_pane import reply_limit
from ui.ops import Ops
from ui.templates_dialog import TemplatesDialog, open_templates_dialog

TEMPLATES, CHANNELS = Template.__table__, Channel.__table__


@pytest.fixture
def opened(qtbot, db) -> Iterator:
    made = []

    def make(user: str = "marieke") -> TemplatesDialog:
        actor = resolve_actor(db, user)
        ops = Ops(db, actor)
        dialog = open_templates_dialog(None, db, ops, actor)
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: not ops.busy)
        made.append((dialog, ops))
        return dialog

    yield make
    for dialog, ops in made:
        qtbot.waitUntil(lambda ops=ops: not ops.busy, timeout=10_000)
        ops.close()


def _templates(db) -> list[tuple]:
    with db.read() as conn:
        return [tuple(r) for r in conn.execute(
            select(TEMPLATES.c.name, TEMPLATES.c.kind, TEMPLATES.c.platform, TEMPLATES.c.language, TEMPLATES.c.body)
            .order_by(TEMPLATES.c.name))]


def _idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog._ops.busy, timeout=10_000)


def test_add_change_and_remove_a_template_by_keyboard(qtbot, db, opened):
    dialog = opened()
    assert dialog.may_change and dialog.name.hasFocus() is False
    dialog.start_new()
    qtbot.keyClicks(dialog.name, "Ophalen")
    dialog.kind.setCurrentIndex(dialog.kind.findData("holding"))
    dialog.platform.setCurrentIndex(dialog.platform.findData("mastodon"))
    qtbot.keyClicks(dialog.body, "Beste {naam}, zaak {zaaknummer}: uiterlijk {verwachte_datum}.")
    qtbot.waitUntil(lambda: dialog.check.text().startswith("In orde."))
    assert dialog.check.text() == "In orde. Variabelen: naam, zaaknummer, verwachte_datum."
    assert dialog.preview.toPlainText() == "Beste Bea Burger, zaak 123456: uiterlijk woensdag 30 september 2026 om 10:30."
    assert dialog.length.text().startswith("Mastodon: 77 / 500 tekens")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _idle(qtbot, dialog)
    assert _templates(db) == [("Ophalen", "holding", "mastodon", "nl",
                               "Beste {naam}, zaak {zaaknummer}: uiterlijk {verwachte_datum}.")]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert "bewaard" in dialog.status.text()

    # Change it: every platform, another text.
    dialog.platform.setCurrentIndex(0)
    dialog.body.setPlainText("Wij komen {naam} helpen.")
    dialog.save_template()
    _idle(qtbot, dialog)
    assert _templates(db) == [("Ophalen", "holding", None, "nl", "Wij komen {naam} helpen.")]
    qtbot.waitUntil(lambda: dialog.length.text().startswith("Mastodon: "))
    assert "Bluesky: " in dialog.length.text()

    dialog.ask_remove()
    box = dialog.confirm
    assert isinstance(box, QMessageBox) and box.textFormat() == Qt.TextFormat.PlainText
    box.button(QMessageBox.StandardButton.Yes).click()
    _idle(qtbot, dialog)
    assert _templates(db) == []
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert dialog.name.text() == ""


def test_a_bad_body_is_named_as_it_is_typed_and_not_saved(qtbot, db, opened):
    dialog = opened()
    dialog.name.setText("Fout")
    qtbot.keyClicks(dialog.body, "Beste {voornaam},")
    qtbot.waitUntil(lambda: dialog.check.text().startswith("Niet goed"))
    assert "Onbekende variabele 'voornaam' bij teken 7" in dialog.check.text()
    assert dialog.preview.toPlainText() == ""
    dialog.save_template()
    assert "nog niet in orde" in dialog.status.text()
    assert _templates(db) == []


def test_hostile_template_text_is_shown_plain(qtbot, db, opened):
    from newsroom.actions import perform

    perform(db, "add_template", resolve_actor(db, "beheer"), name="<b>vet</b>\u202e", kind="answer",
            body="<img src=x onerror=alert(1)> {naam}")
    dialog = opened()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    line = dialog.model.data(dialog.model.index(0, 0))
    assert line.startswith("<b>vet</b>\u27e8U+202E\u27e9 \u00b7 Antwoord")
    dialog.list.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.preview.toPlainText() == "<img src=x onerror=alert(1)> Bea Burger"
    assert dialog.name.text() == "<b>vet</b>\u202e"


def test_only_supervisors_change_and_the_core_says_why(qtbot, db, opened):
    dialog = opened("sanne")
    assert not dialog.may_change and not dialog.save.isEnabled() and not dialog.body.isEnabled()
    # Even past the disabled buttons, the core refuses and the reason is shown in Dutch.
    dialog.may_change = True
    dialog.name.setText("x")
    dialog.body.setPlainText("Hallo.")
    dialog.save_template()
    _idle(qtbot, dialog)
    assert dialog.status.text() == "sanne (operator) mag sjablonen en automatische antwoorden niet beheren."
    assert _templates(db) == []


def test_automatic_acknowledgement_per_channel(qtbot, db, opened, monkeypatch):
    scripted.use_scripted(monkeypatch)
    connect(db, SYSTEM, platform="other", name="Scripted", options={"base_url": "https://s.test", "username": "g"},
            secret="good", secrets=SecretStore())
    reply_limit.cache_clear()
    dialog = opened()
    qtbot.waitUntil(lambda: len(dialog.auto_ack) == 1)
    (channel_id, combo), = dialog.auto_ack.items()
    assert combo.currentText() == "standaard (uit)"
    assert [combo.itemText(i) for i in range(combo.count())] == ["standaard (uit)", "aan", "uit"]
    combo.setFocus()
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    _idle(qtbot, dialog)
    with db.read() as conn:
        assert conn.execute(select(CHANNELS.c.auto_ack).where(CHANNELS.c.id == channel_id)).scalar() is True
    assert dialog.status.text() == "Ontvangstbevestiging voor Scripted (Webformulier): aan."
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    _idle(qtbot, dialog)
    with db.read() as conn:
        assert conn.execute(select(CHANNELS.c.auto_ack).where(CHANNELS.c.id == channel_id)).scalar() is None


def test_the_list_model_of_the_dialog_passes_the_model_tester(qtbot, db, opened, qtmodeltester):
    from newsroom.actions import perform

    perform(db, "add_template", resolve_actor(db, "beheer"), name="A", kind="answer", body="Hallo {naam}.")
    dialog = opened()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtmodeltester.check(dialog.model)
