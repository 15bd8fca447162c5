"""`newsroom rules …`: routing rules from the command line; and the handlers for a department's
assignment policy and a person's availability (their parsers live in main.py)."""
from __future__ import annotations

import json
from pathlib import Path

from newsroom.actions import perform, resolve_actor
from newsroom.cli.commands import CommandError, _open, _out

MAX_RULE_FILE_BYTES = 1_000_000


def add_parsers(sub, common, parser_class) -> None:
    """Register `newsroom rules` and its subcommands on the top-level `sub`."""
    rules = sub.add_parser("rules", parents=[common], help="routing rules: which department, priority and tags a new case gets")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", parser_class=parser_class, required=True)

    p = rsub.add_parser("list", parents=[common], help="the rules in the order they run")
    p.set_defaults(handler=cmd_rules_list)
    p = rsub.add_parser("show", parents=[common], help="one rule with its definition and errors")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_rules_show)
    p = rsub.add_parser("add", parents=[common], help="save a new rule (see docs/ROUTING.md for the definition)")
    p.add_argument("--name", required=True)
    _definition_source(p, required=True)
    p.add_argument("--position", type=int, help="1 runs first (default: last)")
    p.add_argument("--disabled", action="store_true", help="save it switched off")
    p.set_defaults(handler=cmd_rules_add)
    p = rsub.add_parser("update", parents=[common], help="change a rule's name and/or definition")
    p.add_argument("id", type=int)
    p.add_argument("--name")
    _definition_source(p, required=False)
    p.set_defaults(handler=cmd_rules_update)
    p = rsub.add_parser("remove", parents=[common], help="delete a rule")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_rules_remove)
    p = rsub.add_parser("move", parents=[common], help="put a rule at another place in the order")
    p.add_argument("id", type=int)
    p.add_argument("--position", type=int, required=True, help="1 runs first")
    p.set_defaults(handler=cmd_rules_move)
    for name, help_text in (("enable", "switch a rule on"), ("disable", "switch a rule off (it keeps its place)")):
        p = rsub.add_parser(name, parents=[common], help=help_text)
        p.add_argument("id", type=int)
        p.set_defaults(handler=cmd_rules_enable, enabled=name == "enable")
    p = rsub.add_parser("preview", parents=[common], help="which recent messages a rule would catch (nothing is saved)")
    p.add_argument("id", type=int, nargs="?", help="a saved rule (or give --file / --json-definition)")
    _definition_source(p, required=False)
    p.add_argument("--limit", type=int, default=1000, help="how many of the newest messages to look at (default 1000)")
    p.set_defaults(handler=cmd_rules_preview)
    p = rsub.add_parser("test", parents=[common], help="where each message of a JSONL file would go under the saved rules")
    p.add_argument("file", help="JSONL file of inbound messages (the import format), or - for standard input")
    p.set_defaults(handler=cmd_rules_test)


def _definition_source(parser, *, required: bool) -> None:
    group = parser.add_mutually_exclusive_group(required=required)
    group.add_argument("--file", metavar="RULE.json", help="the rule's definition as a JSON file ('-': standard input)")
    group.add_argument("--json-definition", metavar="JSON", help="the rule's definition as JSON text")


def _read_definition(args):
    """The definition from --file or --json-definition, or None when neither was given."""
    if getattr(args, "json_definition", None) is not None:
        text, source = args.json_definition, "--json-definition"
    elif getattr(args, "file", None) is not None:
        import sys

        source = args.file
        if args.file == "-":
            text = sys.stdin.read(MAX_RULE_FILE_BYTES + 1)
        else:
            path = Path(args.file)
            try:
                with open(path, "rb") as handle:
                    data = handle.read(MAX_RULE_FILE_BYTES + 1)
            except OSError as error:
                raise CommandError(f"cannot read {path}: {error.strerror}") from None
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise CommandError(f"{path} is not UTF-8 text") from None
        if len(text) > MAX_RULE_FILE_BYTES:
            raise CommandError(f"{source} is larger than {MAX_RULE_FILE_BYTES} bytes; a rule is much smaller")
    else:
        return None
    try:
        definition = json.loads(text)
    except ValueError as error:
        raise CommandError(f"{source} is not valid JSON: {error}") from None
    if not isinstance(definition, dict):
        raise CommandError(f"{source} must hold one JSON object with 'when' and 'then' (see docs/ROUTING.md)")
    return definition


def _rule_line(rule: dict) -> str:
    state = "on " if rule["enabled"] else "off"
    trouble = ""
    if rule["problem"]:
        trouble = f"  PROBLEM: {rule['problem']}"
    elif rule["error_count"]:
        trouble = f"  {rule['error_count']} error(s), last: {rule['last_error']}"
    when = ", ".join(rule["definition"]["when"]) if isinstance(rule["definition"], dict) and rule["definition"].get("when") else "every message"
    then = json.dumps(rule["definition"].get("then"), ensure_ascii=False) if isinstance(rule["definition"], dict) else "?"
    return f"{rule['position']:>3}. [{rule['id']}] {state} {rule['name']}: when {when} -> {then}{trouble}"


def cmd_rules_list(args) -> int:
    from newsroom.actions.routing import list_rules

    data = list_rules(_open(args))
    _out(args, data, "\n".join(_rule_line(r) for r in data) or "no routing rules; every new case goes to the newsroom's own queue")
    return 0


def cmd_rules_show(args) -> int:
    from newsroom.actions.routing import get_rule

    rule = get_rule(_open(args), args.id)
    human = _rule_line(rule) + "\n" + json.dumps(rule["definition"], ensure_ascii=False, indent=2)
    _out(args, rule, human)
    return 0


def cmd_rules_add(args) -> int:
    import newsroom.actions.routing  # noqa: F401  (registers the actions)

    db = _open(args)
    definition = _read_definition(args)
    change = perform(db, "add_rule", resolve_actor(db, args.user), origin="cli", name=args.name, definition=definition,
                     position=args.position, enabled=not args.disabled)
    _out(args, change.as_dict(), f"rule {change.object_id} saved at position {change.info['position']}")
    return 0


def cmd_rules_update(args) -> int:
    import newsroom.actions.routing  # noqa: F401

    db = _open(args)
    definition = _read_definition(args)
    if args.name is None and definition is None:
        raise CommandError("give --name, --file or --json-definition")
    change = perform(db, "update_rule", resolve_actor(db, args.user), origin="cli", rule_id=args.id, name=args.name,
                     definition=definition)
    _out(args, change.as_dict(), f"rule {args.id} {'changed' if change.changed else 'unchanged'}")
    return 0


def cmd_rules_remove(args) -> int:
    import newsroom.actions.routing  # noqa: F401

    db = _open(args)
    change = perform(db, "remove_rule", resolve_actor(db, args.user), origin="cli", rule_id=args.id)
    _out(args, change.as_dict(), f"rule {args.id} removed")
    return 0


def cmd_rules_move(args) -> int:
    import newsroom.actions.routing  # noqa: F401

    db = _open(args)
    change = perform(db, "move_rule", resolve_actor(db, args.user), origin="cli", rule_id=args.id, position=args.position)
    where = change.fields.get("position", [None, None])[1]
    _out(args, change.as_dict(), f"rule {args.id} moved to position {where}" if where else f"rule {args.id} stays where it is")
    return 0


def cmd_rules_enable(args) -> int:
    import newsroom.actions.routing  # noqa: F401

    db = _open(args)
    change = perform(db, "set_rule_enabled", resolve_actor(db, args.user), origin="cli", rule_id=args.id, enabled=args.enabled)
    _out(args, change.as_dict(), f"rule {args.id} {'on' if args.enabled else 'off'}")
    return 0


def cmd_rules_preview(args) -> int:
    from newsroom.actions.routing import get_rule, preview_rule

    db = _open(args)
    definition = _read_definition(args)
    if (definition is None) == (args.id is None):
        raise CommandError("preview a saved rule (its number) or a definition (--file / --json-definition), one of the two")
    if definition is None:
        definition = get_rule(db, args.id)["definition"]
    result = preview_rule(db, definition, limit=args.limit)
    lines = [f"{result['matched']} of the last {result['scanned']} messages would be caught; it sets {json.dumps(result['sets'], ensure_ascii=False)}"]
    lines += [f"  message {m['message_id']} (case {m['case_id']}, {m['received_at']}, {m['platform']}, {m['author']}): {m['snippet']}"
              for m in result["matches"]]
    lines += [f"  error on message {e['message_id']}: {e['error']}" for e in result["errors"]]
    _out(args, result, "\n".join(lines))
    return 0


def cmd_rules_test(args) -> int:
    import sys

    from newsroom.actions.routing import test_rules
    from newsroom.inbound import InvalidItem, loads, parse_item

    db = _open(args)
    if args.file == "-":
        raw_lines = sys.stdin.buffer.read().splitlines()
    else:
        try:
            with open(args.file, "rb") as handle:
                raw_lines = handle.read().splitlines()
        except OSError as error:
            raise CommandError(f"cannot read {args.file}: {error.strerror}") from None
    items = []
    numbers = []
    for number, line in enumerate(raw_lines, 1):
        if not line.strip():
            continue
        try:
            items.append(parse_item(loads(line)))
        except ValueError as error:  # InvalidItem, or a line that is not JSON
            reason = error.reason if isinstance(error, InvalidItem) else f"not JSON ({error})"
            raise CommandError(f"{args.file} line {number}: {reason}; nothing was tested") from None
        numbers.append(number)
    results = test_rules(db, items)
    for number, result in zip(numbers, results):
        result["line"] = number
    human = "\n".join(
        f"line {r['line']}: " + (f"{r['department']}" if r["department"] else "newsroom queue")
        + f", {r['priority']}" + (f", tags {', '.join(r['tags'])}" if r["tags"] else "")
        + (f", to {r['assignee']}" if r["assignee"] else "")
        + (f" (rule {r['rule_id']}: {r['rule']})" if r["rule_id"] is not None else " (no rule)")
        + "".join(f"\n  rule {e['rule_id']} failed: {e['error']}" for e in r["errors"])
        for r in results
    )
    _out(args, results, human or "the file has no messages")
    return 0


# -- department policy and availability (parsers in main.py) ----------------------


def cmd_department_policy(args) -> int:
    """`newsroom department policy NAME POLICY`: args.name, args.policy (manual | round_robin | least_loaded)."""
    import newsroom.actions.routing  # noqa: F401

    db = _open(args)
    change = perform(db, "set_assignment_policy", resolve_actor(db, args.user), origin="cli", department=args.name, policy=args.policy)
    _out(args, change.as_dict(), f"{args.name}: new cases are assigned {args.policy.replace('_', ' ')}")
    return 0


def cmd_user_availability(args) -> int:
    """`newsroom user availability NAME [--absent | --present] [--capacity N | --no-capacity]`.

    args.name; args.absent True / False / None; args.capacity int or None; args.no_capacity (optional, default False).
    """
    import newsroom.actions.routing  # noqa: F401

    db = _open(args)
    no_capacity = bool(getattr(args, "no_capacity", False))
    change = perform(db, "set_availability", resolve_actor(db, args.user), origin="cli", user=args.name, absent=args.absent,
                     capacity=args.capacity, no_capacity=no_capacity)
    parts = []
    if args.absent is not None:
        parts.append("absent" if args.absent else "present")
    if args.capacity is not None:
        parts.append(f"at most {args.capacity} open cases")
    if no_capacity:
        parts.append("no cap on open cases")
    _out(args, change.as_dict(), f"{args.name}: {', '.join(parts)}")
    return 0
