"""The drawing of each kind in its own local coordinates (see ``kinds``), as layers of outlines.

A layer is a set of polygons (filled and outlined) or polylines, all in one style. Every kind
differs from the others by shape or texture as well as by colour, so it reads in grey. Textures
(dots, stripes, cross-hatching) are drawn as short lines rather than matplotlib hatches: they
scale with the cell and cost a tenth as much to draw. Line widths are in pixels on a 1280x720
canvas; the renderer scales them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from allexplainer.diagrams.layout import membrane_radius
from allexplainer.palette import (
    BACKGROUND,
    BLACK,
    BLUE,
    BLUISH_GREEN,
    DEVICE,
    ORANGE,
    OUTLINE,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    WHITE,
    YELLOW,
    mix,
)

UNDER, BODY, OVER = -1, 0, 1  # drawn before the parent cell, with the actor, after the parent


@dataclass(frozen=True)
class Layer:
    """Polygons (``filled``) or polylines in one style, in local coordinates."""

    paths: tuple[np.ndarray, ...]
    face: str | None = None
    edge: str = OUTLINE
    width: float = 2.0
    filled: bool = True
    depth: int = BODY
    pieces: bool = False  # drawn only while a cell breaks up
    texture: bool = False  # dots or stripes: their line width grows and shrinks with the actor
    dashed: bool = False


def circle(radius: float = 1.0, centre: tuple[float, float] = (0.0, 0.0), n: int = 48,
           squash: float = 1.0) -> np.ndarray:
    """A circle (or, with ``squash``, an ellipse) as a closed polygon."""
    a = np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    return np.column_stack((centre[0] + radius * np.cos(a),
                            centre[1] + radius * squash * np.sin(a)))


def outline(kind: str, seed: int, radius: float = 1.0, n: int = 72) -> np.ndarray:
    """A cell's own wobbly outline, matching where ``layout`` stands molecules on it."""
    angles = np.linspace(0.0, 360.0, n, endpoint=False)
    r = np.array([radius * membrane_radius(kind, seed, a) for a in angles])
    rad = np.radians(angles)
    return np.column_stack((r * np.cos(rad), r * np.sin(rad)))


def capsule(p0: tuple[float, float], p1: tuple[float, float], width: float,
            n: int = 8) -> np.ndarray:
    """A rod with round ends from ``p0`` to ``p1``."""
    (x0, y0), (x1, y1) = p0, p1
    angle = math.atan2(y1 - y0, x1 - x0)
    half = width / 2
    arc1 = np.linspace(angle - math.pi / 2, angle + math.pi / 2, n)
    arc0 = np.linspace(angle + math.pi / 2, angle + 3 * math.pi / 2, n)
    return np.vstack((np.column_stack((x1 + half * np.cos(arc1), y1 + half * np.sin(arc1))),
                      np.column_stack((x0 + half * np.cos(arc0), y0 + half * np.sin(arc0)))))


def rounded_rect(w: float, h: float, r: float, centre: tuple[float, float] = (0.0, 0.0),
                 n: int = 6) -> np.ndarray:
    """A rectangle with rounded corners."""
    r = min(r, w / 2, h / 2)
    cx, cy = centre
    points = []
    for (qx, qy, start) in ((1, 1, 0), (-1, 1, 90), (-1, -1, 180), (1, -1, 270)):
        ox, oy = cx + qx * (w / 2 - r), cy + qy * (h / 2 - r)
        for a in np.radians(np.linspace(start, start + 90, n)):
            points.append((ox + r * math.cos(a), oy + r * math.sin(a)))
    return np.array(points)


def antibody_arms(fork: tuple[float, float] = (0.0, 0.05), tip: tuple[float, float] = (0.5, 0.62),
                  half_width: float = 0.13) -> np.ndarray:
    """The two arms of a Y as one V-shaped outline with round tips."""
    dx, dy = tip[0] - fork[0], tip[1] - fork[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length  # along the right arm
    # the inner edges meet on the middle line in a notch, the outer edges below the fork
    along = half_width * uy / ux
    notch = (0.0, fork[1] + along * uy + half_width * ux)
    bottom = (0.0, fork[1] - along * uy - half_width * ux)
    angle = math.atan2(uy, ux)
    cap = [(tip[0] + half_width * math.cos(a), tip[1] + half_width * math.sin(a))
           for a in np.linspace(angle - math.pi / 2, angle + math.pi / 2, 9)]
    right = [bottom, *cap, notch]
    left = [(-x, y) for x, y in reversed(cap)]
    return np.array([*right, *left])


def _poly(*points: tuple[float, float]) -> np.ndarray:
    return np.array(points, dtype=float)


def dots(radius: float, centre: tuple[float, float] = (0.0, 0.0), spacing: float = 0.12,
         squash: float = 1.0) -> tuple[np.ndarray, ...]:
    """Short strokes on a hexagonal grid inside an ellipse: drawn with round caps, they are dots."""
    strokes = []
    rows = int(radius / (spacing * 0.866)) + 1
    for row in range(-rows, rows + 1):
        y = row * spacing * 0.866
        shift = spacing / 2 if row % 2 else 0.0
        for column in range(-rows - 1, rows + 2):
            x = column * spacing + shift
            if (x / radius) ** 2 + (y / (radius * squash)) ** 2 <= 1.0:
                cx, cy = centre[0] + x, centre[1] + y * squash
                strokes.append(_poly((cx - 0.004, cy), (cx + 0.004, cy)))
    return tuple(strokes)


def stripes(radius: float, centre: tuple[float, float] = (0.0, 0.0), angle: float = 45.0,
            spacing: float = 0.13, squash: float = 1.0) -> tuple[np.ndarray, ...]:
    """Parallel chords at ``angle`` degrees across an ellipse (radius, radius * squash)."""
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    chords = []
    offset = -radius + spacing / 2
    while offset < radius:
        # a chord of the unit circle at distance ``offset`` along the normal, then squashed
        half = math.sqrt(max(radius * radius - offset * offset, 0.0))
        px, py = -uy * offset, ux * offset
        p0 = (px - ux * half, py - uy * half)
        p1 = (px + ux * half, py + uy * half)
        chords.append(_poly((centre[0] + p0[0], centre[1] + p0[1] * squash),
                            (centre[0] + p1[0], centre[1] + p1[1] * squash)))
        offset += spacing
    return tuple(chords)


def _cell(kind: str, seed: int, fill: str, nucleus: np.ndarray, nucleus_fill: str,
          texture: tuple[np.ndarray, ...], texture_width: float = 1.6) -> list[Layer]:
    body = outline(kind, seed)
    return [
        Layer((body,), fill, width=3.0),
        Layer((nucleus,), nucleus_fill, width=2.0),
        Layer(texture, edge=mix(nucleus_fill, BLACK, 0.55), width=texture_width,
              filled=False, texture=True),
        Layer((circle(0.2, n=16, squash=0.85),), fill, width=2.0, pieces=True),
    ]


def cell_layers(kind: str, seed: int) -> list[Layer]:
    """Layers of a cell kind, with its own outline for ``seed``."""
    if kind == "t_cell":  # round nucleus, dotted
        return _cell(kind, seed, SKY_BLUE, circle(0.46, (-0.04, 0.03)),
                     mix(SKY_BLUE, BLUE, 0.35), dots(0.4, (-0.04, 0.03), 0.13), 3.6)
    if kind == "b_cell":  # oval nucleus, striped
        return _cell(kind, seed, BLUISH_GREEN, circle(0.5, (0.05, -0.02), squash=0.78),
                     mix(BLUISH_GREEN, WHITE, 0.45),
                     stripes(0.46, (0.05, -0.02), 45.0, 0.12, squash=0.78), 1.8)
    if kind == "leukaemia_cell":  # large lumpy nucleus, cross-hatched
        lumpy = outline("leukaemia_cell", seed * 3 + 1, 0.64)
        return _cell(kind, seed, REDDISH_PURPLE, lumpy, mix(REDDISH_PURPLE, BLACK, 0.2),
                     stripes(0.5, angle=45.0, spacing=0.15)
                     + stripes(0.5, angle=-45.0, spacing=0.15), 1.8)
    if kind == "immune_cell":  # ruffled edge, a kidney-shaped nucleus, dotted granules
        # the outer curve round the left, then the dent (the hilum) curving in from the right:
        # an arc of a circle centred right of the nucleus, from its lower end to its upper one
        a = np.radians(np.linspace(50, 310, 30))
        b = np.radians(np.linspace(201.6, 158.4, 12))
        kidney = np.vstack((np.column_stack((-0.08 + 0.5 * np.cos(a), 0.5 * np.sin(a))),
                            np.column_stack((1.2 + 1.03 * np.cos(b), 1.03 * np.sin(b)))))
        return _cell(kind, seed, mix(ORANGE, WHITE, 0.5), kidney, mix(ORANGE, BLACK, 0.15),
                     dots(0.3, (-0.2, 0.0), 0.14), 3.0)
    # a healthy cell with no CD19: smooth, no nucleus, a paler dimple in the middle
    return [Layer((circle(1.0, n=64),), YELLOW, width=3.0),
            Layer((circle(0.5, n=48),), mix(YELLOW, WHITE, 0.55), width=1.5,
                  edge=mix(YELLOW, BLACK, 0.45)),
            Layer((circle(0.2, n=16, squash=0.8),), YELLOW, width=2.0, pieces=True)]


def _surface_layers(kind: str) -> list[Layer]:
    if kind == "tcr":
        return [Layer((_poly((0, -0.15), (0, 0.55)), _poly((-0.32, 1.0), (0, 0.55), (0.32, 1.0))),
                      edge=BLACK, width=3.2, filled=False, depth=UNDER)]
    if kind == "cd19":
        # a coloured stalk with an outline (a protein, never mistaken for a label's leader line)
        return [Layer((capsule((0, -0.15), (0, 0.96), 0.075),), mix(VERMILLION, BLACK, 0.3),
                      width=1.6, depth=UNDER),
                Layer((_poly((0, 1.0), (0.62, 0.8), (0, 0.58)),), VERMILLION, width=2.0,
                      depth=UNDER)]
    if kind == "cd3":
        return [Layer((_poly((0, -0.15), (0, 0.5)),), edge=BLACK, width=2.6, filled=False,
                      depth=UNDER),
                Layer((rounded_rect(0.62, 0.5, 0.12, (0, 0.75)),), BLUE, width=2.0,
                      depth=UNDER)]
    # car: binding head outside, hinge, a transmembrane piece, two signalling boxes inside
    return [
        Layer((_poly((0, 0.0), (0, 0.74)),), edge=BLACK, width=4.0, filled=False, depth=UNDER),
        Layer((_poly((-0.2, 0.72), (0.2, 0.72), (0.27, 1.0), (-0.27, 1.0)),), ORANGE,
              width=2.2, depth=UNDER),
        Layer((_poly((0, 0.0), (0, -0.5)),), edge=BLACK, width=3.0, filled=False, depth=OVER),
        Layer((rounded_rect(0.16, 0.2, 0.03, (0, 0.0)),), YELLOW, width=1.8, depth=OVER),
        Layer((rounded_rect(0.24, 0.17, 0.03, (0, -0.2)),), BLUISH_GREEN, width=1.8,
              depth=OVER),
        Layer((rounded_rect(0.24, 0.17, 0.03, (0, -0.42)),), BLUE, width=1.8, depth=OVER),
    ]


def _molecule_layers(kind: str) -> list[Layer]:
    if kind == "antibody":
        # IgG: a straight stem (Fc) and two equal arms (Fab) at the same angle, round tips
        return [Layer((capsule((0, -0.62), (0, 0.0), 0.3),), BLUE, width=2.2),
                Layer((antibody_arms((0.0, 0.06), (0.5, 0.66), 0.14),), ORANGE, width=2.2)]
    if kind == "blinatumomab":
        cd3_cup = _poly((-0.36, -0.22), (-0.36, 0.22), (-0.74, 0.22), (-0.74, 0.1), (-0.52, 0.1),
                        (-0.52, -0.1), (-0.74, -0.1), (-0.74, -0.22))
        cd19_cup = _poly((0.36, -0.22), (0.78, -0.28), (0.56, 0.0), (0.78, 0.28), (0.36, 0.22))
        return [Layer((capsule((-0.4, 0), (0.4, 0), 0.18),), ORANGE, width=2.2),
                Layer((cd3_cup,), BLUE, width=2.2),
                Layer((cd19_cup,), VERMILLION, width=2.2)]
    if kind == "virus_vector":
        hexagon = circle(1.0, n=6)
        tips = [(1.35 * math.cos(a), 1.35 * math.sin(a))
                for a in np.radians(np.arange(0, 360, 60))]
        spikes = tuple(_poly((0.95 * x / 1.35, 0.95 * y / 1.35), (x, y)) for x, y in tips)
        return [Layer(spikes, edge=BLACK, width=3.0, filled=False),
                Layer(tuple(circle(0.13, tip, 12) for tip in tips), BLACK, width=1.0),
                Layer((hexagon,), YELLOW, width=3.0),
                Layer(dots(0.66, spacing=0.26), edge=mix(YELLOW, BLACK, 0.6), width=6.0,
                      filled=False, texture=True)]
    # gene: a short double helix
    x = np.linspace(-1.0, 1.0, 40)
    strand_a = np.column_stack((x, 0.32 * np.sin(x * 2.5 * math.pi)))
    strand_b = np.column_stack((x, -0.32 * np.sin(x * 2.5 * math.pi)))
    rungs = tuple(_poly((xi, 0.32 * math.sin(xi * 2.5 * math.pi) * 0.8),
                        (xi, -0.32 * math.sin(xi * 2.5 * math.pi) * 0.8))
                  for xi in np.linspace(-0.9, 0.9, 10))
    # the orange strands are cased in the dark outline colour, so the gene stands out (3:1 and
    # more) on the blue nucleus it is drawn in, not only on the page
    return [Layer(rungs, edge=OUTLINE, width=1.6, filled=False),
            Layer((strand_a, strand_b), edge=OUTLINE, width=7.5, filled=False),
            Layer((strand_a, strand_b), edge=ORANGE, width=4.5, filled=False)]


def _bag(fluid: str, contents: tuple[Layer, ...] = ()) -> list[Layer]:
    """A drip bag with a hanging hole, ``fluid`` in its lower two thirds and ``contents``
    (what floats in the fluid)."""
    return [Layer((rounded_rect(1.2, 2.0, 0.35),), WHITE, width=2.6),
            Layer((rounded_rect(1.04, 1.2, 0.28, (0, -0.32)),), fluid, width=1.4),
            *contents,
            Layer((circle(0.12, (0, 0.78), 16),), BACKGROUND, width=1.8)]


def _prop_layers(kind: str) -> list[Layer]:
    if kind == "pump":
        return [Layer((rounded_rect(2.0, 1.4, 0.25),), DEVICE, width=2.6),
                Layer((rounded_rect(1.3, 0.5, 0.08, (0, 0.2)),), BLUE, width=2.0),
                Layer((circle(0.14, (-0.45, -0.38), 16), circle(0.14, (0.45, -0.38), 16)),
                      ORANGE, width=1.8)]
    if kind == "medicine_bag":  # a drip of medicine: clear amber fluid, no cells in it
        return _bag(mix(ORANGE, WHITE, 0.55))
    if kind == "antibody_bag":  # immunoglobulin: ready-made antibodies, small Ys in the fluid
        stems, arms = [], []
        for cx, cy in ((-0.24, -0.12), (0.24, -0.2), (-0.2, -0.62), (0.22, -0.66)):
            stems.append(capsule((cx, cy - 0.15), (cx, cy), 0.08))
            arms.append(antibody_arms((0.0, 0.0), (0.12, 0.15), 0.04) + (cx, cy + 0.01))
        return _bag(mix(SKY_BLUE, WHITE, 0.6), (Layer(tuple(stems), BLUE, width=1.0),
                                                 Layer(tuple(arms), ORANGE, width=1.0)))
    if kind == "bag":  # the cells going back in
        return _bag(SKY_BLUE, (Layer(dots(0.4, (0, -0.32), spacing=0.2, squash=1.3),
                                     edge=mix(SKY_BLUE, BLACK, 0.5), width=6.0, filled=False,
                                     texture=True),))
    if kind == "apheresis":  # a cell separator: a cabinet, a screen and a spinning bowl
        return [Layer((rounded_rect(1.7, 2.3, 0.22),), DEVICE, width=2.6),
                Layer((rounded_rect(1.2, 0.45, 0.06, (0, 0.72)),), BLUE, width=2.0),
                Layer((circle(0.5, (0, -0.3), 40),), WHITE, width=2.2),
                Layer((_poly((-0.42, -0.3), (0.42, -0.3)), _poly((0, -0.72), (0, 0.12))),
                      edge=OUTLINE, width=2.0, filled=False),
                Layer((circle(0.13, (0, -0.3), 16),), SKY_BLUE, width=1.6)]
    if kind == "activation":
        # a pale disc, drawn under the cell, shows as a glow round its edge; the rays stand
        # between the receptors (at whole multiples of 30 degrees) and past their tips, so
        # they read as a glow round the cell, not as more receptors; none on its right, where
        # it meets its target and its receptors crowd together (turn the actor to face another way)
        turns = np.radians(np.arange(45, 330, 30))
        rays = tuple(_poly((1.48 * math.cos(t), 1.48 * math.sin(t)),
                           (1.78 * math.cos(t), 1.78 * math.sin(t))) for t in turns)
        return [Layer((circle(1.3, n=64),), mix(YELLOW, WHITE, 0.45), edge="none", width=0.0),
                Layer(rays, edge=mix(ORANGE, BLACK, 0.3), width=4.0, filled=False)]
    if kind == "sun":
        rays = tuple(_poly((0.78 * math.cos(t), 0.78 * math.sin(t)),
                           (1.15 * math.cos(t), 1.15 * math.sin(t)))
                     for t in np.radians(np.arange(0, 360, 45)))
        return [Layer(rays, edge=OUTLINE, width=2.6, filled=False),
                Layer((circle(0.62, n=40),), YELLOW, width=2.2)]
    if kind == "moon":
        a = np.radians(np.linspace(60, 300, 30))
        b = np.radians(np.linspace(250, 110, 24))
        crescent = np.vstack((np.column_stack((0.9 * np.cos(a), 0.9 * np.sin(a))),
                              np.column_stack((0.38 + 0.72 * np.cos(b), 0.72 * np.sin(b)))))
        return [Layer((crescent,), mix(BLUE, WHITE, 0.35), width=2.2)]
    return []


def layers_for(kind: str, seed: int = 0, mirror: bool = False) -> list[Layer]:
    """All layers of ``kind``; empty for kinds the renderer draws itself (labels, arrows...).

    ``mirror`` turns a surface molecule over left to right (a CD19 flag facing the other way).
    """
    if kind in ("t_cell", "b_cell", "leukaemia_cell", "healthy_cell", "immune_cell"):
        return cell_layers(kind, seed)
    if kind in ("tcr", "cd19", "cd3", "car"):
        layers = _surface_layers(kind)
        if mirror:
            layers = [replace(layer, paths=tuple(path * (-1.0, 1.0) for path in layer.paths))
                      for layer in layers]
        return layers
    if kind in ("antibody", "blinatumomab", "virus_vector", "gene"):
        return _molecule_layers(kind)
    return _prop_layers(kind)


def piece_offsets(seed: int, count: int = 7) -> list[tuple[float, float, float]]:
    """Directions (unit x, y) and a size factor for the small pieces of a breaking cell."""
    result = []
    for i in range(count):
        a = math.radians(i * 360.0 / count + (seed % 40))
        result.append((math.cos(a), math.sin(a), 0.8 + 0.25 * ((seed + i) % 3)))
    return result


def piece_reach(broken: float) -> float:
    """How far (local units) the pieces of a cell ``broken`` so far have drifted from its centre."""
    return 0.3 + 0.9 * broken


def piece_centres(x: float, y: float, size: float, rotation: float, broken: float,
                  seed: int) -> list[tuple[float, float]]:
    """Where (scene units) the pieces of a breaking cell placed at (x, y) are."""
    reach = piece_reach(broken) * size
    c, s = math.cos(math.radians(rotation)), math.sin(math.radians(rotation))
    return [(x + reach * (c * dx - s * dy), y + reach * (s * dx + c * dy))
            for dx, dy, _ in piece_offsets(seed)]


def arrow_polygon(x0: float, y0: float, x1: float, y1: float, width: float = 0.14,
                  head: float = 0.42) -> np.ndarray | None:
    """A block arrow from (x0, y0) to (x1, y1) in scene units; None if too short to draw."""
    length = math.hypot(x1 - x0, y1 - y0)
    if length < 1e-6:
        return None
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    px, py = -uy, ux
    head_len = min(head, length * 0.6)
    bx, by = x1 - ux * head_len, y1 - uy * head_len
    w, hw = width / 2, head * 0.55
    return _poly((x0 + px * w, y0 + py * w), (bx + px * w, by + py * w),
                 (bx + px * hw, by + py * hw), (x1, y1), (bx - px * hw, by - py * hw),
                 (bx - px * w, by - py * w), (x0 - px * w, y0 - py * w))
