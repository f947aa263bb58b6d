"""Resident memory after visiting every topic tab at every reading level, in a fresh process.

    python benchmarks/memory.py [--json PATH]

Each tab is shown (so its text is laid out and its diagram's canvas is built and drawn) at each
level in turn. The baseline is a bare QMainWindow in a fresh process. Goal: < 200 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import cli  # noqa: E402

GOAL_MB = 200.0

PROBE = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMainWindow

def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")

app = QApplication([])
if sys.argv[1] == "bare":
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    for _ in range(20):
        app.processEvents()
    print(rss_mb())
    raise SystemExit(0)
from allexplainer.app import build_window, parse_args
from allexplainer.content.levels import LEVELS
window = build_window(parse_args([]))
window.resize(1280, 800)
window.show()
def settle(seconds=0.3):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
settle(1.0)
for level in LEVELS:
    window.state.set_level(level)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle()
print(rss_mb())
"""


def resident_mb(kind: str) -> float:
    """Resident memory (MiB) of a fresh process of ``kind`` ("app" or "bare") when done."""
    home = tempfile.mkdtemp(prefix="allexplainer-memory-")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "HOME": home, "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data"}
    result = subprocess.run([sys.executable, "-c", PROBE, kind], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def measure() -> dict:
    """The app's and a bare window's resident memory, in MiB (the goal is in MB: 200 MB is
    200 million bytes, 190.7 MiB)."""
    app_mb, bare_mb = resident_mb("app"), resident_mb("bare")
    goal_mib = GOAL_MB * 1e6 / 2**20
    return {"app_mb": round(app_mb, 1), "bare_mb": round(bare_mb, 1),
            "app_decimal_mb": round(app_mb * 2**20 / 1e6, 1),
            "goal": f"< {GOAL_MB:g} MB ({goal_mib:.1f} MiB)", "met": app_mb < goal_mib}


def main(argv: list[str] | None = None) -> int:
    """Print the figures; optionally write them as JSON."""
    args = cli.parse(__doc__, argv)
    figures = measure()
    print(f"resident memory after every tab at every level: {figures['app_mb']} MiB "
          f"({figures['app_decimal_mb']} MB; a bare QMainWindow: {figures['bare_mb']} MiB; "
          f"goal {figures['goal']})")
    cli.write_json(args.json, figures)
    return 0 if figures["met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
