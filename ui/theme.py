"""Light, dark or the system's scheme (Qt 6.5+ style hints); fonts always the system's.

No style sheets and no fixed font sizes: every size in the window derives
from the system font, so a larger system font makes the whole window
larger. The colour scheme is asked of the platform first; where the
platform cannot switch (no desktop theme, as on a bare X server), a light
or dark palette for the Fusion style stands in.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
_original_style: str | None = None


def apply(theme: str) -> None:
    """Follow the system (`system`) or use `light` / `dark`."""
    global _original_style
    app = QApplication.instance()
    hints = QGuiApplication.styleHints()
    if _original_style is None:
        _original_style = app.style().name()
    if theme not in SCHEMES:
        hints.unsetColorScheme()
        app.setStyle(QStyleFactory.create(_original_style) or app.style())
        app.setPalette(app.style().standardPalette())
        return
    hints.setColorScheme(SCHEMES[theme])
    standard = app.style().standardPalette()
    if _is_dark(standard) == (theme == "dark"):
        app.setPalette(standard)  # the platform switched (or already looks that way)
        return
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())


def dark_palette() -> QPalette:
    """A dark palette with readable contrast (text on base about 14:1)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#272727",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#7ab4ff",
        QPalette.ColorRole.Highlight: "#2f6db5",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Light: "#505050",
        QPalette.ColorRole.Midlight: "#404040",
        QPalette.ColorRole.Mid: "#303030",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def current_scheme() -> str:
    """'dark' or 'light' as the window looks now."""
    return "dark" if _is_dark(QApplication.palette()) else "light"
