"""Translations: Dutch source strings, English from resources/translations/newsroom_en.ts.

Every user-visible string goes through `tr` (or is marked with `N_` where it
is defined before a translator can exist, and passed through `tr` where it
is shown). The .ts file is the source of truth; it is compiled to .qm with
`pyside6-lrelease` (part of the PySide6-Essentials wheel) the first time it
is needed, into a cache folder. Where lrelease is missing, the .ts itself is
read by `TsTranslator`, so English never depends on a build step.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CONTEXT = "Newsroom"
SOURCE_LANGUAGE = "nl"
LANGUAGES = {"nl": "Nederlands", "en": "English"}
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The translation of a Dutch source string in the current language."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def N_(text: str) -> str:
    """Mark a string for translation where it is defined; `tr` it where it is shown."""
    return text


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"newsroom_{language}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for every finished message of a .ts file."""
    out: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None:
                continue
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            out[(name, source)] = node.text or ""
    return out


class TsTranslator(QTranslator):
    """A translator over a parsed .ts file, for when lrelease is not available."""

    def __init__(self, messages: dict[tuple[str, str], str], parent=None):
        super().__init__(parent)
        self._messages = messages

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self._messages.get((context, source_text), "")

    def isEmpty(self) -> bool:
        return not self._messages


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else None


def compile_ts(ts: Path, out_dir: Path) -> Path | None:
    """The .qm for `ts`: one built at install beside it, else compiled into `out_dir` now."""
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and shipped.stat().st_mtime >= ts.stat().st_mtime:
        return shipped
    qm = out_dir / shipped.name
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = _lrelease()
    if tool is None:
        return None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("could not compile %s with lrelease: %s", ts, error)
        return None
    return qm if qm.exists() else None


def install(language: str, cache_dir: Path) -> list[QTranslator]:
    """Install the translators for `language` on the application; returns them (keep them alive).

    Dutch is the source language and needs none of our own; Qt's own
    strings (standard buttons, context menus) come from Qt's catalogue.
    """
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        language = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English,
                               QLocale.Country.Netherlands if language == "nl" else QLocale.Country.UnitedKingdom))
    installed: list[QTranslator] = []
    qt_own = QTranslator(app)
    if qt_own.load(f"qt_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    if language == SOURCE_LANGUAGE:
        return installed
    ts = ts_path(language)
    if not ts.exists():
        log.warning("no translation file %s; showing Dutch", ts)
        return installed
    qm = compile_ts(ts, cache_dir)
    ours = QTranslator(app)
    if qm is None or not ours.load(str(qm)):
        ours = TsTranslator(read_ts(ts), app)
    app.installTranslator(ours)
    installed.append(ours)
    return installed


def uninstall(translators: list[QTranslator]) -> None:
    app = QCoreApplication.instance()
    for translator in translators:
        app.removeTranslator(translator)


# -- keeping the .ts complete (used by the tests and `python -m ui.i18n`) -----


def source_strings(folder: Path | None = None) -> dict[str, list[str]]:
    """Every literal passed to tr() or N_() in the desktop's code -> where it appears."""
    import ast

    folder = folder or Path(__file__).resolve().parent
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name not in ("tr", "N_"):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, []).append(f"{path.name}:{node.lineno}")
    return found


def add_missing(ts: Path) -> list[str]:
    """Add every source string that the .ts lacks, as an unfinished translation; returns them."""
    tree = ET.parse(ts)
    root = tree.getroot()
    context = next((c for c in root.iter("context") if c.findtext("name") == CONTEXT), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = CONTEXT
    known = {m.findtext("source") for m in context.iter("message")}
    missing = [text for text in source_strings() if text not in known]
    for text in missing:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    for added in add_missing(ts_path("en")):
        print("to translate:", added)
