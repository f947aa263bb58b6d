"""Find the CD19 flags: cells laid out from a seed, gentle words for every tap."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from enum import StrEnum

# The field the cells live in, in scene units; the view scales it to fit the screen.
FIELD_WIDTH = 1100.0
FIELD_HEIGHT = 600.0
CELL_RADIUS = 60.0
FLAG_HEIGHT = 48.0  # how far the flag's stick reaches above the cell
COLUMNS, ROWS = 5, 3

# Healthy B cells carry the CD19 flag too, so the words never say that only poorly cells do.
START_MESSAGE = ("Some cells have a little flag. Poorly cells have one, and some healthy cells "
                 "do too. Can you tap each cell with a flag?")
FOUND_MESSAGE = "You found a flag! Can you find another one?"
NO_FLAG_MESSAGE = "That one has no flag. The super cells let it be. Try another!"
ALREADY_MESSAGE = "You found that one. Look for another flag!"
ALL_FOUND_MESSAGE = ("You found every flag! Super cells look for flags like these. "
                     "Doctors keep an eye on the healthy cells too.")


class FeedbackKind(StrEnum):
    """What a tap turned out to be."""

    FOUND = "found"
    NO_FLAG = "no_flag"
    ALREADY = "already"
    ALL_FOUND = "all_found"


@dataclass(frozen=True)
class Feedback:
    """What a tap found, and the kind words to show for it."""

    kind: FeedbackKind
    message: str


@dataclass(frozen=True)
class Cell:
    """One round cell; ``flag_side`` is -1 or 1 for the side its flag leans to."""

    id: int
    x: float
    y: float
    radius: float
    has_flag: bool
    row: int
    flag_side: int = 1


def child_messages() -> tuple[str, ...]:
    """Every sentence this activity can show, so tests can check the words."""
    return (START_MESSAGE, FOUND_MESSAGE, NO_FLAG_MESSAGE, ALREADY_MESSAGE, ALL_FOUND_MESSAGE)


def make_layout(seed: int, *, count: int = 10, flags: int = 3, width: float = FIELD_WIDTH,
                height: float = FIELD_HEIGHT, radius: float = CELL_RADIUS,
                columns: int = COLUMNS, rows: int = ROWS) -> tuple[Cell, ...]:
    """Cells for ``seed``: the same seed gives the same layout, and no two cells touch."""
    if not 0 < flags <= count <= columns * rows:
        raise ValueError("need 0 < flags <= count <= columns * rows")
    spot_w, spot_h = width / columns, height / rows
    # each cell with its flag fits a box; a jittered grid keeps boxes in separate spots,
    # so cells can never overlap however the dice fall
    half_w, top, bottom = radius + 6.0, radius + FLAG_HEIGHT, radius + 6.0
    if spot_w < 2 * half_w or spot_h < top + bottom:
        raise ValueError("the field is too small for that many cells")
    rng = random.Random(seed)
    spots = sorted(rng.sample(range(columns * rows), count))
    flagged = set(rng.sample(range(count), flags))
    cells = []
    for number, spot in enumerate(spots):
        row, column = divmod(spot, columns)
        left, upper = column * spot_w, row * spot_h
        x = rng.uniform(left + half_w, left + spot_w - half_w)
        y = rng.uniform(upper + top, upper + spot_h - bottom)
        cells.append(Cell(number, round(x, 1), round(y, 1), radius, number in flagged, row,
                          rng.choice((-1, 1))))
    return tuple(cells)


class FlagHunt:
    """One round of looking for flags: which cells are found, and what each tap means."""

    def __init__(self, seed: int = 1, *, count: int = 10, flags: int = 3) -> None:
        self.seed = seed
        self._count, self._flags = count, flags
        self.cells: tuple[Cell, ...] = make_layout(seed, count=count, flags=flags)
        self.found: frozenset[int] = frozenset()

    def cell(self, cell_id: int) -> Cell:
        """The cell called ``cell_id``."""
        return self.cells[cell_id]

    @property
    def flag_count(self) -> int:
        """How many cells carry a flag."""
        return sum(cell.has_flag for cell in self.cells)

    @property
    def found_count(self) -> int:
        """How many flags have been found."""
        return len(self.found)

    @property
    def all_found(self) -> bool:
        """Whether every flag has been found."""
        return self.found_count == self.flag_count

    def tap(self, cell_id: int) -> Feedback:
        """Tap a cell: a flag is found, or a kind word says this cell has no flag."""
        cell = self.cells[cell_id]
        if not cell.has_flag:
            return Feedback(FeedbackKind.NO_FLAG, NO_FLAG_MESSAGE)
        if cell_id in self.found:
            if self.all_found:
                return Feedback(FeedbackKind.ALL_FOUND, ALL_FOUND_MESSAGE)
            return Feedback(FeedbackKind.ALREADY, ALREADY_MESSAGE)
        self.found = self.found | {cell_id}
        if self.all_found:
            return Feedback(FeedbackKind.ALL_FOUND, ALL_FOUND_MESSAGE)
        return Feedback(FeedbackKind.FOUND, FOUND_MESSAGE)

    def play_again(self) -> None:
        """Start a new round with the next seed's layout (never the same as this one)."""
        old = {(cell.x, cell.y) for cell in self.cells}
        seed = self.seed + 1
        while {(cell.x, cell.y) for cell in make_layout(seed, count=self._count,
                                                        flags=self._flags)} == old:
            seed += 1
        self.seed = seed
        self.cells = make_layout(seed, count=self._count, flags=self._flags)
        self.found = frozenset()

    def reading_order(self) -> tuple[int, ...]:
        """Cell ids row by row, left to right: the order Tab visits them."""
        return tuple(cell.id for cell in sorted(self.cells, key=lambda c: (c.row, c.x)))

    def neighbour(self, cell_id: int, dx: int, dy: int) -> int:
        """The nearest cell in direction (``dx``, ``dy``) from ``cell_id``; itself if none."""
        here = self.cells[cell_id]
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        best, best_score = cell_id, math.inf
        for cell in self.cells:
            vx, vy = cell.x - here.x, cell.y - here.y
            along = vx * ux + vy * uy
            if cell.id == cell_id or along <= 1.0:
                continue
            # favour cells straight ahead over nearer ones far off to the side
            score = along + 2.0 * abs(vx * uy - vy * ux)
            if score < best_score:
                best, best_score = cell.id, score
        return best
