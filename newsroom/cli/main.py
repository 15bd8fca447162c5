"""`newsroom`: the desktop app by default, and every core capability as a subcommand.

Every subcommand accepts --json. Errors go to stderr with exit code 1 (2 for
a command line that cannot be understood) and a message a person can act on.
"""
from __future__ import annotations

import argparse
import os
import sys

from newsroom import __version__
from newsroom.cli import channels as channel_commands
from newsroom.cli import commands
from newsroom.cli import incidents as incident_commands
from newsroom.cli import rules as rule_commands
from newsroom.cli import targets as target_commands
from newsroom.cli import templates as template_commands


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own wording, our exit code and prefix
        self.print_usage(sys.stderr)
        print(f"newsroom: {message}", file=sys.stderr)
        sys.exit(2)


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    common.add_argument(
        "--as", dest="user", metavar="USER", default=argparse.SUPPRESS,
        help="act as this user (default: $NEWSROOM_USER)",
    )
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="data folder (default: $NEWSROOM_DATA or the platform's)")
    common.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="use the separate demo data")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(
        prog="newsroom",
        description="Newsroom: one inbox for every channel of the municipality. Without a command, opens the desktop app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"newsroom {__version__}")
    parser.add_argument("--reset", action="store_true", help="with --demo: start the demo afresh")
    parser.add_argument("--language", choices=["nl", "en"], help="desktop language (default: the saved setting, Dutch)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("import", parents=[common], help="import a JSONL file of inbound messages ('-' for stdin)")
    p.add_argument("file", help="JSONL file, or - for standard input")
    p.add_argument("--rejects", metavar="FILE", help="where to write rejected lines (default: in the data folder)")
    p.set_defaults(handler=commands.cmd_import)

    p = sub.add_parser("export", parents=[common], help="export every case with its messages, notes and history")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per case (the only format, and the default)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(handler=commands.cmd_export)

    p = sub.add_parser("inbox", parents=[common], help="list cases")
    p.add_argument("--status", help="status, or several separated by commas")
    p.add_argument("--department")
    p.add_argument("--assignee", help="user name")
    p.add_argument("--mine", action="store_true", help="cases assigned to --as USER")
    p.add_argument("--unassigned", action="store_true")
    p.add_argument("--unrouted", action="store_true", help="the newsroom's own queue: cases no routing rule gave a department")
    p.add_argument("--channel", help="channel account, e.g. @gemeente@social.overheid.nl")
    p.add_argument("--tag")
    p.add_argument("--priority", choices=["low", "normal", "high", "urgent"])
    p.add_argument("--search", metavar="Q", help='words, "a phrase", prefix*, -exclude')
    p.add_argument("--at-risk", action="store_true", help="open cases past 75%% of a response target now, soonest due first")
    p.add_argument("--order", choices=["due", "newest", "relevance"], default=None)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--after", metavar="CURSOR", help="the 'next' value of the previous page")
    p.set_defaults(handler=commands.cmd_inbox)

    case = sub.add_parser("case", parents=[common], help="show or work on one case")
    csub = case.add_subparsers(dest="case_command", metavar="ACTION", parser_class=_Parser, required=True)
    p = csub.add_parser("show", parents=[common], help="the case with its whole thread")
    p.add_argument("id", type=int)
    p.set_defaults(handler=commands.cmd_case_show)
    for name, help_text in (("claim", "take the case"), ("release", "give the case back to its queue")):
        p = csub.add_parser(name, parents=[common], help=help_text)
        p.add_argument("id", type=int)
        p.set_defaults(handler=commands.cmd_case_action, action=name)
    p = csub.add_parser("route", parents=[common], help="send the case to a department")
    p.add_argument("id", type=int)
    p.add_argument("department")
    p.set_defaults(handler=commands.cmd_case_action, action="route")
    p = csub.add_parser("assign", parents=[common], help="give the case to a colleague")
    p.add_argument("id", type=int)
    p.add_argument("assignee", metavar="USER")
    p.set_defaults(handler=commands.cmd_case_action, action="assign")
    for name in ("tag", "untag"):
        p = csub.add_parser(name, parents=[common], help=f"{name} the case")
        p.add_argument("id", type=int)
        p.add_argument("tag")
        p.set_defaults(handler=commands.cmd_case_action, action=name)
    p = csub.add_parser("note", parents=[common], help="add an internal note")
    p.add_argument("id", type=int)
    p.add_argument("text", nargs="?", help="the note (or --text)")
    p.add_argument("--text", dest="text_opt")
    p.set_defaults(handler=commands.cmd_case_action, action="note")
    p = csub.add_parser("status", parents=[common], help="set the status")
    p.add_argument("id", type=int)
    p.add_argument("status", choices=["open", "waiting_on_citizen", "handed_off", "resolved", "closed"])
    p.set_defaults(handler=commands.cmd_case_action, action="set_status")
    p = csub.add_parser("priority", parents=[common], help="set the priority")
    p.add_argument("id", type=int)
    p.add_argument("priority", choices=["low", "normal", "high", "urgent"])
    p.set_defaults(handler=commands.cmd_case_action, action="set_priority")
    p = csub.add_parser("draft", parents=[common], help="write your draft reply (nothing is sent)")
    p.add_argument("id", type=int)
    p.add_argument("text", nargs="?")
    p.add_argument("--text", dest="text_opt")
    p.set_defaults(handler=commands.cmd_case_action, action="draft_reply")
    p = csub.add_parser("merge", parents=[common], help="merge this case into another")
    p.add_argument("id", type=int)
    p.add_argument("--into", type=int, required=True, metavar="CASE")
    p.set_defaults(handler=commands.cmd_case_action, action="merge")
    p = csub.add_parser("split", parents=[common], help="move one message into a case of its own")
    p.add_argument("message_id", type=int, metavar="MESSAGE")
    p.set_defaults(handler=commands.cmd_case_action, action="split")
    channel_commands.add_case_reply(csub, common)

    dept = sub.add_parser("department", parents=[common], help="departments")
    dsub = dept.add_subparsers(dest="dept_command", metavar="ACTION", parser_class=_Parser, required=True)
    p = dsub.add_parser("add", parents=[common])
    p.add_argument("name")
    p.add_argument("--description", default="")
    p.set_defaults(handler=commands.cmd_department_add)
    p = dsub.add_parser("list", parents=[common])
    p.set_defaults(handler=commands.cmd_department_list)
    p = dsub.add_parser("policy", parents=[common], help="how new cases are given to the department's agents")
    p.add_argument("name")
    p.add_argument("policy", choices=["manual", "round_robin", "least_loaded"])
    p.set_defaults(handler=rule_commands.cmd_department_policy)

    user = sub.add_parser("user", parents=[common], help="people and their roles")
    usub = user.add_subparsers(dest="user_command", metavar="ACTION", parser_class=_Parser, required=True)
    p = usub.add_parser("add", parents=[common])
    p.add_argument("name", help="login name, e.g. sanne")
    p.add_argument("--role", required=True, choices=["operator", "contact_centre", "department_agent", "supervisor", "admin"])
    p.add_argument("--department")
    p.add_argument("--display-name")
    p.set_defaults(handler=commands.cmd_user_add)
    p = usub.add_parser("list", parents=[common])
    p.set_defaults(handler=commands.cmd_user_list)
    p = usub.add_parser("availability", parents=[common], help="absent/present and the most open cases a person gets")
    p.add_argument("name")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--absent", dest="absent", action="store_const", const=True, default=None)
    g.add_argument("--present", dest="absent", action="store_const", const=False)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--capacity", type=int, metavar="N")
    g.add_argument("--no-capacity", action="store_true")
    p.set_defaults(handler=rule_commands.cmd_user_availability)

    demo = sub.add_parser("demo", parents=[common], help="demo data")
    msub = demo.add_subparsers(dest="demo_command", metavar="ACTION", parser_class=_Parser, required=True)
    p = msub.add_parser("feed", parents=[common], help="ingest generated citizen messages")
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--rate", type=float, default=0.0, help="messages per second (0: as fast as possible)")
    p.add_argument("--seed", type=int, default=None)
    p.set_defaults(handler=commands.cmd_demo_feed)
    channel_commands.add_demo_serve(msub, common)
    channel_commands.add_parsers(sub, common, _Parser)
    rule_commands.add_parsers(sub, common, _Parser)
    template_commands.add_parsers(sub, common, _Parser)
    incident_commands.add_parsers(sub, common, _Parser)

    targets = sub.add_parser("targets", parents=[common], help="response targets and their calendars")
    tsub = targets.add_subparsers(dest="targets_command", metavar="ACTION", parser_class=_Parser, required=True)
    p = tsub.add_parser("due", parents=[common], help="when a target of N business minutes from START falls due")
    p.add_argument("--calendar", default="kantoortijden", help="kantoortijden (default), 24/7, or a calendar from 'targets import'")
    p.add_argument("--start", required=True, metavar="ISO", help="an ISO-8601 instant with its offset, e.g. 2026-10-23T16:30:00+02:00")
    p.add_argument("--minutes", required=True, type=float, metavar="N", help="business minutes")
    p.set_defaults(handler=commands.cmd_targets_due)
    target_commands.add_parsers(sub, common, _Parser, tsub, csub)

    p = sub.add_parser("bench", parents=[common], help="measure the speed figures (see docs/PERFORMANCE.md)")
    p.add_argument("--messages", type=int, default=100_000)
    p.add_argument("--ui", action="store_true", help="also measure the desktop window (offscreen)")
    p.add_argument("--connectors", action="store_true", help="also measure the connectors (10,000-message backlogs on the fakes)")
    p.add_argument("--connectors-only", action="store_true", help="measure only the connectors")
    p.add_argument("--workdir", help="where to build the benchmark databases (default: a temporary folder)")
    p.set_defaults(handler=commands.cmd_bench)
    return parser


def main(argv: list[str] | None = None, *, desktop=None, ui_bench=None) -> int:
    """Run `newsroom`; `desktop` and `ui_bench` come from the desktop package (ui.launcher)."""
    args = build_parser().parse_args(argv)
    args.desktop = desktop
    args.ui_bench = ui_bench
    for name, default in (("json", False), ("user", os.environ.get("NEWSROOM_USER")), ("data_dir", None), ("demo", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.command is None:
        return commands.cmd_desktop(args)
    return commands.run(args)


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
