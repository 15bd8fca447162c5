"""Light, dark or the system's scheme (Qt 6.5+ style hints); fonts always the system's.

No style sheets and no fixed font sizes: the palette of the platform style
follows the colour scheme, and every size in the window derives from the
system font, so a larger system font makes the whole window larger.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def apply(theme: str) -> None:
    """Follow the system (`system`) or force `light` / `dark`."""
    hints = QGuiApplication.styleHints()
    if theme in SCHEMES and hasattr(hints, "setColorScheme"):
        hints.setColorScheme(SCHEMES[theme])
    elif hasattr(hints, "unsetColorScheme"):
        hints.unsetColorScheme()


def current_scheme() -> str:
    scheme = QGuiApplication.styleHints().colorScheme()
    return {Qt.ColorScheme.Dark: "dark", Qt.ColorScheme.Light: "light"}.get(scheme, "unknown")
