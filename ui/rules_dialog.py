"""Routing rules and assignment: the ordered rules, an editor with a preview, and who gets a department's cases.

An admin writes a rule in a form (the common conditions and actions) or as
JSON (everything the rule language has), sees while typing whether the core
would take it (the core's own `compile_rule`, its reason in the desk's
language), and before saving which of the last 1,000 messages it would
catch (`preview_rule` on the database worker, with a busy bar and a stop
button). Nothing is stored until *Opslaan*. The *Toewijzing* tab sets each
department's assignment policy and each agent's presence and capacity.

Everyone may look; changing rules and policies takes an admin, availability
an admin or a supervisor (and anyone may mark themselves absent); the core
refuses the others too.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from newsroom.actions import ActionError, Actor, perform
from newsroom.actions.routing import list_rules, preview_rule
from newsroom.db.engine import Database
from newsroom.model import OPEN_STATUS_VALUES, CaseCount, Department, Role, User
from newsroom.routing.rules import (
    PLATFORMS,
    POLICIES,
    WEEKDAYS,
    RuleInvalid,
    compile_rule,
)
from newsroom.timeutil import parse_instant
from ui import labels
from ui.channels_dialog import _button, _RowsModel, _table
from ui.core_text import explain
from ui.i18n import N_, tr
from ui.plain import one_line

DEPARTMENTS = Department.__table__
USERS = User.__table__
COUNTS = CaseCount.__table__
PREVIEW_LIMIT = 1000
VALIDATE_MS = 150
MAX_NAME_CHARS = 200
NO_CAPACITY = -1  # the capacity spin box's "no limit"

CONDITION_LABELS = {
    "platform": N_("platform"),
    "channel": N_("kanaal"),
    "words_any": N_("een van de woorden"),
    "words_all": N_("alle woorden"),
    "words_none": N_("geen van de woorden"),
    "phrases": N_("zinsdelen"),
    "regex": N_("reguliere expressie"),
    "category": N_("categorie"),
    "language": N_("taal"),
    "author": N_("afzender"),
    "area": N_("gebied"),
    "time": N_("tijd"),
}
POLICY_LABELS = {"manual": N_("handmatig"), "round_robin": N_("om de beurt"), "least_loaded": N_("minst belast")}
WEEKDAY_LABELS = {"mon": N_("ma"), "tue": N_("di"), "wed": N_("wo"), "thu": N_("do"), "fri": N_("vr"), "sat": N_("za"),
                  "sun": N_("zo")}
# The conditions the form has a field for that takes a comma-separated list.
LIST_FIELDS = ("channel", "words_any", "words_all", "words_none", "phrases", "category", "language", "author")


def policy_text(policy: str | None) -> str:
    return tr(POLICY_LABELS[policy]) if policy in POLICY_LABELS else (policy or "")


def _instant(text: str | None):
    try:
        return parse_instant(text) if text else None
    except ValueError:
        return None


def _values(value) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _joined(value, limit: int = 120) -> str:
    return one_line(", ".join(_values(value)), limit)


def condition_summary(when: Any) -> str:
    """A rule's conditions in a line of the desk's words."""
    if not isinstance(when, dict):
        return "?"
    if not when:
        return tr("elk bericht")
    parts = []
    for key, value in when.items():
        label = tr(CONDITION_LABELS[key]) if key in CONDITION_LABELS else key
        if key == "platform":
            text = ", ".join(labels.platform(str(p).lower()) for p in _values(value))
        elif key == "area" and isinstance(value, dict):
            if "polygon" in value:
                text = tr("veelhoek van {n} punten").format(n=len(value["polygon"]) if isinstance(value["polygon"], list) else "?")
            else:
                text = tr("{radius} m rond {lat}, {lon}").format(radius=value.get("radius_m"), lat=value.get("lat"), lon=value.get("lon"))
        elif key == "time" and isinstance(value, dict):
            days = value.get("weekdays")
            pieces = [", ".join(tr(WEEKDAY_LABELS.get(d, str(d))) for d in _values(days))] if days else []
            if value.get("from") or value.get("to"):
                pieces.append(f"{value.get('from', '00:00')}\u2013{value.get('to', '24:00')}")
            text = " ".join(pieces)
        else:
            text = _joined(value)
        parts.append(f"{label}: {text}")
    return one_line(" \u00b7 ".join(parts), 300)


def action_summary(then: Any) -> str:
    """What a rule sets, in a line."""
    if not isinstance(then, dict):
        return "?"
    parts = []
    if "department" in then:
        dept = then["department"]
        parts.append(tr("afdeling {name}").format(name=one_line(str(dept), 80)) if dept else tr("eigen wachtrij"))
    if then.get("priority"):
        parts.append(tr("prioriteit {value}").format(value=labels.priority(str(then["priority"]))))
    if then.get("tags"):
        parts.append(tr("labels {tags}").format(tags=_joined(then["tags"], 80)))
    if then.get("assignment"):
        parts.append(policy_text(then["assignment"]))
    if then.get("stop"):
        parts.append(tr("stop"))
    return " \u00b7 ".join(parts)


def reason_for(error: RuleInvalid | ActionError) -> str:
    """The core's reason for refusing a definition, in the desk's language."""
    if isinstance(error, RuleInvalid):
        error = ActionError(error.template, kind="invalid", object_type="rule", **error.params)
    return explain(error)


def check_rule(name: str, definition: Any, departments: dict[str, int]) -> str | None:
    """Why saving this rule would be refused (the core's reason), or None: it can be saved."""
    clean = name.strip()
    if not clean or len(clean) > MAX_NAME_CHARS:
        return reason_for(ActionError("A rule needs a name of 1 to {limit} characters.", limit=MAX_NAME_CHARS))
    try:
        compile_rule(definition, departments)
    except RuleInvalid as error:
        return reason_for(error)
    return None


# -- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleRow:
    id: int
    position: int
    name: str
    enabled: bool
    definition: Any
    problem: str | None
    error_count: int
    last_error: str | None
    last_error_at: str | None


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    policy: str


@dataclass(frozen=True)
class AgentRow:
    id: int
    name: str
    display_name: str
    department: str
    absent: bool
    capacity: int | None
    open_cases: int


@dataclass(frozen=True)
class PreviewRow:
    id: int  # the message
    case_id: int | None
    received_at: str | None
    platform: str
    channel: str
    author: str
    snippet: str


def read_rules(db: Database) -> list[RuleRow]:
    return [
        RuleRow(r["id"], r["position"], r["name"], r["enabled"], r["definition"], r["problem"], r["error_count"] or 0,
                r["last_error"], r["last_error_at"])
        for r in list_rules(db)
    ]


def read_departments(db: Database) -> list[DepartmentRow]:
    with db.read() as conn:
        rows = conn.execute(select(DEPARTMENTS.c.id, DEPARTMENTS.c.name, DEPARTMENTS.c.assignment_policy)
                            .order_by(DEPARTMENTS.c.name)).all()
    return [DepartmentRow(r.id, r.name, r.assignment_policy or "manual") for r in rows]


def read_agents(db: Database) -> list[AgentRow]:
    """The active department agents (the people assignment picks from) with their open cases."""
    with db.read() as conn:
        loads = dict(conn.execute(
            select(COUNTS.c.assignee_id, func.sum(COUNTS.c.n))
            .where(COUNTS.c.assignee_id.is_not(None), COUNTS.c.status.in_(OPEN_STATUS_VALUES))
            .group_by(COUNTS.c.assignee_id)
        ).all())
        rows = conn.execute(
            select(USERS.c.id, USERS.c.name, USERS.c.display_name, USERS.c.absent, USERS.c.capacity,
                   DEPARTMENTS.c.name.label("department"))
            .select_from(USERS.outerjoin(DEPARTMENTS, DEPARTMENTS.c.id == USERS.c.department_id))
            .where(USERS.c.role == Role.department_agent.value, USERS.c.active.is_(True))
            .order_by(DEPARTMENTS.c.name, USERS.c.display_name)
        ).all()
    return [AgentRow(r.id, r.name, r.display_name, r.department or "", bool(r.absent), r.capacity, int(loads.get(r.id) or 0))
            for r in rows]


def department_ids(db: Database) -> dict[str, int]:
    """Folded department name -> id, as the core compiles rules against."""
    with db.read() as conn:
        return {name.casefold(): dept_id for dept_id, name in conn.execute(select(DEPARTMENTS.c.id, DEPARTMENTS.c.name))}


# -- models -------------------------------------------------------------------------------


class RulesModel(_RowsModel):
    """Position, name, on/off, conditions, actions, errors."""

    HEADERS = (N_("Nr."), N_("Naam"), N_("Aan"), N_("Voorwaarden"), N_("Acties"), N_("Fouten"))

    def _text(self, row: RuleRow, column: int) -> str:
        definition = row.definition if isinstance(row.definition, dict) else {}
        if column == 0:
            return labels.number(row.position)
        if column == 1:
            return one_line(row.name, 100)
        if column == 2:
            return tr("aan") if row.enabled else tr("uit")
        if column == 3:
            return condition_summary(definition.get("when", {}))
        if column == 4:
            return action_summary(definition.get("then", {}))
        if row.problem:
            return tr("Werkt niet: {reason}").format(reason=one_line(row.problem, 200))
        if not row.error_count:
            return tr("geen")
        when = _instant(row.last_error_at) if row.last_error_at else None
        return tr("{n}, laatste {when}: {reason}").format(n=labels.number(row.error_count), when=labels.when(when),
                                                        reason=one_line(row.last_error or "", 200))

    def _other(self, row: RuleRow, column: int, role):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PreviewModel(_RowsModel):
    """The messages a rule would catch: time, platform, channel, author, message (plain text)."""

    HEADERS = (N_("Tijd"), N_("Platform"), N_("Kanaal"), N_("Afzender"), N_("Bericht"))

    def _text(self, row: PreviewRow, column: int) -> str:
        if column == 0:
            return labels.when(_instant(row.received_at)) if row.received_at else ""
        if column == 1:
            return labels.platform(row.platform)
        if column == 2:
            return one_line(row.channel, 80)
        if column == 3:
            return one_line(row.author, 80)
        return one_line(row.snippet, 300)


class DepartmentsModel(_RowsModel):
    HEADERS = (N_("Afdeling"), N_("Toewijzing"))

    def _text(self, row: DepartmentRow, column: int) -> str:
        return one_line(row.name, 100) if column == 0 else policy_text(row.policy)


class AgentsModel(_RowsModel):
    HEADERS = (N_("Medewerker"), N_("Afdeling"), N_("Aanwezig"), N_("Capaciteit"), N_("Open zaken"))

    def _text(self, row: AgentRow, column: int) -> str:
        if column == 0:
            return one_line(row.display_name, 100)
        if column == 1:
            return one_line(row.department, 100)
        if column == 2:
            return tr("afwezig") if row.absent else tr("aanwezig")
        if column == 3:
            return tr("geen grens") if row.capacity is None else labels.number(row.capacity)
        return labels.number(row.open_cases)


# -- small pieces -------------------------------------------------------------------------


def _say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleDescription(text)


def _message_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


def _line(parent: QWidget, name: str, description: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit(parent)
    field.setAccessibleName(name)
    field.setAccessibleDescription(description)
    if placeholder:
        field.setPlaceholderText(placeholder)
    return field


def _combo(parent: QWidget, name: str, description: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.setAccessibleDescription(description)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _number(text: str):
    """A number typed in a field, or the text itself (the core then says what it needs)."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


class Busy(QWidget):
    """A busy bar, a line saying what happens, and a button to stop waiting."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget, name: str, stop: str, stop_description: str):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.bar.setAccessibleName(name)
        self.bar.hide()
        self.result = _message_label(self, tr("Uitslag"))
        self.cancel = _button(stop, stop_description, self)
        self.cancel.hide()
        self.cancel.clicked.connect(self.cancel_requested)
        layout.addWidget(self.bar)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.cancel)

    @property
    def running(self) -> bool:
        return self.bar.isVisibleTo(self)

    def start(self, text: str) -> None:
        self.bar.show()
        self.cancel.show()
        _say(self.result, text)

    def stop(self, text: str) -> None:
        self.bar.hide()
        self.cancel.hide()
        _say(self.result, text)


# -- the editor of one rule ---------------------------------------------------------------


class RuleEditor(QDialog):
    """One rule: a form for the common conditions and actions, the whole rule as JSON, live validation, preview, save."""

    FORM, JSON = 0, 1

    def __init__(self, parent: QWidget, *, db: Database, ops, departments: list[str], rule: RuleRow | None,
                 save, can_save: bool):
        super().__init__(parent)
        self.db = db
        self.ops = ops
        self.rule = rule
        self._save = save
        self._can_save = can_save
        self._departments = department_ids(db)
        self._extra: dict[str, dict] = {"top": {}, "when": {}, "then": {}}  # what the form cannot show; kept as is
        self._preview_token = 0
        self._loading = False
        title = tr("Regel bewerken: {name}").format(name=one_line(rule.name, 80)) if rule else tr("Nieuwe regel")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(tr("Voorwaarden en acties van één routeringsregel; Voorbeeld toont welke berichten ze zou vangen."))
        layout = QVBoxLayout(self)

        top = QFormLayout()
        self.name = _line(self, tr("Naam van de regel"), tr("Hoe de regel in de lijst heet, bijvoorbeeld 'Afval naar Afval en Reiniging'."))
        top.addRow(tr("&Naam"), self.name)
        self.enabled = QCheckBox(tr("&Meteen aanzetten"), self)
        self.enabled.setChecked(True)
        self.enabled.setAccessibleName(tr("Meteen aanzetten"))
        self.enabled.setAccessibleDescription(tr("Een regel die uit staat, wordt bewaard maar stuurt nog niets."))
        if rule is None:
            top.addRow("", self.enabled)
        else:
            self.enabled.hide()
        layout.addLayout(top)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Regel"))
        self.tabs.setAccessibleDescription(tr("Formulier of JSON; Ctrl+Tab wisselt."))
        self.tabs.addTab(self._form_page(departments), tr("&Formulier"))
        self.json = QPlainTextEdit(self)
        self.json.setTabChangesFocus(True)
        self.json.setAccessibleName(tr("Regel als JSON"))
        self.json.setAccessibleDescription(tr("De hele regel: 'when' met de voorwaarden, 'then' met de acties. "
                                              "Hier kan alles wat het formulier niet heeft, zoals een gebied als veelhoek."))
        self.tabs.addTab(self.json, tr("&JSON"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 3)

        self.problem = _message_label(self, tr("Controle van de regel"))
        layout.addWidget(self.problem)

        row = QHBoxLayout()
        self.preview_button = _button(tr("&Voorbeeld"), tr("Laat zien welke van de laatste 1.000 berichten deze regel zou vangen. "
                                                            "Er wordt niets bewaard."), self)
        self.preview_button.clicked.connect(self.preview)
        row.addWidget(self.preview_button)
        self.busy = Busy(self, tr("Voorbeeld wordt berekend"), tr("Voorbeeld &stoppen"), tr("Stopt het wachten op het voorbeeld."))
        self.busy.cancel_requested.connect(self.cancel_preview)
        row.addWidget(self.busy, 1)
        layout.addLayout(row)
        self.matches = PreviewModel(self)
        self.matches_view = _table(self, self.matches, tr("Berichten die de regel zou vangen"),
                                   tr("Per bericht: tijd, platform, kanaal, afzender en het begin van het bericht, als platte tekst."))
        layout.addWidget(self.matches_view, 2)

        # No default button: Enter in a field must not save; saving is Opslaan or Ctrl+S.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = _button(tr("Opslaan (Ctrl+S)"), tr("Bewaart de regel; nieuwe berichten worden er meteen mee gerouteerd."), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.try_save)
        cancel = _button(tr("Annuleren"), tr("Sluit zonder iets te bewaren (Escape)."), self)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

        self._validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_MS, timeout=self.validate)
        self.load(rule.name if rule else "", rule.definition if rule else {"when": {}, "then": {}})
        self.name.textChanged.connect(self._changed)
        self.json.textChanged.connect(self._changed)
        self.name.setFocus()
        self.resize(860, 760)

    # -- the form ------------------------------------------------------------------------

    def _form_page(self, departments: list[str]) -> QWidget:
        page = QWidget(self)
        layout = QHBoxLayout(page)
        when = QGroupBox(tr("Voorwaarden (alle moeten kloppen; in een lijst is één genoeg)"), page)
        form = QFormLayout(when)
        self.fields: dict[str, QWidget] = {}
        platforms = QWidget(when)
        grid = QGridLayout(platforms)
        grid.setContentsMargins(0, 0, 0, 0)
        self.platform_boxes: dict[str, QCheckBox] = {}
        for i, platform in enumerate(PLATFORMS):
            box = QCheckBox(labels.platform(platform), platforms)
            box.setAccessibleName(tr("Platform {name}").format(name=labels.platform(platform)))
            box.setAccessibleDescription(tr("Alleen berichten van de aangevinkte platforms; niets aangevinkt: elk platform."))
            box.toggled.connect(self._changed)
            grid.addWidget(box, i // 5, i % 5)
            self.platform_boxes[platform] = box
        platforms.setAccessibleName(tr("Platforms"))
        form.addRow(tr("Platform"), platforms)
        self.fields["platform"] = platforms
        comma = tr("gescheiden door komma's")
        specs = (
            ("channel", tr("&Kanaal"), tr("Kanalen"), tr("Naam of account van het kanaal; * en ? mogen."), "Mastodon gemeente, *@pers.example"),
            ("words_any", tr("Een van de &woorden"), tr("Een van de woorden"),
             tr("Het bericht bevat minstens één van deze woorden (hoofdletters en accenten tellen niet)."), "container, kliko"),
            ("words_all", tr("&Alle woorden"), tr("Alle woorden"), tr("Het bericht bevat al deze woorden."), "boom, omgewaaid"),
            ("words_none", tr("&Geen van de woorden"), tr("Geen van de woorden"), tr("Het bericht bevat geen van deze woorden."), "test"),
            ("phrases", tr("&Zinsdelen"), tr("Zinsdelen"), tr("Het bericht bevat een van deze woordreeksen."), "grof vuil, oud ijzer"),
            ("category", tr("&Categorie"), tr("Categorie"), tr("De categorie van Signalen of Open311; * mag."), "Afval/*"),
            ("language", tr("&Taal"), tr("Taal"), tr("Taalcodes; nl past ook op nl-be."), "nl, en"),
            ("author", tr("Af&zender"), tr("Afzender"), tr("Handle, e-mailadres, naam of nummer van de afzender; * mag."), "*@bedrijf.example"),
        )
        for key, label, name, description, example in specs:
            field = _line(when, name, f"{description} ({comma})", example)
            field.textChanged.connect(self._changed)
            form.addRow(label, field)
            self.fields[key] = field
        self.regex = _line(when, tr("Reguliere expressie"),
                           tr("Een patroon in Python-schrijfwijze over de eerste 1.000 tekens; hoofdletters tellen niet."),
                           r"(kapot|stuk).*(lamp|licht)")
        self.regex.textChanged.connect(self._changed)
        form.addRow(tr("&Reguliere expressie"), self.regex)
        self.fields["regex"] = self.regex

        time_row = QWidget(when)
        time_layout = QHBoxLayout(time_row)
        time_layout.setContentsMargins(0, 0, 0, 0)
        self.time_from = _line(time_row, tr("Vanaf (tijd)"), tr("Vanaf dit tijdstip (UU:MM, Nederlandse tijd); leeg: 00:00."), "08:00")
        self.time_to = _line(time_row, tr("Tot (tijd)"), tr("Tot dit tijdstip (UU:MM); leeg: 24:00. Over middernacht mag."), "17:00")
        for field in (self.time_from, self.time_to):
            field.setMaximumWidth(70)
            field.textChanged.connect(self._changed)
        time_layout.addWidget(self.time_from)
        time_layout.addWidget(QLabel("\u2013", time_row))
        time_layout.addWidget(self.time_to)
        self.weekday_boxes: dict[str, QCheckBox] = {}
        for day in WEEKDAYS:
            box = QCheckBox(tr(WEEKDAY_LABELS[day]), time_row)
            box.setAccessibleName(tr("Weekdag {day}").format(day=tr(WEEKDAY_LABELS[day])))
            box.setAccessibleDescription(tr("Alleen op de aangevinkte dagen; niets aangevinkt: elke dag."))
            box.toggled.connect(self._changed)
            time_layout.addWidget(box)
            self.weekday_boxes[day] = box
        time_layout.addStretch(1)
        form.addRow(tr("Tijd en dagen"), time_row)
        self.fields["time"] = time_row

        area_row = QWidget(when)
        area_layout = QHBoxLayout(area_row)
        area_layout.setContentsMargins(0, 0, 0, 0)
        self.lat = _line(area_row, tr("Breedtegraad"), tr("Het midden van de cirkel: breedtegraad, bijvoorbeeld 52.09."), tr("breedte"))
        self.lon = _line(area_row, tr("Lengtegraad"), tr("Het midden van de cirkel: lengtegraad, bijvoorbeeld 5.12."), tr("lengte"))
        self.radius = _line(area_row, tr("Straal in meters"), tr("De straal van de cirkel in meters, tot 100.000."), tr("straal (m)"))
        for field in (self.lat, self.lon, self.radius):
            field.textChanged.connect(self._changed)
            area_layout.addWidget(field)
        form.addRow(tr("&Gebied (cirkel)"), area_row)
        self.fields["area"] = area_row
        layout.addWidget(when, 3)

        then = QGroupBox(tr("Acties"), page)
        actions = QFormLayout(then)
        self.department = _combo(then, tr("Afdeling"), tr("Naar welke afdeling de zaak gaat."),
                                 [(tr("(niet wijzigen)"), ("keep",)), (tr("Eigen wachtrij van de redactie"), ("set", None))]
                                 + [(one_line(name, 80), ("set", name)) for name in departments])
        actions.addRow(tr("Af&deling"), self.department)
        self.priority = _combo(then, tr("Prioriteit"), tr("De prioriteit van de nieuwe zaak."),
                               [(tr("(niet wijzigen)"), None)] + [(labels.priority(p), p) for p in ("low", "normal", "high", "urgent")])
        actions.addRow(tr("&Prioriteit"), self.priority)
        self.tags = _line(then, tr("Labels"), tr("Labels die de zaak krijgt ({comma}).").format(comma=comma), "afval, storm")
        actions.addRow(tr("La&bels"), self.tags)
        self.assignment = _combo(then, tr("Toewijzing"), tr("Hoe de zaak binnen de afdeling aan iemand gaat; anders de keuze van de afdeling."),
                                 [(tr("(zoals de afdeling)"), None)] + [(policy_text(p), p) for p in POLICIES])
        actions.addRow(tr("T&oewijzing"), self.assignment)
        self.stop = QCheckBox(tr("Hierna &stoppen"), then)
        self.stop.setAccessibleName(tr("Hierna stoppen"))
        self.stop.setAccessibleDescription(tr("Als deze regel past, worden de regels eronder niet meer bekeken."))
        actions.addRow("", self.stop)
        for combo in (self.department, self.priority, self.assignment):
            combo.currentIndexChanged.connect(self._changed)
        self.tags.textChanged.connect(self._changed)
        self.stop.toggled.connect(self._changed)
        self.fields.update(department=self.department, priority=self.priority, tags=self.tags, assignment=self.assignment,
                           stop=self.stop)
        layout.addWidget(then, 2)
        return page

    def _set_in_json(self, key: str, in_json: bool) -> None:
        """A value the form cannot show stays in the JSON; its field is then read-only and says so."""
        field = self.fields[key]
        field.setEnabled(not in_json)
        note = tr("Deze voorwaarde staat in het JSON-tabblad.") if in_json else ""
        field.setToolTip(note)

    def load(self, name: str, definition: Any) -> None:
        """Show a rule: what fits the form in the form, the rest kept for the JSON."""
        self._loading = True
        try:
            self.name.setText(name)
            self._load_definition(definition)
            self.json.setPlainText(self._json_text(self.definition()))
        finally:
            self._loading = False
        self.validate()

    def _load_definition(self, definition: Any) -> None:
        definition = definition if isinstance(definition, dict) else {}
        when = definition.get("when", {})
        then = definition.get("then", {})
        when = dict(when) if isinstance(when, dict) else {}
        then = dict(then) if isinstance(then, dict) else {}
        extra_top = {k: v for k, v in definition.items() if k not in ("when", "then")}
        if not isinstance(definition.get("when", {}), dict):
            extra_top["when"] = definition["when"]
        if not isinstance(definition.get("then", {}), dict):
            extra_top["then"] = definition["then"]
        self._extra = {"top": extra_top, "when": {}, "then": {}}

        def texts(value) -> list[str] | None:
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not all(isinstance(v, str) and "," not in v for v in values):
                return None
            return values

        for box in self.platform_boxes.values():
            box.setChecked(False)
        platforms = texts(when.pop("platform", []))
        if platforms is not None and all(p.lower() in self.platform_boxes for p in platforms):
            for p in platforms:
                self.platform_boxes[p.lower()].setChecked(True)
            self._set_in_json("platform", False)
        else:
            self._extra["when"]["platform"] = definition["when"]["platform"]
            self._set_in_json("platform", True)
        for key in LIST_FIELDS:
            field = self.fields[key]
            values = texts(when.pop(key, []))
            if values is None:
                self._extra["when"][key] = definition["when"][key]
                field.clear()
            else:
                field.setText(", ".join(values))
            self._set_in_json(key, values is None)
        regex = when.pop("regex", "")
        patterns = [regex] if isinstance(regex, str) else regex
        if isinstance(patterns, list) and len(patterns) <= 1 and all(isinstance(p, str) for p in patterns):
            self.regex.setText(patterns[0] if patterns else "")
            self._set_in_json("regex", False)
        else:
            self._extra["when"]["regex"] = regex
            self.regex.clear()
            self._set_in_json("regex", True)
        time_value = when.pop("time", {})
        days = time_value.get("weekdays", []) if isinstance(time_value, dict) else None
        if isinstance(time_value, dict) and set(time_value) <= {"weekdays", "from", "to"} and isinstance(days, list) \
                and all(d in self.weekday_boxes for d in days) and all(isinstance(time_value.get(k, ""), str) for k in ("from", "to")):
            for day, box in self.weekday_boxes.items():
                box.setChecked(day in days and len(days) < len(WEEKDAYS))
            self.time_from.setText(time_value.get("from", ""))
            self.time_to.setText(time_value.get("to", ""))
            self._set_in_json("time", False)
        else:
            self._extra["when"]["time"] = time_value
            for box in self.weekday_boxes.values():
                box.setChecked(False)
            self.time_from.clear()
            self.time_to.clear()
            self._set_in_json("time", True)
        area = when.pop("area", {})
        if isinstance(area, dict) and set(area) <= {"lat", "lon", "radius_m"}:
            self.lat.setText("" if area.get("lat") is None else str(area["lat"]))
            self.lon.setText("" if area.get("lon") is None else str(area["lon"]))
            self.radius.setText("" if area.get("radius_m") is None else str(area["radius_m"]))
            self._set_in_json("area", False)
        else:
            self._extra["when"]["area"] = area
            for field in (self.lat, self.lon, self.radius):
                field.clear()
            self._set_in_json("area", True)
        self._extra["when"].update(when)  # conditions the form does not know

        department = then.pop("department", ...)
        index = 0
        if department is None:
            index = 1
        elif isinstance(department, str):
            index = next((i for i in range(2, self.department.count())
                          if self.department.itemData(i)[1].casefold() == department.strip().casefold()), -1)
        if index < 0 or (department is not ... and department is not None and not isinstance(department, str)):
            self._extra["then"]["department"] = department
            index = 0
        self.department.setCurrentIndex(index)
        self._set_in_json("department", "department" in self._extra["then"])
        for key, combo in (("priority", self.priority), ("assignment", self.assignment)):
            value = then.pop(key, None)
            found = combo.findData(value) if value is not None else 0
            if found < 0:
                self._extra["then"][key] = value
                found = 0
            combo.setCurrentIndex(found)
            self._set_in_json(key, key in self._extra["then"])
        tags = texts(then.pop("tags", []))
        if tags is None:
            self._extra["then"]["tags"] = definition["then"]["tags"]
            self.tags.clear()
        else:
            self.tags.setText(", ".join(tags))
        self._set_in_json("tags", tags is None)
        stop = then.pop("stop", False)
        if isinstance(stop, bool):
            self.stop.setChecked(stop)
        else:
            self._extra["then"]["stop"] = stop
            self.stop.setChecked(False)
        self._set_in_json("stop", not isinstance(stop, bool))
        self._extra["then"].update(then)

    def _form_definition(self) -> dict:
        when: dict[str, Any] = dict(self._extra["when"])
        then: dict[str, Any] = dict(self._extra["then"])
        platforms = [p for p, box in self.platform_boxes.items() if box.isChecked()]
        if platforms and "platform" not in self._extra["when"]:
            when["platform"] = platforms
        for key in LIST_FIELDS:
            field = self.fields[key]
            if field.isEnabled() and (values := _split(field.text())):
                when[key] = values
        if self.regex.isEnabled() and self.regex.text():
            when["regex"] = self.regex.text()
        if self.fields["time"].isEnabled():
            days = [d for d, box in self.weekday_boxes.items() if box.isChecked()]
            value: dict[str, Any] = {}
            if days:
                value["weekdays"] = days
            if self.time_from.text().strip():
                value["from"] = self.time_from.text().strip()
            if self.time_to.text().strip():
                value["to"] = self.time_to.text().strip()
            if value:
                when["time"] = value
        if self.fields["area"].isEnabled() and any(f.text().strip() for f in (self.lat, self.lon, self.radius)):
            when["area"] = {"lat": _number(self.lat.text().strip()), "lon": _number(self.lon.text().strip()),
                            "radius_m": _number(self.radius.text().strip())}
        if self.department.isEnabled() and (choice := self.department.currentData())[0] == "set":
            then["department"] = choice[1]
        for key, combo in (("priority", self.priority), ("assignment", self.assignment)):
            if combo.isEnabled() and combo.currentData() is not None:
                then[key] = combo.currentData()
        if self.tags.isEnabled() and (tags := _split(self.tags.text())):
            then["tags"] = tags
        if self.stop.isEnabled() and self.stop.isChecked():
            then["stop"] = True
        return {**self._extra["top"], "when": when, "then": then}

    @staticmethod
    def _json_text(definition: Any) -> str:
        return json.dumps(definition, ensure_ascii=False, indent=2)

    def _parsed_json(self) -> tuple[Any, str | None]:
        try:
            return json.loads(self.json.toPlainText()), None
        except ValueError as error:
            return None, reason_for(ActionError("The rule is not valid JSON: {reason}.", reason=str(error)))

    def definition(self) -> Any:
        """The rule as it stands: from the JSON tab when that is open, else from the form."""
        if self.tabs.currentIndex() == self.JSON:
            value, _ = self._parsed_json()
            return value
        return self._form_definition()

    def _tab_changed(self, index: int) -> None:
        if self._loading:
            return
        if index == self.JSON:
            self._loading = True
            try:
                self.json.setPlainText(self._json_text(self._form_definition()))
            finally:
                self._loading = False
        else:
            value, problem = self._parsed_json()
            if problem is not None:
                # The JSON would be lost in the form: stay until it is fixed.
                self._loading = True
                self.tabs.setCurrentIndex(self.JSON)
                self._loading = False
                self.validate()
                self.json.setFocus()
                return
            self._loading = True
            try:
                self._load_definition(value)
            finally:
                self._loading = False
        self.validate()

    # -- validation ----------------------------------------------------------------------

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._validate_timer.start()

    def problem_text(self) -> str | None:
        """Why the rule as it stands cannot be saved, or None."""
        if self.tabs.currentIndex() == self.JSON:
            value, problem = self._parsed_json()
            if problem is not None:
                return problem
        else:
            value = self._form_definition()
        return check_rule(self.name.text(), value, self._departments)

    def validate(self) -> bool:
        self._validate_timer.stop()
        problem = self.problem_text()
        _say(self.problem, problem or tr("De regel is in orde."))
        self.save_button.setEnabled(self._can_save and problem is None)
        definition_ok = problem is None or check_rule("x", self.definition(), self._departments) is None
        self.preview_button.setEnabled(definition_ok and not self.busy.running)
        return problem is None

    # -- preview -------------------------------------------------------------------------

    def preview(self) -> None:
        definition = self.definition()
        if definition is None or check_rule("x", definition, self._departments) is not None:
            self.validate()
            return
        self._preview_token += 1
        token = self._preview_token
        self.busy.start(tr("Voorbeeld over de laatste {n} berichten…").format(n=labels.number(PREVIEW_LIMIT)))
        self.preview_button.setEnabled(False)

        def done(result: dict) -> None:
            if token == self._preview_token:
                self._previewed(result)

        def failed(error: BaseException) -> None:
            if token == self._preview_token:
                self._preview_finished(reason_for(error) if isinstance(error, ActionError) else tr("Het voorbeeld lukte niet."))

        if self.ops.read(preview_rule, self.db, definition, PREVIEW_LIMIT, on_done=done, on_error=failed) is None:
            self._preview_finished(tr("Newsroom sluit af."))

    def _previewed(self, result: dict) -> None:
        self.matches.set_rows([
            PreviewRow(m["message_id"], m.get("case_id"), m.get("received_at"), m.get("platform") or "", m.get("channel") or "",
                       m.get("author") or "", m.get("snippet") or "")
            for m in result["matches"]
        ])
        text = tr("{matched} van de {scanned} laatste berichten zou deze regel vangen.").format(
            matched=labels.number(result["matched"]), scanned=labels.number(result["scanned"]))
        if result["errors"]:
            text += " " + tr("Bij {n} berichten ging de regel fout, bijvoorbeeld: {reason}").format(
                n=labels.number(len(result["errors"])), reason=one_line(result["errors"][0]["error"], 200))
        self._preview_finished(text)

    def _preview_finished(self, text: str) -> None:
        self.busy.stop(text)
        self.validate()

    def cancel_preview(self) -> None:
        """Stop waiting: the worker finishes its bounded read, its result is dropped."""
        self._preview_token += 1
        self._preview_finished(tr("Voorbeeld gestopt."))

    # -- saving --------------------------------------------------------------------------

    def try_save(self) -> None:
        if not self.validate():
            return
        self.save_button.setEnabled(False)
        self._save(self, self.name.text().strip(), self.definition(), self.enabled.isChecked())

    def saved(self, problem: str | None) -> None:
        """The save finished: close, or say why the core refused (nothing was stored)."""
        if problem:
            _say(self.problem, problem)
            self.save_button.setEnabled(self._can_save)
        else:
            self.accept()

    def done(self, result: int) -> None:
        self._preview_token += 1
        self._validate_timer.stop()
        super().done(result)


def _perform(db: Database, actor: Actor, action: str, args: dict):
    """On the worker: an action whose own arguments include `name` (which `Ops.perform` takes for the action's name)."""
    return perform(db, action, actor, origin="desktop", **args)


# -- the rules dialog ---------------------------------------------------------------------


class RulesDialog(QDialog):
    """The ordered routing rules (Ctrl+Shift+R) and, on a second tab, assignment per department and agent."""

    changed = Signal()  # a rule, a policy or someone's availability changed

    def __init__(self, parent: QWidget, *, db: Database, ops, actor: Actor):
        super().__init__(parent)
        self.db = db
        self.ops = ops
        self.actor = actor
        self.admin = actor.role == Role.admin.value
        self.manages_people = actor.role in (Role.admin.value, Role.supervisor.value)
        self._dialog: QDialog | None = None
        self.yes_button: QPushButton | None = None  # the confirming button of an open question
        self.setWindowTitle(tr("Routering"))
        self.setAccessibleName(tr("Routering"))
        self.setAccessibleDescription(tr("Regels die bepalen waar een nieuw bericht heen gaat, en wie in een afdeling de zaken krijgt."))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Routering"))
        self.tabs.addTab(self._rules_page(), tr("&Regels"))
        self.tabs.addTab(self._assignment_page(), tr("&Toewijzing"))
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        self.message = _message_label(self, tr("Melding"))
        bottom.addWidget(self.message, 1)
        close = _button(tr("Sluiten"), tr("Sluit de routering (Escape)."), self)
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)
        if self.departments_model.rowCount():
            self.departments_view.selectRow(0)
        if self.agents_model.rowCount():
            self.agents_view.selectRow(0)
        self._update_buttons()
        self.table.setFocus()
        self.resize(1000, 600)

    # -- pages ---------------------------------------------------------------------------

    def _rules_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = tr("Elk nieuw bericht loopt de regels van boven naar beneden langs. De eerste regel die een afdeling, "
                   "prioriteit of toewijzing zet, bepaalt die; labels van alle passende regels tellen op.")
        if not self.admin:
            intro += " " + tr("Alleen een beheerder kan regels wijzigen; u kunt ze bekijken.")
        layout.addWidget(self._intro(page, intro))
        self.model = RulesModel(self)
        self.table = _table(page, self.model, tr("Routeringsregels"),
                            tr("Per regel: volgorde, naam, aan of uit, voorwaarden, acties en fouten. Enter bewerkt, "
                               "Alt+pijl omhoog/omlaag verplaatst, spatie zet aan of uit, Delete verwijdert."), stretch=3)
        self.table.activated.connect(lambda _index: self.edit_rule())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = _button(tr("&Nieuwe regel…"), tr("Schrijf een nieuwe regel (Ctrl+N)."), page)
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.edit_button = _button(tr("&Bewerken…"), tr("Bewerk de gekozen regel (Enter)."), page)
        self.up_button = _button(tr("Omhoog (Alt+\u2191)"), tr("Zet de gekozen regel een plaats hoger (Alt+pijl omhoog)."), page)
        self.down_button = _button(tr("Omlaag (Alt+\u2193)"), tr("Zet de gekozen regel een plaats lager (Alt+pijl omlaag)."), page)
        self.enable_button = _button(tr("&Uitzetten"), tr("Zet de gekozen regel uit of weer aan (spatie)."), page)
        self.remove_button = _button(tr("&Verwijderen…"), tr("Verwijder de gekozen regel (Delete); er wordt eerst gevraagd."), page)
        for button in (self.new_button, self.edit_button, self.up_button, self.down_button, self.enable_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.new_button.clicked.connect(self.new_rule)
        self.edit_button.clicked.connect(self.edit_rule)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.enable_button.clicked.connect(self.toggle_enabled)
        self.remove_button.clicked.connect(self.remove_rule)
        # Shortcuts, not the buttons' own: a button's shortcut clicks it only after a 100 ms animation.
        for keys, step in ((Qt.Key.Key_Up, -1), (Qt.Key.Key_Down, 1)):
            QShortcut(QKeySequence(Qt.Modifier.ALT | keys), page, lambda step=step: self.move(step),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.table, self.toggle_enabled, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.remove_rule,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        return page

    @staticmethod
    def _intro(parent: QWidget, text: str) -> QLabel:
        label = _message_label(parent, tr("Uitleg"))
        _say(label, text)
        return label

    def _assignment_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = tr("Per afdeling: hoe nieuwe zaken aan de medewerkers gaan. Handmatig: de zaak wacht in de wachtrij van de "
                   "afdeling. Om de beurt of minst belast: alleen aanwezige medewerkers onder hun capaciteit krijgen er een.")
        layout.addWidget(self._intro(page, intro))
        self.departments_model = DepartmentsModel(self)
        self.departments_view = _table(page, self.departments_model, tr("Afdelingen"),
                                       tr("Per afdeling: hoe nieuwe zaken worden toegewezen."))
        layout.addWidget(self.departments_view, 1)
        row = QHBoxLayout()
        self.policy = _combo(page, tr("Toewijzing van de gekozen afdeling"), tr("Handmatig, om de beurt of minst belast."),
                             [(policy_text(p), p) for p in POLICIES])
        label = QLabel(tr("Toe&wijzing:"), page)
        label.setBuddy(self.policy)
        self.policy_button = _button(tr("Toewijzing &opslaan"), tr("Bewaart de toewijzing voor de gekozen afdeling."), page)
        self.policy_button.clicked.connect(self.save_policy)
        row.addWidget(label)
        row.addWidget(self.policy)
        row.addWidget(self.policy_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.agents_model = AgentsModel(self)
        self.agents_view = _table(page, self.agents_model, tr("Medewerkers"),
                                  tr("Per medewerker van een afdeling: aanwezig of afwezig, capaciteit en open zaken."), stretch=0)
        layout.addWidget(self.agents_view, 1)
        row = QHBoxLayout()
        self.absent_button = _button(tr("&Afwezig melden"), tr("Meldt de gekozen medewerker afwezig of weer aanwezig."), page)
        self.absent_button.clicked.connect(self.toggle_absent)
        self.capacity = QSpinBox(page)
        self.capacity.setRange(NO_CAPACITY, 100_000)
        self.capacity.setSpecialValueText(tr("geen grens"))
        self.capacity.setAccessibleName(tr("Capaciteit"))
        self.capacity.setAccessibleDescription(tr("Hoeveel open zaken de medewerker hoogstens krijgt; de laagste waarde is geen grens."))
        label = QLabel(tr("&Capaciteit:"), page)
        label.setBuddy(self.capacity)
        self.capacity_button = _button(tr("Capaciteit op&slaan"), tr("Bewaart de capaciteit van de gekozen medewerker."), page)
        self.capacity_button.clicked.connect(self.save_capacity)
        for widget in (self.absent_button, label, self.capacity, self.capacity_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.departments_view.selectionModel().currentRowChanged.connect(lambda *_: self._department_chosen())
        self.agents_view.selectionModel().currentRowChanged.connect(lambda *_: self._agent_chosen())
        return page

    # -- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.current()
        self.model.set_rows(read_rules(self.db))
        if keep is not None:
            self.select_rule(keep.id)
        dept = self.current_department()
        self.departments_model.set_rows(read_departments(self.db))
        if dept is not None and (row := self.departments_model.row_of(dept.id)) is not None:
            self.departments_view.selectRow(row)
        agent = self.current_agent()
        self.agents_model.set_rows(read_agents(self.db))
        if agent is not None and (row := self.agents_model.row_of(agent.id)) is not None:
            self.agents_view.selectRow(row)
        self._department_chosen()
        self._agent_chosen()
        self._update_buttons()

    def select_rule(self, rule_id: int) -> None:
        row = self.model.row_of(rule_id)
        if row is not None and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def current(self) -> RuleRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def current_department(self) -> DepartmentRow | None:
        index = self.departments_view.currentIndex()
        return self.departments_model.row(index.row()) if index.isValid() else None

    def current_agent(self) -> AgentRow | None:
        index = self.agents_view.currentIndex()
        return self.agents_model.row(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        rule = self.current()
        count = self.model.rowCount()
        self.new_button.setEnabled(self.admin)
        self.edit_button.setEnabled(rule is not None)
        self.up_button.setEnabled(self.admin and rule is not None and self.table.currentIndex().row() > 0)
        self.down_button.setEnabled(self.admin and rule is not None and self.table.currentIndex().row() < count - 1)
        self.enable_button.setEnabled(self.admin and rule is not None)
        self.remove_button.setEnabled(self.admin and rule is not None)
        text = tr("&Aanzetten") if rule is not None and not rule.enabled else tr("&Uitzetten")
        self.enable_button.setText(text)
        self.enable_button.setAccessibleName(text.replace("&", ""))

    def _department_chosen(self) -> None:
        dept = self.current_department()
        if dept is not None:
            self.policy.setCurrentIndex(max(0, self.policy.findData(dept.policy)))
        self.policy.setEnabled(self.admin and dept is not None)
        self.policy_button.setEnabled(self.admin and dept is not None)

    def _agent_chosen(self) -> None:
        agent = self.current_agent()
        if agent is not None:
            self.capacity.setValue(NO_CAPACITY if agent.capacity is None else agent.capacity)
        self_only = agent is not None and agent.id == self.actor.user_id
        self.absent_button.setEnabled(agent is not None and (self.manages_people or self_only))
        self.capacity.setEnabled(agent is not None and self.manages_people)
        self.capacity_button.setEnabled(agent is not None and self.manages_people)
        text = tr("&Aanwezig melden") if agent is not None and agent.absent else tr("&Afwezig melden")
        self.absent_button.setText(text)
        self.absent_button.setAccessibleName(text.replace("&", ""))

    def say(self, text: str) -> None:
        _say(self.message, text)

    def _refused(self, error: BaseException) -> None:
        self.say(reason_for(error) if isinstance(error, ActionError) else tr("Dat lukte niet; zie het logboek."))

    def _changed(self, text: str, rule_id: int | None = None) -> None:
        self.say(text)
        self.refresh()
        if rule_id is not None:
            self.select_rule(rule_id)
        self.changed.emit()

    @property
    def dialog(self) -> QDialog | None:
        """The editor or question this dialog opened and that is still open, if any."""
        return self._dialog

    def _open(self, dialog: QDialog) -> None:
        self._dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._closed)
        dialog.open()
        dialog.activateWindow()

    def _closed(self, _result: int) -> None:
        self._dialog = None
        if self.isVisible():
            self.activateWindow()
            self.table.setFocus()

    # -- rule commands -------------------------------------------------------------------

    def _editor(self, rule: RuleRow | None) -> RuleEditor:
        return RuleEditor(self, db=self.db, ops=self.ops, departments=[d.name for d in self.departments_model.rows()],
                          rule=rule, save=self._save_rule, can_save=self.admin)

    def new_rule(self) -> None:
        if self.admin:
            self._open(self._editor(None))

    def edit_rule(self) -> None:
        rule = self.current()
        if rule is not None:
            self._open(self._editor(rule))

    def _save_rule(self, editor: RuleEditor, name: str, definition: Any, enabled: bool) -> None:
        def done(change) -> None:
            editor.saved(None)
            rule_id = change.object_id
            said = tr("Regel '{name}' is bewaard.") if editor.rule else tr("Regel '{name}' is toegevoegd.")
            self._changed(said.format(name=one_line(name, 80)), rule_id)

        def failed(error: BaseException) -> None:
            editor.saved(reason_for(error) if isinstance(error, ActionError) else tr("Dat lukte niet; zie het logboek."))

        if editor.rule is None:
            args = {"name": name, "definition": definition, "enabled": enabled}
            future = self.ops.read(_perform, self.db, self.actor, "add_rule", args, on_done=done, on_error=failed)
        else:
            args = {"rule_id": editor.rule.id, "name": name, "definition": definition}
            future = self.ops.read(_perform, self.db, self.actor, "update_rule", args, on_done=done, on_error=failed)
        if future is None:
            editor.saved(tr("Newsroom sluit af; er is niets opgeslagen."))

    def move(self, step: int) -> None:
        rule = self.current()
        if rule is None or not self.admin:
            return
        row = self.table.currentIndex().row() + step
        if not 0 <= row < self.model.rowCount():
            return
        position = self.model.row(row).position
        self.ops.perform("move_rule", rule_id=rule.id, position=position,
                         on_done=lambda _c: self._changed(tr("Regel '{name}' staat nu op plaats {position}.").format(
                             name=one_line(rule.name, 80), position=position), rule.id),
                         on_error=self._refused)

    def toggle_enabled(self) -> None:
        rule = self.current()
        if rule is None or not self.admin:
            return
        enabled = not rule.enabled
        said = tr("Regel '{name}' staat aan.") if enabled else tr("Regel '{name}' staat uit.")
        self.ops.perform("set_rule_enabled", rule_id=rule.id, enabled=enabled,
                         on_done=lambda _c: self._changed(said.format(name=one_line(rule.name, 80)), rule.id),
                         on_error=self._refused)

    def remove_rule(self) -> None:
        rule = self.current()
        if rule is None or not self.admin:
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Regel verwijderen"),
                          tr("Regel '{name}' verwijderen? Zaken die ze al routeerde blijven waar ze zijn.").format(
                              name=one_line(rule.name, 80)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        yes = box.addButton(tr("Verwijderen"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        yes.setAccessibleName(tr("Verwijderen"))
        no.setAccessibleName(tr("Annuleren"))
        box.setDefaultButton(no)

        def finished(_result: int) -> None:
            if box.clickedButton() is yes:
                self.ops.perform("remove_rule", rule_id=rule.id,
                                 on_done=lambda _c: self._changed(tr("Regel '{name}' is verwijderd.").format(
                                     name=one_line(rule.name, 80))),
                                 on_error=self._refused)

        box.finished.connect(finished)
        self._open(box)
        self.yes_button = yes  # for the keyboard and the tests: the confirming button

    # -- assignment commands -------------------------------------------------------------

    def save_policy(self) -> None:
        dept = self.current_department()
        policy = self.policy.currentData()
        if dept is None or not self.admin or policy is None:
            return
        self.ops.perform("set_assignment_policy", department=dept.name, policy=policy,
                         on_done=lambda _c: self._changed(tr("{department}: toewijzing {policy}.").format(
                             department=one_line(dept.name, 80), policy=policy_text(policy))),
                         on_error=self._refused)

    def toggle_absent(self) -> None:
        agent = self.current_agent()
        if agent is None:
            return
        absent = not agent.absent
        said = tr("{name} is afwezig gemeld.") if absent else tr("{name} is aanwezig gemeld.")
        self.ops.perform("set_availability", user=agent.name, absent=absent,
                         on_done=lambda _c: self._changed(said.format(name=one_line(agent.display_name, 80))),
                         on_error=self._refused)

    def save_capacity(self) -> None:
        agent = self.current_agent()
        if agent is None or not self.manages_people:
            return
        value = self.capacity.value()
        args: dict[str, Any] = {"no_capacity": True} if value == NO_CAPACITY else {"capacity": value}
        said = tr("{name}: geen grens aan open zaken.") if value == NO_CAPACITY else tr("{name}: hoogstens {n} open zaken.")
        self.ops.perform("set_availability", user=agent.name, **args,
                         on_done=lambda _c: self._changed(said.format(name=one_line(agent.display_name, 80), n=value)),
                         on_error=self._refused)


def open_rules_dialog(parent: QWidget, db: Database, ops, actor: Actor) -> RulesDialog:
    """Open the routing dialog (window-modal, deleted on close) and return it, so the caller can track it."""
    dialog = RulesDialog(parent, db=db, ops=ops, actor=actor)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.activateWindow()
    return dialog
