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


# ----- The window: every colour the app's own widgets use, in one place -----------------------
# (contrast against its background in brackets; WCAG asks 4.5:1 for text, 3:1 for graphics)
LINK = "#0B5394"  # links in text and captions (7.6:1 on white)
HIGHLIGHT = "#FFE08A"  # behind the words a search found (dark text keeps 14:1 on it)
PREVIEW_BANNER = "#7A0000"  # behind white text: "PREVIEW of edited content" (10:1)
WARNING_TEXT = "#8A0000"  # a warning inside the nurse's notes (9:1 on white)
CARE_NOTE_BACKGROUND = "#FFF8E1"
CARE_NOTE_TEXT = "#3D2C00"  # (12:1 on the care note)
CARE_NOTE_EDGE = "#E0C36A"
RIGHT_ANSWER_TEXT = "#00513A"  # teach-back: a right answer (9:1 on white)
OTHER_ANSWER_TEXT = "#5C3C00"  # teach-back: a kind "not quite" (9:1 on white)
PRESENTER_BACKGROUND = "#FAF9F6"
PRESENTER_TEXT = "#1A1A1A"
PROJECTOR_BACKGROUND = WHITE  # projector colours: pure white and black, nothing washed out
PROJECTOR_TEXT = BLACK
BLANK_SCREEN = BLACK
NOTES_BACKGROUND = "#FFFBE6"
NOTES_EDGE = "#8A6D00"
NOTE_HELP_TEXT = "#555555"  # the keys hint under the notes (7:1 on the notes)

# ----- Play mode: warm, calm, low-contrast surfaces behind high-contrast words ---------------
PLAY_PAGE = "#FFF7EA"  # warm cream behind everything
PLAY_FIELD = "#EAF5FC"  # pale sky: the play area
PLAY_FIELD_EDGE = "#9DB8C9"
PLAY_TRAY = "#FDF0D5"  # pale orange: the box of parts
PLAY_TEXT = "#151515"
HOLD_BUTTON = "#E9E6DF"  # the grown-up's exit button
HOLD_BUTTON_DOWN = "#D9E9F5"
HOLD_RING = "#B9B4AA"
SLOT_EDGE = "#3A4A55"  # the dashed outline of an empty spot for a part
CHEEK = "#F4A6A6"  # the super cell's rosy cheeks

# Reading aloud and the keyboard (issue 13)
SPEAKING = "#FFD54A"  # behind the sentence being read aloud (dark text keeps 13:1 on it)
SPEAKING_TEXT = TEXT
FOCUS_RING = "#0B5394"  # the keyboard focus ring, 3 px (7.6:1 on white, 3:1+ on every panel)

# The high-contrast window theme (View > High contrast): pure black on white, strong edges.
HIGH_CONTRAST_WINDOW = {
    "Window": WHITE, "WindowText": BLACK, "Base": WHITE, "AlternateBase": "#F0F0F0",
    "Text": BLACK, "Button": WHITE, "ButtonText": BLACK, "BrightText": WHITE,
    "Highlight": "#00005C", "HighlightedText": WHITE,  # 17:1
    "Link": "#00007A", "LinkVisited": "#4B0066",
    "PlaceholderText": "#4A4A4A",  # 8.9:1 on white
    "ToolTipBase": "#FFFFE0", "ToolTipText": BLACK,
    "Light": WHITE, "Midlight": "#5A5A5A", "Mid": "#303030", "Dark": BLACK, "Shadow": BLACK,
}
# The usual window's list selection and placeholder text, made readable (4.5:1 or more)
SELECTION = "#1F4E8C"  # white on it 8.3:1
PLACEHOLDER = "#5F5F5F"  # 6.4:1 on white

# The dark window theme: the desktop's dark colour scheme (light text on near-black, softer
# than pure white on black). Contrast in brackets, against Base #17181A / Window #1E1F22.
DARK_WINDOW = {
    "Window": "#1E1F22", "WindowText": "#E8E6E3", "Base": "#17181A", "AlternateBase": "#222327",
    "Text": "#ECEAE6", "Button": "#2B2D31", "ButtonText": "#E8E6E3", "BrightText": WHITE,
    "Highlight": "#2F5F9E", "HighlightedText": WHITE,  # (white on it 6.6:1)
    "Link": "#8AB4F8", "LinkVisited": "#C9A7F5",  # (8.6:1, 8.5:1)
    "PlaceholderText": "#A3A3A3",  # (7.4:1)
    "ToolTipBase": "#2B2D31", "ToolTipText": "#E8E6E3",
    "Light": "#4A4C52", "Midlight": "#3A3C42", "Mid": "#2A2C30", "Dark": "#101113",
    "Shadow": BLACK,
}
# mid blue: 5:1 on the dark window and 3.1:1 on the light diagram the ring may also touch
DARK_FOCUS_RING = "#4A90E2"
DARK_RIGHT_ANSWER_TEXT = "#7FD8B5"  # teach-back on the dark window (10:1)
DARK_OTHER_ANSWER_TEXT = "#F0C674"  # (11:1)
DARK_DISABLED_TEXT = "#8C8C8C"  # greyed-out words (5:1 on the dark window)


# Projector colours: a projector in a bright room washes colours out towards white, so the
# diagrams' fills go deeper (each channel to a power: pale tints most, as they would vanish into
# the white page, and the dark ones more than the middle, so that the two blues stay apart);
# blacks and the page's own colours stay. pytest -k projector checks that under a strong
# wash-out every fill still stands off the page and each kind of cell off the others.
PROJECTOR_DEEPEN_PALE = 1.9  # fills lighter than L* 80
PROJECTOR_DEEPEN = 1.3  # L* 50 to 80
PROJECTOR_DEEPEN_DARK = 1.8  # L* 35 to 50 (darker ones stay as they are)
PAGE_COLOURS = frozenset({WHITE, BACKGROUND})


def lightness(colour: str) -> float:
    """CIE L* (0 black to 100 white) of a ``#RRGGBB`` colour."""
    luminance = sum(weight * _linear(int(colour[i:i + 2], 16) / 255)
                    for weight, i in ((0.2126, 1), (0.7152, 3), (0.0722, 5)))
    return 116 * luminance ** (1 / 3) - 16 if luminance > 0.008856 else 903.3 * luminance


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def projector_fill(colour: str) -> str:
    """The deeper fill a projector shows for ``colour`` (``#RRGGBB``)."""
    colour = colour.upper()
    light = lightness(colour)
    if colour in PAGE_COLOURS or light < 35:
        return colour
    power = (PROJECTOR_DEEPEN_PALE if light > 80 else PROJECTOR_DEEPEN if light > 50
             else PROJECTOR_DEEPEN_DARK)
    channels = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 * c ** power):02X}" for c in channels)


def focus_ring(dark: bool) -> str:
    """The focus ring's colour on a light or a dark window."""
    return DARK_FOCUS_RING if dark else FOCUS_RING


def answer_colours(dark: bool) -> tuple[str, str]:
    """Teach-back feedback (right, not quite) on a light or a dark window."""
    return ((DARK_RIGHT_ANSWER_TEXT, DARK_OTHER_ANSWER_TEXT) if dark
            else (RIGHT_ANSWER_TEXT, OTHER_ANSWER_TEXT))
