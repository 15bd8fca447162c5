"""Rows by position in a long inbox list, without walking the list to an offset.

The inbox's keyset pages (`newsroom.inbox.list_cases`) are as cheap deep in
a list as at its top, but a table that jumps to row 455,000 has no cursor
there: `ids_at` walks the index to the offset (~460,000 entries, a few
hundred milliseconds at a million cases). Landmarks remove the walk: the
sort key of every `every`-th row of a view, found by a `Walk` over the
view's index in steps that each run wholly inside the database (one
statement: the row `every - 1` after the previous landmark). A jump then
starts at the nearest landmark above the position and walks fewer than
`every` rows.

Landmarks describe the list at the moment they were walked: any change to
the cases a view holds can move every position after it, so a caller throws
them away (and walks them again) when the list changes; `ids_at` reads from
the top where no landmark is known above a position.

Orders and filters are exactly the core's: the same conditions
(`inbox._case_conditions`) and the same sort keys, due order as two
segments (cases with a due time by due time, age, id; then those without,
by age, id), newest first by the latest message, id.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Integer, Select, bindparam, func, select, tuple_

from newsroom.inbox import (
    _HAS_DUE,
    CASES,
    InboxError,
    InboxFilter,
    _case_conditions,
    _open_view_sql,
    count_cases,
)
from newsroom.inbox import ids_at as _ids_at_by_offset

EVERY = 2048  # rows between landmarks: a jump walks at most this many index entries
_NEAR = 4  # landmarks' spacings: further below the last landmark, an open view is read by the core's ids_at

Key = tuple[Any, ...]  # due: (due_at or None, created_at, id); newest: (last_message_at, id)

_DUE = (CASES.c.due_at, CASES.c.created_at, CASES.c.id)
_AGE = (CASES.c.created_at, CASES.c.id)
_NEWEST = (CASES.c.last_message_at.desc(), CASES.c.id.desc())
_NEWEST_KEY = (CASES.c.last_message_at, CASES.c.id)


@dataclass(frozen=True)
class Landmarks:
    """The sort keys of rows every-1, 2*every-1, ... of one view in one order, and the view's length then."""

    flt: InboxFilter
    order: str
    every: int
    keys: tuple[Key, ...]  # keys[j - 1]: the row at position j * every - 1 (so position j * every follows it)
    total: int

    def start(self, position: int) -> tuple[Key | None, int]:
        """(The key to read after, rows to skip after it) to reach `position`."""
        j = min(max(position, 0) // self.every, len(self.keys))
        if j == 0:
            return None, position
        return self.keys[j - 1], position - j * self.every


def usable(flt: InboxFilter, order: str) -> bool:
    """Whether a view's positions can be described by landmarks.

    Not a search (no positional access at all), not relevance, and not the
    at-risk view (its rows change with time, without any write).
    """
    return not flt.search and order in ("due", "newest") and not flt.at_risk


# The key a walk continues after, bound at execution: the statements are built once per view
# (`_plan`), so a step of the walk costs SQLAlchemy an execution, not a statement to build.
_K_DUE = bindparam("k_due", type_=CASES.c.due_at.type)
_K_CREATED = bindparam("k_created", type_=CASES.c.created_at.type)
_K_ID = bindparam("k_id", type_=CASES.c.id.type)
_K_LAST = bindparam("k_last", type_=CASES.c.last_message_at.type)
_SKIP = bindparam("skip", type_=Integer)
_LIMIT = bindparam("limit", type_=Integer)


@dataclass(frozen=True)
class _Segment:
    """One stretch of the list in one index order: its first key after an offset, its ids, its length up to a bound."""

    key: Select
    ids: Select
    count: Select


@dataclass(frozen=True)
class _Plan:
    top: tuple[_Segment, ...]  # the list from its first row
    after_key: tuple[_Segment, ...]  # after a key (newest; due: a key with a due time)
    after_undue: tuple[_Segment, ...]  # due order: after a key without a due time


def _segment(cond: list, order_by: tuple, columns: tuple) -> _Segment:
    return _Segment(
        key=select(*columns).where(*cond).order_by(*order_by).limit(1).offset(_SKIP),
        ids=select(CASES.c.id).where(*cond).order_by(*order_by).limit(_LIMIT).offset(_SKIP),
        count=select(func.count()).select_from(select(CASES.c.id).where(*cond).limit(_LIMIT).subquery()),
    )


@lru_cache(maxsize=32)
def _plan(flt: InboxFilter, order: str) -> _Plan:
    """The statements of each segment of the list, in list order: the core's pages, spelled with bound keys."""
    where = _case_conditions(flt)
    if order == "newest":
        return _Plan(
            top=(_segment(where, _NEWEST, _NEWEST_KEY),),
            after_key=(_segment([*where, tuple_(*_NEWEST_KEY) < tuple_(_K_LAST, _K_ID)], _NEWEST, _NEWEST_KEY),),
            after_undue=(),
        )
    undue = [*where, CASES.c.due_at.is_(None)]
    return _Plan(
        top=(_segment([*where, _HAS_DUE], _DUE, _DUE), _segment(undue, _AGE, _DUE)),
        # One row-value range over the key (a case without a due time never compares greater), then
        # those without. Unlike `inbox._due_page`'s pages, no second lower bound (`_HAS_DUE`): with one,
        # SQLite starts the range at that bound and walks the key's ties; with the row value alone it
        # starts at (due_at, created_at). One statement a step instead of three.
        after_key=(
            _segment([*where, tuple_(*_DUE) > tuple_(_K_DUE, _K_CREATED, _K_ID)], _DUE, _DUE),
            _segment(undue, _AGE, _DUE),
        ),
        after_undue=(_segment([*undue, tuple_(*_AGE) > tuple_(_K_CREATED, _K_ID)], _AGE, _DUE),),
    )


def _segments(flt: InboxFilter, order: str, after: Key | None) -> tuple[tuple[_Segment, ...], dict]:
    """The segments of the list after `after` and the key's bound values."""
    plan = _plan(flt, order)
    if after is None:
        return plan.top, {}
    if order == "newest":
        return plan.after_key, {"k_last": after[0], "k_id": after[1]}
    due, created, case_id = after
    if due is None:
        return plan.after_undue, {"k_created": created, "k_id": case_id}
    return plan.after_key, {"k_due": due, "k_created": created, "k_id": case_id}


def _check(flt: InboxFilter, order: str) -> None:
    if not usable(flt, order):
        raise InboxError("Landmarks are for views without a search, in the due or newest order, not at risk.")


class Walk:
    """A landmark walk that can go a few steps at a time, each time in a read of its own.

    Each step is one statement (two at a segment's end) that runs wholly
    inside the database: `LIMIT 1 OFFSET every - 1` after the previous
    landmark, an index walk of `every` entries. The whole walk costs about
    one pass over the view's index (0.2-0.4 s at 900,000 cases here), and
    Python only sees the landmarks. (A `row_number() OVER (...)` window
    over the view does it in one statement but costs SQLite ~2 us a row,
    ~2 s at a million.) Walked in several reads, the landmarks hold for a
    list that did not change meanwhile, which is what a caller that throws
    them away on every change needs anyway.
    """

    def __init__(self, flt: InboxFilter, order: str = "due", every: int = EVERY):
        _check(flt, order)
        if every < 1:
            raise InboxError("Landmarks need a spacing of at least one row.")
        self.flt, self.order, self.every = flt, order, every
        self.keys: list[Key] = []
        self.total: int | None = None
        self.done = False

    def landmarks(self) -> Landmarks | None:
        """The landmarks found so far (None before the first step)."""
        if self.total is None:
            return None
        return Landmarks(self.flt, self.order, self.every, tuple(self.keys), self.total)

    def step(self, conn: Connection, *, steps: int | None = None, until: float | None = None) -> bool:
        """Walk on for `steps` landmarks, or until `time.perf_counter()` passes `until`, or to the end; True when done."""
        if self.total is None:
            self.total = count_cases(conn, self.flt)
        walked = 0
        while not self.done:
            if (len(self.keys) + 1) * self.every > self.total:
                self.done = True
                break
            key = key_after(conn, self.flt, self.order, self.keys[-1] if self.keys else None, skip=self.every - 1)
            if key is None:
                self.done = True  # shorter than its count said (it changed meanwhile): what was found stands
                break
            self.keys.append(key)
            walked += 1
            if (steps is not None and walked >= steps) or (until is not None and time.perf_counter() >= until):
                break
        return self.done


def compute(conn: Connection, flt: InboxFilter, order: str = "due", *, every: int = EVERY,
            progress: Callable[[Landmarks], None] | None = None, report_every: int = 16,
            stop: Callable[[], bool] | None = None) -> Landmarks:
    """The landmarks of `flt` in `order`, walked in one read (see `Walk`).

    `progress`, if given, receives the landmarks found so far every
    `report_every` steps; `stop`, if given, is asked before every step and
    ends the walk with what was found so far.
    """
    walk = Walk(flt, order, every)
    while True:
        if stop is not None and stop():
            break
        if walk.step(conn, steps=1):
            break
        if progress is not None and len(walk.keys) % report_every == 0:
            progress(walk.landmarks())
    return walk.landmarks() or Landmarks(flt, order, every, (), count_cases(conn, flt))


def key_after(conn: Connection, flt: InboxFilter, order: str, after: Key | None, *, skip: int = 0) -> Key | None:
    """The sort key of the row `skip` rows after the row with key `after` (None: from the top), or None past the end."""
    _check(flt, order)
    segments, params = _segments(flt, order, after)
    for segment in segments:
        row = conn.execute(segment.key, {**params, "skip": skip}).first()
        if row is not None:
            return tuple(row)
        if skip:
            # Nothing at that offset: this segment is shorter than `skip` (counted in a walk of at most that many).
            skip -= conn.execute(segment.count, {**params, "limit": skip}).scalar_one()
    return None


def ids_after(conn: Connection, flt: InboxFilter, order: str, after: Key | None, *, skip: int = 0, limit: int = 100) -> list[int]:
    """Case ids of the `limit` rows that follow `skip` rows after the row with key `after` (None: the top)."""
    _check(flt, order)
    segments, params = _segments(flt, order, after)
    ids: list[int] = []
    for segment in segments:
        found = conn.execute(segment.ids, {**params, "skip": skip, "limit": limit - len(ids)}).scalars().all()
        if found:
            ids += found
            skip = 0
            if len(ids) == limit:
                break
        elif skip:
            skip -= conn.execute(segment.count, {**params, "limit": skip}).scalar_one()
    return ids


def ids_at(conn: Connection, marks: Landmarks | None, flt: InboxFilter, *, order: str = "due", offset: int = 0,
           limit: int = 100) -> list[int]:
    """Case ids at rows [offset, offset + limit): from the nearest landmark above when `marks` has one.

    The same ids as `newsroom.inbox.ids_at` as long as the list has not
    changed since `marks` were computed. Without a landmark above the
    offset (none yet, or `marks` of another list) the list is walked from
    its top: for the desk's open-work views by the core's `ids_at`, which
    names their index for SQLite's planner; for the others without the
    core's count of the due segment first (the offset read alone, counting
    only if it comes up short).
    """
    if marks is None or marks.flt != flt or marks.order != order or not usable(flt, order):
        marks = None
    after, skip = marks.start(offset) if marks is not None else (None, offset)
    if not usable(flt, order) or (
        # Far below the last landmark found so far (a walk under way), SQLite's planner may skip
        # the open views' index for the long OFFSET; the core names it.
        (after is None or skip > _NEAR * (marks.every if marks else EVERY)) and _core_names_index(conn, flt, order)
    ):
        return _ids_at_by_offset(conn, flt, order=order, offset=offset, limit=limit)
    return ids_after(conn, flt, order, after, skip=skip, limit=limit)


def _core_names_index(conn: Connection, flt: InboxFilter, order: str) -> bool:
    # (Not the unrouted view: the core's named-index path leaves out its department condition,
    # so its ids_at gives the rows of all open work there; ids_after reads the view's own rows.)
    return not flt.unrouted and _open_view_sql(conn, flt, order) is not None
