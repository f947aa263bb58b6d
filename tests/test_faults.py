"""Faults a family should never see as a crash: unexpected errors, bad files, missing pieces."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from allexplainer.resources import load_content
from allexplainer.settings import Settings
from allexplainer.ui.crash_handler import CALM_MESSAGE, CrashHandler
from allexplainer.ui.main_window import MainWindow


class Button(QObject):
    pressed = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_error_inside_a_slot_shows_a_calm_message_and_writes_a_log(qtbot, tmp_path):
    window = MainWindow(load_content(), Settings())
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    handler = CrashHandler(tmp_path / "crash-logs", window)
    handler.install()
    try:
        button = Button()

        def broken_slot():
            raise RuntimeError("a bug in a slot")

        button.pressed.connect(broken_slot)
        button.pressed.emit()
        dialog = window.findChild(QMessageBox, "crash-dialog")
        qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
        assert CALM_MESSAGE in dialog.text()
        assert "notes are safe" in dialog.text()
        logs = list((tmp_path / "crash-logs").glob("crash-*.log"))
        assert len(logs) == 1
        assert "RuntimeError: a bug in a slot" in logs[0].read_text()
        button.pressed.emit()                         # a second error: logged, one dialog only
        assert len(list((tmp_path / "crash-logs").glob("crash-*.log"))) == 2
        assert len(window.findChildren(QMessageBox, "crash-dialog")) == 1
        dialog.close()
        window.show_topic("car-t")                    # the app keeps working
        assert window.current_topic_id() == "car-t"
    finally:
        handler.uninstall()


def test_a_missing_or_broken_diagram_shows_a_placeholder_and_logs_a_warning(qtbot, tmp_path,
                                                                          caplog):
    from allexplainer.diagrams._qt.source import DiagramSource
    from tests.helpers import ROOT

    scenes = tmp_path / "diagrams"
    scenes.mkdir()
    for path in (ROOT / "assets" / "diagrams").glob("*.toml"):
        if path.stem == "car_t":
            (scenes / path.name).write_text(path.read_text()[:200] + "\n[[[broken", "utf-8")
        elif path.stem != "cd19":                     # cd19 is missing altogether
            (scenes / path.name).write_text(path.read_text(encoding="utf-8"), "utf-8")
    window = MainWindow(load_content(), Settings(), diagram_factory=DiagramSource(scenes))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    with caplog.at_level("WARNING"):
        for topic_id in ("cd19", "car-t"):
            window.show_topic(topic_id)
            page = window.tabs.currentWidget()
            assert page.build_diagram() is None
            qtbot.waitUntil(lambda page=page: "could not be loaded" in page._diagram_slot.text())
            assert "The text still explains the topic" in page._diagram_slot.text()
            assert page.plain_text().startswith(page.topic.title)
    assert any("car_t.toml" in record.getMessage() for record in caplog.records)
    assert any("'cd19' is missing" in record.getMessage() for record in caplog.records)
    window.show_topic("blinatumomab")
    assert window.tabs.currentWidget().build_diagram() is not None   # the others still work
