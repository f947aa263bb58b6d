"""Play mode: the chooser, the hold-to-leave way out, big targets, child words, clean layers."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from allexplainer.content.checks import unsafe_words
from allexplainer.content.levels import Level
from allexplainer.play import build_car, find_flags
from allexplainer.play._qt import hold_to_exit as play_hold
from allexplainer.play._qt import play_mode
from allexplainer.play._qt.play_mode import PlayMode

PLAY_PACKAGE = Path(__file__).resolve().parent.parent / "allexplainer" / "play"
FORBIDDEN = ("PySide6", "shiboken6", "matplotlib")
HOLD_MS = 300


@pytest.fixture
def mode(qtbot):
    widget = PlayMode(hold_ms=HOLD_MS, seed=11, celebrate_ms=150)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    yield widget
    widget.build_activity.stop_animations()
    widget.find_activity.stop_animations()


# --- finding the way around --------------------------------------------------------------


def test_it_opens_on_the_chooser_and_the_big_buttons_open_each_activity(qtbot, mode):
    assert mode.stack.currentWidget() is mode.chooser
    assert not mode.back_button.isVisible()
    qtbot.mouseClick(mode.build_choice, Qt.MouseButton.LeftButton)
    assert mode.stack.currentWidget() is mode.build_activity
    assert mode.title_label.text() == "Build a super cell" and mode.back_button.isVisible()
    qtbot.mouseClick(mode.back_button, Qt.MouseButton.LeftButton)
    assert mode.stack.currentWidget() is mode.chooser
    qtbot.mouseClick(mode.find_choice, Qt.MouseButton.LeftButton)
    assert mode.stack.currentWidget() is mode.find_activity
    assert mode.find_activity.view.hasFocus()


def test_the_chooser_works_from_the_keyboard(qtbot, mode):
    assert mode.build_choice.hasFocus()
    qtbot.keyClick(mode.build_choice, Qt.Key.Key_Space)
    assert mode.stack.currentWidget() is mode.build_activity


def test_open_build_starts_from_an_empty_guard_cell(mode):
    mode.open_build()
    mode.build_activity.place_part("push-0")
    mode.show_chooser()
    mode.open_build()
    assert mode.build_activity.build.placed_count == 0


# --- the grown-ups' way out --------------------------------------------------------------


def test_a_quick_tap_on_the_exit_button_only_says_keep_holding(qtbot, mode):
    mode.open_find()
    with qtbot.assertNotEmitted(mode.exit_requested, wait=HOLD_MS + 200):
        qtbot.mouseClick(mode.exit_button, Qt.MouseButton.LeftButton)
        assert mode.exit_button.text() == play_hold.HINT_TEXT
        assert not mode.exit_button.is_holding and mode.exit_button.progress == 0.0
    assert mode.stack.currentWidget() is mode.find_activity


def test_holding_the_exit_button_fills_the_ring_then_leaves(qtbot, mode):
    mode.open_build()
    filled: list[float] = []
    mode.exit_button.progress_changed.connect(filled.append)
    with qtbot.waitSignal(mode.exit_requested, timeout=HOLD_MS * 10):
        qtbot.mousePress(mode.exit_button, Qt.MouseButton.LeftButton)
        assert mode.exit_button.text() == play_hold.HOLDING_TEXT
    qtbot.mouseRelease(mode.exit_button, Qt.MouseButton.LeftButton)
    assert any(0.0 < value < 1.0 for value in filled)  # the ring filled bit by bit
    assert mode.stack.currentWidget() is mode.chooser  # the next visit starts fresh
    assert mode.exit_button.text() == play_hold.IDLE_TEXT


def test_the_default_hold_is_two_seconds(qtbot):
    widget = PlayMode(seed=1)
    qtbot.addWidget(widget)
    assert widget.exit_button.hold_ms == 2000


def test_a_single_escape_press_does_not_leave(qtbot, mode):
    mode.open_build()
    with qtbot.assertNotEmitted(mode.exit_requested, wait=HOLD_MS + 200):
        qtbot.keyClick(mode.build_activity.view, Qt.Key.Key_Escape)
        assert mode.exit_button.text() == play_hold.HINT_TEXT
    assert mode.stack.currentWidget() is mode.build_activity


def test_holding_escape_leaves(qtbot, mode):
    mode.open_find()
    with qtbot.waitSignal(mode.exit_requested, timeout=HOLD_MS * 10):
        qtbot.keyPress(mode.find_activity.view, Qt.Key.Key_Escape)
    qtbot.keyRelease(mode.find_activity.view, Qt.Key.Key_Escape)


def test_holding_space_on_the_focused_exit_button_leaves(qtbot, mode):
    mode.exit_button.setFocus()
    with qtbot.waitSignal(mode.exit_requested, timeout=HOLD_MS * 10):
        qtbot.keyPress(mode.exit_button, Qt.Key.Key_Space)
    qtbot.keyRelease(mode.exit_button, Qt.Key.Key_Space)


def test_main_window_shortcuts_cannot_fire_inside_play_mode(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    fired: list[str] = []
    for keys in ("Ctrl+Q", "Escape", "Ctrl+1"):
        action = QAction(keys, window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False, keys=keys: fired.append(keys))
        window.addAction(action)
    mode = PlayMode(window, hold_ms=HOLD_MS, seed=3)
    window.setCentralWidget(mode)
    with qtbot.waitExposed(window):
        window.show()
    mode.open_build()
    view = mode.build_activity.view
    qtbot.keyClick(view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert fired == []


# --- big targets and child words --------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 800), (800, 640)])
def test_every_button_is_big_enough_to_touch(qtbot, mode, size):
    mode.resize(*size)
    for button in (mode.build_choice, mode.find_choice, mode.exit_button):
        assert button.width() >= 64 and button.height() >= 64, button.text()
    for opener, again in ((mode.open_build, mode.build_activity.play_again_button),
                          (mode.open_find, mode.find_activity.play_again_button)):
        opener()
        again.show()
        qtbot.waitUntil(again.isVisible)
        for button in (mode.back_button, again, mode.exit_button):
            assert button.width() >= 64 and button.height() >= 64, button.text()


def test_tab_walks_through_the_parts_then_on_to_the_buttons(qtbot, mode):
    mode.open_build()
    view, activity = mode.build_activity.view, mode.build_activity
    qtbot.waitUntil(view.hasFocus)
    seen = [activity.chosen_part]
    while view.hasFocus() and len(seen) < 20:
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        seen.append(activity.chosen_part)
    assert not view.hasFocus()  # no keyboard trap
    assert set(seen) == {part.id for part in activity.build.parts}


def child_texts() -> list[str]:
    return [*build_car.child_messages(), *find_flags.child_messages(),
            *play_mode.child_words(), play_hold.IDLE_TEXT, play_hold.HINT_TEXT,
            play_hold.HOLDING_TEXT, *(kind.label for kind in build_car.PartKind)]


def test_every_child_sentence_reads_at_grade_three_or_below():
    textstat = pytest.importorskip("textstat")
    too_hard = {text: textstat.flesch_kincaid_grade(text) for text in child_texts()
                if textstat.flesch_kincaid_grade(text) > 3.0}
    assert too_hard == {}


def test_no_child_sentence_is_frightening_or_says_wrong():
    problems = [str(problem) for text in child_texts()
                for problem in unsafe_words("play", Level.CHILD, text)]
    assert problems == []
    for text in child_texts():
        assert not {"wrong", "bad", "game over", "fail"} & set(text.lower().split()), text


# --- layers ------------------------------------------------------------------------------


def test_play_rules_import_no_qt_or_matplotlib_in_their_source():
    for path in PLAY_PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}
        names |= {node.module or "" for node in ast.walk(tree)
                  if isinstance(node, ast.ImportFrom)}
        assert not any(name.startswith((*FORBIDDEN, "allexplainer.ui")) for name in names), \
            path.name


def test_importing_the_play_package_loads_no_qt_or_matplotlib():
    modules = ["allexplainer.play"] + [f"allexplainer.play.{path.stem}"
                                       for path in PLAY_PACKAGE.glob("*.py")
                                       if path.stem != "__init__"]
    code = ("import sys\n" + "".join(f"import {name}\n" for name in modules)
            + f"print(sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r})))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PLAY_PACKAGE.parent.parent, check=True)
    assert result.stdout.strip() == "[]"
