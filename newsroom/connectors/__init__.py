"""Platform connectors: one module per platform behind `newsroom.connectors.base.Connector`.

`connector_class(platform)` imports the module on first use, so a desk
that never connects Bluesky never loads its code.
"""
from __future__ import annotations

import importlib

from newsroom.connectors.base import Connector

#: The longest reply each platform takes (Bluesky counts graphemes), known
#: without importing its connector (the desktop shows a counter while typing).
REPLY_LIMITS: dict[str, int] = {"mastodon": 500, "bluesky": 300}

REGISTRY: dict[str, str] = {
    "mastodon": "newsroom.connectors.mastodon:MastodonConnector",
    "email": "newsroom.connectors.email:EmailConnector",
    "signalen": "newsroom.connectors.signalen:SignalenConnector",
    "open311": "newsroom.connectors.open311:Open311Connector",
    "bluesky": "newsroom.connectors.bluesky:BlueskyConnector",
}


def connector_class(platform: str) -> type[Connector]:
    """The connector class for `platform`; KeyError when Newsroom has none."""
    module_name, _, cls = REGISTRY[platform].partition(":")
    return getattr(importlib.import_module(module_name), cls)


def platforms() -> list[str]:
    return list(REGISTRY)
