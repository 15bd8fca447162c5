"""The search box and filter controls above the inbox; they narrow the chosen view."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QWidget

from newsroom.inbox import InboxFilter
from ui import labels
from ui.i18n import tr

SEARCH_DELAY_MS = 300  # typing pauses this long before the search runs


class FilterBar(QWidget):
    """Search (full text, in the core) and filters on status, department, channel, priority, tag; the order."""

    changed = Signal()
    search_submitted = Signal()  # Enter in the search box: go to the results
    escape_pressed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Zoeken in deze weergave (/)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Zoeken"))
        self.search.setAccessibleDescription(
            tr('Zoek in de tekst, het onderwerp en de afzender van de berichten in deze weergave (kies "Alle zaken" '
               'om overal te zoeken). "twee woorden" zoekt een zin, woord* een begin, -woord laat weg. '
               'Enter gaat naar de resultaten, Escape terug naar de lijst.')
        )
        self.search.returnPressed.connect(self._submit)
        self.search.textChanged.connect(self._typed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_changed)
        self._last_search = ""
        layout.addWidget(self.search, 0, 0, 1, 3)

        self.status = self._combo(tr("Status"), tr("Toon alleen zaken met deze status."))
        self.department = self._combo(tr("Afdeling"), tr("Toon alleen zaken van deze afdeling."))
        self.channel = self._combo(tr("Kanaal"), tr("Toon alleen zaken die via dit kanaal binnenkwamen."))
        self.priority = self._combo(tr("Prioriteit"), tr("Toon alleen zaken met deze prioriteit."))
        self.tag = self._combo(tr("Label"), tr("Toon alleen zaken met dit label."))
        self.order = self._combo(tr("Volgorde"), tr("De volgorde van de inbox."))
        layout.addWidget(self.order, 0, 3, 1, 2)  # two columns wide: "Nieuwste treffer eerst" stays readable
        for column, combo in enumerate((self.status, self.department, self.channel, self.priority, self.tag)):
            layout.addWidget(combo, 1, column)
        for column in range(5):
            layout.setColumnStretch(column, 1)

        self.status.addItem(tr("Elke status"), None)
        for value in labels.STATUS:
            self.status.addItem(labels.status(value), (value,))
        self.priority.addItem(tr("Elke prioriteit"), None)
        for value in labels.PRIORITY:
            self.priority.addItem(labels.priority(value), value)
        self.set_order_choices(searching=False)
        self.set_departments({})
        self.set_channels({})
        self.set_tags({})
        for combo in (self.status, self.department, self.channel, self.priority, self.tag, self.order):
            combo.currentIndexChanged.connect(self._combo_changed)

    def _combo(self, name: str, description: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setAccessibleDescription(description)
        combo.setToolTip(description)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)
        return combo

    # -- choices that come from the database -----------------------------------

    def _refill(self, combo: QComboBox, everything: str, items: list[tuple[object, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        position = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, position))
        combo.blockSignals(False)

    def set_departments(self, departments: dict[int, str]) -> None:
        items = sorted(departments.items(), key=lambda item: item[1].lower())
        self._refill(self.department, tr("Elke afdeling"), items)

    def set_channels(self, channels: dict[int, tuple[str, str]]) -> None:
        items = sorted(
            ((cid, f"{labels.platform(platform)} \u00b7 {account}") for cid, (platform, account) in channels.items()),
            key=lambda item: item[1].lower(),
        )
        self._refill(self.channel, tr("Elk kanaal"), items)

    def set_tags(self, tags: dict[int, str]) -> None:
        items = sorted(tags.items(), key=lambda item: item[1])
        self._refill(self.tag, tr("Elk label"), items)

    def set_order_choices(self, *, searching: bool) -> None:
        current = self.order.currentData()
        self.order.blockSignals(True)
        self.order.clear()
        if searching:
            self.order.addItem(tr("Nieuwste treffer eerst"), "newest")
            self.order.addItem(tr("Beste treffer eerst"), "relevance")
        else:
            self.order.addItem(tr("Eerst nodig"), "due")
            self.order.addItem(tr("Nieuwste eerst"), "newest")
        position = self.order.findData(current)
        self.order.setCurrentIndex(max(0, position))
        self.order.blockSignals(False)

    def set_order(self, order: str) -> None:
        position = self.order.findData(order)
        if position >= 0:
            self.order.setCurrentIndex(position)

    # -- the filter -------------------------------------------------------------

    def search_text(self) -> str:
        return self.search.text().strip()

    def current_order(self) -> str:
        return self.order.currentData() or "due"

    def narrow(self, base: InboxFilter) -> InboxFilter:
        """The view's filter `base` narrowed by these controls."""
        changes: dict = {}
        if self.status.currentData() is not None:
            changes["statuses"] = self.status.currentData()
        if self.department.currentData() is not None:
            changes["department_id"] = self.department.currentData()
        if self.channel.currentData() is not None:
            changes["channel_id"] = self.channel.currentData()
        if self.priority.currentData() is not None:
            changes["priority"] = self.priority.currentData()
        if self.tag.currentData() is not None:
            changes["tag_id"] = self.tag.currentData()
        changes["search"] = self.search_text() or None
        return replace(base, **changes)

    def is_narrowed(self) -> bool:
        return bool(self.search_text()) or any(
            combo.currentIndex() > 0 for combo in (self.status, self.department, self.channel, self.priority, self.tag)
        )

    def clear(self) -> None:
        for combo in (self.status, self.department, self.channel, self.priority, self.tag):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._last_search = ""
        self.set_order_choices(searching=False)
        self.changed.emit()

    # -- events -----------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        self._search_timer.start()

    def _search_changed(self) -> None:
        text = self.search_text()
        if text == self._last_search:
            return
        self._last_search = text
        self.set_order_choices(searching=bool(text))
        self.changed.emit()

    def _submit(self) -> None:
        self._search_timer.stop()
        self._search_changed()
        self.search_submitted.emit()

    def _combo_changed(self, _index: int) -> None:
        self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)
