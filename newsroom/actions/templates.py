"""Templates and the newsroom's automatic answers: store templates, render them for a case, queue acknowledgements.

Supervisors and admins keep the templates (`add_template`,
`update_template`, `remove_template`) and switch a channel's automatic
acknowledgement (`set_auto_ack`). `render_for_case` fills a template in
for one case, with its length against the channel's limit and readability
hints. `queue_automatic_reply` queues one automatic answer (author NULL)
and `acknowledge_new_cases` is ingest's hook that acknowledges a batch of
new cases set-wise. An automatic answer of one kind is queued at most once
per citizen's message. See docs/TEMPLATES.md.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from newsroom import templates as tpl
from newsroom.actions.base import ActionError, Change, Tx, action
from newsroom.actions.common import (
    CASES,
    CHANNELS,
    DEPARTMENTS,
    MANAGING_ROLES,
    MESSAGES,
    require_role,
)
from newsroom.db.bulk import insert_rows
from newsroom.db.ids import reserve_ids
from newsroom.model import Platform, Reply, ReplyState, Template

TEMPLATES = Template.__table__
REPLIES = Reply.__table__

#: Kinds of the newsroom's own answers (no author).
AUTOMATIC_KINDS = ("auto_ack", "holding", "incident")
#: Platforms that acknowledge a new case when the channel does not say otherwise.
AUTO_ACK_PLATFORMS = frozenset({Platform.email.value})
NAME_CHARS = 200
CHUNK = 500

_REPLY_COLUMNS = (
    "id", "case_id", "author_user_id", "channel_id", "in_reply_to_message_id", "text", "state", "created_at",
    "updated_at", "client_key", "attempts", "queued_at", "kind",
)
_REPLY_INSTANTS = ("created_at", "updated_at", "queued_at")


def _refuse(error: tpl.TemplateError, object_type: str = "template", object_id=None) -> ActionError:
    """The ActionError a person sees for a template that cannot be saved or rendered."""
    template = error.template  # a TemplateError's templates have their Dutch text in ui/texts/templates.py
    return ActionError(template, kind="invalid", object_type=object_type, object_id=object_id, **error.params)


def _require_manager(tx: Tx, what: str) -> None:
    if tx.actor.is_system:
        raise ActionError("Say who you are to manage templates and automatic answers (--as USER).", kind="denied",
                          object_type=what)
    require_role(tx, MANAGING_ROLES, "{actor} ({role}) may not manage templates and automatic answers.", object_type=what)


def _clean_name(name) -> str:
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > NAME_CHARS:
        raise ActionError("A template needs a name of 1 to {limit} characters.", kind="invalid", object_type="template",
                          limit=NAME_CHARS)
    return name.strip()


def _check_kind(kind) -> str:
    if kind not in tpl.KINDS:
        raise ActionError("A template's kind is one of {kinds}, not {given!r}.", kind="invalid", object_type="template",
                          kinds=", ".join(tpl.KINDS), given=kind)
    return kind


def _check_platform(platform) -> str | None:
    if platform is None:
        return None
    if platform not in {p.value for p in Platform}:
        raise ActionError("There is no platform {platform!r}; use one of {platforms}, or none for every platform.",
                          kind="invalid", object_type="template", platform=platform,
                          platforms=", ".join(p.value for p in Platform))
    return platform


def _check_language(language) -> str:
    if language not in tpl.LANGUAGES:
        raise ActionError("Templates are written in nl or en, not {language!r}.", kind="invalid", object_type="template",
                          language=language)
    return language


def _check_body(body, object_id=None) -> str:
    try:
        tpl.validate(body)
    except tpl.TemplateError as error:
        raise _refuse(error, object_id=object_id) from None
    return body


def template_by_name(conn: Connection, name: str):
    """The stored template called `name` (case-insensitive), or ActionError not_found."""
    row = conn.execute(select(TEMPLATES).where(func.lower(TEMPLATES.c.name) == str(name).strip().lower())).first()
    if row is None:
        raise ActionError("There is no template {name!r}. See 'newsroom template list'.", kind="not_found",
                          object_type="template", name=name)
    return row


def _name_taken(tx: Tx, name: str, but: int | None = None) -> None:
    query = select(TEMPLATES.c.id).where(func.lower(TEMPLATES.c.name) == name.lower())
    if but is not None:
        query = query.where(TEMPLATES.c.id != but)
    if tx.conn.execute(query).first() is not None:
        raise ActionError("There is already a template {name!r}.", kind="conflict", object_type="template", name=name)


@action("add_template")
def add_template(tx: Tx, name: str, kind: str, body: str, platform: str | None = None, language: str = "nl") -> Change:
    """Store a new template (supervisors and admins); its variables are checked now, not when it is first used."""
    _require_manager(tx, "template")
    name = _clean_name(name)
    values = {"name": name, "kind": _check_kind(kind), "platform": _check_platform(platform),
                  "language": _check_language(language), "body": _check_body(body)}
    _name_taken(tx, name)
    template_id = tx.conn.execute(
        insert(TEMPLATES).values(**values, created_at=tx.now, updated_at=tx.now).returning(TEMPLATES.c.id)
    ).scalar_one()
    tx.cache.pop(_TEMPLATE_CACHE, None)
    return Change("add_template", "template", template_id, created={"template": template_id}, info={"name": name})


#: `update_template(platform=ANY_PLATFORM)` makes a template apply to every platform (None keeps the platform).
ANY_PLATFORM = "any"


@action("update_template")
def update_template(
    tx: Tx, name: str, body: str | None = None, kind: str | None = None, platform: str | None = None,
    language: str | None = None, new_name: str | None = None,
) -> Change:
    """Change a template (supervisors and admins); what is not given stays. `platform="any"`: every platform."""
    _require_manager(tx, "template")
    row = template_by_name(tx.conn, name)
    values: dict[str, Any] = {}
    if new_name is not None:
        values["name"] = _clean_name(new_name)
        _name_taken(tx, values["name"], but=row.id)
    if body is not None:
        values["body"] = _check_body(body, row.id)
    if kind is not None:
        values["kind"] = _check_kind(kind)
    if platform is not None:
        values["platform"] = None if platform == ANY_PLATFORM else _check_platform(platform)
    if language is not None:
        values["language"] = _check_language(language)
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    if changed:
        tx.conn.execute(update(TEMPLATES).where(TEMPLATES.c.id == row.id).values(**changed, updated_at=tx.now))
        tx.cache.pop(_TEMPLATE_CACHE, None)
    fields = {k: [getattr(row, k), v] for k, v in changed.items()}
    return Change("update_template", "template", row.id, fields=fields, info={"name": changed.get("name", row.name)})


@action("remove_template")
def remove_template(tx: Tx, name: str) -> Change:
    """Delete a template (supervisors and admins); answers already written with it stay as they are."""
    _require_manager(tx, "template")
    row = template_by_name(tx.conn, name)
    tx.conn.execute(delete(TEMPLATES).where(TEMPLATES.c.id == row.id))
    tx.cache.pop(_TEMPLATE_CACHE, None)
    return Change("remove_template", "template", row.id, fields={"template": [row.name, None]},
                  info={"name": row.name, "kind": row.kind, "body": row.body})


@action("set_auto_ack")
def set_auto_ack(tx: Tx, channel: str, value: bool | None) -> Change:
    """Switch a channel's automatic acknowledgement on (True), off (False) or back to the platform's default (None)."""
    _require_manager(tx, "channel")
    if value is not None and not isinstance(value, bool):
        raise ActionError("Automatic acknowledgement is on, off or default, not {value!r}.", kind="invalid",
                          object_type="channel", value=value)
    key = str(channel).strip()
    query = select(CHANNELS.c.id, CHANNELS.c.name, CHANNELS.c.platform, CHANNELS.c.auto_ack)
    matches = tx.conn.execute(query.where(CHANNELS.c.name == key)).all()
    if not matches:
        matches = tx.conn.execute(query.where(CHANNELS.c.account == key)).all()
    if not matches and key.isdigit():
        matches = tx.conn.execute(query.where(CHANNELS.c.id == int(key))).all()
    if not matches:
        raise ActionError("There is no channel {name!r}. See 'newsroom channel list'.", kind="not_found", object_type="channel",
                          name=key)
    if len(matches) > 1:
        raise ActionError("More than one channel is called {name!r}; name it by its number ({ids}).", kind="invalid",
                          object_type="channel", name=key, ids=", ".join(str(m.id) for m in matches))
    row = matches[0]
    fields = {}
    if row.auto_ack != value:
        tx.conn.execute(update(CHANNELS).where(CHANNELS.c.id == row.id).values(auto_ack=value))
        fields["auto_ack"] = [row.auto_ack, value]
    tx.cache.pop(_CHANNEL_CACHE, None)
    return Change("set_auto_ack", "channel", row.id, fields=fields,
                  info={"name": row.name, "platform": row.platform, "effective": auto_ack_on(row.platform, value)})


def auto_ack_on(platform: str, setting: bool | None) -> bool:
    """Whether a channel acknowledges new cases: its own setting, or on for e-mail only."""
    return setting if setting is not None else platform in AUTO_ACK_PLATFORMS


# -- rendering ------------------------------------------------------------------------


def _conn(tx_or_conn) -> Connection:
    return getattr(tx_or_conn, "conn", tx_or_conn)


def _report(text: str, platform: str | None, language: str) -> dict:
    length, limit, unit = tpl.length_check(text, platform)
    return {
        "text": text, "length": length, "limit": limit, "unit": unit,
        "over_limit": limit is not None and length > limit, "hints": tpl.readability(text, language),
    }


def case_values(tx_or_conn, case_id: int, *, expected: datetime | None = None, language: str = "nl") -> tuple[tpl.Values, str | None]:
    """What a template's variables stand for in case `case_id`, and the platform its answer goes to.

    The name is the author of the case's latest message from a citizen;
    the expected date is `expected`, or else the case's due time.
    """
    conn = _conn(tx_or_conn)
    if isinstance(case_id, bool) or not isinstance(case_id, int):
        raise ActionError("Case number must be a whole number, not {value!r}.", kind="invalid", value=case_id)
    case = conn.execute(
        select(CASES.c.id, CASES.c.due_at, CASES.c.channel_id, DEPARTMENTS.c.name.label("department"))
        .select_from(CASES.outerjoin(DEPARTMENTS, DEPARTMENTS.c.id == CASES.c.department_id))
        .where(CASES.c.id == case_id)
    ).first()
    if case is None:
        raise ActionError("There is no case {case_id}.", kind="not_found", object_id=case_id, case_id=case_id)
    latest = conn.execute(
        select(MESSAGES.c.author_name, MESSAGES.c.channel_id)
        .where(MESSAGES.c.case_id == case_id, MESSAGES.c.direction == "in")
        .order_by(MESSAGES.c.received_at.desc(), MESSAGES.c.id.desc())
        .limit(1)
    ).first()
    channel_id = latest.channel_id if latest is not None else case.channel_id
    platform = conn.execute(select(CHANNELS.c.platform).where(CHANNELS.c.id == channel_id)).scalar()
    values = tpl.Values(
        name=latest.author_name if latest is not None else None, case_number=case.id,
        expected=expected if expected is not None else case.due_at, department=case.department, language=language,
    )
    return values, platform


def render_body_for_case(tx_or_conn, body: str, case_id: int, *, language: str = "nl", expected: datetime | None = None,
                         platform: str | None = None) -> dict:
    """Fill in an unsaved template `body` for a case (the editor's preview); see `render_for_case`."""
    values, case_platform = case_values(tx_or_conn, case_id, expected=expected, language=_check_language(language))
    platform = platform or case_platform
    try:
        text = tpl.render(body, values)
    except tpl.TemplateError as error:
        raise _refuse(error, object_type="case", object_id=case_id) from None
    return {**_report(text, platform, values.language), "platform": platform}


def render_for_case(tx_or_conn, template: str, case_id: int, *, expected: datetime | None = None) -> dict:
    """Template `template` (a name) filled in for case `case_id`, measured against the case's channel.

    Returns ``{text, length, limit, unit, over_limit, hints, platform}``.
    `expected` is the expected answer date (an aware instant); without it
    the case's due time is used, and a template that needs a date the case
    does not have is refused.
    """
    row = template_by_name(_conn(tx_or_conn), template)
    return render_body_for_case(tx_or_conn, row.body, case_id, language=row.language, expected=expected)


def preview(body: str, platform: str | None = None, language: str = "nl") -> dict:
    """A template rendered with example values (no case): its length on `platform` and its hints."""
    values = tpl.Values(name="Bea Burger", case_number=123456, expected=_example_date(), department="Afval", language=language)
    try:
        text = tpl.render(body, values)
    except tpl.TemplateError as error:
        raise _refuse(error) from None
    return _report(text, platform, language)


def _example_date() -> datetime:
    # A date whose written form is among the longest (woensdag, september), at a time that is written out.
    return datetime(2026, 9, 30, 10, 30, tzinfo=tpl.ZONE)


# -- automatic answers ----------------------------------------------------------------


def queue_automatic_reply(tx: Tx, case_id: int, kind: str, text: str, *, channel_id: int, in_reply_to_message_id: int) -> int | None:
    """Queue the newsroom's own answer (no author) to a citizen's message; returns its id.

    Queues nothing (None) when the channel is not connected or disabled, or
    when an answer of this kind to this message already exists: a citizen
    is never acknowledged twice for one message.
    """
    if kind not in AUTOMATIC_KINDS:
        raise ActionError("An automatic answer is one of {kinds}, not {given!r}.", kind="invalid", object_id=case_id,
                          kinds=", ".join(AUTOMATIC_KINDS), given=kind)
    if not isinstance(text, str) or not text.strip():
        raise ActionError("A reply needs some text.", kind="invalid", object_id=case_id)
    channel = tx.conn.execute(
        select(CHANNELS.c.options.is_not(None).label("connected"), CHANNELS.c.enabled).where(CHANNELS.c.id == channel_id)
    ).first()
    if channel is None or not channel.connected or not channel.enabled:
        return None
    twin = tx.conn.execute(
        select(REPLIES.c.id).where(REPLIES.c.in_reply_to_message_id == in_reply_to_message_id, REPLIES.c.kind == kind).limit(1)
    ).first()
    if twin is not None:
        return None
    (reply_id,) = reserve_ids(tx.conn, REPLIES, 1)
    insert_rows(tx.conn, REPLIES, _REPLY_COLUMNS,
                [_reply_row(tx, reply_id, case_id, channel_id, in_reply_to_message_id, text, kind)], _REPLY_INSTANTS)
    return reply_id


def _reply_row(tx: Tx, reply_id: int, case_id: int, channel_id: int, message_id: int, text: str, kind: str) -> tuple:
    return (reply_id, case_id, None, channel_id, message_id, text, ReplyState.queued.value, tx.now, tx.now,
            str(uuid.uuid4()), 0, tx.now, kind)


# Per-transaction caches in tx.cache (which outlives the transaction: it is
# the database's): keyed by the transaction's connection and time, so a
# later batch reads the settings afresh and a change made elsewhere counts.
_CHANNEL_CACHE = "templates.channels"
_TEMPLATE_CACHE = "templates.auto_ack"


def _tx_key(tx: Tx) -> tuple:
    return (id(tx.conn), tx.now)


def _channel_settings(tx: Tx, channel_ids: set[int]) -> dict[int, Any]:
    cached = tx.cache.get(_CHANNEL_CACHE)
    if cached is None or cached[0] != _tx_key(tx):
        cached = (_tx_key(tx), {})
        tx.cache[_CHANNEL_CACHE] = cached
    settings = cached[1]
    missing = sorted(channel_ids - settings.keys())
    for start in range(0, len(missing), CHUNK):
        part = missing[start:start + CHUNK]
        for row in tx.conn.execute(
            select(CHANNELS.c.id, CHANNELS.c.platform, CHANNELS.c.auto_ack, CHANNELS.c.enabled,
                   CHANNELS.c.options.is_not(None).label("connected")).where(CHANNELS.c.id.in_(part))
        ):
            settings[row.id] = row
    return settings


def _auto_ack_templates(tx: Tx) -> list:
    cached = tx.cache.get(_TEMPLATE_CACHE)
    if cached is None or cached[0] != _tx_key(tx):
        rows = tx.conn.execute(
            select(TEMPLATES.c.name, TEMPLATES.c.platform, TEMPLATES.c.language, TEMPLATES.c.body)
            .where(TEMPLATES.c.kind == "auto_ack").order_by(TEMPLATES.c.name)
        ).all()
        cached = (_tx_key(tx), rows)
        tx.cache[_TEMPLATE_CACHE] = cached
    return cached[1]


def choose_template(rows: Sequence, platform: str | None, language: str) -> Any | None:
    """The stored template to use for `platform` in `language`: one for that platform first, then one for every platform; by name."""
    for wanted in (platform, None):
        for row in rows:
            if row.platform == wanted and row.language == language:
                return row
    return None


_AUTOMATIC_SENDERS = ("mailer-daemon", "postmaster", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
                      "do_not_reply", "bounce", "bounces")


_RFC3834_HEADER = re.compile(
    r"^(auto-submitted|precedence|list-id|list-unsubscribe|x-auto-response-suppress|return-path|from|x-autoreply|x-autorespond)"
    r"[ \t]*:(.*(?:\n[ \t].*)*)",
    re.IGNORECASE | re.MULTILINE,
)
_FOLD = re.compile(r"\s+")


def automatic_mail_reason(raw: Any) -> str | None:
    """Why an e-mail must not be answered automatically (RFC 3834), or None.

    Reads the stored headers and, for those the connector does not keep
    apart, the header section of the stored source.
    """
    if not isinstance(raw, dict):
        return None
    headers = raw.get("headers") if isinstance(raw.get("headers"), dict) else {}
    sender = headers.get("from") if isinstance(headers.get("from"), dict) else {}
    address = sender.get("email") if isinstance(sender.get("email"), str) else ""
    fields: dict[str, str] = {}
    source = raw.get("source")
    if isinstance(source, str) and source:
        # Only the header section, and only the few headers that matter: a full
        # parse of every new mail cost more than the rest of its ingest.
        end = source.find("\r\n\r\n")
        if end < 0:
            end = source.find("\n\n")
        head = (source if end < 0 else source[:end]).replace("\r\n", "\n")
        for match in _RFC3834_HEADER.finditer(head):
            fields.setdefault(match.group(1).lower(), _FOLD.sub(" ", match.group(2)).strip())
    for key, value in headers.items():  # a connector that keeps these headers apart (auto_submitted, list_id, ...)
        name = str(key).replace("_", "-").lower()
        if isinstance(value, str) and name not in fields:
            fields[name] = value.strip()
    auto = fields.get("auto-submitted", "").split(";")[0].strip().lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = fields.get("precedence", "").lower()
    if precedence in ("bulk", "list", "junk", "auto_reply"):
        return f"Precedence: {precedence}"
    if fields.get("list-id"):
        return "List-Id"
    if fields.get("list-unsubscribe"):
        return "List-Unsubscribe"
    if fields.get("x-auto-response-suppress"):
        return "X-Auto-Response-Suppress"
    if fields.get("x-autoreply") or fields.get("x-autorespond"):
        return "X-Autoreply"
    if fields.get("return-path", "").strip() == "<>":
        return "empty Return-Path"
    if not address and "from" in fields:
        address = fields["from"].rsplit("<", 1)[-1].rstrip(">").strip()
    local = address.rsplit("@", 1)[0].lower() if "@" in address else address.lower()
    if local and (local in _AUTOMATIC_SENDERS or local.startswith(("noreply", "no-reply", "mailer-daemon"))):
        return f"automatic sender {address}"
    return None


def _fitting_text(rows: Sequence, kind: str, values: tpl.Values, platform: str | None) -> str | None:
    """The first of: the stored template, the built-in text, the built-in short text, that renders and fits."""
    chosen = choose_template(rows, platform, values.language)
    candidates = [chosen.body] if chosen is not None else []
    if kind in tpl.DEFAULT_KINDS:
        has_date = values.expected is not None
        candidates.append(tpl.default_body(kind, platform, values.language, has_date=has_date))
        candidates.append(tpl.default_body(kind, platform, values.language, has_date=has_date, short=True))
    for body in candidates:
        try:
            text = tpl.render(body, values)
        except tpl.TemplateError:
            continue  # a stored template that needs a date this case lacks: the built-in without a date
        if tpl.fits(text, platform):
            return text
    return None


def _acknowledgement(rows: Sequence, case: dict, platform: str) -> str | None:
    language = case.get("language") if case.get("language") in tpl.LANGUAGES else "nl"
    values = tpl.Values(name=case.get("author_name"), case_number=case["case_id"], expected=case.get("expected"),
                        language=language)
    return _fitting_text(rows, "auto_ack", values, platform)


def automatic_text(tx_or_conn, case_id: int, kind: str, *, expected: datetime | None = None, language: str = "nl") -> str | None:
    """The text of an automatic answer of `kind` (auto_ack, holding, crisis) for a case, fitting its channel.

    The stored template of that kind for the case's platform and language
    (one for the platform first, then one for every platform, by name),
    else the built-in text (auto_ack and holding only; short when the
    long one does not fit, undated when the case has no expected date).
    None when nothing fits or, for crisis, nothing is stored. For the
    hand-off's holding answer: pass the department's expected date as
    `expected`, then `queue_automatic_reply(tx, case_id, "holding", text, ...)`.
    """
    conn = _conn(tx_or_conn)
    values, platform = case_values(conn, case_id, expected=expected, language=_check_language(language))
    rows = conn.execute(
        select(TEMPLATES.c.name, TEMPLATES.c.platform, TEMPLATES.c.language, TEMPLATES.c.body)
        .where(TEMPLATES.c.kind == kind).order_by(TEMPLATES.c.name)
    ).all()
    return _fitting_text(rows, kind, values, platform)


def acknowledge_new_cases(tx: Tx, new_cases: list[dict], *, fresh: bool = False) -> list[int]:
    """Ingest's hook: queue the automatic acknowledgement of each new case whose channel has it on; returns the reply ids.

    Each dict: case_id, channel_id, platform, message_id (the first message
    from the citizen), author_name, expected (an aware instant or None; then
    the case's due time), raw (the message's payload, or None), and
    optionally language (nl or en). Nothing is queued for a channel that is
    not connected or is disabled, for automatic e-mail (RFC 3834), or for a
    message already acknowledged. Set-wise: one read of the channels, the
    templates, the due times and the earlier acknowledgements, one insert.
    """
    if not new_cases:
        return []
    settings = _channel_settings(tx, {c["channel_id"] for c in new_cases})
    wanted = []
    for case in new_cases:
        channel = settings.get(case["channel_id"])
        if channel is None or not channel.connected or not channel.enabled:
            continue
        if not auto_ack_on(channel.platform, channel.auto_ack):
            continue
        if channel.platform == Platform.email.value and automatic_mail_reason(case.get("raw")) is not None:
            continue
        wanted.append(case)
    if not wanted:
        return []
    message_ids = sorted({c["message_id"] for c in wanted})
    answered: set[int] = set()
    missing_dates = sorted({c["case_id"] for c in wanted if c.get("expected") is None})
    due: dict[int, datetime] = {}
    for start in range(0, max(len(message_ids), len(missing_dates)), CHUNK):
        part = message_ids[start:start + CHUNK]
        if part and not fresh:  # messages stored in this very batch cannot have been answered yet
            answered.update(tx.conn.execute(
                select(REPLIES.c.in_reply_to_message_id).where(REPLIES.c.in_reply_to_message_id.in_(part),
                                                               REPLIES.c.kind == "auto_ack")
            ).scalars())
        dates = missing_dates[start:start + CHUNK]
        if dates:
            due.update(tx.conn.execute(
                select(CASES.c.id, CASES.c.due_at).where(CASES.c.id.in_(dates), CASES.c.due_at.is_not(None))
            ).all())
    rows = _auto_ack_templates(tx)
    replies = []
    done: set[int] = set()
    for case in wanted:
        message_id = case["message_id"]
        if message_id in answered or message_id in done:
            continue
        platform = settings[case["channel_id"]].platform
        if case.get("expected") is None and case["case_id"] in due:
            case = {**case, "expected": due[case["case_id"]]}
        text = _acknowledgement(rows, case, platform)
        if text is None:
            continue
        done.add(message_id)
        replies.append((case["case_id"], case["channel_id"], message_id, text))
    ids = reserve_ids(tx.conn, REPLIES, len(replies))
    insert_rows(tx.conn, REPLIES, _REPLY_COLUMNS,
                [_reply_row(tx, reply_id, *reply, "auto_ack") for reply_id, reply in zip(ids, replies)], _REPLY_INSTANTS)
    return ids
