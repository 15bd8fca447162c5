"""The newsroom's words for the core's values (status, priority, platform, action), translated."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QLocale

from ui.i18n import N_, tr

STATUS = {
    "new": N_("Nieuw"),
    "open": N_("Open"),
    "waiting_on_citizen": N_("Wacht op burger"),
    "handed_off": N_("Doorgezet"),
    "resolved": N_("Afgehandeld"),
    "closed": N_("Gesloten"),
}
PRIORITY = {"low": N_("Laag"), "normal": N_("Normaal"), "high": N_("Hoog"), "urgent": N_("Spoed")}
PLATFORM = {
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "x": "X",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "whatsapp": "WhatsApp",
    "email": N_("E-mail"),
    "signalen": "Signalen",
    "open311": "Open311",
    "other": N_("Webformulier"),
}
ROLE = {
    "operator": N_("redacteur"),
    "contact_centre": N_("klantcontactcentrum"),
    "department_agent": N_("medewerker afdeling"),
    "supervisor": N_("teamleider"),
    "admin": N_("beheerder"),
}
FIELD = {
    "assignee": N_("behandelaar"),
    "department": N_("afdeling"),
    "status": N_("status"),
    "priority": N_("prioriteit"),
    "tags": N_("labels"),
    "merged": N_("samengevoegd"),
    "case": N_("zaak"),
    "draft": N_("concept"),
    "resolved_at": N_("afgehandeld op"),
}
ACTION = {
    "claim": N_("geclaimd"),
    "release": N_("vrijgegeven"),
    "route": N_("naar afdeling gestuurd"),
    "assign": N_("toegewezen"),
    "tag": N_("label toegevoegd"),
    "untag": N_("label verwijderd"),
    "note": N_("notitie toegevoegd"),
    "set_status": N_("status gewijzigd"),
    "set_priority": N_("prioriteit gewijzigd"),
    "draft_reply": N_("concept-antwoord opgeslagen"),
    "merge": N_("samengevoegd"),
    "split": N_("bericht afgesplitst"),
    "ingest": N_("bericht ontvangen"),
}


def status(value: str) -> str:
    return tr(STATUS[value]) if value in STATUS else value


def priority(value: str) -> str:
    return tr(PRIORITY[value]) if value in PRIORITY else value


def platform(value: str) -> str:
    return tr(PLATFORM[value]) if value in PLATFORM else value


def role(value: str) -> str:
    return tr(ROLE[value]) if value in ROLE else value


def field_change(name: str, value) -> str:
    """A field's value in the history: statuses and priorities in words, nothing as a dash."""
    if value is None:
        return "\u2014"
    if name == "status":
        return status(str(value))
    if name == "priority":
        return priority(str(value))
    return str(value)


def field(name: str) -> str:
    return tr(FIELD[name]) if name in FIELD else name


def action(value: str) -> str:
    return tr(ACTION[value]) if value in ACTION else value


def number(n: int) -> str:
    """A count with the language's digit grouping (1.234 in Dutch)."""
    return QLocale().toString(n)


def when(instant: datetime | None) -> str:
    """A moment in the desk's local time, short."""
    if instant is None:
        return ""
    return instant.astimezone().strftime("%d-%m-%Y %H:%M")


def span(delta: timedelta) -> str:
    """A length of time the way a colleague would say it: 5 min, 3 u, 2 d."""
    seconds = abs(int(delta.total_seconds()))
    if seconds < 60:
        return tr("nu")
    if seconds < 3600:
        return tr("{n} min").format(n=seconds // 60)
    if seconds < 86400:
        return tr("{n} u").format(n=seconds // 3600)
    return tr("{n} d").format(n=seconds // 86400)


def age_or_due(now: datetime, created_at: datetime, due_at: datetime | None) -> str:
    """The inbox's time column: a countdown to the response target, or how long the case waits."""
    if due_at is not None:
        if due_at >= now:
            return tr("nog {span}").format(span=span(due_at - now))
        return tr("{span} te laat").format(span=span(now - due_at))
    return span(now - created_at)
