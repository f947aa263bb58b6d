"""A screen reader's view (issue 13): an AT-SPI walk, the library Orca uses, of the real app.

The app runs under Xvfb on a private D-Bus session with Qt's accessibility bridge on; Debian's
python3-pyatspi (the system Python) walks every window room by room: the main window, the
glossary and My questions panels, presenter mode and play mode (keys sent with xdotool, as a
person would press them). Every interactive control that shows must have a name.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOMS = ("main", "glossary", "notebook", "presenter", "play", "play-build", "play-find")


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb", "xdotool", "dbus-run-session") if not shutil.which(tool)]
    if not any(Path(p).exists() for p in ("/usr/libexec/at-spi-bus-launcher",
                                          "/usr/lib/at-spi2-core/at-spi-bus-launcher")):
        missing.append("at-spi2-core")
    if not Path("/usr/bin/python3").exists() or subprocess.run(
            ["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True).returncode:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture(scope="module")
def walks(tmp_path_factory):
    missing = _missing()
    if missing:
        if os.environ.get("CI"):  # .ci/run installs them: missing there is a failure
            pytest.fail(f"CI lacks {', '.join(missing)}")
        pytest.skip(f"needs Debian's {', '.join(missing)} (apt install xvfb xdotool dbus "
                    "at-spi2-core python3-pyatspi)")
    out = tmp_path_factory.mktemp("a11y")
    env = {key: value for key, value in os.environ.items()
           if key not in ("QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY")}
    subprocess.run(["dbus-run-session", "--", "bash", str(HERE / "a11y" / "rooms.sh"), str(out),
                    sys.executable], env=env, capture_output=True, timeout=240, check=False)
    found = {}
    for room in ROOMS:
        path = out / f"{room}.json"
        found[room] = json.loads(path.read_text()) if path.exists() else None
    return found, out


@pytest.mark.parametrize("room", ROOMS)
def test_accessibility_walk_finds_no_unnamed_control(walks, room):
    found, out = walks
    walk = found[room]
    log = (out / "app.log").read_text() if (out / "app.log").exists() else ""
    assert walk is not None, f"the walk of {room} did not run; the app said:\n{log[-2000:]}"
    assert "error" not in walk, walk
    assert walk["found_expected"], f"{room} never showed"
    assert walk["controls"], f"{room}: no controls seen"
    assert walk["unnamed"] == [], f"{room}: unnamed controls {walk['unnamed']}"


def test_accessibility_walk_hears_the_caption_and_the_stage(walks):
    found, _out = walks
    controls = found["main"]["controls"]
    slider = next(c for c in controls if c["role"] == "slider")
    assert slider["name"] == "Stage" and slider["description"].startswith("Stage 1 of ")
    caption = next(c for c in controls if c["description"].startswith("Caption of stage"))
    assert caption["name"].startswith("This is a T cell")  # the words, not "Diagram caption"
    names = {c["name"] for c in controls}
    assert {"Read aloud", "Restart", "Next", "Speed 1 times"} <= names


def _seen(walk: dict) -> list[tuple[str, str]]:
    return [(c["role"], c["name"]) for c in [*walk["controls"], *walk.get("named", [])]]


def test_accessibility_walk_names_each_play_part_cell_and_flag(walks):
    found, _out = walks
    build = _seen(found["play-build"])
    assert ("canvas", "Build a super cell: the play area") in build
    assert ("image", "Guard cell (T cell)") in build
    for part in ("Push part", "Bendy stalk", "Flag finder tip"):
        assert build.count(("push button", f"{part}, in the parts box")) == 2, part
    assert build.count(("image", "Poorly cell with flags")) == 2
    assert ("image", "Blood cell with no flag") in build
    assert any(role == "image" and name.startswith("B cell with flags") for role, name in build)
    assert build.count(("image", "CD19 flag")) >= 10  # every flag on the visited cells
    find = _seen(found["play-find"])
    assert ("canvas", "Find the flags: the play area") in find
    cells = [name for role, name in find if role == "push button" and "cell" in name]
    assert len(cells) == 10
    assert {"Poorly cell with flags", "Blood cell with no flag"} <= set(cells)
    assert any(name.startswith("B cell with flags") for name in cells)
    assert find.count(("image", "CD19 flag")) >= 10


def test_accessibility_walk_finds_the_grown_ups_reduce_motion_button_in_play_mode(walks):
    found, _out = walks
    names = {name for _role, name in _seen(found["play"])}
    assert "Grown-ups: hold to keep pictures still" in names
    assert "Grown-ups: hold to leave" in names
