"""Search (Ctrl+F) as a parent uses it: type a word, see where it is, open the place found."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from allexplainer.content.checks import markdown_to_plain
from allexplainer.content.levels import Level
from allexplainer.resources import load_content
from allexplainer.search.index import search
from tests.helpers import open_main_window


@pytest.fixture
def window(qtbot, tmp_path):
    return open_main_window(qtbot, tmp_path)


def test_ctrl_f_finds_a_word_in_a_topic_and_opens_it_there(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.box, "Leukapheresis")
    assert dialog.shown_results()[0] == "CAR T-cell therapy"
    assert "Leukapheresis" in dialog.shown_results()
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.current_topic_id() == "car-t"
    text = window.tabs.currentWidget().text
    assert text.textCursor().selectedText().casefold() == "leukapheresis"


def test_a_glossary_result_opens_the_glossary(qtbot, window):
    window.search_dialog.open_search()
    qtbot.keyClicks(window.search_dialog.box, "Kymriah")
    results = window.search_dialog.results
    glossary_row = next(row for row in range(results.count())
                        if results.item(row).text().startswith("Glossary: Tisagenlecleucel"))
    results.setCurrentRow(glossary_row)
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.glossary.current_term_id == "tisagenlecleucel"


def test_nothing_found_says_so_kindly(qtbot, window):
    window.search_dialog.open_search()
    qtbot.keyClicks(window.search_dialog.box, "xylophone")
    assert window.search_dialog.shown_results() == []
    assert "Nothing found" in window.search_dialog.summary.text()


def test_search_follows_the_reading_level():
    library = load_content()
    child_hits = {hit.target_id for hit in search(library, "super cells", Level.CHILD)
                  if hit.kind == "topic"}
    family_hits = {hit.target_id for hit in search(library, "super cells", Level.FAMILY)
                   if hit.kind == "topic"}
    assert "car-t" in child_hits
    assert "car-t" not in family_hits


def test_snippets_cut_at_word_boundaries():
    library = load_content()
    for hit in search(library, "pump", Level.FAMILY):
        if hit.kind == "topic":
            words = hit.snippet.strip("…").split()
            text = " ".join(library.topic(hit.target_id).body(Level.FAMILY).split())
            from allexplainer.content.checks import markdown_to_plain

            plain = " ".join(markdown_to_plain(text).split())
            assert f" {words[0]}" in f" {plain}" and f"{words[-1]} " in f"{plain} "


def test_another_spelling_finds_the_topics_too():
    library = load_content()
    topics = {hit.target_id for hit in search(library, "leukemia", Level.FAMILY)
              if hit.kind == "topic"}
    assert {"about-all", "cd19"} <= topics
    kymriah = [hit for hit in search(library, "Kymriah", Level.FAMILY) if hit.kind == "topic"]
    assert kymriah and all(hit.found_text for hit in kymriah)


def test_results_mark_the_words_found_and_stand_apart(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    qtbot.keyClicks(dialog.box, "cd19")
    first = dialog.results.item(0)
    shown = first.data(Qt.ItemDataRole.UserRole + 1)
    assert "<span style='background:" in shown and ">CD19</span>" in shown
    delegate = dialog.results.itemDelegate()
    assert type(delegate).__name__ == "ResultDelegate"
    height = dialog.results.visualItemRect(first).height()
    assert height >= 3 * dialog.results.fontMetrics().height(), "where, title and words"


def test_glossary_snippets_end_on_a_whole_word():
    library = load_content()
    for hit in search(library, "cell", Level.FAMILY):
        if hit.kind == "glossary" and hit.snippet.endswith("…"):
            last_word = hit.snippet[:-1].split()[-1].strip(".,;:")
            words = [word.strip(".,;:()") for word in markdown_to_plain(
                library.term(hit.target_id).definition(Level.FAMILY)).split()]
            assert last_word in words, hit.snippet
