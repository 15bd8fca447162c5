"""Sending a reply from the case pane, its states in words, retrying a failed one, the length counter."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from newsroom.actions import SYSTEM, perform
from newsroom.channels import connect
from newsroom.inbound import parse_item
from newsroom.model import Reply
from newsroom.secrets import SecretStore
from newsroom.timeutil import utcnow
from tests.ui import scripted
from tests.ui.conftest import ingest_text
from ui.case_pane import graphemes

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
REPLIES = Reply.__table__


@pytest.fixture
def case_id(harness, monkeypatch) -> int:
    """A case from a citizen on a connected (scripted) channel, open in the pane."""
    scripted.use_scripted(monkeypatch)
    connect(harness.db, SYSTEM, platform="other", name="Scripted", options={"base_url": "https://s.test", "username": "g"},
            secret="good", secrets=SecretStore())
    item = {"platform": "other", "channel": scripted.ACCOUNT, "external_id": "c-1", "author": {"name": "Burger"},
            "text": "Wanneer wordt mijn container geleegd?", "received_at": utcnow().isoformat()}
    change = perform(harness.db, "ingest", SYSTEM, origin="demo", items=[parse_item(item)])
    case = change.info["new_case_ids"][0]
    harness.pane.load(case)
    return case


def _replies(db, case_id):
    with db.read() as conn:
        return conn.execute(select(REPLIES.c.id, REPLIES.c.state, REPLIES.c.text).where(REPLIES.c.case_id == case_id)).all()


def _states(pane) -> list[str]:
    model = pane.replies_model
    return [model.data(model.index(i, 0)) for i in range(model.rowCount())]


def test_send_with_ctrl_shift_enter_then_the_states_in_words(qtbot, harness, case_id):
    pane = harness.pane
    assert not pane.replies.isVisibleTo(pane)
    harness.key("r")
    harness.type("Morgen komt de wagen langs.", pane.reply)
    harness.key(Qt.Key.Key_Return, CTRL_SHIFT, widget=pane.reply)
    harness.wait_idle()
    (reply_id, state, text), = _replies(harness.db, case_id)
    assert (state, text) == ("queued", "Morgen komt de wagen langs.")
    assert pane.reply.toPlainText() == ""
    assert _states(pane) == ["In de wachtrij \u2014 Morgen komt de wagen langs."]
    assert "wachtrij" in harness.window.statusBar().currentMessage()

    perform(harness.db, "reply_sending", SYSTEM, origin="collector", reply_id=reply_id)
    pane.reload()
    assert _states(pane)[0].startswith("Wordt verstuurd")
    perform(harness.db, "reply_failed", SYSTEM, origin="collector", reply_id=reply_id, reason="422: text too long")
    pane.reload()
    assert _states(pane)[0].startswith("Mislukt: 422: text too long")
    assert pane.retry.isVisibleTo(pane) and pane.retry.isEnabled()
    model = pane.replies_model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole) == f"Antwoord {reply_id}: Mislukt: 422: text too long"

    pane.retry.click()
    harness.wait_idle()
    assert _replies(harness.db, case_id)[0].state == "queued"
    assert _states(pane)[0].startswith("In de wachtrij")
    assert not pane.retry.isVisibleTo(pane)

    perform(harness.db, "reply_sending", SYSTEM, origin="collector", reply_id=reply_id)
    retry_at = utcnow()
    perform(harness.db, "reply_later", SYSTEM, origin="collector", reply_id=reply_id, reason="HTTP 503", retry_at=retry_at)
    pane.reload()
    assert _states(pane)[0].startswith("Opnieuw proberen om ") and "(HTTP 503)" in _states(pane)[0]
    perform(harness.db, "reply_sending", SYSTEM, origin="collector", reply_id=reply_id)
    perform(harness.db, "reply_sent", SYSTEM, origin="collector", reply_id=reply_id, external_id="out-1")
    pane.reload()
    assert _states(pane)[0].startswith("Verstuurd om ")


def test_sending_the_same_answer_twice_is_refused(harness, case_id):
    pane = harness.pane
    for _ in range(2):
        pane.reply.setPlainText("Dank u, we gaan kijken.")
        pane.send.click()
        harness.wait_idle()
    assert len(_replies(harness.db, case_id)) == 1
    assert "Iemand was u voor" in harness.window.error_label.text()
    assert "al verstuurd of onderweg" in harness.window.error_label.text()


def test_a_case_on_an_unconnected_channel_gets_the_cores_reason(harness):
    case = ingest_text(harness.db, "Mijn stoep is kapot.")  # the demo's e-mail channel is not connected
    harness.pane.load(case)
    harness.pane.reply.setPlainText("We komen kijken.")
    harness.pane.send.click()
    harness.wait_idle()
    message = harness.window.error_label.text()
    assert "niet verbonden" in message and "info@stadsveen.nl" in message
    assert _replies(harness.db, case) == []


def test_the_counter_follows_the_platforms_limit(harness, case_id):
    pane = harness.pane
    assert pane.counter.isVisibleTo(pane) and pane.counter.text() == "0 / 50"  # the scripted platform allows 50
    pane.reply.setPlainText("x" * 49)
    assert pane.counter.text() == "49 / 50" and pane.send.isEnabled()
    assert pane.counter.accessibleDescription() == "Nog 1 tekens over."
    pane.reply.setPlainText("x" * 52)
    assert pane.counter.text() == "52 / 50" and not pane.send.isEnabled()
    assert pane.counter.accessibleDescription() == "2 tekens te veel voor dit platform."
    pane.request_send()
    assert _replies(harness.db, case_id) == []


def test_the_replies_model_passes_the_model_tester(qtmodeltester, harness, case_id):
    harness.pane.reply.setPlainText("Wij pakken het op.")
    harness.pane.send.click()
    harness.wait_idle()
    assert harness.pane.replies_model.rowCount() == 1
    qtmodeltester.check(harness.pane.replies_model)


def test_no_counter_where_the_platform_has_no_limit(harness):
    case = ingest_text(harness.db, "Hallo")
    harness.pane.load(case)
    assert not harness.pane.counter.isVisibleTo(harness.pane)


def test_bluesky_counts_what_a_person_sees(qapp):
    assert graphemes("\U0001f44d\U0001f3fd") == 1  # thumbs up, skin tone
    assert graphemes("e\u0301") == 1
    assert graphemes("abc") == 3
