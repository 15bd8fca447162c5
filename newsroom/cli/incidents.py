"""`newsroom incident …`: incidents proposed by the clusterer, decided and answered once for every reporter."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from newsroom.actions import perform, resolve_actor
from newsroom.cli.commands import CommandError, _open, _out


def add_parsers(sub, common, parser_class) -> None:
    """Register `newsroom incident list|show|scan|accept|decline|answer|add|remove`."""
    incident = sub.add_parser("incident", parents=[common], help="incidents: many reporters, one answer")
    isub = incident.add_subparsers(dest="incident_command", metavar="ACTION", parser_class=parser_class, required=True)
    p = isub.add_parser("list", parents=[common], help="incidents, newest first")
    p.add_argument("--status", choices=["proposed", "accepted", "declined"])
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(handler=cmd_incident_list)
    p = isub.add_parser("show", parents=[common], help="one incident with its reporters")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_incident_show)
    p = isub.add_parser("scan", parents=[common], help="cluster the recent messages and record the incidents")
    p.add_argument("--hours", type=float, default=6.0, help="how far back to look (default 6)")
    p.set_defaults(handler=cmd_incident_scan)
    for name, text in (("accept", "accept a proposed incident"), ("decline", "decline a proposal (it is not proposed again)")):
        p = isub.add_parser(name, parents=[common], help=text)
        p.add_argument("id", type=int)
        p.set_defaults(handler=cmd_incident_decide, decision=name)
    p = isub.add_parser("answer", parents=[common], help="queue one answer to every reporter, each on their own channel")
    p.add_argument("id", type=int)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--text", help="the answer")
    group.add_argument("--text-file", metavar="FILE", help="read the answer from FILE (UTF-8)")
    p.set_defaults(handler=cmd_incident_answer)
    for name, text in (("add", "put a case in an incident"), ("remove", "take a case out of an incident")):
        p = isub.add_parser(name, parents=[common], help=text)
        p.add_argument("id", type=int)
        p.add_argument("case", type=int)
        p.set_defaults(handler=cmd_incident_member, member=name)


def _line(i: dict) -> str:
    channels = ", ".join(i["platforms"]) or "-"
    return f"{i['id']:>6}  {i['status']:<9} {i['reporters']:>4} reporters  {channels:<32} {i['title']}"


def cmd_incident_list(args) -> int:
    from newsroom.actions.incidents import list_incidents

    data = list_incidents(_open(args), status=args.status, limit=args.limit)
    _out(args, data, "\n".join(_line(i) for i in data) or "no incidents")
    return 0


def cmd_incident_show(args) -> int:
    from newsroom.actions.incidents import incident_detail

    data = incident_detail(_open(args), args.id)
    lines = [_line(data)]
    if data["decided_by"]:
        lines.append(f"        {data['status']} by {data['decided_by']} at {data['decided_at']}")
    if data["answered_at"]:
        lines.append(f"        answered at {data['answered_at']} ({len(data['replies'])} replies)")
    for m in data["members"]:
        lines.append(f"  case {m['case']:>7}  {m['platform']:<9} {m['received_at']}  {m['author'][:24]:<24} {m['snippet'][:70]}")
    _out(args, data, "\n".join(lines))
    return 0


def cmd_incident_scan(args) -> int:
    from newsroom.actions.incidents import scan_incidents

    if not 0 < args.hours <= 24 * 7:
        raise CommandError("--hours must be more than 0 and at most 168")
    db = _open(args)
    actor = resolve_actor(db, args.user)
    report = scan_incidents(db, window=timedelta(hours=args.hours), actor=actor, origin="cli")
    added = sum(report["added"].values())
    _out(args, report, f"{report['messages']} messages looked at; {len(report['new'])} new incidents, "
                       f"{added} messages added to incidents, {len(report['absorbed'])} folded into another")
    return 0


def cmd_incident_decide(args) -> int:
    import newsroom.actions.incidents  # noqa: F401  (registers the actions)

    db = _open(args)
    name = f"{args.decision}_incident"
    change = perform(db, name, resolve_actor(db, args.user), origin="cli", incident_id=args.id)
    _out(args, change.as_dict(), f"incident {args.id} {args.decision}ed".replace("declineed", "declined"))
    return 0


def cmd_incident_answer(args) -> int:
    import newsroom.actions.incidents  # noqa: F401  (registers the actions)

    if args.text_file is not None:
        try:
            text = Path(args.text_file).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise CommandError(f"{args.text_file} is not UTF-8 text") from None
    else:
        text = args.text
    db = _open(args)
    change = perform(db, "answer_incident", resolve_actor(db, args.user), origin="cli", incident_id=args.id, text=text)
    queued, skipped = change.info["queued"], change.info["skipped"]
    lines = [f"{len(queued)} replies queued for incident {args.id}"]
    reasons = {"already_answered": "already answered with this text", "not_connected": "its channel is not connected",
               "no_message": "no message from a citizen"}
    for s in skipped:
        lines.append(f"  case {s['case']} skipped: {reasons.get(s['reason'], s['reason'])}")
    _out(args, change.as_dict(), "\n".join(lines))
    return 0


def cmd_incident_member(args) -> int:
    import newsroom.actions.incidents  # noqa: F401  (registers the actions)

    db = _open(args)
    name = "add_to_incident" if args.member == "add" else "remove_from_incident"
    change = perform(db, name, resolve_actor(db, args.user), origin="cli", incident_id=args.id, case_id=args.case)
    word = "added to" if args.member == "add" else "taken out of"
    _out(args, change.as_dict(), f"case {args.case} {word} incident {args.id}")
    return 0
