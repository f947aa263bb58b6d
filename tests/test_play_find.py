"""Find the CD19 flags: layouts from a seed, kind words for every tap, mouse and keyboard."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, Qt

from allexplainer.play import characters, find_flags
from allexplainer.play._qt.find import FindActivity
from allexplainer.play.find_flags import FeedbackKind, FlagHunt, make_layout
from allexplainer.reading_state import ReadingState

SEED = 7

# --- the rules ---------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_layout_and_another_seed_a_new_one():
    assert make_layout(SEED) == make_layout(SEED)
    assert make_layout(SEED) != make_layout(SEED + 1)


@pytest.mark.parametrize("seed", range(60))
def test_cells_never_overlap_and_stay_in_the_field(seed):
    cells = make_layout(seed)
    assert len(cells) == 10 and sum(cell.has_flag for cell in cells) == 3
    boxes = []
    reach = find_flags.reach()
    for cell in cells:
        # a cell and its flags all round it
        box = (cell.x - reach, cell.y - reach, cell.x + reach, cell.y + reach)
        assert box[0] >= 0 and box[1] >= 0
        assert box[2] <= find_flags.FIELD_WIDTH and box[3] <= find_flags.FIELD_HEIGHT
        boxes.append(box)
    for a, b in itertools.combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (seed, a, b)


def test_a_layout_that_cannot_fit_is_refused():
    with pytest.raises(ValueError):
        make_layout(1, count=10, flags=11)
    with pytest.raises(ValueError):
        make_layout(1, width=300, height=200)


@pytest.mark.parametrize("seed", range(20))
def test_healthy_b_cells_carry_flags_too_and_other_blood_cells_none(seed):
    cells = make_layout(seed)
    kinds = {cell.kind for cell in cells if cell.has_flag}
    # CD19 is never shown as a sign of a poorly cell alone
    assert kinds == {characters.LEUKAEMIA_CELL, characters.B_CELL}
    assert {cell.kind for cell in cells if not cell.has_flag} == {characters.OTHER_CELL}


def test_taps_find_flags_greet_healthy_cells_and_end_when_all_are_found():
    hunt = FlagHunt(SEED)
    poorly = [cell.id for cell in hunt.cells if cell.kind == characters.LEUKAEMIA_CELL]
    b_cell = next(cell.id for cell in hunt.cells if cell.kind == characters.B_CELL)
    healthy = next(cell.id for cell in hunt.cells if not cell.has_flag)
    assert hunt.tap(healthy).message == find_flags.NO_FLAG_MESSAGE
    first = hunt.tap(poorly[0])
    assert first.kind is FeedbackKind.FOUND
    assert first.message.startswith("You found a cell with flags!")
    assert hunt.tap(poorly[0]).kind is FeedbackKind.ALREADY
    assert hunt.found_count == 1 and not hunt.all_found
    b_found = hunt.tap(b_cell)
    assert b_found.kind is FeedbackKind.FOUND_B_CELL and "healthy cell" in b_found.message
    last = hunt.tap(poorly[1])
    assert last.kind is FeedbackKind.ALL_FOUND and last.message == find_flags.ALL_FOUND_MESSAGE
    assert hunt.all_found


def test_play_again_brings_a_new_layout_with_nothing_found():
    hunt = FlagHunt(SEED)
    for cell in hunt.cells:
        hunt.tap(cell.id)
    old = hunt.cells
    hunt.play_again()
    assert hunt.cells != old and hunt.found == frozenset() and hunt.seed != SEED


def test_arrow_neighbours_lie_in_the_arrow_direction():
    hunt = FlagHunt(SEED)
    for cell in hunt.cells:
        right = hunt.cell(hunt.neighbour(cell.id, 1, 0))
        assert right.id == cell.id or right.x > cell.x
        down = hunt.cell(hunt.neighbour(cell.id, 0, 1))
        assert down.id == cell.id or down.y > cell.y
    assert sorted(hunt.reading_order()) == [cell.id for cell in hunt.cells]


# --- the widget --------------------------------------------------------------------------


@pytest.fixture
def activity(qtbot):
    widget = FindActivity(seed=SEED)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    yield widget
    widget.stop_animations()


def click_cell(qtbot, activity: FindActivity, cell_id: int) -> None:
    item = activity.cell_items[cell_id]
    qtbot.mouseClick(activity.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=activity.view.mapFromScene(item.scenePos()))


def flagged(activity: FindActivity) -> list[int]:
    return [cell.id for cell in activity.hunt.cells if cell.has_flag]


def test_tapping_a_flagged_cell_finds_it_with_a_star_and_kind_words(qtbot, activity):
    assert activity.message == find_flags.START_MESSAGE
    cell_id = next(cell.id for cell in activity.hunt.cells
                   if cell.kind == characters.LEUKAEMIA_CELL)
    with qtbot.waitSignal(activity.found_changed):
        click_cell(qtbot, activity, cell_id)
    assert activity.message.startswith("You found a cell with flags!")
    assert activity.cell_items[cell_id].found
    assert activity.progress_label.text() == "Found: 1 of 3"


def test_tapping_a_healthy_cell_says_so_gently(qtbot, activity):
    cell_id = next(cell.id for cell in activity.hunt.cells if not cell.has_flag)
    click_cell(qtbot, activity, cell_id)
    assert activity.message == "That one has no flags. The super cells let it be. Try another!"
    assert activity.hunt.found_count == 0 and activity.cell_items[cell_id].greeted


def test_tapping_the_flag_itself_counts(qtbot, activity):
    item = activity.cell_items[flagged(activity)[0]]
    flag = item.flag_items[0]
    length = item.unit * characters.receptor_length("cd19")
    # the middle of the flag's triangle (the diagrams' CD19: y up in its own units)
    flag_tip = flag.mapToScene(QPointF(0.2 * length, -0.8 * length))
    local = item.mapFromScene(flag_tip)
    assert local.x() ** 2 + local.y() ** 2 > item.radius ** 2  # outside the cell's body
    qtbot.mouseClick(activity.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=activity.view.mapFromScene(flag_tip))
    assert item.found


def test_a_tap_on_empty_space_changes_nothing(qtbot, activity):
    qtbot.mouseClick(activity.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=activity.view.mapFromScene(QPointF(-20, -20)))
    assert activity.message == find_flags.START_MESSAGE


def test_finding_them_all_shows_the_ending_and_play_again_brings_new_cells(qtbot, activity):
    for cell_id in flagged(activity):
        click_cell(qtbot, activity, cell_id)
    assert activity.message.startswith("You found every cell with flags!")
    assert "healthy cells" in activity.message
    assert activity.play_again_button.isVisible()
    old = [(item.pos().x(), item.pos().y()) for item in activity.cell_items.values()]
    qtbot.mouseClick(activity.play_again_button, Qt.MouseButton.LeftButton)
    new = [(item.pos().x(), item.pos().y()) for item in activity.cell_items.values()]
    assert new != old and activity.message == find_flags.START_MESSAGE
    assert activity.progress_label.text() == "Found: 0 of 3"
    assert not activity.play_again_button.isVisible()
    assert not any(item.found for item in activity.cell_items.values())


def test_the_keyboard_moves_a_visible_ring_and_finds_every_flag(qtbot, activity):
    activity.view.setFocus()
    qtbot.waitUntil(activity.view.hasFocus)
    start = activity.focused_cell
    qtbot.keyClick(activity.view, Qt.Key.Key_Right)
    moved = activity.focused_cell
    assert moved == activity.hunt.neighbour(start, 1, 0)
    assert activity.cell_items[moved].chosen
    assert sum(item.chosen for item in activity.cell_items.values()) == 1
    qtbot.keyClick(activity.view, Qt.Key.Key_Down)
    assert activity.focused_cell == activity.hunt.neighbour(moved, 0, 1)
    for target in flagged(activity):
        order = activity.hunt.reading_order()
        activity.step_focus(order.index(target) - order.index(activity.focused_cell))
        qtbot.keyClick(activity.view, Qt.Key.Key_Space)
        assert activity.cell_items[target].found
    assert activity.hunt.all_found and activity.play_again_button.isVisible()


def test_a_mouse_tap_hides_the_keyboard_ring(qtbot, activity):
    activity.view.setFocus()
    qtbot.keyClick(activity.view, Qt.Key.Key_Right)
    assert any(item.chosen for item in activity.cell_items.values())
    click_cell(qtbot, activity, flagged(activity)[0])
    assert not any(item.chosen for item in activity.cell_items.values())


@pytest.mark.parametrize("size", [(1280, 700), (760, 520)])
def test_every_cell_is_big_enough_to_tap(activity, size):
    activity.resize(*size)
    activity.view.fit()
    for item in activity.cell_items.values():
        box = activity.view.screen_rect(item, item.touch_rect())
        assert box.width() >= 48 and box.height() >= 48, (item.cell_id, size, box)


def test_reduced_motion_shows_the_star_at_once(qtbot):
    widget = FindActivity(seed=SEED, state=ReadingState(reduced_motion=True))
    qtbot.addWidget(widget)
    cell_id = flagged(widget)[0]
    widget.tap(cell_id)
    assert widget.cell_items[cell_id].star == 1.0
