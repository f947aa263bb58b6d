"""Diagram frame times: every scene stepped at 60 fps on a real Qt canvas, blitted against full.

    python benchmarks/frames.py [--json PATH] [--level family]

For each scene and canvas size a FigureCanvasQTAgg (dpi 100, offscreen Qt) plays the whole
timeline at 60 frames a second. A blitted frame is ``state_at`` + restoring the background +
drawing the actors + blitting (which repaints the widget). A full redraw is ``canvas.draw()``
plus a synchronous repaint, sampled every few frames. Goal: blitted p95 <= 8 ms at 1920x1080.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1280, 720), (1920, 1080))
FPS = 60
FULL_EVERY = 6  # a full redraw is sampled on every sixth frame
GOAL_MS = 8.0


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (0.5 median, 0.95 p95) of ``values``."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure_scene(app, scene, level, size: tuple[int, int]) -> dict:
    """Play ``scene`` once at ``size``; return its frame-time record."""
    from allexplainer.diagrams._qt.canvas import DiagramCanvas
    from allexplainer.diagrams.scene import state_at, total_duration

    canvas = DiagramCanvas(scene, level)
    canvas.resize(*size)
    canvas.show()
    renderer = canvas.scene_renderer
    deadline = time.perf_counter() + 10
    while not renderer.has_background and time.perf_counter() < deadline:
        app.processEvents()
    width, height = canvas.figure.bbox.width, canvas.figure.bbox.height
    if (round(width), round(height)) != size:
        raise RuntimeError(f"canvas is {width}x{height}, not {size[0]}x{size[1]}")
    frames = round(total_duration(scene) * FPS) + 1
    blitted: list[float] = []
    stage_changes: list[float] = []
    for frame in range(frames):
        started = time.perf_counter()
        blit = renderer.show_time(frame / FPS)
        elapsed = (time.perf_counter() - started) * 1000
        if not blit:  # entering a stage draws its background once
            canvas.repaint()
            elapsed = (time.perf_counter() - started) * 1000
        (blitted if blit else stage_changes).append(elapsed)
        app.processEvents()
    full: list[float] = []
    for frame in range(0, frames, FULL_EVERY):
        started = time.perf_counter()
        renderer.full_draw(state_at(scene, frame / FPS))
        canvas.repaint()
        full.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    canvas.close_renderer()
    canvas.close()
    canvas.deleteLater()
    app.processEvents()
    p95 = percentile(blitted, 0.95)
    full_p95 = percentile(full, 0.95)
    return {"scene": scene.id, "size": f"{size[0]}x{size[1]}", "frames": len(blitted),
            "p50_ms": round(percentile(blitted, 0.5), 2), "p95_ms": round(p95, 2),
            "max_ms": round(max(blitted), 2), "stage_changes": len(stage_changes),
            "stage_change_max_ms": round(max(stage_changes), 1),
            "full_p50_ms": round(statistics.median(full), 1), "full_p95_ms": round(full_p95, 1),
            "full_over_blit": round(full_p95 / p95, 1)}


def measure(level_name: str = "family") -> list[dict]:
    """Frame-time records for every scene at every size."""
    from PySide6.QtWidgets import QApplication

    from allexplainer.content.levels import Level
    from allexplainer.resources import builtin_scenes

    app = QApplication.instance() or QApplication([])
    level = Level(level_name)
    scenes = builtin_scenes()
    return [measure_scene(app, scenes[scene_id], level, size)
            for size in SIZES for scene_id in sorted(scenes)]


def table(records: list[dict]) -> str:
    """The records as a Markdown table."""
    lines = ["| scene | size | blitted frames | blitted p50 ms | blitted p95 ms | blitted max ms "
             "| stage entries (max ms) | full redraw p95 ms | full / blitted (p95) |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in records:
        lines.append(f"| {r['scene']} | {r['size']} | {r['frames']} | {r['p50_ms']:.2f} "
                     f"| {r['p95_ms']:.2f} | {r['max_ms']:.2f} "
                     f"| {r['stage_changes']} ({r['stage_change_max_ms']:.0f}) "
                     f"| {r['full_p95_ms']:.1f} | {r['full_over_blit']:.1f}x |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table, optionally write JSON; 1 if the goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the records to this file")
    parser.add_argument("--level", default="family", choices=["child", "family", "clinic"])
    args = parser.parse_args(argv)
    records = measure(args.level)
    print(table(records))
    worst = max(r["p95_ms"] for r in records if r["size"] == "1920x1080")
    print(f"\nworst blitted p95 at 1920x1080: {worst:.2f} ms (goal <= {GOAL_MS:g} ms)")
    if args.json:
        args.json.write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    return 0 if worst <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
