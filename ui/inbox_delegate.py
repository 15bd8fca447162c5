"""The inbox's cells, painted with their text laid out once.

Qt's standard delegate asks the model for seven roles of every cell and lays
its text out again (itemize, shape, elide) at every paint: most of a frame
while paging through a million cases. This delegate asks the model for the
five roles it draws in one call (`InboxModel.paint_cell`), lets the style
draw the cell's panel (the selection, as the style draws it), and keeps each
cell text's layout (a `QStaticText`, already elided to the cell's width) for
the next paint. Text is always plain (`Qt.TextFormat.PlainText`): citizen
text never becomes markup here. The result is the standard delegate's,
pixel for pixel (tests/ui/test_inbox_delegate.py).

What a screen reader, a tooltip or a test reads is unchanged: it comes from
the model's roles, as before.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter, QPalette, QStaticText, QTransform
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionFocusRect, QStyleOptionViewItem

# State bits as ints: Python enum flags cost microseconds per operation, a cell has several.
_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
_CENTER = Qt.AlignmentFlag.AlignCenter
_ICON_NORMAL, _ICON_SELECTED, _ICON_DISABLED = QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Disabled
_TEXT, _HIGHLIGHTED_TEXT = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText
_GROUPS = {  # (enabled, active) -> colour group
    (True, True): QPalette.ColorGroup.Active,
    (True, False): QPalette.ColorGroup.Inactive,
    (False, True): QPalette.ColorGroup.Disabled,
    (False, False): QPalette.ColorGroup.Disabled,
}
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_FOCUS_RECT = QStyle.PrimitiveElement.PE_FrameFocusRect
_NARROW = " .,:;'!|ilIj\u200a\u2009"  # the narrowest characters of a font, for a bound on what fits


def _group(state: int) -> QPalette.ColorGroup:
    return _GROUPS[(bool(state & _ENABLED), bool(state & _ACTIVE))]


class InboxDelegate(QStyledItemDelegate):
    """Paints an inbox cell: the style's panel, the model's icon, its text in its font and colour."""

    CACHE_LIMIT = 8000  # laid-out cell texts kept (some thirty screens of a seven-column list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._laid_out: dict[tuple, tuple[QStaticText, float, float]] = {}  # with its size
        self._font: QFont | None = None
        self._bold: QFont | None = None
        self._metrics: dict[bool, QFontMetrics] = {}
        self._margin = 0
        self._icon_side = 16
        self._style: QStyle | None = None
        self._narrowest: dict[bool, int] = {}
        self._identity = QTransform()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        widget = option.widget
        font = option.font
        # Asked at every paint: a theme change replaces the application's style (and deletes the old one).
        style = widget.style() if widget is not None else QApplication.style()
        if style is not self._style or font != self._font:
            self._relayout(font, style, widget)
        style.drawPrimitive(_PANEL, option, painter, widget)  # the selection, as the style draws it
        cell = index.model().paint_cell(index.row(), index.column())
        if cell is None:
            return  # a row that could not be read (the window says why): its panel only
        text, bold, colour, icon, right = cell
        state = option.state.value
        selected = state & _SELECTED
        rect = option.rect
        x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
        if icon is not None:
            side = self._icon_side
            if not state & _ENABLED:
                mode = _ICON_DISABLED
            else:
                mode = _ICON_SELECTED if selected else _ICON_NORMAL
            icon.paint(painter, QRect(x + self._margin, y + (h - side) // 2, side, side), _CENTER, mode)
        left, width = self._text_box(x, w, icon is not None)
        right_edge = left + width
        if text and width > 0:
            laid_out, text_width, text_height = self._layout(text, width, bold, option.textElideMode)
            if selected:
                pen = option.palette.color(_group(state), _HIGHLIGHTED_TEXT)
            elif colour is not None:
                pen = colour
            else:
                pen = option.palette.color(_group(state), _TEXT)
            painter.setPen(pen)
            painter.setFont(self._bold if bold else self._font)
            # Centred as Qt's item views centre it: the height rounded, the gap halved towards zero,
            # so a text taller than its row (a larger font) sits where the standard delegate puts it.
            top = y + int((h - int(text_height + 0.5)) / 2)
            painter.drawStaticText(QPointF(right_edge - text_width if right else left, top), laid_out)
        if state & _FOCUS:
            focus = QStyleOptionFocusRect()
            if widget is not None:
                focus.initFrom(widget)
            focus.rect = rect
            focus.state = option.state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
            focus.backgroundColor = option.palette.color(
                QPalette.ColorGroup.Normal, QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Window
            )
            style.drawPrimitive(_FOCUS_RECT, focus, painter, widget)

    def lay_out_ahead(self, model, rows, widths: list[int], elide: Qt.TextElideMode, until: float) -> int:
        """Lay out the cells of `rows` that are read already, for columns `widths` wide, before
        they are painted (the page after the one on screen, while the person reads it). Stops at
        `until` (time.perf_counter()); returns how many rows it finished."""
        if self._font is None:
            return 0  # nothing painted yet: the font is not known
        done = 0
        for row in rows:
            for column, width in enumerate(widths):
                cell = model.cached_paint_cell(row, column)
                if cell is None:
                    break
                text, bold, _colour, icon, _right = cell
                _left, room = self._text_box(0, width, icon is not None)
                if text and room > 0:
                    self._layout(text, room, bold, elide)
            done += 1
            if time.perf_counter() >= until:
                break
        return done

    def _text_box(self, x: int, width: int, icon: bool) -> tuple[int, int]:
        """Where a cell's text starts and how wide it may be: the style's margin on each side,
        after the icon and its margins when the cell has one."""
        left = x + self._margin + (self._icon_side + 2 * self._margin if icon else 0)
        return left, x + width - self._margin - left

    def _relayout(self, font: QFont, style: QStyle, widget) -> None:
        self._laid_out.clear()
        self._font = QFont(font)
        bold = QFont(font)
        bold.setBold(True)
        self._bold = bold
        self._metrics = {False: QFontMetrics(self._font), True: QFontMetrics(bold)}
        self._narrowest = {
            key: max(1, min(metrics.horizontalAdvance(c) for c in _NARROW)) for key, metrics in self._metrics.items()
        }
        self._style = style
        # The text margin Qt's own item views use on each side of a cell's text.
        self._margin = self._style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        self._icon_side = self._style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, widget)

    def _layout(self, text: str, width: int, bold: bool, elide: Qt.TextElideMode) -> tuple[QStaticText, float, float]:
        key = (text, width, bold, elide)
        laid_out = self._laid_out.get(key)
        if laid_out is None:
            if len(self._laid_out) >= self.CACHE_LIMIT:
                self._laid_out.clear()
            metrics = self._metrics[bold]
            # Only a prefix can show: lay out no more characters than could fit at the narrowest
            # advance (a 200-character snippet in a column of 15 otherwise costs 200 to shape).
            most = width // self._narrowest[bold] + 2
            if len(text) > most:
                shown = metrics.elidedText(text[:most], elide, width)
                if shown == text[:most]:  # marks without width let the cut text fit: still say it goes on
                    shown = metrics.elidedText(text[:most] + "\u2026", elide, width)
            else:
                shown = metrics.elidedText(text, elide, width)
            static = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(self._identity, self._bold if bold else self._font)
            size = static.size()
            laid_out = self._laid_out[key] = (static, size.width(), size.height())
        return laid_out
