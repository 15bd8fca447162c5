"""The inbox: which cases a view shows, in what order, a page at a time, and how many.

Everything is filtered, sorted and counted in SQL. Pages are keyset pages
(the cursor is the last row's sort key), so page 10,000 costs what page 1
costs. The queue order is due time first (cases with a response target, the
earliest due on top), then age (the oldest waiting case first).
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import (
    Connection,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
    tuple_,
)

from newsroom.db.bulk import sqlite_instant
from newsroom.model import (
    LIVE,
    OPEN_STATUS_VALUES,
    OPEN_WORK,
    Case,
    CaseCount,
    CaseTag,
    Channel,
    Department,
    Message,
    Tag,
    User,
)
from newsroom.search import parse, to_fts5, to_tsquery
from newsroom.timeutil import UTC, parse_instant, to_iso, utcnow

CASES = Case.__table__
MESSAGES = Message.__table__
COUNTS = CaseCount.__table__
CASE_TAGS = CaseTag.__table__
TAGS = Tag.__table__
ORDERS = ("due", "newest", "relevance")
# "Has a due time", spelled as a range: SQLite's planner sees `due_at IS NOT
# NULL` as unselective when most cases have none and scans the table (220 ms
# at a million cases) instead of walking the index from its first due time.
_HAS_DUE = CASES.c.due_at >= datetime(1970, 1, 1, tzinfo=UTC)
MAX_LIMIT = 1000


class InboxError(ValueError):
    """A filter or cursor that cannot be used, explained."""


@dataclass(frozen=True)
class InboxFilter:
    """Which cases to show. Ids, not names: see `resolve_filter` for names."""

    statuses: tuple[str, ...] = ()
    department_id: int | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    # The newsroom's own queue: cases no routing rule (and nobody) gave a department.
    unrouted: bool = False
    channel_id: int | None = None
    tag_id: int | None = None
    priority: str | None = None
    search: str | None = None
    # Open cases a running clock of which has passed 75% of its target (risk_at
    # reached), judged at `as_of` (None: the moment the query runs; the list
    # grows as time passes, so a desk re-reads it on its clock tick).
    at_risk: bool = False
    as_of: datetime | None = None

    def without_search(self) -> InboxFilter:
        return replace(self, search=None)

    def risk_instant(self) -> datetime:
        """The instant `at_risk` is judged at."""
        return self.as_of if self.as_of is not None else utcnow()


@dataclass
class CaseRow:
    """One inbox row: the case's fields the inbox shows."""

    id: int
    status: str
    priority: str
    department: str | None
    assignee: str | None
    platform: str
    channel: str
    author: str
    subject: str | None
    snippet: str
    message_count: int
    created_at: datetime
    last_message_at: datetime
    due_at: datetime | None
    tags: list[str] = field(default_factory=list)
    # The running clocks' soonest 75% and 90% instants (the soonest 100% is
    # due_at): the inbox colours its countdown from these without the clocks.
    risk_at: datetime | None = None
    warn90_at: datetime | None = None

    def warning(self, now: datetime) -> int:
        """The warning level at `now`: 0, 75, 90, or 100 once a running clock is past its due time."""
        if self.due_at is not None and self.due_at <= now:
            return 100
        if self.warn90_at is not None and self.warn90_at <= now:
            return 90
        if self.risk_at is not None and self.risk_at <= now:
            return 75
        return 0

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "priority": self.priority,
            "department": self.department,
            "assignee": self.assignee,
            "platform": self.platform,
            "channel": self.channel,
            "author": self.author,
            "subject": self.subject,
            "snippet": self.snippet,
            "message_count": self.message_count,
            "created_at": to_iso(self.created_at),
            "last_message_at": to_iso(self.last_message_at),
            "due_at": to_iso(self.due_at),
            "tags": self.tags,
        }


@dataclass
class Page:
    items: list[CaseRow]
    next: str | None
    total: int | None = None

    def as_dict(self) -> dict:
        return {"total": self.total, "items": [row.as_dict() for row in self.items], "next": self.next}


# -- names -------------------------------------------------------------------


class Directory:
    """Names of the small tables (departments, users, channels, tags), read once per query."""

    def __init__(self, conn: Connection):
        self.departments = dict(conn.execute(select(Department.id, Department.name)).all())
        self.users = dict(conn.execute(select(User.id, User.name)).all())
        self.channels = {row.id: (row.platform, row.account) for row in conn.execute(select(Channel.id, Channel.platform, Channel.account))}


def resolve_filter(
    conn: Connection,
    *,
    statuses: tuple[str, ...] = (),
    department: str | None = None,
    assignee: str | None = None,
    unassigned: bool = False,
    unrouted: bool = False,
    channel: str | None = None,
    tag: str | None = None,
    priority: str | None = None,
    search: str | None = None,
    at_risk: bool = False,
) -> InboxFilter:
    """An `InboxFilter` from names as a person types them; InboxError if one is unknown."""
    from newsroom.model import CaseStatus, Priority

    valid_status = {s.value for s in CaseStatus}
    for status in statuses:
        if status not in valid_status:
            raise InboxError(f"{status!r} is not a status; use one of {', '.join(sorted(valid_status))}.")
    if priority is not None and priority not in {p.value for p in Priority}:
        raise InboxError(f"{priority!r} is not a priority; use low, normal, high or urgent.")
    department_id = assignee_id = channel_id = tag_id = None
    if department:
        department_id = conn.execute(
            select(Department.id).where(func.lower(Department.name) == department.strip().lower())
        ).scalar()
        if department_id is None:
            raise InboxError(f"There is no department {department!r}.")
    if assignee:
        assignee_id = conn.execute(select(User.id).where(User.name == assignee)).scalar()
        if assignee_id is None:
            raise InboxError(f"There is no user {assignee!r}.")
    if channel:
        channel_id = conn.execute(
            select(Channel.id).where(or_(Channel.account == channel, Channel.name == channel))
        ).scalar()
        if channel_id is None:
            raise InboxError(f"There is no channel {channel!r}.")
    if tag:
        from newsroom.actions.base import ActionError
        from newsroom.actions.cases import normalize_tag

        try:
            tag_name = normalize_tag(tag)
        except ActionError as error:
            raise InboxError(error.message) from None
        tag_id = conn.execute(select(Tag.id).where(Tag.name == tag_name)).scalar()
        if tag_id is None:
            tag_id = -1  # a tag nobody used yet: an empty view, not an error
    return InboxFilter(
        statuses=tuple(statuses),
        department_id=department_id,
        assignee_id=assignee_id,
        unassigned=unassigned,
        unrouted=unrouted and department_id is None,
        channel_id=channel_id,
        tag_id=tag_id,
        priority=priority,
        search=search.strip() if search and search.strip() else None,
        at_risk=at_risk,
    )


# -- filters -----------------------------------------------------------------


_OPEN_WORK = text(f"cases.{OPEN_WORK}")
# Spelled as ix_cases_risk's condition spells it, so SQLite can use that index.
_HAS_RISK = text("cases.risk_at IS NOT NULL")


def _case_conditions(flt: InboxFilter) -> list:
    where = [CASES.c.merged_into_id.is_(None)]
    if flt.at_risk:
        # Only open work has running clocks worth warning about; a status
        # narrowing below still applies on top.
        where += [_OPEN_WORK, _HAS_RISK, CASES.c.risk_at <= flt.risk_instant()]
        if set(flt.statuses) == set(OPEN_STATUS_VALUES):
            return where + _other_conditions(flt)
    if set(flt.statuses) == set(OPEN_STATUS_VALUES):
        # Spelled exactly as the partial indexes' condition, so SQLite uses them.
        where.append(_OPEN_WORK)
    elif len(flt.statuses) == 1:
        where.append(CASES.c.status == flt.statuses[0])
    elif flt.statuses:
        where.append(CASES.c.status.in_(flt.statuses))
    return where + _other_conditions(flt)


def _other_conditions(flt: InboxFilter) -> list:
    where = []
    if flt.department_id is not None:
        where.append(CASES.c.department_id == flt.department_id)
    elif flt.unrouted:
        where.append(CASES.c.department_id.is_(None))
    if flt.unassigned:
        where.append(CASES.c.assignee_id.is_(None))
    elif flt.assignee_id is not None:
        where.append(CASES.c.assignee_id == flt.assignee_id)
    if flt.channel_id is not None:
        where.append(CASES.c.channel_id == flt.channel_id)
    if flt.priority is not None:
        where.append(CASES.c.priority == flt.priority)
    if flt.tag_id is not None:
        where.append(
            exists().where(CASE_TAGS.c.case_id == CASES.c.id, CASE_TAGS.c.tag_id == flt.tag_id)
        )
    return where


# -- cursors -----------------------------------------------------------------


def _encode(kind: str, values: list) -> str:
    raw = json.dumps([kind, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


_CURSOR_SHAPES = {
    "due": ("instant?", "instant", "int"),
    "newest": ("instant", "int"),
    "search": ("int",),
    "relevance": ("int",),
}


def _decode(cursor: str, kind: str) -> list:
    """The values of a cursor of `kind`, checked; InboxError for anything else."""
    bad = InboxError("The --after cursor is not valid for this listing; start again without it.")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError, UnicodeDecodeError):
        raise bad from None
    shape = _CURSOR_SHAPES[kind]
    if not isinstance(data, list) or len(data) != len(shape) + 1 or data[0] != kind:
        raise bad
    values = data[1:]
    for value, expected in zip(values, shape):
        if expected == "int":
            ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63
        else:
            ok = (value is None and expected.endswith("?")) or isinstance(value, str)
            if ok and isinstance(value, str):
                try:
                    parse_instant(value)
                except ValueError:
                    ok = False
        if not ok:
            raise bad
    return values


def _instant(value):
    return None if value is None else parse_instant(value)


# -- listing -----------------------------------------------------------------


def cursor_after(row: CaseRow, order: str = "due") -> str:
    """The cursor of the page that continues after `row` (orders due and newest)."""
    if order == "newest":
        return _encode("newest", [to_iso(row.last_message_at), row.id])
    if order == "due":
        return _encode("due", [to_iso(row.due_at), to_iso(row.created_at), row.id])
    raise InboxError("Only the due and newest orders have row cursors.")


def list_cases(
    conn: Connection,
    flt: InboxFilter = InboxFilter(),
    *,
    order: str = "due",
    limit: int = 100,
    after: str | None = None,
    before: str | None = None,
    with_total: bool = False,
) -> Page:
    """One page of the inbox for `flt` in `order` (due, newest, relevance).

    `after` continues after a cursor; `before` gives the `limit` rows just
    above a cursor (`cursor_after` of a row), in the same order.
    """
    if order not in ORDERS:
        raise InboxError(f"{order!r} is not an order; use due, newest or relevance.")
    if not 1 <= limit <= MAX_LIMIT:
        raise InboxError(f"The limit must be between 1 and {MAX_LIMIT}.")
    after = after or None  # an empty cursor is the first page
    before = before or None
    if before is not None:
        if flt.search or order == "relevance" or after is not None:
            raise InboxError("Paging backwards works for the due and newest orders without a search.")
        ids = _due_before(conn, flt, limit, before) if order == "due" else _newest_before(conn, flt, limit, before)
        rows = fetch_rows(conn, ids)
        return Page(rows, cursor_after(rows[-1], order) if rows else before, count_cases(conn, flt) if with_total else None)
    if flt.search:
        ids, next_cursor = _search_page(conn, flt, order, limit, after)
    elif order == "relevance":
        raise InboxError("Order by relevance needs a search (--search).")
    elif order == "newest":
        ids, next_cursor = _newest_page(conn, flt, limit, after)
    else:
        ids, next_cursor = _due_page(conn, flt, limit, after)
    rows = fetch_rows(conn, ids)
    total = count_cases(conn, flt) if with_total else None
    return Page(rows, next_cursor, total)


def _due_page(conn: Connection, flt: InboxFilter, limit: int, after: str | None) -> tuple[list[int], str | None]:
    where = _case_conditions(flt)
    key = (CASES.c.due_at, CASES.c.created_at, CASES.c.id)
    due_c = created_c = id_c = None
    if after:
        due_s, created_s, id_c = _decode(after, "due")
        due_c, created_c = _instant(due_s), _instant(created_s)
    found: list[tuple] = []
    if due_c is not None:
        # Many cases share one due time (everything that arrived overnight is
        # due at the same instant after opening): first the rest of the
        # cursor's own due time, then the later ones. One row-value range
        # would make SQLite walk all of the cursor's ties first.
        found = conn.execute(
            select(*key).where(*where, CASES.c.due_at == due_c, tuple_(CASES.c.created_at, CASES.c.id) > tuple_(created_c, id_c))
            .order_by(*key).limit(limit)
        ).all()
        if len(found) < limit:
            # (no _HAS_DUE here: with two lower bounds SQLite may start its range at the weaker one)
            found += conn.execute(
                select(*key).where(*where, CASES.c.due_at > due_c).order_by(*key).limit(limit - len(found))
            ).all()
    elif after is None:
        found = conn.execute(select(*key).where(*where, _HAS_DUE).order_by(*key).limit(limit)).all()
    if len(found) < limit:
        cond = [*where, CASES.c.due_at.is_(None)]
        if after and due_c is None:
            cond.append(tuple_(CASES.c.created_at, CASES.c.id) > tuple_(created_c, id_c))
        found += conn.execute(
            select(*key).where(*cond).order_by(CASES.c.created_at, CASES.c.id).limit(limit - len(found))
        ).all()
    ids = [row.id for row in found]
    next_cursor = None
    if len(found) == limit:
        last = found[-1]
        next_cursor = _encode("due", [to_iso(last.due_at), to_iso(last.created_at), last.id])
    return ids, next_cursor


def _newest_page(conn: Connection, flt: InboxFilter, limit: int, after: str | None) -> tuple[list[int], str | None]:
    cond = _case_conditions(flt)
    if after:
        last_s, last_id = _decode(after, "newest")
        cond.append(tuple_(CASES.c.last_message_at, CASES.c.id) < tuple_(_instant(last_s), last_id))
    found = conn.execute(
        select(CASES.c.id, CASES.c.last_message_at)
        .where(*cond)
        .order_by(CASES.c.last_message_at.desc(), CASES.c.id.desc())
        .limit(limit)
    ).all()
    next_cursor = _encode("newest", [to_iso(found[-1].last_message_at), found[-1].id]) if len(found) == limit else None
    return [row.id for row in found], next_cursor


def _due_before(conn: Connection, flt: InboxFilter, limit: int, before: str) -> list[int]:
    where = _case_conditions(flt)
    due_s, created_s, id_c = _decode(before, "due")
    due_c, created_c = _instant(due_s), _instant(created_s)
    key = (CASES.c.due_at, CASES.c.created_at, CASES.c.id)
    found: list[int] = []
    if due_c is None:
        found = conn.execute(
            select(CASES.c.id)
            .where(*where, CASES.c.due_at.is_(None), tuple_(CASES.c.created_at, CASES.c.id) < tuple_(created_c, id_c))
            .order_by(CASES.c.created_at.desc(), CASES.c.id.desc())
            .limit(limit)
        ).scalars().all()
    newest_first = [c.desc() for c in key]
    if len(found) < limit and due_c is not None:  # the cursor's own due time first (see _due_page)
        found += conn.execute(
            select(CASES.c.id).where(*where, CASES.c.due_at == due_c, tuple_(CASES.c.created_at, CASES.c.id) < tuple_(created_c, id_c))
            .order_by(*newest_first).limit(limit - len(found))
        ).scalars().all()
    if len(found) < limit:
        cond = [*where, _HAS_DUE]
        if due_c is not None:
            cond.append(CASES.c.due_at < due_c)
        found += conn.execute(
            select(CASES.c.id).where(*cond).order_by(*newest_first).limit(limit - len(found))
        ).scalars().all()
    return list(reversed(found))


def _newest_before(conn: Connection, flt: InboxFilter, limit: int, before: str) -> list[int]:
    last_s, last_id = _decode(before, "newest")
    found = conn.execute(
        select(CASES.c.id)
        .where(*_case_conditions(flt), tuple_(CASES.c.last_message_at, CASES.c.id) > tuple_(_instant(last_s), last_id))
        .order_by(CASES.c.last_message_at, CASES.c.id)
        .limit(limit)
    ).scalars().all()
    return list(reversed(found))


# -- search ------------------------------------------------------------------

SEARCH_CHUNK = 256


def _match_clause(conn: Connection, query: str) -> str:
    """The typed search as this database's full-text query (FTS5 or tsquery text)."""
    terms = parse(query)
    if conn.dialect.name == "sqlite":
        return to_fts5(terms)
    return to_tsquery(terms)


def _search_page(conn: Connection, flt: InboxFilter, order: str, limit: int, after: str | None):
    expr = _match_clause(conn, flt.search)
    filters = _case_conditions(flt.without_search())
    if order == "relevance":
        return _search_by_relevance(conn, expr, filters, limit, after)
    return _search_newest(conn, expr, filters, limit, after)


def _matching_messages(conn: Connection, expr: str, *, from_id: int = 0):
    """A selectable of matching message ids (column `id`), and for relevance a score (lower is better).

    `from_id` keeps only messages with that id or higher (SQLite: FTS5 then
    scores only those).
    """
    if conn.dialect.name == "sqlite":
        source = text(
            "SELECT rowid AS id, rank AS score FROM message_search WHERE message_search MATCH :q AND rowid >= :from_id"
        ).bindparams(q=expr, from_id=from_id)
        return source.columns(id=MESSAGES.c.id.type, score=MESSAGES.c.id.type).subquery("hits")
    document = literal_column(
        "to_tsvector('dutch'::regconfig, coalesce(messages.subject, '') || ' ' || messages.text"
        " || ' ' || coalesce(messages.author_name, '') || ' ' || coalesce(messages.author_handle, ''))"
    )
    query = func.to_tsquery(literal_column("'dutch'::regconfig"), expr)
    return (
        select(MESSAGES.c.id, (-func.ts_rank(document, query)).label("score"))
        .where(document.op("@@")(query))
        .subquery("hits")
    )


def _search_newest(conn: Connection, expr: str, filters: list, limit: int, after: str | None):
    """Cases by their newest matching message, newest first.

    Matches are read newest-first in chunks and folded into cases; a case
    shows at the place of its newest match, so a later page skips a case
    whose newer message matched on an earlier page.
    """
    hits = _matching_messages(conn, expr)
    below = None
    if after:
        (below,) = _decode(after, "search")
    page_start = below
    ids: list[int] = []
    seen: set[int] = set()
    last_msg = None
    while len(ids) < limit:
        cond = [*filters]
        if below is not None:
            cond.append(hits.c.id < below)
        rows = conn.execute(
            select(hits.c.id, MESSAGES.c.case_id)
            .select_from(hits.join(MESSAGES, MESSAGES.c.id == hits.c.id).join(CASES, CASES.c.id == MESSAGES.c.case_id))
            .where(*cond)
            .order_by(hits.c.id.desc())
            .limit(SEARCH_CHUNK)
        ).all()
        if not rows:
            break
        for message_id, case_id in rows:
            below = message_id
            if case_id in seen:
                continue
            seen.add(case_id)
            if page_start is not None and _matched_above(conn, expr, case_id, page_start):
                continue
            ids.append(case_id)
            last_msg = message_id
            if len(ids) == limit:
                break
        if len(rows) < SEARCH_CHUNK:
            break
    next_cursor = _encode("search", [last_msg]) if len(ids) == limit else None
    return ids, next_cursor


def _matched_above(conn: Connection, expr: str, case_id: int, above: int) -> bool:
    """Whether a message of the case newer than `above` matches (so an earlier page showed it)."""
    newer = conn.execute(
        select(MESSAGES.c.id).where(MESSAGES.c.case_id == case_id, MESSAGES.c.id >= above)
    ).scalars().all()
    if not newer:
        return False
    hits = _matching_messages(conn, expr)
    return conn.execute(select(hits.c.id).where(hits.c.id.in_(newer)).limit(1)).first() is not None


# Relevance ranks the most recent matches: scoring every match of a common
# word costs FTS5 ~270 ms at a million messages; the newest 10,000 matches
# cost ~60 ms and are what a newsroom searches for.
RELEVANCE_WINDOW = 10_000


def _relevance_floor(conn: Connection, expr: str) -> int:
    if conn.dialect.name != "sqlite":
        return 0
    floor = conn.execute(
        text(
            "SELECT rowid FROM message_search WHERE message_search MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :n"
        ),
        {"q": expr, "n": RELEVANCE_WINDOW - 1},
    ).scalar()
    return floor or 0


def _search_by_relevance(conn: Connection, expr: str, filters: list, limit: int, after: str | None):
    hits = _matching_messages(conn, expr, from_id=_relevance_floor(conn, expr))
    offset = 0
    if after:
        (offset,) = _decode(after, "relevance")
        if not isinstance(offset, int) or offset < 0:
            raise InboxError("The --after cursor is not valid for this listing; start again without it.")
    best = func.min(hits.c.score).label("best")
    source = hits.join(MESSAGES, MESSAGES.c.id == hits.c.id)
    if len(filters) > 1:
        source = source.join(CASES, CASES.c.id == MESSAGES.c.case_id)
    else:
        # Only "a live case": a message always belongs to one (a merge moves the
        # merged case's messages to the case it went into), so the ranked
        # matches need no look-up in the cases (10,000 of them at most).
        filters = []
    rows = conn.execute(
        select(MESSAGES.c.case_id, best)
        .select_from(source)
        .where(*filters)
        .group_by(MESSAGES.c.case_id)
        .order_by(best, MESSAGES.c.case_id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    next_cursor = _encode("relevance", [offset + limit]) if len(rows) == limit else None
    return [row.case_id for row in rows], next_cursor


# -- rows and counts ---------------------------------------------------------


_ROW_COLUMNS = [
    CASES.c[name]
    for name in (
        "id", "status", "priority", "department_id", "assignee_id", "channel_id", "author_label", "subject",
        "snippet", "message_count", "created_at", "last_message_at", "due_at", "risk_at", "urgent_at",
    )
]


def _id_list(conn: Connection, ids: list[int]):
    """`ids` as one parameter (SQLite: a JSON array): a hundred bound values cost more to build than to run."""
    if conn.dialect.name == "sqlite":
        return select(literal_column("value")).select_from(func.json_each(json.dumps(ids)))
    return ids


# SQLite: one statement, names joined in, the rows in the order of the ids
# (json_each's key), the tags folded into one text. The SQLAlchemy path costs
# ~5 ms a page in statement building and result processing; this ~1 ms.
_TAG_SEP = "\x1f"  # a tag never contains it (actions.cases.normalize_tag)
_SQLITE_ROWS = """
SELECT c.id, c.status, c.priority, d.name, u.name, ch.platform, ch.account, c.author_label, c.subject,
       c.snippet, c.message_count, c.created_at, c.last_message_at, c.due_at,
       (SELECT group_concat(name, char(31)) FROM
           (SELECT t.name AS name FROM case_tags AS ct JOIN tags AS t ON t.id = ct.tag_id
            WHERE ct.case_id = c.id ORDER BY t.name)),
       c.risk_at, c.urgent_at
FROM json_each(?) AS j
JOIN cases AS c ON c.id = j.value
JOIN channels AS ch ON ch.id = c.channel_id
LEFT JOIN departments AS d ON d.id = c.department_id
LEFT JOIN users AS u ON u.id = c.assignee_id
ORDER BY j.key
"""


def _sqlite_instant(value: str | None) -> datetime | None:
    """SQLAlchemy's naive-UTC text on SQLite as an aware instant (what `Instant` returns, without its machinery).

    Parsing the text with its offset appended is several times faster than
    `.replace(tzinfo=...)` on the parsed value, which counts at 600 instants a page.
    """
    return None if value is None else datetime.fromisoformat(value + "+00:00")


def fetch_rows(conn: Connection, ids: list[int]) -> list[CaseRow]:
    """Inbox rows for case ids, in the given order."""
    if not ids:
        return []
    if conn.dialect.name == "sqlite":
        out = []
        for (case_id, status, priority, department, assignee, platform, account, author, subject, snippet_text, count,
             created, last, due, tags, risk, warn90) in conn.connection.dbapi_connection.execute(_SQLITE_ROWS, (json.dumps(ids),)).fetchall():
            out.append(
                CaseRow(case_id, status, priority, department, assignee, platform, account, author, subject, snippet_text,
                        count, _sqlite_instant(created), _sqlite_instant(last), _sqlite_instant(due),
                        tags.split(_TAG_SEP) if tags else [], _sqlite_instant(risk), _sqlite_instant(warn90))
            )
        return out
    names = Directory(conn)
    wanted = _id_list(conn, ids)
    by_id = {row.id: row for row in conn.execute(select(*_ROW_COLUMNS).where(CASES.c.id.in_(wanted)))}
    tags: dict[int, list[str]] = {}
    for case_id, name in conn.execute(
        select(CASE_TAGS.c.case_id, TAGS.c.name)
        .join(TAGS, TAGS.c.id == CASE_TAGS.c.tag_id)
        .where(CASE_TAGS.c.case_id.in_(wanted))
        .order_by(TAGS.c.name)
    ):
        tags.setdefault(case_id, []).append(name)
    out = []
    for case_id in ids:
        row = by_id.get(case_id)
        if row is None:
            continue
        platform, account = names.channels.get(row.channel_id, ("other", ""))
        out.append(
            CaseRow(
                id=row.id,
                status=row.status,
                priority=row.priority,
                department=names.departments.get(row.department_id),
                assignee=names.users.get(row.assignee_id),
                platform=platform,
                channel=account,
                author=row.author_label,
                subject=row.subject,
                snippet=row.snippet,
                message_count=row.message_count,
                created_at=row.created_at,
                last_message_at=row.last_message_at,
                due_at=row.due_at,
                tags=tags.get(case_id, []),
                risk_at=row.risk_at,
                warn90_at=row.urgent_at,
            )
        )
    return out


_AT_RISK_VIEW = InboxFilter(statuses=tuple(sorted(OPEN_STATUS_VALUES)), at_risk=True)
_AT_RISK_COUNT_SQLITE = text(
    f"SELECT count(*) FROM cases INDEXED BY ix_cases_risk WHERE {LIVE} AND {OPEN_WORK}"
    " AND risk_at IS NOT NULL AND risk_at <= :at"
)


def count_cases(conn: Connection, flt: InboxFilter = InboxFilter()) -> int:
    """How many cases `flt` shows. Served from the live counts when it can be."""
    if flt.search:
        hits = _matching_messages(conn, _match_clause(conn, flt.search))
        return conn.execute(
            select(func.count(func.distinct(MESSAGES.c.case_id)))
            .select_from(hits.join(MESSAGES, MESSAGES.c.id == hits.c.id).join(CASES, CASES.c.id == MESSAGES.c.case_id))
            .where(*_case_conditions(flt.without_search()))
        ).scalar_one()
    if flt.at_risk:
        # Not in the live counts (it moves with time): counted on ix_cases_risk, a range of one index.
        if conn.dialect.name == "sqlite" and replace(flt, as_of=None, statuses=tuple(sorted(flt.statuses))) == _AT_RISK_VIEW:
            # The desk's at-risk view names its index: without statistics (or with a
            # sampled few) SQLite may walk a status index instead, 0.9 s at a million.
            return conn.execute(_AT_RISK_COUNT_SQLITE, {"at": sqlite_instant(flt.risk_instant())}).scalar_one()
        return conn.execute(select(func.count()).select_from(CASES).where(*_case_conditions(flt))).scalar_one()
    if flt.tag_id is not None:
        # From the tag's side: its index lists the tagged cases directly.
        untagged = replace(flt, tag_id=None)
        return conn.execute(
            select(func.count())
            .select_from(CASE_TAGS.join(CASES, CASES.c.id == CASE_TAGS.c.case_id))
            .where(CASE_TAGS.c.tag_id == flt.tag_id, *_case_conditions(untagged))
        ).scalar_one()
    cond = []
    if flt.statuses:
        cond.append(COUNTS.c.status.in_(flt.statuses))
    if flt.department_id is not None:
        cond.append(COUNTS.c.department_id == flt.department_id)
    elif flt.unrouted:
        cond.append(COUNTS.c.department_id == 0)
    if flt.unassigned:
        cond.append(COUNTS.c.assignee_id == 0)
    elif flt.assignee_id is not None:
        cond.append(COUNTS.c.assignee_id == flt.assignee_id)
    if flt.channel_id is not None:
        cond.append(COUNTS.c.channel_id == flt.channel_id)
    if flt.priority is not None:
        cond.append(COUNTS.c.priority == flt.priority)
    return int(conn.execute(select(func.coalesce(func.sum(COUNTS.c.n), 0)).where(*cond)).scalar_one())


def recount(conn: Connection) -> dict[tuple, int]:
    """The live counts recomputed from the cases themselves (for checks and repair)."""
    rows = conn.execute(
        select(
            CASES.c.status,
            func.coalesce(CASES.c.department_id, 0),
            func.coalesce(CASES.c.assignee_id, 0),
            CASES.c.channel_id,
            CASES.c.priority,
            func.count(),
        )
        .where(CASES.c.merged_into_id.is_(None))
        .group_by(CASES.c.status, CASES.c.department_id, CASES.c.assignee_id, CASES.c.channel_id, CASES.c.priority)
    ).all()
    return {tuple(row[:5]): row[5] for row in rows}


def stored_counts(conn: Connection) -> dict[tuple, int]:
    rows = conn.execute(
        select(COUNTS.c.status, COUNTS.c.department_id, COUNTS.c.assignee_id, COUNTS.c.channel_id, COUNTS.c.priority, COUNTS.c.n)
    ).all()
    return {tuple(row[:5]): row[5] for row in rows if row[5]}


def view_counts(conn: Connection, user_id: int | None, now: datetime | None = None) -> dict[str, int]:
    """The live counts of the standard views (mine, unassigned, waiting, all open, at risk at `now`, per department)."""
    open_statuses = OPEN_STATUS_VALUES
    counts = {
        "all": count_cases(conn, InboxFilter()),
        "open": count_cases(conn, InboxFilter(statuses=open_statuses)),
        "at_risk": count_cases(conn, InboxFilter(statuses=open_statuses, at_risk=True, as_of=now)),
        "unassigned": count_cases(conn, InboxFilter(statuses=open_statuses, unassigned=True)),
        "unrouted": count_cases(conn, InboxFilter(statuses=open_statuses, unrouted=True)),
        "waiting_on_citizen": count_cases(conn, InboxFilter(statuses=("waiting_on_citizen",))),
    }
    if user_id is not None:
        counts["mine"] = count_cases(conn, InboxFilter(statuses=open_statuses, assignee_id=user_id))
    for dept_id, n in conn.execute(
        select(COUNTS.c.department_id, func.sum(COUNTS.c.n))
        .where(COUNTS.c.status.in_(open_statuses), COUNTS.c.department_id != 0)
        .group_by(COUNTS.c.department_id)
    ):
        counts[f"department:{dept_id}"] = int(n)
    return counts


def ids_at(conn: Connection, flt: InboxFilter, *, order: str = "due", offset: int = 0, limit: int = 100) -> list[int]:
    """Case ids at rows [offset, offset + limit) of a view without search.

    For a table that jumps anywhere in a long list (the desktop's scroll
    bar); walking an index to an offset is fast in a covering index.
    """
    if flt.search:
        raise InboxError("Positional access is for views without a search; page a search with list_cases.")
    hinted = _open_view_sql(conn, flt, order)
    if hinted is not None:
        return _ids_at_hinted(conn, hinted, order, offset, limit)
    where = _case_conditions(flt)
    if order == "newest":
        return list(
            conn.execute(
                select(CASES.c.id).where(*where).order_by(CASES.c.last_message_at.desc(), CASES.c.id.desc()).limit(limit).offset(offset)
            ).scalars()
        )
    key = (CASES.c.due_at, CASES.c.created_at, CASES.c.id)
    # Read first, count only when the read runs past the cases with a due
    # time: counting them up front was most of a jump into a long list.
    ids = list(
        conn.execute(select(CASES.c.id).where(*where, _HAS_DUE).order_by(*key).limit(limit).offset(offset)).scalars()
    )
    if len(ids) < limit:
        with_due = offset + len(ids) if ids else conn.execute(
            select(func.count()).select_from(CASES).where(*where, _HAS_DUE)).scalar_one()
        ids += conn.execute(
            select(CASES.c.id)
            .where(*where, CASES.c.due_at.is_(None))
            .order_by(CASES.c.created_at, CASES.c.id)
            .limit(limit - len(ids))
            .offset(max(0, offset - with_due))
        ).scalars().all()
    return ids


# The desk's own views (open work; mine, unassigned, a department's) have
# partial indexes in exactly their order, but for an OFFSET walk SQLite's
# planner prefers the status index plus a sort of every open case (360 ms
# at a million instead of 40). For these views on SQLite the index is named.
_OPEN_VIEW_INDEXES = {
    (None, "newest"): "ix_cases_open_recent",
    ("assignee", "newest"): "ix_cases_open_assignee_recent",
    ("department", "newest"): "ix_cases_open_department_recent",
    (None, "due"): "ix_cases_open_queue",
    ("assignee", "due"): "ix_cases_open_assignee_queue",
    ("department", "due"): "ix_cases_open_department_queue",
}


def _open_view_sql(conn: Connection, flt: InboxFilter, order: str) -> tuple[str, dict] | None:
    """(FROM ... WHERE ... with an INDEXED BY, its parameters) for an open-work view on SQLite, else None."""
    if conn.dialect.name != "sqlite" or set(flt.statuses) != set(OPEN_STATUS_VALUES) or order not in ("due", "newest"):
        return None
    if flt.channel_id is not None or flt.tag_id is not None or flt.priority is not None or flt.at_risk:
        return None
    params: dict = {}
    where = f"merged_into_id IS NULL AND {OPEN_WORK}"
    if flt.department_id is not None:
        if flt.assignee_id is not None or flt.unassigned:
            return None
        by = "department"
        where += " AND department_id = :department AND department_id IS NOT NULL"
        params["department"] = flt.department_id
    elif flt.unassigned:
        by = "assignee"
        where += " AND assignee_id IS NULL"
    elif flt.assignee_id is not None:
        by = "assignee"
        where += " AND assignee_id = :assignee"
        params["assignee"] = flt.assignee_id
    else:
        by = None
    if flt.unrouted:  # the newsroom's own queue: open work no department has
        if flt.department_id is not None:
            return None
        where += " AND department_id IS NULL"
    return f"FROM cases INDEXED BY {_OPEN_VIEW_INDEXES[(by, order)]} WHERE {where}", params


def _ids_at_hinted(conn: Connection, hinted: tuple[str, dict], order: str, offset: int, limit: int) -> list[int]:
    source, params = hinted
    run = lambda sql, **extra: conn.execute(text(sql), {**params, **extra})
    if order == "newest":
        return list(
            run(f"SELECT id {source} ORDER BY last_message_at DESC, id DESC LIMIT :limit OFFSET :offset", limit=limit, offset=offset).scalars()
        )
    has_due = "due_at >= '1970-01-01 00:00:00.000000'"  # SQLite's stored form of _HAS_DUE
    ids = list(
        run(f"SELECT id {source} AND {has_due} ORDER BY due_at, created_at, id LIMIT :limit OFFSET :offset",
            limit=limit, offset=offset).scalars()
    )
    if len(ids) < limit:
        with_due = offset + len(ids) if ids else run(f"SELECT count(*) {source} AND {has_due}").scalar_one()
        ids += run(
            f"SELECT id {source} AND due_at IS NULL ORDER BY created_at, id LIMIT :limit OFFSET :offset",
            limit=limit - len(ids), offset=max(0, offset - with_due),
        ).scalars().all()
    return ids
