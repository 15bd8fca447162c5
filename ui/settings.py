"""The desktop's settings: one schema (name, type, default, description, bounds) over QSettings.

The schema drives reading, validation and the settings dialog alike. The
values live in an ini file in the data location (``desktop.ini``), shared
by the desk's own data and the demo, so the language chosen in the demo
stays chosen. What belongs to one database (who you are, the last view)
is kept per mode ("own" or "demo").
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ui.i18n import N_

SCHEMA_VERSION = 1
SETTINGS_FILE = "desktop.ini"


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    label: str  # Dutch source text; shown through tr()
    description: str
    choices: tuple[tuple[Any, str], ...] = ()  # (value, Dutch label); labels that are names stay as they are
    bounds: tuple[int, int] | None = None
    per_mode: bool = False  # one value for the own data, another for the demo
    in_dialog: bool = True


SCHEMA: tuple[Setting, ...] = (
    Setting(
        "language", str, "nl", N_("Taal"),
        N_("De taal van Newsroom. Nederlands of Engels."),
        choices=(("nl", "Nederlands"), ("en", "English")),
    ),
    Setting(
        "theme", str, "system", N_("Thema"),
        N_("Licht of donker; 'Systeem' volgt de instelling van uw computer."),
        choices=(("system", N_("Systeem")), ("light", N_("Licht")), ("dark", N_("Donker"))),
    ),
    Setting(
        "inbox_order", str, "due", N_("Volgorde van de inbox"),
        N_("Eerst wat het eerst een antwoord nodig heeft, of de nieuwste berichten bovenaan."),
        choices=(("due", N_("Eerst nodig")), ("newest", N_("Nieuwste eerst"))),
        per_mode=True,
    ),
    Setting(
        "demo_feed_seconds", int, 4, N_("Demo: seconden tussen nieuwe berichten"),
        N_("Hoe vaak de demo nieuwe berichten van burgers laat binnenkomen."),
        bounds=(1, 600),
    ),
    Setting(
        "demo_feed_on", bool, True, N_("Demo: berichten laten binnenkomen bij de start"),
        N_("Zet de stroom nieuwe demo-berichten aan zodra de demo start."),
    ),
    Setting("user", str, "", N_("Gebruiker"), N_("Wie u bent in deze gegevens."), per_mode=True, in_dialog=False),
    Setting("last_view", str, "unassigned", N_("Laatste weergave"), N_("De weergave die u het laatst koos."),
            per_mode=True, in_dialog=False),
)
BY_NAME = {setting.name: setting for setting in SCHEMA}

# schema_version -> function that upgrades the stored values from that version.
MIGRATORS: dict[int, Callable[[QSettings], None]] = {}


class Settings:
    """Typed access to the schema's values; unknown or invalid stored values fall back to the default."""

    def __init__(self, path: Path, *, mode: str = "own"):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # an unusable data folder is reported when the database opens; settings just do not stick
        self.path = path
        self.mode = mode
        self.store = QSettings(str(path), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        version = int(self.store.value("schema_version", 0) or 0)
        if version == 0 and not self.store.allKeys():
            version = SCHEMA_VERSION
        while version < SCHEMA_VERSION:
            MIGRATORS.get(version, lambda _store: None)(self.store)
            version += 1
        self.store.setValue("schema_version", SCHEMA_VERSION)

    def _key(self, setting: Setting) -> str:
        return f"{self.mode}/{setting.name}" if setting.per_mode else f"common/{setting.name}"  # not "general": Qt reads [General] as the root

    def get(self, name: str) -> Any:
        setting = BY_NAME[name]
        raw = self.store.value(self._key(setting))
        if raw is None:
            return setting.default
        return coerce(setting, raw)

    def is_set(self, name: str) -> bool:
        return self.store.contains(self._key(BY_NAME[name]))

    def set(self, name: str, value: Any) -> None:
        setting = BY_NAME[name]
        self.store.setValue(self._key(setting), coerce(setting, value))

    # Window state is Qt's own opaque bytes; kept apart from the schema.
    def state(self, key: str) -> QByteArray | None:
        value = self.store.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.store.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.store.sync()


def coerce(setting: Setting, raw: Any) -> Any:
    """`raw` as the setting's type and within its choices or bounds, else the default."""
    try:
        if setting.type is bool:
            value = raw if isinstance(raw, bool) else str(raw).strip().lower() in ("1", "true", "yes", "on")
        elif setting.type is int:
            value = int(raw)
        else:
            value = str(raw)
    except (TypeError, ValueError):
        return setting.default
    if setting.choices and value not in {choice for choice, _ in setting.choices}:
        return setting.default
    if setting.bounds and not setting.bounds[0] <= value <= setting.bounds[1]:
        return setting.default
    return value
