"""The Qt binding keeps Python's reference counts: a void call must not release None.

PySide6 6.12.0 under Python 3.11 released None once per call of a method
returning nothing; after enough clicks and keystrokes the app aborted at
exit ("Fatal Python error: none_dealloc" or "bool_dealloc"). pyproject.toml
excludes that release; this test fails if a binding with the bug comes back.
"""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QPushButton


def test_void_and_bool_calls_keep_none_true_and_false_alive(qtbot):
    button = QPushButton("x")
    label = QLabel("")
    qtbot.addWidget(button)
    qtbot.addWidget(label)
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for n in range(500):
        button.setEnabled(n % 2 == 0)
        label.setText("x")
        button.isEnabled()
    after = [sys.getrefcount(x) for x in (None, True, False)]
    # Other code may take a few references meanwhile; the bug drops one per call (hundreds).
    assert all(a >= b - 20 for a, b in zip(after, before)), (before, after)
