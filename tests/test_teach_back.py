"""Check understanding, as a nurse and a family use it: one question at a time, kind answers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.resources import load_content
from allexplainer.settings import Settings
from allexplainer.ui.main_window import MainWindow


@pytest.fixture
def page(qtbot):
    window = MainWindow(load_content(), Settings())
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.show_topic("about-all")
    return window.tabs.currentWidget()


def test_questions_open_from_the_button_one_at_a_time(qtbot, page):
    assert not page.teach_back.isVisible()
    qtbot.mouseClick(page.teach_back_button, Qt.MouseButton.LeftButton)
    panel = page.teach_back
    assert panel.isVisible()
    questions = panel.quiz.for_level(Level.FAMILY)
    assert panel.progress.text().startswith(f"Question 1 of {len(questions)}")
    assert panel.question.text() == strip_links(questions[0].question)
    assert [b.text() for b in panel.answer_buttons] == [strip_links(a.text)
                                                        for a in questions[0].answers]


def test_a_wrong_answer_is_met_kindly_and_can_be_tried_again(qtbot, page):
    qtbot.mouseClick(page.teach_back_button, Qt.MouseButton.LeftButton)
    panel = page.teach_back
    question = panel.current
    wrong = next(i for i, answer in enumerate(question.answers) if not answer.correct)
    qtbot.mouseClick(panel.answer_buttons[wrong], Qt.MouseButton.LeftButton)
    assert panel.feedback.text().startswith("<b>Not quite.</b>")
    assert strip_links(question.answers[wrong].why) in panel.feedback.text()
    right = next(i for i, answer in enumerate(question.answers) if answer.correct)
    assert panel.answer_buttons[right].isEnabled()
    qtbot.mouseClick(panel.answer_buttons[right], Qt.MouseButton.LeftButton)
    assert panel.feedback.text().startswith("<b>Yes, that's right.</b>")
    assert not any(button.isEnabled() for button in panel.answer_buttons)


def test_next_moves_on_and_nothing_is_scored(qtbot, page):
    qtbot.mouseClick(page.teach_back_button, Qt.MouseButton.LeftButton)
    panel = page.teach_back
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.progress.text().startswith("Question 2 of")
    assert "no score" in panel.progress.text()
    assert panel.feedback.text() == ""


def test_child_level_asks_the_child_questions(qtbot, page):
    qtbot.mouseClick(page.teach_back_button, Qt.MouseButton.LeftButton)
    page.window().state.set_level(Level.CHILD)
    panel = page.teach_back
    assert panel.question.text() == strip_links(panel.quiz.for_level(Level.CHILD)[0].question)
    assert all(button.minimumHeight() >= 48 for button in panel.answer_buttons)


def test_long_answers_wrap_inside_their_buttons_instead_of_being_cut(qtbot, page):
    page.window().resize(900, 700)
    qtbot.mouseClick(page.teach_back_button, Qt.MouseButton.LeftButton)
    panel = page.teach_back
    for _ in range(len(panel.questions)):
        # once laid out, every button is tall enough for all of its wrapped words
        qtbot.waitUntil(lambda: all(b.width() > 0 and b.height() >= b.heightForWidth(b.width())
                                    for b in panel.answer_buttons))
        for button in panel.answer_buttons:
            words = button.fontMetrics().horizontalAdvance(button.text())
            assert button.width() <= panel.width()
            if words > button.width():  # too long for one line: it takes more lines, all shown
                wrapped = button.fontMetrics().boundingRect(
                    0, 0, button.width() - 20, 10_000, Qt.TextFlag.TextWordWrap, button.text())
                assert wrapped.height() >= 2 * button.fontMetrics().height()
                assert button.height() >= wrapped.height(), button.text()
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
