"""Build a CAR T-cell: which part goes where, in what order, and the kind words to say."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PartKind(StrEnum):
    """The three pieces of one flag finder (CAR), named in child words."""

    PUSH = "push"
    STALK = "stalk"
    TIP = "tip"

    @property
    def label(self) -> str:
        """The child word for this piece, as used in the glossary."""
        return _LABELS[self]


_LABELS = {
    PartKind.PUSH: "push part",  # the signalling parts inside the cell
    PartKind.STALK: "bendy stalk",  # the hinge
    PartKind.TIP: "flag finder tip",  # the antigen-binding part that grabs CD19
}

# Inside to outside, as a real CAR is built: signalling parts in the cell, hinge, then tip.
STACK_ORDER: tuple[PartKind, ...] = (PartKind.PUSH, PartKind.STALK, PartKind.TIP)

START_MESSAGE = "Let's give the guard cell a flag finder! Drag each part to a spot with its shape."
PLACED_MESSAGES = {
    PartKind.PUSH: "Great! The push part is on. It gives the cell a push.",
    PartKind.STALK: "Well done! The bendy stalk is on. It helps the tip reach out.",
    PartKind.TIP: "Yes! The flag finder tip is on. It looks for flags.",
}
COMPLETE_MESSAGE = "You made a super cell! Now it can find the cells with flags."
FINISHED_MESSAGE = ("The super cell found the flags. Well done, you helped it! "
                    "Doctors keep checking too.")
FAR_MESSAGE = "Bring the part close to the guard cell. Look for a spot with its shape."
TAKEN_MESSAGE = "That spot has a part on it now. Try a spot with no part."
ALREADY_ON_MESSAGE = "That part is on the cell now. Pick a part from the box."


def wrong_spot_message(needed: PartKind) -> str:
    """Kind words when a part is dropped on a spot made for another part."""
    return f"That spot needs the {needed.label}. Try a spot with the same shape."


def not_yet_message(first: PartKind) -> str:
    """Kind words when a part comes before the piece it sits on."""
    return f"That part goes on later. First put on the {first.label}."


def child_messages() -> tuple[str, ...]:
    """Every sentence this activity can show, so tests can check the words."""
    return (START_MESSAGE, *PLACED_MESSAGES.values(), COMPLETE_MESSAGE, FINISHED_MESSAGE,
            FAR_MESSAGE, TAKEN_MESSAGE, ALREADY_ON_MESSAGE,
            *(wrong_spot_message(kind) for kind in PartKind),
            *(not_yet_message(kind) for kind in PartKind))


@dataclass(frozen=True)
class Part:
    """One piece in the tray."""

    id: str
    kind: PartKind


@dataclass(frozen=True)
class Slot:
    """One spot on the guard cell; ``receptor`` says which flag finder it belongs to."""

    id: str
    receptor: int
    kind: PartKind

    @property
    def level(self) -> int:
        """How far out from the cell the spot is: 0 in the cell's skin, 2 at the tip."""
        return STACK_ORDER.index(self.kind)


@dataclass(frozen=True)
class PlaceResult:
    """What happened when a part was offered to a spot, and what to tell the child."""

    placed: bool
    message: str
    complete: bool = False


class CarBuild:
    """The guard cell's spots and the tray's parts; a part goes on only in the right order."""

    def __init__(self, receptors: int = 2) -> None:
        if receptors < 1:
            raise ValueError("a guard cell needs at least one flag finder")
        self.slots: tuple[Slot, ...] = tuple(
            Slot(f"r{number}-{kind.value}", number, kind)
            for number in range(receptors) for kind in STACK_ORDER)
        self.parts: tuple[Part, ...] = tuple(
            Part(f"{kind.value}-{number}", kind) for kind in STACK_ORDER
            for number in range(receptors))
        self._slots = {slot.id: slot for slot in self.slots}
        self._parts = {part.id: part for part in self.parts}
        self._placed: dict[str, str] = {}  # slot id -> part id

    def reset(self) -> None:
        """Take every part off the cell, back to the tray."""
        self._placed.clear()

    def part(self, part_id: str) -> Part:
        """The part called ``part_id``."""
        return self._parts[part_id]

    def slot(self, slot_id: str) -> Slot:
        """The spot called ``slot_id``."""
        return self._slots[slot_id]

    def part_in(self, slot_id: str) -> str | None:
        """The id of the part on spot ``slot_id``, if any."""
        return self._placed.get(slot_id)

    def slot_of(self, part_id: str) -> str | None:
        """The id of the spot holding ``part_id``, or None while it is in the tray."""
        return next((slot_id for slot_id, held in self._placed.items() if held == part_id), None)

    def is_placed(self, part_id: str) -> bool:
        """Whether ``part_id`` is on the cell."""
        return part_id in self._placed.values()

    def _below(self, slot: Slot) -> Slot | None:
        if slot.level == 0:
            return None
        return self._slots[f"r{slot.receptor}-{STACK_ORDER[slot.level - 1].value}"]

    def is_ready(self, slot_id: str) -> bool:
        """Whether spot ``slot_id`` is empty and the piece it sits on is already there."""
        slot = self._slots[slot_id]
        below = self._below(slot)
        return slot_id not in self._placed and (below is None or below.id in self._placed)

    def ready_slots(self) -> tuple[Slot, ...]:
        """The spots that can take a part now (the ones the cell shows as outlines)."""
        return tuple(slot for slot in self.slots if self.is_ready(slot.id))

    def free_parts(self) -> tuple[Part, ...]:
        """The parts still in the tray."""
        return tuple(part for part in self.parts if not self.is_placed(part.id))

    def next_slot_for(self, part_id: str) -> Slot | None:
        """The first spot that can take ``part_id`` now, if there is one."""
        kind = self._parts[part_id].kind
        return next((slot for slot in self.ready_slots() if slot.kind == kind), None)

    def check(self, part_id: str, slot_id: str) -> PlaceResult:
        """Whether ``part_id`` may go on ``slot_id``, without changing anything."""
        part, slot = self._parts[part_id], self._slots[slot_id]
        if self.is_placed(part_id):
            return PlaceResult(False, ALREADY_ON_MESSAGE)
        if slot_id in self._placed:
            return PlaceResult(False, TAKEN_MESSAGE)
        if part.kind != slot.kind:
            return PlaceResult(False, wrong_spot_message(slot.kind))
        if not self.is_ready(slot_id):
            return PlaceResult(False, not_yet_message(self._first_missing(slot.receptor)))
        return PlaceResult(True, PLACED_MESSAGES[part.kind])

    def place(self, part_id: str, slot_id: str) -> PlaceResult:
        """Put ``part_id`` on ``slot_id`` if the rules allow it; say what happened."""
        result = self.check(part_id, slot_id)
        if not result.placed:
            return result
        self._placed[slot_id] = part_id
        if self.is_complete:
            return PlaceResult(True, COMPLETE_MESSAGE, complete=True)
        return result

    def hint_for(self, part_id: str) -> str:
        """What to tell the child when ``part_id`` has no spot ready for it yet."""
        if self.is_placed(part_id):
            return ALREADY_ON_MESSAGE
        waiting = [slot for slot in self.slots if slot.kind == self._parts[part_id].kind
                   and slot.id not in self._placed]
        if not waiting:
            return TAKEN_MESSAGE
        return not_yet_message(self._first_missing(waiting[0].receptor))

    def _first_missing(self, receptor: int) -> PartKind:
        return next(kind for kind in STACK_ORDER
                    if f"r{receptor}-{kind.value}" not in self._placed)

    @property
    def placed_count(self) -> int:
        """How many parts are on the cell."""
        return len(self._placed)

    @property
    def is_complete(self) -> bool:
        """Whether every spot has its part: the guard cell is now a super cell."""
        return len(self._placed) == len(self.slots)


@dataclass(frozen=True)
class HuntFrame:
    """Where the super cell is during its hunt, and how much of each flagged cell is left."""

    x: float
    y: float
    scale: float
    fades: tuple[float, ...]  # 1.0 = fully there, 0.0 = gone


def _smooth(value: float) -> float:
    value = min(1.0, max(0.0, value))
    return value * value * (3.0 - 2.0 * value)


def hunt_frame(t: float, start: tuple[float, float], meets: tuple[tuple[float, float], ...],
               *, small: float = 0.5) -> HuntFrame:
    """The hunt at ``t`` (0-1): shrink, visit and fade each flagged cell, then glide home."""
    t = min(1.0, max(0.0, t))
    count = len(meets)
    shrink_end, home_start = 0.08, 0.8
    if t < shrink_end or count == 0:
        grow = _smooth(t / shrink_end) if count else 0.0
        return HuntFrame(start[0], start[1], 1.0 + (small - 1.0) * grow, (1.0,) * count)
    if t >= home_start:
        # smooth steps keep every move gentle: no jumps, nothing faster than a calm glide
        back = _smooth((t - home_start) / (1.0 - home_start))
        last = meets[-1]
        return HuntFrame(last[0] + (start[0] - last[0]) * back,
                         last[1] + (start[1] - last[1]) * back,
                         small + (1.0 - small) * back, (0.0,) * count)
    span = (home_start - shrink_end) / count
    index = min(count - 1, int((t - shrink_end) / span))
    local = (t - shrink_end - index * span) / span
    origin = start if index == 0 else meets[index - 1]
    target = meets[index]
    move = _smooth(local / 0.55)
    fade = 1.0 - _smooth((local - 0.55) / 0.45)
    fades = tuple(0.0 if number < index else fade if number == index else 1.0
                  for number in range(count))
    return HuntFrame(origin[0] + (target[0] - origin[0]) * move,
                     origin[1] + (target[1] - origin[1]) * move, small, fades)
