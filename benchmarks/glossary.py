"""Glossary filter time per keystroke, on the real glossary and on one padded to 200 terms.

    python benchmarks/glossary.py [--json PATH]

Each keystroke re-filters the list widget in the real panel (search + list rebuild). The
baseline is a bare case-insensitive substring match over the term names, in the same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = ["blinatumumab", "cd19", "leukapheresis", "immunoglobulin", "car t cell", "lymphocyte",
         "side effects", "trial", "bone marrow", "cytokine release"]
PADDED_SIZE = 200


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20)[-1]


def padded(terms, size: int):
    """``terms`` repeated with new ids and names until there are ``size``."""
    out = list(terms)
    copy = 1
    while len(out) < size:
        for term in terms:
            if len(out) >= size:
                break
            out.append(dataclasses.replace(term, id=f"{term.id}-{copy}",
                                           term=f"{term.term} ({copy})",
                                           synonyms=tuple(f"{s} {copy}" for s in term.synonyms)))
        copy += 1
    return tuple(out)


def keystrokes() -> list[str]:
    """Every prefix of every word, as typed one key at a time."""
    return [word[:n] for word in WORDS for n in range(1, len(word) + 1)]


def time_filter(filter_function, repeats: int = 5) -> list[float]:
    """Milliseconds per keystroke of ``filter_function``."""
    times = []
    for _ in range(repeats):
        for typed in keystrokes():
            started = time.perf_counter()
            filter_function(typed)
            times.append((time.perf_counter() - started) * 1000)
    return times


def measure() -> list[dict]:
    """Filter timings for the real and the padded glossary, each with its baseline."""
    from PySide6.QtWidgets import QApplication

    from allexplainer.glossary._qt.panel import GlossaryPanel
    from allexplainer.reading_state import ReadingState
    from allexplainer.resources import load_content

    app = QApplication.instance() or QApplication([])  # noqa: F841 (keeps Qt alive)
    library = load_content()
    results = []
    for terms in (library.terms, padded(library.terms, PADDED_SIZE)):
        lib = dataclasses.replace(library, terms=terms, _by_id={})
        panel = GlossaryPanel(lib, ReadingState())
        names = [(term, term.term.casefold()) for term in terms]

        def baseline(typed: str, names=names) -> list:
            return [term for term, name in names if typed.casefold() in name]

        panel_ms = time_filter(panel.filter)
        baseline_ms = time_filter(baseline)
        results.append({"terms": len(terms), "filter_p50_ms": round(statistics.median(panel_ms), 3),
                        "filter_p95_ms": round(p95(panel_ms), 3),
                        "baseline_p95_ms": round(p95(baseline_ms), 3),
                        "ratio": round(p95(panel_ms) / p95(baseline_ms), 1)})
        panel.deleteLater()
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the table; with --json also write the padded figures (and the real ones)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, metavar="PATH")
    args = parser.parse_args(argv)
    results = measure()
    print("| terms | filter p50 ms | filter p95 ms | baseline p95 ms | ratio | goal |")
    print("|---:|---:|---:|---:|---:|---|")
    for row in results:
        print(f"| {row['terms']} | {row['filter_p50_ms']:.2f} | {row['filter_p95_ms']:.2f} | "
              f"{row['baseline_p95_ms']:.3f} | {row['ratio']} | p95 <= 5 ms |")
    if args.json:
        padded_row = results[-1]
        figures = {"terms": padded_row["terms"], "filter_p95_ms": padded_row["filter_p95_ms"],
                   "runs": results}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
