"""A staged start: the first paint already shows the first topic, its tabs and the reading-level
switch; the panels and take-home actions made just after it work as if built at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from allexplainer.app import build_window, parse_args
from allexplainer.resources import load_content
from allexplainer.settings import Settings
from allexplainer.ui.crash_handler import CALM_MESSAGE, CrashHandler
from allexplainer.ui.main_window import MainWindow
from tests.helpers import click_link, show_started


class FirstPaint(QObject):
    """Notes what the window shows when it is painted for the first time."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window = window
        self.seen: dict | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self.seen is None:
            window = self.window
            page = window.tabs.currentWidget()
            self.seen = {
                "built": window.built,
                "topic": window.current_topic_id(),
                "text": page.plain_text(),
                "text_shown": page.text.isVisible(),
                "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
                "tabs_shown": window.tabs.isVisible(),
                "levels_shown": window.level_toolbar.isVisible(),
                "glossary_shown": window.glossary is not None and window.glossary.isVisible(),
                "level": next(level for level, action in window.level_actions.items()
                              if action.isChecked()),
            }
        return False


def test_the_first_paint_shows_the_first_topic_its_tabs_and_the_level_switch(qtbot):
    library = load_content()
    window = build_window(parse_args([]))
    first = FirstPaint(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: first.seen is not None)
    seen = first.seen
    assert seen["built"] is False                      # the panels were still to come
    assert seen["topic"] == library.topics[0].id
    assert seen["text_shown"] and seen["tabs_shown"] and seen["levels_shown"]
    assert seen["tabs"] == [topic.short_title for topic in library.topics]
    # the very words a window built all at once shows, at the same level: not an empty page
    whole = MainWindow(library, Settings())
    qtbot.addWidget(whole)
    assert seen["level"] is whole.level
    assert len(seen["text"]) > 200
    assert seen["text"] == whole.tabs.currentWidget().plain_text()
    qtbot.waitUntil(lambda: window.built)


def first_paint_of_a_new_start(qtbot) -> dict:
    """Start the app again (the settings of the last start are kept); what its first paint
    showed."""
    window = build_window(parse_args([]))
    first = FirstPaint(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: first.seen is not None)
    qtbot.waitUntil(lambda: window.built)
    window.close()
    return first.seen


def test_a_panel_left_open_is_in_the_first_paint_so_the_text_does_not_shift(qtbot):
    """Closed with the glossary open, the app opens with the glossary already beside the text,
    not a moment later (which would push the words sideways as a family starts to read)."""
    window = build_window(parse_args([]))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.built)
    assert not window.glossary.isVisible()             # a first run starts with the panels shut
    window.glossary_action.trigger()                   # F9
    qtbot.waitUntil(lambda: window.glossary.isVisible())
    window.close()

    seen = first_paint_of_a_new_start(qtbot)
    assert seen["built"] is True and seen["glossary_shown"] is True
    assert seen["text_shown"] and len(seen["text"]) > 200

    # closed with the panels shut again: the next start is staged once more
    window = build_window(parse_args([]))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.built and window.glossary.isVisible())
    window.glossary_action.trigger()                   # F9 again: the glossary closes
    assert not window.glossary.isVisible()
    window.close()
    seen = first_paint_of_a_new_start(qtbot)
    assert seen["built"] is False and seen["glossary_shown"] is False


def test_after_the_staged_start_keys_tabs_glossary_and_search_all_work(qtbot):
    window = show_started(qtbot, build_window(parse_args([])))
    window.activateWindow()
    assert window.glossary is not None and window.notebook is not None
    assert not window.glossary.isVisible() and not window.notebook.isVisible()  # first run
    # the File menu has the take-home actions, made after the first paint
    file_menu = next(action.menu() for action in window.menuBar().actions()
                     if action.menu() is not None and action.text() == "&File")
    assert any("handout" in action.text().lower() for action in file_menu.actions())
    # a tab chosen with the mouse shows its topic
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert window.current_topic_id() == window.library.topics[2].id
    # F9 brings the glossary with the keyboard in its search box; a word can be found
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.dock_in_front(window.glossary))
    assert QApplication.focusWidget() is window.glossary.search
    qtbot.keyClicks(window.glossary.search, "leukapheresis")
    qtbot.keyClick(window.glossary.search, Qt.Key.Key_Return)
    assert window.glossary.current_term_id == "leukapheresis"
    # F8 brings My questions in front of it
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: window.dock_in_front(window.notebook))
    # a glossary word clicked in the text opens it in the glossary
    window.show_topic("car-t")
    href = click_link(qtbot, window.tabs.currentWidget().text)
    qtbot.waitUntil(lambda: window.dock_in_front(window.glossary))
    assert window.glossary.current_term_id == href.removeprefix("glossary:")
    # Ctrl+F searches every topic
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.box, "Leukapheresis")
    assert dialog.shown_results()[0] == "CAR T-cell therapy"
    dialog.close()


def test_the_glossary_shortcut_works_even_before_the_build_is_finished(qtbot):
    window = build_window(parse_args([]))
    qtbot.addWidget(window)
    assert not window.built
    window.glossary_action.trigger()                   # F9 pressed at once: the panel is made
    assert window.built and window.dock_in_front(window.glossary) is window.isVisible()
    assert window.glossary.search is not None


def test_play_mode_asked_for_before_the_build_is_finished_hides_the_panels_too(qtbot):
    window = build_window(parse_args([]))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.play_action.trigger()                       # F7 at once, perhaps before the step
    assert window.built and window.play_switch.active
    assert not window.glossary.isVisible() and not window.notebook.isVisible()
    assert not window.tabs.isVisible()


@pytest.mark.qt_no_exception_capture
def test_an_error_while_finishing_the_build_reaches_the_crash_handler(qtbot, tmp_path,
                                                                      monkeypatch):
    from allexplainer.glossary._qt import panel

    def broken(*_args, **_kwargs):
        raise RuntimeError("the glossary could not be made")

    monkeypatch.setattr(panel, "GlossaryPanel", broken)
    window = build_window(parse_args([]))
    qtbot.addWidget(window)
    handler = CrashHandler(tmp_path / "crash-logs", window)
    handler.install()
    try:
        window.show()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "crash-dialog") is not None)
        dialog = window.findChild(QMessageBox, "crash-dialog")
        qtbot.waitUntil(dialog.isVisible)
        assert CALM_MESSAGE in dialog.text()
        logs = list((tmp_path / "crash-logs").glob("crash-*.log"))
        assert len(logs) == 1
        assert "RuntimeError: the glossary could not be made" in logs[0].read_text()
        dialog.close()
    finally:
        handler.uninstall()


def test_a_window_never_painted_still_gets_its_panels_and_take_home_actions(qtbot):
    """Started minimised or hidden, no first paint comes: the panels and the File menu's
    take-home actions are made anyway, a moment later."""
    window = build_window(parse_args([]))
    qtbot.addWidget(window)  # never shown, so never painted
    assert window.built is False
    qtbot.waitUntil(lambda: window.built, timeout=5000)
    names = [action.text().replace("&", "") for action in window.menuBar().actions()[0]
             .menu().actions()]
    assert any("handout" in name.lower() or "print" in name.lower() for name in names), names
