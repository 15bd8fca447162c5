"""Routing: which department, priority and tags a new case gets, and who in the department takes it.

`rules.py` is the rule engine (validate, compile once, evaluate fast);
`assign.py` picks an agent by the department's assignment policy. Both are
pure: the database side is `newsroom.actions.routing`. See docs/ROUTING.md.
"""
