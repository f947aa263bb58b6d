"""Shows the sentence being read aloud: marked in a text pane, or the label being read lit up."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextEdit

from allexplainer import palette
from allexplainer.speech._qt.speaker import Speaker
from allexplainer.speech.sentences import Sentence

SPEAKING_STYLE = f"background: {palette.SPEAKING}; color: {palette.SPEAKING_TEXT};"


def read_text_pane(pane: QTextEdit, speaker: Speaker, *, always: bool = True,
                   from_position: int = 0) -> bool:
    """Read ``pane``'s words aloud from ``from_position``, marking each sentence as it is said
    and scrolling it into view; the mark goes when the reading ends or is stopped."""
    _follow(pane, speaker)
    text = pane.toPlainText()
    pane.setProperty("speech_offset", from_position)
    return speaker.say(text[from_position:], pane, always=always)


def _follow(pane: QTextEdit, speaker: Speaker) -> None:
    if pane.property("speech_followed"):
        return
    pane.setProperty("speech_followed", True)

    def on_sentence(owner: object, sentence: Sentence) -> None:
        if owner is pane:
            offset = int(pane.property("speech_offset") or 0)
            mark_sentence(pane, sentence.start + offset, sentence.end + offset)

    def on_finished(owner: object) -> None:
        if owner is pane:
            pane.setExtraSelections([])

    speaker.sentence_started.connect(on_sentence)
    speaker.finished.connect(on_finished)


def mark_sentence(pane: QTextEdit, start: int, end: int) -> None:
    """Mark the words from ``start`` to ``end`` (places in the pane's plain text)."""
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    char_format = QTextCharFormat()
    char_format.setBackground(QColor(palette.SPEAKING))
    char_format.setForeground(QColor(palette.SPEAKING_TEXT))
    selection.cursor = cursor
    selection.format = char_format
    pane.setExtraSelections([selection])
    visible = QTextCursor(pane.document())
    visible.setPosition(end)
    pane.setTextCursor(visible)
    pane.ensureCursorVisible()


def marked_text(pane: QTextEdit) -> str:
    """The words marked as being read now ("" if none)."""
    selections = pane.extraSelections()
    return selections[0].cursor.selectedText() if selections else ""


def read_label(label: QLabel, speaker: Speaker, text: str | None = None, *,
               always: bool = False) -> bool:
    """Read ``label``'s words (or ``text``) aloud, the label lit up while it is read."""
    if not label.property("speech_followed"):
        label.setProperty("speech_followed", True)

        def on_sentence(owner: object, _sentence: Sentence) -> None:
            if owner is label and not label.property("speech_lit"):
                label.setProperty("speech_lit", True)
                label.setProperty("speech_style", label.styleSheet())
                label.setStyleSheet(label.styleSheet() + SPEAKING_STYLE)

        def on_finished(owner: object) -> None:
            if owner is label and label.property("speech_lit"):
                label.setProperty("speech_lit", False)
                label.setStyleSheet(str(label.property("speech_style") or ""))

        speaker.sentence_started.connect(on_sentence)
        speaker.finished.connect(on_finished)
    return speaker.say(text if text is not None else _plain(label), label, always=always)


def _plain(label: QLabel) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()
