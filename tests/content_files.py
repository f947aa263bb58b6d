"""What the content folder holds, read straight from the files (not through the app's loader).

Tests compare the app with these, so adding a topic or a scene needs no edit to a test.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPICS_DIR = ROOT / "assets" / "content" / "topics"
DIAGRAMS_DIR = ROOT / "assets" / "diagrams"


def topic_headers() -> list[dict]:
    """The front matter (between the +++ lines) of every topic file, in tab order."""
    headers = []
    for path in TOPICS_DIR.glob("*.md"):
        _before, front, _body = path.read_text(encoding="utf-8").split("+++", 2)
        headers.append(tomllib.loads(front))
    return sorted(headers, key=lambda header: header["order"])


def topic_ids() -> list[str]:
    """Every topic id, in tab order."""
    return [header["id"] for header in topic_headers()]


def scene_files() -> list[Path]:
    """Every diagram scene script."""
    return sorted(DIAGRAMS_DIR.glob("*.toml"))
