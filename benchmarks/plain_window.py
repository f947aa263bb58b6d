"""A reference for start-up: a plain PySide6 window that shows what the app's first screen
shows (a menu bar, a tool bar of three levels, eight tabs of rich text, the first with a topic's
words rendered from Markdown) and nothing else: no content checks, settings, theme, speech or
panels, and none of the app's modules.

    python benchmarks/plain_window.py [TOPICS_DIR]

``benchmarks/black_box.py`` times it beside the app and a bare QMainWindow: the gap between the
bare and the plain window is what any PySide6 window showing these words pays; the gap between
the plain window and the app is the app's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QTextBrowser, QToolBar

TOPICS = Path(__file__).resolve().parent.parent / "assets" / "content" / "topics"


def build(topics: Path) -> QMainWindow:
    """The window, not yet shown."""
    window = QMainWindow()
    window.resize(1200, 800)
    for title in ("&File", "&View", "&Go", "&Help"):
        menu = window.menuBar().addMenu(title)
        for number in range(8):
            menu.addAction(QAction(f"Item {number}", window))
    bar = QToolBar(window)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    levels = QActionGroup(window)
    for name in ("Child", "Family", "Clinic"):
        action = QAction(name, window, checkable=True)
        levels.addAction(action)
        bar.addAction(action)
    tabs = QTabWidget(window)
    window.setCentralWidget(tabs)
    for index, path in enumerate(sorted(topics.glob("*.md"))):
        text = QTextBrowser(tabs)
        if index == 0:  # the words after the front matter, as Markdown
            text.setMarkdown(path.read_text(encoding="utf-8").split("+++", 2)[2])
        tabs.addTab(text, path.stem)
    return window


def main() -> int:
    """Show the window until it is closed."""
    app = QApplication(sys.argv[:1])
    window = build(Path(sys.argv[1]) if len(sys.argv) > 1 else TOPICS)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
