"""A scene: actors, stages and keyframes as frozen data, and the pure timeline maths over them.

Each keyframe tweens some properties of one actor, within one stage, from whatever value they
have at the keyframe's start to the given value at its end. Discrete properties (``visible``,
``docked_to``) and keyframes with no length switch at their time. At a stage boundary the state
is the end state of the stage before: keys at the very start of a stage apply just after it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields

from allexplainer.content.levels import LEVELS, Level
from allexplainer.diagrams.easing import EASINGS

NUMERIC_PROPS = ("x", "y", "x2", "y2", "scale", "rotation", "opacity", "broken", "count",
                 "grow", "dock")
DISCRETE_PROPS = ("visible", "docked_to")
# Allowed ranges for the numeric properties (None: unbounded).
PROP_RANGES: dict[str, tuple[float | None, float | None]] = {
    "scale": (0.0, None), "opacity": (0.0, 1.0), "broken": (0.0, 1.0), "count": (0.0, 200.0),
    "grow": (0.0, 1.0), "dock": (0.0, 1.0),
}


@dataclass(frozen=True)
class LevelText:
    """One text for each reading level; an empty string means "nothing at this level"."""

    child: str = ""
    family: str = ""
    clinic: str = ""

    @classmethod
    def same(cls, text: str) -> LevelText:
        """The same text at every level."""
        return cls(text, text, text)

    def get(self, level: Level) -> str:
        """The text for ``level``."""
        return getattr(self, Level(level).value)


@dataclass(frozen=True)
class ActorState:
    """Every animatable property of one actor at one moment."""

    x: float = 0.0
    y: float = 0.0
    x2: float = 0.0
    y2: float = 0.0
    scale: float = 1.0
    rotation: float = 0.0  # degrees, anticlockwise
    opacity: float = 1.0
    broken: float = 0.0  # 0 whole, 1 fully in small pieces
    count: float = 1.0  # copies shown; a fraction fades the newest copy in
    grow: float = 1.0  # how much of an arrow is drawn
    dock: float = 0.0  # 0 free, 1 held on the docked_to target
    visible: bool = True
    docked_to: str = ""

    @property
    def shown(self) -> bool:
        """Whether anything of the actor can be seen."""
        return self.visible and self.opacity > 0.0 and self.count > 0.0


STATE_PROPS = tuple(f.name for f in fields(ActorState))


@dataclass(frozen=True)
class Actor:
    """One thing on the stage, with its state at time 0 and its fixed settings."""

    id: str
    kind: str
    initial: ActorState = ActorState()
    parent: str = ""  # a cell this surface molecule stands on
    angles: tuple[float, ...] = ()  # where on the parent's membrane (degrees)
    slots: int = 0  # evenly spaced places on the membrane (0: room for the largest count)
    spread: float | None = None  # gap between copies (scene units)
    arrange: str = "cluster"  # how copies are laid out: cluster, row or column
    text: LevelText | None = None  # labels
    target: str = ""  # labels: the actor the leader line points to
    target_index: int = 0  # which copy of the target
    anchor: str = ""  # which named point of the target
    dock_index: int = 0  # which copy of the docked_to target to dock on
    levels: frozenset[Level] = frozenset(LEVELS)  # the reading levels it is shown at
    w: float = 0.0  # panels, vessels: width and height (scene units)
    h: float = 0.0
    align: str = "center"  # labels: left, center or right of x
    style: str = "note"  # labels: note (boxed) or heading (large, no box)
    seed: int = 0  # keeps each cell's outline its own
    mirror: bool = False  # surface molecules: drawn mirror-imaged (a flag facing the other way)


@dataclass(frozen=True)
class Keyframe:
    """Within one stage, tween some properties of one actor between two times (seconds)."""

    actor: str
    start: float
    end: float
    values: tuple[tuple[str, float | bool | str], ...]
    ease: str = "in_out"


@dataclass(frozen=True)
class Stage:
    """One step of the story: how long its tween lasts, what changes and what it says.

    ``description`` says in words what the settled frame shows (the actors, what they do, the
    labels) at each level: what a screen reader gives someone who cannot see the picture."""

    duration: float
    caption: LevelText
    keyframes: tuple[Keyframe, ...] = ()
    title: str = ""
    description: LevelText = LevelText()


@dataclass(frozen=True)
class _Segment:
    start: float  # absolute seconds
    end: float
    value: float | bool | str
    ease: str
    at_stage_start: bool


@dataclass(frozen=True)
class Scene:
    """A whole animated diagram."""

    id: str
    title: LevelText
    actors: tuple[Actor, ...]
    stages: tuple[Stage, ...]
    legend: tuple[tuple[str, LevelText], ...] = ()
    _starts: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _tracks: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts, t = [], 0.0
        for stage in self.stages:
            starts.append(t)
            t += stage.duration
        starts.append(t)
        object.__setattr__(self, "_starts", tuple(starts))
        tracks: dict[str, dict[str, list[_Segment]]] = {}
        for stage, start in zip(self.stages, starts, strict=False):  # starts has one more
            for key in stage.keyframes:
                for name, value in key.values:
                    tracks.setdefault(key.actor, {}).setdefault(name, []).append(_Segment(
                        start + key.start, start + key.end, value, key.ease, key.start == 0.0))
        for by_prop in tracks.values():
            for segments in by_prop.values():
                segments.sort(key=lambda s: (s.start, s.end))
        object.__setattr__(self, "_tracks", tracks)

    def actor(self, actor_id: str) -> Actor:
        """The actor called ``actor_id``; KeyError if there is none."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)


def total_duration(scene: Scene) -> float:
    """Length of the whole timeline in seconds."""
    return scene._starts[-1]


def stage_start(scene: Scene, index: int) -> float:
    """Time at which stage ``index`` begins."""
    return scene._starts[_check_index(scene, index)]


def stage_end(scene: Scene, index: int) -> float:
    """Time at which stage ``index`` ends (its end state is shown from then on)."""
    return scene._starts[_check_index(scene, index) + 1]


def stage_at(scene: Scene, t: float) -> int:
    """Index of the stage playing at time ``t`` (clamped; a boundary belongs to the next)."""
    index = bisect.bisect_right(scene._starts, t) - 1
    return min(max(index, 0), len(scene.stages) - 1)


def _check_index(scene: Scene, index: int) -> int:
    if not 0 <= index < len(scene.stages):
        raise IndexError(f"scene {scene.id!r} has no stage {index}")
    return index


def _switched(segment: _Segment, t: float) -> bool:
    # A switch at the very start of a stage belongs to that stage, not to the end of the one before.
    return t > segment.start or (t == segment.start and not segment.at_stage_start)


def _track_value(initial: float | bool | str, segments: list[_Segment], t: float):
    value = initial
    for segment in segments:
        if segment.end > segment.start and not isinstance(segment.value, (bool, str)):
            if t >= segment.end:
                value = segment.value
            elif t > segment.start:
                done = EASINGS[segment.ease]((t - segment.start) / (segment.end - segment.start))
                return value + (segment.value - value) * done
            else:
                return value
        elif _switched(segment, t):
            value = segment.value
        else:
            return value
    return value


def state_at(scene: Scene, t: float) -> dict[str, ActorState]:
    """The state of every actor at time ``t`` (clamped to the timeline), in drawing order."""
    t = min(max(float(t), 0.0), total_duration(scene))
    states: dict[str, ActorState] = {}
    for actor in scene.actors:
        tracks = scene._tracks.get(actor.id)
        if not tracks:
            states[actor.id] = actor.initial
            continue
        changes = {name: _track_value(getattr(actor.initial, name), segments, t)
                   for name, segments in tracks.items()}
        states[actor.id] = _changed(actor.initial, changes)
    return states


def _changed(state: ActorState, changes: dict) -> ActorState:
    """``dataclasses.replace(state, **changes)`` for names already checked by the loader,
    without its per-field checks: this runs for every moving actor on every frame."""
    new = object.__new__(ActorState)
    values = new.__dict__
    values.update(state.__dict__)
    values.update(changes)
    return new


def _changes_within(segment: _Segment, t0: float, t1: float) -> bool:
    if segment.end > segment.start and not isinstance(segment.value, (bool, str)):
        return segment.start < t1 and segment.end > t0
    if segment.at_stage_start:  # applies just after its time
        return t0 <= segment.start < t1
    return t0 < segment.start <= t1


def changing_actors(scene: Scene, t0: float, t1: float) -> set[str]:
    """Actors whose look may change between times ``t0`` and ``t1``.

    Includes actors that follow a changing one: molecules on a changing cell, molecules docked
    to one, and labels pointing at one. Everything else looks the same all through.
    """
    changing = {actor_id for actor_id, tracks in scene._tracks.items()
                if any(_changes_within(segment, t0, t1)
                       for segments in tracks.values() for segment in segments)}
    first, last = state_at(scene, t0), state_at(scene, t1)
    docked = {actor.id: {first[actor.id].docked_to, last[actor.id].docked_to} - {""}
              for actor in scene.actors}
    grew = True
    while grew:
        grew = False
        for actor in scene.actors:
            if actor.id in changing:
                continue
            follows = {actor.parent, actor.target} | docked[actor.id]
            if follows & changing:
                changing.add(actor.id)
                grew = True
    return changing


def stage_end_state(scene: Scene, index: int) -> dict[str, ActorState]:
    """The state shown when stage ``index`` has finished."""
    return state_at(scene, stage_end(scene, index))
