"""The views on the left: my cases, unassigned, waiting on the citizen, all, at risk, and one per department, with live counts."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from newsroom.actions.common import OPEN_STATUSES
from newsroom.inbox import InboxFilter
from ui import labels
from ui.i18n import N_, tr

OPEN = tuple(sorted(OPEN_STATUSES))
Index = QModelIndex | QPersistentModelIndex
ViewKeyRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class View:
    key: str  # also the key of newsroom.inbox.view_counts
    label: str  # Dutch source text, or a department's own name
    filter: InboxFilter
    translate: bool = True

    @property
    def title(self) -> str:
        return tr(self.label) if self.translate else self.label


def standard_views(user_id: int | None, departments: dict[int, str]) -> list[View]:
    """The views every desk has, then one per department (open cases)."""
    views = []
    if user_id is not None:
        views.append(View("mine", N_("Mijn zaken"), InboxFilter(statuses=OPEN, assignee_id=user_id)))
    views += [
        View("unassigned", N_("Niet toegewezen"), InboxFilter(statuses=OPEN, unassigned=True)),
        # Open cases no routing rule gave a department: the newsroom's own queue.
        View("unrouted", N_("Eigen wachtrij"), InboxFilter(statuses=OPEN, unrouted=True)),
        View("waiting_on_citizen", N_("Wacht op burger"), InboxFilter(statuses=("waiting_on_citizen",))),
        View("open", N_("Alle open zaken"), InboxFilter(statuses=OPEN)),
        View("all", N_("Alle zaken"), InboxFilter()),
        # Judged when read (the filter has no fixed instant): the window re-reads it as the clock ticks.
        View("at_risk", N_("Dreigt te laat"), InboxFilter(statuses=OPEN, at_risk=True)),
    ]
    for dept_id, name in sorted(departments.items(), key=lambda item: item[1].lower()):
        views.append(View(f"department:{dept_id}", name, InboxFilter(statuses=OPEN, department_id=dept_id), translate=False))
    return views


class ViewsModel(QAbstractTableModel):
    """Two columns: the view's name and its count."""

    def __init__(self, views: list[View], parent=None):
        super().__init__(parent)
        self._views = views
        self._counts: dict[str, int] = {}

    @property
    def views(self) -> list[View]:
        return list(self._views)

    def view(self, row: int) -> View | None:
        return self._views[row] if 0 <= row < len(self._views) else None

    def row_of(self, key: str) -> int | None:
        for row, view in enumerate(self._views):
            if view.key == key:
                return row
        return None

    def set_views(self, views: list[View]) -> None:
        self.beginResetModel()
        self._views = views
        self.endResetModel()

    def set_counts(self, counts: dict[str, int]) -> None:
        if counts == self._counts:
            return
        self._counts = dict(counts)
        if self._views:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._views) - 1, 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._views)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section in (0, 1):
            return tr("Weergave") if section == 0 else tr("Aantal")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        view = self.view(index.row())
        if view is None:
            return None
        # A department without open cases has no entry in the counts: that is zero.
        count = self._counts.get(view.key, 0 if self._counts else None)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return view.title
            return "" if count is None else labels.number(count)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if count is None:
                return view.title
            return tr("{view}: {n} zaken").format(view=view.title, n=labels.number(count))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ViewKeyRole:
            return view.key
        return None


class ViewsPanel(QTreeView):
    """The list of views; choosing one emits `view_chosen`."""

    view_chosen = Signal(object)  # View

    def __init__(self, model: ViewsModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(tr("Weergaven"))
        self.setAccessibleDescription(
            tr("Kies welke zaken de inbox toont, met het aantal zaken per weergave. Pijltjestoetsen kiezen.")
        )
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def views_model(self) -> ViewsModel:
        return self.model()  # type: ignore[return-value]

    def choose(self, key: str) -> bool:
        """Select the view `key` (which emits view_chosen); False if there is none."""
        row = self.views_model().row_of(key)
        if row is None:
            return False
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        return True

    def current_view(self) -> View | None:
        index = self.currentIndex()
        return self.views_model().view(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = self.views_model().view(current.row()) if current.isValid() else None
        if view is not None:
            self.view_chosen.emit(view)
