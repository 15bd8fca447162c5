"""Dutch texts of the core's reasons, one module per area of the core.

Each module here defines ``TEMPLATES`` (the core's English template -> its
Dutch source string, marked with ``N_``) and ``ENGLISH`` (each Dutch source
string of that area's desktop code -> its English translation, merged into
resources/translations/newsroom_en.ts by ``python -m ui.texts``).
"""
from __future__ import annotations

import importlib
import pkgutil


def _modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        yield importlib.import_module(f"{__name__}.{info.name}")


def templates() -> dict[str, str]:
    merged: dict[str, str] = {}
    for module in _modules():
        merged.update(getattr(module, "TEMPLATES", {}))
    return merged


def english() -> dict[str, str]:
    """Dutch source string -> English: a core reason's English is its own template."""
    merged: dict[str, str] = {}
    for module in _modules():
        merged.update({dutch: template for template, dutch in getattr(module, "TEMPLATES", {}).items()})
        merged.update(getattr(module, "ENGLISH", {}))
    return merged


def merge_into_ts() -> list[str]:
    """Write every ENGLISH translation into the .ts (adding missing sources first); returns what is still untranslated."""
    import xml.etree.ElementTree as ET

    from ui.i18n import CONTEXT, add_missing, ts_path

    ts = ts_path("en")
    add_missing(ts)
    known = english()
    tree = ET.parse(ts)
    untranslated = []
    for context in tree.getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source in known and (translation.text or "") != known[source]:
                translation.text = known[source]
                translation.attrib.pop("type", None)
            if not translation.text:
                untranslated.append(source)
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return untranslated

