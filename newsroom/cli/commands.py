"""What each `newsroom` subcommand does; argument parsing lives in main.py."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from newsroom.actions import SYSTEM, ActionError, perform, resolve_actor
from newsroom.config import data_location, open_location, reset_demo
from newsroom.db.engine import Database, DatabaseError
from newsroom.inbound import InvalidItem


class CommandError(Exception):
    """A problem to report on stderr; exit code 1."""


def _out(args, data, human: str | None = None) -> None:
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif human is not None:
        print(human)


def _fail(args, message: str, kind: str = "error") -> int:
    if args.json:
        json.dump({"error": message, "kind": kind}, sys.stderr, ensure_ascii=False)
        sys.stderr.write("\n")
    else:
        print(f"newsroom: {message}", file=sys.stderr)
    return 1


def _location(args) -> Path:
    return data_location(args.data_dir, demo=args.demo)


def _open(args) -> Database:
    location = _location(args)
    if args.demo and getattr(args, "reset", False):
        reset_demo(location)
    db = open_location(location)
    args.opened.append(db)
    if args.demo:
        from newsroom.demo.seed import seed_demo

        seed_demo(db)
    return db


def run(args) -> int:
    """Run a subcommand, turning every error a person can cause into a message."""
    args.opened = []
    try:
        return args.handler(args)
    except ActionError as error:
        return _fail(args, error.message, error.kind)
    except (CommandError, DatabaseError, InvalidItem) as error:
        return _fail(args, str(error))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return _fail(args, "interrupted; nothing of the interrupted step was stored", "cancelled")
    except OSError as error:
        return _fail(args, f"{error.strerror or error} ({error.filename or 'file'}); nothing was changed by the failed step", "os")
    except Exception as error:  # a bug: say so plainly, keep the traceback for whoever debugs it
        if os.environ.get("NEWSROOM_DEBUG"):
            raise
        return _fail(
            args,
            f"unexpected error ({type(error).__name__}: {error}). This is a bug in Newsroom; "
            "run again with NEWSROOM_DEBUG=1 to see the details and report them.",
            "bug",
        )
    finally:
        for db in args.opened:
            db.close()


def cmd_desktop(args) -> int:
    if args.desktop is None:
        print("newsroom: the desktop is started by the installed `newsroom` command (or `python -m ui`); "
              "give a command to use the command line, see --help.", file=sys.stderr)
        return 2
    try:
        return args.desktop(data_dir=args.data_dir, demo=args.demo, reset=args.reset, user=args.user, language=args.language)
    except ImportError as error:
        print(f"newsroom: the desktop app cannot start: {error}", file=sys.stderr)
        return 1


# -- import / export ---------------------------------------------------------


def cmd_import(args) -> int:
    from newsroom.importer import import_lines

    db = _open(args)
    actor = resolve_actor(db, args.user)
    location = _location(args)
    if args.rejects:
        rejects = Path(args.rejects)
    else:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        rejects = location / "rejects" / f"import-{stamp}.jsonl"
    if args.file == "-":
        report = import_lines(db, sys.stdin.buffer, source="stdin", actor=actor, rejects_path=rejects)
    else:
        path = Path(args.file)
        try:
            handle = open(path, "rb")
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        with handle:
            report = import_lines(db, handle, source=str(path), actor=actor, rejects_path=rejects)
    if args.json:
        _out(args, report.as_dict())
    else:
        print(f"imported {report.imported}, duplicates {report.duplicates}, rejected {report.rejected} "
              f"({report.new_cases} new cases, {report.seconds:.1f} s)")
        for reject in report.rejects:
            print(f"  line {reject.line}: {reject.reason}", file=sys.stderr)
        if report.rejects_file:
            print(f"rejected lines were written to {report.rejects_file}", file=sys.stderr)
    return 0


def cmd_export(args) -> int:
    from newsroom.export import export_jsonl

    db = _open(args)
    if args.output:
        try:
            handle = open(args.output, "w", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {args.output}: {error.strerror}") from None
        with handle:
            count = export_jsonl(db, handle)
        summary = {"cases": count, "output": args.output}
        _out(args, summary, f"exported {count} cases to {args.output}")
    else:
        export_jsonl(db, sys.stdout)
    return 0


# -- inbox and cases ---------------------------------------------------------


def cmd_inbox(args) -> int:
    from newsroom.inbox import InboxError, list_cases, resolve_filter

    db = _open(args)
    statuses = tuple(s.strip() for s in args.status.split(",") if s.strip()) if args.status else ()
    assignee = args.assignee
    if args.mine:
        if not args.user:
            raise CommandError("--mine needs --as USER (or NEWSROOM_USER).")
        assignee = args.user
    order = args.order or ("relevance" if args.search else "due")
    try:
        with db.read() as conn:
            flt = resolve_filter(
                conn, statuses=statuses, department=args.department, assignee=assignee, unassigned=args.unassigned,
                unrouted=getattr(args, "unrouted", False), channel=args.channel, tag=args.tag, priority=args.priority, search=args.search, at_risk=args.at_risk,
            )
            page = list_cases(conn, flt, order=order, limit=args.limit, after=args.after, with_total=True)
    except (InboxError, ValueError) as error:
        raise CommandError(str(error)) from None
    if args.json:
        _out(args, page.as_dict())
        return 0
    print(f"{page.total} cases")
    for row in page.items:
        who = row.assignee or "-"
        dept = row.department or "-"
        print(f"{row.id:>8}  {row.status:<18} {row.platform:<9} {dept[:18]:<18} {who[:12]:<12} {row.author[:20]:<20} {row.snippet[:60]}")
    if page.next:
        print(f"more: --after {page.next}")
    return 0


def cmd_case_show(args) -> int:
    from newsroom.casefile import CaseNotFound, case_detail

    db = _open(args)
    with db.read() as conn:
        try:
            detail = case_detail(conn, args.id)
        except CaseNotFound as error:
            raise CommandError(str(error)) from None
    if args.json:
        _out(args, detail)
        return 0
    print(f"Case {detail['id']}  [{detail['status']}]  priority {detail['priority']}")
    print(f"  department: {detail['department'] or '-'}   assignee: {detail['assignee'] or '-'}   tags: {', '.join(detail['tags']) or '-'}")
    if detail["merged_into"]:
        print(f"  merged into case {detail['merged_into']}")
    for c in detail.get("clocks", []):
        level = "BREACHED" if c["breached"] else (f"{c['warning']}%" if c["warning"] else "")
        print(f"  clock {c['clock']}{'#' + str(c['seq']) if c['seq'] else ''}: {c['state']}, due {c['due'] or '-'}"
              f" ({c['target_minutes']} min on {c['calendar']}) {level}".rstrip())
    for m in detail["messages"]:
        arrow = "<-" if m["direction"] == "in" else "->"
        who = m["author"].get("name") or m["author"].get("handle") or m["author"].get("email") or "?"
        print(f"\n{arrow} #{m['id']} {m['received_at']} {m['platform']} {who}")
        print("   " + m["text"].replace("\n", "\n   "))
    for n in detail["notes"]:
        print(f"\nnote by {n['author']} at {n['created_at']}: {n['text']}")
    for r in detail["replies"]:
        print(f"\nreply ({r['state']}) by {r['author']}: {r['text']}")
    return 0


def cmd_case_action(args) -> int:
    db = _open(args)
    actor = resolve_actor(db, args.user)
    params: dict = {}
    if args.action == "split":
        params["message_id"] = args.message_id
    else:
        params["case_id"] = args.id
    if args.action == "route":
        params["department"] = args.department
    elif args.action == "assign":
        params["user"] = args.assignee
    elif args.action in ("tag", "untag"):
        params["tag"] = args.tag
    elif args.action in ("note", "draft_reply"):
        text = args.text_opt if args.text_opt is not None else args.text
        if text == "-":
            text = sys.stdin.read()
        if text is None:
            raise CommandError("give the text as an argument, with --text, or '-' to read standard input")
        params["text"] = text
    elif args.action == "set_status":
        params["status"] = args.status
    elif args.action == "set_priority":
        params["priority"] = args.priority
    elif args.action == "merge":
        params["into"] = args.into
    change = perform(db, args.action, actor, origin="cli", **params)
    data = change.as_dict()
    human = f"{args.action} done: case {', '.join(map(str, change.case_ids))}"
    if change.fields:
        human += "; " + "; ".join(f"{k}: {v[0]} -> {v[1]}" for k, v in change.fields.items())
    elif not change.created:
        human += " (nothing changed)"
    _out(args, json.loads(json.dumps(data, default=str)), human)
    return 0


# -- people and departments ---------------------------------------------------


def cmd_department_add(args) -> int:
    db = _open(args)
    change = perform(db, "add_department", resolve_actor(db, args.user), name=args.name, description=args.description)
    _out(args, {"id": change.object_id, "name": args.name.strip()}, f"department {args.name.strip()!r} added")
    return 0


def cmd_department_list(args) -> int:
    from sqlalchemy import select

    from newsroom.model import Department

    db = _open(args)
    with db.read() as conn:
        rows = conn.execute(select(Department.id, Department.name, Department.description).order_by(Department.name)).all()
    data = [{"id": r.id, "name": r.name, "description": r.description} for r in rows]
    _out(args, data, "\n".join(f"{r['id']:>4}  {r['name']}" for r in data) or "no departments yet")
    return 0


def cmd_user_add(args) -> int:
    db = _open(args)
    change = perform(
        db, "add_user", resolve_actor(db, args.user), name=args.name, role=args.role,
        department=args.department, display_name=args.display_name,
    )
    _out(args, {"id": change.object_id, "name": args.name, "role": args.role, "department": args.department},
         f"user {args.name!r} added as {args.role}")
    return 0


def cmd_user_list(args) -> int:
    from sqlalchemy import select

    from newsroom.model import Department, User

    db = _open(args)
    with db.read() as conn:
        rows = conn.execute(
            select(User.id, User.name, User.display_name, User.role, Department.name.label("department"), User.active)
            .outerjoin(Department, Department.id == User.department_id)
            .order_by(User.name)
        ).all()
    data = [
        {"id": r.id, "name": r.name, "display_name": r.display_name, "role": r.role, "department": r.department, "active": r.active}
        for r in rows
    ]
    _out(args, data, "\n".join(f"{u['name']:<16} {u['role']:<17} {u['department'] or '-'}" for u in data) or "no users yet")
    return 0


# -- response targets ---------------------------------------------------------


def cmd_targets_due(args) -> int:
    from newsroom.targets.calendar import builtin
    from newsroom.timeutil import parse_instant, to_iso

    try:
        calendar = builtin(args.calendar)
    except ValueError as error:
        from newsroom.actions.targets import current_config

        db = _open(args)
        with db.read() as conn:
            try:
                calendar = current_config(conn).calendar(args.calendar)
            except ValueError:
                raise CommandError(f"{error}; no stored calendar has that name either (see 'newsroom targets export -')") from None
    try:
        start = parse_instant(args.start)
    except ValueError as error:
        raise CommandError(f"--start {args.start!r} is not an ISO-8601 instant with an offset ({error})") from None
    if not args.minutes >= 0:
        raise CommandError("--minutes must be zero or more")
    due = calendar.due(start, args.minutes)
    _out(args, {"calendar": calendar.name, "start": to_iso(start), "minutes": args.minutes, "due": to_iso(due)}, to_iso(due))
    return 0


# -- demo and bench -----------------------------------------------------------


def cmd_demo_feed(args) -> int:
    from newsroom.demo.generator import generate, live
    from newsroom.inbound import parse_item

    if args.count < 0:
        raise CommandError("--count must be 0 or more")
    if args.rate < 0:
        raise CommandError("--rate must be 0 or more")
    db = _open(args)
    imported = duplicates = 0
    if args.rate == 0:
        from newsroom.demo.generator import start_ending_before
        from newsroom.timeutil import utcnow

        seed = args.seed if args.seed is not None else int(time.time())
        items = generate(args.count, seed=seed, start=start_ending_before(utcnow(), args.count, seed=seed))
        batch = []
        for obj in items:
            batch.append(parse_item(obj))
            if len(batch) == 500:
                info = perform(db, "ingest", SYSTEM, origin="demo", items=batch).info
                imported += info["imported"]
                duplicates += info["duplicates"]
                batch = []
        if batch:
            info = perform(db, "ingest", SYSTEM, origin="demo", items=batch).info
            imported += info["imported"]
            duplicates += info["duplicates"]
    else:
        stream = live(seed=args.seed)
        interval = 1.0 / args.rate
        next_at = time.monotonic()
        for _ in range(args.count):
            info = perform(db, "ingest", SYSTEM, origin="demo", items=[parse_item(next(stream))]).info
            imported += info["imported"]
            duplicates += info["duplicates"]
            next_at += interval
            delay = next_at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
    _out(args, {"imported": imported, "duplicates": duplicates}, f"ingested {imported} demo messages")
    return 0


def cmd_bench(args) -> int:
    from newsroom.bench import run_bench

    if args.messages < 1000:
        raise CommandError("--messages must be at least 1000")
    if args.ui and args.ui_bench is None:
        raise CommandError("--ui needs the desktop package; run the installed `newsroom` command.")
    say = None if args.json else (lambda message: print(message, file=sys.stderr))
    if args.connectors_only:
        import tempfile

        from newsroom.bench_connectors import run_connector_bench

        with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as tmp:
            work = Path(args.workdir) if args.workdir else Path(tmp)
            work.mkdir(parents=True, exist_ok=True)
            result = {"connectors": run_connector_bench(work, progress=say)}
    else:
        result = run_bench(
            messages=args.messages, workdir=args.workdir, ui_bench=args.ui_bench if args.ui else None,
            progress=say, connectors=args.connectors,
        )
    _out(args, result, json.dumps(result, indent=2))
    return 0
