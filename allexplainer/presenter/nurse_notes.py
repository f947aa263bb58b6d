"""Presenter notes: for each diagram stage, what to say, what families ask, what to watch for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from allexplainer.content.errors import ContentError, load_toml
from allexplainer.content.levels import LEVELS
from allexplainer.presenter.room_caption import ROOM_LIMIT

NOTES_FILE = "notes.toml"
_FIELDS = ("say", "asked", "careful")


@dataclass(frozen=True)
class StageNote:
    """The nurse's note for one stage."""

    say: str
    asked: str
    careful: str
    # the caption's words for the wall screen, by level, where its first sentence is too long
    room: Mapping[str, str] = field(default_factory=dict)

    def as_text(self) -> str:
        """The note as three short labelled lines."""
        return (f"Say: {self.say}\nFamilies often ask: {self.asked}\n"
                f"Take care: {self.careful}")


def parse_notes(text: str, file: str = NOTES_FILE) -> dict[str, tuple[StageNote, ...]]:
    """Parse the notes file into scene id -> one note per stage; ContentError names the field."""
    data = load_toml(text, file)
    scenes = data.get("scene")
    if not isinstance(scenes, list):
        raise ContentError("no [[scene]] entries", file=file, field="scene")
    notes: dict[str, tuple[StageNote, ...]] = {}
    for number, scene in enumerate(scenes):
        where = f"scene[{number}]"
        if not isinstance(scene, dict) or not isinstance(scene.get("id"), str):
            raise ContentError("needs an id", file=file, field=f"{where}.id")
        stages = scene.get("stage")
        if not isinstance(stages, list) or not stages:
            raise ContentError("needs [[scene.stage]] notes", file=file, field=f"{where}.stage")
        parsed = []
        for index, stage in enumerate(stages):
            values = {}
            for key in _FIELDS:
                value = stage.get(key) if isinstance(stage, dict) else None
                if not isinstance(value, str) or not value.strip():
                    raise ContentError("missing or empty", file=file,
                                       field=f"{where}.stage[{index}].{key}")
                values[key] = " ".join(value.split())
            room = _room_lines(stage.get("room", {}), file, f"{where}.stage[{index}].room")
            parsed.append(StageNote(**values, room=room))
        notes[scene["id"]] = tuple(parsed)
    return notes


def _room_lines(value: object, file: str, where: str) -> dict[str, str]:
    """The ``room = { clinic = "..." }`` lines of one stage, checked."""
    if not isinstance(value, dict):
        raise ContentError("must be a table of reading levels", file=file, field=where)
    levels = {str(level) for level in LEVELS}
    lines = {}
    for level, text in value.items():
        if level not in levels:
            raise ContentError(f"'{level}' is not a reading level ({', '.join(sorted(levels))})",
                               file=file, field=f"{where}.{level}")
        if not isinstance(text, str) or not text.strip():
            raise ContentError("missing or empty", file=file, field=f"{where}.{level}")
        text = " ".join(text.split())
        if len(text) > ROOM_LIMIT:
            raise ContentError(f"{len(text)} characters: a room line has at most {ROOM_LIMIT}",
                               file=file, field=f"{where}.{level}")
        lines[level] = text
    return lines


def check_notes_cover(notes: Mapping[str, tuple[StageNote, ...]],
                      stage_counts: Mapping[str, int], file: str = NOTES_FILE) -> None:
    """Raise ContentError unless every scene has exactly one note per stage."""
    for scene_id, count in stage_counts.items():
        have = len(notes.get(scene_id, ()))
        if have != count:
            raise ContentError(f"scene '{scene_id}' has {count} stages but {have} notes",
                               file=file, field=scene_id)
