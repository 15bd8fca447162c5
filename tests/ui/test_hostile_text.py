"""Citizen text is shown as plain text: markup literal, invisible characters visible, big messages quick."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import HOSTILE, ingest_text
from ui.inbox_model import COLUMN
from ui.plain import display_lines, one_line, plain_label, visible

# -- the rules ---------------------------------------------------------------------


def test_invisible_characters_become_markers():
    assert visible("a\u202eb") == "a\u27e8U+202E\u27e9b"
    assert visible("af\u200bval") == "af\u27e8U+200B\u27e9val"
    assert visible("x\ufeffy\u2060z") == "x\u27e8U+FEFF\u27e9y\u27e8U+2060\u27e9z"
    assert visible("bel\x07 nul\x00") == "bel\u27e8U+0007\u27e9 nul\u27e8U+0000\u27e9"
    assert visible("regel\r\nregel\rregel") == "regel\nregel\nregel"
    assert visible("tab\there") == "tab\there"


def test_emoji_sequences_stay_whole():
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    assert visible(family) == family
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert visible(scotland) == scotland
    assert visible("a\u200db") == "a\u27e8U+200D\u27e9b"  # a joiner between letters hides something


def test_markup_is_left_alone_by_the_rules():
    assert visible(HOSTILE["script"]) == HOSTILE["script"]
    assert one_line("<b>vet</b>\n\nnieuwe   regel") == "<b>vet</b> nieuwe regel"


def test_long_lines_are_broken_for_display_only_where_needed():
    assert display_lines("kort") == "kort"
    text = "woord " * 2000
    lines = display_lines(text, max_line=4096).split("\n")
    assert all(len(line) <= 4096 for line in lines)
    assert "".join(lines) == text


def test_plain_label_never_guesses_rich_text(qtbot):
    label = plain_label(HOSTILE["html"])
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == HOSTILE["html"]
    assert not label.openExternalLinks()


# -- in the window -----------------------------------------------------------------


@pytest.fixture
def hostile_cases(db):
    cases = {}
    for number, (name, text) in enumerate(HOSTILE.items()):
        cases[name] = ingest_text(db, text, author=f"<i>{name}</i>\u202e", external_id=f"hostile-{number}",
                                  subject=f"<h1>{name}</h1>")
    return cases


def _row_of(window, case_id):
    return window.model.row_of(case_id, near=0, radius=window.model.rowCount())


def test_hostile_text_in_the_table_is_plain(harness, hostile_cases):
    window = harness.window
    window.refresh_everything()
    window.views.choose("all")
    window.filters.set_order("newest")
    model = window.model
    row = _row_of(window, hostile_cases["script"])
    snippet = model.data(model.index(row, COLUMN["snippet"]))
    assert snippet.startswith("<h1>script</h1> \u2014 <script>alert('xss')</script>")
    author = model.data(model.index(row, COLUMN["author"]))
    assert author == "<i>script</i>\u27e8U+202E\u27e9"

    rtl = model.data(model.index(_row_of(window, hostile_cases["rtl"]), COLUMN["snippet"]))
    assert "\u202e" not in rtl and "\u27e8U+202E\u27e9exe.fdp\u27e8U+202C\u27e9" in rtl
    zero = model.data(model.index(_row_of(window, hostile_cases["zero_width"]), COLUMN["snippet"]))
    assert "af\u27e8U+200B\u27e9val" in zero and "\u200b" not in zero
    # The table's delegate draws DisplayRole text as plain text; nothing in it is a tooltip or HTML role.
    assert model.data(model.index(row, COLUMN["snippet"]), Qt.ItemDataRole.ToolTipRole) is None
    harness.table.scrollTo(model.index(row, 0))
    harness.table.viewport().repaint()  # paints without complaint


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_in_the_case_pane_is_plain(harness, hostile_cases, name):
    pane = harness.pane
    pane.load(hostile_cases[name])
    thread = pane.thread.toPlainText()
    expected = visible(HOSTILE[name])
    assert expected in thread
    assert "\u202e" not in thread and "\u200b" not in thread
    html = pane.thread.document().toHtml()
    assert "<script>" not in html and "<b>vet</b>" not in html and "<img" not in html
    if name == "script":
        assert "&lt;script&gt;" in html
    # Every label in the pane shows citizen text as plain text.
    for label in pane.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()
    assert pane.fields["author"].text() == f"<i>{name}</i>\u27e8U+202E\u27e9"
    assert pane.title.text().endswith(f"<h1>{name}</h1>")


def test_a_one_megabyte_message_opens_shortened_then_whole(harness, db):
    text = ("Lange klacht zonder einde " * 40 + "\n") * 1000  # ~1 MB in 1000 long lines
    assert len(text) > 1_000_000
    case_id = ingest_text(db, text, external_id="big-1")
    pane = harness.pane
    pane.load(case_id)
    shown = pane.thread.toPlainText()
    assert len(shown) < 200_000
    assert "nog" in shown and "tekens" in shown
    assert pane.show_all.isVisibleTo(pane)
    pane.show_all.click()
    assert pane.thread.toPlainText().count("Lange klacht") == text.count("Lange klacht")
    assert not pane.show_all.isVisibleTo(pane)


def test_a_one_megabyte_single_line_opens(harness, db):
    text = "x" * 1_048_576  # one line, no spaces: the worst case for text layout
    case_id = ingest_text(db, text, external_id="big-2")
    harness.pane.load(case_id)
    harness.pane.show_all.click()
    assert harness.pane.thread.toPlainText().count("x") >= 1_048_576
    harness.pane.thread.viewport().repaint()
