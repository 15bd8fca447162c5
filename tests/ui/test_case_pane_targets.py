"""The case pane's response targets: clocks with colour and words, hand-off and send-back by keyboard, templates, crisis statement, hints."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy import select

from newsroom.actions import SYSTEM, perform, resolve_actor
from newsroom.channels import connect
from newsroom.inbound import parse_item
from newsroom.model import Case, CaseEvent, Department, Note, Reply
from newsroom.secrets import SecretStore
from newsroom.targets.calendar import ALWAYS
from newsroom.timeutil import utcnow
from tests.ui import scripted
from ui.case_pane import ORANGE, RED, CasePane, business_span, clock_view, reply_limit
from ui.ops import Ops
from ui.shortcuts import build_actions

CASES, REPLIES, NOTES, EVENTS, DEPARTMENTS = (Case.__table__, Reply.__table__, Note.__table__, CaseEvent.__table__,
                                              Department.__table__)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TARGETS_24_7 = """
[[policy]]
name = "alles"
calendar = "24/7"
first_response = 100
next_response = 100
resolution = 1000
handoff = 600
"""


class PaneHost:
    """The case pane in a window of its own, with the real command table (keys) wired to its public methods."""

    def __init__(self, qtbot, db, user: str = "sanne"):
        self.qtbot = qtbot
        self.db = db
        self.actor = resolve_actor(db, user)
        self.ops = Ops(db, self.actor)
        self.window = QWidget()
        self.window.setWindowTitle("case pane")
        handlers = {
            "handoff": lambda: self.pane.handoff(),
            "sendback": lambda: self.pane.sendback(),
            "template": lambda: self.pane.insert_template(),
            "crisis_statement": lambda: self.pane.insert_crisis_statement(),
        }
        actions = build_actions(self.window, handlers)
        for action in actions.values():
            self.window.addAction(action)
        self.pane = CasePane(db, user, actions, self.window, ops=self.ops)
        QVBoxLayout(self.window).addWidget(self.pane)
        self.errors: list[str] = []
        self.said: list[str] = []
        self.pane.failed.connect(self.errors.append)
        self.pane.said.connect(self.said.append)
        self.ops.changed.connect(lambda _change: self.pane.reload())
        qtbot.addWidget(self.window)
        self.window.resize(520, 900)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        qtbot.waitUntil(self.window.isActiveWindow)

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
        target = widget or self.window.focusWidget() or self.pane
        self.qtbot.waitUntil(target.window().isActiveWindow)
        self.qtbot.keyClick(target, key, modifier)

    def wait_dialog(self):
        self.qtbot.waitUntil(lambda: self.pane.dialog is not None and self.pane.dialog.isVisible())
        dialog = self.pane.dialog
        self.qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.ops.busy, timeout=10_000)

    def close(self) -> None:
        self.window.close()
        self.ops.close()


@pytest.fixture
def host_for(qtbot, db):
    hosts = []

    def make(user: str = "sanne") -> PaneHost:
        host = PaneHost(qtbot, db, user)
        hosts.append(host)
        return host

    yield make
    for host in hosts:
        host.close()


@pytest.fixture
def channel(db, monkeypatch) -> Iterator[None]:
    """A connected (scripted) channel, so automatic answers can go out."""
    scripted.use_scripted(monkeypatch)
    connect(db, SYSTEM, platform="other", name="Scripted", options={"base_url": "https://s.test", "username": "g"},
            secret="good", secrets=SecretStore())
    yield
    reply_limit.cache_clear()  # the scripted platform's limit (50) must not outlive the test


def ingest(db, text: str, *, minutes_ago: float = 1, author: str = "Burger", n: int = 1, platform: str = "other",
           account: str = scripted.ACCOUNT) -> int:
    item = {"platform": platform, "channel": account, "external_id": f"t-{n}", "author": {"name": author, "id": f"a-{n}"},
            "text": text, "received_at": (utcnow() - timedelta(minutes=minutes_ago)).isoformat()}
    change = perform(db, "ingest", SYSTEM, origin="demo", items=[parse_item(item)])
    return change.info["new_case_ids"][0]


def _colour(label) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()


# -- the clocks ----------------------------------------------------------------------------


def _clock(state="running", due_in=None, target=100, **extra) -> tuple[dict, int]:
    now = 1_800_000_000
    due = None if due_in is None else now + due_in * 60

    def iso(s):
        return None if s is None else datetime.fromtimestamp(s, UTC).isoformat()

    clock = {"clock": "first_response", "seq": 0, "start": iso(now - 3600), "target_minutes": target, "calendar": "24/7",
             "state": state, "due": iso(due), "stop": iso(extra.pop("stop", None)), "met": state == "met",
             "breached": extra.pop("breached", False), "warning": extra.pop("warning", 0), "paused_seconds": 0, **extra}
    return clock, now


def test_business_span_reads_like_a_colleague():
    assert business_span(130) == "2 u 10 min"
    assert business_span(45) == "45 min"
    assert business_span(180) == "3 u"
    assert business_span(0.2) == "minder dan 1 min"


@pytest.mark.parametrize(("due_in", "level", "words"), [
    (60, 0, "nog 1 u"),
    (20, 75, "75%"),
    (5, 90, "90%"),
    (-180, 100, "3 u te laat"),
])
def test_a_running_clock_says_its_level_in_words(due_in, level, words):
    clock, now = _clock(due_in=due_in)
    view = clock_view(clock, now, ALWAYS)
    assert view.level == level
    assert words in view.text
    assert view.text.startswith("Eerste reactie: ")
    if level:
        assert {75: "75%", 90: "90%", 100: "te laat"}[level] in view.description


def test_paused_met_stopped_and_returned_clocks_in_words():
    paused, now = _clock(state="paused", due_in=30, remaining_minutes=42.0)
    assert "gepauzeerd: wacht op burger" in clock_view(paused, now, ALWAYS).text
    assert "nog 42 min over" in clock_view(paused, now, ALWAYS).text
    met, now = _clock(state="met", due_in=30, stop=1_800_000_000 - 60)
    assert "gehaald om" in clock_view(met, now, ALWAYS).text and clock_view(met, now, ALWAYS).level == 0
    late, now = _clock(state="met", due_in=-30, stop=1_800_000_000, breached=True)
    assert clock_view(late, now, ALWAYS).level == 100 and "te laat gehaald" in clock_view(late, now, ALWAYS).text
    returned, now = _clock(state="returned", stop=1_800_000_000, department_id=7)
    returned["clock"], returned["seq"] = "department", 1
    view = clock_view(returned, now, ALWAYS, {7: "Parkeren"})
    assert view.text.startswith("Afdeling #1 (Parkeren): teruggestuurd om")


def test_clocks_turn_orange_at_75_and_red_at_90_and_when_late(qtbot, db, host_for):
    perform(db, "import_targets", resolve_actor(db, "beheer"), text=TARGETS_24_7)
    host = host_for()
    pane = host.pane
    expected = {80: ("75%", ORANGE), 95: ("90%", RED), 400: ("te laat", RED)}
    for n, (minutes, (words, colour)) in enumerate(expected.items(), 1):
        case_id = ingest(db, "De lantaarnpaal brandt niet.", minutes_ago=minutes, n=n, author=f"Burger {n}")
        pane.load(case_id)
        first = pane.clock_lines[0]
        assert first.isVisible()
        assert first.text().startswith("Eerste reactie: ")
        assert words in first.text()
        assert _colour(first) == colour.name()
        assert words in first.accessibleDescription()
        resolution = pane.clock_lines[1]
        assert resolution.text().startswith("Afhandeling: nog ")
        assert _colour(resolution) == pane.palette().color(QPalette.ColorRole.WindowText).name()
    assert "4 u 60 min" not in pane.clock_lines[0].text()


def test_the_countdown_moves_every_30_seconds_without_reading_again(qtbot, db, host_for, monkeypatch):
    perform(db, "import_targets", resolve_actor(db, "beheer"), text=TARGETS_24_7)
    host = host_for()
    pane = host.pane
    pane.load(ingest(db, "Afval niet opgehaald.", minutes_ago=10))
    assert pane._clock_timer.isActive() and pane._clock_timer.interval() == 30_000
    before = pane.clock_lines[0].text()
    assert "nog 1 u 30 min" in before or "nog 1 u 29 min" in before

    def no_reading():
        raise AssertionError("the countdown read the database")

    monkeypatch.setattr(pane._db, "read", no_reading)
    later = pane.clock_views(int(utcnow().timestamp()) + 85 * 60)[0]
    assert later.level == 90 and "90%" in later.text
    pane.update_clocks()  # what the timer runs
    assert pane.clock_lines[0].text() == before
    pane.load(None)
    assert not pane._clock_timer.isActive()


def test_routed_by_rule_and_incident_are_shown_as_plain_text(qtbot, db, host_for):
    pane = host_for().pane
    pane.load(ingest(db, "Boom omgewaaid.", minutes_ago=5))
    detail = dict(pane.detail, routed_by_rule={"id": 3, "name": "<b>Groen</b>\u202e"}, incidents=[4, 9])
    pane._render_clocks(detail)
    assert pane.routed.isVisible() and pane.routed.textFormat() == Qt.TextFormat.PlainText
    assert pane.routed.text() == "Gerouteerd door regel \u201c<b>Groen</b>\u27e8U+202E\u27e9\u201d"
    assert pane.incident.text() == "Hoort bij incident #4, #9"
    pane._render_clocks(dict(pane.detail, routed_by_rule=None, incidents=[]))
    assert not pane.routed.isVisible() and not pane.incident.isVisible()


# -- hand-off and send-back --------------------------------------------------------------------


def test_hand_off_by_keyboard_then_send_back(qtbot, db, host_for, channel):
    host = host_for("sanne")
    pane = host.pane
    case_id = ingest(db, "Mijn parkeervergunning is verlopen.", minutes_ago=3)
    pane.load(case_id)
    with db.read() as conn:
        routed_to = conn.execute(select(CASES.c.department_id).where(CASES.c.id == case_id)).scalar()
    pane.thread.setFocus()
    host.key(Qt.Key.Key_H)
    dialog = host.wait_dialog()
    assert dialog.find.hasFocus()
    qtbot.keyClicks(dialog.find, "parke")
    assert dialog.department() == "Parkeren"
    host.key(Qt.Key.Key_Tab, widget=dialog.find)
    assert dialog.note.hasFocus()
    qtbot.keyClicks(dialog.note, "Vergunning <b>verlopen</b>, graag bellen.")
    assert dialog.holding.isChecked()
    host.key(Qt.Key.Key_Return, widget=dialog.note)
    host.wait_idle()
    qtbot.waitUntil(lambda: pane.dialog is None)

    with db.read() as conn:
        case = conn.execute(select(CASES.c.status, DEPARTMENTS.c.name).join(DEPARTMENTS, DEPARTMENTS.c.id == CASES.c.department_id)
                            .where(CASES.c.id == case_id)).one()
        notes = conn.execute(select(NOTES.c.text).where(NOTES.c.case_id == case_id)).scalars().all()
        replies = conn.execute(select(REPLIES.c.kind, REPLIES.c.state, REPLIES.c.text).where(REPLIES.c.case_id == case_id)).all()
    assert tuple(case) == ("handed_off", "Parkeren")
    assert notes == ["Vergunning <b>verlopen</b>, graag bellen."]
    assert [(r.kind, r.state) for r in replies] == [("holding", "queued")]
    assert "Parkeren" in replies[0].text
    assert "overgedragen aan Parkeren" in host.said[-1] and "tussenbericht" in host.said[-1]

    # The pane shows the new step everywhere: status, the department's clock, the holding answer, history, notes.
    assert pane.fields["status"].text() == "Doorgezet"
    assert any(line.isVisible() and line.text().startswith("Afdeling #1 (Parkeren): nog ") for line in pane.clock_lines)
    model = pane.replies_model
    assert model.data(model.index(0, 0)).startswith("Tussenbericht \u00b7 In de wachtrij \u2014 ")
    assert "tussenbericht" in model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert "overgedragen aan afdeling" in pane.history.toPlainText()
    assert "Vergunning <b>verlopen</b>, graag bellen." in pane.notes.toPlainText()

    # Parkeren sends it back (a supervisor here), with the reason, by Shift+H.
    back = host_for("marieke")
    back.pane.load(case_id)
    back.pane.thread.setFocus()
    back.key(Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    dialog = back.wait_dialog()
    back.key(Qt.Key.Key_Return, widget=dialog.reason)
    assert dialog.isVisible() and dialog.error.isVisible() and "reden" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "Geen vergunningszaak: dit is een boete.")
    back.key(Qt.Key.Key_Return, widget=dialog.reason)
    back.wait_idle()
    qtbot.waitUntil(lambda: back.pane.dialog is None)
    with db.read() as conn:
        status, department = conn.execute(select(CASES.c.status, CASES.c.department_id).where(CASES.c.id == case_id)).one()
        kinds = conn.execute(select(EVENTS.c.kind).where(EVENTS.c.case_id == case_id).order_by(EVENTS.c.id)).scalars().all()
    assert status == "open" and department == routed_to  # back where it was before the hand-off
    assert kinds[-2:] == ["handoff", "sendback"]
    assert back.pane.fields["status"].text() == "Open"
    assert any("teruggestuurd om" in line.text() for line in back.pane.clock_lines if line.isVisible())
    assert "teruggestuurd" in back.pane.history.toPlainText()


def test_hand_off_needs_a_note_and_a_refusal_is_explained_in_dutch(qtbot, db, host_for):
    host = host_for("joost")  # a department agent: the core refuses hand-offs
    case_id = ingest(db, "Container kapot.", minutes_ago=3)
    host.pane.load(case_id)
    host.pane.handoff()
    dialog = host.wait_dialog()
    qtbot.keyClicks(dialog.find, "groen")
    host.key(Qt.Key.Key_Return, widget=dialog.find)
    assert dialog.isVisible() and "notitie" in dialog.error.text()
    qtbot.keyClicks(dialog.note, "Boom")
    host.key(Qt.Key.Key_Return, widget=dialog.note)
    host.wait_idle()
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.isVisible()
    assert dialog.error.text() == "joost (department_agent) mag geen zaken overdragen; dat doet het klantcontactcentrum."
    with db.read() as conn:
        assert conn.execute(select(CASES.c.status).where(CASES.c.id == case_id)).scalar() != "handed_off"
    dialog.reject()


def test_send_back_of_a_case_that_was_not_handed_off_says_so(qtbot, db, host_for):
    host = host_for("marieke")
    host.pane.load(ingest(db, "Vraag.", minutes_ago=1))
    host.pane.sendback()
    assert host.pane.dialog is None
    assert "niet overgedragen" in host.errors[-1]


# -- templates, the crisis statement, readability ---------------------------------------------------


def test_template_picker_previews_for_the_case_and_enter_inserts(qtbot, db, host_for):
    beheer = resolve_actor(db, "beheer")
    perform(db, "add_template", beheer, name="Vergunning", kind="answer",
            body="Beste {naam}, uw zaak {zaaknummer} ligt bij {afdeling}. <script>x</script>")
    perform(db, "add_template", beheer, name="Afval", kind="answer",
            body="Wij komen de container deze week ophalen. Deze wordt door de gemeente gerepareerd.")
    host = host_for()
    pane = host.pane
    case_id = ingest(db, "Hoi", author="<b>Bea</b>\u202e", minutes_ago=2, platform="bluesky", account="stadsveen.bsky.social")
    pane.load(case_id)
    pane.thread.setFocus()
    host.key(Qt.Key.Key_I, CTRL_SHIFT)
    picker = host.wait_dialog()
    qtbot.waitUntil(lambda: picker.model.rowCount() == 2)
    qtbot.keyClicks(picker.find, "vergun")
    assert picker.model.rowCount() == 1
    qtbot.waitUntil(lambda: picker.text() is not None)
    shown = picker.preview.toPlainText()
    assert shown.startswith("Beste <b>Bea</b>\u27e8U+202E\u27e9, uw zaak")
    assert "<script>x</script>" in shown
    assert "/ 300 tekens zoals Bluesky telt" in picker.length.text()
    host.key(Qt.Key.Key_Return, widget=picker.find)
    qtbot.waitUntil(lambda: pane.dialog is None)
    assert pane.reply.toPlainText() == f"Beste <b>Bea</b>\u202e, uw zaak {case_id} ligt bij de gemeente. <script>x</script>"
    qtbot.waitUntil(pane.reply.hasFocus)

    pane.reply.clear()
    pane.insert_template()
    picker = host.wait_dialog()
    qtbot.keyClicks(picker.find, "afval")
    qtbot.waitUntil(lambda: picker.text() is not None)
    assert "lijdend" in picker.hints.text()
    picker.reject()


def test_template_list_model_passes_the_model_tester(qtmodeltester):
    from ui.template_picker import TemplateListModel, TemplateRow

    model = TemplateListModel()
    model.set_templates([TemplateRow(1, "a", "answer", None, "nl", "tekst"), TemplateRow(2, "b", "crisis", "mastodon", "en", "x")])
    qtmodeltester.check(model)
    model.set_filter("tekst")
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_f9_inserts_the_pinned_crisis_statement_or_says_crisis_mode_is_off(qtbot, db, host_for):
    host = host_for()
    pane = host.pane
    pane.load(ingest(db, "Rook bij de haven?", minutes_ago=1))
    pane.thread.setFocus()
    host.key(Qt.Key.Key_F9)
    assert host.errors[-1] == "De crisismodus staat uit: er is geen vastgezet crisisbericht."
    assert pane.reply.toPlainText() == ""
    perform(db, "crisis_on", resolve_actor(db, "marieke"), name="Brand haven", tags=["brand"],
            statement="Er is een grote brand bij de haven. Houd ramen en deuren dicht.")
    pane.thread.setFocus()
    host.key(Qt.Key.Key_F9)
    assert pane.reply.toPlainText() == "Er is een grote brand bij de haven. Houd ramen en deuren dicht."
    assert "Brand haven" in host.said[-1]


def test_readability_hints_while_typing_never_block_sending(qtbot, db, host_for):
    host = host_for()
    pane = host.pane
    pane.load(ingest(db, "Vraag over de afvalstoffenheffing.", minutes_ago=1))
    pane.focus_reply()
    long = " ".join(["woord"] * 30) + "."
    qtbot.keyClicks(pane.reply, long)
    qtbot.waitUntil(pane.hints.isVisible, timeout=3000)
    assert "Zin 1 heeft 30 woorden" in pane.hints.text()
    assert pane.hints.accessibleDescription() == pane.hints.text()
    assert pane.send.isEnabled(), (pane._limit, pane.detail["platform"], pane.reply_length())
    pane.reply.clear()
    qtbot.waitUntil(lambda: not pane.hints.isVisible(), timeout=3000)
