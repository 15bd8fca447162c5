"""Incidents in the database: the clusterer's proposals, the operator's decision, one answer to every reporter.

`newsroom/incidents.py` finds the incidents (pure, no database); this module
wires it in:

* `IncidentScanner(db)` keeps one `Clusterer` warm for the desktop or the
  collector: built from the inbound messages of the last 6 hours, then fed
  what arrived after each ingest (`feed()`). What it proposes is written by
  the action `record_incidents` (audited, as the system). The clusterer is
  not thread-safe: **one thread owns a scanner** (the collector's database
  worker, or the desktop's); nothing else calls it.
* `scan_incidents(db)` is the one-shot form (the command line): a fresh
  scanner over the window, persisted, and dropped.
* Persisting is idempotent. A proposal is matched to the stored incidents
  that hold any of its messages; only messages in no incident yet are added
  (also to an accepted incident: its new reporters get the answer too), and
  a message an operator took out (`remove_from_incident`) is never put back.
  Two stored proposals the clusterer now calls one are folded into one.
* A declined incident is never proposed again for the same messages: when a
  replayed proposal holds messages of a declined incident, the clusterer is
  told (`Clusterer.decline`), so it absorbs that burst silently; the new
  messages it absorbs are recorded as members of the declined incident.
* `accept_incident`, `decline_incident`, `add_to_incident`,
  `remove_from_incident`, `answer_incident` are people's actions (operators,
  supervisors, admins). `answer_incident` queues one reply per member case,
  each on the channel of that case's latest citizen message, each with its
  own client key, and never the same text twice to a case.
"""
from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select, update

from newsroom.actions.base import (
    SYSTEM,
    ActionError,
    Actor,
    Change,
    Tx,
    action,
    perform,
)
from newsroom.actions.common import (
    CASES,
    CHANNELS,
    MESSAGES,
    USERS,
    check_reply_text,
    latest_inbound,
    snippet,
)
from newsroom.db.engine import Database
from newsroom.incidents import Clusterer, Message, author_key, evaluate
from newsroom.model import Incident, IncidentMember, Reply, ReplyState, Role
from newsroom.timeutil import to_iso, utcnow

INCIDENTS = Incident.__table__
MEMBERS = IncidentMember.__table__
REPLIES = Reply.__table__

WINDOW = timedelta(hours=6)
STATUSES = ("proposed", "accepted", "declined")
DECIDERS = frozenset({Role.operator.value, Role.supervisor.value, Role.admin.value})
LIVE_REPLY_STATES = (ReplyState.queued.value, ReplyState.sending.value, ReplyState.sent.value)
PAGE = 2000
CHUNK = 500  # ids per IN (...) list
# A message is ingested after it was written; allow this much clock skew when the
# newest-first walk stops at messages ingested before the window.
SKEW = timedelta(hours=1)
PLATFORM_NAMES = {"mastodon": "Mastodon", "bluesky": "Bluesky"}

_MESSAGE_COLUMNS = (
    MESSAGES.c.id, MESSAGES.c.case_id, MESSAGES.c.text, MESSAGES.c.subject, MESSAGES.c.received_at,
    MESSAGES.c.ingested_at, MESSAGES.c.author_id, MESSAGES.c.author_handle, MESSAGES.c.author_name,
    MESSAGES.c.author_email, MESSAGES.c.author_phone, MESSAGES.c.category, MESSAGES.c.location,
    MESSAGES.c.channel_id, CHANNELS.c.platform, CHANNELS.c.name.label("channel_name"),
)
_INBOUND = select(*_MESSAGE_COLUMNS).join(CHANNELS, CHANNELS.c.id == MESSAGES.c.channel_id).where(MESSAGES.c.direction == "in")


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ids = list(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _location(raw: str | None) -> dict | None:
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _author(row) -> str | None:
    return author_key(row.platform, id=row.author_id, handle=row.author_handle, name=row.author_name,
                      email=row.author_email, phone=row.author_phone)


def _message(row) -> Message:
    """A stored inbound message as the clusterer sees it (id: the message row's id)."""
    return Message(
        id=row.id, text=row.text or "", received_at=row.received_at, author=_author(row),
        channel=str(row.channel_id), platform=row.platform, category=row.category,
        location=_location(row.location), subject=row.subject,
    )


# ---------------------------------------------------------------------------
# Persisting what the clusterer proposes
# ---------------------------------------------------------------------------


def _detail(row) -> dict:
    try:
        value = json.loads(row.detail or "{}")
    except ValueError:
        value = {}
    return value if isinstance(value, dict) else {}


def _holders(conn, message_ids: Iterable[int]) -> dict[int, int]:
    """message id -> the incident that holds it (the oldest, if an operator put it in two)."""
    out: dict[int, int] = {}
    for chunk in _chunks(set(message_ids)):
        for mid, iid in conn.execute(
            select(MEMBERS.c.message_id, MEMBERS.c.incident_id).where(MEMBERS.c.message_id.in_(chunk))
            .order_by(MEMBERS.c.incident_id)
        ):
            out.setdefault(mid, iid)
    return out


def _incident_rows(conn, ids: Iterable[int]) -> dict[int, object]:
    out = {}
    for chunk in _chunks(set(ids)):
        for row in conn.execute(select(INCIDENTS).where(INCIDENTS.c.id.in_(chunk))):
            out[row.id] = row
    return out


_RANK = {"accepted": 0, "declined": 1, "proposed": 2}


def _choose(rows: dict, overlap: Counter, hint: int | None):
    """The stored incident a proposal belongs to: the one it was recorded as, else an accepted,
    then a declined, then a proposed one, the most shared messages first."""
    if hint in rows:
        return rows[hint]
    if not overlap:
        return None
    best = min(overlap, key=lambda iid: (_RANK[rows[iid].status], -overlap[iid], iid))
    return rows[best]


def _plan(conn, groups: list[dict]) -> list[dict]:
    """What recording `groups` would change: per group its target incident (None: a new one),
    the messages to add, the stored proposals to fold into the target. Empty steps are left out."""
    holders = _holders(conn, (m for g in groups for m in g["members"]))
    hints = [g.get("incident") for g in groups if g.get("incident")]
    rows = _incident_rows(conn, list(holders.values()) + hints)
    steps = []
    for g in groups:
        overlap = Counter(holders[m] for m in g["members"] if m in holders)
        target = _choose(rows, overlap, g.get("incident"))
        absorb = []
        if target is not None and target.status != "declined":
            absorb = sorted(iid for iid in overlap if iid != target.id and rows[iid].status == "proposed")
        removed = set(_detail(target).get("removed", ())) if target is not None else set()
        add = [m for m in dict.fromkeys(g["members"]) if m not in holders and m not in removed]
        if target is None and not add:
            continue
        if add or absorb or target is None:
            steps.append({"group": g, "target": target, "add": add, "absorb": absorb})
        elif target is not None:
            steps.append({"group": g, "target": target, "add": [], "absorb": [], "known": True})
    return steps


def _describe(conn, incident_id: int, extra: dict) -> dict:
    """The incident's detail JSON from its members: reporters, channels, category, location."""
    rows = conn.execute(
        _INBOUND.join(MEMBERS, MEMBERS.c.message_id == MESSAGES.c.id).where(MEMBERS.c.incident_id == incident_id)
        .order_by(MESSAGES.c.received_at, MESSAGES.c.id)
    ).all()
    authors = set()
    anonymous = 0
    channels: Counter = Counter()
    platforms: Counter = Counter()
    categories: Counter = Counter()
    addresses: Counter = Counter()
    lat = lon = 0.0
    located = 0
    for r in rows:
        key = _author(r)
        if key is None:
            anonymous += 1
        else:
            authors.add(key)
        channels[r.channel_name] += 1
        platforms[r.platform] += 1
        if r.category:
            categories[r.category] += 1
        loc = _location(r.location)
        if loc:
            la, lo = loc.get("lat"), loc.get("lon")
            if isinstance(la, (int, float)) and isinstance(lo, (int, float)):
                lat += la
                lon += lo
                located += 1
            if isinstance(loc.get("address"), str):
                addresses[loc["address"][:200]] += 1
    location = None
    if located or addresses:
        location = {}
        if located:
            location.update(lat=round(lat / located, 6), lon=round(lon / located, 6), located=located)
        if addresses:
            location["address"] = addresses.most_common(1)[0][0]
    detail = dict(extra)
    detail.update(
        reporters=len(authors) + anonymous,
        messages=len(rows),
        cases=len({r.case_id for r in rows}),
        channels=dict(channels.most_common()),
        platforms=dict(platforms.most_common()),
        category=categories.most_common(1)[0][0] if categories else None,
        location=location,
        first=to_iso(rows[0].received_at) if rows else None,
        last=to_iso(rows[-1].received_at) if rows else None,
    )
    return detail


@action("record_incidents")
def record_incidents(tx: Tx, groups: list) -> Change:
    """Store what the clusterer proposes: new incidents, new members, proposals folded together.

    `groups`: ``[{"key", "members": [message ids], "incident": stored id or None,
    "title", "street", "kind", "score"}]``. Idempotent: messages already in an
    incident are not added again.
    """
    if not tx.actor.is_system:
        _require_decider(tx, None)
    if not isinstance(groups, list) or not all(
            isinstance(g, dict) and isinstance(g.get("members"), list)
            and all(isinstance(m, int) and not isinstance(m, bool) for m in g["members"]) for g in groups):
        raise ActionError("Incident proposals must be lists of message numbers.", kind="invalid", object_type="incident")
    conn = tx.conn
    mapping: list[list] = []
    created: list[int] = []
    added: dict[int, int] = {}
    absorbed: list[int] = []
    case_ids: set[int] = set()
    for step in _plan(conn, groups):
        g, target = step["group"], step["target"]
        extra = {k: g.get(k) for k in ("street", "kind", "score")}
        title = str(g.get("title") or "")[:200]
        if target is None:
            iid = conn.execute(
                insert(INCIDENTS).values(status="proposed", title=title, detail="{}", created_at=tx.now, updated_at=tx.now)
                .returning(INCIDENTS.c.id)
            ).scalar_one()
            created.append(iid)
            detail: dict = {}
            status = "proposed"
        else:
            iid, detail, status = target.id, _detail(target), target.status
        mapping.append([g.get("key"), iid])
        if step.get("known"):
            continue
        removed = set(detail.get("removed", ()))
        for other in step["absorb"]:
            other_row = conn.execute(select(INCIDENTS).where(INCIDENTS.c.id == other)).first()
            removed |= set(_detail(other_row).get("removed", ()))
            mine = select(MEMBERS.c.message_id).where(MEMBERS.c.incident_id == iid).scalar_subquery()
            conn.execute(delete(MEMBERS).where(MEMBERS.c.incident_id == other, MEMBERS.c.message_id.in_(mine)))
            conn.execute(update(MEMBERS).where(MEMBERS.c.incident_id == other).values(incident_id=iid))
            conn.execute(delete(INCIDENTS).where(INCIDENTS.c.id == other))
            absorbed.append(other)
        if step["add"]:
            cases = {}
            for chunk in _chunks(step["add"]):
                cases.update(conn.execute(select(MESSAGES.c.id, MESSAGES.c.case_id).where(MESSAGES.c.id.in_(chunk))).all())
            rows = [{"incident_id": iid, "message_id": m, "case_id": cases[m], "added_at": tx.now} for m in step["add"] if m in cases]
            if rows:
                conn.execute(insert(MEMBERS), rows)
                added[iid] = added.get(iid, 0) + len(rows)
                case_ids.update(r["case_id"] for r in rows)
        new_detail = _describe(conn, iid, {**{k: v for k, v in detail.items() if k in ("street", "kind", "score")},
                                            **{k: v for k, v in extra.items() if v is not None}})
        if removed:
            new_detail["removed"] = sorted(removed)
        values: dict = {"detail": json.dumps(new_detail, ensure_ascii=False, sort_keys=True), "updated_at": tx.now}
        if status == "proposed" and title:
            values["title"] = title
        conn.execute(update(INCIDENTS).where(INCIDENTS.c.id == iid).values(**values))
    return Change(
        "record_incidents", "incident", created[0] if len(created) == 1 else None, tuple(sorted(case_ids)),
        created={"incidents": len(created)} if created else {},
        fields={"members": [None, sum(added.values())]} if added else {},
        info={"incidents": mapping, "new": created, "added": {str(k): v for k, v in added.items()}, "absorbed": absorbed},
    )


# ---------------------------------------------------------------------------
# The scanner
# ---------------------------------------------------------------------------


class IncidentScanner:
    """One `Clusterer` kept warm over the inbound messages, persisted through `record_incidents`.

    Built from the messages received in the last `window` (and the other
    members of the incidents they belong to), in time order, with the stored
    decisions re-applied. After each ingest call `feed()`: it reads what
    arrived since, picks up the operators' decisions, feeds the clusterer and
    records what changed. Not thread-safe, like the clusterer: one thread owns
    a scanner.
    """

    def __init__(self, db: Database, *, window: timedelta = WINDOW, now: datetime | None = None,
                 actor: Actor = SYSTEM, origin: str = "incidents", **knobs) -> None:
        self.db = db
        self.window = window
        self.actor = actor
        self.origin = origin
        self.clusterer = Clusterer(**knobs)
        self._groups: dict[int, list[int]] = {}  # clusterer id -> members (proposed ones)
        self._about: dict[int, dict] = {}  # clusterer id -> title, street, kind, score
        self._stored: dict[int, int] = {}  # clusterer id -> incident id
        self._recorded: dict[int, set[int]] = {}  # clusterer id -> members already recorded
        self._status: dict[int, str] = {}  # clusterer id -> the decision applied to it
        self._dirty: set[int] = set()
        self._fed: dict[int, float] = {}  # message id -> received (POSIX), for the window
        self._last_id = 0
        self.last: dict = {}
        self.rebuild(now)

    # -- reading -------------------------------------------------------------

    def _window_rows(self, now: datetime) -> list:
        """Inbound messages received in [now - window, now], walking newest-first by id."""
        cutoff = now - self.window
        out = []
        before = None
        with self.db.read() as conn:
            while True:
                q = _INBOUND.order_by(MESSAGES.c.id.desc()).limit(PAGE)
                if before is not None:
                    q = q.where(MESSAGES.c.id < before)
                page = conn.execute(q).all()
                if not page:
                    break
                if before is None:
                    self._last_id = max(self._last_id, page[0].id)
                out.extend(r for r in page if cutoff <= r.received_at <= now)
                before = page[-1].id
                if all(r.ingested_at < cutoff - SKEW for r in page) or len(page) < PAGE:
                    break
            # the other members of incidents still active in the window: they shape the candidate
            ids = {r.id for r in out}
            incidents = set(_holders(conn, ids).values())
            more: set[int] = set()
            for chunk in _chunks(incidents):
                more.update(conn.execute(select(MEMBERS.c.message_id).where(MEMBERS.c.incident_id.in_(chunk))).scalars())
            for chunk in _chunks(more - ids):
                out.extend(conn.execute(_INBOUND.where(MESSAGES.c.id.in_(chunk))).all())
        return out

    def _new_rows(self, message_ids: Iterable[int] | None) -> list:
        rows = []
        with self.db.read() as conn:
            if message_ids is None:
                while True:
                    page = conn.execute(
                        _INBOUND.where(MESSAGES.c.id > self._last_id).order_by(MESSAGES.c.id).limit(PAGE)
                    ).all()
                    rows.extend(page)
                    if page:
                        self._last_id = page[-1].id
                    if len(page) < PAGE:
                        break
            else:
                for chunk in _chunks(set(message_ids)):
                    rows.extend(conn.execute(_INBOUND.where(MESSAGES.c.id.in_(chunk))).all())
                if rows:
                    self._last_id = max(self._last_id, max(r.id for r in rows))
        return [r for r in rows if r.id not in self._fed]

    # -- the clusterer ---------------------------------------------------------

    def _decision(self, members: list[int]) -> tuple[int, str] | None:
        """The stored incident a fresh proposal is (an accepted, declined or proposed one)."""
        with self.db.read() as conn:
            holders = _holders(conn, members)
            rows = _incident_rows(conn, holders.values())
        target = _choose(rows, Counter(holders.values()), None)
        return (target.id, target.status) if target is not None else None

    def _apply(self, cid: int, status: str) -> None:
        if self._status.get(cid) == status:
            return
        if status == "accepted":
            self.clusterer.accept(cid)
        elif status == "declined":
            self.clusterer.decline(cid)
        self._status[cid] = status

    def _feed(self, rows: list) -> int:
        rows.sort(key=lambda r: (r.received_at, r.id))
        c = self.clusterer
        proposals = 0
        for r in rows:
            msg = _message(r)
            self._fed[r.id] = r.received_at.timestamp()
            p = c.add(msg)
            if p is None:
                cid = c.incident_id_of(r.id)
                if cid in self._groups:  # a declined incident absorbing its burst silently
                    self._groups[cid].append(r.id)
                    self._dirty.add(cid)
                continue
            proposals += 1
            cid = p.incident.id
            for old in p.merged:
                self._groups.pop(old, None)
                self._dirty.discard(old)
                self._recorded.pop(old, None)
                stored = self._stored.pop(old, None)
                if stored is not None and cid not in self._stored:
                    self._stored[cid] = stored
            self._groups[cid] = list(p.incident.members)
            inc = p.incident
            self._about[cid] = {"title": inc.label, "street": inc.street, "kind": inc.kind, "score": inc.score}
            self._dirty.add(cid)
            if p.new and cid not in self._stored:
                found = self._decision(self._groups[cid])
                if found is not None:
                    self._stored[cid] = found[0]
                    self._apply(cid, found[1])
        return proposals

    def _sync_decisions(self) -> None:
        """Pick up the operators' accept and decline since the last feed."""
        if not self._stored:
            return
        by_incident = {iid: cid for cid, iid in self._stored.items()}
        with self.db.read() as conn:
            rows = _incident_rows(conn, by_incident)
        for iid, cid in by_incident.items():
            row = rows.get(iid)
            if row is None:  # folded into another one: find it again from the members
                del self._stored[cid]
                self._recorded.pop(cid, None)
                self._dirty.add(cid)
            else:
                self._apply(cid, row.status)

    def _persist(self) -> dict:
        groups = []
        for cid in sorted(self._dirty):
            members = self._groups.get(cid)
            if not members:
                continue
            stored = self._stored.get(cid)
            sent = self._recorded.get(cid, set()) if stored is not None else set()
            groups.append({"key": cid, "incident": stored, "members": [m for m in members if m not in sent],
                           **self._about.get(cid, {})})
        self._dirty.clear()
        report = {"new": [], "added": {}, "absorbed": []}
        if not groups:
            return report
        with self.db.read() as conn:
            steps = _plan(conn, groups)
        if any(not s.get("known") for s in steps):
            change = perform(self.db, "record_incidents", self.actor, origin=self.origin, groups=groups)
            pairs = change.info["incidents"]
            report = {k: change.info[k] for k in ("new", "added", "absorbed")}
        else:
            pairs = [[s["group"]["key"], s["target"].id] for s in steps]
        for cid, iid in pairs:
            self._stored[cid] = iid
        for g in groups:
            if g["key"] in self._stored:
                self._recorded[g["key"]] = set(self._groups[g["key"]])
        return report

    def _prune(self, now_ts: float) -> None:
        if len(self._fed) > 50_000:
            horizon = now_ts - 2 * max(self.window.total_seconds(), self.clusterer.window)
            self._fed = {k: v for k, v in self._fed.items() if v >= horizon}
        live = {cid for cid in self._groups if self.clusterer.is_open(cid)}
        for table in (self._groups, self._about, self._stored, self._recorded, self._status):
            for cid in [k for k in table if k not in live]:
                del table[cid]

    # -- public ----------------------------------------------------------------

    def rebuild(self, now: datetime | None = None) -> dict:
        """Start over from the messages of the last `window` (after a restart); records what is new."""
        now = now or utcnow()
        t0 = time.perf_counter()
        rows = self._window_rows(now)
        proposals = self._feed(rows)
        report = self._persist()
        self.last = {"messages": len(rows), "proposals": proposals, **report,
                     "seconds": round(time.perf_counter() - t0, 3)}
        return self.last

    def feed(self, message_ids: Iterable[int] | None = None) -> dict:
        """Take what arrived since the last call (or just `message_ids`); record what changed."""
        t0 = time.perf_counter()
        self._sync_decisions()
        rows = self._new_rows(message_ids)
        proposals = self._feed(rows)
        report = self._persist()
        if rows:
            self._prune(max(r.received_at.timestamp() for r in rows))
        self.last = {"messages": len(rows), "proposals": proposals, **report,
                     "seconds": round(time.perf_counter() - t0, 3)}
        return self.last


def scan_incidents(db: Database, *, now: datetime | None = None, window: timedelta = WINDOW,
                   actor: Actor = SYSTEM, origin: str = "cli") -> dict:
    """Cluster the inbound messages of the last `window` and record the incidents (idempotent).

    Returns ``{"messages", "proposals", "new": [incident ids], "added": {incident id: n},
    "absorbed": [incident ids], "seconds"}``.
    """
    return IncidentScanner(db, window=window, now=now, actor=actor, origin=origin).last


# ---------------------------------------------------------------------------
# People's actions
# ---------------------------------------------------------------------------


def _require_decider(tx: Tx, incident_id) -> None:
    if tx.actor.is_system:
        raise ActionError("Say who you are to decide on an incident (--as USER).", kind="denied", object_type="incident",
                          object_id=incident_id)
    if tx.actor.role not in DECIDERS:
        raise ActionError("{actor} ({role}) may not decide on incidents; operators, supervisors and admins may.",
                          kind="denied", object_type="incident", object_id=incident_id, actor=tx.actor.name, role=tx.actor.role)


def _load(tx: Tx, incident_id):
    if isinstance(incident_id, bool) or not isinstance(incident_id, int):
        raise ActionError("An incident number must be a whole number, not {value!r}.", kind="invalid", object_type="incident",
                          value=incident_id)
    row = tx.conn.execute(select(INCIDENTS).where(INCIDENTS.c.id == incident_id)).first()
    if row is None:
        raise ActionError("There is no incident {id}.", kind="not_found", object_type="incident", object_id=incident_id,
                          id=incident_id)
    return row


def _member_cases(tx: Tx, incident_id: int) -> list[int]:
    return list(tx.conn.execute(
        select(MEMBERS.c.case_id).where(MEMBERS.c.incident_id == incident_id).group_by(MEMBERS.c.case_id)
        .order_by(func.min(MEMBERS.c.added_at), MEMBERS.c.case_id)
    ).scalars())


def _decide(tx: Tx, name: str, incident_id, status: str) -> Change:
    _require_decider(tx, incident_id)
    row = _load(tx, incident_id)
    if row.status == status == "accepted":
        raise ActionError("Incident {id} was already accepted.", kind="conflict", object_type="incident", object_id=row.id,
                          id=row.id)
    if row.status == status == "declined":
        raise ActionError("Incident {id} was already declined.", kind="conflict", object_type="incident", object_id=row.id,
                          id=row.id)
    if status == "declined" and row.status != "proposed":
        raise ActionError("Incident {id} was accepted; it can no longer be declined.", kind="conflict", object_type="incident",
                          object_id=row.id, id=row.id)
    tx.conn.execute(update(INCIDENTS).where(INCIDENTS.c.id == row.id).values(
        status=status, decided_at=tx.now, decided_by=tx.actor.user_id, updated_at=tx.now))
    return Change(name, "incident", row.id,
                  tuple(_member_cases(tx, row.id)), {"status": [row.status, status]})


@action("accept_incident")
def accept_incident(tx: Tx, incident_id: int) -> Change:
    """Accept a proposed (or earlier declined) incident: one incident, answered once to every reporter."""
    return _decide(tx, "accept_incident", incident_id, "accepted")


@action("decline_incident")
def decline_incident(tx: Tx, incident_id: int) -> Change:
    """Decline a proposal: these messages are not one incident; it is not proposed again."""
    return _decide(tx, "decline_incident", incident_id, "declined")


def _case_message(tx: Tx, case_id):
    if isinstance(case_id, bool) or not isinstance(case_id, int):
        raise ActionError("Case number must be a whole number, not {value!r}.", kind="invalid", value=case_id)
    case = tx.conn.execute(select(CASES.c.id, CASES.c.merged_into_id).where(CASES.c.id == case_id)).first()
    if case is None:
        raise ActionError("There is no case {case_id}.", kind="not_found", object_id=case_id, case_id=case_id)
    if case.merged_into_id is not None:
        raise ActionError("Case {case_id} was merged into case {target}; work on that case.", kind="invalid", object_id=case_id,
                          case_id=case_id, target=case.merged_into_id)
    latest = latest_inbound(tx, case_id)
    if latest is None:
        raise ActionError("Case {id} has no message from a citizen to answer.", kind="invalid", object_id=case_id, id=case_id)
    return latest


@action("add_to_incident")
def add_to_incident(tx: Tx, incident_id: int, case_id: int) -> Change:
    """Put a case in an incident (its latest citizen message becomes a member)."""
    _require_decider(tx, incident_id)
    row = _load(tx, incident_id)
    latest = _case_message(tx, case_id)
    if tx.conn.execute(select(MEMBERS.c.message_id).where(MEMBERS.c.incident_id == row.id, MEMBERS.c.case_id == case_id)).first():
        raise ActionError("Case {case_id} is already in incident {id}.", kind="conflict", object_type="incident", object_id=row.id,
                          case_id=case_id, id=row.id)
    tx.conn.execute(insert(MEMBERS).values(incident_id=row.id, message_id=latest.id, case_id=case_id, added_at=tx.now))
    detail = _detail(row)
    removed = [m for m in detail.get("removed", ()) if m != latest.id]
    extra = {k: v for k, v in detail.items() if k in ("street", "kind", "score")}
    new_detail = _describe(tx.conn, row.id, extra)
    if removed:
        new_detail["removed"] = removed
    tx.conn.execute(update(INCIDENTS).where(INCIDENTS.c.id == row.id).values(
        detail=json.dumps(new_detail, ensure_ascii=False, sort_keys=True), updated_at=tx.now))
    return Change("add_to_incident", "incident", row.id, (case_id,), {"cases": [None, case_id]},
                  info={"message": latest.id})


@action("remove_from_incident")
def remove_from_incident(tx: Tx, incident_id: int, case_id: int) -> Change:
    """Take a case out of an incident; scanning again does not put it back."""
    _require_decider(tx, incident_id)
    row = _load(tx, incident_id)
    mids = list(tx.conn.execute(
        select(MEMBERS.c.message_id).where(MEMBERS.c.incident_id == row.id, MEMBERS.c.case_id == case_id)).scalars())
    if not mids:
        raise ActionError("Case {case_id} is not in incident {id}.", kind="not_found", object_type="incident", object_id=row.id,
                          case_id=case_id, id=row.id)
    tx.conn.execute(delete(MEMBERS).where(MEMBERS.c.incident_id == row.id, MEMBERS.c.case_id == case_id))
    detail = _detail(row)
    removed = sorted(set(detail.get("removed", ())) | set(mids))
    new_detail = _describe(tx.conn, row.id, {k: v for k, v in detail.items() if k in ("street", "kind", "score")})
    new_detail["removed"] = removed
    tx.conn.execute(update(INCIDENTS).where(INCIDENTS.c.id == row.id).values(
        detail=json.dumps(new_detail, ensure_ascii=False, sort_keys=True), updated_at=tx.now))
    return Change("remove_from_incident", "incident", row.id, (case_id,), {"cases": [case_id, None]},
                  info={"messages": mids})


def _live_case(tx: Tx, case_id: int) -> int:
    """Follow merge pointers to the case that lives on."""
    for _ in range(50):
        target = tx.conn.execute(select(CASES.c.merged_into_id).where(CASES.c.id == case_id)).scalar()
        if target is None:
            return case_id
        case_id = target
    return case_id


def _too_long(text: str, platform: str) -> tuple[int, int] | None:
    """(length, limit) when `text` is longer than `platform` takes, else None."""
    from newsroom.connectors import REPLY_LIMITS

    limit = REPLY_LIMITS.get(platform)
    if limit is None:
        return None
    if platform == "bluesky":
        from newsroom.connectors.bluesky import grapheme_count

        length = grapheme_count(text)
    else:
        length = len(text)
    return (length, limit) if length > limit else None


@action("answer_incident")
def answer_incident(tx: Tx, incident_id: int, text: str) -> Change:
    """One answer to every reporter: a queued reply per member case, each on its own channel.

    Skipped (and listed in the change's info): cases already sent or sending
    this answer, cases whose channel is not connected. A text longer than a
    member's platform takes is refused as a whole.
    """
    _require_decider(tx, incident_id)
    row = _load(tx, incident_id)
    if row.status == "declined":
        raise ActionError("Incident {id} was declined; accept it before answering its reporters.", kind="conflict",
                          object_type="incident", object_id=row.id, id=row.id)
    if row.status != "accepted":
        raise ActionError("Incident {id} is only proposed; accept it before answering its reporters.", kind="conflict",
                          object_type="incident", object_id=row.id, id=row.id)
    body = check_reply_text(text, None)
    targets: list[tuple[int, object, object]] = []
    skipped: list[dict] = []
    seen: set[int] = set()
    too_long: dict[str, list] = {}
    for member_case in _member_cases(tx, row.id):
        case_id = _live_case(tx, member_case)
        if case_id in seen:
            continue
        seen.add(case_id)
        latest = latest_inbound(tx, case_id)
        if latest is None:
            skipped.append({"case": case_id, "reason": "no_message"})
            continue
        channel = tx.conn.execute(select(CHANNELS).where(CHANNELS.c.id == latest.channel_id)).first()
        if channel.options is None:
            skipped.append({"case": case_id, "reason": "not_connected", "platform": channel.platform,
                            "account": channel.account})
            continue
        twin = tx.conn.execute(select(REPLIES.c.id).where(
            REPLIES.c.case_id == case_id, REPLIES.c.kind == "incident", REPLIES.c.state.in_(LIVE_REPLY_STATES),
            REPLIES.c.text == body)).first()
        if twin is not None:
            skipped.append({"case": case_id, "reason": "already_answered", "reply": twin.id})
            continue
        over = _too_long(body, channel.platform)
        if over is not None:
            too_long.setdefault(channel.platform, []).append(over)
        targets.append((case_id, latest, channel))
    for platform, overs in sorted(too_long.items(), key=lambda kv: kv[1][0][1]):  # the strictest platform first
        length, limit = overs[0]
        if platform == "bluesky":
            raise ActionError(
                "This answer is too long for Bluesky: it has {length} characters (graphemes) and Bluesky takes at most {limit}; "
                "{count} reporters wrote there.", kind="invalid", object_type="incident", object_id=row.id,
                length=length, limit=limit, count=len(overs))
        raise ActionError(
            "This answer is too long for {platform}: it has {length} characters and {platform} takes at most {limit}; "
            "{count} reporters wrote there.", kind="invalid", object_type="incident", object_id=row.id,
            platform=PLATFORM_NAMES.get(platform, platform), length=length, limit=limit, count=len(overs))
    queued: list[dict] = []
    for case_id, latest, channel in targets:
        reply_id = tx.conn.execute(insert(REPLIES).values(
            case_id=case_id, author_user_id=tx.actor.user_id, channel_id=channel.id, in_reply_to_message_id=latest.id,
            text=body, state=ReplyState.queued.value, client_key=str(uuid.uuid4()), queued_at=tx.now,
            next_attempt_at=None, failure_reason=None, attempts=0, created_at=tx.now, updated_at=tx.now, kind="incident",
        ).returning(REPLIES.c.id)).scalar_one()
        queued.append({"case": case_id, "reply": reply_id, "channel": channel.name, "platform": channel.platform})
    fields: dict = {}
    if queued:
        for chunk in _chunks([q["case"] for q in queued]):
            tx.conn.execute(update(CASES).where(CASES.c.id.in_(chunk)).values(updated_at=tx.now))
        tx.conn.execute(update(INCIDENTS).where(INCIDENTS.c.id == row.id).values(answered_at=tx.now, updated_at=tx.now))
        fields["answered_at"] = [to_iso(row.answered_at), to_iso(tx.now)]
    return Change("answer_incident", "incident", row.id, tuple(q["case"] for q in queued), fields,
                  created={"replies": len(queued)} if queued else {},
                  info={"queued": queued, "skipped": skipped})


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _summary(row, members: int, decider: str | None) -> dict:
    detail = _detail(row)
    return {
        "id": row.id, "status": row.status, "title": row.title, "reporters": detail.get("reporters", 0),
        "messages": members, "cases": detail.get("cases", 0), "channels": detail.get("channels", {}),
        "platforms": detail.get("platforms", {}), "category": detail.get("category"),
        "location": detail.get("location"), "street": detail.get("street"), "kind": detail.get("kind"),
        "score": detail.get("score"), "first": detail.get("first"), "last": detail.get("last"),
        "created_at": to_iso(row.created_at), "updated_at": to_iso(row.updated_at),
        "decided_at": to_iso(row.decided_at), "decided_by": decider, "answered_at": to_iso(row.answered_at),
    }


def list_incidents(db: Database, status: str | None = None, limit: int = 100) -> list[dict]:
    """Incidents, newest first, optionally of one status; each with its reporters and channels."""
    if status is not None and status not in STATUSES:
        raise ActionError("An incident is proposed, accepted or declined, not {value!r}.", kind="invalid",
                          object_type="incident", value=status)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ActionError("Give a limit of 1 or more, not {value!r}.", kind="invalid", object_type="incident", value=limit)
    counts = select(MEMBERS.c.incident_id, func.count().label("n")).group_by(MEMBERS.c.incident_id).subquery()
    q = (select(INCIDENTS, func.coalesce(counts.c.n, 0).label("members"), USERS.c.name.label("decider"))
         .outerjoin(counts, counts.c.incident_id == INCIDENTS.c.id)
         .outerjoin(USERS, USERS.c.id == INCIDENTS.c.decided_by)
         .order_by(INCIDENTS.c.id.desc()).limit(limit))
    if status is not None:
        q = q.where(INCIDENTS.c.status == status)
    with db.read() as conn:
        return [_summary(r, r.members, r.decider) for r in conn.execute(q)]


def incident_detail(db: Database, incident_id: int) -> dict:
    """One incident with its members (case, channel, platform, author, time, snippet) and its answers."""
    if isinstance(incident_id, bool) or not isinstance(incident_id, int):
        raise ActionError("An incident number must be a whole number, not {value!r}.", kind="invalid", object_type="incident",
                          value=incident_id)
    with db.read() as conn:
        row = conn.execute(
            select(INCIDENTS, USERS.c.name.label("decider")).outerjoin(USERS, USERS.c.id == INCIDENTS.c.decided_by)
            .where(INCIDENTS.c.id == incident_id)
        ).first()
        if row is None:
            raise ActionError("There is no incident {id}.", kind="not_found", object_type="incident", object_id=incident_id,
                              id=incident_id)
        members = conn.execute(
            select(*_MESSAGE_COLUMNS, MEMBERS.c.case_id.label("member_case"), MEMBERS.c.added_at)
            .select_from(MEMBERS.join(MESSAGES, MESSAGES.c.id == MEMBERS.c.message_id)
                         .join(CHANNELS, CHANNELS.c.id == MESSAGES.c.channel_id))
            .where(MEMBERS.c.incident_id == incident_id).order_by(MESSAGES.c.received_at, MESSAGES.c.id)
        ).all()
        replies = conn.execute(
            select(REPLIES.c.id, REPLIES.c.case_id, REPLIES.c.state, REPLIES.c.channel_id, REPLIES.c.queued_at)
            .where(REPLIES.c.kind == "incident", REPLIES.c.case_id.in_(select(MEMBERS.c.case_id).where(
                MEMBERS.c.incident_id == incident_id)))
            .order_by(REPLIES.c.id)
        ).all()
    out = _summary(row, len(members), row.decider)
    out["members"] = [
        {"case": m.member_case, "message": m.id, "channel": m.channel_name, "platform": m.platform,
         "author": (m.author_name or m.author_handle or m.author_email or m.author_phone or m.author_id or ""),
         "received_at": to_iso(m.received_at), "added_at": to_iso(m.added_at), "snippet": snippet(m.text or "")}
        for m in members
    ]
    out["replies"] = [{"id": r.id, "case": r.case_id, "state": r.state, "queued_at": to_iso(r.queued_at)} for r in replies]
    return out


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def bench_incidents(count: int = 20_000, seeds: Iterable[int] = (1, 2, 3, 4, 5)) -> dict:
    """Quality and speed of the clusterer on the labelled generated feed, per seed and overall.

    Returns ``{"precision", "recall"}`` (the lowest over the seeds, against
    the generator's labels), the same against the same-place reading of the
    labels (``"same_place_precision"``, ``"same_place_recall"``; see
    docs/INCIDENTS.md), ``"messages_per_second"`` (the median) and
    ``"seeds"`` (each seed's `evaluate()` figures).
    """
    runs = [evaluate(count, seed=s) for s in seeds]
    rates = sorted(r["messages_per_second"] for r in runs if r["messages_per_second"])
    return {
        "messages": count,
        "precision": round(min(r["precision"] for r in runs), 3),
        "recall": round(min(r["recall"] for r in runs), 3),
        "same_place_precision": round(min(r["same_place"]["precision"] for r in runs), 3),
        "same_place_recall": round(min(r["same_place"]["recall"] for r in runs), 3),
        "messages_per_second": rates[len(rates) // 2] if rates else None,
        "seeds": {r["seed"]: {k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items() if k != "seed"}
                  for r in runs},
    }
