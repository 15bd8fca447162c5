"""The rule engine on its own: every condition and action, order and stop, validation, a rule that fails."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from newsroom.routing.rules import (
    REGEX_WINDOW,
    RoutingInput,
    RuleInvalid,
    RuleSet,
    bench_routing,
    compile_rule,
    fold,
)
from newsroom.timeutil import UTC

DEPARTMENTS = {"afval": 1, "parkeren": 2, "burgerzaken": 3}
# Monday 2 November 2026, 10:00 in Amsterdam (CET, UTC+1).
MONDAY_10 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def msg(text: str = "De container is vol.", **changes) -> RoutingInput:
    base = RoutingInput(
        platform="mastodon", channel_id=1, channel_name="Mastodon gemeente", channel_account="@gemeente@social.example",
        text=text, subject=None, author_id="u1", author_handle="@bea@example.social", author_name="Bea Burger",
        author_email=None, category=None, language="nl", location=None, received_at=MONDAY_10,
    )
    return replace(base, **changes)


def rules(*definitions: dict) -> RuleSet:
    return RuleSet([compile_rule(d, DEPARTMENTS, rule_id=i, name=f"r{i}") for i, d in enumerate(definitions, 1)])


def catches(when: dict, message: RoutingInput) -> bool:
    return bool(rules({"when": when, "then": {"tags": ["x"]}}).evaluate(message).matched)


def invalid(definition: dict, *words: str) -> RuleInvalid:
    with pytest.raises(RuleInvalid) as caught:
        compile_rule(definition, DEPARTMENTS)
    for word in words:
        assert word in caught.value.message, caught.value.message
    return caught.value


# -- conditions --------------------------------------------------------------------


def test_fold_lowers_and_drops_diacritics():
    assert fold("Afvál Café ÉÉN") == "afval cafe een"
    assert fold("Straße") == "strasse"


def test_words_match_whole_words_case_and_diacritics_folded():
    when = {"words_any": ["afval"]}
    assert catches(when, msg("Afval! Overal."))
    assert catches(when, msg("er ligt afvál"))
    assert catches(when, msg("AFVAL"))
    assert not catches(when, msg("De afvalbak is vol"))
    assert not catches(when, msg("restafval"))
    # The subject counts too.
    assert catches(when, msg("Zie onderwerp", subject="Afval in de straat"))


def test_words_all_and_words_none():
    assert catches({"words_all": ["container", "vol"]}, msg("De container is vol"))
    assert not catches({"words_all": ["container", "vol"]}, msg("De container is leeg"))
    assert catches({"words_none": ["bedankt"]}, msg("De container is vol"))
    assert not catches({"words_none": ["bedankt"]}, msg("Bedankt voor het legen!"))


def test_phrases_are_word_sequences():
    when = {"phrases": ["grof vuil", "niet geleegd"]}
    assert catches(when, msg("Er staat GROF, vuil bij de deur"))  # punctuation between words is no break
    assert catches(when, msg("De kliko is niet geleegd."))
    assert not catches(when, msg("grof huisvuil"))
    assert not catches(when, msg("vuil grof"))


def test_regex_on_raw_text_case_insensitive_within_the_window():
    when = {"regex": r"\b\d{4}\s?[a-z]{2}\b"}
    assert catches(when, msg("Mijn postcode is 3511 AB"))
    assert not catches(when, msg("Mijn postcode is 35111"))
    assert catches({"regex": ["^nope$", "kapot"]}, msg("Lamp KAPOT"))
    far = "x " * REGEX_WINDOW + "kapot"
    assert not catches({"regex": "kapot"}, msg(far))


def test_platform_and_channel():
    assert catches({"platform": ["email", "mastodon"]}, msg())
    assert not catches({"platform": "bluesky"}, msg())
    assert catches({"channel": "mastodon GEMEENTE"}, msg())  # the channel's name
    assert catches({"channel": "@gemeente@*"}, msg())  # or its account, glob
    assert not catches({"channel": "info@gemeente.example"}, msg())


def test_category_and_language():
    signal = msg(platform="signalen", category="Afval/Container is vol")
    assert catches({"category": "afval/container is vol"}, signal)
    assert catches({"category": "Afval/*"}, signal)
    assert not catches({"category": "Wegen/*"}, signal)
    assert not catches({"category": "Afval/*"}, msg())  # no category: no match
    assert catches({"language": "nl"}, msg(language="nl-be"))
    assert not catches({"language": ["en", "de"]}, msg())
    assert not catches({"language": "nl"}, msg(language=None))


def test_author_by_handle_email_name_exact_or_glob():
    assert catches({"author": "@bea@example.social"}, msg())
    assert catches({"author": "bea@example.social"}, msg())  # handle without the leading @
    assert catches({"author": "*@example.social"}, msg())
    assert catches({"author": "bea burger"}, msg())
    assert catches({"author": "*@pers.example"}, msg(author_email="redactie@pers.example"))
    assert not catches({"author": "piet*"}, msg())


def test_area_circle_and_polygon():
    dom = {"lat": 52.0907, "lon": 5.1214}
    circle = {"area": {"lat": 52.0907, "lon": 5.1214, "radius_m": 500}}
    assert catches(circle, msg(location=dom))
    assert catches(circle, msg(location={"lat": 52.0940, "lon": 5.1214}))  # ~370 m north
    assert not catches(circle, msg(location={"lat": 52.1000, "lon": 5.1214}))  # ~1 km
    assert not catches(circle, msg(location={"address": "Domplein 1"}))  # no coordinates
    assert not catches(circle, msg())
    square = {"area": {"polygon": [[52.08, 5.11], [52.08, 5.13], [52.10, 5.13], [52.10, 5.11]]}}
    assert catches(square, msg(location=dom))
    assert not catches(square, msg(location={"lat": 52.07, "lon": 5.12}))
    triangle = {"area": {"polygon": [[52.0, 5.0], [52.0, 5.2], [52.2, 5.0]]}}
    assert catches(triangle, msg(location={"lat": 52.05, "lon": 5.05}))
    assert not catches(triangle, msg(location={"lat": 52.15, "lon": 5.15}))  # in the box, outside the triangle


def test_time_of_day_in_amsterdam_and_across_midnight():
    office = {"time": {"weekdays": ["mon", "tue", "wed", "thu", "fri"], "from": "08:30", "to": "17:00"}}
    assert catches(office, msg())  # Monday 10:00 local
    assert not catches(office, msg(received_at=datetime(2026, 11, 2, 16, 30, tzinfo=UTC)))  # 17:30 local
    assert not catches(office, msg(received_at=datetime(2026, 11, 7, 9, 0, tzinfo=UTC)))  # Saturday
    # Summer time: 07:00 UTC is 09:00 in Amsterdam.
    assert catches(office, msg(received_at=datetime(2026, 7, 1, 7, 0, tzinfo=UTC)))
    night = {"time": {"weekdays": ["fri"], "from": "22:00", "to": "06:00"}}
    assert catches(night, msg(received_at=datetime(2026, 11, 6, 22, 30, tzinfo=UTC)))  # Friday 23:30
    assert catches(night, msg(received_at=datetime(2026, 11, 7, 3, 0, tzinfo=UTC)))  # Saturday 04:00: Friday night
    assert not catches(night, msg(received_at=datetime(2026, 11, 8, 3, 0, tzinfo=UTC)))  # Sunday 04:00: Saturday night
    assert not catches(night, msg(received_at=datetime(2026, 11, 7, 12, 0, tzinfo=UTC)))
    assert catches({"time": {"weekdays": "mon"}}, msg())


def test_all_conditions_must_hold_and_empty_when_catches_everything():
    both = {"platform": "mastodon", "words_any": ["container"]}
    assert catches(both, msg())
    assert not catches(both, msg(platform="email"))
    assert not catches(both, msg("Lantaarnpaal kapot"))
    assert catches({}, msg("anything"))


# -- actions, order and stop --------------------------------------------------------


def test_actions_and_first_rule_wins_each_field_tags_add_up():
    outcome = rules(
        {"when": {"words_any": ["lamp"]}, "then": {"tags": ["verlichting"]}},
        {"when": {"words_any": ["container"]}, "then": {"department": "Afval", "priority": "high", "tags": ["Afval"],
                                                       "assignment": "round_robin"}},
        {"when": {}, "then": {"department": "Parkeren", "priority": "low", "tags": ["alles", "afval"], "assignment": "manual"}},
    ).evaluate(msg())
    assert outcome.department_id == 1 and outcome.department == "Afval"
    assert outcome.priority == "high"
    assert outcome.assignment == "round_robin"
    assert outcome.tags == ("afval", "alles")  # normalized, each once
    assert outcome.rule_id == 2  # the rule that set the department
    assert outcome.matched == (2, 3)


def test_stop_ends_evaluation():
    outcome = rules(
        {"when": {"words_any": ["container"]}, "then": {"tags": ["eerste"], "stop": True}},
        {"when": {}, "then": {"department": "Parkeren", "tags": ["tweede"]}},
    ).evaluate(msg())
    assert outcome.tags == ("eerste",) and outcome.department_id is None
    assert outcome.rule_id == 1  # no department was set: the first matching rule


def test_department_null_keeps_the_case_in_the_newsroom_queue():
    outcome = rules(
        {"when": {"author": "*@pers.example"}, "then": {"department": None, "priority": "urgent"}},
        {"when": {}, "then": {"department": "Afval"}},
    ).evaluate(msg(author_email="redactie@pers.example"))
    assert outcome.department_id is None and outcome.rule_id == 1 and outcome.priority == "urgent"


def test_nothing_matches():
    outcome = rules({"when": {"words_any": ["paspoort"]}, "then": {"department": "Burgerzaken"}}).evaluate(msg())
    assert outcome.rule_id is None and outcome.department_id is None and outcome.priority is None
    assert outcome.tags == () and outcome.matched == () and outcome.errors == ()


def test_a_rule_that_raises_is_skipped_and_reported():
    ruleset = rules(
        {"when": {"area": {"lat": 52.09, "lon": 5.12, "radius_m": 500}}, "then": {"department": "Parkeren"}},
        {"when": {"words_any": ["container"]}, "then": {"department": "Afval"}},
    )
    # A location that slipped past validation (an old row, a connector bug).
    outcome = ruleset.evaluate(msg(location={"lat": "noord", "lon": 5.12}))
    assert outcome.department_id == 1 and outcome.rule_id == 2
    assert [rid for rid, _ in outcome.errors] == [1]
    assert "TypeError" in outcome.errors[0][1]


def test_broken_stored_rules_are_reported_on_every_message():
    ruleset = RuleSet([compile_rule({"then": {"tags": ["x"]}}, DEPARTMENTS, rule_id=2)], broken={1: "the rule cannot be used"})
    outcome = ruleset.evaluate(msg())
    assert outcome.tags == ("x",) and outcome.errors == ((1, "the rule cannot be used"),)


# -- validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("definition", "words"),
    [
        ({"when": {"colour": "red"}, "then": {"tags": ["x"]}}, ["Unknown condition 'colour'", "words_any"]),
        ({"when": {}, "then": {"paint": "red"}}, ["Unknown action 'paint'"]),
        ({"when": {}}, ["'when'", "'then'"]),
        ({"when": {}, "then": {}}, ["at least one action"]),
        ({"when": [], "then": {"tags": ["x"]}}, ["'when'"]),
        ("not a rule", ["'when'"]),
        ({"when": {}, "then": {"tags": ["x"]}, "extra": 1}, ["'when'"]),
        ({"when": {"regex": "(unclosed"}, "then": {"tags": ["x"]}}, ["not valid", "(unclosed"]),
        ({"when": {"regex": r"(a+)+$"}, "then": {"tags": ["x"]}}, ["too long"]),
        ({"when": {"regex": r"\w*\w*x"}, "then": {"tags": ["x"]}}, ["too long"]),
        ({"when": {"regex": r"(a)\1"}, "then": {"tags": ["x"]}}, ["too long"]),
        ({"when": {"regex": ""}, "then": {"tags": ["x"]}}, ["regular expression"]),
        ({"when": {}, "then": {"department": "Groen"}}, ["no department 'Groen'"]),
        ({"when": {}, "then": {"department": 3}}, ["'department'"]),
        ({"when": {}, "then": {"priority": "asap"}}, ["'asap' is not a priority"]),
        ({"when": {}, "then": {"assignment": "random"}}, ["'random' is not an assignment policy"]),
        ({"when": {}, "then": {"stop": "yes"}}, ["'stop'"]),
        ({"when": {}, "then": {"tags": ["goed", "niet goed!"]}}, ["not a usable tag"]),
        ({"when": {}, "then": {"tags": {"a": 1}}}, ["'tags'"]),
        ({"when": {"area": {"lat": 52, "lon": 5}}, "then": {"tags": ["x"]}}, ["radius_m"]),
        ({"when": {"area": {"lat": 95, "lon": 5, "radius_m": 10}}, "then": {"tags": ["x"]}}, ["radius_m"]),
        ({"when": {"area": {"lat": 52, "lon": 5, "radius_m": 0}}, "then": {"tags": ["x"]}}, ["radius_m"]),
        ({"when": {"area": {"polygon": [[52, 5], [53, 5]]}}, "then": {"tags": ["x"]}}, ["polygon"]),
        ({"when": {"area": {"polygon": [[52, 5], [53, 5], ["x", 6]]}}, "then": {"tags": ["x"]}}, ["polygon"]),
        ({"when": {"time": {"from": "25:00", "to": "06:00"}}, "then": {"tags": ["x"]}}, ["'25:00' is not a time"]),
        ({"when": {"time": {"weekdays": ["maandag"]}}, "then": {"tags": ["x"]}}, ["'maandag' is not a weekday"]),
        ({"when": {"time": {"from": "08:00", "to": "08:00"}}, "then": {"tags": ["x"]}}, ["must differ"]),
        ({"when": {"time": {"hours": 3}}, "then": {"tags": ["x"]}}, ["weekdays"]),
        ({"when": {"words_any": []}, "then": {"tags": ["x"]}}, ["'words_any' needs"]),
        ({"when": {"words_any": "grof vuil"}, "then": {"tags": ["x"]}}, ["more than one word", "phrases"]),
        ({"when": {"words_all": ["!!"]}, "then": {"tags": ["x"]}}, ["no letters or digits"]),
        ({"when": {"platform": "myspace"}, "then": {"tags": ["x"]}}, ["'myspace' is not a platform"]),
        ({"when": {"channel": [1, 2]}, "then": {"tags": ["x"]}}, ["'channel' needs"]),
    ],
)
def test_validation_says_what_is_wrong(definition, words):
    invalid(definition, *words)


def test_a_bounded_regex_with_one_open_repeat_is_fine():
    compile_rule({"when": {"regex": "(kapot|stuk|defect).*(lamp|licht)"}, "then": {"tags": ["x"]}}, DEPARTMENTS)
    compile_rule({"when": {"regex": r"\w{1,30}\s\w{1,30}"}, "then": {"tags": ["x"]}}, DEPARTMENTS)


def test_department_names_are_case_insensitive():
    rule = compile_rule({"when": {}, "then": {"department": "AFVAL"}}, DEPARTMENTS)
    assert rule.then.department_id == 1


def test_bench_reports_a_rate():
    figures = bench_routing(messages=200)
    assert figures["rules"] == 20 and figures["messages"] == 200 and figures["errors"] == 0
    assert figures["evaluations_per_s"] > 0
