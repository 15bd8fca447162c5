"""Routing rules and assignment through the actions and the ingest hook, on SQLite and PostgreSQL."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from newsroom.actions import SYSTEM, ActionError, perform, resolve_actor, routing
from newsroom.actions.base import Tx
from newsroom.model import Department, RoutingRule
from newsroom.routing.rules import RoutingInput
from newsroom.timeutil import utcnow
from tests.core.conftest import audit_rows, make_item, new_case, refused, snapshot

RULES = RoutingRule.__table__
DEPARTMENTS = Department.__table__
CONTAINER = {"when": {"words_any": ["container"]}, "then": {"department": "Afval", "tags": ["afval"]}}


def add_rule(db, actor, name: str, definition: dict, **extra) -> int:
    return perform(db, "add_rule", actor, origin="test", name=name, definition=definition, **extra).object_id


def rows(db) -> list:
    with db.read() as conn:
        return conn.execute(select(RULES).order_by(RULES.c.position)).all()


def route(db, *texts: str, **fields) -> list[routing.Decision]:
    inputs = [RoutingInput.from_item(make_item(text=t, **fields)) for t in texts]
    with db.transaction() as conn:
        tx = Tx(conn, SYSTEM, utcnow(), "test", db.dialect, db.cache)
        return routing.route_new_cases(tx, inputs)


def department(db, name: str):
    with db.read() as conn:
        return conn.execute(select(DEPARTMENTS).where(DEPARTMENTS.c.name == name)).one()


def add_agent(db, people, name: str, dept: str = "Afval"):
    perform(db, "add_user", people.admin, origin="test", name=name, role="department_agent", department=dept)
    return resolve_actor(db, name)


# -- the rule actions ------------------------------------------------------------------


def test_add_move_disable_update_remove_keep_positions_and_audit(db, people):
    admin = people.admin
    a = add_rule(db, admin, "containers", CONTAINER)
    b = add_rule(db, admin, "parkeren", {"when": {"words_any": ["parkeren"]}, "then": {"department": "Parkeren"}})
    c = add_rule(db, admin, "eerst", {"when": {"platform": "email"}, "then": {"priority": "high"}}, position=1)
    assert [(r.id, r.position) for r in rows(db)] == [(c, 1), (a, 2), (b, 3)]
    assert json.loads(rows(db)[1].definition) == CONTAINER

    change = perform(db, "move_rule", admin, origin="test", rule_id=c, position=99)  # past the end: last
    assert change.fields == {"position": [1, 3]}
    assert [r.id for r in rows(db)] == [a, b, c]
    perform(db, "move_rule", admin, origin="test", rule_id=b, position=1)
    assert [r.id for r in rows(db)] == [b, a, c]

    perform(db, "set_rule_enabled", admin, origin="test", rule_id=a, enabled=False)
    assert [r.enabled for r in rows(db)] == [True, False, True]
    assert routing.list_rules(db)[1]["enabled"] is False

    change = perform(db, "update_rule", admin, origin="test", rule_id=a, name="afval",
                     definition={"when": {"words_any": ["kliko"]}, "then": {"department": "Afval"}})
    assert change.fields["name"] == ["containers", "afval"]
    assert change.fields["definition"][1]["when"] == {"words_any": ["kliko"]}

    perform(db, "remove_rule", admin, origin="test", rule_id=b)
    assert [(r.id, r.position) for r in rows(db)] == [(a, 1), (c, 2)]

    actions = [r.action for r in audit_rows(db) if r.object_type == "rule"]
    assert actions == ["add_rule"] * 3 + ["move_rule"] * 2 + ["set_rule_enabled", "update_rule", "remove_rule"]
    assert all(r.actor_name == "beheer" for r in audit_rows(db) if r.object_type == "rule")


def test_only_an_admin_changes_rules(db, people):
    rule = add_rule(db, people.admin, "containers", CONTAINER)
    for actor in (people.operator, people.supervisor, people.agent_afval):
        error = refused(db, "add_rule", actor, name="x", definition=CONTAINER)
        assert error.kind == "denied" and "may not change routing rules" in error.message
    assert refused(db, "remove_rule", SYSTEM, rule_id=rule).kind == "denied"
    assert refused(db, "move_rule", people.operator, rule_id=rule, position=1).kind == "denied"


def test_invalid_rules_are_refused_with_the_reason(db, people):
    admin = people.admin
    error = refused(db, "add_rule", admin, name="x", definition={"when": {}, "then": {"department": "Groen"}})
    assert error.kind == "invalid" and "no department 'Groen'" in error.message
    assert "not valid" in refused(db, "add_rule", admin, name="x", definition={"when": {"regex": "("}, "then": {"tags": ["x"]}}).message
    assert "Unknown condition" in refused(db, "add_rule", admin, name="x", definition={"when": {"kleur": 1}, "then": {"tags": ["x"]}}).message
    assert "not valid JSON" in refused(db, "add_rule", admin, name="x", definition="{nope").message
    assert "name of 1 to 200" in refused(db, "add_rule", admin, name=" ", definition=CONTAINER).message
    assert "position" in refused(db, "add_rule", admin, name="x", definition=CONTAINER, position=0).message
    error = refused(db, "remove_rule", admin, rule_id=404)
    assert error.kind == "not_found" and "no routing rule 404" in error.message
    assert refused(db, "update_rule", admin, rule_id="1", name="x").kind == "invalid"


# -- the ingest hook --------------------------------------------------------------------


def test_route_sets_department_priority_tags_and_caches_the_rules(db, people):
    admin = people.admin
    first = add_rule(db, admin, "containers", {"when": {"words_any": ["container"]},
                                              "then": {"department": "Afval", "priority": "high", "tags": ["Afval"]}})
    (decision, other) = route(db, "De container is vol", "Mijn paspoort is kwijt")
    assert decision == routing.Decision(first, people.departments["Afval"], "high", ("afval",), None)
    assert other == routing.Decision(None, None, None, (), None)  # the newsroom's own queue

    cached = db.cache[routing.CACHE_KEY][1]
    route(db, "Nog een container")
    assert db.cache[routing.CACHE_KEY][1] is cached  # nothing changed: not compiled again
    perform(db, "add_rule", admin, origin="test", name="paspoort",
            definition={"when": {"words_any": ["paspoort"]}, "then": {"department": "Parkeren"}})
    (moved,) = route(db, "Mijn paspoort is kwijt")
    assert moved.department_id == people.departments["Parkeren"]
    perform(db, "set_rule_enabled", admin, origin="test", rule_id=first, enabled=False)
    (off,) = route(db, "De container is vol")
    assert off.department_id is None


def test_a_failing_rule_is_skipped_and_recorded_once_per_batch(db, people):
    area = add_rule(db, people.admin, "centrum", {"when": {"area": {"lat": 52.09, "lon": 5.12, "radius_m": 500}},
                                                "then": {"department": "Parkeren"}})
    words = add_rule(db, people.admin, "containers", CONTAINER)
    inputs = [
        RoutingInput.from_item(make_item(text=f"container {i}", location={"lat": 52.09, "lon": 5.12}))
        for i in range(3)
    ]
    for item in inputs:  # a location that slipped past validation
        item.location = {"lat": "noord", "lon": 5.12}
    with db.transaction() as conn:
        tx = Tx(conn, SYSTEM, utcnow(), "test", db.dialect, db.cache)
        decisions = routing.route_new_cases(tx, inputs)
    assert [d.department_id for d in decisions] == [people.departments["Afval"]] * 3
    assert {d.rule_id for d in decisions} == {words}
    failing = {r.id: r for r in rows(db)}[area]
    assert failing.error_count == 3 and "TypeError" in failing.last_error and failing.last_error_at is not None
    listed = routing.list_rules(db)[0]
    assert listed["error_count"] == 3 and listed["problem"] is None
    # A changed definition counts afresh.
    perform(db, "update_rule", people.admin, origin="test", rule_id=area,
            definition={"when": {"area": {"lat": 52.09, "lon": 5.12, "radius_m": 400}}, "then": {"department": "Parkeren"}})
    assert {r.id: r for r in rows(db)}[area].error_count == 0


def test_a_stored_rule_that_no_longer_compiles_never_blocks_routing(db, people):
    broken = add_rule(db, people.admin, "containers", CONTAINER)
    good = add_rule(db, people.admin, "alles", {"when": {}, "then": {"tags": ["gezien"]}})
    with db.transaction() as conn:  # e.g. written by an older version
        conn.execute(RULES.update().where(RULES.c.id == broken).values(definition='{"when": {"kleur": 1}, "then": {}}',
                                                                         updated_at=utcnow()))
    decisions = route(db, "container", "iets anders")
    assert [d.tags for d in decisions] == [("gezien",), ("gezien",)] and decisions[0].rule_id == good
    row = {r.id: r for r in rows(db)}[broken]
    assert row.error_count == 2 and "cannot be used" in row.last_error
    assert "Unknown condition" in routing.list_rules(db)[0]["problem"]


# -- assignment -------------------------------------------------------------------------


def test_round_robin_wraps_and_continues_in_the_next_batch(db, people):
    joost = people.agent_afval
    kim = add_agent(db, people, "kim")
    add_agent(db, people, "pim", dept="Parkeren")  # another department: never picked
    add_rule(db, people.admin, "containers", CONTAINER)
    perform(db, "set_assignment_policy", people.admin, origin="test", department="Afval", policy="round_robin")
    decisions = route(db, "container 1", "container 2", "container 3")
    assert [d.assignee_id for d in decisions] == [joost.user_id, kim.user_id, joost.user_id]
    assert department(db, "Afval").last_assigned_user_id == joost.user_id
    (next_one,) = route(db, "container 4")
    assert next_one.assignee_id == kim.user_id


def test_least_loaded_counts_open_cases_and_capacity(db, people):
    joost = people.agent_afval
    kim = add_agent(db, people, "kim")
    for i in range(2):  # joost already has two open cases
        case_id = new_case(db, text=f"oud {i}")
        perform(db, "route", people.operator, origin="test", case_id=case_id, department="Afval")
        perform(db, "assign", people.operator, origin="test", case_id=case_id, user="joost")
    closed = new_case(db, text="afgehandeld")  # a closed case is no load
    perform(db, "route", people.operator, origin="test", case_id=closed, department="Afval")
    perform(db, "assign", people.operator, origin="test", case_id=closed, user="kim")
    perform(db, "set_status", people.operator, origin="test", case_id=closed, status="closed")
    perform(db, "set_availability", people.supervisor, origin="test", user="kim", capacity=1)
    add_rule(db, people.admin, "containers", CONTAINER)
    perform(db, "set_assignment_policy", people.admin, origin="test", department="Afval", policy="least_loaded")
    decisions = route(db, "container 1", "container 2", "container 3")
    assert [d.assignee_id for d in decisions] == [kim.user_id, joost.user_id, joost.user_id]


def test_absent_agents_are_skipped_and_nobody_available_leaves_it_unassigned(db, people):
    joost = people.agent_afval
    kim = add_agent(db, people, "kim")
    add_rule(db, people.admin, "containers", CONTAINER)
    perform(db, "set_assignment_policy", people.admin, origin="test", department="Afval", policy="round_robin")
    perform(db, "set_availability", kim, origin="test", user="kim", absent=True)  # one may mark oneself absent
    assert [d.assignee_id for d in route(db, "container 1", "container 2")] == [joost.user_id] * 2
    perform(db, "set_availability", people.supervisor, origin="test", user="joost", capacity=0)
    (nobody,) = route(db, "container 3")
    assert nobody.department_id == people.departments["Afval"] and nobody.assignee_id is None
    perform(db, "set_availability", people.supervisor, origin="test", user="joost", no_capacity=True)
    assert route(db, "container 4")[0].assignee_id == joost.user_id


def test_manual_policy_and_a_rules_override(db, people):
    joost = people.agent_afval
    add_rule(db, people.admin, "containers", CONTAINER)
    assert route(db, "container")[0].assignee_id is None  # departments start manual
    add_rule(db, people.admin, "spoed", {"when": {"words_any": ["spoed"]}, "then": {"assignment": "least_loaded"}}, position=1)
    assert route(db, "spoed container")[0].assignee_id == joost.user_id


def test_policy_and_availability_permissions_and_checks(db, people):
    error = refused(db, "set_assignment_policy", people.supervisor, department="Afval", policy="round_robin")
    assert error.kind == "denied"
    assert "'random' is not an assignment policy" in refused(db, "set_assignment_policy", people.admin, department="Afval", policy="random").message
    assert refused(db, "set_assignment_policy", people.admin, department="Groen", policy="manual").kind == "not_found"
    change = perform(db, "set_assignment_policy", people.admin, origin="test", department="Afval", policy="least_loaded")
    assert change.fields == {"assignment_policy": ["manual", "least_loaded"]}

    agent = people.agent_afval
    assert "only mark themselves" in refused(db, "set_availability", agent, user="pieter", absent=True).message
    assert refused(db, "set_availability", agent, user="joost", capacity=5).kind == "denied"
    assert refused(db, "set_availability", people.operator, user="joost", absent=True).kind == "denied"
    assert "capacity" in refused(db, "set_availability", people.supervisor, user="joost", capacity=-1).message
    assert "not both" in refused(db, "set_availability", people.supervisor, user="joost", capacity=2, no_capacity=True).message
    assert "Say what changes" in refused(db, "set_availability", people.supervisor, user="joost").message
    change = perform(db, "set_availability", people.supervisor, origin="test", user="joost", absent=True, capacity=4)
    assert change.fields == {"absent": [False, True], "capacity": [None, 4]}


# -- preview and test ----------------------------------------------------------------------


def test_preview_shows_what_a_rule_would_catch_among_recent_messages(db, people):
    ids = [new_case(db, text=t, minutes=i) for i, t in enumerate(["De container is vol", "Lantaarnpaal kapot", "Container weg"])]
    before = snapshot(db, skip=())
    result = routing.preview_rule(db, {"when": {"words_any": ["container"]}, "then": {"department": "Afval", "tags": ["afval"]}})
    assert snapshot(db, skip=()) == before  # read-only, not even audited
    assert result["scanned"] == 3 and result["matched"] == 2 and result["errors"] == []
    assert [m["case_id"] for m in result["matches"]] == [ids[2], ids[0]]  # newest first
    first = result["matches"][0]
    assert first["snippet"] == "Container weg" and first["platform"] == "mastodon" and first["author"] == "Bea Burger"
    assert first["sets"] == {"department": "Afval", "tags": ["afval"]}
    assert routing.preview_rule(db, {"when": {}, "then": {"tags": ["x"]}}, limit=1)["scanned"] == 1
    with pytest.raises(ActionError, match="no department 'Groen'"):
        routing.preview_rule(db, {"when": {}, "then": {"department": "Groen"}})
    with pytest.raises(ActionError, match="1 to 10000"):
        routing.preview_rule(db, CONTAINER, limit=0)


def test_preview_reports_a_message_the_rule_fails_on(db, people):
    new_case(db, text="hier", location={"lat": 52.09, "lon": 5.12})
    with db.transaction() as conn:  # a stored location that is not what it should be
        conn.execute(routing.MESSAGES.update().values(location='{"lat": "noord", "lon": 5}'))
    result = routing.preview_rule(db, {"when": {"area": {"lat": 52.09, "lon": 5.12, "radius_m": 100}}, "then": {"tags": ["x"]}})
    assert result["matched"] == 0 and len(result["errors"]) == 1


def test_test_rules_decides_without_writing(db, people):
    add_rule(db, people.admin, "containers", CONTAINER)
    perform(db, "set_assignment_policy", people.admin, origin="test", department="Afval", policy="round_robin")
    before = snapshot(db, skip=())
    results = routing.test_rules(db, [make_item(text="container vol"), make_item(text="hallo")])
    assert snapshot(db, skip=()) == before
    assert results[0]["department"] == "Afval" and results[0]["tags"] == ["afval"] and results[0]["assignee"] == "joost"
    assert results[0]["rule"] == "containers" and results[0]["priority"] == "normal"
    assert results[1]["department"] is None and results[1]["rule_id"] is None and results[1]["matched"] == []
