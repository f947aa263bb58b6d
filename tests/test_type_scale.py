"""One type scale for the window: one link colour, air above headings, list words as big as body."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from allexplainer import palette
from allexplainer.content.levels import Level
from tests.helpers import open_main_window


def test_headings_have_space_above_them_and_the_title_sits_at_the_top(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.show_topic("car-t")
    document = window.tabs.currentWidget().text.document()
    headings = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            headings.append((block.blockFormat().headingLevel(), block.blockFormat().topMargin()))
        block = block.next()
    assert headings[0] == (1, 0)
    second_level = [margin for level, margin in headings if level == 2]
    assert second_level and min(second_level) >= 8


def test_one_link_colour_and_glossary_words_no_smaller_than_reading_text(qtbot, tmp_path):
    window = open_main_window(qtbot, tmp_path)
    window.state.set_level(Level.CLINIC)          # the smallest reading text
    assert window.glossary.definition.palette().color(QPalette.ColorRole.Link) == \
        QColor(palette.LINK)
    page = window.tabs.currentWidget()
    page.plain_text()
    body = page.text.document().defaultFont().pointSizeF()
    assert window.glossary.term_list.font().pointSizeF() >= body - 0.01
