"""The small dialogs of the window: pick one of a list, write a note, a tag, a case to merge with, settings.

They are opened with `open()` (window-modal, no nested event loop) and
report through `accepted`; Enter accepts and Escape cancels in each.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.plain import plain_label
from ui.settings import SCHEMA, Settings


def _buttons(dialog: QDialog, ok_text: str, ok_description: str) -> QDialogButtonBox:
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    ok.setAccessibleName(ok_text)
    ok.setAccessibleDescription(ok_description)
    cancel = box.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAccessibleName(tr("Annuleren"))
    cancel.setAccessibleDescription(tr("Sluit zonder iets te veranderen (Escape)."))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _intro(dialog: QDialog, text: str) -> QLabel:
    label = QLabel(text, dialog)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ChoiceDialog(QDialog):
    """Pick one value from a short list (a department, a colleague, a status, a message)."""

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        prompt: str,
        description: str,
        choices: Sequence[tuple[Any, str]],
        current: Any = None,
        ok_text: str,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self, description))
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(prompt)
        self.combo.setAccessibleDescription(tr("Kies met de pijltjes of typ de eerste letters; Enter bevestigt."))
        for value, text in choices:
            self.combo.addItem(text, value)
        if current is not None and self.combo.findData(current) >= 0:
            self.combo.setCurrentIndex(self.combo.findData(current))
        form = QFormLayout()
        form.addRow(prompt, self.combo)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, ok_text, description))
        self.combo.setFocus()

    def value(self) -> Any:
        return self.combo.currentData()


class TextDialog(QDialog):
    """Write some text (a note). Ctrl+Enter or the button saves."""

    def __init__(self, parent: QWidget, *, title: str, description: str, ok_text: str, placeholder: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self, description))
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(title)
        self.editor.setAccessibleDescription(tr("Ctrl+Enter bewaart, Escape annuleert."))
        self.editor.setPlaceholderText(placeholder)
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor)
        layout.addWidget(_buttons(self, ok_text, description))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.resize(520, 300)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()


class LineDialog(QDialog):
    """Type one line (a tag), with completion from the known ones."""

    def __init__(self, parent: QWidget, *, title: str, prompt: str, description: str, ok_text: str, suggestions: Sequence[str] = ()):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self, description))
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(prompt)
        self.edit.setAccessibleDescription(description)
        if suggestions:
            completer = QCompleter(QStringListModel(list(suggestions), self), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.edit.setCompleter(completer)
        form = QFormLayout()
        form.addRow(prompt, self.edit)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, ok_text, description))
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.text().strip()


class MergeDialog(QDialog):
    """Which case this one joins; shows who wrote that case before you confirm."""

    def __init__(self, parent: QWidget, *, case_id: int, describe: Callable[[int], str | None]):
        super().__init__(parent)
        self._describe = describe
        title = tr("Zaak {id} samenvoegen").format(id=case_id)
        description = tr(
            "Gaat zaak {id} over hetzelfde als een andere zaak? Typ het nummer van die zaak. "
            "De berichten, notities en labels van zaak {id} gaan daarheen; zaak {id} wordt gesloten."
        ).format(id=case_id)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self, description))
        self.edit = QLineEdit(self)
        self.edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.edit.setAccessibleName(tr("Nummer van de zaak om mee samen te voegen"))
        self.edit.setAccessibleDescription(tr("Alleen cijfers. Hieronder ziet u over welke zaak het gaat."))
        form = QFormLayout()
        form.addRow(tr("Samenvoegen met zaak"), self.edit)
        layout.addLayout(form)
        self.preview = plain_label("", self)
        self.preview.setAccessibleName(tr("De gekozen zaak"))
        layout.addWidget(self.preview)
        layout.addWidget(_buttons(self, tr("Samenvoegen"), description))
        self.edit.textChanged.connect(self._changed)
        self.edit.setFocus()
        self.resize(520, 220)

    def _changed(self, text: str) -> None:
        self.preview.setText((self._describe(int(text)) or "") if text.isdigit() else "")

    def target(self) -> int | None:
        text = self.edit.text()
        return int(text) if text.isdigit() else None


class SettingsDialog(QDialog):
    """The settings of the schema that a person sets, and where the data is."""

    def __init__(self, parent: QWidget, settings: Settings, location: Path):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Instellingen"))
        self.setAccessibleName(tr("Instellingen"))
        self.setAccessibleDescription(tr("Taal, thema, de demo en de plek van uw gegevens."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.editors: dict[str, QWidget] = {}
        for setting in SCHEMA:
            if not setting.in_dialog:
                continue
            value = settings.get(setting.name)
            if setting.choices:
                editor = QComboBox(self)
                for choice, text in setting.choices:
                    editor.addItem(tr(text), choice)
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif setting.type is bool:
                editor = QCheckBox(self)
                editor.setChecked(bool(value))
            elif setting.type is int:
                editor = QSpinBox(self)
                low, high = setting.bounds or (0, 1_000_000)
                editor.setRange(low, high)
                editor.setValue(int(value))
            else:
                editor = QLineEdit(str(value), self)
            editor.setAccessibleName(tr(setting.label))
            editor.setAccessibleDescription(tr(setting.description))
            editor.setToolTip(tr(setting.description))
            form.addRow(tr(setting.label), editor)
            self.editors[setting.name] = editor
        place = plain_label(str(location), self)
        place.setAccessibleName(tr("Plek van de gegevens"))
        place.setAccessibleDescription(tr("De map met de database van Newsroom op deze computer."))
        form.addRow(tr("Gegevens"), place)
        open_folder = QPushButton(tr("Map openen"), self)
        open_folder.setAccessibleName(tr("Map openen"))
        open_folder.setAccessibleDescription(tr("Open de map met de gegevens in het bestandsbeheer."))
        open_folder.setAutoDefault(False)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(location))))
        form.addRow("", open_folder)
        layout.addLayout(form)
        note = _intro(self, tr("Een andere taal geldt meteen voor nieuwe vensters en helemaal na een herstart."))
        layout.addWidget(note)
        layout.addWidget(_buttons(self, tr("Bewaren"), tr("Bewaar de instellingen.")))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[name] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                out[name] = editor.value()
            else:
                out[name] = editor.text()
        return out

    def save(self) -> dict[str, Any]:
        """Store the values; returns the ones that changed."""
        changed = {}
        for name, value in self.values().items():
            if self.settings.get(name) != value:
                self.settings.set(name, value)
                changed[name] = value
        self.settings.sync()
        return changed
