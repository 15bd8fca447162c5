"""`newsroom --demo` as a separate process in a real X window, driven by the keyboard with xdotool."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from newsroom.casefile import case_detail
from newsroom.config import data_location, open_location
from newsroom.model import AuditEntry
from newsroom.search import fold

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TOOLS = ("Xvfb", "xdotool", "import")
SIZE = (1280, 800)


def _free_display() -> int:
    for number in range(90, 400):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xserver(tmp_path):
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"the end-to-end test needs {', '.join(missing)} (scripts/install-system-packages)", pytrace=False)
    number = _free_display()
    with (tmp_path / "xvfb.log").open("w") as errors:  # the child keeps its own copy of the descriptor
        server = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"Xvfb :{number} did not start: {(tmp_path / 'xvfb.log').read_text()}", pytrace=False)
        time.sleep(0.05)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _x(display: str, *args: str, timeout: float = 20) -> str:
    result = subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display), capture_output=True, text=True,
                            timeout=timeout, check=True)
    return result.stdout.strip()


def _window(display: str, name: str) -> str:
    """The id of the visible window whose title contains `name` (waits for it)."""
    return _x(display, "search", "--sync", "--onlyvisible", "--name", name).splitlines()[0]


def _keys(display: str, window: str, *keys: str) -> None:
    _x(display, "windowfocus", "--sync", window)
    _x(display, "key", "--delay", "60", *keys)


def _type(display: str, window: str, text: str) -> None:
    _x(display, "windowfocus", "--sync", window)
    _x(display, "type", "--delay", "40", text)


def _screenshot(display: str, path: Path) -> None:
    subprocess.run(["import", "-window", "root", str(path)], env=dict(os.environ, DISPLAY=display), check=True, timeout=20)


def _command() -> list[str]:
    # The installed `newsroom` command, exactly as a person starts it.
    return [str(Path(sys.executable).parent / "newsroom"), "--demo"]


def _wait_for(condition, timeout: float = 10.0, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()


def test_search_open_claim_and_route_in_a_real_window(xserver, tmp_path):
    display = xserver
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", NEWSROOM_DATA=os.environ["NEWSROOM_DATA"])
    with (tmp_path / "app.log").open("w") as log:
        app = subprocess.Popen(_command(), env=env, stdout=log, stderr=subprocess.STDOUT, cwd=Path(__file__).parents[2])
    try:
        main = _window(display, "Newsroom")
        time.sleep(0.5)  # the first paint and the demo's first seconds

        _keys(display, main, "ctrl+5")  # all cases
        _keys(display, main, "slash")
        # (not "container": the demo's routing rules give those to Afval's agents round robin, so they are claimed)
        _type(display, main, "lantaarnpaal")
        _keys(display, main, "Return")  # search, and go to the first result
        time.sleep(0.3)
        _keys(display, main, "Return")  # open it
        time.sleep(0.2)
        _keys(display, main, "c")  # claim
        time.sleep(0.3)
        _keys(display, main, "d")  # route: a dialog to choose the department
        dialog = _window(display, "naar een afdeling")
        _type(display, dialog, "Parkeren")
        _keys(display, dialog, "Return")

        location = data_location(None, demo=True)

        def routed():
            db = open_location(location)
            try:
                with db.read() as conn:
                    claims = conn.execute(
                        select(AuditEntry.case_id).where(AuditEntry.action == "route", AuditEntry.origin == "desktop",
                                                         AuditEntry.result == "ok")
                    ).scalars().all()
                    return claims and case_detail(conn, claims[-1])
            finally:
                db.close()

        case = _wait_for(routed)
        assert case, f"no case was routed; the app said:\n{(tmp_path / 'app.log').read_text()}"
        assert case["department"] == "Parkeren"
        # sanne claimed it, then routed it: a case routed to a department leaves an assignee who works elsewhere.
        assert case["assignee"] is None
        texts = " ".join(fold(f"{m['subject'] or ''} {m['text']} {m['author']}") for m in case["messages"])
        assert "lantaarnpaal" in texts
        actions = [(h["action"], h["actor"], h["result"]) for h in case["history"] if h["origin"] == "desktop"]
        assert actions == [("claim", "sanne", "ok"), ("route", "sanne", "ok")]
        claim = next(h for h in case["history"] if h["action"] == "claim")
        assert claim["detail"]["fields"]["assignee"] == [None, "sanne"]

        time.sleep(0.5)  # let the window show the routed case
        shot = tmp_path / "newsroom-demo.png"
        _screenshot(display, shot)
        _check_screenshot(shot)
        if os.environ.get("NEWSROOM_E2E_SHOTS"):
            shutil.copy(shot, Path(os.environ["NEWSROOM_E2E_SHOTS"]) / shot.name)

        _keys(display, main, "ctrl+q")
        assert app.wait(timeout=15) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


def _check_screenshot(path: Path) -> None:
    """A real picture of the screen: the right size, and not blank (many colours, the window on it)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), "the screenshot is not a readable image"
    assert (image.width(), image.height()) == SIZE
    colours = set()
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            colours.add(image.pixel(x, y))
    assert len(colours) > 20, f"the screenshot looks blank ({len(colours)} colours)"
    background = image.pixel(image.width() - 1, image.height() - 1)
    covered = sum(1 for y in range(0, 600, 20) for x in range(0, 1000, 20) if image.pixel(x, y) != background)
    assert covered > 0.3 * (600 // 20) * (1000 // 20), "the window does not cover the screen"
