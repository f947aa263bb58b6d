"""Find anything (Ctrl+F): topics at the reader's level and the glossary; Enter opens the place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allexplainer.content.library import Library
from allexplainer.reading_state import ReadingState
from allexplainer.search.index import SearchHit, search

_HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    """A search box over all topics and the glossary, with results that open what was found."""

    topic_requested = Signal(str, str)   # topic id, words to highlight
    term_requested = Signal(str)

    def __init__(self, library: Library, state: ReadingState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-dialog")
        self.setWindowTitle("Search")
        self.library = library
        self._state = state
        self.resize(560, 480)
        self.box = QLineEdit(self)
        self.box.setObjectName("search-box")
        self.box.setPlaceholderText("Search all topics and the glossary")
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self.run)
        self.box.returnPressed.connect(self._open_first)
        self.summary = QLabel(self)
        self.results = QListWidget(self)
        self.results.setObjectName("search-results")
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self.open_item)
        self.results.itemClicked.connect(self.open_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def shown_results(self) -> list[str]:
        """The titles of the results listed."""
        return [self.results.item(row).data(_HIT_ROLE).title for row in range(self.results.count())]

    def run(self, query: str) -> None:
        """Search for ``query`` and list what was found."""
        hits = search(self.library, query, self._state.level)
        self.results.clear()
        for hit in hits:
            where = "Topic" if hit.kind == "topic" else "Glossary"
            item = QListWidgetItem(f"{where}: {hit.title}\n{hit.snippet}", self.results)
            item.setData(_HIT_ROLE, hit)
        if len(" ".join(query.split())) < 2:
            self.summary.setText("Type at least two letters.")
        elif not hits:
            self.summary.setText("Nothing found. Try a different or shorter word.")
        else:
            self.summary.setText(f"{len(hits)} found. Press Enter or click to open.")

    def open_item(self, item: QListWidgetItem) -> None:
        """Open the place a result points to, and close the search."""
        hit: SearchHit = item.data(_HIT_ROLE)
        if hit.kind == "topic":
            self.topic_requested.emit(hit.target_id, hit.found_text)
        else:
            self.term_requested.emit(hit.target_id)
        self.accept()

    def _open_first(self) -> None:
        if self.results.count():
            self.open_item(self.results.item(0))

    def open_search(self) -> None:
        """Show the dialog with the box ready to type in."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()
        self.box.selectAll()
