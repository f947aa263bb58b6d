"""Play mode from the main window: in with F7 or the toolbar, out only by a grown-up's hold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers import open_main_window


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    yield window
    if window.play_switch.play_mode is not None:
        window.play_switch.play_mode.build_activity.stop_animations()
        window.play_switch.play_mode.find_activity.stop_animations()


def test_f7_opens_play_mode_with_nothing_else_to_press(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert window.play_switch.active
    play = window.play_switch.play_mode
    assert play.build_choice.hasFocus(), "Enter opens an activity straight away"
    assert play.isVisible() and not window.tabs.isVisible()
    assert not window.menuBar().isVisible()
    assert not window.level_toolbar.isVisible()
    assert not window.glossary.isVisible()
    qtbot.keyClick(play, Qt.Key.Key_Escape)
    assert window.play_switch.active, "a single Escape does not leave"


def test_a_grown_ups_hold_brings_everything_back(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F9)  # the glossary was open before play mode
    qtbot.waitUntil(lambda: window.dock_in_front(window.glossary))
    window.play_action.trigger()
    play = window.play_switch.play_mode
    with qtbot.waitSignal(play.exit_requested, timeout=5000):
        qtbot.mousePress(play.exit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(play.exit_button, Qt.MouseButton.LeftButton)
    assert not window.play_switch.active
    assert window.tabs.isVisible() and window.menuBar().isVisible()
    assert window.level_toolbar.isVisible()
    qtbot.waitUntil(lambda: window.dock_in_front(window.glossary))


def test_reduce_motion_reaches_play_mode_and_is_remembered(qtbot, window):
    window.reduced_motion_action.trigger()
    assert window.settings.get("reduced_motion")
    window.play_action.trigger()
    assert window.play_switch.play_mode.build_activity.reduced_motion


def test_reduce_motion_reaches_an_open_play_mode_and_open_diagrams(qtbot, tmp_path):
    from allexplainer.diagrams._qt.source import DiagramSource

    window = open_main_window(qtbot, tmp_path, diagram_factory=DiagramSource())
    window.show_topic("car-t")
    player = window.tabs.currentWidget().build_diagram()
    window.play_switch.enter()
    window.play_switch.leave()
    window.state.set_reduced_motion(True)
    play = window.play_switch.play_mode
    assert play.build_activity.reduced_motion and play.find_activity.reduced_motion
    assert player.reduced_motion


def test_enter_opens_the_focused_activity(qtbot, window):
    window.play_action.trigger()
    play = window.play_switch.play_mode
    qtbot.keyClick(play.build_choice, Qt.Key.Key_Return)
    assert play.stack.currentWidget() is play.build_activity
