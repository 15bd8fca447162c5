"""`newsroom targets import|export|recompute|alerts|at-risk`, `newsroom crisis on|off|status`, `newsroom case handoff|sendback`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from newsroom.actions import perform, resolve_actor
from newsroom.cli.commands import CommandError, _open, _out


def add_parsers(sub, common, parser_class, targets_sub, case_sub) -> None:
    p = targets_sub.add_parser("import", parents=[common], help="replace the calendars and policies with those of a TOML file")
    p.add_argument("file", help="the TOML file ('-' for standard input); see docs/RESPONSE_TARGETS.md")
    p.set_defaults(handler=cmd_targets_import)
    p = targets_sub.add_parser("export", parents=[common], help="write the calendars and policies as TOML")
    p.add_argument("file", help="where to write ('-' for standard output)")
    p.set_defaults(handler=cmd_targets_export)
    p = targets_sub.add_parser("recompute", parents=[common], help="recompute every open case's clocks from its history")
    p.set_defaults(handler=cmd_targets_recompute)
    p = targets_sub.add_parser("alerts", parents=[common], help="record the 75%%, 90%% and breach alerts that time has passed, and list recent ones")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=cmd_targets_alerts)
    p = targets_sub.add_parser("at-risk", parents=[common], help="open cases past 75%% of a target, soonest due first")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=cmd_targets_at_risk)

    crisis = sub.add_parser("crisis", parents=[common], help="crisis mode: a topic's clocks run 24/7")
    csub = crisis.add_subparsers(dest="crisis_command", metavar="ACTION", parser_class=parser_class, required=True)
    p = csub.add_parser("on", parents=[common], help="switch crisis mode on for tags and/or channels")
    p.add_argument("name", help="what the crisis is called, e.g. 'Storm 27 november'")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="cases with this tag (repeatable)")
    p.add_argument("--channel", action="append", default=[], metavar="CHANNEL", help="cases on this channel (repeatable)")
    p.add_argument("--statement", default="", help="the pinned holding statement ('-' reads standard input)")
    p.set_defaults(handler=cmd_crisis_on)
    p = csub.add_parser("off", parents=[common], help="switch crisis mode off")
    p.add_argument("--id", type=int, help="one crisis (default: every active one)")
    p.set_defaults(handler=cmd_crisis_off)
    p = csub.add_parser("status", parents=[common], help="the active crises with their holding statements")
    p.set_defaults(handler=cmd_crisis_status)

    p = case_sub.add_parser("handoff", parents=[common], help="hand the case to a department with a note (the citizen gets a holding answer)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("department")
    p.add_argument("--note", required=True, help="why, for the department ('-' reads standard input)")
    p.add_argument("--no-holding-answer", action="store_true", help="do not send the citizen a holding answer")
    p.set_defaults(handler=cmd_case_handoff)
    p = case_sub.add_parser("sendback", parents=[common], help="send a handed-off case back, with the reason")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--reason", required=True, help="why it comes back ('-' reads standard input)")
    p.set_defaults(handler=cmd_case_sendback)


def _text(value: str) -> str:
    return sys.stdin.read() if value == "-" else value


def _done(args, change, human: str) -> int:
    _out(args, json.loads(json.dumps(change.as_dict(), default=str)), human)
    return 0


def cmd_targets_import(args) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.file)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"there is no file {args.file!r}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {args.file!r}: {error}") from None
    db = _open(args)
    change = perform(db, "import_targets", resolve_actor(db, args.user), origin="cli", text=text)
    info = change.info
    return _done(args, change, f"imported {info['calendars']} calendar(s) and {info['policies']} policies; "
                               f"{info['changed']} of {info['cases']} open cases got new clocks")


def cmd_targets_export(args) -> int:
    from newsroom.actions.targets import current_config
    from newsroom.targets.policy import dump_toml

    db = _open(args)
    with db.read() as conn:
        text = dump_toml(current_config(conn))
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(args.file).write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {args.file!r}: {error}") from None
    _out(args, {"file": args.file}, f"calendars and policies written to {args.file}")
    return 0


def cmd_targets_recompute(args) -> int:
    db = _open(args)
    change = perform(db, "recompute_clocks", resolve_actor(db, args.user), origin="cli")
    return _done(args, change, f"{change.info['changed']} of {change.info['cases']} open cases got new clocks")


def cmd_targets_alerts(args) -> int:
    from newsroom.actions import SYSTEM
    from newsroom.actions.targets import alerts_since
    from newsroom.timeutil import to_iso

    db = _open(args)
    recorded = 0
    while True:
        change = perform(db, "record_alerts", SYSTEM, origin="cli")
        recorded += change.info["alerts"]
        if change.info["cases"] < 5000:
            break
    with db.read() as conn:
        rows = alerts_since(conn, 0, limit=10**9)
    recent = rows[-max(args.limit, 0):] if args.limit else []
    data = {"recorded": recorded, "alerts": [
        {"case": r["case_id"], "clock": r["clock"], "seq": r["seq"], "level": r["level"], "at": to_iso(r["at"]),
         "recorded_at": to_iso(r["recorded_at"])} for r in recent]}
    lines = [f"{recorded} new alert(s) recorded"] + [
        f"case {a['case']:>7}  {a['clock']:<15} {'breach' if a['level'] == 100 else str(a['level']) + '%':<7} at {a['at']}"
        for a in data["alerts"]
    ]
    _out(args, data, "\n".join(lines))
    return 0


def cmd_targets_at_risk(args) -> int:
    from newsroom.actions.targets import at_risk
    from newsroom.casefile import case_details
    from newsroom.timeutil import utcnow

    db = _open(args)
    with db.read() as conn:
        ids = at_risk(conn, utcnow(), limit=max(args.limit, 0))
        details = case_details(conn, ids, with_history=False)
    items = [{"id": d["id"], "status": d["status"], "priority": d["priority"], "department": d["department"],
              "due_at": d["due_at"], "warning": d["warning"], "author": d["author"]} for d in details]
    lines = [f"{i['id']:>7}  {('breach' if i['warning'] == 100 else str(i['warning']) + '%'):<7} due {i['due_at']}  "
             f"{i['department'] or '-':<14} {i['author']}" for i in items]
    _out(args, {"total": len(items), "items": items}, "\n".join(lines) or "nothing at risk")
    return 0


def cmd_crisis_on(args) -> int:
    db = _open(args)
    change = perform(db, "crisis_on", resolve_actor(db, args.user), origin="cli", name=args.name, tags=args.tag,
                     channels=args.channel, statement=_text(args.statement))
    return _done(args, change, f"crisis mode on (crisis {change.object_id}); {change.info['changed']} open case(s) now count 24/7")


def cmd_crisis_off(args) -> int:
    db = _open(args)
    change = perform(db, "crisis_off", resolve_actor(db, args.user), origin="cli", crisis_id=args.id)
    return _done(args, change, f"crisis mode off; {change.info['changed']} open case(s) back on their own calendars")


def cmd_crisis_status(args) -> int:
    from newsroom.actions.targets import active_crises
    from newsroom.timeutil import to_iso

    db = _open(args)
    with db.read() as conn:
        crises = active_crises(conn)
    data = [{"id": c["id"], "name": c["name"], "tags": c["tags"], "channel_ids": c["channel_ids"],
             "statement": c["statement"], "started_at": to_iso(c["started_at"])} for c in crises]
    lines = [f"crisis {c['id']}: {c['name']} since {c['started_at']} (tags: {', '.join(c['tags']) or '-'})\n  {c['statement']}"
             for c in data]
    _out(args, {"active": data}, "\n".join(lines) or "crisis mode is off")
    return 0


def cmd_case_handoff(args) -> int:
    db = _open(args)
    change = perform(db, "handoff", resolve_actor(db, args.user), origin="cli", case_id=args.id, department=args.department,
                     note=_text(args.note), holding=not args.no_holding_answer)
    expected = change.info.get("expected")
    human = f"case {args.id} handed off to {change.info['department']}"
    if expected:
        human += f"; the department's clock is due {expected}"
    if change.info.get("holding_reply"):
        human += "; the citizen gets a holding answer"
    return _done(args, change, human)


def cmd_case_sendback(args) -> int:
    db = _open(args)
    change = perform(db, "sendback", resolve_actor(db, args.user), origin="cli", case_id=args.id, reason=_text(args.reason))
    back = change.fields.get("department", [None, None])[1]
    return _done(args, change, f"case {args.id} sent back to {back or 'the newsroom queue'}")


__all__ = ["add_parsers", "CommandError"]
