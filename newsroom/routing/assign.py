"""Who in a department gets a new case: manual, round robin, or least loaded, within each agent's capacity.

Pure: the caller reads the department's agents and their open-case loads
once per batch into a `Pool`, and `pick` hands out cases from it, counting
each assignment in memory so the next pick of the batch sees it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

MANUAL = "manual"
ROUND_ROBIN = "round_robin"
LEAST_LOADED = "least_loaded"


@dataclass(slots=True)
class Agent:
    """An agent who can get cases: active and not absent. `capacity` None: no cap."""

    id: int
    load: int = 0  # open cases assigned now
    capacity: int | None = None

    @property
    def has_room(self) -> bool:
        return self.capacity is None or self.load < self.capacity


@dataclass(slots=True)
class Pool:
    """One department's available agents (any order) and the policy state."""

    policy: str
    agents: list[Agent] = field(default_factory=list)
    last_assigned_id: int | None = None  # round robin: who got the last case
    moved: bool = False  # last_assigned_id changed and must be stored

    def __post_init__(self) -> None:
        self.agents.sort(key=lambda a: a.id)


def pick(pool: Pool, policy: str | None = None) -> int | None:
    """The agent for the next case (and count it), or None: manual, or nobody has room."""
    policy = policy or pool.policy
    if policy == ROUND_ROBIN:
        chosen = _round_robin(pool)
    elif policy == LEAST_LOADED:
        chosen = _least_loaded(pool)
    else:
        return None
    if chosen is None:
        return None
    chosen.load += 1
    if policy == ROUND_ROBIN:
        pool.last_assigned_id = chosen.id
        pool.moved = True
    return chosen.id


def _round_robin(pool: Pool) -> Agent | None:
    agents = pool.agents
    if not agents:
        return None
    last = pool.last_assigned_id
    # Start after the last agent served (by id, wrapping); someone who left the pool is simply passed.
    start = 0
    if last is not None:
        start = next((i for i, a in enumerate(agents) if a.id > last), 0)
    for offset in range(len(agents)):
        agent = agents[(start + offset) % len(agents)]
        if agent.has_room:
            return agent
    return None


def _least_loaded(pool: Pool) -> Agent | None:
    candidates = [a for a in pool.agents if a.has_room]
    if not candidates:
        return None
    return min(candidates, key=lambda a: (a.load, a.id))
