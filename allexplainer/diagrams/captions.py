"""Diagram captions as plain records, so content checks can read them like topic texts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.library import read_content_dir
from allexplainer.diagrams.loader import load_scenes
from allexplainer.diagrams.scene import Scene


def load_scene_dir(folder: Path) -> dict[str, Scene]:
    """Every scene under ``folder`` that loads (a checker reports the others separately)."""
    files = {name: text for name, text in read_content_dir(folder).items() if "/" not in name}
    scenes, _errors = load_scenes(files)
    return scenes


def caption_items(scenes: Iterable[Scene]) -> Iterator[tuple[str, Level, str]]:
    """(where, level, caption) for every stage of every scene."""
    for scene in scenes:
        for number, stage in enumerate(scene.stages, start=1):
            for level in LEVELS:
                yield f"diagram {scene.id} stage {number} [{level.value}]", level, \
                    stage.caption.get(level)


def caption_table(scenes: Iterable[Scene]) -> list[tuple[str, dict[Level, str]]]:
    """One row per stage: its name and its caption at each level."""
    return [(f"{scene.id}, stage {number}: {stage.title}",
             {level: stage.caption.get(level) for level in LEVELS})
            for scene in scenes for number, stage in enumerate(scene.stages, start=1)]
