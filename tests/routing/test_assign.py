"""Picking an agent: manual, round robin (wrapping), least loaded, capacity."""
from __future__ import annotations

from newsroom.routing.assign import Agent, Pool, pick


def test_manual_assigns_nobody():
    pool = Pool("manual", [Agent(1), Agent(2)])
    assert pick(pool) is None
    assert pick(Pool("round_robin", [Agent(1)]), "manual") is None


def test_round_robin_wraps_and_remembers():
    pool = Pool("round_robin", [Agent(7), Agent(3), Agent(5)], last_assigned_id=5)
    assert [pick(pool) for _ in range(4)] == [7, 3, 5, 7]
    assert pool.last_assigned_id == 7 and pool.moved


def test_round_robin_passes_someone_who_left_the_pool():
    pool = Pool("round_robin", [Agent(3), Agent(9)], last_assigned_id=5)  # agent 5 is now absent
    assert pick(pool) == 9


def test_round_robin_skips_an_agent_at_capacity():
    pool = Pool("round_robin", [Agent(1, load=2, capacity=2), Agent(2)], last_assigned_id=2)
    assert [pick(pool) for _ in range(2)] == [2, 2]


def test_least_loaded_counts_as_it_assigns_and_respects_capacity():
    pool = Pool("least_loaded", [Agent(1, load=3), Agent(2, load=0, capacity=2), Agent(3, load=1)])
    assert [pick(pool) for _ in range(5)] == [2, 2, 3, 3, 1]  # ties go to the lower id
    assert pool.agents[1].load == 2  # full: no more for agent 2
    assert not pool.moved


def test_nobody_available():
    assert pick(Pool("least_loaded", [])) is None
    assert pick(Pool("round_robin", [])) is None
    full = Pool("least_loaded", [Agent(1, load=1, capacity=1), Agent(2, load=0, capacity=0)])
    assert pick(full) is None


def test_a_rule_can_override_the_department_policy():
    pool = Pool("manual", [Agent(1, load=5), Agent(2, load=1)])
    assert pick(pool, "least_loaded") == 2
