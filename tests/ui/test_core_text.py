"""Reasons from the core reach the desktop in its language."""
import ast
from pathlib import Path

from newsroom.actions import ActionError
from ui.core_text import CORE_TEMPLATES, explain

CORE = Path(__file__).resolve().parents[2] / "newsroom"


def _core_templates() -> set[str]:
    """Every reason template the core can refuse an action with."""
    found = set()
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            position = {"ActionError": 0, "require_role": 2, "_require_person": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Name):
                continue  # a helper passing its caller's template on; the callers are checked
            assert isinstance(arg, ast.Constant), f"{path.name}:{node.lineno}: a reason must be a literal template, not built at run time"
            found.add(arg.value)
    return found


def test_every_core_reason_has_a_dutch_text():
    missing = _core_templates() - set(CORE_TEMPLATES)
    assert not missing, f"add these to ui/core_text.py: {sorted(missing)}"


def test_dutch_keeps_the_placeholders():
    import string

    for english, dutch in CORE_TEMPLATES.items():
        names = lambda text: sorted(f[1] for f in string.Formatter().parse(text) if f[1])
        assert names(english) == names(dutch), english


def test_a_refusal_reads_in_dutch_by_default(qapp):
    error = ActionError("There is no case {case_id}.", kind="not_found", case_id=42)
    assert explain(error) == "Er is geen zaak 42."
    assert error.message == "There is no case 42."
