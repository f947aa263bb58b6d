"""Start-up seen from outside, as the issue asks: spawn ``python main.py`` and a bare
QMainWindow in turn under Xvfb, and stop the clock when the X server sees the first pixels
drawn into a window at least 400x300 (DAMAGE extension). Interpreter start is included on
both sides, as a person starting the app waits for it too. A third process, interleaved with
them, is the reference ``benchmarks/plain_window.py``: a plain PySide6 window showing the same
first screen, none of the app's code.

    python benchmarks/black_box.py [--runs 7]

Needs Xvfb and python-xlib (``pip install -e ".[bench]"``); without them it says so.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.startup import fresh_env  # noqa: E402

BARE = ("from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication([])\nwindow = QMainWindow()\nwindow.resize(1200, 800)\n"
        "window.show()\napp.exec()\n")
TIMEOUT_S = 20


def _first_pixels_ms(kind: str, env: dict[str, str], display) -> float:
    """Milliseconds from spawning ``kind`` to the first damage of its main window."""
    from Xlib import X
    from Xlib.ext import damage

    root = display.screen().root
    root.change_attributes(event_mask=X.SubstructureNotifyMask)
    display.sync()
    while display.pending_events():
        display.next_event()
    command = {"app": [sys.executable, "main.py"], "bare": [sys.executable, "-c", BARE],
               "plain": [sys.executable, str(ROOT / "benchmarks" / "plain_window.py")]}[kind]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        while (left := TIMEOUT_S - (time.perf_counter() - started)) > 0:
            if not display.pending_events() and not select.select([display], [], [], left)[0]:
                break  # nothing from the server before the time ran out
            event = display.next_event()
            if event.type == X.CreateNotify:
                event.window.damage_create(damage.DamageReportNonEmpty)
                display.flush()
            elif type(event).__name__ == "DamageNotify":  # the extension's own event class
                size = event.drawable_geometry
                if size.width >= 400 and size.height >= 300:
                    return (time.perf_counter() - started) * 1000
        raise RuntimeError(f"{kind}: no window drawn within {TIMEOUT_S} s")
    finally:
        process.kill()
        process.wait()
        root.change_attributes(event_mask=0)
        display.sync()


def measure(runs: int) -> dict[str, float] | None:
    """Medians of interleaved app, bare and plain-window runs under a private Xvfb; None
    without the tools."""
    try:
        from Xlib import display as xdisplay
    except ImportError:
        return None
    if shutil.which("Xvfb") is None:
        return None
    # Xvfb picks a free display number and writes it to the pipe once it accepts connections
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                               "1920x1080x24", "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    home, env = fresh_env("allexplainer-blackbox-", "xcb")
    env["DISPLAY"] = f":{number}"
    try:
        if not number:  # the server could not start
            return None
        display = xdisplay.Display(f":{number}")
        display.damage_query_version()
        times: dict[str, list[float]] = {"bare": [], "plain": [], "app": []}
        for kind in times:  # warm the disk cache for every side
            _first_pixels_ms(kind, env, display)
        for _ in range(runs):
            for kind, runs_of_kind in times.items():
                runs_of_kind.append(_first_pixels_ms(kind, env, display))
        display.close()
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(home, ignore_errors=True)
    app_ms, bare_ms, plain_ms = (statistics.median(times[kind])
                                 for kind in ("app", "bare", "plain"))
    return {"app_ms": round(app_ms, 1), "bare_ms": round(bare_ms, 1),
            "ratio": round(app_ms / bare_ms, 2), "plain_ms": round(plain_ms, 1),
            "plain_ratio": round(plain_ms / bare_ms, 2),
            "app_over_plain": round(app_ms / plain_ms, 2)}


def main(argv: list[str] | None = None) -> int:
    """Print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    figures = measure(args.runs)
    if figures is None:
        print("black-box start-up needs Xvfb and python-xlib (pip install -e \".[bench]\")")
        return 1
    print(f"first pixels on an X server, median of {args.runs} interleaved runs")
    print(f"  app     {figures['app_ms']:8.1f} ms   (python main.py)")
    print(f"  bare    {figures['bare_ms']:8.1f} ms   (a bare QMainWindow)")
    print(f"  ratio   {figures['ratio']:8.2f}      (goal <= 1.5)")
    print(f"  plain   {figures['plain_ms']:8.1f} ms   (benchmarks/plain_window.py, the same first "
          f"screen in plain PySide6: {figures['plain_ratio']:.2f}x bare; the app is "
          f"{figures['app_over_plain']:.2f}x it)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
