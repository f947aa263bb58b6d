"""Checks and defaults that need the whole timeline: overlapping keyframes, membrane slots,
every stage described in words."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from allexplainer.content.levels import LEVELS
from allexplainer.diagrams.scene import Actor, Stage


def check_overlaps(stages: tuple[Stage, ...]) -> tuple[str, str] | None:
    """(message, field) of the first keyframe changing a property another is still changing."""
    busy: dict[tuple[str, str], tuple[float, float, str]] = {}
    offset = 0.0
    for i, stage in enumerate(stages):
        spans: list[tuple[float, float, str, str, str]] = []
        for j, key in enumerate(stage.keyframes):
            for name, _ in key.values:
                spans.append((offset + key.start, offset + key.end, key.actor, name,
                              f"stages[{i}].keyframes[{j}].{name}"))
        for start, end, actor, name, field in sorted(spans):
            previous = busy.get((actor, name))
            if previous is not None:
                p_start, p_end, p_field = previous
                clash = start < p_end or (start == p_start == p_end == end)
                if clash:
                    return (f"changes {actor!r} {name} while {p_field} is still changing it",
                            field)
            busy[(actor, name)] = (start, end, field)
        offset += stage.duration
    return None


def default_slots(actors: tuple[Actor, ...], stages: tuple[Stage, ...]) -> tuple[Actor, ...]:
    """Give each actor with no explicit angles room on its membrane for its largest count."""
    largest = {actor.id: actor.initial.count for actor in actors}
    for stage in stages:
        for key in stage.keyframes:
            for name, value in key.values:
                if name == "count":
                    largest[key.actor] = max(largest[key.actor], float(value))
    result = []
    for actor in actors:
        if actor.parent and not actor.angles and actor.slots == 0:
            actor = replace(actor, slots=max(1, math.ceil(largest[actor.id])))
        result.append(actor)
    return tuple(result)


DESCRIPTION_SENTENCES = 3  # a screen reader says it at every stage change: keep it short
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def check_descriptions(stages: tuple[Stage, ...]) -> tuple[str, str] | None:
    """(message, field) of the first stage whose settled frame is not described in words at
    every reading level, or is described at length or with links (a screen reader reads it)."""
    for i, stage in enumerate(stages):
        for level in LEVELS:
            field = f"stages[{i}].description.{level.value}"
            text = stage.description.get(level)
            if not text:
                return ("missing: say what the settled frame shows (the actors, what they do, "
                        "the labels) for someone who cannot see it", field)
            if "](" in text:
                return "must be plain words: a screen reader reads it, links and all", field
            sentences = len(_SENTENCE_END.findall(text))
            if sentences > DESCRIPTION_SENTENCES:
                return (f"{sentences} sentences: keep it to {DESCRIPTION_SENTENCES} or fewer, "
                        "short ones", field)
    return None
