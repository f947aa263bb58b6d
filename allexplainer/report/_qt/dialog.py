"""Help > Report a problem with this page: the reader's note and the page details, as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allexplainer.report.text import PageDetails, report_text, suggested_file_name

INTRO = ("Tell the app's team what is wrong or confusing on this page: a hard word, a picture "
         "that does not match the words, something that looks out of date. The report is plain "
         "text: save it to a file, or copy it and paste it into an e-mail. Nothing is sent from "
         "this computer.")


class ReportDialog(QDialog):
    """Shows what the report will say about the page, takes the reader's note, and saves the
    report to a file the reader picks or copies it to the clipboard."""

    def __init__(self, page: PageDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.opened_at = dt.datetime.now()
        self.setObjectName("report-dialog")
        self.setWindowTitle("Report a problem with this page")
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.details = QLabel(self._details_text(), self)
        self.details.setObjectName("report-details")
        self.details.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("report-note")
        self.note.setAccessibleName("What you noticed")
        self.note.setPlaceholderText("What did you notice? Please do not write the child's name "
                                     "or other personal details.")
        self.save_button = QPushButton("Save to file…", self)
        self.save_button.clicked.connect(self._ask_path)
        self.copy_button = QPushButton("Copy to clipboard", self)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        self.status = QLabel(self)
        self.status.setObjectName("report-status")
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details)
        layout.addWidget(QLabel("What you noticed:", self))
        layout.addWidget(self.note, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        for button in (self.save_button, self.copy_button):
            button.setAutoDefault(False)  # Enter in the note is a new line, not "Save"
        self.resize(560, 440)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Put the cursor in the note, ready to type."""
        super().showEvent(event)
        self.note.setFocus()

    def _details_text(self) -> str:
        page = self.page
        parts = [f"App {page.app_version}, content {page.content_version}"]
        if page.topic_id:
            parts.append(f"topic: {page.topic_title}")
        if page.level:
            parts.append(f"reading level: {page.level}")
        if page.diagram and page.stage is not None:
            parts.append(f"diagram stage {page.stage + 1} of {page.stage_count}")
        return "The report will say: " + "; ".join(parts) + "."

    def text(self) -> str:
        """The report as it would be saved or copied now."""
        return report_text(self.page, self.note.toPlainText(), qt_version=qVersion(),
                           when=self.opened_at)

    def save_to(self, path: Path) -> bool:
        """Write the report to ``path``; say so (or say calmly why not)."""
        try:
            path.write_text(self.text(), encoding="utf-8")
        except OSError as error:
            self.status.setText(f"The report could not be saved there ({error.strerror or error})."
                                " Try another folder, or copy it instead.")
            return False
        self.status.setText(f"Saved to {path}. Give this file to the care team or the app's "
                            "team.")
        return True

    def copy_to_clipboard(self) -> None:
        """Put the report on the clipboard, to paste into an e-mail or a message."""
        QApplication.clipboard().setText(self.text())
        self.status.setText("Copied. Paste it into an e-mail or a message to the team.")

    def _ask_path(self) -> None:
        default = Path.home() / suggested_file_name(self.page, self.opened_at)
        path, _filter = QFileDialog.getSaveFileName(self, "Save the report", str(default),
                                                    "Text files (*.txt)")
        if path:
            self.save_to(Path(path))
