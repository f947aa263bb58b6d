"""Keyboard only (issue 13): F1 lists every key, speeds by key, F8/F9 and F6 move the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from allexplainer.diagrams._qt.source import DiagramSource
from allexplainer.ui.keyboard_help import ROOMS
from tests.helpers import open_main_window


def focus() -> object:
    return QApplication.focusWidget()


def test_f1_opens_the_keys_room_by_room_in_plain_words(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.keyboard_help
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.toPlainText()
    for room in ("Anywhere in the window", "The picture (diagram)", "Presenting in clinic (F5)",
                 "Play mode for children (F7)", "My questions (F8)"):
        assert room in text
    for key in ("Ctrl+R", "F9", "Space", "Hold Esc for 2 seconds", "S"):
        assert key in text
    assert {room for room, _about, _keys in ROOMS} <= set(text.splitlines())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_speed_can_be_reached_and_left_from_the_keyboard(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path, diagram_factory=DiagramSource())
    window.show_topic("car-t")
    player = window.tabs.currentWidget().build_diagram()
    player.setFocus()
    assert player.speed == 1.0
    qtbot.keyClick(player, Qt.Key.Key_S)
    assert player.speed == 2.0 and player.controls.speed_buttons[2.0].isChecked()
    qtbot.keyClick(player, Qt.Key.Key_S)
    assert player.speed == 0.5
    qtbot.keyClick(player, Qt.Key.Key_S)  # and back from slow: nobody is stuck at 0.5
    assert player.speed == 1.0
    qtbot.keyClick(player, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert player.speed == 0.5
    # S also works while a control button has the keyboard
    qtbot.keyClick(player.controls.play_button, Qt.Key.Key_S)
    assert player.speed == 1.0


def test_f9_and_f8_take_the_keyboard_into_their_panel_and_back(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.activateWindow()
    page = window.tabs.currentWidget()
    window.glossary_action.trigger()
    assert window.dock_in_front(window.glossary)
    assert focus() is window.glossary.search
    window.notebook_action.trigger()
    assert focus() is window.notebook.entry
    window.notebook_action.trigger()
    assert not window.notebook.isVisible()
    assert focus() is page.diagram or focus() is page.text


def test_hidden_panels_are_never_a_tab_stop(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.glossary.hide()
    window.notebook.hide()
    window.activateWindow()
    window.tabs.currentWidget().text.setFocus()
    seen = set()
    for _ in range(80):
        widget = focus()
        seen.add(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert not any(window.glossary.isAncestorOf(w) or window.notebook.isAncestorOf(w)
                   for w in seen if w is not None)


def test_f6_jumps_between_the_words_and_the_picture(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path, diagram_factory=DiagramSource())
    window.show_topic("car-t")
    window.activateWindow()
    page = window.tabs.currentWidget()
    player = page.build_diagram()
    player.setFocus()
    window.skip_action.trigger()
    assert focus() is page.text
    window.skip_action.trigger()
    assert focus() is player


def test_the_topic_text_has_a_caret_to_read_line_by_line_and_links_still_open(qtbot, tmp_path):
    """Caret browsing: a screen reader follows a caret that the arrow keys move line by line;
    Tab still walks the links and Enter opens the word in the glossary."""
    from PySide6.QtGui import QAccessible

    window = open_main_window(qtbot, tmp_path)
    window.show_topic("car-t")
    window.activateWindow()
    text = window.tabs.currentWidget().text
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    assert text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    reader = QAccessible.queryAccessibleInterface(text).textInterface()
    qtbot.keyClick(text, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert reader.cursorPosition() == 0
    qtbot.keyClick(text, Qt.Key.Key_Down)
    qtbot.keyClick(text, Qt.Key.Key_Down)
    second = reader.cursorPosition()
    assert second > 0
    # the reader asks for the words around the caret: the line it is on
    block = text.textCursor().block()
    assert reader.text(block.position(), block.position() + block.length() - 1).strip()
    qtbot.keyClick(text, Qt.Key.Key_Up)
    assert 0 < reader.cursorPosition() < second or reader.cursorPosition() == 0
    # the links still work from the keyboard
    qtbot.keyClick(text, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert text.textCursor().charFormat().isAnchor() or text.textCursor().hasSelection()
    with qtbot.waitSignal(window.glossary_term_requested, timeout=2000):
        qtbot.keyClick(text, Qt.Key.Key_Return)
