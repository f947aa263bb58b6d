"""The first diagram a reader opens a moment after the app starts, with and without the warm-up.

    python benchmarks/first_diagram.py [--runs 5] [--json PATH]

Each run is a fresh process on a fresh home, so the app opens on its first topic (no diagram).
Three seconds after the window shows (a reader looking at the first screen, then choosing a
topic), the CAR T-cell topic is opened; the time runs from that moment to the first paint of its
diagram with a picture drawn. "cold" is the window as it was before the warm-up existed (the
diagram loads matplotlib when it is first shown); "warmed" starts ``WarmUp`` as ``app.main``
does. Runs are interleaved; the figures are medians.
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
from benchmarks.startup import fresh_env  # noqa: E402

OPEN_AFTER_MS = 3000

PROBE = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from allexplainer.app import build_window, parse_args
window = build_window(parse_args([]))
if "matplotlib" in sys.modules:
    raise SystemExit("the first topic loaded matplotlib: no diagram can be opened cold")
warm_up = None
if sys.argv[1] == "warmed":
    from allexplainer.diagrams._qt.warm_up import WarmUp
    warm_up = WarmUp(window)
    warm_up.start()
opened = {{}}

class FirstFrame(QObject):
    def eventFilter(self, obj, event):
        if "at" in opened and event.type() == QEvent.Type.Paint \\
                and type(obj).__name__ == "DiagramCanvas" \\
                and getattr(obj, "renderer", None) is not None:
            done = warm_up is None or warm_up.done
            print(f"{{(time.perf_counter() - opened['at']) * 1000:.2f}} {{done}}", flush=True)
            app.exit(0)
        return False

def open_diagram():
    opened["at"] = time.perf_counter()
    window.show_topic("car-t")

probe = FirstFrame()
app.installEventFilter(probe)
QTimer.singleShot({OPEN_AFTER_MS}, open_diagram)
window.show()
app.exec()
"""


def open_ms(kind: str, shared: dict[str, str]) -> float:
    """One fresh process of ``kind`` ("cold" or "warmed") on a fresh home (the app remembers
    the topic it showed); the ms from opening the topic to its diagram's first frame."""
    home = tempfile.mkdtemp(prefix="allexplainer-first-diagram-home-")
    env = {**shared, "HOME": home, "XDG_CONFIG_HOME": f"{home}/config",
           "XDG_DATA_HOME": f"{home}/data"}
    result = subprocess.run([sys.executable, "-c", PROBE, kind], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"the {kind} probe failed:\n{result.stderr}")
    figure, done = result.stdout.strip().splitlines()[-1].split()
    if done != "True":
        raise RuntimeError(f"the warm-up had not finished {OPEN_AFTER_MS} ms after the start")
    return float(figure)


def measure(runs: int) -> dict[str, float]:
    """Interleave cold and warmed runs; return their medians."""
    home, env = fresh_env("allexplainer-first-diagram-",
                          os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # compiled modules and matplotlib's font list are kept between runs, as on a computer
    # that has run the app before; made once here, for both sides
    env["MPLCONFIGDIR"] = f"{home}/matplotlib"
    open_ms("cold", env)
    cold, warmed = [], []
    for _ in range(runs):
        cold.append(open_ms("cold", env))
        warmed.append(open_ms("warmed", env))
    cold_ms, warmed_ms = statistics.median(cold), statistics.median(warmed)
    return {"open_after_ms": OPEN_AFTER_MS, "cold_ms": round(cold_ms, 1),
            "warmed_ms": round(warmed_ms, 1), "ratio": round(warmed_ms / cold_ms, 2)}


def main(argv: list[str] | None = None) -> int:
    """Print the medians; optionally write them as JSON."""
    args = cli.parse(__doc__, argv, runs=5)
    figures = measure(args.runs)
    print(f"first diagram opened {OPEN_AFTER_MS} ms after start, to its first frame, "
          f"median of {args.runs} interleaved runs")
    print(f"  warmed  {figures['warmed_ms']:8.1f} ms")
    print(f"  cold    {figures['cold_ms']:8.1f} ms   (no warm-up: matplotlib loads on opening)")
    print(f"  ratio   {figures['ratio']:8.2f}")
    cli.write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
