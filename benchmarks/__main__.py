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

from benchmarks import frames, glossary, interaction, startup  # noqa: E402


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
    for record in frames.measure():
        if record["size"] == "1920x1080":
            rows.append({"name": f"frame {record['scene']} 1920x1080",
                         "median_ms": record["p50_ms"], "p95_ms": record["p95_ms"],
                         "baseline_ms": record["full_p95_ms"],
                         "ratio": round(record["p95_ms"] / record["full_p95_ms"], 2),
                         "goal": "p95 <= 8 ms", "met": record["p95_ms"] <= 8})
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


def table(rows: list[dict]) -> str:
    """The rows as a Markdown table."""
    lines = ["| measure | median ms | p95 ms | baseline ms (same run) | ratio | goal | met |",
             "|---|---:|---:|---:|---:|---|---|"]
    for r in rows:
        p95 = "" if r["p95_ms"] is None else f"{r['p95_ms']:.2f}"
        lines.append(f"| {r['name']} | {r['median_ms']:.2f} | {p95} | {r['baseline_ms']:.2f} | "
                     f"{r['ratio']} | {r['goal']} | {'yes' if r['met'] else 'NO'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run everything, print the table, and write JSON if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    rows = collect(args.quick)
    print(f"{time.strftime('%Y-%m-%d')}, {machine()}")
    print("Baselines: a bare QMainWindow (startup), a full canvas redraw (frames), a QTabWidget "
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
