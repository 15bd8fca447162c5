"""Replies that leave once: queued -> sending -> sent / failed.

An operator queues a reply (`queue_reply`); it gets a client key (a UUID)
in that same transaction. The collector then marks it `sending` and commits
*before* it calls the platform, so after a crash the reply is found in
`sending` and retried with the same key: the platform's idempotency key, a
stored Message-ID or a fixed record key makes the retry land once. A
transient failure puts it back in the queue with a time for the next try;
a permanent one marks it failed with the platform's reason, and an operator
may retry it (same key). One reply failing never holds up the others.
"""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select, update

from newsroom.actions.base import ActionError, Change, Tx, action
from newsroom.actions.common import (
    CASES,
    CHANNELS,
    MESSAGES,
    check_reply_text,
    latest_inbound,
    load_case,
    require_case_access,
)
from newsroom.db.derived import index_new_messages
from newsroom.inbound import dumps
from newsroom.model import MessageRaw, Reply, ReplyState

REPLIES = Reply.__table__
RAW = MessageRaw.__table__
PENDING = (ReplyState.queued.value, ReplyState.sending.value)


def _reply(tx: Tx, reply_id: int):
    row = tx.conn.execute(select(REPLIES).where(REPLIES.c.id == reply_id)).first()
    if row is None:
        raise ActionError("There is no reply {id}.", kind="not_found", object_type="reply", object_id=reply_id, id=reply_id)
    return row


def _system_only(tx: Tx, reply_id: int) -> None:
    if not tx.actor.is_system:
        raise ActionError("Only the sender moves a reply through sending.", kind="denied", object_type="reply", object_id=reply_id)


@action("queue_reply")
def queue_reply(tx: Tx, case_id: int, text: str | None = None) -> Change:
    """Send an answer to the citizen: queue your draft (or `text`) for the channel the citizen wrote on."""
    if tx.actor.is_system:
        raise ActionError("Say who you are to answer a citizen (--as USER).", kind="denied", object_id=case_id)
    case = load_case(tx, case_id)
    require_case_access(tx, case)
    draft = tx.conn.execute(
        select(REPLIES).where(
            REPLIES.c.case_id == case.id, REPLIES.c.author_user_id == tx.actor.user_id, REPLIES.c.state == ReplyState.draft.value
        )
    ).first()
    body = check_reply_text(text if text is not None else (draft.text if draft else None), case_id)
    latest_in = latest_inbound(tx, case.id)
    if latest_in is None:
        raise ActionError("Case {id} has no message from a citizen to answer.", kind="invalid", object_id=case_id, id=case_id)
    channel = tx.conn.execute(select(CHANNELS).where(CHANNELS.c.id == latest_in.channel_id)).first()
    if channel.options is None:
        raise ActionError(
            "The citizen wrote on {platform} account {account!r}, which is not connected; add the channel before answering here.",
            kind="invalid", object_id=case_id, platform=channel.platform, account=channel.account,
        )
    # Never answer twice: the same text to the same message already on its way is a double submit.
    twin = tx.conn.execute(
        select(REPLIES.c.id).where(
            REPLIES.c.in_reply_to_message_id == latest_in.id,
            REPLIES.c.state.in_(PENDING + (ReplyState.sent.value,)),
            REPLIES.c.text == body,
        )
    ).first()
    if twin is not None:
        raise ActionError(
            "This answer was already sent or is on its way (reply {reply}).", kind="conflict", object_id=case_id, reply=twin.id
        )
    values = dict(
        text=body, channel_id=channel.id, in_reply_to_message_id=latest_in.id, state=ReplyState.queued.value,
        client_key=str(uuid.uuid4()), queued_at=tx.now, next_attempt_at=None, failure_reason=None, attempts=0, updated_at=tx.now,
    )
    if draft is not None:
        tx.conn.execute(update(REPLIES).where(REPLIES.c.id == draft.id).values(**values))
        reply_id = draft.id
    else:
        reply_id = tx.conn.execute(
            insert(REPLIES).values(case_id=case.id, author_user_id=tx.actor.user_id, created_at=tx.now, **values).returning(REPLIES.c.id)
        ).scalar_one()
    tx.conn.execute(update(CASES).where(CASES.c.id == case.id).values(updated_at=tx.now))
    return Change("queue_reply", "case", case_id, (case_id,), {"reply state": [ReplyState.draft.value if draft else None, ReplyState.queued.value]},
                  info={"reply": reply_id, "channel": channel.name})


@action("retry_reply")
def retry_reply(tx: Tx, reply_id: int) -> Change:
    """Try a failed reply again (with the same client key, so it still lands once)."""
    if tx.actor.is_system:
        raise ActionError("Say who you are to retry a reply (--as USER).", kind="denied", object_type="reply", object_id=reply_id)
    row = _reply(tx, reply_id)
    require_case_access(tx, load_case(tx, row.case_id, for_change=False))
    if row.state != ReplyState.failed.value:
        raise ActionError("Reply {id} has not failed (it is {state}).", kind="conflict", object_type="reply", object_id=reply_id, id=reply_id, state=row.state)
    tx.conn.execute(
        update(REPLIES).where(REPLIES.c.id == reply_id).values(state=ReplyState.queued.value, next_attempt_at=None, updated_at=tx.now)
    )
    return Change("retry_reply", "reply", reply_id, (row.case_id,), {"state": [row.state, ReplyState.queued.value]})


@action("reply_sending")
def reply_sending(tx: Tx, reply_id: int) -> Change:
    """The sender is about to call the platform (committed first, so a crash is seen as 'sending')."""
    _system_only(tx, reply_id)
    row = _reply(tx, reply_id)
    if row.state not in PENDING:
        raise ActionError("Reply {id} is {state}, not queued.", kind="conflict", object_type="reply", object_id=reply_id, id=reply_id, state=row.state)
    tx.conn.execute(
        update(REPLIES).where(REPLIES.c.id == reply_id)
        .values(state=ReplyState.sending.value, attempts=REPLIES.c.attempts + 1, updated_at=tx.now)
    )
    return Change("reply_sending", "reply", reply_id, (row.case_id,), {"state": [row.state, ReplyState.sending.value]},
                  info={"attempt": row.attempts + 1})


@action("reply_sent")
def reply_sent(tx: Tx, reply_id: int, external_id: str, url: str | None = None, thread_id: str | None = None, raw: Any = None) -> Change:
    """The platform took the reply: store it as the case's outbound message."""
    _system_only(tx, reply_id)
    row = _reply(tx, reply_id)
    if row.state == ReplyState.sent.value:
        return Change("reply_sent", "reply", reply_id, (row.case_id,))
    if not isinstance(external_id, str) or not external_id:
        raise ActionError("A sent reply needs the platform's id for it.", kind="invalid", object_type="reply", object_id=reply_id)
    case = load_case(tx, row.case_id)
    message_id = tx.conn.execute(
        select(MESSAGES.c.id).where(MESSAGES.c.channel_id == row.channel_id, MESSAGES.c.external_id == external_id[:512])
    ).scalar()
    created: dict = {}
    if message_id is None:
        author = tx.conn.execute(select(CHANNELS.c.name).where(CHANNELS.c.id == row.channel_id)).scalar()
        original = None
        if row.in_reply_to_message_id is not None:
            original = tx.conn.execute(
                select(MESSAGES.c.external_id, MESSAGES.c.thread_id).where(MESSAGES.c.id == row.in_reply_to_message_id)
            ).first()
        message_id = tx.conn.execute(
            insert(MESSAGES).values(
                channel_id=row.channel_id, external_id=external_id[:512], case_id=case.id, direction="out",
                author_name=author, text=row.text, received_at=tx.now, ingested_at=tx.now,
                in_reply_to=original.external_id if original else None,
                thread_id=thread_id or (original.thread_id if original else None), url=url,
            ).returning(MESSAGES.c.id)
        ).scalar_one()
        tx.conn.execute(insert(RAW).values(message_id=message_id, payload=dumps(raw)))
        index_new_messages(tx.conn, [message_id])
        created["message"] = message_id
    tx.conn.execute(
        update(REPLIES).where(REPLIES.c.id == reply_id).values(
            state=ReplyState.sent.value, sent_at=tx.now, external_id=external_id[:512], sent_message_id=message_id,
            failure_reason=None, next_attempt_at=None, updated_at=tx.now,
        )
    )
    case_values: dict = dict(
        last_message_at=tx.now, updated_at=tx.now, message_count=CASES.c.message_count + (1 if created else 0)
    )
    if case.first_responded_at is None and row.kind in ("answer", "incident"):
        case_values["first_responded_at"] = tx.now
    tx.conn.execute(update(CASES).where(CASES.c.id == case.id).values(**case_values))
    if row.kind in ("answer", "incident"):
        from newsroom.actions.targets import refresh_clocks

        refresh_clocks(tx, [case.id])
    return Change("reply_sent", "reply", reply_id, (case.id,), {"state": [row.state, ReplyState.sent.value]}, created=created,
                  info={"external_id": external_id})


@action("reply_failed")
def reply_failed(tx: Tx, reply_id: int, reason: str) -> Change:
    """The platform refused the reply for good; the reason is shown on the case."""
    _system_only(tx, reply_id)
    row = _reply(tx, reply_id)
    if row.state == ReplyState.sent.value:
        raise ActionError("Reply {id} was already sent.", kind="conflict", object_type="reply", object_id=reply_id, id=reply_id)
    tx.conn.execute(
        update(REPLIES).where(REPLIES.c.id == reply_id).values(
            state=ReplyState.failed.value, failure_reason=(reason or "")[:2000], next_attempt_at=None, updated_at=tx.now
        )
    )
    return Change("reply_failed", "reply", reply_id, (row.case_id,), {"state": [row.state, ReplyState.failed.value]}, info={"reason": reason})


@action("reply_later")
def reply_later(tx: Tx, reply_id: int, reason: str, retry_at) -> Change:
    """A transient failure (network, 5xx, rate limit): back in the queue until `retry_at`."""
    _system_only(tx, reply_id)
    row = _reply(tx, reply_id)
    if row.state not in PENDING:
        raise ActionError("Reply {id} is {state}, not on its way.", kind="conflict", object_type="reply", object_id=reply_id, id=reply_id, state=row.state)
    tx.conn.execute(
        update(REPLIES).where(REPLIES.c.id == reply_id).values(
            state=ReplyState.queued.value, failure_reason=(reason or "")[:2000], next_attempt_at=retry_at, updated_at=tx.now
        )
    )
    return Change("reply_later", "reply", reply_id, (row.case_id,), {"state": [row.state, ReplyState.queued.value]}, info={"reason": reason})
