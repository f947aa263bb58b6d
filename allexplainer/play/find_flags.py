"""Find the CD19 flags: cells laid out from a seed, gentle words for every tap."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from enum import StrEnum

from allexplainer.play import characters

# The field the cells live in, in scene units; the view scales it to fit the screen.
FIELD_WIDTH = 1100.0
FIELD_HEIGHT = 600.0
CELL_RADIUS = 56.0  # a leukaemia cell's or a B cell's radius; other blood cells are smaller
COLUMNS, ROWS = 5, 3
B_CELLS = 1  # of the cells with flags, how many are healthy B cells

# Healthy B cells carry the CD19 flag too, so the words never say that only poorly cells do.
START_MESSAGE = ("Some cells have little flags. Poorly cells have them, and some healthy cells "
                 "do too. Can you tap each cell with flags?")
FOUND_MESSAGE = "You found a cell with flags! Can you find another one?"
FOUND_B_CELL_MESSAGE = ("You found a B cell! It is a healthy cell, and it has flags too. "
                        "Can you find another one?")
NO_FLAG_MESSAGE = "That one has no flags. The super cells let it be. Try another!"
ALREADY_MESSAGE = "You found that one. Look for another cell with flags!"
ALL_FOUND_MESSAGE = ("You found every cell with flags! Super cells look for flags like these. "
                     "Doctors keep an eye on the healthy cells too.")


def reach(radius: float = CELL_RADIUS) -> float:
    """How far from its middle any cell of ``radius`` reaches, its flags included."""
    return radius * max(characters.reach(kind) for kind in characters.CELL_KINDS
                        if kind != characters.GUARD_CELL) + 4.0


class FeedbackKind(StrEnum):
    """What a tap turned out to be."""

    FOUND = "found"
    FOUND_B_CELL = "found_b_cell"
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
    """One cell: a poorly (leukaemia) cell or a healthy B cell with CD19 flags all round, or
    another blood cell with none. ``radius`` is a leukaemia cell's radius (other blood cells
    are drawn a little smaller, as in the diagrams); ``seed`` gives its own wobbly outline."""

    id: int
    x: float
    y: float
    radius: float
    has_flag: bool
    row: int
    kind: str = characters.LEUKAEMIA_CELL
    seed: int = 0

    @property
    def name(self) -> str:
        """What a screen reader calls this cell (child words)."""
        return characters.NAMES[self.kind]


def child_messages() -> tuple[str, ...]:
    """Every sentence this activity can show, so tests can check the words."""
    return (START_MESSAGE, FOUND_MESSAGE, FOUND_B_CELL_MESSAGE, NO_FLAG_MESSAGE, ALREADY_MESSAGE,
            ALL_FOUND_MESSAGE, *(characters.NAMES[kind] for kind in characters.CELL_KINDS),
            characters.FLAG_NAME)


def make_layout(seed: int, *, count: int = 10, flags: int = 3, width: float = FIELD_WIDTH,
                height: float = FIELD_HEIGHT, radius: float = CELL_RADIUS,
                columns: int = COLUMNS, rows: int = ROWS,
                b_cells: int = B_CELLS) -> tuple[Cell, ...]:
    """Cells for ``seed``: the same seed gives the same layout, and no two cells touch."""
    if not 0 < flags <= count <= columns * rows:
        raise ValueError("need 0 < flags <= count <= columns * rows")
    spot_w, spot_h = width / columns, height / rows
    # each cell with its flags fits a box; a jittered grid keeps boxes in separate spots,
    # so cells can never overlap however the dice fall
    half = reach(radius)
    if spot_w < 2 * half or spot_h < 2 * half:
        raise ValueError("the field is too small for that many cells")
    rng = random.Random(seed)
    spots = sorted(rng.sample(range(columns * rows), count))
    flagged = set(rng.sample(range(count), flags))
    # some of the cells with flags are healthy B cells: CD19 is not only on poorly cells
    healthy_flagged = set(rng.sample(sorted(flagged), min(b_cells, flags - 1)))
    cells = []
    for number, spot in enumerate(spots):
        row, column = divmod(spot, columns)
        left, upper = column * spot_w, row * spot_h
        x = rng.uniform(left + half, left + spot_w - half)
        y = rng.uniform(upper + half, upper + spot_h - half)
        kind = (characters.B_CELL if number in healthy_flagged
                else characters.LEUKAEMIA_CELL if number in flagged else characters.OTHER_CELL)
        cells.append(Cell(number, round(x, 1), round(y, 1), radius, number in flagged, row,
                          kind, rng.randrange(1, 500)))
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
        """How many cells carry flags."""
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
        if cell.kind == characters.B_CELL:
            return Feedback(FeedbackKind.FOUND_B_CELL, FOUND_B_CELL_MESSAGE)
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
