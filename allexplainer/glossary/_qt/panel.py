"""The glossary dock: search as you type, an A-Z list, and the definition at the reader's level."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from allexplainer.content.glossary import Term
from allexplainer.content.levels import Level
from allexplainer.content.library import Library
from allexplainer.content.links import links_to_html, term_id_from_url
from allexplainer.glossary.matching import GlossaryIndex
from allexplainer.reading_state import ReadingState, scale_fonts_with
from allexplainer.speech._qt.highlight import read_text_pane
from allexplainer.speech._qt.speaker import Speaker

TOPIC_SCHEME = "topic"
_TERM_ROLE = Qt.ItemDataRole.UserRole


LIST_TEXT_SCALE = 1.1  # as large as the clinic text (the smallest reading size)


class GlossaryPanel(QDockWidget):
    """Explains every hard word; links lead to related terms and to the topics that use it."""

    topic_requested = Signal(str)

    def __init__(self, library: Library, state: ReadingState,
                 parent: QWidget | None = None) -> None:
        super().__init__("Glossary", parent)
        self.setObjectName("glossary-dock")
        self.library = library
        self._state = state
        state.level_changed.connect(self._on_level_changed)
        self._index = GlossaryIndex(library.terms)
        self._term_id: str | None = None

        body = QWidget(self)
        self.search = QLineEdit(body)
        self.search.setObjectName("glossary-search")
        self.search.setPlaceholderText("Search the glossary")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the glossary")
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._open_first_result)

        self.count_label = QLabel(body)
        self.count_label.setObjectName("glossary-count")
        self.term_list = QListWidget(body)
        # list words no smaller than the reading text beside them
        list_font = self.term_list.font()
        list_font.setPointSizeF(list_font.pointSizeF() * LIST_TEXT_SCALE)
        self.term_list.setFont(list_font)
        self.term_list.setObjectName("glossary-list")
        # a long word ("Acute lymphoblastic leukaemia") wraps onto a second line in a narrow
        # panel, rather than being cut off behind a sideways scroll bar
        self.term_list.setWordWrap(True)
        self.term_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.term_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        # a little air between words, so a wrapped word's second line never reads as a word
        self.term_list.setSpacing(3)
        self.term_list.setAccessibleName("Glossary terms, A to Z")
        self.term_list.currentItemChanged.connect(self._on_current_item_changed)
        self.term_list.itemActivated.connect(self._on_item_activated)

        self.definition = QTextBrowser(body)
        self.definition.setObjectName("glossary-definition")
        self.definition.setAccessibleName("What the word means")
        self.definition.setOpenLinks(False)
        # a keyboard caret: read line by line with a screen reader; links still work
        self.definition.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.definition.anchorClicked.connect(self._on_anchor_clicked)

        # Ctrl+= / Ctrl+-: the search, the list and the meaning grow with the reading text
        scale_fonts_with(state, body, self.term_list)

        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.addWidget(self.term_list)
        splitter.addWidget(self.definition)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.count_label)
        layout.addWidget(splitter, 1)
        self.setWidget(body)
        self.setMinimumWidth(240)
        self.filter("")
        self.definition.setHtml("<p>Pick a word from the list, or click an underlined word in "
                                "the text, to see what it means.</p>")

    # ----- what is shown -------------------------------------------------------------------
    @property
    def current_term_id(self) -> str | None:
        """The id of the term whose definition is shown."""
        return self._term_id

    def visible_terms(self) -> list[str]:
        """The terms listed now, top to bottom."""
        return [self.term_list.item(row).text() for row in range(self.term_list.count())]

    def filter(self, query: str) -> None:
        """List the terms matching ``query``, best first (A-Z when the query is empty)."""
        terms = self._index.search(query)
        self.term_list.blockSignals(True)
        self.term_list.clear()
        for term in terms:
            item = QListWidgetItem(term.term, self.term_list)
            item.setData(_TERM_ROLE, term.id)
            item.setToolTip(term.definition(self._state.level))
        self.term_list.blockSignals(False)
        total = len(self._index)
        if not terms:
            self.count_label.setText("No words match. Try a shorter or different word.")
        elif len(terms) == total:
            self.count_label.setText(f"{total} words, A to Z")
        else:
            self.count_label.setText(f"{len(terms)} of {total} words")

    def show_term(self, term_id: str) -> bool:
        """Show ``term_id``'s definition, select it in the list and make the panel visible."""
        term = self.library.term(term_id)
        if term is None:
            return False
        self._term_id = term_id
        self.definition.setHtml(self.definition_html(term))
        self._select_in_list(term_id)
        self.show()
        self.raise_()
        if self._state.voice:
            self.read_aloud()
        return True

    def read_aloud(self, *, always: bool = False) -> bool:
        """Read the definition shown aloud (when voice is on, or ``always``)."""
        return read_text_pane(self.definition, Speaker.of(self._state), always=always)

    def _on_level_changed(self, _level: Level) -> None:
        """Show definitions written for the new level."""
        self.filter(self.search.text())
        if self._term_id:
            self.definition.setHtml(self.definition_html(self.library.term(self._term_id)))
            self._select_in_list(self._term_id)

    def definition_html(self, term: Term) -> str:
        """The definition pane: term, pronunciation, definition, see also and appears in."""
        parts = [f"<h2>{html.escape(term.term)}</h2>"]
        if term.pronunciation:
            parts.append(f"<p><i>Say it: {html.escape(term.pronunciation)}</i></p>")
        definition = links_to_html(term.definition(self._state.level))
        parts.append(f"<p style='font-size: large'>{definition}</p>")
        related = [self.library.term(term_id) for term_id in term.related]
        if related:
            links = ", ".join(f'<a href="glossary:{other.id}">{html.escape(other.term)}</a>'
                              for other in related if other)
            parts.append(f"<p><b>See also:</b> {links}</p>")
        topics = self.library.appears_in(term.id)
        if topics:
            links = ", ".join(f'<a href="{TOPIC_SCHEME}:{topic.id}">{html.escape(topic.title)}</a>'
                              for topic in topics)
            parts.append(f"<p><b>Appears in:</b> {links}</p>")
        return "".join(parts)

    # ----- reacting to the reader ----------------------------------------------------------
    def _select_in_list(self, term_id: str) -> None:
        for row in range(self.term_list.count()):
            if self.term_list.item(row).data(_TERM_ROLE) == term_id:
                self.term_list.blockSignals(True)
                self.term_list.setCurrentRow(row)
                self.term_list.blockSignals(False)
                self.term_list.scrollToItem(self.term_list.item(row))
                return
        self.term_list.clearSelection()

    def _on_current_item_changed(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_term(item.data(_TERM_ROLE))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.show_term(item.data(_TERM_ROLE))
        self.definition.setFocus()

    def _open_first_result(self) -> None:
        if self.term_list.count():
            self.term_list.setCurrentRow(0)
            self.term_list.setFocus()

    def _on_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        term_id = term_id_from_url(text)
        if term_id:
            self.show_term(term_id)
        elif text.startswith(f"{TOPIC_SCHEME}:"):
            self.topic_requested.emit(text.partition(":")[2])
