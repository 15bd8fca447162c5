"""Dutch source strings, English from the .ts: complete, compilable, and used by the window."""
from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from ui import i18n
from ui.i18n import CONTEXT, read_ts, source_strings, ts_path

UI = Path(i18n.__file__).resolve().parent


def test_every_source_string_has_an_english_translation():
    english = read_ts(ts_path("en"))
    missing = {text: where for text, where in source_strings().items() if not english.get((CONTEXT, text))}
    assert not missing, "translate these in resources/translations/newsroom_en.ts (python -m ui.i18n adds them): " + repr(missing)


def test_translations_keep_their_placeholders():
    import string

    for (_context, source), translation in read_ts(ts_path("en")).items():
        fields = {name for _, name, _, _ in string.Formatter().parse(source) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(translation) if name}, source


def test_no_translated_string_is_built_at_run_time():
    # tr(f"...") or tr("a" + b) cannot be looked up in the .ts.
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("tr", "N_"):
                if node.args:
                    assert not isinstance(node.args[0], (ast.JoinedStr, ast.BinOp)), f"{path.name}:{node.lineno}"


def test_lrelease_compiles_the_ts(tmp_path):
    tool = i18n._lrelease()
    assert tool, "pyside6-lrelease ships in the PySide6-Essentials wheel"
    out = tmp_path / "en.qm"
    result = subprocess.run([tool, str(ts_path("en")), "-qm", str(out)], capture_output=True, text=True, check=True)
    assert out.stat().st_size > 1000
    assert "0 unfinished" in result.stdout


@pytest.mark.parametrize("compiled", [True, False])
def test_english_is_installed_with_or_without_lrelease(qapp, tmp_path, monkeypatch, compiled):
    if not compiled:
        monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    translators = i18n.install("en", tmp_path / "cache")
    try:
        assert QCoreApplication.translate(CONTEXT, "Claimen") == "Claim"
        assert i18n.tr("Zaak {id}").format(id=3) == "Case 3"
        kinds = {type(t).__name__ for t in translators}
        assert ("TsTranslator" in kinds) is (not compiled)
    finally:
        i18n.uninstall(translators)
    assert i18n.tr("Claimen") == "Claimen"


def test_the_window_speaks_english(qtbot, db, demo_location, tmp_path):
    from tests.ui.conftest import WindowHarness

    translators = i18n.install("en", tmp_path / "cache")
    try:
        harness = WindowHarness(qtbot, db, demo_location)
        try:
            assert harness.pane.buttons["claim"].text() == "Claim"
            assert harness.window.views_model.data(harness.window.views_model.index(1, 0)) == "Unassigned"
            assert harness.window.model.headerData(3, Qt.Orientation.Horizontal) == "Message"
            assert harness.window.windowTitle() == "Newsroom — Sanne de Vries (demo)"
        finally:
            harness.close()
    finally:
        i18n.uninstall(translators)
