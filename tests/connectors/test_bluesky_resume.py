"""Resuming the Bluesky sweep: crashes, faults, odd page sizes and piled-up pages never lose or double a post.

Each round a random number of citizen posts arrives (some replies, some
with the same indexedAt as the newest one), then a fresh collector (a
restart) polls with a random page size, a random server-side page cap, a
random fault (429 with reset, a 5xx burst, expired or revoked tokens) and a
random crash point: before storing page k (the page was fetched, then lost)
or just after storing it. Posts also arrive in the middle of a sweep. At the
end the database holds exactly the fake's citizen posts, none twice, and no
page was ever stored twice (zero duplicates: the cursor resumes exactly).
"""
from __future__ import annotations

import random

import pytest

from newsroom.connectors.base import ConnectorError
from newsroom.connectors.runner import Collector
from newsroom.fakes.bluesky import BlueskyFake
from tests.connectors.test_bluesky_helpers import (
    connect_fake,
    inbound_ids,
    set_aside_rows,
)

TEXTS = (
    "Is de brug bij de Havenweg weer open?",
    "De lantaarnpaal op de Kerkstraat 12 doet het al een week niet.",
    "Wanneer wordt het grofvuil in Noord opgehaald? 🙏",
    "Bedankt voor het snelle antwoord! 👍🏽",
    "Waarom staat er een hek om het speeltuintje in de Vogelwijk?",
    "Café Zoë heeft een terrasvergunning nodig, waar vraag ik die aan?",
)


class Crash(Exception):
    pass


class ChaosCollector(Collector):
    """Crashes before or after storing page `crash_page`; lets posts arrive after stored pages."""

    def __init__(self, *args, rng: random.Random, fake: BlueskyFake, stats: dict, crash: tuple[str, int] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rng, self.fake, self.stats, self.crash = rng, fake, stats, crash
        self.pages = 0

    async def _perform(self, name, **args):
        if name != "collect_page":
            return await super()._perform(name, **args)
        self.pages += 1
        if self.crash == ("before", self.pages):
            raise Crash("fetched but not stored")
        change = await super()._perform(name, **args)
        self.stats["duplicates"] += change.info["duplicates"]
        self.stats["pages"] += 1
        if self.crash == ("after", self.pages):
            raise Crash("stored, then died")
        if self.rng.random() < 0.15:
            add_posts(self.rng, self.fake, self.rng.randint(1, 4))
        return change


def add_posts(rng: random.Random, fake: BlueskyFake, count: int) -> None:
    for _ in range(count):
        handle = rng.choice(("anna.bsky.social", "bram.bsky.social", "chantal.bsky.social", "dirk.bsky.social"))
        text = rng.choice(TEXTS)
        tie = fake.last_indexed_at if rng.random() < 0.2 else None
        existing = fake.citizen_posts()
        if existing and rng.random() < 0.3:
            fake.post_citizen_message(text, handle=handle, reply_to_uri=rng.choice(existing), indexed_at=tie)
        else:
            fake.post_citizen_message(text, handle=handle, indexed_at=tie)


async def run_scenario(db, secrets, seed: int, rounds: int) -> None:
    rng = random.Random(seed)
    stats = {"duplicates": 0, "pages": 0, "crashes": 0, "errors": 0}
    revokes = 0
    with BlueskyFake() as fake:
        channel = connect_fake(db, fake, secrets)
        fake.seed_backlog(rng.randint(0, 60), seed=seed)
        for _ in range(rounds):
            add_posts(rng, fake, rng.choice((0, 1, 3, rng.randint(5, 70))))
            fake.page_cap = rng.choice((None, None, 1, 2, 7))
            fault = rng.choice(("none", "none", "429", "5xx", "expire", "revoke"))
            if fault == "429":
                fake.faults.rate_limit(rng.randint(1, 2), reset_in=30)
            elif fault == "5xx":
                fake.faults.server_errors(rng.randint(1, 4), status=rng.choice((500, 502, 503)))
            elif fault == "expire":
                fake.faults.expire_tokens()
            elif fault == "revoke":
                fake.revoke_sessions()
                revokes += 1
            crash = rng.choice((None, ("before", rng.randint(1, 3)), ("after", rng.randint(1, 3))))
            async with ChaosCollector(db, secrets=secrets, rng=rng, fake=fake, stats=stats, crash=crash) as collector:
                collector.connector(channel).page_size = rng.choice((1, 3, 10, 25, 100))
                try:
                    await collector.poll(channel)
                except Crash:
                    stats["crashes"] += 1
                except ConnectorError:
                    stats["errors"] += 1
            fake.faults.clear()
        if not stats["crashes"]:
            # The random rounds can miss every crash point (a fault ends a poll
            # before its page comes): crash once for certain.
            add_posts(rng, fake, 3)
            async with ChaosCollector(db, secrets=secrets, rng=rng, fake=fake, stats=stats, crash=("after", 1)) as collector:
                try:
                    await collector.poll(channel)
                except Crash:
                    stats["crashes"] += 1
        # Calm again: polls drain what is left.
        async with Collector(db, secrets=secrets) as collector:
            collector.connector(channel).page_size = rng.choice((5, 100))
            for _ in range(3):
                result = await collector.poll(channel)
                stats["duplicates"] += result.duplicates
        posts = fake.citizen_posts()
        stored = inbound_ids(db, channel)
        assert len(stored) == len(set(stored))
        assert set(stored) == set(posts), (len(stored), len(posts))
        assert len(posts) == len(set(posts))
        assert stats["duplicates"] == 0, stats
        assert not set_aside_rows(db)
        assert fake.create_session_calls <= 1 + revokes
    # The scenario really crashed and paged (how many pages depends on timing: posts carry real clock times).
    assert stats["crashes"] and stats["pages"] >= rounds // 2, stats


@pytest.mark.asyncio
@pytest.mark.parametrize("seed", [7])
async def test_resume_never_loses_or_doubles(db, secrets, seed):
    await run_scenario(db, secrets, seed, rounds=12)


@pytest.mark.asyncio
@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_resume_more_seeds_on_sqlite(sqlite_db, secrets, seed):
    await run_scenario(sqlite_db, secrets, seed, rounds=8)
