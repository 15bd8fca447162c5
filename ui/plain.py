"""Showing what citizens wrote: always as plain text, with invisible characters made visible.

Citizen text can contain HTML, script tags, right-to-left overrides that
reverse what follows (``U+202E``), zero-width characters that hide words
from a reader or a search, and control characters. Qt would interpret some
of it: a QLabel guesses rich text from a ``<``, a tooltip too. So every
widget that shows citizen text is told it is plain text, and `visible`
replaces the invisible characters with a marker such as ``⟨U+202E⟩``.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

# Format (Cf) and control (Cc) characters plus line/paragraph separators.
# Hard-coded ranges: scanning all of Unicode at start-up costs ~0.3 s.
_INVISIBLE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "]"
)
_ZWJ = "\u200d"
_TAG_RANGE = range(0xE0020, 0xE0080)
_BLACK_FLAG = "\U0001f3f4"
_SPACES = re.compile(r"[\t\n ]+")
MARK_OPEN, MARK_CLOSE = "\u27e8", "\u27e9"  # ⟨ ⟩


def _pictographic(ch: str) -> bool:
    # Emoji and their modifiers; enough to keep family and flag sequences whole.
    code = ord(ch)
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or code in (0xFE0F, 0x20E3) or 0x1F3FB <= code <= 0x1F3FF


def _marker(match: re.Match) -> str:
    ch = match.group()
    text, at = match.string, match.start()
    if ch == _ZWJ and 0 < at < len(text) - 1 and _pictographic(text[at - 1]) and _pictographic(text[at + 1]):
        return ch  # an emoji sequence (👩‍👩‍👧), not a hidden character
    if ord(ch) in _TAG_RANGE or ch == "\U000e007f":
        # Tag characters are the letters of subdivision flags (🏴 + tags).
        start = at
        while start > 0 and ord(text[start - 1]) in range(0xE0020, 0xE0080):
            start -= 1
        if start > 0 and text[start - 1] == _BLACK_FLAG:
            return ch
    return f"{MARK_OPEN}U+{ord(ch):04X}{MARK_CLOSE}"


def visible(text: str | None) -> str:
    """Citizen text with line ends normalised and invisible characters shown as ⟨U+XXXX⟩."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub(_marker, text)


def one_line(text: str | None, limit: int = 300) -> str:
    """Citizen text for a single line (a table cell, a title): visible, spaces collapsed, cut."""
    if not text:
        return ""
    line = _SPACES.sub(" ", visible(text[: limit * 4])).strip()
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"


def display_lines(text: str, max_line: int = 4096) -> str:
    """Break lines longer than `max_line` (at a space where there is one) for display.

    A plain-text view lays out a paragraph as a whole: one 1 MB line takes
    over a second, the same text in 4 kB lines a few milliseconds. The
    break falls where word wrap would put one anyway, so the reader sees
    the same text.
    """
    if len(text) <= max_line:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > max_line:
            cut = line.rfind(" ", max_line // 2, max_line)
            cut = max_line if cut < 0 else cut + 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True, selectable: bool = True) -> QLabel:
    """A QLabel that never interprets its text as HTML and opens no links."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label
