"""Running the core's actions off the UI thread: one database worker, results back on the UI thread.

Every write goes through `Ops.perform`, which runs `newsroom.actions.perform`
on a single worker thread (SQLite has one writer anyway, and one worker
keeps a desk's actions in the order they were asked for). The worker never
touches a widget: its result crosses to the UI thread through a queued
signal, where `changed` or `failed` is emitted. Reads that may take longer
than a frame (a count over a big search) go through `Ops.read` the same way.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from newsroom.actions import ActionError, Actor, Change, perform
from newsroom.db.engine import Database, DatabaseError
from newsroom.inbox import InboxError
from newsroom.search import EmptySearch
from ui.core_text import explain
from ui.i18n import tr

log = logging.getLogger(__name__)

def describe_error(error: BaseException) -> str:
    """What went wrong, for the person at the desk, with what to do next."""
    if isinstance(error, ActionError):
        heading = {
            "not_found": tr("Niet gevonden"),
            "invalid": tr("Dat kan zo niet"),
            "denied": tr("Niet toegestaan"),
            "conflict": tr("Iemand was u voor"),
        }.get(error.kind, tr("Dat lukte niet"))
        return f"{heading}: {explain(error)}"
    if isinstance(error, DatabaseError):
        return tr("De database gaf een probleem: {problem} Probeer het zo nog eens.").format(problem=str(error))
    if isinstance(error, EmptySearch):
        return tr("Deze zoekopdracht bevat geen woorden om naar te zoeken. Typ een woord, bijvoorbeeld 'afval'.")
    if isinstance(error, InboxError):
        return tr("Deze selectie kan niet: {problem}").format(problem=str(error))
    return tr(
        "Er ging iets onverwachts mis ({kind}). Het is vastgelegd in het logboek; "
        "probeer het opnieuw of start Newsroom opnieuw."
    ).format(kind=type(error).__name__)


class Ops(QObject):
    """The desk's database worker: actions and slow reads, results on the UI thread."""

    changed = Signal(object)  # Change, after each successful action
    failed = Signal(str)  # a message for the status bar or a dialog
    busy_changed = Signal(bool)
    _finished = Signal(object)  # emitted on the worker thread; delivered queued

    def __init__(self, db: Database, actor: Actor, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsroom-db")
        self._pending: set[Future] = set()
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def perform(
        self,
        name: str,
        /,
        *,
        actor: Actor | None = None,
        origin: str = "desktop",
        on_done: Callable[[Change], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **args: Any,
    ) -> Future | None:
        """Run the action `name` with `args`; `changed` (and `on_done`) follow on the UI thread."""
        # `name` is positional-only: actions may have an argument called name (add_rule, crisis_on).
        return self._submit(perform, (self.db, name, actor or self.actor), {"origin": origin, **args}, on_done, on_error, True)

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None], on_error=None) -> Future | None:
        """Run a read `fn(*args)` on the worker; `on_done(result)` follows on the UI thread."""
        return self._submit(fn, args, {}, on_done, on_error, False)

    def _submit(self, fn, args, kwargs, on_done, on_error, is_action) -> Future | None:
        if self._closed:
            return None
        future = self._pool.submit(fn, *args, **kwargs)
        was_busy = self.busy
        self._pending.add(future)
        if not was_busy:
            self.busy_changed.emit(True)
        future.add_done_callback(lambda done: self._finished.emit((done, on_done, on_error, is_action)))
        return future

    def _deliver(self, payload) -> None:
        future, on_done, on_error, is_action = payload
        self._pending.discard(future)
        try:
            error = future.exception()
            if error is None:
                result = future.result()
                if is_action:
                    self.changed.emit(result)
                if on_done is not None:
                    on_done(result)
            else:
                if not isinstance(error, (ActionError, DatabaseError, InboxError)):
                    log.error("database work failed", exc_info=error)
                if on_error is not None:
                    on_error(error)
                self.failed.emit(describe_error(error))
        finally:
            if not self._pending:
                self.busy_changed.emit(False)

    async def drain(self) -> None:
        """Wait (without blocking the UI) for the work already asked for."""
        while self._pending:
            await asyncio.wait([asyncio.wrap_future(f) for f in list(self._pending)])
            await asyncio.sleep(0)  # let the queued deliveries run

    def close(self) -> None:
        """Finish what was asked and stop the worker (the thread ends here)."""
        self._closed = True
        self._pool.shutdown(wait=True)
