"""Every user action as one named function; see `base.perform`."""
from newsroom.actions import (  # noqa: F401  (registers the actions)
    admin,
    cases,
    channels,
    incidents,
    ingest,
    replies,
    routing,
    targets,
    templates,
)
from newsroom.actions.base import (
    ACTIONS,
    SYSTEM,
    ActionError,
    Actor,
    Change,
    perform,
    resolve_actor,
)

__all__ = ["ACTIONS", "SYSTEM", "ActionError", "Actor", "Change", "perform", "resolve_actor"]
