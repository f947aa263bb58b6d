"""The glossary as a reader uses it: search, A-Z, links from the text, levels, keyboard only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from allexplainer.content.checks import texts, unlinked_terms
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.links import iter_links
from allexplainer.glossary.matching import GlossaryIndex
from allexplainer.resources import load_content
from allexplainer.settings import Settings
from allexplainer.ui.main_window import MainWindow
from tests.helpers import click_link


@pytest.fixture(scope="module")
def library():
    return load_content()


@pytest.fixture
def window(qtbot, library):
    window = MainWindow(library, Settings())
    qtbot.addWidget(window)
    window.restore_state()
    with qtbot.waitExposed(window):
        window.show()
    return window


# ----- the data -------------------------------------------------------------------------------
def test_at_least_sixty_terms_each_defined_at_every_level(library):
    assert len(library.terms) >= 60
    for term in library.terms:
        for level in LEVELS:
            assert len(term.definition(level).split()) >= 3, (term.id, level)


def test_hard_drug_names_have_pronunciations(library):
    assert library.term("blinatumomab").pronunciation == "blin-a-TOOM-oh-mab"
    assert library.term("tisagenlecleucel").pronunciation == "tis-a-jen-LEK-loo-sel"


def test_every_term_is_reachable_from_the_text_or_another_term(library):
    linked = {link.term_id for _where, _level, text in texts(library) for link in iter_links(text)}
    related = {other for term in library.terms for other in term.related}
    assert {term.id for term in library.terms} - linked - related == set()


def test_appears_in_is_derived_from_the_links(library):
    topics = {topic.id for topic in library.appears_in("cd19")}
    assert {"cd19", "car-t", "blinatumomab"} <= topics


def test_every_glossary_word_is_linked_in_every_text(library):
    matcher = library.matcher()
    problems = [str(problem) for where, _level, text in texts(library)
                for problem in unlinked_terms(where, text, matcher)]
    assert problems == []


# ----- search ---------------------------------------------------------------------------------
@pytest.mark.parametrize("query, expected", [
    ("CD19", "CD19"),
    ("cd19", "CD19"),
    ("blinatumumab", "Blinatumomab"),     # a small typo
    ("BLINCYTO", "Blinatumomab"),         # a synonym, any case
    ("lymphocyté", "Lymphocyte"),         # an accent
    ("kymriah", "Tisagenlecleucel"),
    ("blinatumu", "Blinatumomab"),        # half typed, with the typo
    ("chemoterapy", "Chemotherapy"),
    ("lymphocite", "Lymphocyte"),
])
def test_search_finds_the_term_first(library, query, expected):
    assert GlossaryIndex(library.terms).search(query)[0].term == expected


def test_search_also_looks_in_definitions(library):
    found = [term.id for term in GlossaryIndex(library.terms).search("bone marrow")]
    assert found[0] == "bone-marrow"
    assert len(found) > 2


# ----- the panel ------------------------------------------------------------------------------
def test_the_panel_starts_closed_and_a_clicked_word_opens_it(qtbot, window):
    assert not window.glossary.isVisible(), "on a first run the topic and diagram get the room"
    click_link(qtbot, window.tabs.currentWidget().text)
    qtbot.waitUntil(lambda: window.dock_in_front(window.glossary))
    assert window.glossary.count_label.text() == f"{len(window.library.terms)} words, A to Z"


def test_a_long_word_wraps_whole_in_a_narrow_panel_with_no_sideways_scrolling(qtbot, window):
    """At the panel's first-run width the longest word is shown whole, on two lines if need
    be, never cut off behind a sideways scroll bar, with air before the next word."""
    window.toggle_dock(window.glossary)
    qtbot.waitUntil(lambda: window.dock_in_front(window.glossary))
    window.resizeDocks([window.glossary], [240], Qt.Orientation.Horizontal)
    terms = window.glossary.term_list
    qtbot.waitUntil(lambda: terms.viewport().width() < 260)
    longest = max((terms.item(row) for row in range(terms.count())),
                  key=lambda item: terms.fontMetrics().horizontalAdvance(item.text()))
    assert terms.fontMetrics().horizontalAdvance(longest.text()) > terms.viewport().width()
    assert not terms.horizontalScrollBar().isVisible()
    shown = terms.visualItemRect(longest)
    assert shown.right() <= terms.viewport().width()   # within the panel, not beyond its edge
    assert shown.height() >= 2 * terms.fontMetrics().height()  # on two lines
    # and set apart from the next word, so its second line does not read as a word of its own
    after = terms.visualItemRect(terms.item(terms.row(longest) + 1))
    assert after.top() - shown.bottom() >= 4


def test_typing_narrows_the_list(qtbot, window):
    panel = window.glossary
    everything = panel.visible_terms()
    assert everything == sorted(everything, key=str.casefold)
    qtbot.keyClicks(panel.search, "antibod")
    narrowed = panel.visible_terms()
    assert 0 < len(narrowed) < len(everything)
    assert narrowed[0] in {"Antibody", "Monoclonal antibody"}
    qtbot.keyClicks(panel.search, "zzzz")
    assert panel.visible_terms() == []
    assert "No words match" in panel.count_label.text()


def test_clicking_a_link_in_the_text_opens_the_panel_at_that_term(qtbot, window):
    window.glossary.hide()
    window.toggle_dock(window.notebook)          # the notebook is in front, glossary closed
    href = click_link(qtbot, window.tabs.currentWidget().text)
    term = window.library.term(href.removeprefix("glossary:"))
    qtbot.waitUntil(lambda: window.dock_in_front(window.glossary))
    assert window.glossary.current_term_id == term.id
    assert term.term in window.glossary.definition.toPlainText()
    assert term.definition(Level.FAMILY)[:30] in window.glossary.definition.toPlainText()


def test_switching_level_changes_the_definition(qtbot, window):
    term = window.library.term("cd19")
    window.glossary.show_term("cd19")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    shown = window.glossary.definition.toPlainText()
    assert term.definition(Level.CHILD)[:30] in shown
    assert term.definition(Level.FAMILY)[:30] not in shown


def test_see_also_and_appears_in_links(qtbot, window):
    panel = window.glossary
    panel.show_term("cd19")
    other = window.library.term(window.library.term("cd19").related[0])
    click_link(qtbot, panel.definition, f"glossary:{other.id}")
    assert panel.current_term_id == other.id
    panel.show_term("cd19")
    with qtbot.waitSignal(panel.topic_requested, timeout=2000) as blocker:
        click_link(qtbot, panel.definition, "topic:")
    assert window.current_topic_id() == blocker.args[0]


def test_keyboard_only_reaches_and_opens_a_term(qtbot, window):
    panel = window.glossary
    assert not panel.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)       # show
    qtbot.waitUntil(lambda: window.dock_in_front(panel))
    qtbot.keyClick(window, Qt.Key.Key_F9)       # hide
    assert not panel.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)       # show again
    qtbot.waitUntil(lambda: window.dock_in_front(panel))
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "leukapheresis")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.current_term_id == "leukapheresis"
    assert panel.term_list.hasFocus()
    panel.search.clear()
    panel.term_list.setCurrentRow(0)
    first = panel.current_term_id
    qtbot.keyClick(panel.term_list, Qt.Key.Key_Down)
    assert panel.current_term_id != first
    qtbot.keyClick(panel.term_list, Qt.Key.Key_Return)
    assert panel.definition.hasFocus()
