"""Where every copy of every actor is drawn: clusters of copies, molecules on membranes, docking.

Pure geometry over a state (no drawing): the renderer draws these placements, and tests can
check them without matplotlib.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from functools import lru_cache
from typing import NamedTuple

from allexplainer.diagrams import kinds
from allexplainer.diagrams.scene import Actor, ActorState, Scene

Point = tuple[float, float]

# Gentle outline wobble per cell kind: (harmonic, amplitude) pairs, so each kind has its own shape.
_WOBBLE = {
    "t_cell": ((2, 0.025), (3, 0.012), (5, 0.008)),
    "b_cell": ((2, 0.045), (3, 0.008)),
    "leukaemia_cell": ((2, 0.03), (5, 0.035), (8, 0.025)),
    "healthy_cell": (),
    "immune_cell": ((3, 0.04), (7, 0.03), (11, 0.015)),  # ruffled, reaching out
}

HELD_UNTIL = 0.3  # a breaking cell's surface molecules stay whole until it is this broken


class Placement(NamedTuple):
    """One drawn copy of an actor (a named tuple: hundreds are made every frame)."""

    x: float
    y: float
    size: float  # scene units per local unit
    rotation: float  # degrees, anticlockwise
    alpha: float
    broken: float = 0.0


@lru_cache(maxsize=4096)  # a scene asks for the same few angles on every frame
def membrane_radius(kind: str, seed: int, angle: float) -> float:
    """Radius of a cell's outline (1 is nominal) at ``angle`` degrees in the cell's own frame."""
    radius = 1.0
    rad = math.radians(angle)
    for number, (harmonic, amplitude) in enumerate(_WOBBLE.get(kind, ())):
        phase = (seed * (number + 7)) % 628 / 100.0
        radius += amplitude * math.sin(harmonic * rad + phase)
    return radius


def cluster_offsets(count: int) -> list[Point]:
    """Offsets (unit spacing) for ``count`` copies: the first in the middle, then rings round it."""
    offsets: list[Point] = [(0.0, 0.0)]
    ring = 1
    while len(offsets) < count:
        for side in range(6):
            a0, a1 = math.radians(60 * side + 30), math.radians(60 * side + 90)
            for step in range(ring):
                f = step / ring
                x = ring * ((1 - f) * math.cos(a0) + f * math.cos(a1))
                y = ring * ((1 - f) * math.sin(a0) + f * math.sin(a1))
                offsets.append((x, y))
        ring += 1
    return offsets[:count]


def copy_offsets(count: int, arrange: str = "cluster") -> list[Point]:
    """Offsets (unit spacing) for ``count`` copies laid out as a cluster, a row or a column."""
    if arrange == "cluster":
        return cluster_offsets(count)
    steps = [0.0] + [sign * n for n in range(1, count) for sign in (1.0, -1.0)]
    steps = steps[:count]
    return [(s, 0.0) if arrange == "row" else (0.0, -s) for s in steps]


def _rotate(x: float, y: float, degrees: float) -> Point:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return x * c - y * s, x * s + y * c


def held_while_breaking(broken: float) -> float:
    """How much of a surface molecule shows while its cell breaks up: all of it until the cell
    is a third of the way to pieces (whatever holds it, a CAR, still holds it), then less."""
    return 1.0 if broken <= HELD_UNTIL else max(0.0, (1.0 - broken) / (1.0 - HELD_UNTIL))


def unbroken_share(broken: float) -> float:
    """How much of a cell's whole body still shows when it is ``broken`` so far (0 whole, 1 in
    pieces): it fades faster than it breaks, so the pieces take over."""
    return (1.0 - broken) ** 1.5


def _clamp01(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def _lerp_angle(a: float, b: float, f: float) -> float:
    delta = (b - a + 180.0) % 360.0 - 180.0
    return a + delta * f


class _Layout:
    def __init__(self, scene: Scene, states: Mapping[str, ActorState],
                 copy: tuple[str, int] | None = None) -> None:
        self.scene = scene
        self.states = states
        self.copy = copy  # (actor, index): only that copy of that actor, and what is on it
        self.actors = {actor.id: actor for actor in scene.actors}
        self.done: dict[str, tuple[Placement, ...]] = {}
        self.busy: set[str] = set()

    def resolve(self, actor_id: str) -> tuple[Placement, ...]:
        if actor_id in self.done:
            return self.done[actor_id]
        self.busy.add(actor_id)
        actor, state = self.actors[actor_id], self.states[actor_id]
        spec = kinds.kind_spec(actor.kind)
        if actor.parent:
            placements = self._on_membrane(actor, state, spec)
        else:
            placements = self._copies(actor, state, spec)
            if state.docked_to and state.dock > 0 and spec.dock_anchor and \
                    state.docked_to not in self.busy:
                placements = self._docked(actor, state, spec, placements)
            if self.copy is not None and self.copy[0] == actor_id:
                placements = placements[self.copy[1]:self.copy[1] + 1]
        self.busy.discard(actor_id)
        self.done[actor_id] = placements
        return placements

    def _copies(self, actor: Actor, state: ActorState,
                spec: kinds.KindSpec) -> tuple[Placement, ...]:
        base_alpha = state.opacity if state.visible else 0.0
        size = spec.size * state.scale
        spread = actor.spread if actor.spread is not None else spec.spread * size
        copies = max(0, math.ceil(state.count - 1e-9))
        is_cell = spec.category == kinds.CELL
        placements = []
        for k, (dx, dy) in enumerate(copy_offsets(copies, actor.arrange)):
            grown = _clamp01(state.count - k)
            # new copies bud out of the middle as they fade in
            x, y = state.x + dx * spread * grown, state.y + dy * spread * grown
            turn = (k * 47.0) % 360 if is_cell else 0.0
            placements.append(Placement(x, y, size, state.rotation + turn, base_alpha * grown,
                                        state.broken))
        return tuple(placements)

    def _on_membrane(self, actor: Actor, state: ActorState,
                     spec: kinds.KindSpec) -> tuple[Placement, ...]:
        parent = self.actors[actor.parent]
        parent_spec = kinds.kind_spec(parent.kind)
        alpha = state.opacity if state.visible else 0.0
        slots = len(actor.angles) if actor.angles else max(actor.slots, 1)
        shown = min(max(0, math.ceil(state.count - 1e-9)), slots)
        placements = []
        for host in self.resolve(actor.parent):
            host_scale = host.size / parent_spec.size
            for j in range(shown):
                angle = (actor.angles[j] if actor.angles
                         else state.rotation + 360.0 * j / slots)
                radius = host.size * membrane_radius(parent.kind, parent.seed, angle)
                world = angle + host.rotation
                x = host.x + radius * math.cos(math.radians(world))
                y = host.y + radius * math.sin(math.radians(world))
                fade = host.alpha * held_while_breaking(host.broken) * alpha \
                    * _clamp01(state.count - j)
                placements.append(Placement(x, y, spec.size * state.scale * host_scale,
                                            world - 90.0, fade))
        return tuple(placements)

    def _docked(self, actor: Actor, state: ActorState, spec: kinds.KindSpec,
                free: tuple[Placement, ...]) -> tuple[Placement, ...]:
        targets = self.resolve(state.docked_to)
        if not targets:
            return free
        target_spec = kinds.kind_spec(self.actors[state.docked_to].kind)
        ax, ay = spec.anchor(spec.dock_anchor)
        bx, by = spec.anchor(spec.dock_toward)
        toward = math.degrees(math.atan2(by - ay, bx - ax))
        result = []
        for k, placement in enumerate(free):
            target = targets[(actor.dock_index + k) % len(targets)]
            point, normal = self._surface_point(target, target_spec,
                                                (placement.x, placement.y),
                                                self.actors[state.docked_to])
            rotation = normal - toward
            ox, oy = _rotate(ax * placement.size, ay * placement.size, rotation)
            dx, dy = point[0] - ox, point[1] - oy
            f = state.dock
            result.append(Placement(placement.x + (dx - placement.x) * f,
                                    placement.y + (dy - placement.y) * f, placement.size,
                                    _lerp_angle(placement.rotation, rotation, f),
                                    placement.alpha, placement.broken))
        return tuple(result)

    @staticmethod
    def _surface_point(target: Placement, spec: kinds.KindSpec, toward: Point,
                       actor: Actor) -> tuple[Point, float]:
        """Where a molecule meets ``target`` (a copy of ``actor``), and the outward direction
        there (degrees)."""
        if spec.category == kinds.CELL:
            normal = math.degrees(math.atan2(toward[1] - target.y, toward[0] - target.x))
            radius = target.size * membrane_radius(spec.name, actor.seed,
                                                   normal - target.rotation)
            return (target.x + radius * math.cos(math.radians(normal)),
                    target.y + radius * math.sin(math.radians(normal))), normal
        lx, ly = _local_anchor(spec, actor, "dock") if "dock" in spec.anchor_names else (0.0, 1.0)
        tx, ty = _rotate(lx * target.size, ly * target.size, target.rotation)
        return (target.x + tx, target.y + ty), target.rotation + 90.0


def layout(scene: Scene, states: Mapping[str, ActorState],
           only: Collection[str] | None = None,
           copy: tuple[str, int] | None = None) -> dict[str, tuple[Placement, ...]]:
    """Every copy of every actor in ``states`` (from ``state_at``), by actor id.

    With ``only``, just those actors and the ones they stand on or dock to are placed. With
    ``copy`` (an actor without a parent, and the index of one of its copies), only that copy
    of it is placed, and only what stands on that copy.
    """
    resolver = _Layout(scene, states, copy)
    wanted = [actor.id for actor in scene.actors] if only is None else only
    for actor_id in wanted:
        resolver.resolve(actor_id)
    return resolver.done


def anchor_point(scene: Scene, placements: Mapping[str, tuple[Placement, ...]], actor_id: str,
                 index: int = 0, anchor: str = "", toward: Point | None = None) -> Point | None:
    """The scene point of ``anchor`` on copy ``index`` of an actor (None if it has no copies).

    For a cell with no anchor (or "auto"/"edge") the point is on the outline facing ``toward``.
    """
    copies = placements.get(actor_id, ())
    if not copies:
        return None
    placement = copies[min(index, len(copies) - 1)]
    actor = scene.actor(actor_id)
    spec = kinds.kind_spec(actor.kind)
    angle = edge_angle(anchor) if spec.category == kinds.CELL else None
    if angle is not None:  # a chosen point of the outline, in the cell's own frame
        radius = placement.size * membrane_radius(actor.kind, actor.seed, angle)
        world = math.radians(angle + placement.rotation)
        return placement.x + radius * math.cos(world), placement.y + radius * math.sin(world)
    if spec.category == kinds.CELL and anchor in ("", "auto", "edge") and toward is not None:
        point, _ = _Layout._surface_point(placement, spec, toward, actor)
        return point
    if not anchor or anchor == "auto":
        anchor = "tip" if spec.category == kinds.SURFACE else "centre"
    if anchor not in spec.anchor_names:
        anchor = "centre" if "centre" in spec.anchor_names else spec.anchor_names[0]
    lx, ly = _local_anchor(spec, actor, anchor)
    ox, oy = _rotate(lx * placement.size, ly * placement.size, placement.rotation)
    return placement.x + ox, placement.y + oy


def edge_angle(anchor: str) -> float | None:
    """The angle (degrees) of a cell's ``edge:DEGREES`` anchor, or None for any other name."""
    name, _, degrees = anchor.partition(":")
    if name != "edge" or not degrees:
        return None
    try:
        angle = float(degrees)
    except ValueError:
        return None
    return angle if math.isfinite(angle) else None


def _local_anchor(spec: kinds.KindSpec, actor: Actor, name: str) -> Point:
    """A named point of ``actor`` in its own frame (turned over if the actor is mirrored)."""
    lx, ly = spec.anchor(name)
    return (-lx if actor.mirror else lx), ly
