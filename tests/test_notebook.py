"""My questions for the care team, as a parent uses it: add, pick, tick, edit, print, never lose."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from allexplainer.content.links import strip_links
from allexplainer.notebook.questions import Notebook, NotebookError
from allexplainer.notebook.store import NotebookStore, data_folder
from allexplainer.ui.main_window import MainWindow
from tests.helpers import ROOT, open_main_window


@pytest.fixture
def store(tmp_path):
    return NotebookStore(tmp_path / "data")


def open_window(qtbot, store) -> MainWindow:
    return open_main_window(qtbot, store.folder)


def saved_texts(store) -> list[str]:
    return [q["text"] for q in json.loads(store.path.read_text(encoding="utf-8"))["questions"]]


def test_typed_question_is_listed_and_saved_at_once(qtbot, store):
    window = open_window(qtbot, store)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    panel = window.notebook
    qtbot.waitUntil(lambda: window.dock_in_front(panel))
    qtbot.keyClicks(panel.entry, "How long will we stay near the hospital?")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert panel.shown_questions() == [("How long will we stay near the hospital?", False)]
    assert panel.entry.text() == ""
    assert saved_texts(store) == ["How long will we stay near the hospital?"]
    assert panel.status.text() == "Saved."


def test_a_topic_suggested_question_can_be_picked(qtbot, store):
    window = open_window(qtbot, store)
    window.show_topic("car-t")
    panel = window.notebook
    suggestions = [strip_links(q) for q in window.library.topic("car-t").questions]
    assert any("](glossary:" in q for q in window.library.topic("car-t").questions), \
        "this test needs a suggested question with a glossary link"
    assert [panel.suggestions.itemText(i) for i in range(panel.suggestions.count())] == \
        suggestions
    panel.suggestions.activated.emit(1)
    assert panel.shown_questions() == [(suggestions[1], False)]
    assert json.loads(store.path.read_text())["questions"][0]["topic"] == "car-t"


def test_tick_edit_remove_and_undo(qtbot, store):
    window = open_window(qtbot, store)
    panel = window.notebook
    qtbot.keyClick(window, Qt.Key.Key_F8)  # the panel starts closed: F8 opens it
    qtbot.waitUntil(panel.isVisible)
    panel.add_question("First question?")
    panel.add_question("Second question?")
    panel.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert panel.shown_questions()[0] == ("First question?", True)
    assert json.loads(store.path.read_text())["questions"][0]["done"] is True
    panel.list.item(1).setText("Second question, reworded?")
    assert saved_texts(store) == ["First question?", "Second question, reworded?"]
    panel.list.item(1).setText("   ")
    assert saved_texts(store)[1] == "Second question, reworded?"
    assert "cannot be empty" in panel.status.text()
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert saved_texts(store) == ["Second question, reworded?"]
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert ("First question?", True) in panel.shown_questions()


def test_questions_come_back_after_a_restart(qtbot, store):
    first = open_window(qtbot, store)
    first.notebook.add_question("Can we still go to school?")
    first.close()
    second = open_window(qtbot, store)
    assert second.notebook.shown_questions() == [("Can we still go to school?", False)]


def test_print_to_pdf_writes_a_file(qtbot, store, tmp_path):
    window = open_window(qtbot, store)
    window.notebook.add_question("What does CD19 mean?")
    target = tmp_path / "questions.pdf"
    window.notebook.export_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert "My questions for the care team" in window.notebook.document().toPlainText()


def test_a_damaged_file_is_kept_and_the_backup_is_used(store):
    notebook = Notebook()
    notebook.add("Question one?")
    store.save(notebook)
    notebook.add("Question two?")
    store.save(notebook)                      # the backup now holds "Question one?"
    store.path.write_text("{ this is not json", encoding="utf-8")
    loaded, notice = store.load()
    assert [q.text for q in loaded.questions] == ["Question one?"]
    assert "last good copy" in notice
    damaged = list(store.folder.glob("questions.damaged-*.json"))
    assert len(damaged) == 1 and damaged[0].read_text() == "{ this is not json"


def test_a_save_that_fails_keeps_the_questions_on_screen(qtbot, store):
    window = open_window(qtbot, store)
    panel = window.notebook
    store.folder.mkdir(parents=True, exist_ok=True)
    store.path.mkdir()                        # a folder where the file should be: cannot save
    with qtbot.waitSignal(panel.save_failed, timeout=2000):
        panel.add_question("Will this be kept?")
    assert panel.shown_questions() == [("Will this be kept?", False)]
    assert "could not be saved" in panel.status.text()


@pytest.mark.parametrize("text", ["", "[]", '{"questions": 3}', '{"format": 99, "questions": []}',
                                  '{"format": 1, "questions": [{"text": ""}]}'])
def test_bad_notebook_text_is_refused_clearly(text):
    with pytest.raises(NotebookError):
        Notebook.from_json(text)


def test_the_default_folder_is_the_users_data_folder():
    assert "ALL Explainer" in str(data_folder())


SAVER = """
import sys
from pathlib import Path
from allexplainer.notebook.questions import Notebook
from allexplainer.notebook.store import NotebookStore
store = NotebookStore(Path(sys.argv[1]))
notebook = Notebook()
notebook.listeners.append(lambda: store.save(notebook))
number = 0
while True:
    number += 1
    notebook.add(f"Question number {number}?")
    print(number, flush=True)
"""


def test_killing_the_app_mid_save_never_loses_a_saved_question(tmp_path):
    folder = tmp_path / "data"
    process = subprocess.Popen([sys.executable, "-c", SAVER, str(folder)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    confirmed = 0
    with process.stdout:
        for line in process.stdout:
            confirmed = int(line)
            if confirmed >= 150:
                break
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    loaded, notice = NotebookStore(folder).load()
    texts = [q.text for q in loaded.questions]
    assert notice is None, "the file is whole, so nothing needed recovering"
    assert texts[:confirmed] == [f"Question number {n}?" for n in range(1, confirmed + 1)]


def test_a_new_list_for_the_next_family_keeps_the_old_one(qtbot, store):
    window = open_window(qtbot, store)
    panel = window.notebook
    panel.add_question("Our first question?")
    kept = panel.start_new_list()
    assert panel.shown_questions() == []
    assert saved_texts(store) == []
    assert json.loads(kept.read_text())["questions"][0]["text"] == "Our first question?"
    assert kept.name in panel.status.text()
    assert not store.backup_path.exists(), "the old list must not come back from the backup"
    panel.add_question("The next family's question?")
    loaded, _notice = NotebookStore(store.folder).load()
    assert [q.text for q in loaded.questions] == ["The next family's question?"]
