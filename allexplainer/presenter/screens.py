"""Which screen the family sees and which the nurse sees, from the screens that exist."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenInfo:
    """A screen as the layout logic needs it."""

    name: str
    width: int
    height: int
    primary: bool = False


@dataclass(frozen=True)
class ScreenPlan:
    """Where each window goes; ``presenter`` is None when there is only one screen."""

    audience: ScreenInfo
    presenter: ScreenInfo | None


def plan_screens(screens: Sequence[ScreenInfo], chosen: str | None = None) -> ScreenPlan:
    """The family's screen is the chosen one, else the largest that is not the laptop's own
    (primary) screen; with two or more screens, the nurse's notes go on the primary one."""
    if not screens:
        raise ValueError("no screens")
    by_name = {screen.name: screen for screen in screens}
    if chosen in by_name:
        audience = by_name[chosen]
    else:
        others = [s for s in screens if not s.primary] or list(screens)
        audience = max(others, key=lambda s: s.width * s.height)
    rest = [s for s in screens if s is not audience]
    presenter = next((s for s in rest if s.primary), rest[0] if rest else None)
    return ScreenPlan(audience, presenter)
