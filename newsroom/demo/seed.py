"""The demo newsroom: departments, colleagues and a first batch of citizen messages."""
from __future__ import annotations

from sqlalchemy import func, select

from newsroom.actions import SYSTEM, perform
from newsroom.db.engine import Database
from newsroom.demo.generator import generate, start_ending_before
from newsroom.inbound import parse_item
from newsroom.model import User
from newsroom.timeutil import utcnow

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
    # The messages end just before now, an hour or so of them in office hours,
    # so the inbox looks lived-in: a newcomer sees every warning level of the
    # social-media targets (60 business minutes), not a wall of late cases.
    start = start_ending_before(utcnow(), messages, seed=seed, mean_gap_seconds=8.0)
    items = [parse_item(obj) for obj in generate(messages, seed=seed, start=start, mean_gap_seconds=8.0)]
    for first in range(0, len(items), 200):
        perform(db, "ingest", SYSTEM, origin="demo", items=items[first : first + 200])
