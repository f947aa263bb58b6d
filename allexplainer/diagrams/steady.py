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

A cell that breaks up in a stage without moving is steady in part: its whole body only fades
(``unbroken_share`` of it shows) while its small pieces drift, so the picture is of the body
and the pieces are drawn on every frame (``Steady.whole_only``).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from allexplainer.diagrams import kinds
from allexplainer.diagrams.layout import Placement, layout, unbroken_share
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
    whole_only: bool = False  # a cell breaking up: the picture is of its whole body only


def chain_opacity(states: Mapping[str, ActorState], chain: tuple[str, ...]) -> float:
    """The product of the opacities of ``chain`` in ``states`` (0 where one is hidden)."""
    opacity = 1.0
    for actor_id in chain:
        state = states[actor_id]
        opacity *= state.opacity if state.visible else 0.0
    return opacity


def opacity_at(states: Mapping[str, ActorState], steady: Steady) -> float:
    """How opaque the actor's picture is drawn in ``states`` (0 to 1)."""
    return min(max(_opacity(states, steady.chain, steady.whole_only) / steady.peak, 0.0), 1.0)


def _opacity(states: Mapping[str, ActorState], chain: tuple[str, ...], whole_only: bool) -> float:
    """The chain's opacity, times how much of the cell's body is unbroken for ``whole_only``."""
    opacity = chain_opacity(states, chain)
    return opacity * unbroken_share(states[chain[0]].broken) if whole_only else opacity


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
    times, frames = _sampled(scene, t0, t1, SAMPLES)
    placed = [layout(scene, frame, candidates) for frame in frames]
    result = {}
    for actor_id in candidates:
        chain = [actor_id]
        while actors[chain[-1]].parent:
            chain.append(actors[chain[-1]].parent)
        breaks = any(abs(frame[actor_id].broken - frames[0][actor_id].broken) > _CLOSE
                     for frame in frames)
        if breaks and kinds.kind_spec(actors[actor_id].kind).category != kinds.CELL:
            continue
        opacities = [_opacity(frame, tuple(chain), breaks) for frame in frames]
        peak = max(opacities)
        if peak <= 0.0:
            continue
        ref = opacities.index(peak)
        root = chain[-1]
        origin = (frames[ref][root].x, frames[ref][root].y)
        shifts = [(frame[root].x - origin[0], frame[root].y - origin[1]) for frame in frames]
        moves = any(abs(dx) > _CLOSE or abs(dy) > _CLOSE for dx, dy in shifts)
        if moves and (breaks or any(actors[a].kind in TUBED for a in chain)):
            continue  # (a breaking cell's pieces are drawn where they are: it must stay put)
        if _steady(actor_id, frames, placed, opacities, shifts, ref, breaks):
            result[actor_id] = Steady(tuple(chain), times[ref], peak,
                                      tuple(round(o / peak, 6) for o in opacities),
                                      root if moves else "", origin, breaks)
    return result


def _sampled(scene: Scene, t0: float, t1: float,
             count: int) -> tuple[list[float], list[dict[str, ActorState]]]:
    """``count`` moments evenly from ``t0`` to ``t1`` (both included) and the states then."""
    times = [t0 + (t1 - t0) * i / (count - 1) for i in range(count)]
    return times, [state_at(scene, t) for t in times]


def _steady(actor_id: str, frames: list[Mapping[str, ActorState]],
            placed: list[dict[str, tuple[Placement, ...]]], opacities: list[float],
            shifts: list[tuple[float, float]], ref: int, whole_only: bool = False) -> bool:
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
            if whole_only:  # the body's share of each copy fades with the chain
                if abs(copy.alpha * unbroken_share(copy.broken)
                       - picture.alpha * unbroken_share(picture.broken) * share) > _CLOSE:
                    return False
            elif abs(copy.broken - picture.broken) > _CLOSE or \
                    abs(copy.alpha - picture.alpha * share) > _CLOSE:
                return False
    return True


# -- cells that multiply: each copy its own picture -------------------------------------------


PICTURE_STEP = 1.15  # a copy that grows or shrinks gets a picture at each 15 % of size
FINE_SAMPLES = 121  # moments searched for those sizes


@dataclass(frozen=True)
class CopyPicture:
    """One copy of a multiplying actor, as drawn for a picture of it at one size.

    Outlines keep their width in pixels whatever a cell's size, so a picture is only scaled a
    little: a copy that grows or shrinks has a picture every ``PICTURE_STEP`` of its size."""

    index: int  # which copy
    reference: float  # the moment drawn
    origin: Placement  # the copy's placement then, at its most opaque in the stage
    boost: float = 1.0  # how much more opaque than at that moment it is drawn


@dataclass(frozen=True)
class Copies:
    """An actor without a parent whose copies each keep their look through a stage, each
    sliding, growing or shrinking and fading on its own (cells that multiply, budding out of
    the first), with what stands on them."""

    root: str
    pictures: tuple[CopyPicture, ...]


def copy_transform(now: Placement, picture: CopyPicture) -> tuple[float, float, float, float]:
    """(scale, x, y, opacity) taking a copy's picture to ``now``: scaled about its origin's
    place by ``scale`` and moved there to (x, y), drawn at ``opacity``."""
    origin = picture.origin
    return (now.size / origin.size, now.x, now.y,
            min(max(now.alpha / origin.alpha, 0.0), 1.0))


def copied_actors(scene: Scene, actor_ids: Collection[str], t0: float, t1: float,
                  skip: Collection[str] = ()) -> dict[str, Copies]:
    """Which of ``actor_ids`` (not in ``skip``) are a multiplying actor or stand on one whose
    every copy keeps its look between ``t0`` and ``t1``: each copy's placements, and those of
    what stands on it, are its picture's scaled about the copy's middle, moved with it and
    faded with it. By actor id, the same ``Copies`` for an actor and what stands on it."""
    actors = {actor.id: actor for actor in scene.actors}
    candidates = [a for a in actor_ids if a in actors and a not in skip
                  and actors[a].kind not in NOT_STEADY and actors[a].kind not in TUBED]
    roots: dict[str, list[str]] = {}
    for actor_id in candidates:
        root = actor_id
        while actors[root].parent:
            root = actors[root].parent
        if actors[root].kind in TUBED:
            continue
        roots.setdefault(root, []).append(actor_id)
    if not roots or t1 <= t0:
        return {}
    times, frames = _sampled(scene, t0, t1, SAMPLES)
    fine, fine_frames = _sampled(scene, t0, t1, FINE_SAMPLES)
    result: dict[str, Copies] = {}
    for root, members in roots.items():
        most = max(len(layout(scene, frame, [root])[root]) for frame in frames)
        pictures, kept = [], set(members)
        for index in range(most):
            placed = [layout(scene, frame, members, copy=(root, index)) for frame in frames]
            hosts = [p[root][0] if p.get(root) else None for p in placed]
            shown = [i for i, host in enumerate(hosts) if host is not None and host.alpha > 0]
            if not shown:
                continue
            ref = max(shown, key=lambda i: (hosts[i].alpha, hosts[i].size))
            kept &= {m for m in members if _copy_keeps(m, frames, placed, hosts, ref)}
            peak = hosts[ref].alpha
            # the sizes it takes, finely (only the copy itself is placed: cheap)
            sizes = [(host, t) for t, frame in zip(fine, fine_frames, strict=True)
                     for host in layout(scene, frame, [root], copy=(root, index))[root]
                     if host.alpha > 0]
            last = math.inf
            for host, t in sorted(sizes, key=lambda s: (-s[0].size, -s[0].alpha)):
                if host.size * PICTURE_STEP <= last:
                    last = host.size
                    pictures.append(CopyPicture(index, t, host._replace(alpha=peak),
                                                peak / host.alpha))
        # all or nothing: a cell whose receptors must still be drawn each frame (their number
        # growing) gains nothing from pictures of it broken up between them
        if pictures and kept == set(members):
            copies = Copies(root, tuple(pictures))
            result.update({m: copies for m in kept})
    return result


def _copy_keeps(actor_id: str, frames: list[Mapping[str, ActorState]],
                placed: list[dict[str, tuple[Placement, ...]]],
                hosts: list[Placement | None], ref: int) -> bool:
    """Whether ``actor_id``'s placements on one copy are that copy's picture, scaled, moved
    and faded with it, at every sampled moment."""
    origin, base = hosts[ref], placed[ref].get(actor_id, ())
    base_state = frames[ref][actor_id]
    for frame, placements, host in zip(frames, placed, hosts, strict=True):
        state = frame[actor_id]
        if any(getattr(state, name) != getattr(base_state, name) for name in _FIXED):
            return False
        copies = placements.get(actor_id, ())
        if host is None:
            if copies:
                return False
            continue
        if len(copies) != len(base) or abs(host.rotation - origin.rotation) > _CLOSE:
            return False
        scale = host.size / origin.size
        share = host.alpha / origin.alpha
        for now, picture in zip(copies, base, strict=True):
            if abs(now.x - host.x - scale * (picture.x - origin.x)) > _CLOSE or \
                    abs(now.y - host.y - scale * (picture.y - origin.y)) > _CLOSE or \
                    abs(now.size - scale * picture.size) > _CLOSE or \
                    abs(now.rotation - picture.rotation) > _CLOSE or \
                    abs(now.broken - picture.broken) > _CLOSE or \
                    abs(now.alpha - picture.alpha * share) > _CLOSE:
                return False
    return True
