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


def test_ctrl_equals_grows_every_piece_of_reading_text(qtbot, tmp_path):
    """Ctrl+= (View > Larger text) grows the captions, glossary, teach-back and tabs with the
    topic text; Ctrl+0 brings them back."""
    from PySide6.QtCore import Qt

    from allexplainer.diagrams._qt.source import DiagramSource

    window = open_main_window(qtbot, tmp_path, diagram_factory=DiagramSource())
    window.show_topic("car-t")
    page = window.tabs.currentWidget()
    player = page.build_diagram()
    player.ensure_canvas()
    teach_back = page.teach_back
    sizes = {
        "tabs": lambda: window.tabs.tabBar().font().pointSizeF(),
        "glossary list": lambda: window.glossary.term_list.font().pointSizeF(),
        "glossary meaning": lambda: window.glossary.definition.font().pointSizeF(),
        "glossary search": lambda: window.glossary.search.font().pointSizeF(),
        "teach-back question": lambda: teach_back.question.font().pointSizeF(),
        "teach-back answers": lambda: teach_back.answer_buttons[0].font().pointSizeF(),
        "care note": lambda: page.care_note.font().pointSizeF(),
        "check understanding button": lambda: page.teach_back_button.font().pointSizeF(),
        "picture's key": lambda: player._canvas.scene_renderer.word_scale,
        "caption": lambda: player.caption_label.font().pixelSize(),
        "topic text": lambda: page.text.document().defaultFont().pointSizeF(),
    }
    before = {name: size() for name, size in sizes.items()}
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.state.text_scale > 1.0)
    page.plain_text()  # the topic text lays out again at the new size
    grown = {name: size() for name, size in sizes.items()}
    assert {name for name in sizes if grown[name] <= before[name]} == set()
    window.change_text_size(0)  # Ctrl+0
    assert {name: size() for name, size in sizes.items() if name != "topic text"} == \
        {name: value for name, value in before.items() if name != "topic text"}
