"""The main window as a reader meets it: tabs, text at each level, links, sources, memory."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from allexplainer import __version__
from allexplainer.content.checks import markdown_to_plain
from allexplainer.content.levels import Level
from allexplainer.content.library import load_library, read_content_dir
from allexplainer.content.links import strip_links
from allexplainer.resources import load_content
from allexplainer.settings import APPLICATION, KEY_LEVEL, KEY_TOPIC, ORGANISATION, Settings
from allexplainer.topics._qt.care_note import CARE_TEAM_TEXT
from allexplainer.ui.main_window import MainWindow
from tests.content_files import topic_headers
from tests.helpers import CONTENT_DIR, click_link, show_started

# from the topic files themselves, so a new topic needs no edit here
TAB_LABELS = [header.get("tab_title") or header["title"] for header in topic_headers()]
TITLES = [header["title"] for header in topic_headers()]


def first_words(markdown: str, count: int = 6) -> str:
    return " ".join(markdown_to_plain(markdown).split()[:count])


def open_window(qtbot, library=None, level=None) -> MainWindow:
    window = MainWindow(library or load_content(), Settings(), level=level)
    qtbot.addWidget(window)
    window.restore_state()
    with qtbot.waitExposed(window):
        window.show()
    return window


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def test_one_tab_per_topic_file_in_order(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_LABELS
    assert [window.tabs.tabToolTip(i) for i in range(window.tabs.count())] == TITLES
    for index, title in enumerate(TITLES):
        window.tabs.setCurrentIndex(index)
        assert window.tabs.currentWidget().plain_text().startswith(title)


def test_family_text_is_shown_first_with_care_note_sources_and_dates(window):
    page = window.tabs.currentWidget()
    shown = " ".join(page.plain_text().split())
    assert first_words(page.topic.body(Level.FAMILY)) in shown
    assert "Where these facts come from" in shown
    assert page.topic.sources[0].title in shown
    assert "Sources checked 1 Dec 2026" in shown and "Next review due" in shown
    assert "Clinical review: pending" in shown and "Content version 2026.12" in shown
    assert page.care_note.isVisible()
    assert page.care_note.text() == CARE_TEAM_TEXT


def test_level_switch_rerenders_every_tab(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.level is Level.CHILD
    assert window.level_actions[Level.CHILD].isChecked()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.currentWidget()
        assert page.care_note.isVisible()
        shown = " ".join(page.plain_text().split())
        assert first_words(page.topic.body(Level.CHILD)) in shown
        assert first_words(page.topic.body(Level.FAMILY)) not in shown
    window.level_actions[Level.CLINIC].trigger()
    assert first_words(window.tabs.currentWidget().topic.body(Level.CLINIC)) in " ".join(
        window.tabs.currentWidget().plain_text().split())


def test_clicking_a_glossary_link_asks_for_that_term(qtbot, window):
    page = window.tabs.currentWidget()
    with qtbot.waitSignal(window.glossary_term_requested, timeout=2000) as blocker:
        href = click_link(qtbot, page.text)
    assert blocker.args == [href.removeprefix("glossary:")]
    assert window.library.term(blocker.args[0]) is not None


def test_glossary_tooltip_follows_the_level(window):
    term = window.library.term("cd19")
    assert strip_links(term.definition(Level.FAMILY))[:25] in window.short_definition("cd19")
    window.state.set_level(Level.CHILD)
    assert strip_links(term.definition(Level.CHILD))[:25] in window.short_definition("cd19")


def test_about_shows_version_sources_and_disclaimer(qtbot, window):
    window.about_action.trigger()
    box = window.findChild(type(window._about_box), "about-box")
    qtbot.waitUntil(box.isVisible)
    assert __version__ in box.text()
    assert "Content version 2026.12" in box.text()
    assert "pending on every topic" in box.text()
    assert "does not replace" in box.text()
    box.close()


def test_the_clinical_trials_page_names_todays_trial_with_its_status_date(qtbot, window):
    window.state.set_level(Level.FAMILY)
    window.show_topic("clinical-trials")
    shown = " ".join(window.tabs.currentWidget().plain_text().split())
    assert "Trials named on this page" in shown
    assert "ALLTogether1 (NCT04307576" in shown
    assert "(as of 1 Dec 2026)" in shown
    assert "Sources checked 1 Dec 2026" in shown
    assert "Clinical review: pending" in shown


def test_the_clinic_level_opens_what_changed_in_this_version(qtbot, window):
    window.state.set_level(Level.CLINIC)
    window.show_topic("blinatumomab")
    page = window.tabs.currentWidget()
    assert "What changed in version 2026.12" in page.plain_text()
    click_link(qtbot, page.text, "changes:")
    box = window.findChild(QMessageBox, "changes-box")
    qtbot.waitUntil(box.isVisible)
    assert "What changed in content version 2026.12" in box.text()
    assert "Blinatumomab" in box.text()
    box.close()
    window.state.set_level(Level.FAMILY)
    assert "What changed in version" not in window.tabs.currentWidget().plain_text()


def test_topic_and_level_are_remembered(qtbot):
    first = open_window(qtbot)
    first.show_topic("car-t")
    first.state.set_level(Level.CLINIC)
    first.close()
    second = open_window(qtbot)
    assert second.current_topic_id() == "car-t"
    assert second.level is Level.CLINIC


def test_garbage_settings_fall_back_to_defaults(qtbot):
    raw = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION,
                    APPLICATION)
    raw.setValue(KEY_LEVEL, "banana")
    raw.setValue(KEY_TOPIC, "../../etc/passwd")
    raw.setValue("window/geometry", "not a geometry")
    raw.sync()
    window = open_window(qtbot)
    assert window.level is Level.FAMILY
    assert window.current_topic_id() == "about-all"
    assert window.width() >= 720
    assert "not understood" in window.statusBar().currentMessage()


def test_a_corrupt_settings_file_gives_defaults_and_one_notice(qtbot, isolated_settings):
    path = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION,
                     APPLICATION).fileName()
    import pathlib

    pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(path).write_bytes(b"\x00\xff[reading\nlevel=\x00\x01garbage\n\xfe\xfe")
    window = open_window(qtbot)
    assert window.level is Level.FAMILY
    assert "usual" in window.statusBar().currentMessage()
    window.close()
    again = open_window(qtbot)
    assert again.statusBar().currentMessage() == ""
    assert again.level is Level.FAMILY


def test_clean_settings_show_no_notice(qtbot):
    assert open_window(qtbot).statusBar().currentMessage() == ""


def test_a_broken_topic_shows_its_error_and_the_rest_still_work(qtbot):
    files = read_content_dir(CONTENT_DIR)
    files["topics/cd19.md"] = files["topics/cd19.md"].replace("next_review = 2027-11-24",
                                                              "next_review = 2027-02-30")
    window = open_window(qtbot, load_library(files))
    assert window.tabs.count() == len(TITLES)
    assert window.show_topic("cd19")
    page = window.tabs.currentWidget()
    assert "could not be shown" in page.plain_text()
    assert "topics/cd19.md, line" in page.plain_text()
    assert "⚠" in window.tabs.tabText(window.tabs.currentIndex())
    assert window.show_topic("car-t")
    assert "CAR" in window.tabs.currentWidget().plain_text()
    assert "could not be read" in window.content_problems.text()
    assert "topics/cd19.md, line" in window.content_problems.toolTip()


def test_a_page_past_its_review_date_says_so(qtbot):
    files = read_content_dir(CONTENT_DIR)
    files["topics/cd19.md"] = files["topics/cd19.md"].replace(
        "sources_checked = 2026-12-01", "sources_checked = 2020-01-01")
    files["topics/cd19.md"] = re.sub(r"next_review = [\d-]+", "next_review = 2021-01-01",
                                     files["topics/cd19.md"])
    window = open_window(qtbot, load_library(files))
    window.show_topic("cd19")
    shown = " ".join(window.tabs.currentWidget().plain_text().split())
    assert "Next review due 1 Jan 2021" in shown
    assert "past its review date: check with the care team" in shown
    window.show_topic("car-t")
    assert "past its review date" not in window.tabs.currentWidget().plain_text()


def test_previewed_content_is_marked_as_a_preview(qtbot):
    from allexplainer.app import build_window, parse_args

    window = build_window(parse_args(["--content-dir", str(CONTENT_DIR)]))
    show_started(qtbot, window)
    assert "PREVIEW" in window.windowTitle()
    assert window.preview_banner.isVisible()
    assert "not yet reviewed" in window.preview_banner.text()


def test_an_unreadable_settings_file_gives_defaults_and_a_notice(qtbot):
    import pathlib

    path = pathlib.Path(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                  ORGANISATION, APPLICATION).fileName())
    path.mkdir(parents=True)            # a folder where the file should be: it cannot be read
    window = open_window(qtbot)
    assert window.level is Level.FAMILY
    assert "could not be read" in window.statusBar().currentMessage()
    window.state.set_level(Level.CHILD)       # still usable; saving quietly fails, nothing crashes
    window.close()


def test_the_diagram_gets_the_larger_share_of_a_wide_window(qtbot):
    from allexplainer.diagrams._qt.source import DiagramSource

    window = MainWindow(load_content(), Settings(), diagram_factory=DiagramSource())
    qtbot.addWidget(window)
    window.resize(1600, 900)
    with qtbot.waitExposed(window):
        window.show()
    window.show_topic("car-t")
    page = window.tabs.currentWidget()
    player = page.build_diagram()
    qtbot.waitUntil(lambda: player.width() > page.text.width())


def test_reading_text_size_follows_ctrl_plus_minus_and_is_remembered(qtbot):
    window = open_window(qtbot)
    text = window.tabs.currentWidget().text
    usual = text.document().defaultFont().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    larger = text.document().defaultFont().pointSizeF()
    assert larger > usual
    window.close()
    again = open_window(qtbot)
    assert again.tabs.currentWidget().text.document().defaultFont().pointSizeF() == larger
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.tabs.currentWidget().text.document().defaultFont().pointSizeF() == usual


def test_the_picture_key_is_hidden_from_the_view_menu_and_stays_hidden(qtbot):
    window = open_window(qtbot)
    assert window.legend_action.isChecked() and window.state.legend
    window.legend_action.trigger()
    assert window.state.legend is False
    window.close()
    again = open_window(qtbot)
    assert again.state.legend is False and not again.legend_action.isChecked()
    again.legend_action.trigger()
    assert again.state.legend


def test_on_a_small_screen_the_diagram_covers_at_least_40_percent_of_the_window(qtbot):
    from PySide6.QtCore import QPoint

    from allexplainer.diagrams._qt.source import DiagramSource

    window = MainWindow(load_content(), Settings(), diagram_factory=DiagramSource())
    qtbot.addWidget(window)
    window.restore_state()           # a first run: no saved size, panels closed
    window.resize(1152, 648)         # what a first run takes of a 1280x720 screen
    with qtbot.waitExposed(window):
        window.show()
    window.show_topic("car-t")
    player = window.tabs.currentWidget().build_diagram()
    qtbot.waitUntil(lambda: player._canvas is not None and player._canvas.isVisible())
    canvas = player._canvas
    share = canvas.width() * canvas.height() / (window.width() * window.height())
    assert share >= 0.40, f"the diagram covers {share:.0%} of the window"
    assert not window.glossary.isVisible()
    # every control whole inside the player
    inside = player.rect()
    for button in player.controls.buttons():
        box = button.geometry().translated(button.parentWidget().mapTo(player, QPoint(0, 0)))
        assert inside.contains(box), button.accessibleName()


@pytest.mark.parametrize("width", [720, 1280])
def test_the_player_controls_stay_whole_in_a_narrow_window(qtbot, width):
    from PySide6.QtCore import QPoint

    from allexplainer.diagrams._qt.source import DiagramSource

    window = MainWindow(load_content(), Settings(), diagram_factory=DiagramSource())
    qtbot.addWidget(window)
    window.restore_state()
    window.resize(width, 600)
    with qtbot.waitExposed(window):
        window.show()
    window.show_topic("car-t")
    player = window.tabs.currentWidget().build_diagram()
    qtbot.waitUntil(lambda: player._canvas is not None and player._canvas.isVisible())
    inside = player.rect()
    for button in player.controls.buttons():
        box = button.geometry().translated(button.parentWidget().mapTo(player, QPoint(0, 0)))
        assert inside.contains(box) and button.isVisible(), (width, button.accessibleName())
    assert player.controls.scrubber.width() >= 80
