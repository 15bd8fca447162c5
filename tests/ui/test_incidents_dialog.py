"""The incidents dialog: the storm (40 posts on four channels) is one incident, accepted with A and answered once,
and every reporter gets the answer on their own channel; declining, taking a case out, the length counter, scanning."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from newsroom.actions import resolve_actor
from newsroom.actions.incidents import incident_detail, list_incidents, scan_incidents
from newsroom.model import Incident, Message, Reply
from tests.core.conftest import ingest
from tests.incidents.test_incident_actions import (
    NOW,
    PLATFORMS,
    connect_channels,
    storm_items,
)
from ui.incidents_dialog import (
    IncidentsDialog,
    IncidentsModel,
    MembersModel,
    length_report,
    open_incidents_dialog,
    read_incidents,
)
from ui.ops import Ops

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
REPLIES = Reply.__table__
MESSAGES = Message.__table__
INCIDENTS = Incident.__table__


def seed_storm(db, connect=PLATFORMS) -> int:
    """The storm on the Kerkstraat, its channels connected, scanned: the one incident's id."""
    ingest(db, *storm_items())
    connect_channels(db, connect)
    report = scan_incidents(db, now=NOW)
    assert len(report["new"]) == 1, report
    return report["new"][0]


@pytest.fixture
def desk(qtbot, db):
    made: list[Ops] = []

    def open_as(user: str = "sanne") -> IncidentsDialog:
        actor = resolve_actor(db, user)
        ops = Ops(db, actor)
        made.append(ops)
        dialog = IncidentsDialog(None, db=db, ops=ops, actor=actor)
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


def _choose(dialog: IncidentsDialog, incident_id: int) -> None:
    dialog.table.setFocus()
    dialog.table.selectRow(dialog.model.row_of(incident_id))
    assert dialog._detail["id"] == incident_id


def _status(db, incident_id: int) -> str:
    with db.read() as conn:
        return conn.execute(select(INCIDENTS.c.status).where(INCIDENTS.c.id == incident_id)).scalar_one()


def test_models_pass_the_model_tester(qtmodeltester, db):
    iid = seed_storm(db)
    incidents = IncidentsModel()
    incidents.set_rows(read_incidents(db))
    row = incidents.row_of(iid)
    assert incidents.data(incidents.index(row, 0)) == "Voorgesteld"
    assert incidents.data(incidents.index(row, 2)) == "40"
    qtmodeltester.check(incidents)
    from ui.incidents_dialog import MemberRow

    members = MembersModel()
    members.set_rows([MemberRow(m["message"], m["case"], m["platform"], m["channel"], m["author"], m["received_at"], m["snippet"])
                      for m in incident_detail(db, iid)["members"]])
    assert members.rowCount() == 40
    qtmodeltester.check(members)


def test_the_storm_is_answered_once_and_every_reporter_gets_it_on_their_own_channel(qtbot, db, desk):
    iid = seed_storm(db)
    dialog = desk()
    _choose(dialog, iid)
    assert dialog.title.text().startswith(f"Incident {iid}: Kerkstraat: boom")
    assert dialog.members.rowCount() == 40
    assert {dialog.members.row(i).platform for i in range(40)} == set(PLATFORMS)
    assert not dialog.composer.isEnabled() and not dialog.send_button.isEnabled()  # proposed: decide first

    qtbot.keyClick(dialog.table, Qt.Key.Key_A)
    _idle(qtbot, dialog)
    assert _status(db, iid) == "accepted"
    assert dialog.message.text().startswith(f"Incident {iid} is geaccepteerd")
    assert dialog.composer.isEnabled() and dialog.focusWidget() is dialog.composer
    assert dialog.send_button.text() == "&Versturen aan 40 melders"

    # Letters typed in the answer are text, not commands; the counter follows the strictest platform.
    qtbot.keyClicks(dialog.composer, "a" * 301)
    assert dialog.composer.toPlainText() == "a" * 301 and _status(db, iid) == "accepted"
    assert dialog.counter.text() == "Bluesky: 301 / 300 (te lang) \u00b7 Mastodon: 301 / 500"
    assert not dialog.send_button.isEnabled()
    dialog.composer.clear()
    answer = "De omgewaaide boom op de Kerkstraat wordt vandaag weggehaald. Dank voor uw melding!"
    qtbot.keyClicks(dialog.composer, answer)
    assert dialog.counter.text().startswith(f"Bluesky: {len(answer)} / 300")
    qtbot.keyClick(dialog.composer, Qt.Key.Key_Return, CTRL_SHIFT)
    _idle(qtbot, dialog)
    assert dialog.message.text() == "40 antwoorden in de wachtrij gezet, elk op het kanaal van de melder."
    assert dialog.composer.toPlainText() == ""

    with db.read() as conn:
        replies = conn.execute(select(REPLIES.c.case_id, REPLIES.c.channel_id, REPLIES.c.text, REPLIES.c.state, REPLIES.c.kind)
                               .where(REPLIES.c.kind == "incident")).all()
        channel_of = dict(conn.execute(select(MESSAGES.c.case_id, MESSAGES.c.channel_id)
                                       .where(MESSAGES.c.case_id.in_([r.case_id for r in replies]),
                                              MESSAGES.c.direction == "in")).all())
    assert len(replies) == 40 and len({r.case_id for r in replies}) == 40
    assert all(r.text == answer and r.state == "queued" for r in replies)
    assert all(r.channel_id == channel_of[r.case_id] for r in replies)  # each on the reporter's own channel
    assert "40 in de wachtrij" in dialog.facts.text()

    # The same answer again is skipped for every case, and said so.
    qtbot.keyClicks(dialog.composer, answer)
    dialog.send_button.click()
    _idle(qtbot, dialog)
    assert dialog.message.text().startswith("0 antwoorden in de wachtrij gezet, elk op het kanaal van de melder. Overgeslagen: zaak ")
    assert "dit antwoord is al verstuurd of onderweg" in dialog.message.text() and "en nog 30" in dialog.message.text()


def test_reporters_on_a_channel_that_is_not_connected_are_named(qtbot, db, desk):
    iid = seed_storm(db, connect=PLATFORMS[:3])
    with db.read() as conn:
        before = conn.execute(select(REPLIES.c.id).where(REPLIES.c.kind == "incident")).all()
    assert not before
    dialog = desk()
    _choose(dialog, iid)
    dialog.accept_button.click()
    _idle(qtbot, dialog)
    dialog.composer.setPlainText("We ruimen de boom vandaag op.")
    dialog.send_button.click()
    _idle(qtbot, dialog)
    text = dialog.message.text()
    assert text.startswith("30 antwoorden in de wachtrij gezet")
    assert "het kanaal Signalen signalen.stadsveen.example is niet verbonden" in text
    with db.read() as conn:
        assert len(conn.execute(select(REPLIES.c.id).where(REPLIES.c.kind == "incident")).all()) == 30


def test_decline_with_d_and_take_a_case_out(qtbot, db, desk):
    iid = seed_storm(db)
    dialog = desk()
    _choose(dialog, iid)
    dialog.members_view.setFocus()
    dialog.members_view.selectRow(0)
    case = dialog.current_member().case
    qtbot.keyClick(dialog.members_view, Qt.Key.Key_Delete)
    _idle(qtbot, dialog)
    assert dialog.message.text() == f"Zaak {case} is uit incident {iid} gehaald."
    assert case not in {m["case"] for m in incident_detail(db, iid)["members"]}
    assert dialog.members.rowCount() == 39
    qtbot.keyClick(dialog.members_view, Qt.Key.Key_D)
    _idle(qtbot, dialog)
    assert _status(db, iid) == "declined"
    assert not dialog.decline_button.isEnabled() and dialog.accept_button.isEnabled()
    # Showing only accepted ones hides it.
    dialog.status.setCurrentIndex(dialog.status.findData("accepted"))
    assert dialog.model.row_of(iid) is None
    dialog.status.setCurrentIndex(dialog.status.findData("declined"))
    assert dialog.model.row_of(iid) is not None


def test_someone_who_may_not_decide_can_look(qtbot, db, desk):
    iid = seed_storm(db)
    dialog = desk("ahmed")  # contact centre
    _choose(dialog, iid)
    assert not dialog.accept_button.isEnabled() and not dialog.decline_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)
    _idle(qtbot, dialog)
    assert _status(db, iid) == "proposed"
    assert not dialog.composer.isEnabled()


def test_scan_now_runs_on_the_worker_with_progress(qtbot, db, desk):
    dialog = desk()
    before = {i["id"] for i in list_incidents(db)}
    dialog.scan_button.click()
    assert dialog.scan_bar.isVisibleTo(dialog) and not dialog.scan_button.isEnabled()
    assert dialog.scan_result.text() == "Zoeken in de berichten van de laatste zes uur\u2026"
    qtbot.waitUntil(lambda: not dialog.scan_bar.isVisibleTo(dialog), timeout=20_000)
    assert "berichten bekeken" in dialog.scan_result.text() and dialog.scan_button.isEnabled()
    found = {i["id"] for i in list_incidents(db)}
    assert {dialog.model.row(i).id for i in range(dialog.model.rowCount())} == found
    assert found >= before


def test_length_report():
    assert length_report("hallo", {"email"}) == ("5 tekens; de platforms van deze melders hebben geen lengtegrens.", True)
    assert length_report("\U0001f469\u200d\U0001f469\u200d\U0001f467" * 2, {"bluesky"}) == ("Bluesky: 2 / 300", True)


def test_open_incidents_dialog_opens_it(qtbot, db):
    actor = resolve_actor(db, "sanne")
    ops = Ops(db, actor)
    try:
        dialog = open_incidents_dialog(None, db, ops, actor)
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.windowTitle() == "Incidenten"
        assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.close()
    finally:
        ops.close()
