"""Find anything (Ctrl+F): topics at the reader's level and the glossary; Enter opens the place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from allexplainer.content.library import Library
from allexplainer.reading_state import ReadingState
from allexplainer.search.highlight import result_html
from allexplainer.search.index import SearchHit, SearchIndex

_HIT_ROLE = Qt.ItemDataRole.UserRole
_HTML_ROLE = Qt.ItemDataRole.UserRole + 1
RESULT_PADDING = 8  # space around each result, so results read as separate blocks


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as rich text: where it is, the title, the snippet with the match marked."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(_HTML_ROLE) or "")
        document.setTextWidth(max(option.rect.width() - 2 * RESULT_PADDING, 50))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """The selection background as usual, then the result's words."""
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + RESULT_PADDING, option.rect.top() + RESULT_PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """As tall as the wrapped words, with padding above and below."""
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(round(document.idealWidth()) + 2 * RESULT_PADDING,
                     round(document.size().height()) + 2 * RESULT_PADDING)


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
        self._index: SearchIndex | None = None  # built on first use, again for a new level
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
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setSpacing(2)
        self.results.itemActivated.connect(self.open_item)
        self.results.itemClicked.connect(self.open_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def shown_results(self) -> list[str]:
        """The titles of the results listed."""
        return [self.results.item(row).data(_HIT_ROLE).title for row in range(self.results.count())]

    def search_index(self) -> SearchIndex:
        """The index of the content and level now shown, built once for each."""
        index = self._index
        if index is None or index.library is not self.library or index.level != self._state.level:
            index = self._index = SearchIndex(self.library, self._state.level)
        return index

    def run(self, query: str) -> None:
        """Search for ``query`` and list what was found."""
        hits = self.search_index().search(query)
        self.results.clear()
        for hit in hits:
            where = "Topic" if hit.kind == "topic" else "Glossary"
            item = QListWidgetItem(f"{where}: {hit.title}\n{hit.snippet}", self.results)
            item.setData(_HIT_ROLE, hit)
            item.setData(_HTML_ROLE, result_html(where, hit.title, hit.snippet, query))
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
        self.search_index()  # ready before the first key
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()
        self.box.selectAll()
