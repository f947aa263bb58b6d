"""The diagram player as a presenter uses it: keys, buttons, captions, speed, hiding, sizes."""

from __future__ import annotations

import html
import re
from functools import cache

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTabWidget, QToolTip

from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.diagrams._qt.player import DiagramPlayer
from allexplainer.diagrams.scene import stage_end, stage_start
from allexplainer.palette import SKY_BLUE
from allexplainer.reading_state import ReadingState
from allexplainer.resources import builtin_scenes


@cache
def scenes():
    return builtin_scenes()


def shown_text(label) -> str:
    """The words a label shows, without its markup (a non-breaking hyphen is a hyphen)."""
    return html.unescape(re.sub(r"<[^>]+>", "", label.text())).replace("\u2011", "-")


def caption_of(scene, index: int, level: Level) -> str:
    return strip_links(scene.stages[index].caption.get(level))


@pytest.fixture
def make_player(qtbot):
    players = []

    def make(scene_id: str = "car_t", level: Level = Level.FAMILY, show: bool = True,
             **options) -> DiagramPlayer:
        state = ReadingState(level, reduced_motion=options.pop("reduced_motion", False))
        player = DiagramPlayer(scenes()[scene_id], state, **options)
        qtbot.addWidget(player)
        players.append(player)
        if show:
            player.resize(1280, 720)
            with qtbot.waitExposed(player):
                player.show()
            qtbot.waitUntil(lambda: player._canvas is not None)  # built after the first paint
            player.setFocus()
        return player

    yield make
    for player in players:  # never leave a timer running into the next test
        player.pause()


def test_it_opens_on_stage_one_paused(make_player):
    player = make_player()
    scene = player.scene
    assert shown_text(player.stage_label) == f"Stage 1 of {len(scene.stages)}"
    assert shown_text(player.caption_label) == caption_of(scene, 0, Level.FAMILY)
    assert (player.stage_index, player.current_time, player.is_playing) == (0, 0.0, False)


def test_keys_move_through_the_stages_as_a_presenter_would(make_player, qtbot):
    player = make_player()
    scene = player.scene
    count = len(scene.stages)
    with qtbot.waitSignal(player.stage_changed) as changed:
        qtbot.keyClick(player, Qt.Key.Key_Right)
    assert changed.args == [1]
    assert shown_text(player.stage_label) == f"Stage 2 of {count}"
    assert shown_text(player.caption_label) == caption_of(scene, 1, Level.FAMILY)
    assert player.is_playing  # Next plays the new stage's tween
    qtbot.keyClick(player, Qt.Key.Key_PageDown)
    assert shown_text(player.stage_label) == f"Stage 3 of {count}"
    qtbot.keyClick(player, Qt.Key.Key_PageUp)
    assert shown_text(player.stage_label) == f"Stage 2 of {count}"
    assert player.current_time == stage_end(scene, 1) and not player.is_playing
    qtbot.keyClick(player, Qt.Key.Key_Left)
    assert shown_text(player.caption_label) == caption_of(scene, 0, Level.FAMILY)
    qtbot.keyClick(player, Qt.Key.Key_Home)
    assert (player.stage_index, player.current_time, player.is_playing) == (0, 0.0, True)


def test_space_plays_and_pauses(make_player, qtbot):
    player = make_player()
    with qtbot.waitSignal(player.playing_changed) as started:
        qtbot.keyClick(player, Qt.Key.Key_Space)
    assert started.args == [True]
    assert player.controls.play_button.text() == "Pause"
    with qtbot.waitSignal(player.playing_changed) as stopped:
        qtbot.keyClick(player, Qt.Key.Key_Space)
    assert stopped.args == [False]
    assert player.controls.play_button.text() == "Play"


def test_play_runs_the_stage_then_holds_for_the_presenter(make_player):
    player = make_player()
    player.play()
    for _ in range(10 * 60):  # ten seconds of frames: far more than the stage lasts
        player.advance(1 / 60)
    assert player.stage_index == 0
    assert player.current_time == stage_end(player.scene, 0)
    assert not player.is_playing
    assert shown_text(player.stage_label).startswith("Stage 1 of")


def test_the_timer_drives_playing_and_stops_at_the_stage_end(make_player, qtbot):
    player = make_player()
    player.set_speed(2.0)
    player.play()
    qtbot.waitUntil(lambda: not player.is_playing, timeout=5000)
    assert player.current_time == stage_end(player.scene, 0)
    assert not player._timer.isActive()


def test_buttons_work_and_leave_the_keys_with_the_player(make_player, qtbot):
    player = make_player()
    qtbot.mouseClick(player.controls.next_button, Qt.MouseButton.LeftButton)
    assert player.stage_index == 1
    qtbot.keyClick(player.focusWidget() or player, Qt.Key.Key_Right)
    assert player.stage_index == 2
    qtbot.mouseClick(player.controls.restart_button, Qt.MouseButton.LeftButton)
    assert player.stage_index == 0 and player.is_playing


def test_changing_speed_keeps_the_time(make_player, qtbot):
    player = make_player()
    player.next_stage()
    player.advance(1.0)
    before = (player.stage_index, player.current_time)
    qtbot.mouseClick(player.controls.speed_buttons[0.5], Qt.MouseButton.LeftButton)
    assert (player.stage_index, player.current_time) == before
    assert player.speed == 0.5 and player.is_playing
    player.advance(1.0)
    assert player.current_time == pytest.approx(before[1] + 0.5)
    player.set_speed(2.0)
    assert player.controls.speed_buttons[2.0].isChecked()


def test_reduced_motion_jumps_to_stage_end_states(make_player, qtbot):
    player = make_player(reduced_motion=True)
    scene = player.scene
    assert player.current_time == stage_end(scene, 0)
    qtbot.keyClick(player, Qt.Key.Key_Right)
    assert player.current_time == stage_end(scene, 1)
    assert not player.is_playing and not player._timer.isActive()
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert not player.is_playing


def test_turning_reduced_motion_on_mid_stage_shows_its_end(make_player):
    player = make_player()
    player.next_stage()
    player.advance(0.5)
    player.reading_state.set_reduced_motion(True)
    assert player.current_time == stage_end(player.scene, 1) and not player.is_playing


def test_hiding_pauses(make_player):
    player = make_player()
    player.play()
    player.hide()
    assert not player.is_playing and not player._timer.isActive()


def test_switching_tabs_pauses_only_that_player(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first = DiagramPlayer(scenes()["car_t"], ReadingState())
    second = DiagramPlayer(scenes()["cd19"], ReadingState())
    tabs.addTab(first, "CAR T")
    tabs.addTab(second, "CD19")
    tabs.resize(1280, 720)
    with qtbot.waitExposed(tabs):
        tabs.show()
    qtbot.waitUntil(lambda: first._canvas is not None)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert (first.stage_index, second.stage_index) == (1, 0)
    assert first.is_playing
    tabs.setCurrentIndex(1)
    assert not first.is_playing
    first.pause()


def test_level_changes_the_caption_in_place(make_player):
    player = make_player(level=Level.CHILD)
    player.next_stage()
    player.advance(0.7)
    before = (player.stage_index, player.current_time, player.is_playing)
    player.reading_state.set_level(Level.CLINIC)
    assert (player.stage_index, player.current_time, player.is_playing) == before
    assert shown_text(player.caption_label) == caption_of(player.scene, 1, Level.CLINIC)


def test_a_hyphenated_word_is_never_broken_across_caption_lines(make_player):
    player = make_player(level=Level.CLINIC)
    words = caption_of(player.scene, player.stage_index, Level.CLINIC)
    assert "T-cell" in words
    shown = player.caption_label.text()
    assert "T\u2011cell" in shown and "T-cell<" not in shown  # a hyphen that does not break
    assert 'href="glossary:t-cell"' in shown  # links keep their addresses
    assert player.caption_label.accessibleName() == words  # a screen reader hears the words


def test_glossary_links_ask_for_their_term_and_show_a_tooltip(make_player, qtbot):
    asked = []
    player = make_player(tooltip_for=lambda term: asked.append(term) or f"About {term}")
    assert 'href="glossary:t-cell"' in player.caption_label.text()
    with qtbot.waitSignal(player.glossary_term_requested) as requested:
        player.caption_label.linkActivated.emit("glossary:t-cell")
    assert requested.args == ["t-cell"]
    player.caption_label.linkHovered.emit("glossary:t-cell")
    assert asked == ["t-cell"]
    assert QToolTip.text() == "About t-cell"


def test_the_scrubber_jumps_to_a_stage_and_pauses(make_player, qtbot):
    player = make_player()
    player.play()
    scrubber = player.controls.scrubber
    third = round(stage_start(player.scene, 2) * 1000) + 300
    qtbot.mouseClick(scrubber, Qt.MouseButton.LeftButton,
                     pos=QPoint(scrubber.position_of(third), scrubber.height() // 2))
    assert player.stage_index == 2 and not player.is_playing
    assert shown_text(player.stage_label).startswith("Stage 3 of")


def test_the_canvas_shows_the_scene(make_player, qtbot):
    player = make_player()
    canvas = player._canvas
    qtbot.waitUntil(lambda: canvas.scene_renderer.has_background, timeout=5000)
    player.next_stage()
    player.advance(0.5)
    image = canvas.grab().toImage()
    pixels = np.array([[image.pixelColor(x, y).name() for x in range(0, image.width(), 4)]
                       for y in range(0, image.height(), 4)])
    assert (pixels == SKY_BLUE.lower()).sum() > 50


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (560, 420)])
def test_everything_fits_at_common_sizes(make_player, size):
    player = make_player()
    player.resize(*size)
    player.controls.adjustSize()
    from allexplainer.ui.look import RING_WIDTH

    # clear of the keyboard focus ring laid over the player's edge
    inside = player.rect().adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
    for widget in (player.controls.play_button, player.controls.next_button,
                   player.controls.restart_button, player.controls.speed_buttons[2.0],
                   player.caption_label, player._canvas):
        box = widget.geometry().translated(widget.parentWidget().mapTo(player, QPoint(0, 0)))
        assert inside.contains(box), (size, widget)
        assert widget.isVisible()
    assert player._canvas.height() >= 0.35 * size[1]


def test_matplotlib_waits_until_the_player_is_shown(make_player):
    player = make_player(show=False)
    assert player._canvas is None
    player.next_stage()  # works without a canvas
    assert player.stage_index == 1
    assert shown_text(player.stage_label).startswith("Stage 2 of")


@pytest.mark.parametrize("child", ["next_button", "caption_label"])
def test_stage_keys_work_when_a_control_has_the_focus(make_player, qtbot, child):
    player = make_player()
    widget = getattr(player.controls, child, None) or getattr(player, child)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    assert player.stage_index == 1
    qtbot.keyClick(widget, Qt.Key.Key_PageUp)
    assert player.stage_index == 0


# -- a screen reader's view: the picture in words, the stage as the scrubber's value --------------
def test_the_canvas_describes_the_settled_frame_at_each_stage_and_level(make_player):
    from PySide6.QtGui import QAccessible

    player = make_player("car_t", Level.FAMILY)
    scene = player.scene
    canvas = QAccessible.queryAccessibleInterface(player._canvas)
    assert canvas.text(QAccessible.Text.Description) == scene.stages[0].description.family
    player.go_to_stage(2)
    assert canvas.text(QAccessible.Text.Description) == scene.stages[2].description.family
    assert "virus" in canvas.text(QAccessible.Text.Description)
    player.reading_state.set_level(Level.CHILD)
    assert canvas.text(QAccessible.Text.Description) == scene.stages[2].description.child
    # the focused player says it too, under the scene's name
    focused = QAccessible.queryAccessibleInterface(player)
    assert focused.text(QAccessible.Text.Description) == scene.stages[2].description.child


def test_a_stage_change_announces_the_stage_caption_and_picture(make_player, qtbot):
    from allexplainer.speech._qt.announce import announcements

    player = make_player("cd19", Level.FAMILY)
    heard = []
    announcements.made.connect(lambda widget, words: heard.append(words))
    with qtbot.waitSignal(player.stage_changed):
        qtbot.keyClick(player, Qt.Key.Key_Right)
    stage = player.scene.stages[1]
    assert heard[-1] == (f"Stage 2 of {len(player.scene.stages)}. "
                         f"{strip_links(stage.caption.family)} Picture: {stage.description.family}")


def test_the_scrubber_reports_the_stage_not_milliseconds(make_player):
    from PySide6.QtGui import QAccessible

    player = make_player("car_t", Level.FAMILY)
    scrubber = QAccessible.queryAccessibleInterface(player.controls.scrubber)
    count = len(player.scene.stages)
    assert scrubber.role() == QAccessible.Role.Slider
    assert scrubber.text(QAccessible.Text.Name) == "Stage"
    assert scrubber.text(QAccessible.Text.Value) == f"Stage 1 of {count}: A T cell"
    player.go_to_stage(2)
    assert scrubber.text(QAccessible.Text.Value) == f"Stage 3 of {count}: A new gene"
    assert scrubber.text(QAccessible.Text.Description) == f"Stage 3 of {count}: A new gene"
    assert scrubber.valueInterface() is None  # no number of milliseconds to read out


def test_the_caption_is_named_by_its_words(make_player):
    from PySide6.QtGui import QAccessible

    player = make_player("antibodies", Level.CHILD)
    player.go_to_stage(1)
    caption = QAccessible.queryAccessibleInterface(player.caption_label)
    assert caption.text(QAccessible.Text.Name) == caption_of(player.scene, 1, Level.CHILD)


def _legend_and_drawing(player) -> tuple[float | None, float]:
    """The key's height and the drawing's height on screen, in canvas pixels."""
    renderer = player._canvas.scene_renderer
    player._canvas.draw()
    legend = renderer.legend_extent()
    return (None if legend is None else legend[3] - legend[1],
            renderer.axes.get_window_extent().height)


def test_l_hides_the_picture_key_and_gives_the_drawing_its_room(make_player, qtbot):
    player = make_player()
    shown, drawing = _legend_and_drawing(player)
    assert shown and shown > 20
    qtbot.keyClick(player, Qt.Key.Key_L)
    assert player._state.legend is False
    hidden, larger = _legend_and_drawing(player)
    assert hidden is None and larger > drawing
    qtbot.keyClick(player, Qt.Key.Key_L)
    assert _legend_and_drawing(player)[0] == pytest.approx(shown)


def test_bigger_words_make_the_picture_labels_and_key_bigger_too(make_player):
    player = make_player()
    label = next(a for a in player._canvas.scene_renderer._actors.values()
                 if hasattr(a, "text") and hasattr(a.text, "fontsize"))
    usual_key, usual_drawing = _legend_and_drawing(player)
    usual_label = label.text.fontsize
    player._state.set_text_scale(1.5)
    key, drawing = _legend_and_drawing(player)
    # the larger key takes room from the drawing; against the drawing the words are 1.5x
    assert label.text.fontsize / drawing == pytest.approx(1.5 * usual_label / usual_drawing,
                                                          rel=0.02)
    assert key > usual_key * 1.3
    player._state.set_text_scale(2.0)  # the caption grows on; the picture's words stop at 1.5x
    assert player._canvas.scene_renderer.word_scale == 1.5


def test_presenting_draws_the_key_larger_for_the_room(make_player, qtbot):
    from allexplainer.diagrams._qt.player import ROOM_WORDS

    player = make_player()
    player.resize(1920, 1080)
    canvas = player._canvas
    qtbot.waitUntil(lambda: canvas.width() > 1800)
    usual = _legend_and_drawing(player)[0]
    player.set_presenting(True)
    assert canvas.scene_renderer.word_scale == pytest.approx(ROOM_WORDS)
    room = _legend_and_drawing(player)[0]
    assert room > usual * 1.2
    player.set_presenting(False)
    assert canvas.scene_renderer.word_scale == 1.0
    assert _legend_and_drawing(player)[0] < room / 1.2


def test_a_diagram_is_laid_out_for_the_size_it_is_shown_at_not_first_for_another(qtbot):
    """The canvas is made at the size of the placeholder it replaces, so its words and key are
    laid out once, for that size (each layout is 10-20 ms of a diagram's first opening)."""
    from PySide6.QtCore import QSize

    from allexplainer.diagrams._qt.canvas import DiagramCanvas

    canvas = DiagramCanvas(scenes()["car_t"], ReadingState(), size=QSize(800, 450))
    qtbot.addWidget(canvas)
    assert (canvas.figure.bbox.width, canvas.figure.bbox.height) == (800, 450)
    key = canvas.figure.axes[0].get_legend()
    assert key is not None
    with qtbot.waitExposed(canvas):
        canvas.show()
    qtbot.waitUntil(lambda: canvas.scene_renderer.has_background)
    assert (canvas.width(), canvas.height()) == (800, 450)
    assert canvas.figure.axes[0].get_legend() is key  # not made again
    canvas.resize(700, 400)
    qtbot.waitUntil(lambda: canvas.figure.axes[0].get_legend() is not key)  # a new size: again
    canvas.close_renderer()

