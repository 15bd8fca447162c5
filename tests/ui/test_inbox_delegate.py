"""The inbox's own delegate paints exactly what Qt's standard delegate paints, only cheaper."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyledItemDelegate

from newsroom.actions import perform, resolve_actor
from newsroom.demo.seed import DEMO_USER
from tests.ui.conftest import HOSTILE, ingest_text
from ui.inbox_delegate import InboxDelegate
from ui.inbox_model import COLUMN


def _pictures(harness):
    """The list's visible rows, painted by Qt's standard delegate and by the inbox's."""
    table = harness.table
    viewport = table.viewport()
    shown = QRect(0, 0, viewport.width(), viewport.height())
    pictures = []
    for delegate in (QStyledItemDelegate(table), harness.window.table_delegate):
        table.setItemDelegate(delegate)
        pictures.append(viewport.grab(shown).toImage())
    return pictures


@pytest.mark.parametrize("order", ["due", "newest"])
def test_the_inbox_delegate_paints_pixel_for_pixel_what_qt_paints(harness, order):
    """Bold new and urgent cases, greyed closed ones, channel icons, countdown colours and
    clock faces, the selected row and the current cell, elided long text, right-aligned age."""
    window = harness.window
    sanne = resolve_actor(harness.db, DEMO_USER)
    window.views.choose("all")
    window.filters.set_order(order)
    model = window.model
    for row in (1, 2):  # closed rows among open ones
        perform(harness.db, "set_status", sanne, origin="desktop", case_id=model.case_id(row), status="closed")
    window.refresh_everything()
    harness.wait_idle()
    harness.table.setFocus()
    harness.table.setCurrentIndex(model.index(3, COLUMN["author"]))
    standard, ours = _pictures(harness)
    assert not standard.isNull() and standard.size() == ours.size()
    assert standard == ours

    harness.table.horizontalHeader().resizeSection(COLUMN["author"], 40)  # narrower than its names: elided
    standard, ours = _pictures(harness)
    assert standard == ours


def test_hostile_text_paints_as_qt_paints_plain_text(harness):
    for number, (name, text) in enumerate(HOSTILE.items()):
        ingest_text(harness.db, text, author=f"<i>{name}</i>\u202e", external_id=f"hostile-{number}",
                    subject=f"<h1>{name}</h1>")
    window = harness.window
    window.refresh_everything()
    window.views.choose("all")
    window.filters.set_order("newest")
    harness.wait_idle()
    header = harness.table.horizontalHeader()
    header.resizeSection(COLUMN["snippet"], 700)  # the markup in full view
    standard, ours = _pictures(harness)
    assert standard == ours


def test_text_too_long_for_its_cell_ends_in_an_ellipsis_even_when_marks_have_no_width(harness):
    delegate = harness.window.table_delegate
    harness.table.viewport().repaint()  # the delegate learns the list's font
    combining = "e\u0301" * 400  # 800 characters, half of them without an advance of their own
    static, width, _height = delegate._layout(combining, 60, False, harness.table.textElideMode())
    assert static.text().endswith("\u2026") and width <= 60
    plain = "woord " * 100
    static, width, _height = delegate._layout(plain, 60, False, harness.table.textElideMode())
    assert static.text().endswith("\u2026") and static.text().startswith("woord")
    short = "kort"
    static, _width, _height = delegate._layout(short, 200, True, harness.table.textElideMode())
    assert static.text() == short


def test_a_new_system_font_size_gives_taller_rows_and_text_laid_out_again(harness, qapp):
    table = harness.table
    table.viewport().repaint()
    delegate: InboxDelegate = harness.window.table_delegate
    assert delegate._laid_out
    before = table.verticalHeader().defaultSectionSize()
    original = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(original.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    try:
        harness.qtbot.waitUntil(lambda: table.verticalHeader().defaultSectionSize() > before)  # font changes are posted
        standard, ours = _pictures(harness)
        assert standard == ours
    finally:
        qapp.setFont(original)
        harness.qtbot.waitUntil(lambda: table.verticalHeader().defaultSectionSize() == before)


def test_the_next_page_is_laid_out_while_the_person_reads_this_one(harness):
    window, table = harness.window, harness.table
    window.views.choose("all")
    harness.wait_idle()
    table.viewport().repaint()
    harness.qtbot.waitUntil(lambda: not window._ahead.isActive())
    laid_out = window.table_delegate._laid_out
    before = len(laid_out)
    bar = table.verticalScrollBar()
    bar.setValue(bar.value() + bar.pageStep())
    table.viewport().repaint()
    assert len(laid_out) == before  # the page painted from layouts made before it was shown
    harness.qtbot.waitUntil(lambda: not window._ahead.isActive())
    assert len(laid_out) > before  # and the page after it is ready in turn


def test_laying_out_ahead_reads_nothing_from_the_database(harness):
    model = harness.window.model
    harness.window.views.choose("all")
    harness.wait_idle()
    far = model.rowCount() - 1
    assert far // model.BLOCK not in model._blocks
    assert model.cached_paint_cell(far, COLUMN["snippet"]) is None
    assert far // model.BLOCK not in model._blocks
    painted = model.paint_cell(0, COLUMN["snippet"])  # reads the first block
    assert model.cached_paint_cell(0, COLUMN["snippet"]) == painted


def test_a_theme_change_paints_as_qt_paints_in_the_new_style_and_colours(harness):
    from ui import theme

    table = harness.table
    table.viewport().repaint()
    try:
        theme.apply("dark")  # a style of its own where the platform cannot switch
        harness.qtbot.wait(10)  # palette and style changes are posted
        standard, ours = _pictures(harness)
        assert standard == ours
    finally:
        theme.apply("system")
