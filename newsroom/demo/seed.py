"""The demo newsroom: departments, colleagues and a first batch of citizen messages."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from newsroom.actions import SYSTEM, perform
from newsroom.db.engine import Database
from newsroom.demo.generator import generate
from newsroom.inbound import parse_item
from newsroom.model import User
from newsroom.timeutil import parse_instant, utcnow

DEPARTMENTS = [
    ("Afval en Reiniging", "Afvalinzameling, containers, grofvuil, zwerfafval"),
    ("Parkeren", "Vergunningen, boetes, parkeerautomaten"),
    ("Wegen en Verkeer", "Wegwerkzaamheden, omleidingen, verkeerslichten"),
    ("Openbare Verlichting", "Lantaarnpalen en verlichting"),
    ("Groen", "Bomen, parken, stormschade"),
    ("Evenementen", "Vergunningen en overlast van evenementen"),
    ("Belastingen", "WOZ en gemeentelijke belastingen"),
    ("Burgerzaken", "Paspoort, ID-kaart, afspraken"),
    ("Jeugd en Welzijn", "Jongerenwerk en welzijn"),
]
# The admin comes last: once an admin exists, only an admin may add people.
USERS = [
    ("sanne", "Sanne de Vries", "operator", None),
    ("ahmed", "Ahmed El Amrani", "contact_centre", None),
    ("marieke", "Marieke Jansen", "supervisor", None),
    ("joost", "Joost Bakker", "department_agent", "Afval en Reiniging"),
    ("lotte", "Lotte Visser", "department_agent", "Afval en Reiniging"),
    ("fatima", "Fatima Yilmaz", "department_agent", "Burgerzaken"),
    ("daan", "Daan Mulder", "department_agent", "Burgerzaken"),
    ("noor", "Noor Smit", "department_agent", "Groen"),
    ("beheer", "Beheerder", "admin", None),
]
DEMO_USER = "sanne"


def is_seeded(db: Database) -> bool:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(User)).scalar_one() > 0


def seed_demo(db: Database, *, messages: int = 400, seed: int = 7) -> None:
    """Fill an empty demo database; does nothing if people already exist."""
    if is_seeded(db):
        return
    for name, description in DEPARTMENTS:
        perform(db, "add_department", SYSTEM, origin="demo", name=name, description=description)
    for login, display, role, department in USERS:
        perform(db, "add_user", SYSTEM, origin="demo", name=login, display_name=display, role=role, department=department)
    from newsroom.actions import resolve_actor
    from newsroom.demo.rules import install

    install(db, resolve_actor(db, "beheer"))
    # The first messages arrived over the last hour or so, so the inbox looks
    # lived-in: during office hours a newcomer sees every
    # warning level of the social-media targets (60 business minutes), not a
    # wall of late cases.
    items = [parse_item(obj) for obj in _history(messages, seed)]
    for first in range(0, len(items), 200):
        perform(db, "ingest", SYSTEM, origin="demo", items=items[first : first + 200])


def _history(messages: int, seed: int) -> list[dict]:
    """The generated messages, ending shortly before now whatever the hour.

    The generator's gaps are longer at night, so a history started a fixed time
    ago could end in the future in the evening: cases "received" after the
    newest real message and countdowns that start later than now. Start earlier
    by the overshoot and generate again (the timeline stays whole: every field
    comes from the generator), until the newest message lies in the past.
    """
    now = utcnow()
    start = now - timedelta(seconds=messages * 10)
    for _ in range(20):
        objs = list(generate(messages, seed=seed, start=start, mean_gap_seconds=8.0))
        if not objs:
            return objs
        overshoot = parse_instant(objs[-1]["received_at"]) - (now - timedelta(seconds=30))
        if overshoot <= timedelta(0):
            return objs
        start -= overshoot + timedelta(minutes=5)
    raise RuntimeError("the demo's history could not be placed before now")  # not seen at any hour or weekday
