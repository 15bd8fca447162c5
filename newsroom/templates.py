"""Canned answers: variables, Dutch and English dates, length limits, readability hints, built-in defaults.

Pure text work, no database (the actions in ``newsroom.actions.templates``
store templates and render them for a case). A template body is plain text
with variables in braces: ``{naam}``, ``{zaaknummer}``, ``{verwachte_datum}``,
``{afdeling}`` (or their English names ``{name}``, ``{case_number}``,
``{expected_date}``, ``{department}``); ``{{`` and ``}}`` are literal braces.
An unknown variable or a stray brace is a `TemplateError`, both when a
template is saved (`validate`) and when it is rendered (`render`).

See docs/TEMPLATES.md.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from newsroom.connectors import REPLY_LIMITS

ZONE = ZoneInfo("Europe/Amsterdam")
LANGUAGES = ("nl", "en")
KINDS = ("answer", "auto_ack", "holding", "crisis")
MAX_BODY_CHARS = 20_000

#: The variables, by their Dutch name (what the newsroom writes in its templates).
VARIABLES = ("naam", "zaaknummer", "verwachte_datum", "afdeling")
#: English names accepted for the same variables.
ALIASES = {"name": "naam", "case_number": "zaaknummer", "expected_date": "verwachte_datum", "department": "afdeling"}

# A missing name or department reads naturally in "Beste {naam}," and
# "doorgestuurd naar {afdeling}"; a missing case number or date cannot be
# made up, so rendering without one is an error.
FALLBACKS = {
    "nl": {"naam": "inwoner", "afdeling": "de gemeente"},
    "en": {"naam": "resident", "afdeling": "the municipality"},
}

# A promise "by Tuesday" is kept by an answer at the end of the office day;
# a due time before this is written with its time of day.
DAY_END = time(17, 0)


class TemplateError(ValueError):
    """A template that cannot be saved or rendered; `template`/`params` as for `ActionError`.

    `code` names the problem for programs: unknown_variable, unopened_brace,
    unclosed_brace, empty, too_long, missing_value, unknown_language.
    """

    def __init__(self, code: str, template: str, **params):
        self.code = code
        self.template = template
        self.params = params
        self.message = template.format(**params)
        super().__init__(self.message)


# -- parsing ---------------------------------------------------------------------

_NAME = re.compile(r"\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")


@functools.lru_cache(maxsize=256)
def _parsed(body: str) -> tuple[tuple[str, str], ...]:
    """`_parts` of a body, parsed once (an acknowledgement per new case renders the same few bodies)."""
    return tuple(_parts(body))


def _parts(body: str) -> Iterator[tuple[str, str]]:
    """("text", literal) and ("var", canonical name) pieces of `body`, or TemplateError."""
    i = 0
    start = 0
    n = len(body)
    while i < n:
        ch = body[i]
        if ch == "{":
            if body.startswith("{{", i):
                yield "text", body[start:i] + "{"
                i += 2
                start = i
                continue
            match = _NAME.match(body, i)
            if match is None:
                raise TemplateError(
                    "unclosed_brace",
                    "The brace at character {position} does not enclose a variable name; write two braces for a brace in the text.",
                    position=i + 1,
                )
            name = match.group(1).lower()
            canonical = ALIASES.get(name, name)
            if canonical not in VARIABLES:
                raise TemplateError(
                    "unknown_variable",
                    "Unknown variable {name!r} at character {position}; the variables are {known}.",
                    name=match.group(1), position=i + 1, known=", ".join(VARIABLES),
                )
            yield "text", body[start:i]
            yield "var", canonical
            i = match.end()
            start = i
            continue
        if ch == "}":
            if body.startswith("}}", i):
                yield "text", body[start:i] + "}"
                i += 2
                start = i
                continue
            raise TemplateError(
                "unopened_brace",
                "The closing brace at character {position} closes nothing; write two braces for a brace in the text.",
                position=i + 1,
            )
        i += 1
    yield "text", body[start:]


def validate(body: str) -> list[str]:
    """Check a template body before it is saved; return the variables it uses (Dutch names, in order, once each)."""
    if not isinstance(body, str) or not body.strip():
        raise TemplateError("empty", "A template needs some text.")
    if len(body) > MAX_BODY_CHARS:
        raise TemplateError("too_long", "A template can be at most {limit} characters.", limit=MAX_BODY_CHARS)
    used: list[str] = []
    for kind, value in _parts(body):
        if kind == "var" and value not in used:
            used.append(value)
    return used


# -- values ------------------------------------------------------------------------

_DAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise TemplateError("unknown_language", "Templates are written in nl or en, not {language!r}.", language=language)
    return language


def format_date(instant: datetime, language: str = "nl", *, day_end: time = DAY_END) -> str:
    """An aware instant as a citizen reads it, in Amsterdam time: "dinsdag 1 december 2026 om 12:30".

    The time of day is left out when the instant is at or after `day_end`
    (the office day is over: "by Tuesday" is kept) or at midnight (the end
    of the day before: 00:00 on Wednesday is written "dinsdag ...").
    """
    language = _language(language)
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("an expected date must be an aware instant")
    local = instant.astimezone(ZONE)
    clock = local.time().replace(tzinfo=None)
    show_time = True
    if clock == time(0, 0):
        local = local - timedelta(minutes=1)
        show_time = False
    elif clock >= day_end:
        show_time = False
    day = f"{_DAYS[language][local.weekday()]} {local.day} {_MONTHS[language][local.month - 1]} {local.year}"
    if not show_time:
        return day
    return f"{day} {'om' if language == 'nl' else 'at'} {local:%H:%M}"


@dataclass(frozen=True, slots=True)
class Values:
    """What the variables stand for in one answer; None where it is not known."""

    name: str | None = None
    case_number: int | str | None = None
    expected: datetime | None = None
    department: str | None = None
    language: str = "nl"

    def text_for(self, variable: str) -> str | None:
        language = _language(self.language)
        if variable == "naam":
            name = (self.name or "").strip()
            return name or FALLBACKS[language]["naam"]
        if variable == "afdeling":
            department = (self.department or "").strip()
            return department or FALLBACKS[language]["afdeling"]
        if variable == "zaaknummer":
            return None if self.case_number is None else str(self.case_number)
        if variable == "verwachte_datum":
            return None if self.expected is None else format_date(self.expected, language)
        raise AssertionError(variable)


def render(body: str, values: Values) -> str:
    """The template's text with its variables filled in; TemplateError for a bad body or a missing case number or date."""
    out: list[str] = []
    for kind, value in _parsed(body):
        if kind == "text":
            out.append(value)
            continue
        text = values.text_for(value)
        if text is None:
            raise TemplateError(
                "missing_value", "The template uses the variable {name!r}, but there is no value for it here.", name=value
            )
        out.append(text)
    return "".join(out)


# -- length --------------------------------------------------------------------------


def length_check(text: str, platform: str | None) -> tuple[int, int | None, str]:
    """(length, limit, unit) of a reply on `platform`: graphemes on Bluesky, characters on Mastodon, no limit elsewhere.

    Mastodon counts a link as 23 characters and ``@user@domain`` as
    ``@user``, as Mastodon itself does; the limit is Mastodon's default.
    """
    if platform == "bluesky":
        from newsroom.connectors.bluesky import grapheme_count

        return grapheme_count(text), REPLY_LIMITS["bluesky"], "graphemes"
    if platform == "mastodon":
        from newsroom.connectors.mastodon import status_length

        return status_length(text), REPLY_LIMITS["mastodon"], "characters"
    return len(text), None, "characters"


def fits(text: str, platform: str | None) -> bool:
    """Whether `text` is within the platform's reply limit."""
    length, limit, _ = length_check(text, platform)
    return limit is None or length <= limit


# -- readability ----------------------------------------------------------------------

#: Plain Dutch (B1) guidance; hints, never a gate.
AVERAGE_WORDS = 15
SENTENCE_WORDS = 25
LONG_WORD_LETTERS = 13

HINT_MESSAGES = {
    "average_sentence": "Sentences are {average} words long on average; aim for at most {target}.",
    "long_sentence": "Sentence {number} has {words} words; split it up (at most {limit}).",
    "long_words": "Long words: {words}. Is there a shorter, more common word?",
    "passive": "Sentence {number} may be passive ({marker}); say who does what.",
}

_URLISH = re.compile(r"\S+@\S+|https?://\S+|www\.\S+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*")
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_LETTERS = re.compile(r"[^\W\d_]")
_PASSIVE = {
    "nl": re.compile(r"\b(wordt|worden|werd|werden)\b(?:\s+\S+){0,8}?\s+(?:ge|be|ver|ont|her|er)\w+(?:d|t|en)\b", re.IGNORECASE),
    "en": re.compile(r"\b(is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+ed\b", re.IGNORECASE),
}


def _sentences(text: str) -> list[tuple[str, list[str]]]:
    text = _URLISH.sub(" ", text)
    sentences = []
    for piece in _SENTENCE_END.split(text):
        words = _WORD.findall(piece)
        if words:
            sentences.append((piece, words))
    return sentences


def hint(code: str, **params) -> dict:
    """One readability hint: its code, its English message template and params, and the English text."""
    template = HINT_MESSAGES[code]
    return {"code": code, "message": template, "params": params, "text": template.format(**params)}


def readability(text: str, language: str = "nl") -> list[dict]:
    """Hints for plain language (B1): long sentences on average, very long sentences, long words, passive voice.

    Guidance for the person writing, never a reason to refuse a text. Each
    hint is ``{"code", "message", "params", "text"}``; the desktop
    translates `message` and formats it with `params`.
    """
    language = language if language in LANGUAGES else "nl"
    sentences = _sentences(text)
    hints: list[dict] = []
    if not sentences:
        return hints
    counts = [len(words) for _, words in sentences]
    average = sum(counts) / len(counts)
    if average > AVERAGE_WORDS:
        hints.append(hint("average_sentence", average=round(average, 1), target=AVERAGE_WORDS))
    for number, count in enumerate(counts, 1):
        if count > SENTENCE_WORDS:
            hints.append(hint("long_sentence", number=number, words=count, limit=SENTENCE_WORDS))
    long_words: list[str] = []
    seen: set[str] = set()
    for _, words in sentences:
        for word in words:
            if len(_LETTERS.findall(word)) > LONG_WORD_LETTERS and word.lower() not in seen:
                seen.add(word.lower())
                long_words.append(word)
    if long_words:
        hints.append(hint("long_words", words=", ".join(long_words), count=len(long_words), letters=LONG_WORD_LETTERS))
    pattern = _PASSIVE[language]
    for number, (piece, _) in enumerate(sentences, 1):
        match = pattern.search(piece)
        if match:
            hints.append(hint("passive", number=number, marker=match.group(1).lower()))
    return hints


# -- built-in texts -------------------------------------------------------------------

# Used when the database has no template of that kind for the platform.
# "full" for e-mail and the report platforms, "short" for social media (it
# fits Bluesky's 300 graphemes with the longest date), "nodate" when the
# case has no expected answer date yet.
DEFAULTS: dict[tuple[str, str, str], str] = {
    ("auto_ack", "nl", "full"): (
        "Beste {naam},\n\n"
        "Bedankt voor uw bericht. Wij hebben het goed ontvangen.\n"
        "Uw zaaknummer is {zaaknummer}. Noem dit nummer als u ons weer schrijft.\n"
        "U krijgt uiterlijk {verwachte_datum} een antwoord.\n\n"
        "Dit is een automatisch bericht."
    ),
    ("auto_ack", "nl", "short"): (
        "Bedankt voor uw bericht. Uw zaaknummer is {zaaknummer}. U krijgt uiterlijk {verwachte_datum} een antwoord."
    ),
    ("auto_ack", "nl", "nodate"): (
        "Bedankt voor uw bericht. Uw zaaknummer is {zaaknummer}. Wij antwoorden zo snel mogelijk."
    ),
    ("auto_ack", "en", "full"): (
        "Dear {naam},\n\n"
        "Thank you for your message. We have received it.\n"
        "Your case number is {zaaknummer}. Please mention it when you write to us again.\n"
        "You will get an answer by {verwachte_datum}.\n\n"
        "This is an automatic message."
    ),
    ("auto_ack", "en", "short"): (
        "Thank you for your message. Your case number is {zaaknummer}. You will get an answer by {verwachte_datum}."
    ),
    ("auto_ack", "en", "nodate"): (
        "Thank you for your message. Your case number is {zaaknummer}. We will answer as soon as we can."
    ),
    ("holding", "nl", "full"): (
        "Beste {naam},\n\n"
        "Wij hebben uw vraag doorgestuurd naar {afdeling}. Zij nemen het over.\n"
        "U krijgt uiterlijk {verwachte_datum} een antwoord.\n"
        "Uw zaaknummer is {zaaknummer}."
    ),
    ("holding", "nl", "short"): (
        "Wij hebben uw vraag doorgestuurd naar {afdeling}. U krijgt uiterlijk {verwachte_datum} een antwoord. "
        "Zaaknummer: {zaaknummer}."
    ),
    ("holding", "nl", "nodate"): (
        "Wij hebben uw vraag doorgestuurd naar {afdeling}. Zij antwoorden zo snel mogelijk. Zaaknummer: {zaaknummer}."
    ),
    ("holding", "en", "full"): (
        "Dear {naam},\n\n"
        "We have passed your question on to {afdeling}. They will take it from here.\n"
        "You will get an answer by {verwachte_datum}.\n"
        "Your case number is {zaaknummer}."
    ),
    ("holding", "en", "short"): (
        "We have passed your question on to {afdeling}. You will get an answer by {verwachte_datum}. "
        "Case number: {zaaknummer}."
    ),
    ("holding", "en", "nodate"): (
        "We have passed your question on to {afdeling}. They will answer as soon as they can. Case number: {zaaknummer}."
    ),
}

#: Kinds that have built-in texts.
DEFAULT_KINDS = ("auto_ack", "holding")


def default_body(kind: str, platform: str | None, language: str = "nl", *, has_date: bool = True, short: bool | None = None) -> str:
    """The built-in text of `kind` for `platform`: short where the platform limits length, without the date when there is none."""
    if kind not in DEFAULT_KINDS:
        raise KeyError(kind)
    language = _language(language)
    if not has_date:
        variant = "nodate"
    elif short if short is not None else platform in REPLY_LIMITS:
        variant = "short"
    else:
        variant = "full"
    return DEFAULTS[(kind, language, variant)]
