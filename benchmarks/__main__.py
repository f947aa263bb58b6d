"""Every benchmark in one run: python -m benchmarks [--json PATH] [--quick]

Startup, diagram frames, tab switch, level switch, glossary filter and notebook save, each with
its median, p95, the baseline measured in the same run, the ratio and the goal.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (  # noqa: E402
    black_box,
    first_diagram,
    frames,
    glossary,
    interaction,
    memory,
    search,
    startup,
)


def machine() -> str:
    """Cores, memory and processor of this machine, for the record."""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    return (f"{os.cpu_count()} cores{memory}, {platform.machine()}, "
            f"Python {platform.python_version()}")


def collect(quick: bool) -> list[dict]:
    """Run every benchmark; one row per figure with its goal."""
    rows = []
    start = startup.measure(3 if quick else 7)
    rows.append({"name": "startup (first paint)", "median_ms": start["app_ms"], "p95_ms": None,
                 "baseline_ms": start["bare_ms"], "ratio": start["ratio"],
                 "goal": "ratio <= 1.5", "met": start["ratio"] <= 1.5})
    outside = black_box.measure(3 if quick else 7)
    if outside is not None:  # needs Xvfb and python-xlib
        rows.append({"name": "startup seen from outside (Xvfb, first pixels, python main.py)",
                     "median_ms": outside["app_ms"], "p95_ms": None,
                     "baseline_ms": outside["bare_ms"], "ratio": outside["ratio"],
                     "goal": "ratio <= 1.5", "met": outside["ratio"] <= 1.5})
        rows.append({"name": "reference: a plain PySide6 window with the same first screen "
                             "(benchmarks/plain_window.py, seen from outside)",
                     "median_ms": outside["plain_ms"], "p95_ms": None,
                     "baseline_ms": outside["bare_ms"], "ratio": outside["plain_ratio"],
                     "goal": "none (what any PySide6 window showing these words pays)",
                     "met": None})
    rows.append({"name": "first diagram frame (car-t)", "median_ms": start["first_diagram_ms"],
                 "p95_ms": None, "baseline_ms": start["bare_ms"],
                 "ratio": round(start["first_diagram_ms"] / start["bare_ms"], 2),
                 "goal": "<= 1000 ms", "met": start["first_diagram_ms"] <= 1000})
    later = first_diagram.measure(3 if quick else 5)
    rows.append({"name": f"first diagram opened {later['open_after_ms'] / 1000:g} s after start "
                         "(car-t, to its first frame; baseline: the same without the warm-up)",
                 "median_ms": later["warmed_ms"], "p95_ms": None,
                 "baseline_ms": later["cold_ms"], "ratio": later["ratio"],
                 "goal": "none (what the warm-up saves)", "met": None})
    for scale in (1, 2):
        for record in frames.measure(scale=scale, sizes=((1920, 1080),)):
            rows.append({"name": f"frame {record['scene']} 1920x1080 scale {scale:g} "
                                 f"(moving {record['motion']})",
                         "median_ms": record["p50_ms"], "p95_ms": record["p95_ms"],
                         "baseline_ms": record["full_p95_ms"],
                         "ratio": f"{record['full_over_blit']}x faster",
                         "goal": "p95 <= 8 ms, full / blitted >= 5",
                         "met": record["p95_ms"] <= frames.GOAL_MS
                         and record["full_over_blit"] >= frames.GOAL_RATIO,
                         "scale": record["scale"], "size": record["size"],
                         "full_p95_ms": record["full_p95_ms"]})
    for record in search.measure():
        rows.append({"name": f"Ctrl+F per keystroke, {record['content']} content "
                             f"({record['topics']} topics, {record['terms']} terms)",
                     "median_ms": record["p50_ms"], "p95_ms": record["p95_ms"],
                     "baseline_ms": record["baseline_p95_ms"],
                     "ratio": round(record["p95_ms"] / record["baseline_p95_ms"], 3),
                     "goal": record["goal"] + (" (at 10x)" if record["content"] == "10x" else ""),
                     "met": record["p95_ms"] <= search.GOAL_MS or record["content"] != "10x"})
    resident = memory.measure()
    rows.append({"name": "resident memory, MiB, every tab at every level (not ms)",
                 "median_ms": resident["app_mb"], "p95_ms": None,
                 "baseline_ms": resident["bare_mb"],
                 "ratio": round(resident["app_mb"] / resident["bare_mb"], 2),
                 "goal": resident["goal"], "met": resident["met"]})
    for record in interaction.measure(30 if quick else 60):
        goal_ms = float(record["goal"].split("<=")[1].split()[0])
        rows.append({"name": record["name"], "median_ms": record["median_ms"],
                     "p95_ms": record["p95_ms"], "baseline_ms": record["baseline_p95_ms"],
                     "ratio": record["ratio"], "goal": record["goal"],
                     "met": record["p95_ms"] <= goal_ms})
    for record in glossary.measure():
        rows.append({"name": f"glossary filter ({record['terms']} terms)",
                     "median_ms": record["filter_p50_ms"], "p95_ms": record["filter_p95_ms"],
                     "baseline_ms": record["baseline_p95_ms"], "ratio": record["ratio"],
                     "goal": "p95 <= 5 ms", "met": record["filter_p95_ms"] <= 5})
    return rows


def _met(met: bool | None) -> str:
    return "-" if met is None else "yes" if met else "NO"


def table(rows: list[dict]) -> str:
    """The rows as a Markdown table."""
    lines = ["| measure | median ms | p95 ms | baseline ms (same run) | ratio | goal | met |",
             "|---|---:|---:|---:|---:|---|---|"]
    for r in rows:
        p95 = "" if r["p95_ms"] is None else f"{r['p95_ms']:.2f}"
        lines.append(f"| {r['name']} | {r['median_ms']:.2f} | {p95} | {r['baseline_ms']:.2f} | "
                     f"{r['ratio']} | {r['goal']} | {_met(r['met'])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run everything, print the table, and write JSON if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    rows = collect(args.quick)
    print(f"{time.strftime('%Y-%m-%d')}, {machine()}")
    print("Baselines: a bare QMainWindow (startup, first diagram, memory), the first diagram "
          "opened later without the warm-up, a full canvas redraw "
          "at full resolution (frames), rebuilding the search per key (Ctrl+F), a QTabWidget "
          "of labels (tab switch), plain setPlainText (level switch), a plain write (save), "
          "a substring match (glossary).")
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps({"date": time.strftime("%Y-%m-%d"),
                                         "machine": machine(), "rows": rows}, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
