"""What every benchmark script's command line shares: its options and writing its figures."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def parse(doc: str, argv: list[str] | None, runs: int | None = None) -> argparse.Namespace:
    """``--json PATH`` (and ``--runs N``, default ``runs``, when given), described by the
    first line of the script's ``doc``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    if runs is not None:
        parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--json", type=Path, metavar="PATH")
    return parser.parse_args(argv)


def write_json(path: Path | None, figures) -> None:
    """Write ``figures`` to ``path`` as indented JSON (nothing if no path was asked for)."""
    if path:
        path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
