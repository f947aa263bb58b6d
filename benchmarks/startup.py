"""Time to first paint: the app against a bare QMainWindow, interleaved, in fresh processes;
and time to the first painted diagram frame.

    python benchmarks/startup.py [--runs 7] [--json PATH]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import cli  # noqa: E402

# Each probe starts its clock before importing Qt and stops it at the window's first paint.
PROBE = """
import time
started = time.perf_counter()
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
if sys.argv[1] in ("app", "diagram"):
    from allexplainer.app import build_window, parse_args
    # the diagram probe opens on a topic with a diagram (car-t)
    window = build_window(parse_args([] if sys.argv[1] == "app" else ["--topic", "car-t"]))
else:
    window = QMainWindow()
    window.resize(1200, 800)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and (
                sys.argv[1] != "diagram" or (type(obj).__name__ == "DiagramCanvas"
                                             and getattr(obj, "renderer", None) is not None)):
            print(f"{(time.perf_counter() - started) * 1000:.2f}", flush=True)
            app.exit(0)
        return False

probe = FirstPaint()
if sys.argv[1] == "diagram":  # the first paint of a diagram's canvas with a picture drawn
    app.installEventFilter(probe)
else:
    window.installEventFilter(probe)
window.show()
app.exec()
"""


def first_paint_ms(kind: str, env: dict[str, str]) -> float:
    """Start one fresh process of ``kind`` ("app" or "bare"); return its time to first paint."""
    result = subprocess.run([sys.executable, "-c", PROBE, kind], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def fresh_env(prefix: str, platform: str) -> tuple[str, dict[str, str]]:
    """A fresh home (so the app opens on its first topic with default settings, as on first
    use) and the environment pointing at it; return both."""
    home = tempfile.mkdtemp(prefix=prefix)
    env = {**os.environ, "QT_QPA_PLATFORM": platform,
           "HOME": home, "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data",
           # compiled modules kept (outside the tree), as an installed copy has them: with
           # PYTHONDONTWRITEBYTECODE every run would compile the app's modules again
           "PYTHONPYCACHEPREFIX": f"{home}/pycache"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return home, env


def measure(runs: int) -> dict[str, float]:
    """Interleave app and bare runs; return their medians and the ratio."""
    _, env = fresh_env("allexplainer-startup-", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    first_paint_ms("bare", env)  # warm the disk cache so neither side pays for it
    first_paint_ms("app", env)
    first_paint_ms("diagram", env)
    app, bare = [], []
    for _ in range(runs):
        bare.append(first_paint_ms("bare", env))
        app.append(first_paint_ms("app", env))
    diagram = [first_paint_ms("diagram", env) for _ in range(max(3, runs // 2))]
    app_ms, bare_ms = statistics.median(app), statistics.median(bare)
    return {"app_ms": round(app_ms, 1), "bare_ms": round(bare_ms, 1),
            "ratio": round(app_ms / bare_ms, 2),
            "first_diagram_ms": round(statistics.median(diagram), 1)}


def main(argv: list[str] | None = None) -> int:
    """Print the medians and ratio; optionally write them as JSON."""
    args = cli.parse(__doc__, argv, runs=7)
    figures = measure(args.runs)
    print(f"time to first paint, median of {args.runs} interleaved runs")
    print(f"  app     {figures['app_ms']:8.1f} ms")
    print(f"  bare    {figures['bare_ms']:8.1f} ms   (a bare QMainWindow)")
    print(f"  ratio   {figures['ratio']:8.2f}      (goal <= 1.5)")
    print(f"  first diagram frame {figures['first_diagram_ms']:8.1f} ms   (goal <= 1000)")
    cli.write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
