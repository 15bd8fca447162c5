"""Connecting, testing and removing channels: the secret to the keyring, the rest through actions."""
from __future__ import annotations

import asyncio
from typing import Any

from newsroom.actions.base import ActionError, Actor, perform
from newsroom.connectors import connector_class, platforms
from newsroom.connectors.base import ChannelSettings, Health
from newsroom.connectors.runner import Collector, load_channels
from newsroom.db.engine import Database
from newsroom.secrets import SecretStore


def clean_options(platform: str, options: dict[str, Any]) -> dict[str, Any]:
    """The options the platform's connector declares, converted and checked; `ActionError` names what is missing."""
    if platform not in platforms():
        raise ActionError(
            "Newsroom has no connector for {platform!r}; choose one of {choices}.", kind="invalid", object_type="channel",
            platform=platform, choices=", ".join(platforms()),
        )
    cls = connector_class(platform)
    out: dict[str, Any] = {}
    for option in cls.OPTIONS:
        value = options.get(option.name)
        if value in (None, ""):
            value = option.default
        if value in (None, ""):
            if option.required:
                raise ActionError(
                    "A {platform} channel needs --{flag} ({label}).", kind="invalid", object_type="channel",
                    platform=platform, flag=option.name.replace("_", "-"), label=option.label,
                )
            continue
        try:
            if option.kind == "int":
                value = int(value)
            elif option.kind == "bool":
                value = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on", "ja")
        except ValueError:
            raise ActionError("--{flag} must be a whole number.", kind="invalid", object_type="channel", flag=option.name.replace("_", "-")) from None
        out[option.name] = value
    unknown = sorted(set(k for k, v in options.items() if v not in (None, "")) - {o.name for o in cls.OPTIONS})
    if unknown:
        raise ActionError(
            "A {platform} channel has no option {names}.", kind="invalid", object_type="channel", platform=platform,
            names=", ".join("--" + u.replace("_", "-") for u in unknown),
        )
    return out


def connect(db: Database, actor: Actor, *, platform: str, name: str, options: dict[str, Any], secret: str | None,
            secrets: SecretStore | None = None, origin: str = "cli") -> int:
    """Add a channel: check the options, store the secret in the keyring (or refuse), then record it."""
    secrets = secrets or SecretStore()
    options = clean_options(platform, options)
    cls = connector_class(platform)
    account = cls.account_for(options)
    if not account:
        raise ActionError("Could not tell which account this channel is; check its options.", kind="invalid", object_type="channel")
    if cls.needs_secret and not secret:
        raise ActionError("A {platform} channel needs its secret (token or password).", kind="invalid", object_type="channel", platform=platform)
    key = ChannelSettings(0, platform, account, name, options)
    if secret:
        secrets.set(key, secret)  # NoKeyring: refuse before anything is recorded
    try:
        change = perform(db, "add_channel", actor, origin=origin, platform=platform, account=account, name=name, options=options)
    except ActionError:
        if secret:
            secrets.delete(key)
        raise
    return change.object_id


def find(db: Database, name_or_id: str) -> ChannelSettings:
    channels = load_channels(db, include_disabled=True)
    for channel in channels:
        if channel.name == name_or_id or str(channel.id) == str(name_or_id):
            return channel
    raise ActionError("There is no connected channel {name!r}. See 'newsroom channel list'.", kind="not_found", object_type="channel", name=name_or_id)


def set_secret(channel: ChannelSettings, secret: str, secrets: SecretStore | None = None) -> None:
    (secrets or SecretStore()).set(channel, secret)


def remove(db: Database, actor: Actor, channel: ChannelSettings, secrets: SecretStore | None = None, origin: str = "cli") -> None:
    perform(db, "remove_channel", actor, origin=origin, channel_id=channel.id)
    (secrets or SecretStore()).delete_all(channel)


def test(db: Database, channel: ChannelSettings, secrets: SecretStore | None = None) -> Health:
    """"Test connection" outside an event loop (the CLI)."""

    async def run() -> Health:
        async with Collector(db, secrets=secrets) as collector:
            return await collector.check(channel)

    return asyncio.run(run())
