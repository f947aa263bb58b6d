"""Presenter mode as a nurse drives it with a clicker: every stage of every diagram, in order."""

from __future__ import annotations

import html

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.diagrams._qt.source import DiagramSource
from allexplainer.notebook.store import NotebookStore
from allexplainer.resources import load_content
from allexplainer.settings import Settings
from allexplainer.ui.main_window import MainWindow
from tests.helpers import open_main_window


@pytest.fixture
def window(qtbot, tmp_path):
    library = load_content()
    source = DiagramSource(known_terms={term.id for term in library.terms})
    window = open_main_window(qtbot, tmp_path, library, diagram_factory=source)
    window.state.set_reduced_motion(True)  # stages shown as they end: no waiting on motion
    yield window
    if window.presenter is not None:
        window.presenter.stop()


def start(qtbot, window, topic_id="monoclonal-antibodies"):
    window.show_topic(topic_id)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presenter = window.presenter
    assert presenter is not None
    qtbot.waitUntil(presenter.audience.isVisible)
    return presenter


def shown(presenter):
    player = presenter.audience.stack.currentWidget()
    return player.scene.id, player.stage_index, player.caption_label.accessibleName()


def test_clicker_keys_go_through_every_stage_of_every_diagram(qtbot, window):
    presenter = start(qtbot, window)
    assert presenter.audience.isFullScreen()
    assert presenter.audience.title.text() == "Monoclonal antibodies"
    source = window.diagram_source
    expected = [(topic.diagram, stage) for topic in window.library.good_topics if topic.diagram
                for stage in range(len(source.scenes()[topic.diagram].stages))]
    seen = [shown(presenter)[:2]]
    for _ in range(len(expected) - 1):
        qtbot.keyClick(presenter.audience, Qt.Key.Key_PageDown)
        seen.append(shown(presenter)[:2])
    assert seen == expected
    scene_id, stage, caption = shown(presenter)
    assert caption == strip_links(source.scenes()[scene_id].stages[stage].caption.get(Level.FAMILY))
    assert not presenter.players[scene_id].controls.isVisible(), "the clicker drives; no bar"
    assert "<a " not in presenter.players[scene_id].caption_label.text(), "no links on a wall"
    assert presenter.audience.title.text() == "Targeting CD19"
    for key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
        qtbot.keyClick(presenter.audience, key)
    assert shown(presenter)[:2] == expected[-3]
    qtbot.keyClick(presenter.audience, Qt.Key.Key_Right)
    qtbot.keyClick(presenter.audience, Qt.Key.Key_Space)
    assert shown(presenter)[:2] == expected[-1]


def test_b_blanks_the_screen_and_back(qtbot, window):
    presenter = start(qtbot, window)
    before = shown(presenter)
    qtbot.keyClick(presenter.audience, Qt.Key.Key_B)
    assert presenter.audience.is_blank
    assert presenter.audience.stack.currentWidget().objectName() == "presenter-blank"
    # the entire screen is black: no title, no lit frame round the picture
    presenter.audience.repaint()
    image = presenter.audience.grab().toImage()
    blank = QColor(palette.BLANK_SCREEN)
    width, height = image.width(), image.height()
    lit = [(x, y) for x in range(0, width, max(width // 40, 1))
           for y in range(0, height, max(height // 40, 1)) if image.pixelColor(x, y) != blank]
    assert lit == []
    qtbot.keyClick(presenter.audience, Qt.Key.Key_B)
    assert not presenter.audience.is_blank
    assert shown(presenter) == before


def test_n_shows_the_nurses_notes_on_one_screen(qtbot, window):
    presenter = start(qtbot, window, "car-t")
    overlay = presenter.audience.notes_overlay
    assert not overlay.isVisible()
    qtbot.keyClick(presenter.audience, Qt.Key.Key_N)
    assert overlay.isVisible()
    note = window.presenter_notes.load(window.diagram_source.stage_counts())["car_t"][0]
    assert note.say[:40] in overlay.text()
    assert "Next:" in overlay.text() and "stage 2 of" in overlay.text()
    qtbot.keyClick(presenter.audience, Qt.Key.Key_N)
    assert not overlay.isVisible()


def test_with_two_screens_n_never_puts_notes_on_the_familys_screen(qtbot, window):
    from allexplainer.presenter._qt.views import NotesView

    presenter = start(qtbot, window, "car-t")
    presenter.notes_view = NotesView()          # as start() does when a second screen exists
    qtbot.addWidget(presenter.notes_view)
    qtbot.keyClick(presenter.audience, Qt.Key.Key_N)
    assert not presenter.audience.notes_overlay.isVisible()


def test_text_size_and_projector_colours(qtbot, window):
    presenter = start(qtbot, window)
    player = presenter.audience.stack.currentWidget()
    size = player.caption_label.font().pixelSize()
    qtbot.keyClick(presenter.audience, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert player.caption_label.font().pixelSize() > size
    assert window.settings.get("presenter_text_scale") > 1.0
    qtbot.keyClick(presenter.audience, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert player.caption_label.font().pixelSize() == size
    qtbot.keyClick(presenter.audience, Qt.Key.Key_P)
    assert presenter.projector_colours
    assert "#ffffff" in player.caption_label.styleSheet().lower()


def test_clicker_keys_work_even_when_the_laptop_window_has_the_focus(qtbot, window):
    presenter = start(qtbot, window, "car-t")
    qtbot.keyClick(window.tabs, Qt.Key.Key_PageDown)
    assert shown(presenter)[:2] == ("car_t", 1)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert presenter.audience.is_blank


def test_escape_leaves_at_the_topic_and_stage_reached(qtbot, window):
    presenter = start(qtbot, window, "car-t")
    qtbot.keyClick(presenter.audience, Qt.Key.Key_PageDown)
    qtbot.keyClick(presenter.audience, Qt.Key.Key_PageDown)
    with qtbot.waitSignal(presenter.finished, timeout=2000) as blocker:
        qtbot.keyClick(presenter.audience, Qt.Key.Key_Escape)
    assert blocker.args == ["car-t", 2]
    assert window.presenter is None
    assert window.current_topic_id() == "car-t"
    assert window.tabs.currentWidget().diagram.stage_index == 2


def test_the_stage_reached_is_remembered_for_next_time(qtbot, window, tmp_path):
    window.show_topic("cd19")
    page = window.tabs.currentWidget()
    player = page.build_diagram()
    player.next_stage()
    player.next_stage()
    window.close()
    again = MainWindow(window.library, Settings(), diagram_factory=window.diagram_source,
                       notebook_store=NotebookStore(tmp_path))
    qtbot.addWidget(again)
    again.restore_state()
    with qtbot.waitExposed(again):
        again.show()
    assert again.current_topic_id() == "cd19"
    assert again.tabs.currentWidget().build_diagram().stage_index == 2


def _canvas_pixels(qtbot, presenter):
    player = presenter.audience.stack.currentWidget()
    qtbot.waitUntil(lambda: player._canvas is not None and player._canvas.isVisible())
    canvas = player._canvas
    canvas.draw()  # what a repaint of the screen shows now
    return np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int).copy()


def test_entering_presenter_mode_draws_the_same_pixels_as_next_then_prior(qtbot, window):
    """Strokes are right from the first frame: no hairlines until the nurse steps about."""
    presenter = start(qtbot, window, "car-t")
    entered = _canvas_pixels(qtbot, presenter)
    qtbot.keyClick(presenter.audience, Qt.Key.Key_PageDown)
    qtbot.keyClick(presenter.audience, Qt.Key.Key_PageUp)
    after = _canvas_pixels(qtbot, presenter)
    assert entered.shape == after.shape
    assert (abs(entered - after).max(axis=2) > 40).mean() < 0.001


@pytest.mark.parametrize("level", list(Level))
def test_the_room_reads_at_most_two_lines_above_the_bottom_band(qtbot, window, level):
    """Heads hide the bottom of a wall screen: every stage's caption is two lines at most, of
    about 60 characters, clear of the bottom tenth; what it leaves out is in the nurse's notes."""
    from allexplainer.presenter._qt.views import BOTTOM_BAND
    from allexplainer.presenter.room_caption import ROOM_LIMIT

    window.state.set_level(level)
    presenter = start(qtbot, window, "car-t")
    audience = presenter.audience
    audience.showNormal()
    audience.resize(1920, 1080)
    qtbot.waitUntil(lambda: audience.stack.currentWidget().caption_label.width() > 1000)
    overlay = audience.notes_overlay
    for _ in range(len(presenter.deck.slides)):
        player = audience.stack.currentWidget()
        label = player.caption_label
        qtbot.waitUntil(lambda label=label: label.width() > 1000)  # a new slide is laid out
        where = (player.scene.id, player.stage_index + 1, level.value)
        shown_words = html.unescape(label.text())
        full = strip_links(player.scene.stages[player.stage_index].caption.get(level))
        assert len(shown_words) <= ROOM_LIMIT, where
        line = label.fontMetrics().lineSpacing()
        wrapped = label.fontMetrics().boundingRect(0, 0, label.width(), 100_000,
                                                   Qt.TextFlag.TextWordWrap, shown_words)
        assert round(wrapped.height() / line) <= 2, where  # lines of text
        assert label.height() >= wrapped.height(), where  # nothing cut off
        assert label.width() <= label.fontMetrics().averageCharWidth() * 70, where
        bottom = label.mapTo(audience, label.rect().bottomLeft()).y()
        assert bottom <= audience.height() * (1 - BOTTOM_BAND), where
        assert label.accessibleName() == full, "a screen reader hears the whole caption"
        notes = overlay.text()
        room = presenter.room_caption_for(presenter.deck.current)
        assert room.shown == shown_words.replace("\u2011", "-")  # hyphens kept whole
        if room.rest:
            assert room.rest[:30] in html.unescape(notes), where
        assert audience.counter.text() == \
            f"Stage {player.stage_index + 1} of {len(player.scene.stages)}"
        qtbot.keyClick(audience, Qt.Key.Key_Right)
