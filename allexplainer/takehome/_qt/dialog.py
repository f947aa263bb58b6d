"""The handout dialog: which topic, at which reading level, on which paper; then print
(with a preview) or save a PDF."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.topics import Topic
from allexplainer.takehome.handout import PAPERS


class HandoutDialog(QDialog):
    """Choose a topic, a reading level and the paper; Print… opens a preview, Save as PDF…
    asks where. The family's open questions go on the handout (the dialog says how many)."""

    def __init__(self, topics: tuple[Topic, ...], topic_id: str | None, level: Level,
                 page: str, open_questions: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handout-dialog")
        self.setWindowTitle("Handout to take home")
        self.topic_box = QComboBox(self)
        for topic in topics:
            self.topic_box.addItem(topic.title, topic.id)
        index = self.topic_box.findData(topic_id) if topic_id else 0
        self.topic_box.setCurrentIndex(max(index, 0))
        self.level_box = QComboBox(self)
        for item in LEVELS:
            self.level_box.addItem(f"{item.label} words", item.value)
        self.level_box.setCurrentIndex(self.level_box.findData(Level(level).value))
        self.paper_box = QComboBox(self)
        for key, name in PAPERS.items():
            self.paper_box.addItem(name, key)
        self.paper_box.setCurrentIndex(max(self.paper_box.findData(page), 0))
        form = QFormLayout()
        form.addRow("&Topic:", self.topic_box)
        form.addRow("&Reading level:", self.level_box)
        form.addRow("Paper si&ze:", self.paper_box)
        if open_questions:
            plural = "s" if open_questions != 1 else ""
            said = (f"It includes {open_questions} question{plural} from My questions not yet "
                    "asked, each with where it was written.")
        else:
            said = "My questions has no open questions: the handout leaves room to write some."
        self.summary = QLabel("The handout has the topic's text, one picture per diagram stage "
                              "with its caption, the words explained, the sources and review "
                              f"dates, and a box for your care team's names and numbers. {said}",
                              self)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton("&Print…", self)
        self.save_button = QPushButton("&Save as PDF…", self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.choice = ""
        self.print_button.clicked.connect(lambda: self._choose("print"))
        self.save_button.clicked.connect(lambda: self._choose("save"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @property
    def topic_id(self) -> str:
        return self.topic_box.currentData()

    @property
    def level(self) -> Level:
        return Level(self.level_box.currentData())

    @property
    def page(self) -> str:
        return self.paper_box.currentData()
