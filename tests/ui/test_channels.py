"""The channels dialog, health in words and in the status bar, set-aside payloads, and the collector in the window."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert, select

from newsroom.actions import SYSTEM, perform
from newsroom.channels import connect
from newsroom.connectors.runner import load_channels, set_health
from newsroom.model import Channel, SetAside
from newsroom.secrets import NoKeyring, SecretStore
from newsroom.timeutil import utcnow
from tests.ui import scripted
from tests.ui.conftest import WindowHarness, run_on_loop, until
from ui.channels_dialog import (
    AddChannelDialog,
    ChannelRow,
    ChannelsDialog,
    ChannelsModel,
    SetAsideModel,
    health_text,
    read_channels,
    read_set_aside,
)
from ui.collector import DeskCollector
from ui.plain import visible

CHANNELS = Channel.__table__


@pytest.fixture
def platform(monkeypatch):
    return scripted.use_scripted(monkeypatch)


@pytest.fixture
def admin(qtbot, db, demo_location):
    h = WindowHarness(qtbot, db, demo_location, user="beheer")
    try:
        yield h
    finally:
        h.close()


def _connect(db, secret="good") -> int:
    return connect(db, SYSTEM, platform="other", name="Scripted", options={"base_url": "https://scripted.test", "username": "gemeente"},
                   secret=secret, secrets=SecretStore())


def _row(**changes) -> ChannelRow:
    base = dict(id=1, name="Mastodon", platform="mastodon", account="@g@x", enabled=True, health="ok", reason=None,
                retry_at=None, last_item_at=None, last_poll_at=None, set_aside=0)
    return ChannelRow(**{**base, **changes})


def test_health_in_plain_words(qapp):
    at = utcnow().replace(hour=13, minute=5, second=0, microsecond=0)
    clock = at.astimezone().strftime("%H:%M")
    assert health_text(_row()) == "Werkt"
    assert health_text(_row(health="rate_limited", retry_at=at)) == f"Wacht tot {clock} (limiet van het platform)"
    assert health_text(_row(health="backing_off", retry_at=at, reason="HTTP 503")).startswith(f"Probeert opnieuw om {clock}:00")
    assert health_text(_row(health="needs_attention")) == (
        "Actie nodig: het token is verlopen of ingetrokken \u2014 voer een nieuw in")
    assert health_text(_row(health="error", reason="<b>boom</b>\nline")) == "Fout: <b>boom</b> line"
    assert health_text(_row(enabled=False, health="error")) == "Uitgezet"


def test_models_pass_the_model_tester(qtmodeltester, db, platform):
    channel_id = _connect(db)
    with db.transaction() as conn:
        conn.execute(insert(SetAside.__table__).values(channel_id=channel_id, source="connector", reason="malformed", payload="{",
                                                       created_at=utcnow()))
    channels = ChannelsModel()
    channels.set_rows(read_channels(db))
    assert channels.rowCount() == 1 and channels.data(channels.index(0, 5)) == "1"
    qtmodeltester.check(channels)
    items = SetAsideModel()
    items.set_rows(read_set_aside(db))
    qtmodeltester.check(items)


def test_add_a_channel_with_a_test_first(qapp, qtbot, admin, platform):
    window = admin.window
    collector = DeskCollector(admin.db, SecretStore())
    window.collector = collector
    seen = {}

    async def main():
        collector.start()
        window.show_channels()
        dialog = await until(lambda: isinstance(window.dialog, ChannelsDialog) and window.dialog)
        assert dialog.add_button.isEnabled()
        dialog.add_channel()
        add = await until(lambda: isinstance(dialog.dialog, AddChannelDialog) and dialog.dialog)
        add.platform.setCurrentIndex(add.platform.findData("other"))
        assert add.fields["base_url"].accessibleName() == "Serveradres"
        add.name.setText("Scripted")
        add.test_button.click()  # nothing filled in yet
        assert add.problem.text() == "Vul 'Serveradres' in."
        add.fields["base_url"].setText("https://scripted.test")
        add.fields["username"].setText("gemeente")
        add.secret.setText("wrong")
        assert add.secret.echoMode() == add.secret.EchoMode.Password
        add.test_button.click()
        await until(lambda: not add.progress.bar.isVisible())
        seen["wrong"] = add.progress.result.text()
        add.secret.setText("good")
        add.test_button.click()
        await until(lambda: not add.progress.bar.isVisible())
        seen["good"] = add.progress.result.text()
        platform.check_delay = 30  # a test that takes long can be stopped
        add.test_button.click()
        assert add.progress.cancel.isVisibleTo(add)
        add.progress.cancel.click()
        seen["stopped"] = add.progress.result.text()
        platform.check_delay = 0
        add.save_button.click()
        await until(lambda: dialog.model.rowCount() == 1, timeout=10)
        seen["row"] = [dialog.model.data(dialog.model.index(0, c)) for c in range(4)]
        await until(lambda: window.collector.running)
        dialog.reject()
        await collector.close()

    run_on_loop(qapp, main)
    assert seen["wrong"] == "Verbinding werkt niet: the token was refused"
    assert seen["good"] == "Verbinding werkt: logged in as gemeente"
    assert seen["stopped"] == "Test gestopt."
    assert seen["row"] == ["Scripted", "Webformulier", scripted.ACCOUNT, "Werkt"]
    channel = load_channels(admin.db)[0]
    assert SecretStore().get(channel) == "good"  # in the keyring, not the database
    with admin.db.read() as conn:
        assert "good" not in (conn.execute(select(CHANNELS.c.options)).scalars().all()[-1] or "")


def test_no_keyring_means_a_clear_message_and_nothing_stored(qtbot, admin, platform, monkeypatch):
    def refuse(self, channel, value, name="secret"):
        raise NoKeyring("no keyring backend")

    monkeypatch.setattr(SecretStore, "set", refuse)
    window = admin.window
    window.show_channels()
    dialog = admin.wait_dialog()
    dialog.add_channel()
    qtbot.waitUntil(lambda: isinstance(dialog.dialog, AddChannelDialog))
    add = dialog.dialog
    add.platform.setCurrentIndex(add.platform.findData("other"))
    add.fields["base_url"].setText("https://scripted.test")
    add.fields["username"].setText("gemeente")
    add.secret.setText("good")
    add.save_button.click()
    qtbot.waitUntil(lambda: "sleutelbos" in add.problem.text())
    assert "niets opgeslagen" in add.problem.text() and add.isVisible()
    assert read_channels(admin.db) == []
    add.reject()
    dialog.reject()


def test_everyone_may_look_only_an_admin_changes(qtbot, harness, platform):
    _connect(harness.db)
    harness.table.setFocus()
    harness.key(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = harness.wait_dialog()
    assert isinstance(dialog, ChannelsDialog) and dialog.model.rowCount() == 1
    assert dialog.test_button.isEnabled()
    assert not any(b.isEnabled() for b in (dialog.add_button, dialog.secret_button, dialog.enable_button, dialog.remove_button))
    assert dialog.table.accessibleName() == "Kanalen"
    dialog.reject()


def test_set_aside_payload_is_shown_as_plain_text_and_can_be_dismissed(qtbot, admin, platform):
    channel_id = _connect(admin.db)
    payload = '<b>vet</b> <script>alert(1)</script> \u202eexe.fdp {"broken": '
    with admin.db.transaction() as conn:
        conn.execute(insert(SetAside.__table__).values(channel_id=channel_id, source="connector", reason="not JSON: <i>x</i>",
                                                       payload=payload, created_at=utcnow()))
    admin.window.show_channels()
    dialog = admin.wait_dialog()
    assert dialog.set_aside_model.rowCount() == 1
    dialog.set_aside.selectRow(0)
    assert dialog.payload.isReadOnly()
    assert dialog.payload.toPlainText() == visible(payload)
    assert "\u27e8U+202E\u27e9" in dialog.payload.toPlainText()
    assert dialog.set_aside_model.data(dialog.set_aside_model.index(0, 2)) == "not JSON: <i>x</i>"
    assert dialog.model.data(dialog.model.index(0, 5)) == "1"
    dialog.dismiss_button.click()
    admin.wait_idle()
    qtbot.waitUntil(lambda: dialog.set_aside_model.rowCount() == 0)
    dialog.reject()


def test_disable_and_remove_a_channel(qtbot, admin, platform):
    channel_id = _connect(admin.db)
    admin.window.show_channels()
    dialog = admin.wait_dialog()
    dialog.table.selectRow(0)
    assert dialog.enable_button.text() == "&Uitzetten"
    dialog.enable_button.click()
    admin.wait_idle()
    qtbot.waitUntil(lambda: dialog.model.data(dialog.model.index(0, 3)) == "Uitgezet")
    assert dialog.enable_button.text() == "&Aanzetten"
    dialog.remove_button.click()
    box = dialog.dialog
    qtbot.waitUntil(box.isVisible)
    next(b for b in box.buttons() if b.text() == "Verwijderen").click()
    admin.wait_idle()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    with admin.db.read() as conn:
        assert conn.execute(select(CHANNELS.c.options).where(CHANNELS.c.id == channel_id)).scalar() is None
    dialog.reject()


def test_a_new_secret_clears_needs_attention(qtbot, admin, platform):
    channel_id = _connect(admin.db, secret="old")
    set_health(admin.db, channel_id, "needs_attention", "token revoked")
    admin.window.show_channels()
    dialog = admin.wait_dialog()
    dialog.table.selectRow(0)
    dialog.new_secret()
    secret = dialog.dialog
    qtbot.waitUntil(secret.isVisible)
    secret.secret.setText("good")
    secret.accept()
    admin.wait_idle()
    qtbot.waitUntil(lambda: dialog.model.data(dialog.model.index(0, 3)) == "Werkt")
    assert SecretStore().get(load_channels(admin.db)[0]) == "good"
    dialog.reject()


def test_an_unwell_channel_shows_in_the_status_bar_and_recovers(harness, platform):
    channel_id = _connect(harness.db)
    window = harness.window
    window.refresh_channels()
    assert not window.health.isVisible()
    until_at = utcnow() + timedelta(minutes=5)
    set_health(harness.db, channel_id, "rate_limited", "slow down", until_at)
    window.refresh_channels()
    assert window.health.isVisible()
    assert window.health.text() == f"Scripted: Wacht tot {until_at.astimezone():%H:%M} (limiet van het platform)"
    assert window.health.accessibleName() == "Staat van de kanalen"
    assert "Wacht tot" in window.health.accessibleDescription()
    assert not window.health.icon().isNull()
    perform(harness.db, "collect_page", SYSTEM, origin="collector", channel_id=channel_id, items=[], cursor=None)  # what the collector does
    window.refresh_channels()
    assert not window.health.isVisible()


def test_new_messages_appear_in_the_open_inbox_keeping_selection_and_scroll(qapp, harness, platform):
    _connect(harness.db)
    window = harness.window
    window.filters.set_order("newest")
    assert window.views.choose("all")
    harness.table.setFocus()
    collector = DeskCollector(harness.db, SecretStore())
    collector.changed.connect(window.on_collector_change)
    seen = {}

    async def main():
        window._select_row(5)
        chosen = window.model.case_id(5)
        scroll = window.table.verticalScrollBar().value()
        before = window.model.rowCount()
        assert collector.start()
        platform.post("De lantaarnpaal in de Dorpsstraat is kapot.")
        platform.post("Er ligt afval naast de container.")
        await until(lambda: window.model.rowCount() >= before + 2)
        seen["selected"] = window.model.case_id(window.table.currentIndex().row()) == chosen
        seen["scroll"] = window.table.verticalScrollBar().value() == scroll
        seen["top"] = window.model.data(window.model.index(0, 3))
        seen["received"] = collector.received
        await collector.close()
        seen["running"] = collector.running

    run_on_loop(qapp, main)
    assert seen["selected"] and seen["scroll"]
    assert seen["received"] == 2 and not seen["running"]
    assert "afval" in seen["top"] or "lantaarnpaal" in seen["top"]
