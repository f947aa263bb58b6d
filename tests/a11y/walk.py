"""Walk the running app's accessibility tree with AT-SPI (what the Orca screen reader uses).

Run by the system Python (Debian's python3-pyatspi), while the app runs on the same private
D-Bus session: ``python3 walk.py APP_NAME``. Prints one JSON object: every interactive control
that is showing, with its role and name, and the unnamed ones.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi

INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "slider",
    "spin button", "text", "entry", "password text", "page tab", "list", "list item",
    "tree", "table", "menu item", "check menu item", "radio menu item", "link",
    "document text", "document web", "document frame", "scroll bar",
}


def find_app(name: str, seconds: float = 20.0):
    """The application called ``name`` on the accessibility bus (waits for it to appear)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        time.sleep(0.3)
    raise SystemExit(json.dumps({"error": f"no application called {name!r} on the bus"}))


def on_screen(node, window) -> bool:
    """Whether ``node`` lies at least partly inside ``window`` (Qt parks an unused dock tab bar,
    empty, outside the window: nothing a person can reach)."""
    try:
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        frame = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except Exception:
        return True
    return (box.x + box.width > frame.x and box.y + box.height > frame.y
            and box.x < frame.x + frame.width and box.y < frame.y + frame.height)


def walk(node, path, out, depth=0, window=None, named=None):
    """Every showing node under ``node``: interactive ones in ``out``, other named ones in
    ``named``."""
    if depth > 60:
        return
    try:
        states = node.getState()
        role = node.getRoleName()
        name = node.name or ""
        count = node.childCount
    except Exception:  # a node that went away while walked
        return
    showing = states.contains(pyatspi.STATE_SHOWING)
    if not showing and depth > 1:
        return
    window = window if window is not None else node
    if depth > 0 and not on_screen(node, window):
        return
    here = f"{path}/{role}"
    focusable = states.contains(pyatspi.STATE_FOCUSABLE)
    if role in INTERACTIVE or focusable:
        out.append({"role": role, "name": name, "path": here,
                    "description": node.description or ""})
    elif name and named is not None:  # pictures and labels a screen reader can read
        named.append({"role": role, "name": name, "path": here})
    for index in range(min(count, 500)):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            walk(child, here, out, depth + 1, window, named)


def snapshot(app, named: list | None = None) -> list[dict]:
    """Every showing interactive control of every window of ``app`` (and, into ``named``,
    every other showing node that has a name)."""
    controls: list[dict] = []
    for index in range(app.childCount):
        window = app.getChildAtIndex(index)
        if window is not None:
            walk(window, window.name or "window", controls, named=named)
    return controls


def main() -> None:
    """``walk.py APP [NAME]``: walk ``APP``, waiting (up to 20 s) until a control called NAME
    shows, when one is given."""
    app = find_app(sys.argv[1])
    expected = sys.argv[2] if len(sys.argv) > 2 else None
    end = time.monotonic() + 20
    controls = snapshot(app)
    while expected and not any(expected == c["name"] for c in controls) \
            and time.monotonic() < end:
        time.sleep(0.3)
        controls = snapshot(app)
    unnamed = [c for c in controls if not c["name"].strip()]
    named: list[dict] = []
    snapshot(app, named)
    print(json.dumps({"controls": controls, "unnamed": unnamed, "named": named,
                      "found_expected": not expected
                      or any(expected == c["name"] for c in controls)}))


if __name__ == "__main__":
    main()
