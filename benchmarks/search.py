"""Ctrl+F per keystroke: the search index against re-preparing everything on every key.

    python benchmarks/search.py [--json PATH]

Each keystroke of a few words, typed one key at a time, is searched in the real content and in
content made ten times larger (synthetic copies of every topic and glossary term). The
baseline, measured in the same run, is what Ctrl+F did before the index: strip every topic's
Markdown and build the glossary index again on each key. Goal: p95 <= 2 ms at 10x.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import cli  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = ["blinatumomab", "cd19", "leukemia", "kymriah", "bone marrow", "side effects",
         "car t cell", "lumbar puncture", "xylophone"]
GOAL_MS = 2.0


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (0.5 median, 0.95 p95) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def keystrokes() -> list[str]:
    """Every prefix of every word, as typed one key at a time."""
    return [word[:n] for word in WORDS for n in range(1, len(word) + 1)]


def copied(library, times: int):
    """``library`` with every topic and term repeated ``times`` times under new ids."""
    if times == 1:
        return library
    topics = list(library.topics)
    terms = list(library.terms)
    for copy in range(1, times):
        topics += [dataclasses.replace(topic, id=f"{topic.id}-{copy}")
                   for topic in library.topics]
        terms += [dataclasses.replace(term, id=f"{term.id}-{copy}", term=f"{term.term} {copy}")
                  for term in library.terms]
    return dataclasses.replace(library, topics=tuple(topics), terms=tuple(terms), _by_id={})


def time_keys(search, repeats: int) -> list[float]:
    """Milliseconds per keystroke of ``search``: each key's median of ``repeats`` runs, so one
    stall from another process on this shared machine does not count as a slow key."""
    runs: list[list[float]] = []
    for _ in range(repeats):
        run = []
        for typed in keystrokes():
            started = time.perf_counter()
            search(typed)
            run.append((time.perf_counter() - started) * 1000)
        runs.append(run)
    return [statistics.median(times) for times in zip(*runs, strict=True)]


def measure(repeats: int = 5) -> list[dict]:
    """One record per content size: indexed and rebuilt-per-key p50/p95, and the build time."""
    from allexplainer.content.levels import Level
    from allexplainer.resources import load_content
    from allexplainer.search.index import SearchIndex

    library = load_content()
    records = []
    for times in (1, 10):
        content = copied(library, times)
        started = time.perf_counter()
        index = SearchIndex(content, Level.FAMILY)
        build_ms = (time.perf_counter() - started) * 1000
        indexed = time_keys(index.search, repeats)
        rebuilt = time_keys(lambda q, c=content: SearchIndex(c, Level.FAMILY).search(q), 1)
        records.append({"content": f"{times}x", "topics": len(content.good_topics),
                        "terms": len(content.terms), "keystrokes": len(keystrokes()),
                        "build_ms": round(build_ms, 1),
                        "p50_ms": round(statistics.median(indexed), 3),
                        "p95_ms": round(percentile(indexed, 0.95), 3),
                        "baseline_p95_ms": round(percentile(rebuilt, 0.95), 2),
                        "goal": f"p95 <= {GOAL_MS:g} ms"})
    return records


def main(argv: list[str] | None = None) -> int:
    """Print the records; optionally write them as JSON."""
    args = cli.parse(__doc__, argv)
    records = measure()
    for r in records:
        print(f"{r['content']:>4} ({r['topics']} topics, {r['terms']} terms): index built in "
              f"{r['build_ms']} ms; per key p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms; "
              f"rebuilt every key p95 {r['baseline_p95_ms']} ms")
    cli.write_json(args.json, records)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
