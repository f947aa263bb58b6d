"""Puts "Report a problem with this page…" in the main window's Help menu."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from allexplainer import __version__
from allexplainer.content.links import strip_links
from allexplainer.report.text import PageDetails

ACTION_TEXT = "&Report a problem with this page…"


def page_details(window) -> PageDetails:
    """What ``window`` (the main window) shows now: topic, level, diagram stage, versions."""
    level = window.state.level
    details = {"app_version": __version__, "content_version": str(window.library.version),
               "level": level.value}
    topic_id = window.current_topic_id()
    topic = window.library.topic(topic_id) if topic_id else None
    if topic is not None:
        details.update(topic_id=topic.id, topic_title=topic.title)
        player = window.tabs.currentWidget().diagram
        if player is not None:
            stage = player.stage_index
            caption = player.scene.stages[stage].caption.get(level)
            details.update(diagram=player.scene.id, stage=stage,
                           stage_count=len(player.scene.stages), caption=strip_links(caption))
    return PageDetails(**details)


def help_menu(window: QMainWindow) -> QMenu:
    """The window's Help menu (made if there is none)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.title().replace("&", "") == "Help":
            return menu
    return window.menuBar().addMenu("&Help")


def add_report_action(window: QMainWindow) -> QAction:
    """Add the report action at the top of Help; it opens a ReportDialog for the current page."""
    menu = help_menu(window)
    action = QAction(ACTION_TEXT, window)
    action.setObjectName("report-problem")
    action.setToolTip("Write a note for the app's team about this page (nothing is sent)")

    def open_dialog() -> None:
        from allexplainer.report._qt.dialog import ReportDialog  # made when asked for, not at start

        dialog = ReportDialog(page_details(window), window)
        dialog.setModal(True)
        dialog.open()
        window.report_dialog = dialog  # kept, so it is not collected while open

    action.triggered.connect(open_dialog)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    if first is not None:
        menu.insertSeparator(first)
    return action
