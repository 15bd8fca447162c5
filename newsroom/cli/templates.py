"""`newsroom template …`: canned answers and the automatic acknowledgement per channel."""
from __future__ import annotations

import sys
from pathlib import Path

from newsroom.actions import perform, resolve_actor
from newsroom.actions import templates as _template_actions  # noqa: F401  (registers the template actions)
from newsroom.cli.commands import CommandError, _open, _out
from newsroom.model import Platform
from newsroom.templates import KINDS, LANGUAGES
from newsroom.timeutil import parse_instant, to_iso

PLATFORMS = [p.value for p in Platform]


def add_parsers(sub, common, parser_class) -> None:
    """Register this area's subcommands on the top-level `sub`."""
    template = sub.add_parser("template", parents=[common], help="canned answers with variables; automatic acknowledgement")
    tsub = template.add_subparsers(dest="template_command", metavar="ACTION", parser_class=parser_class, required=True)

    p = tsub.add_parser("list", parents=[common], help="the stored templates")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--platform", choices=PLATFORMS)
    p.set_defaults(handler=cmd_template_list)

    p = tsub.add_parser("show", parents=[common], help="a template, filled in for a case (--case) or with example values")
    p.add_argument("name")
    p.add_argument("--case", type=int, metavar="ID", help="fill it in for this case and measure it against its channel")
    p.add_argument("--expected", metavar="INSTANT", help="expected answer date (ISO 8601 with offset; default: the case's due time)")
    p.add_argument("--platform", choices=PLATFORMS, help="without --case: measure against this platform's limit")
    p.set_defaults(handler=cmd_template_show)

    p = tsub.add_parser("add", parents=[common], help="store a template (supervisors and admins)")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--platform", choices=PLATFORMS, help="only for this platform (default: every platform)")
    p.add_argument("--language", choices=LANGUAGES, default="nl")
    _body_arguments(p, required=True)
    p.set_defaults(handler=cmd_template_add)

    p = tsub.add_parser("update", parents=[common], help="change a template (what is not given stays)")
    p.add_argument("name")
    p.add_argument("--rename", metavar="NEW_NAME")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--platform", choices=PLATFORMS + ["any"], help="only for this platform, or 'any' for every platform")
    p.add_argument("--language", choices=LANGUAGES)
    _body_arguments(p, required=False)
    p.set_defaults(handler=cmd_template_update)

    p = tsub.add_parser("remove", parents=[common], help="delete a template")
    p.add_argument("name")
    p.set_defaults(handler=cmd_template_remove)

    p = tsub.add_parser("auto-ack", parents=[common], help="switch a channel's automatic acknowledgement of new cases")
    p.add_argument("channel", help="the channel's name, account or number")
    p.add_argument("setting", choices=["on", "off", "default"], help="default: on for e-mail, off for the others")
    p.set_defaults(handler=cmd_template_auto_ack)


def _body_arguments(p, *, required: bool) -> None:
    group = p.add_mutually_exclusive_group(required=required)
    group.add_argument("--body", metavar="TEXT", help="the text, with {naam}, {zaaknummer}, {verwachte_datum}, {afdeling}")
    group.add_argument("--body-file", metavar="FILE", help="read the text from FILE (UTF-8; '-' for standard input)")


def _body(args) -> str | None:
    if args.body is not None:
        return args.body
    if args.body_file is None:
        return None
    if args.body_file == "-":
        return sys.stdin.read()
    try:
        return Path(args.body_file).read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot read {args.body_file}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{args.body_file} is not UTF-8 text") from None


def _row(r) -> dict:
    return {"id": r.id, "name": r.name, "kind": r.kind, "platform": r.platform, "language": r.language, "body": r.body,
            "created_at": to_iso(r.created_at), "updated_at": to_iso(r.updated_at)}


def cmd_template_list(args) -> int:
    from sqlalchemy import select

    from newsroom.actions.templates import TEMPLATES

    db = _open(args)
    query = select(TEMPLATES).order_by(TEMPLATES.c.kind, TEMPLATES.c.name)
    if args.kind:
        query = query.where(TEMPLATES.c.kind == args.kind)
    if args.platform:
        query = query.where((TEMPLATES.c.platform == args.platform) | TEMPLATES.c.platform.is_(None))
    with db.read() as conn:
        data = [_row(r) for r in conn.execute(query)]
    human = "\n".join(f"{d['name']:<30} {d['kind']:<9} {d['platform'] or 'every platform':<15} {d['language']}" for d in data)
    _out(args, data, human or "no templates; the built-in texts are used (see 'newsroom template add')")
    return 0


def _report_lines(report: dict) -> list[str]:
    limit = f" of {report['limit']}" if report["limit"] is not None else ""
    lines = [f"length: {report['length']}{limit} {report['unit']}" + ("  TOO LONG" if report["over_limit"] else "")]
    lines += [f"hint: {h['text']}" for h in report["hints"]]
    return lines


def cmd_template_show(args) -> int:
    from newsroom.actions.templates import preview, render_for_case, template_by_name

    db = _open(args)
    expected = None
    if args.expected is not None:
        if args.case is None:
            raise CommandError("--expected goes with --case")
        try:
            expected = parse_instant(args.expected)
        except ValueError as error:
            raise CommandError(f"--expected {args.expected!r} is not an ISO 8601 instant with an offset ({error})") from None
    with db.read() as conn:
        row = template_by_name(conn, args.name)
        if args.case is not None:
            report = render_for_case(conn, row.name, args.case, expected=expected)
        else:
            report = preview(row.body, args.platform or row.platform, row.language)
            report["platform"] = args.platform or row.platform
    data = {**_row(row), "case": args.case, "rendered": report}
    source = f"case {args.case}" if args.case is not None else "example values"
    human = "\n".join([f"{row.name} ({row.kind}, {row.platform or 'every platform'}, {row.language}), filled in with {source}:",
                       "", report["text"], "", *_report_lines(report)])
    _out(args, data, human)
    return 0


def cmd_template_add(args) -> int:
    db = _open(args)
    change = perform(db, "add_template", resolve_actor(db, args.user), origin="cli", name=args.name, kind=args.kind,
                     body=_body(args), platform=args.platform, language=args.language)
    _out(args, change.as_dict(), f"template {args.name!r} stored")
    return 0


def cmd_template_update(args) -> int:
    db = _open(args)
    change = perform(db, "update_template", resolve_actor(db, args.user), origin="cli", name=args.name, body=_body(args),
                     kind=args.kind, platform=args.platform, language=args.language, new_name=args.rename)
    human = f"template {change.info['name']!r} changed: {', '.join(change.fields)}" if change.fields else "nothing changed"
    _out(args, change.as_dict(), human)
    return 0


def cmd_template_remove(args) -> int:
    db = _open(args)
    change = perform(db, "remove_template", resolve_actor(db, args.user), origin="cli", name=args.name)
    _out(args, change.as_dict(), f"template {change.info['name']!r} removed")
    return 0


def cmd_template_auto_ack(args) -> int:
    db = _open(args)
    value = {"on": True, "off": False, "default": None}[args.setting]
    change = perform(db, "set_auto_ack", resolve_actor(db, args.user), origin="cli", channel=args.channel, value=value)
    state = "on" if change.info["effective"] else "off"
    how = "the platform's default" if value is None else "set for this channel"
    _out(args, change.as_dict(), f"automatic acknowledgement on {change.info['name']!r}: {state} ({how})")
    return 0
