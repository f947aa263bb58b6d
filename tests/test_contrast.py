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


# -- the dark window theme (the desktop's dark colour scheme) -----------------------------------
DARK = palette.DARK_WINDOW
DARK_TEXT_PAIRS = {
    "reading text": (DARK["Text"], DARK["Base"]),
    "window words": (DARK["WindowText"], DARK["Window"]),
    "buttons": (DARK["ButtonText"], DARK["Button"]),
    "links": (DARK["Link"], DARK["Base"]),
    "visited links": (DARK["LinkVisited"], DARK["Base"]),
    "list selection": (DARK["HighlightedText"], DARK["Highlight"]),
    "placeholder text": (DARK["PlaceholderText"], DARK["Base"]),
    "tooltips": (DARK["ToolTipText"], DARK["ToolTipBase"]),
    "greyed-out words": (palette.DARK_DISABLED_TEXT, DARK["Window"]),
    "teach-back right": (palette.DARK_RIGHT_ANSWER_TEXT, DARK["Window"]),
    "teach-back not quite": (palette.DARK_OTHER_ANSWER_TEXT, DARK["Window"]),
    "care note (a light card)": (palette.CARE_NOTE_TEXT, palette.CARE_NOTE_BACKGROUND),
    "sentence read aloud": (palette.SPEAKING_TEXT, palette.SPEAKING),
}
DARK_GRAPHICS_PAIRS = {
    "focus ring on the window": (palette.DARK_FOCUS_RING, DARK["Window"]),
    "focus ring on text panes": (palette.DARK_FOCUS_RING, DARK["Base"]),
    "focus ring on buttons": (palette.DARK_FOCUS_RING, DARK["Button"]),
    "focus ring on the light diagram": (palette.DARK_FOCUS_RING, palette.BACKGROUND),
}


@pytest.mark.parametrize("name", sorted(DARK_TEXT_PAIRS))
def test_contrast_of_dark_theme_text_is_at_least_4_5(name):
    ratio = contrast(*DARK_TEXT_PAIRS[name])
    assert ratio >= 4.5, f"{name}: {ratio:.2f}:1"


@pytest.mark.parametrize("name", sorted(DARK_GRAPHICS_PAIRS))
def test_contrast_of_dark_theme_graphics_is_at_least_3(name):
    ratio = contrast(*DARK_GRAPHICS_PAIRS[name])
    assert ratio >= 3, f"{name}: {ratio:.2f}:1"


def _link_colours(text) -> list[str]:
    """The colour of every link in a text pane's document."""
    colours = []
    block = text.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isAnchor():
                colours.append(fragment.charFormat().foreground().color().name().upper())
            iterator += 1
        block = block.next()
    return colours


def test_contrast_the_window_follows_the_desktop_colour_scheme_live(qtbot, tmp_path):
    """Dark when the desktop turns dark, light again when it turns light; the user's own
    high-contrast choice wins over both."""
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    window = open_main_window(qtbot, tmp_path)
    page = window.tabs.currentWidget()
    base = lambda: QApplication.instance().palette().color(QPalette.ColorRole.Base).name().upper()  # noqa: E731
    try:
        # the desktop says it turned dark (as GNOME or KDE does; offscreen Qt cannot switch)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        qtbot.waitUntil(lambda: base() == DARK["Base"])
        # the topic text is painted dark (margins too), its links in the dark link colour
        qtbot.waitUntil(lambda: page.text.palette().color(QPalette.ColorRole.Window).name()
                        .upper() == DARK["Base"])
        assert page.text.palette().color(QPalette.ColorRole.Base).name().upper() == DARK["Base"]
        links = [fragment_colour for fragment_colour in _link_colours(page.text)]
        assert links and set(links) == {DARK["Link"]}
        image = page.text.viewport().grab().toImage()
        assert image.pixelColor(image.width() - 3, image.height() - 3).lightness() < 60
        window.high_contrast_action.trigger()  # the user's choice wins
        assert base() == palette.WHITE
        window.high_contrast_action.trigger()
        assert base() == DARK["Base"]
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        qtbot.waitUntil(lambda: base() != DARK["Base"])
        assert QApplication.instance().palette().color(QPalette.ColorRole.Link).name().upper() \
            == palette.LINK
    finally:
        hints.colorSchemeChanged.emit(hints.colorScheme())


# ----- Projector colours: fills that survive a washed-out projector ---------------------------
WASH_OUT = 0.5  # a bright room: half of every colour replaced by white


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of #RRGGBB."""
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _washed(colour: str) -> tuple[float, float, float]:
    return _lab(palette.mix(colour, palette.WHITE, WASH_OUT))


def _difference(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_washed(a), _washed(b), strict=True)) ** 0.5


def _fills() -> set[str]:
    from matplotlib.colors import to_hex

    from allexplainer.diagrams import kinds
    from allexplainer.diagrams.shapes import layers_for

    return {to_hex(layer.face).upper() for kind in kinds.KINDS for layer in layers_for(kind, 3)
            if layer.filled and layer.face} - palette.PAGE_COLOURS


def test_projector_fills_stand_off_the_white_page_when_washed_out():
    faint = {fill: round(_difference(fill, palette.WHITE), 1) for fill in _fills()
             if _difference(palette.projector_fill(fill), palette.WHITE) < 8}
    assert faint == {}
    # the usual fills did not all manage it: the device grey vanished into the page
    assert any(_difference(fill, palette.WHITE) < 8 for fill in _fills())


def test_projector_colours_keep_each_kind_of_cell_apart_when_washed_out():
    key = sorted(set(palette.KEY_COLOURS.values()))
    close = [(a, b) for i, a in enumerate(key) for b in key[i + 1:]
             if _difference(palette.projector_fill(a), palette.projector_fill(b)) < 15]
    assert close == []


def test_projector_colours_are_what_the_picture_draws(qtbot):
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from allexplainer.diagrams.drawing.renderer import SceneRenderer
    from allexplainer.diagrams.scene import stage_end
    from allexplainer.resources import builtin_scenes

    scene = builtin_scenes()["car_t"]
    figure = Figure(figsize=(12.8, 6), dpi=100)
    FigureCanvasAgg(figure)
    renderer = SceneRenderer(figure, scene)

    def count(colour: str) -> int:
        renderer.show_time(stage_end(scene, 2))
        pixels = np.asarray(figure.canvas.buffer_rgba())[:, :, :3].astype(int)
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        return int((np.abs(pixels - rgb).max(axis=2) <= 2).sum())

    deeper = palette.projector_fill(palette.VESSEL)
    assert count(palette.VESSEL) > 2000 and count(deeper) == 0
    renderer.set_high_contrast(True)
    assert count(palette.VESSEL) == 0 and count(deeper) > 2000


def test_contrast_the_car_gene_is_cased_in_a_dark_outline_on_the_nucleus():
    """The orange gene (1.3:1 on the T cell's blue nucleus) is drawn over a wider dark stroke:
    its outline stands out 3:1 or more from the nucleus and the page."""
    from matplotlib.colors import to_hex

    from allexplainer.diagrams.shapes import layers_for

    gene = layers_for("gene", 3)
    strands = next(layer for layer in gene if to_hex(layer.edge).upper() == palette.ORANGE)
    casing = [layer for layer in gene if layer.paths is not strands.paths
              and len(layer.paths) == len(strands.paths) and layer.width > strands.width]
    assert casing, "no outline under the gene's strands"
    fills = [to_hex(layer.face).upper() for layer in layers_for("t_cell", 3)
             if layer.filled and layer.face]
    nucleus = next(fill for fill in fills if fill != palette.SKY_BLUE)
    edge = to_hex(casing[0].edge).upper()
    assert contrast(edge, nucleus) >= 3.0 and contrast(edge, palette.BACKGROUND) >= 3.0
