"""Colours of the diagrams: the Okabe-Ito palette, dark outlines, and a few pale tints."""

from __future__ import annotations

ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
BLACK = "#000000"

OKABE_ITO = (ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE, BLACK)

OUTLINE = "#1A1A1A"
TEXT = "#111111"
BACKGROUND = "#FBFAF6"
PANEL_EDGE = "#6B6B6B"
WHITE = "#FFFFFF"
VESSEL = "#F6D5C4"  # a pale vermillion tint for blood
VESSEL_EDGE = "#8C3B00"
DEVICE = "#E4E4E0"


def mix(colour: str, other: str, amount: float) -> str:
    """Blend ``amount`` (0-1) of ``other`` into ``colour``; both as #RRGGBB."""
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


# The colours that tell each kind apart (tests look for them in rendered frames).
KEY_COLOURS = {
    "t_cell": SKY_BLUE,
    "b_cell": BLUISH_GREEN,
    "leukaemia_cell": REDDISH_PURPLE,
    "healthy_cell": YELLOW,
    "cd19": VERMILLION,
    "car": ORANGE,
    "cd3": BLUE,
    "antibody": ORANGE,
    "blinatumomab": ORANGE,
    "virus_vector": YELLOW,
    "gene": ORANGE,
    "pump": BLUE,
    "bag": SKY_BLUE,
}
