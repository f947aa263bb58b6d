"""Help > Report a problem with this page: what the reader writes, and what the team receives."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from allexplainer import __version__
from allexplainer.app import build_window, parse_args
from allexplainer.report._qt.dialog import ReportDialog
from allexplainer.report.text import PageDetails, report_text, suggested_file_name
from tests.helpers import show_started


@pytest.fixture
def window(qtbot):
    window = build_window(parse_args(["--topic", "car-t", "--level", "clinic"]))
    show_started(qtbot, window)
    return window


def help_action(window, text: str):
    help_menu = next(action.menu() for action in window.menuBar().actions()
                     if action.menu() is not None and action.text() == "&Help")
    return next(action for action in help_menu.actions() if action.text() == text)


def open_report(qtbot, window) -> ReportDialog:
    help_action(window, "&Report a problem with this page…").trigger()
    dialog = window.findChild(ReportDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_report_names_the_page_stage_level_and_versions(qtbot, window):
    player = window.tabs.currentWidget().build_diagram()
    player.go_to_stage(2)
    dialog = open_report(qtbot, window)
    assert "topic: CAR T-cell therapy" in dialog.details.text()
    assert f"diagram stage 3 of {len(player.scene.stages)}" in dialog.details.text()
    qtbot.keyClicks(dialog.note, "The T cell in stage 3 has no label.")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "Topic:           CAR T-cell therapy (car-t)" in copied
    assert "Reading level:   clinic" in copied
    assert f"Diagram:         car_t, stage 3 of {len(player.scene.stages)}" in copied
    assert "Caption shown:   " in copied and "](glossary:" not in copied
    assert f"App version:     {__version__}" in copied
    assert "Content version: 2026.12" in copied
    assert "The T cell in stage 3 has no label." in copied
    assert "nothing was sent" in copied
    assert dialog.status.text().startswith("Copied.")


def test_saving_the_report_writes_a_plain_text_file(qtbot, window, tmp_path):
    dialog = open_report(qtbot, window)
    qtbot.keyClicks(dialog.note, "A word I did not know: apheresis.")
    target = tmp_path / "report.txt"
    assert dialog.save_to(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("ALL Explainer: a problem with a page")
    assert "A word I did not know: apheresis." in text
    assert "Topic:           CAR T-cell therapy (car-t)" in text
    assert dialog.status.text() == (f"Saved to {target}. Give this file to the care team or the "
                                    "app's team.")


def test_a_place_that_cannot_be_written_gives_a_calm_message(qtbot, window, tmp_path):
    dialog = open_report(qtbot, window)
    assert not dialog.save_to(tmp_path)  # a folder, not a file
    assert dialog.status.text().startswith("The report could not be saved there")
    assert dialog.isVisible()


def test_the_report_holds_no_questions_from_the_notebook(qtbot, window):
    window.notebook.add_question("Will she lose her hair?")
    dialog = open_report(qtbot, window)
    assert "lose her hair" not in dialog.text()


def test_report_text_without_a_topic_and_its_file_name():
    when = dt.datetime(2026, 12, 1, 14, 3)
    page = PageDetails(app_version="0.2.0", content_version="2026.12")
    text = report_text(page, "  ", when=when)
    assert "Written:         01 Dec 2026 14:03" in text
    assert "(nothing was written)" in text
    assert "Topic:" not in text
    assert suggested_file_name(page, when) == "allexplainer-report-20261201-1403.txt"
    assert suggested_file_name(PageDetails("0.2.0", "2026.12", topic_id="cd19"), when) == \
        "allexplainer-report-cd19-20261201-1403.txt"
