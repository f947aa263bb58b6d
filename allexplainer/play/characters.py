"""Play mode's characters are the diagrams' characters: the same outlines, colours and proportions.

Nothing is redrawn here by hand. Every outline comes from ``allexplainer.diagrams.shapes``, in
the diagrams' own local units (a cell is a unit circle round (0, 0), y points up; a surface
molecule stands on the cell's outline at (0, 0) and points up), so a child who has played with
the guard cell meets the same cell in the diagram. This module only says which diagram shapes
make each play character, where its receptors stand, and what a screen reader calls it.

Plain Python: no Qt, no matplotlib. ``allexplainer.play._qt.paint`` draws these layers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from allexplainer.diagrams import kinds
from allexplainer.diagrams.layout import membrane_radius
from allexplainer.diagrams.shapes import UNDER, Layer, layers_for
from allexplainer.play.build_car import PartKind

GUARD_CELL = "t_cell"  # the guard cell; with its flag finders it is the super cell (CAR T-cell)
LEUKAEMIA_CELL = "leukaemia_cell"  # carries CD19 flags
B_CELL = "b_cell"  # a healthy cell that carries CD19 flags too
OTHER_CELL = "healthy_cell"  # another blood cell, with no CD19 flag
CELL_KINDS = (GUARD_CELL, LEUKAEMIA_CELL, B_CELL, OTHER_CELL)
FLAGGED_KINDS = (LEUKAEMIA_CELL, B_CELL)

# Receptors are drawn half as big again, for the cell they stand on, as in the diagrams: a
# child's eyes and fingers need them bigger. Their own shapes and proportions are the diagrams'.
RECEPTOR_GROWTH = 1.5
# A diagram's line widths are pixels on a 1280x720 canvas, where one scene unit is 80 px.
DIAGRAM_PX_PER_UNIT = 80.0

# Where receptors stand, in degrees anticlockwise from "right" (the diagrams' convention).
# The guard cell's two flag finders face right, towards the cells it will meet; its feelers
# (T-cell receptors) stand between and around them, as on the diagrams' T cells.
CAR_ANGLES = (30.0, -30.0)
FEELER_ANGLES = (0.0, 90.0, 150.0, 210.0, 270.0)
# CD19 flags all round a leukaemia cell and a B cell, as in the Targeting CD19 diagram
FLAG_ANGLES = {LEUKAEMIA_CELL: (180.0, 240.0, 300.0, 0.0, 60.0, 120.0),
               B_CELL: (200.0, 290.0, 20.0, 110.0)}

# What a screen reader calls each character (child words, the diagrams' own: see the legends)
NAMES = {
    GUARD_CELL: "Guard cell (T cell)",
    LEUKAEMIA_CELL: "Poorly cell with flags",
    B_CELL: "B cell with flags. B cells are healthy cells",
    OTHER_CELL: "Blood cell with no flag",
}
SUPER_CELL_NAME = "Super cell (CAR T-cell) with two flag finders"
FLAG_NAME = "CD19 flag"


def cell_size(kind: str) -> float:
    """How big ``kind`` is beside the others (a T cell is 1; other blood cells are smaller)."""
    return kinds.kind_spec(kind).size


@cache
def body_layers(kind: str, seed: int = 0) -> tuple[Layer, ...]:
    """The cell's own layers (outline, nucleus, texture), without the pieces of a breaking cell.
    (Made once per kind and seed, and kept: painting asks for them many times a second.)"""
    return tuple(layer for layer in layers_for(kind, seed) if not layer.pieces)


@cache
def receptor_layers(kind: str) -> tuple[Layer, ...]:
    """The layers of surface molecule ``kind`` ("tcr", "cd19" or "car")."""
    return tuple(layers_for(kind))


def receptor_length(kind: str) -> float:
    """How long surface molecule ``kind`` is, in cell radii, as play mode draws it."""
    return kinds.kind_spec(kind).size * RECEPTOR_GROWTH


def skin(kind: str, seed: int, angle: float) -> float:
    """How far the outline of cell ``kind`` lies from its middle at ``angle`` (radius 1)."""
    return membrane_radius(kind, seed, angle)


def _ys(layer: Layer) -> list[float]:
    return [float(y) for path in layer.paths for y in path[:, 1]]


@cache
def car_part_layers(part: PartKind) -> tuple[Layer, ...]:
    """The layers of the diagram's CAR that make one play part, found by where they lie.

    The CAR's named points (``kinds``) split it: everything in or under the cell's outline is
    the push part (the signalling blocks), the stem reaching out to the hinge point is the
    bendy stalk, and what lies beyond the hinge is the flag finder tip (the binding head).
    """
    spec = kinds.kind_spec("car")
    hinge = spec.anchor("hinge")[1]
    chosen = []
    for layer in receptor_layers("car"):
        low = min(_ys(layer))
        kind = (PartKind.PUSH if low < 0.0 else PartKind.TIP if low > hinge
                else PartKind.STALK)
        if kind is part:
            chosen.append(layer)
    return tuple(chosen)


def part_span(part: PartKind) -> tuple[float, float]:
    """The lowest and highest point of a part, in CAR units (0 is the cell's outline)."""
    ys = [y for layer in car_part_layers(part) for y in _ys(layer)]
    return min(ys), max(ys)


def part_middle(part: PartKind) -> float:
    """Where the middle of a part lies along the CAR, in CAR units (0 is the cell's outline)."""
    low, high = part_span(part)
    return (low + high) / 2


@dataclass(frozen=True)
class Receptor:
    """A surface molecule on a cell: its kind and the angle it stands at."""

    kind: str
    angle: float


def receptors_on(kind: str, *, super_cell: bool = False) -> tuple[Receptor, ...]:
    """The molecules drawn on cell ``kind``: CD19 flags, or a guard cell's feelers (the flag
    finders of a super cell are play parts, placed by the child)."""
    if kind == GUARD_CELL:
        return tuple(Receptor("tcr", angle) for angle in FEELER_ANGLES)
    return tuple(Receptor("cd19", angle) for angle in FLAG_ANGLES.get(kind, ()))


def flag_angles(kind: str) -> Sequence[float]:
    """Where the CD19 flags stand on cell ``kind`` (none on other blood cells)."""
    return FLAG_ANGLES.get(kind, ())


def reach(kind: str, seed: int = 0) -> float:
    """How far a cell of radius 1 reaches, its flags or feelers included."""
    outline = max(skin(kind, seed, angle) for angle in range(0, 360, 5))
    longest = max((receptor_length(receptor.kind) for receptor in receptors_on(kind)),
                  default=0.0)
    return outline * cell_size(kind) + longest


def standing_point(kind: str, seed: int, angle: float) -> tuple[float, float]:
    """Where a molecule at ``angle`` stands on cell ``kind`` of radius 1 (y up)."""
    radius = skin(kind, seed, angle) * cell_size(kind)
    return radius * math.cos(math.radians(angle)), radius * math.sin(math.radians(angle))


def is_under(layer: Layer) -> bool:
    """Whether a molecule's layer is drawn before its cell (it lies outside the outline)."""
    return layer.depth == UNDER
