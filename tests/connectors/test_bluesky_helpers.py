"""Helpers shared by the Bluesky connector tests (no tests here; the name keeps it among the Bluesky files)."""
from __future__ import annotations

from sqlalchemy import select

from newsroom.actions import SYSTEM
from newsroom.channels import connect
from newsroom.connectors.base import ChannelSettings
from newsroom.connectors.runner import load_channels
from newsroom.db.engine import Database
from newsroom.fakes.bluesky import BlueskyFake, demo_channel
from newsroom.model import Message, Reply, SetAside
from newsroom.secrets import SecretStore

MESSAGES = Message.__table__
REPLIES = Reply.__table__
SET_ASIDE = SetAside.__table__


def connect_fake(db: Database, fake: BlueskyFake, secrets: SecretStore, *, secret: str | None = None) -> ChannelSettings:
    spec = demo_channel(fake)
    connect(db, SYSTEM, platform="bluesky", name=spec["name"], options=spec["options"],
            secret=secret if secret is not None else spec["secret"], secrets=secrets)
    (channel,) = [c for c in load_channels(db) if c.platform == "bluesky"]
    return channel


def inbound_ids(db: Database, channel: ChannelSettings) -> list[str]:
    with db.read() as conn:
        return [r.external_id for r in conn.execute(
            select(MESSAGES.c.external_id).where(MESSAGES.c.channel_id == channel.id, MESSAGES.c.direction == "in"))]


def set_aside_rows(db: Database) -> list:
    with db.read() as conn:
        return conn.execute(select(SET_ASIDE).order_by(SET_ASIDE.c.id)).all()
