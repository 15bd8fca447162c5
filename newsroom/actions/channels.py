"""Channels: adding and changing platform accounts, and storing what a connector collected.

`collect_page` is how every connector's page enters the database: the items
(through the same set-wise ingest as the importer), the payloads set aside
with their reasons, and the connector's new cursor, all in one transaction,
so a crash re-reads at most that page and never skips one.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select, update

from newsroom.actions.admin import ADMIN_ONLY
from newsroom.actions.base import ActionError, Change, Tx, action
from newsroom.actions.common import CHANNELS, require_role
from newsroom.actions.ingest import ingest_items
from newsroom.inbound import PLATFORMS, InboundItem, dumps
from newsroom.model import Message, Reply, SetAside

SET_ASIDE = SetAside.__table__
MESSAGES = Message.__table__
REPLIES = Reply.__table__
MAX_PAYLOAD_CHARS = 2_000_000


def _require_admin(tx: Tx) -> None:
    if tx.actor.is_system:
        return  # setup from the command line on a desk with no people yet, and the demo
    require_role(tx, ADMIN_ONLY, "{actor} ({role}) may not change channels; ask an admin.", object_type="channel")


def _channel(tx: Tx, channel_id: int):
    row = tx.conn.execute(select(CHANNELS).where(CHANNELS.c.id == channel_id)).first()
    if row is None:
        raise ActionError("There is no channel {id}.", kind="not_found", object_type="channel", object_id=channel_id, id=channel_id)
    return row


def _clean_options(options: Any) -> str:
    if not isinstance(options, dict):
        raise ActionError("Channel options must be a mapping of names to values.", kind="invalid", object_type="channel")
    for key, value in options.items():
        if not isinstance(key, str) or not isinstance(value, (str, int, float, bool, type(None))):
            raise ActionError("The channel option {key!r} has a value that cannot be stored.", kind="invalid", object_type="channel", key=str(key))
        if any(word in key.lower() for word in ("password", "secret", "token")):
            raise ActionError("Secrets go in the keyring, not in the channel's options ({key!r}).", kind="invalid", object_type="channel", key=key)
    return json.dumps(options, sort_keys=True, ensure_ascii=False)


@action("add_channel")
def add_channel(tx: Tx, platform: str, account: str, name: str, options: dict) -> Change:
    """Connect a platform account; its secret is stored in the keyring by the caller, never here."""
    _require_admin(tx)
    if platform not in PLATFORMS:
        raise ActionError("{platform!r} is not a platform Newsroom knows.", kind="invalid", object_type="channel", platform=platform)
    account = (account or "").strip()
    name = (name or "").strip()
    if not account or len(account) > 320:
        raise ActionError("A channel needs an account of 1 to 320 characters.", kind="invalid", object_type="channel")
    if not name or len(name) > 200:
        raise ActionError("A channel needs a name of 1 to 200 characters.", kind="invalid", object_type="channel")
    if tx.conn.execute(select(CHANNELS.c.id).where(func.lower(CHANNELS.c.name) == name.lower(), CHANNELS.c.options.is_not(None))).first():
        raise ActionError("There is already a channel called {name!r}.", kind="conflict", object_type="channel", name=name)
    stored = _clean_options(options)
    existing = tx.conn.execute(
        select(CHANNELS.c.id, CHANNELS.c.options).where(CHANNELS.c.platform == platform, CHANNELS.c.account == account)
    ).first()
    if existing is not None and existing.options is not None:
        raise ActionError(
            "The {platform} account {account!r} is already connected.", kind="conflict", object_type="channel",
            object_id=existing.id, platform=platform, account=account,
        )
    values = dict(name=name, options=stored, enabled=True, health="ok", health_reason=None, retry_at=None)
    if existing is not None:  # known from an import: connect it, keep its messages
        tx.conn.execute(update(CHANNELS).where(CHANNELS.c.id == existing.id).values(**values))
        channel_id = existing.id
    else:
        channel_id = tx.conn.execute(
            insert(CHANNELS).values(platform=platform, account=account, created_at=tx.now, **values).returning(CHANNELS.c.id)
        ).scalar_one()
    return Change("add_channel", "channel", channel_id, created={"channel": channel_id})


@action("update_channel")
def update_channel(tx: Tx, channel_id: int, name: str | None = None, options: dict | None = None, enabled: bool | None = None) -> Change:
    """Rename a channel, change its options, or switch it on or off."""
    _require_admin(tx)
    row = _channel(tx, channel_id)
    values: dict = {}
    fields: dict = {}
    if name is not None and name.strip() != row.name:
        values["name"] = name.strip()
        fields["name"] = [row.name, values["name"]]
    if options is not None:
        merged = {**json.loads(row.options or "{}"), **options}
        values["options"] = _clean_options(merged)
        fields["options"] = [row.options, values["options"]]
    if enabled is not None and bool(enabled) != bool(row.enabled):
        values["enabled"] = bool(enabled)
        fields["enabled"] = [bool(row.enabled), bool(enabled)]
    if values:
        # New settings deserve a fresh try, not the old backoff.
        values.update(health="ok", health_reason=None, retry_at=None)
        tx.conn.execute(update(CHANNELS).where(CHANNELS.c.id == channel_id).values(**values))
    return Change("update_channel", "channel", channel_id, fields=fields)


@action("remove_channel")
def remove_channel(tx: Tx, channel_id: int) -> Change:
    """Disconnect a channel. Its messages and cases stay; polling and sending stop."""
    _require_admin(tx)
    row = _channel(tx, channel_id)
    if row.options is None:
        raise ActionError("The channel {name!r} is not connected.", kind="invalid", object_type="channel", object_id=channel_id, name=row.name)
    tx.conn.execute(
        update(CHANNELS).where(CHANNELS.c.id == channel_id).values(options=None, enabled=False, cursor=None, health="ok", health_reason=None, retry_at=None)
    )
    return Change("remove_channel", "channel", channel_id, fields={"connected": [True, False]})


@action("collect_page")
def collect_page(tx: Tx, channel_id: int, items: Sequence[InboundItem], set_aside: Sequence = (), cursor: Any = None) -> Change:
    """Store one connector page: its items, the payloads set aside, and the cursor after them."""
    if not tx.actor.is_system:
        raise ActionError("Only the collector stores what a channel delivered.", kind="denied", object_type="channel", object_id=channel_id)
    row = _channel(tx, channel_id)
    items = list(items)
    for item in items:
        if item.platform != row.platform or item.channel != row.account:
            raise ActionError(
                "An item for {platform}/{account} arrived on channel {id}.", kind="invalid", object_type="channel",
                object_id=channel_id, platform=item.platform, account=item.channel, id=channel_id,
            )
    tx.cache.setdefault("channels", {})[(row.platform, row.account)] = row.id
    result = ingest_items(tx, items) if items else None
    for entry in set_aside:
        tx.conn.execute(
            insert(SET_ASIDE).values(
                channel_id=channel_id, source="connector", external_id=(entry.external_id or None) and entry.external_id[:512],
                reason=entry.reason[:2000], payload=entry.payload[:MAX_PAYLOAD_CHARS], created_at=tx.now,
            )
        )
    values: dict = dict(cursor=dumps(cursor), last_poll_at=tx.now, health="ok", health_reason=None, retry_at=None)
    if result is not None and result.message_ids:
        values["last_item_at"] = tx.now
    tx.conn.execute(update(CHANNELS).where(CHANNELS.c.id == channel_id).values(**values))
    imported = len(result.message_ids) if result else 0
    return Change(
        "collect_page",
        "channel",
        channel_id,
        tuple(sorted(result.touched_case_ids)) if result else (),
        info={
            "imported": imported,
            "duplicates": result.duplicates if result else 0,
            "set_aside": len(set_aside),
            "message_ids": result.message_ids if result else [],
            "new_case_ids": result.new_case_ids if result else [],
        },
    )


@action("dismiss_set_aside")
def dismiss_set_aside(tx: Tx, set_aside_id: int) -> Change:
    """An admin has looked at a payload set aside; hide it from the list (it is kept)."""
    _require_admin(tx)
    found = tx.conn.execute(select(SET_ASIDE.c.id, SET_ASIDE.c.dismissed_at).where(SET_ASIDE.c.id == set_aside_id)).first()
    if found is None:
        raise ActionError("There is no set-aside item {id}.", kind="not_found", object_type="set_aside", object_id=set_aside_id, id=set_aside_id)
    if found.dismissed_at is None:
        tx.conn.execute(update(SET_ASIDE).where(SET_ASIDE.c.id == set_aside_id).values(dismissed_at=tx.now))
    return Change("dismiss_set_aside", "set_aside", set_aside_id, fields={"dismissed": [False, True]})


