"""A scripted connector for the desktop tests (platform "other"), registered with `use_scripted(monkeypatch)`.

Like tests/connectors/test_collector.py's: numbered posts on a 'platform'
held in this module, a check that wants the secret "good", and a send that
records what left.
"""
from __future__ import annotations

import asyncio
from datetime import timedelta

from newsroom import connectors
from newsroom.connectors.base import (
    Connector,
    CredentialError,
    Health,
    Option,
    Page,
    SendResult,
)
from newsroom.inbound import Author, InboundItem
from newsroom.timeutil import utcnow

ACCOUNT = "gemeente@scripted.test"


class Platform:
    def __init__(self) -> None:
        self.posts: list[tuple[str, str]] = []  # (external id, text)
        self.sent: dict[str, str] = {}
        self.check_delay = 0.0

    def post(self, text: str) -> str:
        external_id = str(len(self.posts) + 1)
        self.posts.append((external_id, text))
        return external_id


PLATFORM = Platform()


class ScriptedConnector(Connector):
    platform = "other"
    OPTIONS = (Option("base_url", "Server address", required=True, help="e.g. https://scripted.test"),
               Option("username", "Account name", required=True))
    poll_interval = 0.05
    max_reply_chars = 50

    @classmethod
    def account_for(cls, options) -> str:
        return ACCOUNT

    async def check(self) -> Health:
        if PLATFORM.check_delay:
            await asyncio.sleep(PLATFORM.check_delay)
        if self.secret() != "good":
            raise CredentialError("the token was refused")
        return Health(True, "logged in as gemeente")

    async def fetch(self, cursor) -> Page:
        last = int(cursor or 0)
        new = [(i, t) for i, t in PLATFORM.posts if int(i) > last]
        now = utcnow()
        items = [InboundItem("other", ACCOUNT, i, Author(id="c" + i, name="Burger " + i), t, now - timedelta(seconds=1), raw={"id": i})
                 for i, t in new]
        return Page(items, int(new[-1][0]) if new else last)

    async def send(self, reply) -> SendResult:
        PLATFORM.sent.setdefault(reply.key, reply.text)
        return SendResult(external_id="out-" + reply.key)


def use_scripted(monkeypatch) -> Platform:
    global PLATFORM
    PLATFORM = Platform()
    monkeypatch.setitem(connectors.REGISTRY, "other", f"{__name__}:ScriptedConnector")
    monkeypatch.setitem(connectors.REPLY_LIMITS, "other", ScriptedConnector.max_reply_chars)
    from ui import case_pane

    case_pane.reply_limit.cache_clear()
    return PLATFORM
