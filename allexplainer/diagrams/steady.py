"""Actors that keep their look through a stage, only fading or sliding: pure timeline maths.

Within a stage many changing actors keep their shape and only fade in or out (the cells of one
step giving way to the next) or slide across as one piece (a cell with its receptors moving in).
Such an actor can be drawn once, as it looks at its most opaque moment, and that picture faded
and moved as one, which is much cheaper than drawing it again on every frame. This module finds
them and says, for any moment, how opaque each one's picture is and how far it has slid.

An actor's copies are as opaque as its own opacity times that of every cell it stands on (see
``layout``), and they move with the top one of those cells (its "mover"). So an actor is steady
if, at every sampled moment of the stage, each copy lies where it lies in the picture shifted by
how far the mover has come, with the same size, turn and breaking, and is as opaque as in the
picture times the product of those opacities (its "chain"), relative to the picture's moment.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from allexplainer.diagrams.layout import Placement, layout
from allexplainer.diagrams.scene import ActorState, Scene, state_at

SAMPLES = 25  # moments of a stage compared, its start and end included
NOT_STEADY = frozenset({"label", "arrow"})  # words move their leaders; arrows grow
# a prop's tube runs from the prop to a fixed point: it bends, not slides, when the prop moves
TUBED = frozenset({"pump", "bag", "medicine_bag", "antibody_bag", "apheresis"})
# the one part of a state drawn from the state, not from the placements (a tube's far end)
_FIXED = ("x2", "y2")
_CLOSE = 1e-6


@dataclass(frozen=True)
class Steady:
    """How one actor's picture fades and slides during a stage."""

    chain: tuple[str, ...]  # the actor and the cells it stands on: their opacities multiply
    reference: float  # the moment the picture is drawn at (the most opaque one)
    peak: float  # the chain's opacity then
    curve: tuple[float, ...]  # relative opacity at the sampled moments: alike fades share it
    mover: str = ""  # the actor whose place it slides with ("" if it stays put)
    origin: tuple[float, float] = (0.0, 0.0)  # the mover's place in the picture


def chain_opacity(states: Mapping[str, ActorState], chain: tuple[str, ...]) -> float:
    """The product of the opacities of ``chain`` in ``states`` (0 where one is hidden)."""
    opacity = 1.0
    for actor_id in chain:
        state = states[actor_id]
        opacity *= state.opacity if state.visible else 0.0
    return opacity


def opacity_at(states: Mapping[str, ActorState], steady: Steady) -> float:
    """How opaque the actor's picture is drawn in ``states`` (0 to 1)."""
    return min(max(chain_opacity(states, steady.chain) / steady.peak, 0.0), 1.0)


def shift_at(states: Mapping[str, ActorState], steady: Steady) -> tuple[float, float]:
    """How far (scene units) the picture has slid from its place in ``states``."""
    if not steady.mover:
        return (0.0, 0.0)
    state = states[steady.mover]
    return (state.x - steady.origin[0], state.y - steady.origin[1])


def steady_actors(scene: Scene, actor_ids: Collection[str], t0: float,
                  t1: float) -> dict[str, Steady]:
    """Which of ``actor_ids`` only fade or slide between times ``t0`` and ``t1`` (a stage),
    and how. Actors never shown in the stage are left out (they are not drawn at all)."""
    actors = {actor.id: actor for actor in scene.actors}
    candidates = [a for a in actor_ids if a in actors and actors[a].kind not in NOT_STEADY]
    if not candidates or t1 <= t0:
        return {}
    times = [t0 + (t1 - t0) * i / (SAMPLES - 1) for i in range(SAMPLES)]
    frames = [state_at(scene, t) for t in times]
    placed = [layout(scene, frame, candidates) for frame in frames]
    result = {}
    for actor_id in candidates:
        chain = [actor_id]
        while actors[chain[-1]].parent:
            chain.append(actors[chain[-1]].parent)
        opacities = [chain_opacity(frame, tuple(chain)) for frame in frames]
        peak = max(opacities)
        if peak <= 0.0:
            continue
        ref = opacities.index(peak)
        root = chain[-1]
        origin = (frames[ref][root].x, frames[ref][root].y)
        shifts = [(frame[root].x - origin[0], frame[root].y - origin[1]) for frame in frames]
        moves = any(abs(dx) > _CLOSE or abs(dy) > _CLOSE for dx, dy in shifts)
        if moves and any(actors[a].kind in TUBED for a in chain):
            continue
        if _steady(actor_id, frames, placed, opacities, shifts, ref):
            result[actor_id] = Steady(tuple(chain), times[ref], peak,
                                      tuple(round(o / peak, 6) for o in opacities),
                                      root if moves else "", origin)
    return result


def _steady(actor_id: str, frames: list[Mapping[str, ActorState]],
            placed: list[dict[str, tuple[Placement, ...]]], opacities: list[float],
            shifts: list[tuple[float, float]], ref: int) -> bool:
    base_state, base = frames[ref][actor_id], placed[ref][actor_id]
    for frame, placements, opacity, (dx, dy) in zip(frames, placed, opacities, shifts,
                                                    strict=True):
        state = frame[actor_id]
        if any(getattr(state, name) != getattr(base_state, name) for name in _FIXED):
            return False
        copies = placements[actor_id]
        if len(copies) != len(base):
            return False
        share = opacity / opacities[ref]
        for copy, picture in zip(copies, base, strict=True):
            if abs(copy.x - picture.x - dx) > _CLOSE or abs(copy.y - picture.y - dy) > _CLOSE:
                return False
            if any(abs(a - b) > _CLOSE for a, b in zip(copy[2:4], picture[2:4], strict=True)):
                return False
            if abs(copy.broken - picture.broken) > _CLOSE or \
                    abs(copy.alpha - picture.alpha * share) > _CLOSE:
                return False
    return True
