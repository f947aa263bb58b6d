"""My questions for the care team: type or pick questions, tick them off, print; saved at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from allexplainer.content.links import strip_links
from allexplainer.content.topics import Topic
from allexplainer.notebook.memory_store import CLINIC_NOTE, MemoryNotebookStore
from allexplainer.notebook.questions import Place, Question, describe_place
from allexplainer.notebook.store import NotebookStore

_ID_ROLE = Qt.ItemDataRole.UserRole
_PLACE_ROLE = Qt.ItemDataRole.UserRole + 1


class _PlaceUnderQuestion(QStyledItemDelegate):
    """Shows where a pinned question was written on a second line under it; editing still
    changes only the question's words."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        place = index.data(_PLACE_ROLE)
        if place:
            option.text = f"{option.text}\u2028\u21b3 {place}"


class NotebookPanel(QDockWidget):
    """The family's own questions, saved automatically and atomically after every change."""

    save_failed = Signal(str)
    # a pinned question's topic, stage and level, and whether to present it full screen
    place_requested = Signal(str, int, str, bool)

    # What is on screen when a question is written (the shell sets it): the topic id and the
    # place to pin the question to; None pins nothing beyond the topic.
    place_source: Callable[[], tuple[str, Place | None]] | None = None
    # A topic's title and a glossary term's name, to say where a question was written.
    topic_title: Callable[[str], str] = staticmethod(lambda topic_id: topic_id)
    term_name: Callable[[str], str] = staticmethod(lambda term_id: term_id)

    def __init__(self, store: NotebookStore | MemoryNotebookStore,
                 parent: QWidget | None = None) -> None:
        super().__init__("My questions", parent)
        self.setObjectName("notebook-dock")
        self.store = store
        self.notebook, notice = store.load()
        self.notebook.listeners.append(self.save)
        self._topic: Topic | None = None
        self._last_removed: Question | None = None

        body = QWidget(self)
        if store.keeps_copies:
            kept = "They are saved on this computer as you type."
        else:  # clinic mode on a shared computer
            kept = (f"<b>{CLINIC_NOTE}.</b> They go when the app closes: print them or save "
                    "a PDF to take them with you.")
        heading = QLabel("<b>My questions for the care team</b><br>Write down what you want to "
                         f"ask. {kept}", body)
        heading.setObjectName("notebook-heading")
        heading.setWordWrap(True)
        self.heading = heading
        self.entry = QLineEdit(body)
        self.entry.setObjectName("notebook-entry")
        self.entry.setPlaceholderText("Type a question, then press Enter")
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self.add_typed)
        add = QPushButton("Add", body)
        add.clicked.connect(self.add_typed)

        self.suggestions = QComboBox(body)
        self.suggestions.setObjectName("notebook-suggestions")
        self.suggestions.setAccessibleName("Pick a question from this topic")
        self.suggestions.setPlaceholderText("Or pick a question from this topic")
        self.suggestions.activated.connect(self._add_suggestion)

        self.list = QListWidget(body)
        self.list.setWordWrap(True)
        self.list.setObjectName("notebook-list")
        self.list.setAccessibleName("My questions")
        self.list.setItemDelegate(_PlaceUnderQuestion(self.list))
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.currentItemChanged.connect(self._show_place)
        # where the chosen question was written, and buttons that open that picture again
        self.place_label = QLabel(body)
        self.place_label.setObjectName("notebook-place")
        self.place_label.setWordWrap(True)
        self.place_label.setTextFormat(Qt.TextFormat.PlainText)
        self.place_label.setVisible(False)
        self.show_place_button = QPushButton("Show this picture", body)
        self.show_place_button.setObjectName("notebook-show-place")
        self.show_place_button.setToolTip("Open the topic at the diagram stage this question "
                                          "was written at")
        self.show_place_button.clicked.connect(lambda: self._open_current(False))
        self.present_place_button = QPushButton("Present it", body)
        self.present_place_button.setObjectName("notebook-present-place")
        self.present_place_button.setToolTip("Show that diagram stage full screen (presenter "
                                             "mode; Esc comes back)")
        self.present_place_button.clicked.connect(lambda: self._open_current(True))
        self.place_row = QWidget(body)
        place_buttons = QHBoxLayout(self.place_row)
        place_buttons.setContentsMargins(0, 0, 0, 0)
        place_buttons.addWidget(self.show_place_button)
        place_buttons.addWidget(self.present_place_button)
        place_buttons.addStretch(1)
        self.place_row.setVisible(False)

        self.remove_button = QPushButton("Remove", body)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button = QPushButton("Undo remove", body)
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_remove)
        self.print_button = QPushButton("Print…", body)
        self.print_button.clicked.connect(self.print_questions)
        self.pdf_button = QPushButton("Save as PDF…", body)
        self.pdf_button.clicked.connect(self._ask_pdf_path)
        self.new_list_button = QPushButton("New list…", body)
        self.new_list_button.setToolTip("Start an empty list, for example for the next family "
                                        "on a shared clinic computer. The old list is kept.")
        self.new_list_button.clicked.connect(self._confirm_new_list)
        self.status = QLabel(body)
        self.status.setObjectName("notebook-status")
        self.status.setWordWrap(True)
        if notice:
            self.status.setText(notice)

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(add)
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.undo_button, self.print_button, self.pdf_button,
                       self.new_list_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(heading)
        layout.addLayout(entry_row)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.place_label)
        layout.addWidget(self.place_row)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.setWidget(body)
        self._refresh()

    # ----- what is shown -------------------------------------------------------------------
    def shown_questions(self) -> list[tuple[str, bool]]:
        """Each question listed, with whether it is ticked off."""
        return [(self.list.item(row).text(),
                 self.list.item(row).checkState() == Qt.CheckState.Checked)
                for row in range(self.list.count())]

    def set_topic(self, topic: Topic | None) -> None:
        """Offer the suggested questions of ``topic``."""
        self._topic = topic
        self.suggestions.clear()
        if topic is not None:
            # the questions may hold glossary links; a parent sees (and keeps) only the words
            self.suggestions.addItems([strip_links(question) for question in topic.questions])
        self.suggestions.setCurrentIndex(-1)

    def _refresh(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for question in self.notebook.questions:
            item = QListWidgetItem(question.text, self.list)
            item.setData(_ID_ROLE, question.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(Qt.CheckState.Checked if question.done
                               else Qt.CheckState.Unchecked)
            place = self.place_text(question)
            if place:
                item.setToolTip(f"Written while looking at: {place}")
                item.setData(_PLACE_ROLE, place)
        self.list.blockSignals(False)
        self._show_place(self.list.currentItem())

    # ----- pinned places -----------------------------------------------------------------
    def place_text(self, question: Question) -> str:
        """Where ``question`` was written, in words ('' if it is not pinned to a place)."""
        if question.place is None:
            return ""
        term = self.term_name(question.place.term) if question.place.term else ""
        title = self.topic_title(question.topic_id) if question.topic_id else ""
        return describe_place(title, question.place, term)

    def _question(self, question_id: str) -> Question | None:
        return next((q for q in self.notebook.questions if q.id == question_id), None)

    def _show_place(self, item: QListWidgetItem | None, _previous=None) -> None:
        question = self._question(item.data(_ID_ROLE)) if item is not None else None
        place = self.place_text(question) if question is not None else ""
        self.place_label.setText(f"Written while looking at: {place}." if place else "")
        self.place_label.setVisible(bool(place))
        self.place_row.setVisible(bool(place) and bool(question.topic_id)
                                  and question.place.stage is not None)

    def open_place(self, question_id: str, present: bool = False) -> bool:
        """Ask for the topic and stage ``question_id`` was written at (full screen if
        ``present``); False if it has none."""
        question = self._question(question_id)
        if question is None or question.place is None or question.place.stage is None \
                or not question.topic_id:
            return False
        self.place_requested.emit(question.topic_id, question.place.stage,
                                  question.place.level, present)
        return True

    def _open_current(self, present: bool) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_place(item.data(_ID_ROLE), present)

    # ----- changes (each one saved at once by the notebook's listener) --------------------
    def add_question(self, text: str) -> bool:
        """Add ``text`` as a question; False if it had no words."""
        topic_id, place = self._topic.id if self._topic else "", None
        if self.place_source is not None:
            topic_id, place = self.place_source()
        try:
            self.notebook.add(text, topic_id, place)
        except ValueError:
            self.status.setText("Type a question first.")
            return False
        self._refresh()
        return True

    def add_typed(self) -> None:
        """Add what is typed in the entry box."""
        if self.add_question(self.entry.text()):
            self.entry.clear()

    def _add_suggestion(self, index: int) -> None:
        if index >= 0:
            self.add_question(self.suggestions.itemText(index))
            self.suggestions.setCurrentIndex(-1)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        question_id = item.data(_ID_ROLE)
        try:
            self.notebook.set_done(question_id, item.checkState() == Qt.CheckState.Checked)
            self.notebook.edit(question_id, item.text())
        except ValueError:  # the words were all deleted: keep the question as it was
            self.status.setText("A question cannot be empty; the old words were kept.")
            self._refresh()

    def remove_selected(self) -> None:
        """Remove the selected question (Undo brings it back)."""
        item = self.list.currentItem()
        if item is None:
            return
        question_id = item.data(_ID_ROLE)
        self._last_removed = next(q for q in self.notebook.questions if q.id == question_id)
        self.notebook.remove(question_id)
        self.undo_button.setVisible(True)
        self._refresh()

    def undo_remove(self) -> None:
        """Put back the question removed last."""
        if self._last_removed is not None:
            question = self.notebook.add(self._last_removed.text, self._last_removed.topic_id,
                                         self._last_removed.place)
            if self._last_removed.done:
                self.notebook.set_done(question.id, True)
            self._last_removed = None
        self.undo_button.setVisible(False)
        self._refresh()

    def save(self) -> bool:
        """Save now; on failure say so calmly and keep everything on screen."""
        try:
            self.store.save(self.notebook)
        except OSError as error:
            self.status.setText("Your questions could not be saved just now. They are still "
                                f"here; the app will try again on the next change. ({error})")
            self.save_failed.emit(str(error))
            return False
        self.status.setText("Saved." if self.store.keeps_copies else "")
        return True

    def start_new_list(self) -> Path | None:
        """Keep the current list in a dated file, then empty it; returns where it was kept."""
        if not len(self.notebook):
            return None
        try:
            kept = self.store.archive(self.notebook)
        except OSError as error:
            self.status.setText(f"The list was not cleared: a copy could not be kept ({error}).")
            return None
        self.notebook.clear()
        # the backup now holds the old family's list: it is safe in the archive, so it goes
        self.store.forget_backup()
        self._last_removed = None
        self.undo_button.setVisible(False)
        self._refresh()
        if kept is None:
            self.status.setText("Started a new list. The old one was not kept.")
        else:
            self.status.setText(f"Started a new list. The old one was kept as {kept.name}.")
        return kept

    def _confirm_new_list(self) -> None:
        if not len(self.notebook):
            return
        kept = ("A copy of the current questions is kept in the app's data folder."
                if self.store.keeps_copies else
                "On this clinic computer no copy is kept: print them or save a PDF first.")
        answer = QMessageBox.question(
            self, "Start a new list?",
            f"This empties the list on screen, for example for the next family. {kept}")
        if answer == QMessageBox.StandardButton.Yes:
            self.start_new_list()

    # ----- printing --------------------------------------------------------------------------
    def document(self) -> QTextDocument:
        """The printable list."""
        document = QTextDocument(self)
        document.setPlainText(self.notebook.as_text(self.place_text))
        return document

    def export_pdf(self, path: Path) -> None:
        """Write the questions to a PDF file at ``path``."""
        from PySide6.QtPrintSupport import QPrinter  # loaded only when printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                          QPageLayout.Orientation.Portrait,
                                          printer.pageLayout().margins()))
        self.document().print_(printer)
        self.status.setText(f"Saved a copy to {path}.")

    def _ask_pdf_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, "Save my questions as PDF",
                                                    str(Path.home() / "my-questions.pdf"),
                                                    "PDF files (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def print_questions(self) -> None:
        """Print the questions on a printer the user chooses."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded only when printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.document().print_(printer)
