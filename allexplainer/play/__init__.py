"""Play mode's rules, in plain Python: building a CAR T-cell and finding CD19 flags.

Nothing here imports Qt or matplotlib, so the rules and the words can be tested on their
own and the widgets in ``allexplainer.ui.play_*`` only draw what these models say.
"""

from __future__ import annotations

from allexplainer.play.build_car import (
    STACK_ORDER,
    CarBuild,
    HuntFrame,
    Part,
    PartKind,
    PlaceResult,
    Slot,
    hunt_frame,
)
from allexplainer.play.find_flags import Cell, Feedback, FeedbackKind, FlagHunt, make_layout

__all__ = [
    "STACK_ORDER",
    "CarBuild",
    "Cell",
    "Feedback",
    "FeedbackKind",
    "FlagHunt",
    "HuntFrame",
    "Part",
    "PartKind",
    "PlaceResult",
    "Slot",
    "hunt_frame",
    "make_layout",
]
