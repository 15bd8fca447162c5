"""Every user action as one named function; see `base.perform`.

The modules that define them (`base.ACTION_MODULES`) register their actions
when imported; `perform` imports them all the first time it meets a name it
does not know yet, so importing this package stays cheap.
"""
from newsroom.actions.base import (
    ACTIONS,
    SYSTEM,
    ActionError,
    Actor,
    Change,
    perform,
    registered,
    resolve_actor,
)

__all__ = ["ACTIONS", "SYSTEM", "ActionError", "Actor", "Change", "perform", "registered", "resolve_actor"]
