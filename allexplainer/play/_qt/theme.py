"""Play mode's calm look: soft pastel colours, big rounded controls, large friendly type.

The fills are the app's Okabe-Ito colours, always with a dark outline, so every shape
still reads for a child who sees colours differently.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from allexplainer import palette
from allexplainer.palette import (
    BLUE,
    BLUISH_GREEN,
    ORANGE,
    OUTLINE,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    WHITE,
    YELLOW,
    mix,
)

PAGE = palette.PLAY_PAGE
FIELD = palette.PLAY_FIELD
FIELD_EDGE = palette.PLAY_FIELD_EDGE
TRAY = palette.PLAY_TRAY
TEXT = palette.PLAY_TEXT
FOCUS = BLUE  # the keyboard focus ring: a thick dashed line, never colour alone

GUARD_FILL = SKY_BLUE
GUARD_NUCLEUS = mix(SKY_BLUE, WHITE, 0.45)
CELL_FILL = mix(REDDISH_PURPLE, WHITE, 0.55)  # the cells the child looks at
CELL_NUCLEUS = mix(REDDISH_PURPLE, WHITE, 0.25)
FLAG_FILL = VERMILLION
STAR_FILL = YELLOW
HALO = mix(YELLOW, WHITE, 0.35)
PART_FILLS = {"push": BLUISH_GREEN, "stalk": YELLOW, "tip": ORANGE}

OUTLINE_WIDTH = 4.0  # scene units; the views scale scenes to fit the screen

TITLE_PX = 34
MESSAGE_PX = 28
BUTTON_PX = 26
LABEL_PX = 22


def colour(name: str, alpha: float = 1.0) -> QColor:
    """A QColor from #RRGGBB with ``alpha`` from 0 to 1."""
    result = QColor(name)
    result.setAlphaF(alpha)
    return result


def outline_colour() -> QColor:
    """The dark outline every shape has."""
    return QColor(OUTLINE)


def font(pixels: int, *, bold: bool = False) -> QFont:
    """A font ``pixels`` tall, so sizes stay the same on any screen density setting."""
    result = QFont()
    result.setPixelSize(pixels)
    result.setBold(bold)
    return result


STYLE_SHEET = f"""
QWidget#play-mode, QWidget#play-chooser, QWidget#play-build, QWidget#play-find {{
    background: {PAGE};
}}
QLabel {{ color: {TEXT}; }}
QLabel#play-title {{ font-size: {TITLE_PX}px; font-weight: bold; }}
QLabel#play-message {{
    font-size: {MESSAGE_PX}px; background: {WHITE}; border: 3px solid {OUTLINE};
    border-radius: 22px; padding: 10px 22px;
}}
QLabel#play-progress {{ font-size: {LABEL_PX + 2}px; font-weight: bold; }}
QPushButton {{
    font-size: {BUTTON_PX}px; font-weight: bold; color: {TEXT};
    min-height: 68px; padding: 0px 22px; border: 3px solid {OUTLINE};
    border-radius: 34px; background: {mix(SKY_BLUE, WHITE, 0.35)};
}}
QPushButton#play-again {{ background: {mix(YELLOW, WHITE, 0.2)}; }}
QPushButton:pressed {{ background: {mix(SKY_BLUE, WHITE, 0.1)}; }}
QPushButton:focus {{ border: 6px solid {FOCUS}; }}
QToolButton#play-choice {{
    font-size: {TITLE_PX}px; font-weight: bold; color: {TEXT}; background: {WHITE};
    border: 4px solid {OUTLINE}; border-radius: 40px; padding: 18px;
}}
QToolButton#play-choice:pressed {{ background: {mix(YELLOW, WHITE, 0.55)}; }}
QToolButton#play-choice:focus {{ border: 8px solid {FOCUS}; }}
"""
