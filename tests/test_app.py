"""The app as started from the command line: the right tab and level, offline, fast to paint."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from allexplainer.app import build_window, parse_args
from allexplainer.content.levels import LEVELS, Level
from tests.helpers import ROOT, click_link, show_started


def test_topic_and_level_from_the_command_line(qtbot):
    window = build_window(parse_args(["--topic", "car-t", "--level", "child"]))
    show_started(qtbot, window)
    assert window.current_topic_id() == "car-t"
    assert window.level is Level.CHILD
    assert window.tabs.tabText(window.tabs.currentIndex()) == "CAR T-cells"


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test on any attempt to open a network connection."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise AssertionError(f"network connection attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


@pytest.fixture
def app_window(qtbot):
    window = build_window(parse_args([]))
    show_started(qtbot, window)
    return window


def test_reading_every_tab_at_every_level_opens_no_connection(qtbot, no_network, app_window,
                                                              tmp_path):
    window = app_window
    for level in LEVELS:
        window.state.set_level(level)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            page = window.tabs.currentWidget()
            if hasattr(page, "build_diagram"):
                page.build_diagram()
            assert page.plain_text()
    window.show_topic("about-all")
    with qtbot.waitSignal(window.glossary_term_requested, timeout=2000):
        click_link(qtbot, window.tabs.currentWidget().text)
    qtbot.keyClicks(window.glossary.search, "blinatumumab")
    window.glossary.show_term("cd19")
    window.search_dialog.open_search()
    qtbot.keyClicks(window.search_dialog.box, "pump")
    qtbot.keyClick(window.search_dialog.box, Qt.Key.Key_Return)
    window.notebook.add_question("What is a pump for?")
    window.notebook.list.item(0).setCheckState(Qt.CheckState.Checked)
    window.notebook.export_pdf(tmp_path / "questions.pdf")
    window.about_action.trigger()
    window._about_box.accept()
    window.close()


def test_presenting_every_slide_opens_no_connection(qtbot, no_network, app_window):
    window = app_window
    window.show_topic("car-t")
    window.start_presenting()
    presenter = window.presenter
    for _ in range(len(presenter.deck.slides) + 1):
        qtbot.keyClick(presenter.audience, Qt.Key.Key_PageDown)
    for key in (Qt.Key.Key_B, Qt.Key.Key_B, Qt.Key.Key_N, Qt.Key.Key_P, Qt.Key.Key_Escape):
        qtbot.keyClick(presenter.audience, key)
    assert window.presenter is None


def test_play_mode_opens_no_connection(qtbot, no_network, app_window):
    window = app_window
    window.play_switch.enter()
    play = window.play_switch.play_mode
    play.open_find()
    for cell in play.find_activity.hunt.cells:
        play.find_activity.tap(cell.id)
    play.open_build()
    for part in list(play.build_activity.build.parts):
        play.build_activity.place_part(part.id)
    play.build_activity.stop_animations()
    play.find_activity.stop_animations()
    with qtbot.waitSignal(play.exit_requested, timeout=5000):
        qtbot.mousePress(play.exit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(play.exit_button, Qt.MouseButton.LeftButton)
    assert not window.play_switch.active


FIRST_PAINT_PROBE = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from allexplainer.app import build_window, parse_args

app = QApplication([])
window = build_window(parse_args(sys.argv[1:]))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            heavy = ("matplotlib", "numpy", "allexplainer.play._qt.play_mode",
                     "allexplainer.search._qt.dialog", "allexplainer.takehome._qt.document",
                     "allexplainer.takehome.handout", "allexplainer.topics._qt.teach_back")
            print("loaded at first paint:", sorted(set(heavy) & set(sys.modules)), flush=True)
            app.exit(0)
        return False

probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""


@pytest.mark.parametrize("args", [[], ["--topic", "car-t"]])
def test_matplotlib_and_what_waits_for_first_use_are_not_loaded_before_the_first_paint(args):
    """Drawing (matplotlib), play mode (numpy, for its characters), the search dialog and the
    printed pages wait until they are first wanted: the window shows without them."""
    import os

    result = subprocess.run([sys.executable, "-c", FIRST_PAINT_PROBE, *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.strip() == "loaded at first paint: []", result.stderr
