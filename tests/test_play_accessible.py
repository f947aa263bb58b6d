"""Play mode for a screen reader (issue 13): every part, cell and flag is a named object,
feedback is announced, and a grown-up can turn Reduce motion on and off inside Play mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from allexplainer.play import build_car, characters, find_flags
from allexplainer.play._qt import play_mode
from allexplainer.play._qt.activity import Activity
from allexplainer.play._qt.build import BuildActivity
from allexplainer.play._qt.find import FindActivity
from allexplainer.play._qt.play_mode import PlayMode
from allexplainer.reading_state import ReadingState
from allexplainer.speech._qt.announce import announcements

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description
HOLD_MS = 200


def tree(view) -> list[tuple[str, QAccessible.Role, list[str]]]:
    """What a screen reader finds in a play area: (name, role, names of its children)."""
    area = QAccessible.queryAccessibleInterface(view)
    found = []
    for index in range(area.childCount()):
        child = area.child(index)
        assert child.parent().object() is view
        assert area.indexOfChild(child) == index
        kids = [child.child(k).text(NAME) for k in range(child.childCount())]
        found.append((child.text(NAME), child.role(), kids))
    return found


@pytest.fixture
def find(qtbot):
    widget = FindActivity(seed=7, state=ReadingState(reduced_motion=True))
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


@pytest.fixture
def build(qtbot):
    widget = BuildActivity(state=ReadingState(reduced_motion=True))
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_the_find_area_names_every_cell_and_each_of_its_flags(find):
    area = QAccessible.queryAccessibleInterface(find.view)
    assert area.text(NAME) == "Find the flags: the play area"
    found = tree(find.view)
    assert len(found) == len(find.hunt.cells)
    by_kind = {cell.id: cell for cell in find.hunt.cells}
    for (name, role, flags), cell_id in zip(found, find.hunt.reading_order(), strict=True):
        cell = by_kind[cell_id]
        assert name == characters.NAMES[cell.kind] and role == QAccessible.Role.Button
        assert flags == [characters.FLAG_NAME] * len(characters.flag_angles(cell.kind))
    names = {name for name, _role, _flags in found}
    assert {"Poorly cell with flags", "Blood cell with no flag"} <= names
    assert any(name.startswith("B cell with flags") for name in names)


def test_a_cells_name_and_place_are_where_a_screen_reader_looks(find):
    cell = find.cell_items[find.hunt.reading_order()[0]]
    face = QAccessible.queryAccessibleInterface(cell)
    centre = find.view.viewport().mapToGlobal(find.view.mapFromScene(cell.scenePos()))
    assert face.rect().contains(centre)
    assert face.state().focusable and not face.state().invisible
    flag = QAccessible.queryAccessibleInterface(cell.flag_items[0]) if cell.flag_items \
        else None
    if flag is not None:
        assert flag.parent().object() is cell and flag.role() == QAccessible.Role.Graphic
    assert "Tap" in face.text(DESCRIPTION)


def test_a_found_cell_says_so_and_the_feedback_is_announced(qtbot, find):
    heard: list[str] = []
    announcements.made.connect(lambda _widget, text: heard.append(text))
    cell_id = next(cell.id for cell in find.hunt.cells if cell.kind == characters.LEUKAEMIA_CELL)
    find.tap(cell_id)
    face = QAccessible.queryAccessibleInterface(find.cell_items[cell_id])
    assert face.text(NAME) == "Poorly cell with flags, found: it has a star"
    assert heard[-1] == find_flags.FOUND_MESSAGE
    other = next(cell.id for cell in find.hunt.cells if not cell.has_flag)
    find.tap(other)
    assert QAccessible.queryAccessibleInterface(find.cell_items[other]).text(NAME) \
        == "Blood cell with no flag, smiling"
    assert heard[-1] == find_flags.NO_FLAG_MESSAGE


def test_the_keyboard_ring_is_the_focused_item(qtbot, find):
    find.view.setFocus()
    qtbot.waitUntil(find.view.hasFocus)
    qtbot.keyClick(find.view, Qt.Key.Key_Right)
    chosen = find.cell_items[find.focused_cell]
    assert QAccessible.queryAccessibleInterface(chosen).state().focused
    others = [item for item in find.cell_items.values() if item is not chosen]
    assert not any(QAccessible.queryAccessibleInterface(item).state().focused
                   for item in others)


def test_a_new_round_names_the_new_cells(qtbot, find):
    for cell in find.hunt.cells:
        if cell.has_flag:
            find.tap(cell.id)
    qtbot.mouseClick(find.play_again_button, Qt.MouseButton.LeftButton)
    assert len(tree(find.view)) == len(find.hunt.cells)
    assert not any("found" in name for name, _role, _flags in tree(find.view))


def test_the_build_area_names_the_guard_cell_each_part_and_the_cells_it_will_visit(build):
    found = tree(build.view)
    names = [name for name, _role, _kids in found]
    assert names[0] == "Guard cell (T cell)"
    assert names.count("Push part, in the parts box") == 2
    assert names.count("Bendy stalk, in the parts box") == 2
    assert names.count("Flag finder tip, in the parts box") == 2
    assert names.count("Poorly cell with flags") == 2
    assert sum(name.startswith("B cell with flags") for name in names) == 1
    assert "Blood cell with no flag" in names
    parts = [role for name, role, _kids in found if "part" in name.lower() or "stalk" in name
             or "tip" in name.lower()]
    assert set(parts) == {QAccessible.Role.Button}


def test_placed_parts_and_the_finished_super_cell_say_where_they_are(qtbot, build):
    for part in build.build.parts:
        build.place_part(part.id)
    names = [name for name, _role, _kids in tree(build.view)]
    assert names[0] == characters.SUPER_CELL_NAME
    assert names.count("Push part, on the guard cell") == 2
    assert build.stage == "finished" and build.message == build_car.FINISHED_MESSAGE
    cleared = [name for name in names if name.endswith("cleared away")]
    assert len(cleared) == 3  # the three cells with flags, B cell included
    gone = QAccessible.queryAccessibleInterface(build.target_items[0])
    assert gone.state().invisible  # it faded away: a screen reader skips it


def test_both_games_share_one_base_for_words_voice_and_motion():
    assert issubclass(BuildActivity, Activity) and issubclass(FindActivity, Activity)
    for game in (BuildActivity, FindActivity):
        assert "_say" not in vars(game) and "reduced_motion" not in vars(game)


# --- Reduce motion, reachable by a grown-up inside Play mode ------------------------------


@pytest.fixture
def mode(qtbot):
    state = ReadingState()
    widget = PlayMode(hold_ms=HOLD_MS, seed=11, celebrate_ms=150, state=state)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    yield widget
    widget.build_activity.stop_animations()


def test_a_grown_ups_hold_turns_reduce_motion_on_and_off_without_leaving(qtbot, mode):
    heard: list[str] = []
    announcements.made.connect(lambda _widget, text: heard.append(text))
    button = mode.motion_button
    assert button.isVisible() and button.text() == play_mode.STILL_TEXT
    assert button.width() >= 64 and button.height() >= 64
    with qtbot.waitSignal(button.hold_completed, timeout=HOLD_MS * 10):
        qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert mode.state.reduced_motion
    assert mode.build_activity.reduced_motion and mode.find_activity.reduced_motion
    assert button.text() == play_mode.MOVING_TEXT and button.accessibleName() == \
        play_mode.MOVING_TEXT
    assert heard[-1] == play_mode.STILL_NOW
    assert mode.stack.currentWidget() is mode.chooser  # still in Play mode
    with qtbot.waitSignal(button.hold_completed, timeout=HOLD_MS * 10):
        qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert not mode.state.reduced_motion and button.text() == play_mode.STILL_TEXT
    assert heard[-1] == play_mode.MOVING_NOW


def test_a_quick_tap_on_the_motion_button_changes_nothing(qtbot, mode):
    with qtbot.assertNotEmitted(mode.state.reduced_motion_changed, wait=HOLD_MS + 150):
        qtbot.mouseClick(mode.motion_button, Qt.MouseButton.LeftButton)
    assert mode.motion_button.text() == play_mode.MOTION_HINT


def test_the_motion_button_follows_a_change_made_elsewhere(mode):
    mode.state.set_reduced_motion(True)  # the main window's View menu
    assert mode.motion_button.text() == play_mode.MOVING_TEXT


def test_the_motion_button_stays_off_the_games(qtbot, mode):
    mode.open_find()
    assert not mode.motion_button.isVisible()
    mode.show_chooser()
    assert mode.motion_button.isVisible()


def test_turning_reduce_motion_on_mid_hunt_jumps_to_the_end(qtbot):
    state = ReadingState()
    widget = BuildActivity(state=state, celebrate_ms=5000)
    qtbot.addWidget(widget)
    widget.show()
    for part in widget.build.parts:
        widget.place_part(part.id)
    assert widget.stage == "hunting"
    state.set_reduced_motion(True)
    assert widget.stage == "finished"
