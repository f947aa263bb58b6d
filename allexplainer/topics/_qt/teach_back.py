"""Check understanding: teach-back questions one at a time, kind words for every answer."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.content.quiz import Question, Quiz
from allexplainer.reading_state import ReadingState, scale_fonts_with
from allexplainer.speech._qt.highlight import read_label
from allexplainer.speech._qt.speaker import Speaker

ANSWER_MIN_HEIGHT = 48  # a comfortable touch target
ANSWER_PADDING = 10


class AnswerButton(QPushButton):
    """A button whose words wrap onto more lines instead of being cut off at the edges."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(ANSWER_MIN_HEIGHT)

    def _text_rect(self, width: int) -> QRect:
        bounds = QRect(0, 0, max(width - 2 * ANSWER_PADDING, 1), 10_000)
        return self.fontMetrics().boundingRect(
            bounds, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), self.text())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        """The height follows the width: narrower means more lines."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        """Tall enough for every wrapped line."""
        return max(ANSWER_MIN_HEIGHT, self._text_rect(width).height() + 2 * ANSWER_PADDING)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As wide as the words on one line would like, as tall as that needs."""
        width = min(self.fontMetrics().horizontalAdvance(self.text()) + 2 * ANSWER_PADDING, 480)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Never narrower than its longest word."""
        longest = max((self.fontMetrics().horizontalAdvance(word)
                       for word in self.text().split()), default=0)
        return QSize(longest + 2 * ANSWER_PADDING, ANSWER_MIN_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """The usual button, then its words wrapped inside it."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter = QPainter(self)
        self.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        inner = self.rect().adjusted(ANSWER_PADDING, 0, -ANSWER_PADDING, 0)
        painter.drawText(inner, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter
                                    | Qt.AlignmentFlag.AlignLeft), self.text())
        painter.end()


class TeachBackPanel(QFrame):
    """Asks a topic's questions one at a time; nothing is timed and nothing is stored."""

    def __init__(self, quiz: Quiz, state: ReadingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teach-back")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.quiz = quiz
        self._state = state
        self._level = state.level
        self._index = 0
        state.level_changed.connect(self._on_level_changed)

        self.prompt = QLabel("First, ask them to say it back in their own words. Then, if it "
                             "helps, try these questions together.", self)
        self.prompt.setObjectName("teach-back-prompt")
        self.prompt.setWordWrap(True)
        self.progress = QLabel(self)
        self.progress.setObjectName("teach-back-progress")
        self.question = QLabel(self)
        self.question.setObjectName("teach-back-question")
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.question.setFont(font)
        scale_fonts_with(state, self, self.question)  # Ctrl+= grows questions and answers too
        self._answers_row = QVBoxLayout()  # one answer a line: long answers wrap, never clip
        self.answer_buttons: list[AnswerButton] = []
        self.feedback = QLabel(self)
        self.feedback.setObjectName("teach-back-feedback")
        self.feedback.setWordWrap(True)
        self.next_button = QPushButton("Next question", self)
        self.next_button.setObjectName("teach-back-next")
        self.next_button.clicked.connect(self.next_question)

        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.progress)
        layout.addWidget(self.question)
        layout.addLayout(self._answers_row)
        layout.addWidget(self.feedback)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        self._show_question()

    @property
    def questions(self) -> tuple[Question, ...]:
        """The questions for the current level."""
        return self.quiz.for_level(self._level)

    @property
    def current(self) -> Question:
        """The question being asked."""
        return self.questions[self._index]

    def _on_level_changed(self, level: Level) -> None:
        """Ask the questions written for the new level, from the first."""
        if level != self._level:
            self._level = level
            self._index = 0
            self._show_question()

    def next_question(self) -> None:
        """Move to the next question, going round to the first after the last."""
        self._index = (self._index + 1) % len(self.questions)
        self._show_question()

    def choose(self, answer_index: int) -> None:
        """Pick an answer: show whether it is right and why, kindly."""
        answer = self.current.answers[answer_index]
        for number, button in enumerate(self.answer_buttons):
            button.setEnabled(not answer.correct and number != answer_index)
        opening = "Yes, that's right." if answer.correct else "Not quite."
        self.feedback.setText(f"<b>{opening}</b> {strip_links(answer.why)}")
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        right, other = palette.answer_colours(dark)  # readable on a light or a dark window
        colour = right if answer.correct else other
        self.feedback.setStyleSheet(f"color: {colour};")
        self.next_button.setEnabled(True)
        if self._state.voice and self.isVisible():
            read_label(self.feedback, Speaker.of(self._state))

    def _show_question(self) -> None:
        count = len(self.questions)
        self.progress.setText(f"Question {self._index + 1} of {count}. Take your time: "
                              "there is no score.")
        self.question.setText(strip_links(self.current.question))
        for button in self.answer_buttons:
            self._answers_row.removeWidget(button)
            button.deleteLater()
        self.answer_buttons = []
        for number, answer in enumerate(self.current.answers):
            button = AnswerButton(strip_links(answer.text), self)
            button.setObjectName(f"teach-back-answer-{number}")
            button.clicked.connect(lambda _checked=False, n=number: self.choose(n))
            self._answers_row.addWidget(button)
            self.answer_buttons.append(button)
        self.feedback.setText("")
        self.next_button.setEnabled(count > 1)
        if self._state.voice and self.isVisible():
            self.read_question()

    def read_question(self, *, always: bool = False) -> bool:
        """Read the question and its answers aloud (when voice is on, or ``always``)."""
        answers = " ".join(f"{button.text().rstrip('.')}." for button in self.answer_buttons)
        return read_label(self.question, Speaker.of(self._state),
                          f"{self.question.text()} {answers}", always=always)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Opened with voice on: the question is read aloud."""
        super().showEvent(event)
        if self._state.voice:
            self.read_question()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Put away: stop reading its words."""
        speaker = Speaker.of(self._state)
        speaker.stop(self.question)
        speaker.stop(self.feedback)
        super().hideEvent(event)
