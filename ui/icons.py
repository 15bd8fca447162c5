"""Icons: the application icon from resources/icons, channel marks painted at run time.

Channel marks are painted rather than shipped: a coloured tile with a
letter reads in light and dark themes alike and needs no trademarked logos.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

_MARKS = {
    "mastodon": ("#6364ff", "M"),
    "bluesky": ("#1185fe", "B"),
    "x": ("#333333", "X"),
    "facebook": ("#1877f2", "f"),
    "instagram": ("#c13584", "I"),
    "whatsapp": ("#1da851", "W"),
    "email": ("#5f6b7a", "@"),
    "signalen": ("#b45309", "S"),
    "open311": ("#047857", "3"),
    "other": ("#6d28d9", "\u2261"),
}


def app_icon() -> QIcon:
    return QIcon(str(ICONS / "newsroom.svg"))


@cache
def channel_icon(platform: str, size: int = 16) -> QIcon:
    """A small coloured tile with the platform's letter."""
    color, letter = _MARKS.get(platform, _MARKS["other"])
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        rect = QRectF(0, 0, size * scale, size * scale)
        painter.drawRoundedRect(rect, 3 * scale, 3 * scale)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * scale * 0.68))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, letter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
