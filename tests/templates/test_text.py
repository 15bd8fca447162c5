"""The pure template text: variables, braces, dates, length limits, readability hints, built-in texts."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from newsroom.connectors import REPLY_LIMITS
from newsroom.templates import (
    DEFAULTS,
    HINT_MESSAGES,
    TemplateError,
    Values,
    default_body,
    fits,
    format_date,
    length_check,
    readability,
    render,
    validate,
)
from newsroom.timeutil import UTC

DUE = datetime(2026, 12, 1, 11, 30, tzinfo=UTC)  # Tuesday 12:30 in Amsterdam (CET)
VALUES = Values(name="Bea Burger", case_number=4711, expected=DUE, department="Afval")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Beste {naam},", "Beste Bea Burger,"),
        ("Beste {name},", "Beste Bea Burger,"),
        ("Zaak {zaaknummer}", "Zaak 4711"),
        ("Zaak {case_number}", "Zaak 4711"),
        ("Uiterlijk {verwachte_datum}.", "Uiterlijk dinsdag 1 december 2026 om 12:30."),
        ("Uiterlijk {expected_date}.", "Uiterlijk dinsdag 1 december 2026 om 12:30."),
        ("Naar {afdeling}.", "Naar Afval."),
        ("Naar {department}.", "Naar Afval."),
        ("{ Naam } en {NAAM}", "Bea Burger en Bea Burger"),
        ("{{naam}} blijft {{ staan }}", "{naam} blijft { staan }"),
        ("{{{naam}}}", "{Bea Burger}"),
        ("geen variabelen", "geen variabelen"),
    ],
)
def test_every_variable_and_alias(body, expected):
    assert render(body, VALUES) == expected


def test_validate_names_the_variables_once_in_order():
    assert validate("{afdeling} {naam} {name} {zaaknummer} {{verwachte_datum}}") == ["afdeling", "naam", "zaaknummer"]


@pytest.mark.parametrize(
    ("body", "code", "position"),
    [
        ("Beste {voornaam},", "unknown_variable", 7),
        ("Beste {naam", "unclosed_brace", 7),
        ("Beste { naam", "unclosed_brace", 7),
        ("a {} b", "unclosed_brace", 3),
        ("a {1} b", "unclosed_brace", 3),
        ("prijs: 5 }", "unopened_brace", 10),
        ("{naam}}", "unopened_brace", 7),
    ],
)
def test_a_bad_template_is_refused_at_save_and_at_render(body, code, position):
    for attempt in (lambda: validate(body), lambda: render(body, VALUES)):
        with pytest.raises(TemplateError) as caught:
            attempt()
        assert caught.value.code == code
        assert caught.value.params["position"] == position
        assert str(position) in caught.value.message


def test_unknown_variable_lists_the_known_ones():
    with pytest.raises(TemplateError) as caught:
        validate("Hallo {voornaam}")
    assert "voornaam" in caught.value.message and "zaaknummer" in caught.value.message


@pytest.mark.parametrize("body", ["", "   \n", None, 42])
def test_an_empty_template_is_refused(body):
    with pytest.raises(TemplateError) as caught:
        validate(body)
    assert caught.value.code == "empty"


def test_a_huge_template_is_refused():
    with pytest.raises(TemplateError) as caught:
        validate("x" * 20_001)
    assert caught.value.code == "too_long"


def test_missing_name_and_department_fall_back_in_the_language():
    bare = Values(case_number=1, expected=DUE)
    assert render("Beste {naam}, zie {afdeling}.", bare) == "Beste inwoner, zie de gemeente."
    assert render("Beste {naam}, zie {afdeling}.", Values(name="  ", case_number=1, language="en")) == \
        "Beste resident, zie the municipality."


@pytest.mark.parametrize("body", ["{zaaknummer}", "{verwachte_datum}"])
def test_missing_case_number_or_date_is_an_error(body):
    with pytest.raises(TemplateError) as caught:
        render(body, Values(name="Bea"))
    assert caught.value.code == "missing_value"


def test_unknown_language_is_an_error():
    with pytest.raises(TemplateError) as caught:
        render("{naam}", Values(language="de"))
    assert caught.value.code == "unknown_language"


# -- dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "nl", "en"),
    [
        (datetime(2026, 12, 1, 11, 30, tzinfo=UTC), "dinsdag 1 december 2026 om 12:30", "Tuesday 1 December 2026 at 12:30"),
        # 17:00 in Amsterdam: the end of the office day, written as the day.
        (datetime(2026, 12, 1, 16, 0, tzinfo=UTC), "dinsdag 1 december 2026", "Tuesday 1 December 2026"),
        (datetime(2026, 12, 1, 22, 59, tzinfo=UTC), "dinsdag 1 december 2026", "Tuesday 1 December 2026"),
        # Midnight is the end of the day before.
        (datetime(2026, 12, 1, 23, 0, tzinfo=UTC), "dinsdag 1 december 2026", "Tuesday 1 December 2026"),
        (datetime(2026, 12, 1, 23, 1, tzinfo=UTC), "woensdag 2 december 2026 om 00:01", "Wednesday 2 December 2026 at 00:01"),
        # Summer time (CEST, UTC+2).
        (datetime(2026, 7, 15, 7, 0, tzinfo=UTC), "woensdag 15 juli 2026 om 09:00", "Wednesday 15 July 2026 at 09:00"),
        (datetime(2026, 3, 2, 8, 0, tzinfo=UTC), "maandag 2 maart 2026 om 09:00", "Monday 2 March 2026 at 09:00"),
    ],
)
def test_dates_in_dutch_and_english_in_amsterdam_time(instant, nl, en):
    assert format_date(instant, "nl") == nl
    assert format_date(instant, "en") == en


def test_dates_across_the_end_of_summer_time():
    # 25 October 2026, 03:00 CEST becomes 02:00 CET: 02:30 happens twice.
    before = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    after = before + timedelta(hours=1)
    assert format_date(before) == format_date(after) == "zondag 25 oktober 2026 om 02:30"
    # 09:00 local is 07:00 UTC on Saturday and 08:00 UTC on Monday.
    assert format_date(datetime(2026, 10, 24, 7, 0, tzinfo=UTC)) == "zaterdag 24 oktober 2026 om 09:00"
    assert format_date(datetime(2026, 10, 26, 8, 0, tzinfo=UTC), "en") == "Monday 26 October 2026 at 09:00"
    # 16:00 UTC is 18:00 CEST before the change (day only) and 17:00 CET after it (day only).
    assert format_date(datetime(2026, 10, 24, 16, 0, tzinfo=UTC)) == "zaterdag 24 oktober 2026"
    assert format_date(datetime(2026, 10, 26, 15, 59, tzinfo=UTC)) == "maandag 26 oktober 2026 om 16:59"
    # Midnight local on the 26th (23:00 UTC, CET) is the end of the 25th.
    assert format_date(datetime(2026, 10, 25, 23, 0, tzinfo=UTC)) == "zondag 25 oktober 2026"


def test_a_naive_date_is_refused():
    with pytest.raises(ValueError):
        format_date(datetime(2026, 12, 1, 12, 0))


def test_render_in_english():
    values = Values(name=None, case_number=7, expected=DUE, language="en")
    assert render("Dear {name}, case {case_number}, by {expected_date}.", values) == \
        "Dear resident, case 7, by Tuesday 1 December 2026 at 12:30."


# -- length ------------------------------------------------------------------------

FAMILY = "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"  # one grapheme, seven code points
E_ACUTE = "e\u0301"  # e + combining acute: one grapheme, two code points


def test_bluesky_counts_graphemes_and_mastodon_characters():
    text = FAMILY + E_ACUTE
    assert length_check(text, "bluesky") == (2, 300, "graphemes")
    assert length_check(text, "mastodon") == (9, 500, "characters")
    assert length_check(text, "email") == (9, None, "characters")
    assert length_check(text, None) == (9, None, "characters")


def test_limits_at_the_edge():
    assert fits(FAMILY * 300, "bluesky") and not fits(FAMILY * 301, "bluesky")
    assert fits(E_ACUTE * 300, "bluesky") and not fits(E_ACUTE * 300, "mastodon")
    assert fits("a" * 500, "mastodon") and not fits("a" * 501, "mastodon")
    assert fits("a" * 100_000, "email")
    assert REPLY_LIMITS == {"mastodon": 500, "bluesky": 300}


def test_mastodon_counts_a_link_as_23():
    assert length_check("zie https://www.gemeente.example/afval/container/aanvragen", "mastodon")[0] == 4 + 23


# -- readability ---------------------------------------------------------------------


def codes(hints):
    return [h["code"] for h in hints]


def test_plain_dutch_gets_no_hints():
    assert readability("Bedankt voor uw bericht. Wij legen de container morgen. Uw zaaknummer is 12.") == []
    assert readability("") == []


def test_long_sentences_and_long_words():
    long = ("Naar aanleiding van uw melding over de container in de Kerkstraat hebben wij contact opgenomen met "
            "de afvalinzamelaar die de container volgens de planning van deze week uiterlijk donderdag leegt.")
    hints = readability(long)
    assert codes(hints) == ["average_sentence", "long_sentence", "long_words"]
    average, sentence, words = hints
    assert sentence["params"] == {"number": 1, "words": 30, "limit": 25}
    assert average["params"]["average"] == 30.0
    assert words["params"]["words"] == "afvalinzamelaar"
    assert words["text"] == "Long words: afvalinzamelaar. Is there a shorter, more common word?"
    for h in hints:
        assert h["message"] == HINT_MESSAGES[h["code"]]
        assert h["message"].format(**h["params"]) == h["text"]


def test_average_over_fifteen_without_a_very_long_sentence():
    sentence = " ".join(["woord"] * 18) + "."
    assert codes(readability(sentence + " " + sentence)) == ["average_sentence"]


def test_line_breaks_end_sentences_and_links_are_not_words():
    text = "Beste Bea,\n\nZie https://www.gemeente.example/vergunningaanvraagformulier voor meer.\nGroet"
    assert readability(text) == []


def test_long_words_listed_once():
    hints = readability("Vergunningverlening. vergunningverlening! Omgevingsvergunning?")
    assert hints[0]["params"]["words"] == "Vergunningverlening, Omgevingsvergunning"


@pytest.mark.parametrize(
    ("text", "language", "marker"),
    [
        ("Uw aanvraag wordt door de afdeling behandeld.", "nl", "wordt"),
        ("Uw container werd gisteren geleegd.", "nl", "werd"),
        ("Your request was handled by us.", "en", "was"),
    ],
)
def test_passive_voice_is_a_hint(text, language, marker):
    (hint,) = readability(text, language)
    assert hint["code"] == "passive" and hint["params"] == {"number": 1, "marker": marker}


def test_active_voice_is_not():
    assert readability("Het wordt morgen koud. Wij legen uw container.") == []


# -- built-in texts ---------------------------------------------------------------------


def test_every_built_in_text_is_valid_plain_and_fits_bluesky():
    longest_date = datetime(2026, 9, 30, 8, 30, tzinfo=UTC)  # woensdag 30 september 2026 om 10:30
    for (kind, language, variant), body in DEFAULTS.items():
        validate(body)
        values = Values(name="Bea Burger", case_number=10**12, expected=longest_date, department="Burgerzaken", language=language)
        text = render(body, values)
        assert readability(text, language) == [], (kind, language, variant)
        if variant != "full":
            assert fits(text, "bluesky") and fits(text, "mastodon"), (kind, language, variant)


def test_default_body_per_platform():
    assert default_body("auto_ack", "email") == DEFAULTS[("auto_ack", "nl", "full")]
    assert default_body("auto_ack", "bluesky") == DEFAULTS[("auto_ack", "nl", "short")]
    assert default_body("auto_ack", "mastodon", "en") == DEFAULTS[("auto_ack", "en", "short")]
    assert default_body("auto_ack", "email", has_date=False) == DEFAULTS[("auto_ack", "nl", "nodate")]
    assert default_body("holding", "email", short=True) == DEFAULTS[("holding", "nl", "short")]
    assert "Bedankt voor uw bericht. Uw zaaknummer is {zaaknummer}. U krijgt uiterlijk {verwachte_datum} een antwoord." \
        == default_body("auto_ack", "bluesky")
    with pytest.raises(KeyError):
        default_body("crisis", "email")
