"""Check understanding: teach-back questions one at a time, kind words for every answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.content.quiz import Question, Quiz
from allexplainer.reading_state import ReadingState


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
        self._answers_row = QHBoxLayout()
        self.answer_buttons: list[QPushButton] = []
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
        colour = palette.RIGHT_ANSWER_TEXT if answer.correct else palette.OTHER_ANSWER_TEXT
        self.feedback.setStyleSheet(f"color: {colour};")
        self.next_button.setEnabled(True)

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
            button = QPushButton(strip_links(answer.text), self)
            button.setObjectName(f"teach-back-answer-{number}")
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _checked=False, n=number: self.choose(n))
            self._answers_row.addWidget(button)
            self.answer_buttons.append(button)
        self.feedback.setText("")
        self.next_button.setEnabled(count > 1)
