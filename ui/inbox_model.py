"""The inbox as a virtual table: the model holds a window of case ids and fetches rows when painted.

Anki's browser pattern, one step further: a million cases are never all in
memory, not even their ids. The row count comes from the core's live
counts; the ids at a position come from `newsroom.positions.ids_at` in blocks
of `BLOCK` rows when the view paints them; rows are fetched with the ids
and kept in a bounded cache. Filtering, searching and sorting all happen
in SQL, in the core. A search has no positional access, so its results
are paged in with Qt's fetchMore as the view scrolls to the end.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from newsroom import positions
from newsroom.db.engine import Database, DatabaseError
from newsroom.inbox import (
    CaseRow,
    InboxError,
    InboxFilter,
    count_cases,
    cursor_after,
    fetch_rows,
    list_cases,
)
from newsroom.search import EmptySearch
from newsroom.timeutil import utcnow
from ui import labels
from ui.i18n import N_, tr
from ui.icons import channel_icon
from ui.ops import describe_error
from ui.plain import one_line

log = logging.getLogger(__name__)

COLUMNS: tuple[tuple[str, str], ...] = (
    ("status", N_("Status")),
    ("channel", N_("Kanaal")),
    ("author", N_("Afzender")),
    ("snippet", N_("Bericht")),
    ("department", N_("Afdeling")),
    ("assignee", N_("Behandelaar")),
    ("age", N_("Tijd")),
)
COLUMN = {key: number for number, (key, _label) in enumerate(COLUMNS)}
CaseIdRole = Qt.ItemDataRole.UserRole + 1
_CLOSED = ("resolved", "closed")
_AGE, _CHANNEL = COLUMN["age"], COLUMN["channel"]
# Qt hands roles to data() as plain ints; comparing ints is what keeps painting cheap.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
FONT = int(Qt.ItemDataRole.FontRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
CASE_ID = int(CaseIdRole)
WarningRole = Qt.ItemDataRole.UserRole + 2  # the case's warning level now: 0, 75, 90 or 100
WARNING = int(WarningRole)
_ROLES = frozenset({DISPLAY, ACCESSIBLE_TEXT, DECORATION, FONT, FOREGROUND, ALIGNMENT, TOOLTIP, CASE_ID, WARNING})
# What changes in the countdown column as time passes.
_TICK_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.DecorationRole,
               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole, WarningRole]
# The countdown's colours (orange from 75%, red from 90% and when late), readable
# on a light and on a dark base (contrast 4.5:1 or more against either).
_WARNING_COLOURS = {
    False: {75: "#a34a00", 90: "#b91c1c", 100: "#b91c1c"},
    True: {75: "#ffb454", 90: "#ff7b7b", 100: "#ff7b7b"},
}
WARNING_WORDS = {
    75: N_("75% van de termijn is om"),
    90: N_("90% van de termijn is om"),
    100: N_("termijn verlopen"),
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Index = QModelIndex | QPersistentModelIndex


def warning_colour(level: int) -> QColor | None:
    """The countdown's colour at a warning level, for the current theme (None below 75%)."""
    if level < 75:
        return None
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(_WARNING_COLOURS[dark][level])


_ICONS: dict[tuple[int, str], QIcon] = {}


def warning_icon(level: int) -> QIcon | None:
    """A clock face filled to the level (three quarters, nine tenths, full with a "!"): a shape, not only a colour."""
    colour = warning_colour(level)
    if colour is None:
        return None
    key = (level, colour.name())
    icon = _ICONS.get(key)
    if icon is None:
        icon = QIcon()
        for scale in (1, 2):
            size = 14 * scale
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(1.0 * scale, 1.0 * scale, size - 2.0 * scale, size - 2.0 * scale)
            painter.setPen(colour)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            if level >= 100:
                painter.drawEllipse(rect)
                font = QFont()
                font.setBold(True)
                font.setPixelSize(int(size * 0.8))
                painter.setFont(font)
                painter.setPen(QColor("white"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")
            else:
                # Qt's angles: 1/16 degree, counter-clockwise from three o'clock; a clock fills clockwise from twelve.
                painter.drawPie(rect, 90 * 16, -int(360 * 16 * level / 100))
            painter.end()
            icon.addPixmap(pixmap)
        _ICONS[key] = icon
    return icon


class InboxModel(QAbstractTableModel):
    """Cases of one filter in one order, fetched a block at a time as the view paints them."""

    BLOCK = 100
    MAX_ROWS = 4000  # cached rows (a few screens either way of every place visited)
    MAX_BLOCKS = 400
    SEARCH_PAGE = 200
    LANDMARK_EVERY = positions.EVERY
    LANDMARK_MIN_ROWS = 20_000  # a shorter list is walked to any offset in a few milliseconds
    LANDMARK_START_MS = 400  # after a list is set (a quick succession of filter changes walks only the last)
    LANDMARK_AGAIN_MS = 2000  # after the list changed, before its landmarks are walked again
    LANDMARK_SLICE_S = 0.003  # the walk goes on in slices this long when the event loop is idle

    failed = Signal(str)  # a read that went wrong, explained
    landmarks_ready = Signal()  # all landmarks of the current list are known
    rows_arrived = Signal()  # a block read ahead is in: rows near the screen can be laid out

    def __init__(self, db: Database, parent=None, *, background: Callable | None = None, landmarks: bool | None = None):
        super().__init__(parent)
        self._db = db
        # `background(fn, *args, on_done=...)` runs a read off the UI thread (Ops.read);
        # with it the next block is read while the person looks at this one.
        self._background = background
        # Landmarks (newsroom.positions): the sort key of every LANDMARK_EVERY-th row of the list,
        # so that a jump reads on from the nearest one instead of walking the index from the top.
        # They are walked in slices of a few milliseconds whenever the event loop is idle: on two
        # cores a walk on a thread of its own slowed the paints it ran beside.
        self._landmarks_on = background is not None if landmarks is None else landmarks
        self._walk: positions.Walk | None = None
        self._marks: positions.Landmarks | None = None
        self._marks_wait = QTimer(self)
        self._marks_wait.setSingleShot(True)
        self._marks_wait.timeout.connect(self._start_walk)
        self._marks_slice = QTimer(self)
        self._marks_slice.setSingleShot(True)
        self._marks_slice.setInterval(0)
        self._marks_slice.timeout.connect(self._walk_slice)
        self._generation = 0
        self._prefetching: set[int] = set()
        # Blocks asked for while painting: their reads start once the paint is done, so that a
        # read's Python work on the worker never competes with the paint for the interpreter.
        self._prefetch_wanted: set[int] = set()
        self._prefetch_soon = QTimer(self)
        self._prefetch_soon.setSingleShot(True)
        self._prefetch_soon.setInterval(0)
        self._prefetch_soon.timeout.connect(self._start_prefetches)
        self._filter = InboxFilter()
        self._order = "due"
        self._count = 0
        self._blocks: dict[int, list[int]] = {}
        self._cursors: dict[int, str | None] = {}  # block -> keyset cursor after its last row
        self._rows: OrderedDict[int, CaseRow] = OrderedDict()
        self._search_ids: list[int] | None = None
        self._search_next: str | None = None
        self._fetching = False
        self._now = utcnow()
        self._memo: dict[int, tuple[CaseRow, tuple[str, ...], dict]] = {}  # row -> (case row, cell texts, painted cells)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- what the model shows ---------------------------------------------------

    @property
    def filter(self) -> InboxFilter:
        return self._filter

    @property
    def order(self) -> str:
        return self._order

    @property
    def searching(self) -> bool:
        return self._search_ids is not None

    def set_filter(self, flt: InboxFilter, order: str = "due") -> None:
        """Show the cases of `flt` in `order` (due or newest; newest or relevance when searching)."""
        self.beginResetModel()
        self._filter, self._order = flt, order
        self._generation += 1
        self._forget_landmarks()
        self._prefetching.clear()
        self._prefetch_wanted.clear()
        self._memo.clear()
        self._blocks.clear()
        self._cursors.clear()
        self._search_ids = [] if flt.search else None
        self._search_next = None
        self._count = 0
        try:
            with self._db.read() as conn:
                if flt.search:
                    self._search_page(conn, None)
                else:
                    self._count = count_cases(conn, flt)
        except (DatabaseError, InboxError, EmptySearch) as error:
            self._search_ids = [] if flt.search else None
            self._count = 0
            self.failed.emit(describe_error(error))
        self.endResetModel()
        self._schedule_walk(self.LANDMARK_START_MS)

    def refresh(self, case_ids=()) -> None:
        """The cases `case_ids` changed (and perhaps which cases the filter holds): show it.

        Keeps row positions where it can, so the view keeps its scroll
        position and selection; only the rows' contents and the count move.
        """
        self._memo.clear()
        self._generation += 1
        self._prefetching.clear()
        self._prefetch_wanted.clear()
        if self._marks is not None or self._walk is not None:
            # Any change may move every position after it: read by offset until they are walked
            # again, a while later (a stream of changes restarts no waiting walk: it walks every
            # LANDMARK_AGAIN_MS at most).
            waiting = self._marks_wait.isActive()
            self._forget_landmarks()
            if not waiting:
                self._schedule_walk(self.LANDMARK_AGAIN_MS)
        for case_id in case_ids:
            self._rows.pop(case_id, None)
        if self._search_ids is None:
            self._blocks.clear()
            self._cursors.clear()
            try:
                with self._db.read() as conn:
                    count = count_cases(conn, self._filter)
            except DatabaseError as error:
                self.failed.emit(describe_error(error))
                return
            self._resize(count)
        self._all_changed()

    def refresh_all(self) -> None:
        """Something outside this desk changed the database: forget every cached row."""
        self._rows.clear()
        self.refresh()

    def restyle(self) -> None:
        """The palette changed (theme): the rows' colours are read again."""
        self._memo.clear()
        self._all_changed()

    def _all_changed(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def tick(self) -> None:
        """Time moved on: the age and countdown column changes (its text, colour and warning)."""
        self._now = utcnow()
        if self._count:
            column = COLUMN["age"]
            self.dataChanged.emit(self.index(0, column), self.index(self._count - 1, column), _TICK_ROLES)

    @property
    def now(self) -> datetime:
        """The instant the countdowns are shown for (moved on by `tick`)."""
        return self._now

    # -- landmarks ---------------------------------------------------------------

    @property
    def landmarks(self) -> positions.Landmarks | None:
        """The landmarks of the current list known so far (None: none, or the list changed since)."""
        return self._marks

    @property
    def landmarks_complete(self) -> bool:
        return self._marks is not None and self._walk is None

    def _forget_landmarks(self) -> None:
        self._marks = None
        self._walk = None
        self._marks_wait.stop()
        self._marks_slice.stop()

    def _schedule_walk(self, delay_ms: int) -> None:
        if (
            not self._landmarks_on
            or self._marks_wait.isActive()
            or self._search_ids is not None
            or not positions.usable(self._filter, self._order)
        ):
            return
        self._marks_wait.start(delay_ms)

    def _start_walk(self) -> None:
        if (
            self._search_ids is not None
            or not positions.usable(self._filter, self._order)
            or self._count < self.LANDMARK_MIN_ROWS
        ):
            return
        self._walk = positions.Walk(self._filter, self._order, self.LANDMARK_EVERY)
        self._marks_slice.start()

    def _walk_slice(self) -> None:
        """A few milliseconds of the walk (one read), then back to the event loop."""
        walk = self._walk
        if walk is None:
            return
        try:
            with self._db.read() as conn:
                done = walk.step(conn, until=time.perf_counter() + self.LANDMARK_SLICE_S)
        except Exception:  # noqa: BLE001 - background work: jumps then walk by offset, as without landmarks
            log.warning("walking the inbox's landmarks failed; jumps walk by offset", exc_info=True)
            self._walk = None
            return
        self._marks = walk.landmarks()
        if done:
            self._walk = None
            self.landmarks_ready.emit()
        else:
            self._marks_slice.start()

    def stop_landmarks(self) -> None:
        """Stop walking (the window closes)."""
        self._forget_landmarks()

    def _usable_landmarks(self) -> positions.Landmarks | None:
        marks = self._marks
        # A count that moved means the list changed where this desk did not see it: by offset instead.
        return marks if marks is not None and marks.total == self._count else None

    def _resize(self, count: int) -> None:
        old = self._count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            self.endRemoveRows()

    # -- rows by position -------------------------------------------------------

    def case_id(self, row: int) -> int | None:
        """The id of the case at `row`, fetching its block if needed."""
        if not 0 <= row < self._count:
            return None
        if self._search_ids is not None:
            return self._search_ids[row]
        block = row // self.BLOCK
        ids = self._blocks.get(block)
        if ids is None:
            ids = self._load_block(block)
        offset = row - block * self.BLOCK
        if offset >= self.BLOCK // 2:
            self._prefetch(block + 1)
        elif block > 0:
            self._prefetch(block - 1)
        return ids[offset] if offset < len(ids) else None

    def case_row(self, row: int) -> CaseRow | None:
        case_id = self.case_id(row)
        if case_id is None:
            return None
        found = self._rows.get(case_id)
        if found is None:
            self._load_rows_near(row)
            found = self._rows.get(case_id)
        else:
            self._rows.move_to_end(case_id)
        return found

    def row_of(self, case_id: int, near: int, radius: int = 2 * BLOCK) -> int | None:
        """Where case `case_id` is now, looking around row `near` (it moves by a few rows at most)."""
        if self._search_ids is not None:
            try:
                return self._search_ids.index(case_id)
            except ValueError:
                return None
        for row in sorted(range(max(0, near - radius), min(self._count, near + radius + 1)), key=lambda r: abs(r - near)):
            if self.case_id(row) == case_id:
                return row
        return None

    def _load_block(self, block: int) -> list[int]:
        """The ids of rows [block * BLOCK, (block + 1) * BLOCK), with their rows.

        Reading on from the block before (scrolling down, the first page) or
        back from the block after (scrolling up after a jump) is a keyset
        page: as cheap at row 900,000 as at row 0. A jump to a block with
        no loaded neighbour reads on from the nearest landmark above it
        (fewer than LANDMARK_EVERY rows to walk), or, before the landmarks
        are known, walks the index to the offset (positions.ids_at).
        """
        try:
            with self._db.read() as conn:
                after = self._cursors.get(block - 1) if block else None
                before = self._cursor_above(block + 1)
                if block == 0 or after is not None:
                    page = list_cases(conn, self._filter, order=self._order, limit=self.BLOCK, after=after)
                    ids = [case_row.id for case_row in page.items]
                    rows = page.items
                elif before is not None:
                    page = list_cases(conn, self._filter, order=self._order, limit=self.BLOCK, before=before)
                    ids = [case_row.id for case_row in page.items]
                    rows = page.items
                else:
                    ids = positions.ids_at(conn, self._usable_landmarks(), self._filter, order=self._order,
                                           offset=block * self.BLOCK, limit=self.BLOCK)
                    rows = fetch_rows(conn, [case_id for case_id in ids if case_id not in self._rows])
        except (DatabaseError, InboxError) as error:
            self.failed.emit(describe_error(error))
            return []
        self._store_block(block, ids, rows)
        return ids

    def _store_block(self, block: int, ids: list[int], rows: list[CaseRow]) -> None:
        if len(self._blocks) >= self.MAX_BLOCKS:
            oldest = next(iter(self._blocks))
            del self._blocks[oldest]
            self._cursors.pop(oldest, None)
        self._blocks[block] = ids
        self._keep(rows)
        if len(ids) == self.BLOCK:
            last = self._rows.get(ids[-1])
            self._cursors[block] = _cursor_after(last, self._order) if last is not None else None

    def _cursor_above(self, block: int) -> str | None:
        """The cursor of the first row of a loaded `block`, to read the block above it."""
        ids = self._blocks.get(block)
        first = self._rows.get(ids[0]) if ids else None
        return _cursor_after(first, self._order) if first is not None and self._order in ("due", "newest") else None

    def _prefetch(self, block: int) -> None:
        """Read `block` in the background once this paint is done (see _start_prefetches)."""
        if self._background is None or block in self._blocks:
            return
        if block in self._prefetch_wanted or block in self._prefetching:
            return
        self._prefetch_wanted.add(block)
        self._prefetch_soon.start()

    def _start_prefetches(self) -> None:
        wanted, self._prefetch_wanted = self._prefetch_wanted, set()
        for block in sorted(wanted):
            self._start_prefetch(block)

    def _start_prefetch(self, block: int) -> None:
        """Read `block` in the background if it continues or precedes a loaded block by keyset."""
        if (
            self._background is None
            or block < 0
            or block in self._blocks
            or block in self._prefetching
            or block * self.BLOCK >= self._count
        ):
            return
        after = self._cursors.get(block - 1) if block else None
        before = None if after is not None or block == 0 else self._cursor_above(block + 1)
        if after is None and before is None and block != 0:
            return
        self._prefetching.add(block)
        generation = self._generation
        self._background(
            _read_page, self._db, self._filter, self._order, self.BLOCK, after, before,
            on_done=lambda items: self._prefetched(generation, block, items),
            on_error=lambda _error: self._prefetching.discard(block),
        )

    def _prefetched(self, generation: int, block: int, items: list[CaseRow]) -> None:
        self._prefetching.discard(block)
        if generation != self._generation or block in self._blocks:
            return  # the list changed meanwhile: this page may be stale
        self._store_block(block, [case_row.id for case_row in items], items)
        self.rows_arrived.emit()

    def _load_rows_near(self, row: int) -> None:
        """Fetch the uncached rows of the block around `row` in one read."""
        start = row - row % self.BLOCK
        ids = [self.case_id(r) for r in range(start, min(self._count, start + self.BLOCK))]
        missing = [case_id for case_id in ids if case_id is not None and case_id not in self._rows]
        try:
            with self._db.read() as conn:
                self._keep(fetch_rows(conn, missing))
        except DatabaseError as error:
            self.failed.emit(describe_error(error))

    def _keep(self, rows: list[CaseRow]) -> None:
        for case_row in rows:
            self._rows[case_row.id] = case_row
            self._rows.move_to_end(case_row.id)
        while len(self._rows) > self.MAX_ROWS:
            self._rows.popitem(last=False)

    # -- search pages -----------------------------------------------------------

    def _search_page(self, conn, after: str | None) -> list[int]:
        order = "relevance" if self._order == "relevance" else "newest"
        page = list_cases(conn, self._filter, order=order, limit=self.SEARCH_PAGE, after=after)
        known = set(self._search_ids or ())
        fresh = [case_row.id for case_row in page.items if case_row.id not in known]
        self._keep(page.items)
        self._search_next = page.next
        if after is None:
            self._search_ids = fresh
            self._count = len(fresh)
        return fresh

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        # Not while rows are going in: a listener to rowsInserted may ask for more at once.
        return (
            not parent.isValid() and not self._fetching and self._search_ids is not None and self._search_next is not None
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        try:
            with self._db.read() as conn:
                fresh = self._search_page(conn, self._search_next)
        except (DatabaseError, InboxError, EmptySearch) as error:
            self._search_next = None
            self.failed.emit(describe_error(error))
            return
        if fresh:
            self._fetching = True
            try:
                self.beginInsertRows(QModelIndex(), self._count, self._count + len(fresh) - 1)
                self._search_ids.extend(fresh)
                self._count += len(fresh)
                self.endInsertRows()
            finally:
                self._fetching = False

    # -- Qt's model interface ---------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return tr(COLUMNS[section][1])
        return None

    # No flags(): QAbstractTableModel's own (enabled, selectable, no children) is what the inbox
    # needs, and answering it in C++ saves a Python call for every painted cell.

    def data(self, index: Index, role: int = DISPLAY):
        # Called for every role a view asks of a cell: kept to dictionary lookups.
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        entry = self._entry(row)
        if entry is None:
            return None
        case_row = entry[0]
        if role == CASE_ID:
            return case_row.id
        if role == WARNING:
            return case_row.warning(self._now)
        if column == _AGE and role in (TOOLTIP, ACCESSIBLE_TEXT):
            level = case_row.warning(self._now)
            if role == TOOLTIP:
                return tr(WARNING_WORDS[level]) if level else None  # the newsroom's words, never citizen text
            text = self._age_text(case_row)
            return f"{text}, {tr(WARNING_WORDS[level])}" if level else text
        if role == TOOLTIP:
            return None
        text, bold, colour, icon, right = self._cell(entry, column)
        if role == DISPLAY or role == ACCESSIBLE_TEXT:
            return text
        if role == FONT:
            return self._bold if bold else None
        if role == FOREGROUND:
            return colour
        if role == DECORATION:
            return icon
        if role == ALIGNMENT:
            return _RIGHT if right else None
        return None

    def paint_cell(self, row: int, column: int) -> tuple | None:
        """What a painted cell shows, in one call: (text, bold, colour or None, icon or None, right-aligned).

        The same answers as the Display, Font, Foreground, Decoration and
        TextAlignment roles (`data` reads them from here); the inbox's
        delegate asks for them all at once.
        """
        entry = self._entry(row)
        return None if entry is None else self._cell(entry, column)

    def cached_paint_cell(self, row: int, column: int) -> tuple | None:
        """`paint_cell` for a row already read; None for one that is not (nothing is read, now or
        ahead: the read-ahead follows what is painted)."""
        if row in self._memo:
            return self._cell(self._memo[row], column)
        if not 0 <= row < self._count:
            return None
        if self._search_ids is not None:
            case_id = self._search_ids[row]
        else:
            ids = self._blocks.get(row // self.BLOCK)
            offset = row % self.BLOCK
            case_id = ids[offset] if ids is not None and offset < len(ids) else None
        case_row = self._rows.get(case_id) if case_id is not None else None
        if case_row is None:
            return None
        return self._cell(self._remember(row, case_row), column)

    def _entry(self, row: int):
        entry = self._memo.get(row)
        if entry is None:
            case_row = self.case_row(row)  # reads its block if needed, and reads ahead
            if case_row is None:
                return None
            entry = self._remember(row, case_row)
        return entry

    def _remember(self, row: int, case_row: CaseRow):
        entry = (case_row, self._texts(case_row), {})
        if len(self._memo) >= 4 * self.BLOCK:
            self._memo.clear()
        self._memo[row] = entry
        return entry

    def _cell(self, entry, column: int) -> tuple:
        case_row, texts, cells = entry
        if column == _AGE:
            # The countdown changes with the clock: never kept. From 75% it has a colour, a
            # clock-face icon and (from 90%) bold type; the level in words is its tooltip.
            level = case_row.warning(self._now)
            if not level:
                return (self._age_text(case_row), False, None, None, True)
            return (self._age_text(case_row), level >= 90, warning_colour(level), warning_icon(level), True)
        cell = cells.get(column)
        if cell is None:
            # New and urgent stand out in the status column; a whole bold row would shout.
            bold = column == 0 and (case_row.status == "new" or case_row.priority in ("high", "urgent"))
            # Closed cases are greyed (the colour follows a theme change: it is read when the row is).
            colour = QApplication.palette().color(QPalette.ColorRole.PlaceholderText) if case_row.status in _CLOSED else None
            icon = channel_icon(case_row.platform) if column == _CHANNEL else None
            cell = cells[column] = (texts[column], bold, colour, icon, False)
        return cell

    def _age_text(self, case_row: CaseRow) -> str:
        # Newest first sorts by the latest message: its age then reads top to bottom.
        since = case_row.last_message_at if self._order == "newest" else case_row.created_at
        return labels.age_or_due(self._now, since, case_row.due_at)

    def _texts(self, row: CaseRow) -> tuple[str, ...]:
        """The row's cells as plain one-line text, computed once per fetched row."""
        status = labels.status(row.status)
        if row.priority in ("high", "urgent"):
            status = f"{status} \u00b7 {labels.priority(row.priority)}"
        if row.subject:
            snippet = one_line(f"{row.subject} \u2014 {row.snippet}", 200)
        else:
            snippet = one_line(row.snippet, 200)
        return (
            status,
            labels.platform(row.platform),
            one_line(row.author, 80),
            snippet,
            row.department or "\u2014",
            row.assignee or "\u2014",
            "",  # age: changes with the clock, computed when painted
        )


def _read_page(db: Database, flt: InboxFilter, order: str, limit: int, after: str | None, before: str | None = None) -> list[CaseRow]:
    """One keyset page, for a background read (its own connection and snapshot)."""
    with db.read() as conn:
        return list_cases(conn, flt, order=order, limit=limit, after=after, before=before).items


def _cursor_after(row: CaseRow, order: str) -> str:
    """The keyset cursor that continues after `row` (after a jump, read on page by page)."""
    return cursor_after(row, order)


