"""`newsroom channel …`, `newsroom collect`, `newsroom case reply` and `newsroom demo serve`."""
from __future__ import annotations

import asyncio
import getpass
import json
import signal
import sys

from newsroom.actions import SYSTEM, perform, resolve_actor
from newsroom.cli.commands import CommandError, _open, _out
from newsroom.secrets import NoKeyring

# Every channel option any connector declares, as a command-line flag; which
# ones a platform takes is checked by newsroom.channels.clean_options.
OPTION_FLAGS = (
    ("base_url", "the platform's address, e.g. https://social.overheid.nl"),
    ("username", "the account's user name or handle"),
    ("imap_host", "IMAP server"),
    ("imap_port", "IMAP port (993 TLS, 143 STARTTLS)"),
    ("imap_security", "tls, starttls or none"),
    ("mailbox", "the IMAP folder to read (INBOX)"),
    ("smtp_host", "SMTP server for replies"),
    ("smtp_port", "SMTP port (587 STARTTLS, 465 TLS)"),
    ("smtp_security", "starttls, tls or none"),
    ("from_address", "the address replies come from"),
    ("sent_folder", "IMAP folder for copies of replies (Sent)"),
    ("auth", "e-mail login: password, or xoauth2 (the secret is then an OAuth2 access token)"),
    ("max_attachment_bytes", "largest e-mail attachment kept, in bytes"),
    ("attachments_dir", "folder for e-mail attachment files (named by their SHA-256, never opened)"),
    ("jurisdiction_id", "Open311 jurisdiction"),
    ("service_code", "Open311 service code filter"),
)


def add_parsers(sub, common, parser_class) -> None:
    """Register the channel, collect, case reply and demo serve subcommands."""
    channel = sub.add_parser("channel", parents=[common], help="connected platform accounts")
    chsub = channel.add_subparsers(dest="channel_command", metavar="ACTION", parser_class=parser_class, required=True)
    p = chsub.add_parser("add", parents=[common], help="connect a platform account (the secret goes to the OS keyring)")
    p.add_argument("platform", choices=["mastodon", "email", "signalen", "open311", "bluesky"])
    p.add_argument("--name", required=True, help="how the channel is called in the app")
    for name, help_text in OPTION_FLAGS:
        p.add_argument("--" + name.replace("_", "-"), dest="opt_" + name, help=help_text)
    p.add_argument("--secret-stdin", action="store_true", help="read the token or password from standard input")
    p.add_argument("--no-test", action="store_true", help="do not test the connection after adding")
    p.set_defaults(handler=cmd_channel_add)
    p = chsub.add_parser("list", parents=[common], help="channels with their health")
    p.set_defaults(handler=cmd_channel_list)
    p = chsub.add_parser("test", parents=[common], help="test the connection and the credentials")
    p.add_argument("name")
    p.set_defaults(handler=cmd_channel_test)
    p = chsub.add_parser("secret", parents=[common], help="enter a new token or password (e.g. after it expired)")
    p.add_argument("name")
    p.add_argument("--secret-stdin", action="store_true")
    p.set_defaults(handler=cmd_channel_secret)
    p = chsub.add_parser("remove", parents=[common], help="disconnect (messages and cases stay)")
    p.add_argument("name")
    p.set_defaults(handler=cmd_channel_remove)
    p = chsub.add_parser("set-aside", parents=[common], help="payloads that could not be taken in, with the reason")
    p.add_argument("--all", action="store_true", help="include the ones already dismissed")
    p.add_argument("--show", type=int, metavar="ID", help="print one payload in full")
    p.add_argument("--dismiss", type=int, metavar="ID", help="mark one as looked at")
    p.set_defaults(handler=cmd_set_aside)

    p = sub.add_parser("collect", parents=[common], help="run the connectors without the desktop")
    p.add_argument("--once", action="store_true", help="one round over every channel, then stop")
    p.add_argument("--channel", action="append", metavar="NAME", help="only this channel (repeatable)")
    p.set_defaults(handler=cmd_collect)


def add_case_reply(csub, common) -> None:
    p = csub.add_parser("reply", parents=[common], help="queue an answer to the citizen on their own channel")
    p.add_argument("id", type=int)
    p.add_argument("text", nargs="?", help="the answer (or --text; default: your draft)")
    p.add_argument("--text", dest="text_opt")
    p.set_defaults(handler=cmd_case_reply)
    p = csub.add_parser("retry-reply", parents=[common], help="try a failed reply again")
    p.add_argument("reply_id", type=int, metavar="REPLY")
    p.set_defaults(handler=cmd_retry_reply)


def add_demo_serve(msub, common) -> None:
    p = msub.add_parser("serve", parents=[common], help="run the loopback platform fakes and print their addresses")
    p.add_argument("--platform", action="append", choices=["mastodon", "signalen", "open311", "bluesky"],
                   help="only this platform (repeatable; default all)")
    p.add_argument("--port", type=int, default=0, help="first port (the others follow); default: free ports")
    p.add_argument("--rate", type=float, default=0.2, help="citizen messages per second the scenario posts (0: none)")
    p.set_defaults(handler=cmd_demo_serve)
    p = msub.add_parser("storm", parents=[common], help="(with --demo) dozens of citizens report one fallen tree on many channels")
    p.add_argument("--count", type=int, default=None, help="how many reports (default: all 47)")
    p.set_defaults(handler=cmd_demo_storm)


def _read_secret(args, prompt: str) -> str:
    if args.secret_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        secret = getpass.getpass(prompt)
    else:
        raise CommandError("no terminal to ask for the secret; pass it on standard input with --secret-stdin")
    if not secret:
        raise CommandError("the secret is empty; nothing was stored")
    return secret


def _health_line(c: dict) -> str:
    state = c["health"] + (f" ({c['reason']})" if c["reason"] else "")
    return f"{c['name']:<24} {c['platform']:<9} {c['account']:<32} {state}"


def cmd_channel_add(args) -> int:
    from newsroom.channels import connect, find, test
    from newsroom.connectors import connector_class

    db = _open(args)
    actor = resolve_actor(db, args.user)
    options = {name: getattr(args, "opt_" + name) for name, _ in OPTION_FLAGS if getattr(args, "opt_" + name) is not None}
    cls = connector_class(args.platform)
    secret = _read_secret(args, f"{args.platform} token or password for {args.name}: ") if cls.needs_secret else None
    try:
        channel_id = connect(db, actor, platform=args.platform, name=args.name, options=options, secret=secret)
    except NoKeyring as error:
        raise CommandError(str(error)) from None
    data = {"id": channel_id, "name": args.name, "platform": args.platform}
    human = f"channel {args.name!r} added; its secret is in the keyring"
    if not args.no_test:
        health = test(db, find(db, str(channel_id)))
        data["test"] = {"ok": health.ok, "detail": health.detail}
        human += f"\nconnection test: {'ok' if health.ok else 'FAILED'}: {health.detail}"
    _out(args, data, human)
    return 0


def _channel_rows(db) -> list[dict]:
    from sqlalchemy import func, select

    from newsroom.model import Channel, SetAside
    from newsroom.timeutil import to_iso

    with db.read() as conn:
        rows = conn.execute(select(Channel.__table__).where(Channel.__table__.c.options.is_not(None)).order_by(Channel.id)).all()
        counts = dict(
            conn.execute(
                select(SetAside.channel_id, func.count()).where(SetAside.dismissed_at.is_(None)).group_by(SetAside.channel_id)
            ).all()
        )
    return [
        {
            "id": r.id, "name": r.name, "platform": r.platform, "account": r.account, "enabled": bool(r.enabled),
            "health": r.health, "reason": r.health_reason, "retry_at": to_iso(r.retry_at),
            "last_poll_at": to_iso(r.last_poll_at), "last_item_at": to_iso(r.last_item_at),
            "options": json.loads(r.options), "set_aside": counts.get(r.id, 0),
        }
        for r in rows
    ]


def cmd_channel_list(args) -> int:
    db = _open(args)
    data = _channel_rows(db)
    _out(args, data, "\n".join(_health_line(c) for c in data) or "no channels connected; add one with 'newsroom channel add'")
    return 0


def cmd_channel_test(args) -> int:
    from newsroom.channels import find, test

    db = _open(args)
    health = test(db, find(db, args.name))
    _out(args, {"ok": health.ok, "detail": health.detail}, f"{'ok' if health.ok else 'FAILED'}: {health.detail}")
    return 0 if health.ok else 1


def cmd_channel_secret(args) -> int:
    from newsroom.channels import find, set_secret
    from newsroom.connectors.runner import set_health

    db = _open(args)
    actor = resolve_actor(db, args.user)
    channel = find(db, args.name)
    if not actor.is_system and actor.role != "admin":
        raise CommandError("only an admin may change a channel's credentials")
    try:
        set_secret(channel, _read_secret(args, f"new token or password for {channel.name}: "))
    except NoKeyring as error:
        raise CommandError(str(error)) from None
    set_health(db, channel.id, "ok")
    _out(args, {"id": channel.id, "name": channel.name}, f"new secret for {channel.name!r} stored in the keyring")
    return 0


def cmd_channel_remove(args) -> int:
    from newsroom.channels import find, remove

    db = _open(args)
    channel = find(db, args.name)
    remove(db, resolve_actor(db, args.user), channel)
    _out(args, {"id": channel.id, "name": channel.name}, f"channel {channel.name!r} disconnected; its secret was removed from the keyring")
    return 0


def cmd_set_aside(args) -> int:
    from sqlalchemy import select

    from newsroom.model import Channel, SetAside
    from newsroom.timeutil import to_iso

    db = _open(args)
    table = SetAside.__table__
    if args.dismiss is not None:
        perform(db, "dismiss_set_aside", resolve_actor(db, args.user), set_aside_id=args.dismiss)
        _out(args, {"id": args.dismiss, "dismissed": True}, f"set-aside item {args.dismiss} dismissed")
        return 0
    query = select(table, Channel.name.label("channel")).outerjoin(Channel, Channel.id == table.c.channel_id).order_by(table.c.id)
    if args.show is not None:
        query = query.where(table.c.id == args.show)
    elif not args.all:
        query = query.where(table.c.dismissed_at.is_(None))
    with db.read() as conn:
        rows = conn.execute(query).all()
    if args.show is not None and not rows:
        raise CommandError(f"there is no set-aside item {args.show}")
    data = [
        {"id": r.id, "channel": r.channel, "source": r.source, "external_id": r.external_id, "reason": r.reason,
         "created_at": to_iso(r.created_at), "dismissed": r.dismissed_at is not None,
         **({"payload": r.payload} if args.show is not None else {"payload_chars": len(r.payload)})}
        for r in rows
    ]
    if args.show is not None:
        human = f"{data[0]['reason']}\n\n{data[0]['payload']}"
    else:
        human = "\n".join(f"{d['id']:>5}  {d['channel'] or '-':<20} {d['reason']}" for d in data) or "nothing set aside"
    _out(args, data, human)
    return 0


def cmd_case_reply(args) -> int:
    db = _open(args)
    text = args.text_opt if args.text_opt is not None else args.text
    if text == "-":
        text = sys.stdin.read()
    change = perform(db, "queue_reply", resolve_actor(db, args.user), origin="cli", case_id=args.id, text=text)
    _out(args, change.as_dict(), f"reply {change.info['reply']} queued on {change.info['channel']!r}; "
         "it is sent by the running app or 'newsroom collect'")
    return 0


def cmd_retry_reply(args) -> int:
    db = _open(args)
    perform(db, "retry_reply", resolve_actor(db, args.user), origin="cli", reply_id=args.reply_id)
    _out(args, {"reply": args.reply_id, "state": "queued"}, f"reply {args.reply_id} queued again")
    return 0


def cmd_collect(args) -> int:
    from newsroom.connectors.runner import Collector, load_channels

    db = _open(args)
    secrets = None
    if args.demo:
        from newsroom.demo.platforms import DemoPlatforms

        demo = DemoPlatforms(db).start(scenario_rate=0.0 if args.once else 0.2)
        args.cleanup = demo.stop
        secrets = demo.secrets  # the fakes' throwaway tokens, never the OS keyring
        if args.once:  # something to collect: a few citizens write first
            for _ in range(5):
                demo.post_one()
    names = args.channel
    channels = load_channels(db, names=names)
    if names and len(channels) != len(set(names)):
        missing = sorted(set(names) - {c.name for c in channels})
        raise CommandError(f"no enabled, connected channel called {', '.join(map(repr, missing))}; see 'newsroom channel list'")
    if not channels:
        raise CommandError("no channels connected; add one with 'newsroom channel add'")

    def progress(change) -> None:
        if change.action == "collect_page" and change.info.get("imported") and not args.json:
            print(f"{change.info['imported']} new message(s)", flush=True)

    async def run() -> dict:
        async with Collector(db, secrets=secrets, on_change=progress, origin="collect") as collector:
            if args.once:
                results = await collector.once(names=names)
                return {name: {"imported": r.imported, "duplicates": r.duplicates, "set_aside": r.set_aside} for name, r in results.items()}
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                try:
                    loop.add_signal_handler(sig, stop.set)
                except (NotImplementedError, RuntimeError):
                    pass
            await asyncio.gather(collector.run(stop, names=names), _keep_watch(db, stop))
            return {}

    try:
        results = asyncio.run(run())
    finally:
        if getattr(args, "cleanup", None):
            args.cleanup()
    rows = {r["name"]: r for r in _channel_rows(db)}
    data = {name: {**results.get(name, {}), "health": rows[name]["health"], "reason": rows[name]["reason"]} for name in rows if not names or name in names}
    human = "\n".join(
        f"{name}: {d.get('imported', 0)} new, {d.get('duplicates', 0)} known, {d.get('set_aside', 0)} set aside; {d['health']}"
        + (f" ({d['reason']})" if d["reason"] else "")
        for name, d in data.items()
    )
    _out(args, data, human)
    return 0


async def _keep_watch(db, stop: asyncio.Event, every: float = 30.0) -> None:
    """What the desktop does besides collecting, for a headless `newsroom collect`: every
    `every` seconds record the response-target alerts time has passed and scan
    the new messages for incidents. One task, so the scanner is never used by
    two threads at once; a failure is logged and the next round tries again."""
    import logging

    from newsroom.actions.incidents import IncidentScanner

    log = logging.getLogger("newsroom.collect")
    scanner = None
    while not stop.is_set():
        try:
            await asyncio.to_thread(perform, db, "record_alerts", SYSTEM, origin="collect")
            if scanner is None:
                scanner = await asyncio.to_thread(IncidentScanner, db, origin="collect")
            else:
                await asyncio.to_thread(scanner.feed)
        except Exception:
            log.exception("alerts or incident scan failed; trying again in %s s", every)
        try:
            await asyncio.wait_for(stop.wait(), every)
        except TimeoutError:
            pass


def cmd_demo_storm(args) -> int:
    """A storm in the demo: the reports are ingested, then the incident scan proposes one incident."""
    from newsroom.actions.incidents import list_incidents, scan_incidents
    from newsroom.demo.storm import storm_items
    from newsroom.inbound import parse_item
    from newsroom.timeutil import utcnow

    if not args.demo:
        raise CommandError("'demo storm' only writes into the demo data; add --demo")
    if args.count is not None and args.count < 1:
        raise CommandError("--count must be 1 or more")
    db = _open(args)
    items = [parse_item(obj) for obj in storm_items(utcnow(), limit=args.count)]
    change = perform(db, "ingest", SYSTEM, origin="demo", items=items)
    scan_incidents(db, origin="demo")
    incidents = sorted((i for i in list_incidents(db, status="proposed") if "Van Gogh" in (i.get("title") or "")),
                       key=lambda i: -i["reporters"])
    data = {"imported": change.info["imported"], "incidents": incidents}
    human = f"{change.info['imported']} citizens reported a fallen tree"
    if incidents:
        top = incidents[0]
        human += f"; incident {top['id']} is proposed with {top['reporters']} reporters (newsroom incident show {top['id']}, or Ctrl+I in the app)"
    _out(args, json.loads(json.dumps(data, default=str)), human)
    return 0


def cmd_demo_serve(args) -> int:
    from newsroom.demo.platforms import serve_forever

    return serve_forever(platforms=args.platform, port=args.port, rate=args.rate, json_output=args.json)


__all__ = ["SYSTEM", "add_case_reply", "add_demo_serve", "add_parsers"]
