"""Desktop notifications: response-target alerts and proposed incidents, a few at a time.

A notification is a title, a plain text and a target (a case, a view, the
incidents). Where the desktop has a system tray it goes there
(`QSystemTrayIcon.showMessage`); otherwise into the window's notification
bar above the inbox, which a screen reader announces. Clicking the tray
message or the bar's *Openen* emits `activated(target)`; the window opens
what it names.

Alerts come in batches (one sweep's worth): one alert is shown as itself,
several as one summary ("12 termijnen verlopen, 3 op 90%"), so a morning
after a long weekend never floods the screen.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from ui.i18n import N_, tr
from ui.icons import app_icon
from ui.plain import one_line

log = logging.getLogger(__name__)

CLOCKS = {
    "first_response": N_("eerste reactie"),
    "next_response": N_("volgende reactie"),
    "resolution": N_("afhandeling"),
    "department": N_("afdeling"),
}
TRAY_MS = 10_000


@dataclass(frozen=True)
class Target:
    """What a notification opens: kind "case" (id), "view" (key) or "incidents" (id or None)."""

    kind: str
    value: int | str | None = None


@dataclass(frozen=True)
class Notice:
    title: str
    text: str
    target: Target | None
    urgent: bool = False


def clock_name(clock: str) -> str:
    return tr(CLOCKS[clock]) if clock in CLOCKS else clock


def alert_notice(alerts: list[dict]) -> Notice | None:
    """One notice for a batch of recorded alerts (rows of `alerts_since`)."""
    if not alerts:
        return None
    if len(alerts) == 1:
        alert = alerts[0]
        who = one_line(alert.get("author_label") or "", 40)
        clock = clock_name(alert["clock"])
        if alert["level"] >= 100:
            title = tr("Termijn verlopen")
            what = tr("de termijn voor {clock} is verlopen").format(clock=clock)
        else:
            title = tr("Termijn bijna op")
            what = tr("{level}% van de termijn voor {clock} is om").format(level=alert["level"], clock=clock)
        text = tr("Zaak {id}{who}: {what}.").format(id=alert["case_id"], who=f" ({who})" if who else "", what=what)
        return Notice(title, text, Target("case", alert["case_id"]), urgent=alert["level"] >= 90)
    levels = Counter(alert["level"] for alert in alerts)
    parts = []
    if levels[100]:
        parts.append(tr("{n} termijnen verlopen").format(n=levels[100]) if levels[100] > 1 else tr("1 termijn verlopen"))
    for level in (90, 75):
        if levels[level]:
            parts.append(tr("{n} op {level}%").format(n=levels[level], level=level))
    cases = len({alert["case_id"] for alert in alerts})
    title = tr("{n} termijnen vragen aandacht").format(n=len(alerts))
    text = tr("{summary} ({cases} zaken). Openen toont de zaken die dreigen te laat te zijn.").format(
        summary=", ".join(parts), cases=cases)
    return Notice(title, text, Target("view", "at_risk"), urgent=bool(levels[100] or levels[90]))


def incident_notice(incident_id: int | None, reporters: int) -> Notice:
    return Notice(
        tr("Mogelijk incident: {n} melders").format(n=reporters),
        tr("Meerdere melders schrijven over hetzelfde. Openen toont de voorgestelde incidenten."),
        Target("incidents", incident_id),
    )


class NotificationBar(QFrame):
    """The in-window notification: one line above the inbox with *Openen* and *Sluiten*."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notification_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Melding"))
        self.setAccessibleDescription(tr("De laatste melding: termijnen die bijna op zijn of verlopen, of een mogelijk incident."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # may quote a citizen's name
        self.label.setWordWrap(True)
        self.label.setAccessibleName(tr("Melding"))
        layout.addWidget(self.label, 1)
        self.open_button = QPushButton(tr("Openen"), self)
        self.open_button.setAccessibleName(tr("Melding openen"))
        self.open_button.setAccessibleDescription(tr("Open de zaak of de lijst waar de melding over gaat."))
        self.open_button.clicked.connect(self.open_requested)
        layout.addWidget(self.open_button)
        self.close_button = QPushButton(tr("Sluiten"), self)
        self.close_button.setAccessibleName(tr("Melding sluiten"))
        self.close_button.setAccessibleDescription(tr("Verberg deze melding."))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.hide()

    def show_notice(self, notice: Notice) -> None:
        self.label.setText(f"{notice.title} \u2014 {notice.text}")
        self.label.setAccessibleDescription(notice.text)
        self.open_button.setVisible(notice.target is not None)
        palette_role = "#b91c1c" if notice.urgent else "#a34a00"
        self.setStyleSheet(f"#notification_bar {{ border: 1px solid {palette_role}; border-left: 4px solid {palette_role}; }}")
        self.show()
        # A screen reader says it without taking the focus from the work.
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.label, f"{notice.title}. {notice.text}"))


class Notifier(QObject):
    """Shows notices in the system tray, or in the window's bar without one; `activated(Target)` on a click."""

    activated = Signal(object)  # Target
    shown = Signal(object)  # Notice, for the status bar and tests

    def __init__(self, bar: NotificationBar, parent: QObject | None = None, *, use_tray: bool | None = None):
        super().__init__(parent)
        self.bar = bar
        self.history: list[Notice] = []
        self._last: Notice | None = None
        if use_tray is None:
            use_tray = QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()
        self.tray: QSystemTrayIcon | None = None
        if use_tray:
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(tr("Newsroom"))
            self.tray.messageClicked.connect(self._open_last)
            self.tray.show()
        bar.open_requested.connect(self._open_last)

    def show(self, notice: Notice | None) -> None:
        if notice is None:
            return
        self._last = notice
        self.history.append(notice)
        del self.history[:-20]
        if self.tray is not None:
            icon = QSystemTrayIcon.MessageIcon.Warning if notice.urgent else QSystemTrayIcon.MessageIcon.Information
            self.tray.showMessage(notice.title, notice.text, icon, TRAY_MS)
        else:
            self.bar.show_notice(notice)
        self.shown.emit(notice)

    def _open_last(self) -> None:
        if self._last is not None and self._last.target is not None:
            self.bar.hide()
            self.activated.emit(self._last.target)

    def close(self) -> None:
        if self.tray is not None:
            self.tray.hide()
