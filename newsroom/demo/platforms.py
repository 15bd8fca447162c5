"""The demo's platforms: loopback fakes, demo channels connected to them, and citizens posting.

`DemoPlatforms(db).start()` starts one fake per platform on free ports on
127.0.0.1, points the demo database's channels at them (adding them on the
first run), keeps the fakes' throwaway tokens in memory (`self.secrets`;
the demo never writes to the OS keyring) and runs a scenario thread that
posts realistic citizen messages to the fakes at `scenario_rate` per
second. The collector then reads them exactly as it reads real platforms.

Every run starts fresh fakes, so the channels' cursors are reset and the
fakes number their posts from the current time: a new run's posts never
reuse an id an earlier run stored.

`serve_forever` is `newsroom demo serve`: the same fakes, standalone.
"""
from __future__ import annotations

import importlib
import inspect
import json
import random
import sys
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select, update

from newsroom.actions import SYSTEM, ActionError, perform
from newsroom.db.engine import Database
from newsroom.model import Channel
from newsroom.secrets import MemorySecretStore

CHANNELS = Channel.__table__

# platform -> (fake module, fake class)
FAKES: dict[str, tuple[str, str]] = {
    "mastodon": ("newsroom.fakes.mastodon", "MastodonFake"),
    "bluesky": ("newsroom.fakes.bluesky", "BlueskyFake"),
    "signalen": ("newsroom.fakes.signalen", "SignalenFake"),
    "open311": ("newsroom.fakes.open311", "Open311Fake"),
}


def _fake_module(platform: str):
    return importlib.import_module(FAKES[platform][0])


# The demo's fakes try these ports first, so a demo channel's account (which
# names the host and port) stays the same from one run to the next.
DEMO_PORTS = {"mastodon": 47811, "bluesky": 47812, "signalen": 47813, "open311": 47814}


def start_fake(platform: str, port: int = 0):
    module = _fake_module(platform)
    cls = getattr(module, FAKES[platform][1])
    kwargs = {}
    if "first_id" in inspect.signature(cls).parameters:
        # Numbered reports (Signalen, Open311): start above any earlier run's,
        # or a new report would carry an id the desk already stored.
        kwargs["first_id"] = int(time.time() - 1_750_000_000) * 10
    if port:
        try:
            return cls(port=port, **kwargs).start()
        except OSError:  # taken: any free port will do
            pass
    return cls(port=0, **kwargs).start()


def _post(platform: str, fake, item: dict) -> None:
    """One generated citizen message, posted the way a citizen would on that platform."""
    author = item.get("author") or {}
    name = author.get("name") or "Burger"
    text = item["text"]
    if platform == "mastodon":
        handle = (author.get("handle") or "@burger").lstrip("@").split("@")[0] or "burger"
        fake.post_citizen_message(text, username=handle[:30], display_name=name)
    elif platform == "bluesky":
        handle = (author.get("handle") or "burger.bsky.social").lstrip("@")
        fake.post_citizen_message(text, handle=handle)
    elif platform == "signalen":
        fake.post_citizen_report(_plain_report(text))
    elif platform == "open311":
        fake.post_request(_plain_report(text))


def _plain_report(text: str) -> str:
    """A social post's text as a report form would hold it: without the leading @mentions."""
    words = text.split(" ")
    while words and words[0].startswith("@"):
        words.pop(0)
    return " ".join(words) or text


class DemoPlatforms:
    """The fakes, the demo channels and the scenario for one demo run."""

    def __init__(self, db: Database, platforms: Iterable[str] | None = None):
        self.db = db
        self.platforms = [p for p in (platforms or FAKES)]
        self.fakes: dict[str, Any] = {}
        self.secrets = MemorySecretStore()
        self.posted = 0
        self.rate = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, scenario_rate: float = 0.2, *, seed: int | None = None) -> DemoPlatforms:
        for platform in self.platforms:
            self.fakes[platform] = start_fake(platform, DEMO_PORTS.get(platform, 0))
        self._connect_channels()
        self.set_rate(scenario_rate, seed=seed)
        return self

    def _connect_channels(self) -> None:
        from newsroom.channels import clean_options
        from newsroom.connectors import connector_class

        for platform, fake in self.fakes.items():
            spec = _fake_module(platform).demo_channel(fake)
            options = clean_options(platform, spec["options"])
            account = connector_class(platform).account_for(options)
            # A demo channel of an earlier run on another port is another account now: disconnect it.
            with self.db.read() as conn:
                rows = conn.execute(
                    select(CHANNELS.c.id, CHANNELS.c.options).where(
                        CHANNELS.c.platform == platform, CHANNELS.c.account != account, CHANNELS.c.options.is_not(None)
                    )
                ).all()
            stale = [r.id for r in rows if "127.0.0.1" in str(json.loads(r.options).get("base_url", ""))]
            for channel_id in stale:
                perform(self.db, "remove_channel", SYSTEM, origin="demo", channel_id=channel_id)
            with self.db.read() as conn:
                row = conn.execute(
                    select(CHANNELS.c.id).where(CHANNELS.c.platform == platform, CHANNELS.c.account == account, CHANNELS.c.options.is_not(None))
                ).first()
            if row is None:
                try:
                    perform(self.db, "add_channel", SYSTEM, origin="demo", platform=platform, account=account, name=spec["name"], options=options)
                except ActionError:  # e.g. the name is taken by a channel the person renamed; leave theirs alone
                    continue
            else:
                perform(self.db, "update_channel", SYSTEM, origin="demo", channel_id=row.id, options=options)
            # Fresh fakes: yesterday's cursor means nothing to them.
            with self.db.transaction() as conn:
                conn.execute(
                    update(CHANNELS).where(CHANNELS.c.platform == platform, CHANNELS.c.account == account).values(cursor=None)
                )
            channel = _Key(platform, account)
            if spec.get("secret"):
                self.secrets.set(channel, spec["secret"])

    # -- the scenario ----------------------------------------------------------------------

    def set_rate(self, rate: float, *, seed: int | None = None) -> None:
        """Citizen messages per second across all platforms (0 pauses the scenario)."""
        self.rate = max(0.0, rate)
        if self.rate and self._thread is None:
            self._thread = threading.Thread(target=self._scenario, args=(seed,), name="demo-scenario", daemon=True)
            self._thread.start()

    def post_one(self, rng: random.Random | None = None, items=None) -> str:
        """Post one generated message on a random platform now; returns the platform."""
        from newsroom.demo.generator import live

        rng = rng or random.Random()
        items = items or live(seed=rng.randrange(1 << 30))
        item = next(items)
        platform = item["platform"] if item["platform"] in self.fakes else rng.choice(sorted(self.fakes))
        _post(platform, self.fakes[platform], item)
        self.posted += 1
        return platform

    def _scenario(self, seed: int | None) -> None:
        from newsroom.demo.generator import live

        rng = random.Random(seed)
        items = live(seed=seed)
        while not self._stop.is_set():
            if not self.rate:
                self._stop.wait(0.5)
                continue
            self._stop.wait(rng.expovariate(self.rate))
            if self._stop.is_set():
                break
            try:
                self.post_one(rng, items)
            except Exception:  # noqa: BLE001 - a demo hiccup must not kill the scenario
                time.sleep(0.5)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for fake in self.fakes.values():
            fake.stop()
        self.fakes.clear()


class _Key:
    def __init__(self, platform: str, account: str):
        self.platform = platform
        self.account = account


def serve_forever(*, platforms: list[str] | None, port: int, rate: float, json_output: bool,
                  wait: Callable[[], None] | None = None) -> int:
    """`newsroom demo serve`: start the fakes, print where they are and how to log in, run until Ctrl-C."""
    names = platforms or list(FAKES)
    fakes = {}
    try:
        for offset, platform in enumerate(names):
            fakes[platform] = start_fake(platform, port + offset if port else 0)
        info = {
            platform: {"base_url": fake.base_url, **fake.credentials()} for platform, fake in fakes.items()
        }
        if json_output:
            print(json.dumps(info, ensure_ascii=False), flush=True)
        else:
            for platform, data in info.items():
                print(f"{platform:<9} {data['base_url']}")
                for key, value in data.items():
                    if key != "base_url":
                        print(f"          {key}: {value}")
            print("Press Ctrl-C to stop.", flush=True)
        rng = random.Random()
        from newsroom.demo.generator import live

        items = live()
        try:
            if wait is not None:
                wait()
            else:
                while True:
                    if rate:
                        time.sleep(rng.expovariate(rate))
                        item = next(items)
                        platform = item["platform"] if item["platform"] in fakes else rng.choice(sorted(fakes))
                        _post(platform, fakes[platform], item)
                    else:
                        time.sleep(3600)
        except KeyboardInterrupt:
            pass
    except OSError as error:
        print(f"newsroom: cannot start the fakes: {error}", file=sys.stderr)
        return 1
    finally:
        for fake in fakes.values():
            fake.stop()
    return 0
