"""Contrast, computed from the palette (issue 13): text 4.5:1, graphics and focus 3:1."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from allexplainer import palette
from allexplainer.ui.look import RING_WIDTH, FocusRings, high_contrast_palette
from tests.helpers import open_main_window


def luminance(colour: str) -> float:
    """WCAG relative luminance of #RRGGBB."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


TEXT_PAIRS = {
    "reading text": (palette.TEXT, palette.BACKGROUND),
    "links": (palette.LINK, palette.WHITE),
    "care note": (palette.CARE_NOTE_TEXT, palette.CARE_NOTE_BACKGROUND),
    "teach-back right": (palette.RIGHT_ANSWER_TEXT, palette.WHITE),
    "teach-back not quite": (palette.OTHER_ANSWER_TEXT, palette.WHITE),
    "warning in notes": (palette.WARNING_TEXT, palette.NOTES_BACKGROUND),
    "notes help": (palette.NOTE_HELP_TEXT, palette.NOTES_BACKGROUND),
    "preview banner": (palette.WHITE, palette.PREVIEW_BANNER),
    "presenter": (palette.PRESENTER_TEXT, palette.PRESENTER_BACKGROUND),
    "play mode": (palette.PLAY_TEXT, palette.PLAY_PAGE),
    "play field": (palette.PLAY_TEXT, palette.PLAY_FIELD),
    "search highlight": (palette.TEXT, palette.HIGHLIGHT),
    "sentence read aloud": (palette.SPEAKING_TEXT, palette.SPEAKING),
    "list selection": (palette.WHITE, palette.SELECTION),
    "placeholder text": (palette.PLACEHOLDER, palette.WHITE),
}
HIGH_CONTRAST_TEXT = [("Text", "Base"), ("WindowText", "Window"), ("ButtonText", "Button"),
                      ("HighlightedText", "Highlight"), ("PlaceholderText", "Base"),
                      ("Link", "Base"), ("ToolTipText", "ToolTipBase")]
GRAPHICS_PAIRS = {
    "focus ring on white": (palette.FOCUS_RING, palette.WHITE),
    "focus ring on the page": (palette.FOCUS_RING, palette.BACKGROUND),
    "focus ring on the care note": (palette.FOCUS_RING, palette.CARE_NOTE_BACKGROUND),
    "focus ring in play mode": (palette.FOCUS_RING, palette.PLAY_PAGE),
    "outlines on white": (palette.OUTLINE, palette.WHITE),
    "dark outlines on orange fills": (palette.OUTLINE, palette.ORANGE),
    "panel edges": (palette.PANEL_EDGE, palette.WHITE),
}


@pytest.mark.parametrize("name", sorted(TEXT_PAIRS))
def test_contrast_of_text_is_at_least_4_5(name):
    ratio = contrast(*TEXT_PAIRS[name])
    assert ratio >= 4.5, f"{name}: {ratio:.2f}:1"


@pytest.mark.parametrize(("text", "background"), HIGH_CONTRAST_TEXT)
def test_contrast_of_the_high_contrast_theme_is_at_least_7(text, background):
    colours = palette.HIGH_CONTRAST_WINDOW
    ratio = contrast(colours[text], colours[background])
    assert ratio >= 7, f"{text} on {background}: {ratio:.2f}:1"


@pytest.mark.parametrize("name", sorted(GRAPHICS_PAIRS))
def test_contrast_of_graphics_and_the_focus_ring_is_at_least_3(name):
    ratio = contrast(*GRAPHICS_PAIRS[name])
    assert ratio >= 3, f"{name}: {ratio:.2f}:1"


def test_contrast_high_contrast_theme_from_the_view_menu_is_applied_and_remembered(
        qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.high_contrast_action.trigger()
    assert window.state.high_contrast
    app_palette = QApplication.instance().palette()
    assert app_palette.color(QPalette.ColorRole.Base).name().upper() == palette.WHITE
    assert app_palette.color(QPalette.ColorRole.Highlight) == \
        high_contrast_palette().color(QPalette.ColorRole.Highlight)
    window.close()
    again = open_main_window(qtbot, tmp_path / "again")
    assert again.state.high_contrast and again.high_contrast_action.isChecked()
    again.high_contrast_action.trigger()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Highlight).name() \
        .upper() == palette.SELECTION


def test_contrast_the_focus_ring_is_drawn_around_the_text_with_the_keyboard(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.activateWindow()
    page = window.tabs.currentWidget()
    page.text.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.text.hasFocus)
    qtbot.waitUntil(lambda: FocusRings.ring_of(page.text) is not None
                    and FocusRings.ring_of(page.text).isVisible())
    assert FocusRings.ring_of(page.text).size() == page.text.size()
    image = page.text.grab().toImage()
    edge = image.pixelColor(image.width() // 2, RING_WIDTH // 2).name().upper()
    assert edge == palette.FOCUS_RING
