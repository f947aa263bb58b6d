"""Tab switch, level switch and notebook save, each against a plain-Qt baseline in the same run.

    python benchmarks/interaction.py [--json PATH]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import cli  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def timed(action: Callable[[int], None], runs: int) -> list[float]:
    """Milliseconds taken by ``action(i)`` for i in range(runs)."""
    times = []
    for number in range(runs):
        started = time.perf_counter()
        action(number)
        times.append((time.perf_counter() - started) * 1000)
    return times


def row(name: str, times: list[float], baseline: list[float], goal: str) -> dict:
    """One line of the table."""
    return {"name": name, "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(p95(times), 2), "baseline_p95_ms": round(p95(baseline), 3),
            "ratio": round(p95(times) / max(p95(baseline), 1e-6), 1), "goal": goal}


def measure(runs: int = 60) -> list[dict]:
    """Measure the three interactions; the window is shown so every switch repaints."""
    from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QTextBrowser

    from allexplainer.content.levels import LEVELS
    from allexplainer.notebook.questions import Notebook
    from allexplainer.notebook.store import NotebookStore
    from allexplainer.resources import load_content
    from allexplainer.settings import Settings
    from allexplainer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="allexplainer-bench-"))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    window = MainWindow(load_content(), Settings(), notebook_store=NotebookStore(folder))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    count = window.tabs.count()

    bare = QTabWidget()
    for index in range(count):
        bare.addTab(QLabel(f"page {index}"), f"Tab {index}")
    bare.resize(1280, 800)
    bare.show()
    app.processEvents()

    def switch_tab(i: int) -> None:
        window.tabs.setCurrentIndex((i + 1) % count)
        app.processEvents()

    def switch_bare(i: int) -> None:
        bare.setCurrentIndex((i + 1) % count)
        app.processEvents()

    for index in range(count):       # every page shown once, as a reader would have done
        switch_tab(index)
    tab_times = timed(switch_tab, runs)
    tab_base = timed(switch_bare, runs)

    browsers = [QTextBrowser() for _ in range(count)]
    texts = [[topic.body(level) for topic in window.library.good_topics] for level in LEVELS]

    def switch_level(i: int) -> None:
        window.state.set_level(LEVELS[(i + 1) % len(LEVELS)])
        app.processEvents()

    def switch_plain(i: int) -> None:
        for browser, text in zip(browsers, texts[(i + 1) % len(LEVELS)], strict=False):
            browser.setPlainText(text)
        app.processEvents()

    level_times = timed(switch_level, runs // 2)
    level_base = timed(switch_plain, runs // 2)

    notebook = Notebook()
    for number in range(30):
        notebook.add(f"A question a parent might ask, number {number}?")
    store = NotebookStore(folder / "notes")
    plain_path = folder / "plain.json"

    def save(i: int) -> None:
        notebook.edit(notebook.questions[i % 30].id, f"A question, edited for the {i}th time?")
        store.save(notebook)

    def plain_write(i: int) -> None:
        plain_path.write_text(notebook.to_json(), encoding="utf-8")

    save_times = timed(save, runs)
    save_base = timed(plain_write, runs)
    window.close()
    return [row("tab switch", tab_times, tab_base, "p95 <= 50 ms"),
            row("level switch", level_times, level_base, "p95 <= 150 ms"),
            row("notebook save", save_times, save_base, "p95 <= 20 ms")]


def print_table(rows: list[dict]) -> None:
    """Print the rows as a Markdown table."""
    print("| measure | median ms | p95 ms | baseline p95 ms | ratio | goal |")
    print("|---|---:|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r['name']} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} | "
              f"{r['baseline_p95_ms']:.3f} | {r['ratio']} | {r['goal']} |")


def main(argv: list[str] | None = None) -> int:
    """Measure, print, and optionally write JSON."""
    args = cli.parse(__doc__, argv)
    rows = measure()
    print_table(rows)
    cli.write_json(args.json, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
