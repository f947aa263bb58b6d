"""Easing curves: map the fraction of a tween done (0-1) to the fraction of the change shown."""

from __future__ import annotations

import math
from collections.abc import Callable

Easing = Callable[[float], float]


def linear(f: float) -> float:
    """Constant speed."""
    return f


def ease_in(f: float) -> float:
    """Start slowly, end at full speed."""
    return f * f * f


def ease_out(f: float) -> float:
    """Start at full speed, settle gently."""
    g = 1.0 - f
    return 1.0 - g * g * g


def ease_in_out(f: float) -> float:
    """Start and end slowly: the calm default for every tween."""
    return 0.5 - 0.5 * math.cos(math.pi * f)


EASINGS: dict[str, Easing] = {
    "linear": linear,
    "in": ease_in,
    "out": ease_out,
    "in_out": ease_in_out,
}
DEFAULT_EASING = "in_out"
