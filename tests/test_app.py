"""The app as started from the command line: the right tab and level, offline, fast to paint."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from allexplainer.app import build_window, parse_args
from allexplainer.content.levels import LEVELS, Level
from tests.helpers import ROOT, click_link


def test_topic_and_level_from_the_command_line(qtbot):
    window = build_window(parse_args(["--topic", "car-t", "--level", "child"]))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
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


def test_a_whole_session_opens_no_connection(qtbot, no_network):
    window = build_window(parse_args([]))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    for level in LEVELS:
        window.set_level(level)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            page = window.tabs.currentWidget()
            if hasattr(page, "build_diagram"):
                page.build_diagram()
            assert page.plain_text()
    window.show_topic("about-all")
    with qtbot.waitSignal(window.glossary_term_requested, timeout=2000):
        click_link(qtbot, window.tabs.currentWidget().text)
    window.about_action.trigger()
    window.close()


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
            print("matplotlib loaded at first paint:", "matplotlib" in sys.modules, flush=True)
            app.exit(0)
        return False

probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""


@pytest.mark.parametrize("args", [[], ["--topic", "car-t"]])
def test_matplotlib_is_not_loaded_before_the_first_paint(args):
    import os

    result = subprocess.run([sys.executable, "-c", FIRST_PAINT_PROBE, *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.stdout.strip() == "matplotlib loaded at first paint: False", result.stderr
