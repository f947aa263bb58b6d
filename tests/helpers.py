"""Small helpers the tests share: build the real window, find and click links as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "assets" / "content"


def anchor_point(browser: QTextBrowser, href_prefix: str = "glossary:") -> tuple[str, QPoint]:
    """The first link in ``browser`` whose href starts with ``href_prefix``, and its position."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            href = fragment.charFormat().anchorHref()
            if href.startswith(href_prefix):
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return href, browser.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link starting with {href_prefix!r} is shown")


def click_link(qtbot, browser: QTextBrowser, href_prefix: str = "glossary:") -> str:
    """Click the first matching link in ``browser`` with the mouse; return its href."""
    href, point = anchor_point(browser, href_prefix)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return href


def open_main_window(qtbot, folder: Path, library=None, **options):
    """The real main window, shown, with its notebook kept in ``folder`` (a test's tmp_path)."""
    from allexplainer.notebook.store import NotebookStore
    from allexplainer.resources import load_content
    from allexplainer.settings import Settings
    from allexplainer.ui.main_window import MainWindow

    window = MainWindow(library or load_content(), Settings(),
                        notebook_store=NotebookStore(folder), **options)
    qtbot.addWidget(window)
    window.restore_state()
    with qtbot.waitExposed(window):
        window.show()
    return window


def show_started(qtbot, window):
    """Show a window from ``build_window`` (a staged start) and wait until it is fully built:
    its first paint done and its panels and take-home actions made after it, as a user sees."""
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.built, timeout=5000)
    return window
