"""Clinic mode on a shared computer, as a family, a nurse and IT would find it (hazard H21)."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt

from allexplainer.app import build_window, parse_args
from allexplainer.content.levels import Level
from allexplainer.notebook.store import data_folder
from tests.helpers import show_started

CLINIC_NOTE = "Clinic computer: questions are not kept"


@pytest.fixture
def clinic_file(tmp_path, monkeypatch):
    """Write the clinic file IT would put on the computer; returns a function taking its text."""
    path = tmp_path / "clinic.toml"
    monkeypatch.setenv("ALLEXPLAINER_CLINIC_FILE", str(path))

    def write(text: str):
        path.write_text(text, encoding="utf-8")
        return path
    return write


def start(qtbot, *args: str):
    """Start the app as the command line does, and show its window."""
    window = build_window(parse_args(list(args)))
    show_started(qtbot, window)
    return window


def clinic_note_shown(window) -> bool:
    notes = [label for label in window.statusBar().findChildren(type(window.notebook.heading))
             if label.objectName() == "clinic-note"]
    return any(label.isVisible() and label.text() == CLINIC_NOTE for label in notes)


def type_question(qtbot, window, text: str) -> None:
    window.notebook_action.trigger()
    qtbot.keyClicks(window.notebook.entry, text)
    qtbot.keyClick(window.notebook.entry, Qt.Key.Key_Return)


def test_without_a_clinic_file_questions_are_saved_and_no_note_is_shown(qtbot):
    window = start(qtbot)
    assert not clinic_note_shown(window)
    assert "saved on this computer" in window.notebook.heading.text()
    type_question(qtbot, window, "How long is the pump on?")
    assert (data_folder() / "questions.json").exists()


def test_questions_stay_in_memory_and_are_gone_after_the_app_closes(qtbot, clinic_file):
    clinic_file('[notebook]\nkeep = "memory"\n')
    window = start(qtbot)
    assert clinic_note_shown(window)
    assert CLINIC_NOTE in window.notebook.heading.text()
    type_question(qtbot, window, "Can her brother visit?")
    assert window.notebook.shown_questions() == [("Can her brother visit?", False)]
    assert window.notebook.status.text() != "Saved."
    window.close()
    assert not data_folder().exists() or list(data_folder().glob("questions*")) == []

    next_family = start(qtbot)
    assert next_family.notebook.shown_questions() == []


def test_a_new_list_on_a_clinic_computer_keeps_no_copy(qtbot, clinic_file):
    clinic_file('[notebook]\nkeep = "memory"\n')
    window = start(qtbot)
    type_question(qtbot, window, "What does MRD mean?")
    assert window.notebook.start_new_list() is None
    assert window.notebook.shown_questions() == []
    assert window.notebook.status.text() == "Started a new list. The old one was not kept."
    assert not data_folder().exists() or list(data_folder().iterdir()) == []


def test_a_locked_level_is_where_every_session_starts(qtbot, clinic_file):
    window = start(qtbot)
    window.level_actions[Level.CLINIC].trigger()
    window.close()  # the last nurse left it at the clinic level

    clinic_file('[locked]\nlevel = "child"\n')
    window = start(qtbot)
    assert window.level is Level.CHILD
    assert window.level_actions[Level.CHILD].isChecked()
    window.level_actions[Level.FAMILY].trigger()  # still free to change during the session
    assert window.level is Level.FAMILY
    window.close()
    assert start(qtbot).level is Level.CHILD


def test_clinic_defaults_apply_until_the_person_chooses(qtbot, clinic_file):
    clinic_file('[defaults]\nlevel = "clinic"\npresenter_text_scale = 1.5\nread_aloud = true\n')
    window = start(qtbot)
    assert window.level is Level.CLINIC
    assert window.settings.get("presenter_text_scale") == 1.5
    assert window.state.voice is True
    window.level_actions[Level.FAMILY].trigger()
    window.close()
    assert start(qtbot).level is Level.FAMILY  # their own choice is remembered


def test_the_command_line_level_still_wins(qtbot, clinic_file):
    clinic_file('[locked]\nlevel = "child"\n')
    assert start(qtbot, "--level", "clinic").level is Level.CLINIC


def test_bad_values_give_the_usual_settings_and_a_warning_never_a_crash(qtbot, clinic_file,
                                                                         caplog):
    path = clinic_file('[defaults]\nlevel = "teenager"\ntext_scale = "huge"\nvolume = 11\n'
                       '[locked]\nreduced_motion = "sometimes"\n[printer]\nname = "ward 3"\n')
    with caplog.at_level(logging.WARNING):
        window = start(qtbot)
    assert window.level is Level.FAMILY
    assert window.state.text_scale == 1.0
    assert window.state.reduced_motion is False
    assert not clinic_note_shown(window)  # nothing said about the notebook: it is kept
    warnings = "\n".join(record.getMessage() for record in caplog.records)
    for problem in ("level = 'teenager'", "text_scale = 'huge'", "volume: unknown setting",
                    "reduced_motion = 'sometimes'", "unknown section [printer]"):
        assert problem in warnings
    assert str(path) in warnings


@pytest.mark.parametrize("text", ['[notebook\nkeep = "memory"\n', '[notebook]\nkeep = "memroy"\n'])
def test_a_damaged_file_or_a_typo_keeps_questions_in_memory(qtbot, clinic_file, caplog, text):
    clinic_file(text)
    with caplog.at_level(logging.WARNING):
        window = start(qtbot)
    assert clinic_note_shown(window)
    assert "questions are kept in memory only" in caplog.text
    type_question(qtbot, window, "Is it catching?")
    assert not (data_folder() / "questions.json").exists()


def test_the_file_is_only_read(qtbot, clinic_file):
    path = clinic_file('[notebook]\nkeep = "memory"\n[locked]\nlevel = "child"\n')
    before = path.read_bytes(), path.stat().st_mtime_ns
    window = start(qtbot)
    window.level_actions[Level.CLINIC].trigger()
    window.close()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
