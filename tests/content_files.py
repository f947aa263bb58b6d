"""What the content folder holds, read straight from the files (not through the app's loader).

Tests compare the app with these, so adding a topic or a scene needs no edit to a test.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPICS_DIR = ROOT / "assets" / "content" / "topics"
DIAGRAMS_DIR = ROOT / "assets" / "diagrams"


def topic_front_matter() -> dict[Path, str]:
    """The front matter (the TOML between the +++ lines) of every topic file, by path."""
    return {path: path.read_text(encoding="utf-8").split("+++", 2)[1]
            for path in sorted(TOPICS_DIR.glob("*.md"))}


def topic_headers() -> list[dict]:
    """The front matter of every topic file, read, in tab order."""
    headers = [tomllib.loads(front) for front in topic_front_matter().values()]
    return sorted(headers, key=lambda header: header["order"])


def shipped_toml_texts() -> dict[str, str]:
    """Every TOML text the app parses: each .toml asset and each topic's front matter."""
    texts = {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
             for path in sorted((ROOT / "assets").rglob("*.toml"))}
    texts.update({str(path.relative_to(ROOT)): front
                  for path, front in topic_front_matter().items()})
    return texts


def topic_ids() -> list[str]:
    """Every topic id, in tab order."""
    return [header["id"] for header in topic_headers()]


def scene_files() -> list[Path]:
    """Every diagram scene script."""
    return sorted(DIAGRAMS_DIR.glob("*.toml"))
