"""Build a CAR T-cell: the rules on their own, then real drags, taps and keys on the widget."""

from __future__ import annotations

import inspect
import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from allexplainer.play import build_car
from allexplainer.play._qt import build as play_build
from allexplainer.play._qt.build import BUILDING, FINISHED, HUNTING, BuildActivity
from allexplainer.play.build_car import STACK_ORDER, CarBuild, PartKind, hunt_frame
from allexplainer.reading_state import ReadingState

# --- the rules ---------------------------------------------------------------------------


def test_a_new_build_shows_only_the_push_spots_and_has_every_part_in_the_tray():
    build = CarBuild()
    assert len(build.slots) == 6 and len(build.parts) == 6
    assert {slot.kind for slot in build.ready_slots()} == {PartKind.PUSH}
    assert len(build.free_parts()) == 6 and not build.is_complete


def test_parts_go_on_inside_to_outside_and_the_last_one_makes_a_super_cell():
    build = CarBuild(receptors=1)
    assert build.place("tip-0", "r0-tip").message == build_car.not_yet_message(PartKind.PUSH)
    assert build.place("stalk-0", "r0-push").message == build_car.wrong_spot_message(
        PartKind.PUSH)
    assert build.placed_count == 0
    results = [build.place(f"{kind.value}-0", f"r0-{kind.value}") for kind in STACK_ORDER]
    assert [result.placed for result in results] == [True, True, True]
    assert results[0].message == build_car.PLACED_MESSAGES[PartKind.PUSH]
    assert results[-1].complete and results[-1].message == build_car.COMPLETE_MESSAGE
    assert build.is_complete and build.slot_of("tip-0") == "r0-tip"


def test_a_full_spot_and_a_part_already_on_are_explained_kindly():
    build = CarBuild()
    build.place("push-0", "r0-push")
    assert build.check("push-1", "r0-push").message == build_car.TAKEN_MESSAGE
    assert build.check("push-0", "r1-push").message == build_car.ALREADY_ON_MESSAGE
    assert build.hint_for("push-0") == build_car.ALREADY_ON_MESSAGE


def test_next_slot_and_hint_follow_the_order():
    build = CarBuild()
    assert build.next_slot_for("stalk-0") is None
    assert build.hint_for("stalk-0") == build_car.not_yet_message(PartKind.PUSH)
    build.place("push-1", "r1-push")
    assert build.next_slot_for("stalk-0").id == "r1-stalk"
    build.reset()
    assert build.placed_count == 0 and build.part_in("r1-push") is None


def test_the_hunt_starts_and_ends_at_home_and_fades_each_flagged_cell_in_turn():
    start, meets = (100.0, 100.0), ((300.0, 50.0), (320.0, 200.0), (300.0, 350.0))
    first, last = hunt_frame(0.0, start, meets), hunt_frame(1.0, start, meets)
    assert (first.x, first.y, first.scale, first.fades) == (100.0, 100.0, 1.0, (1.0,) * 3)
    assert (last.x, last.y, last.scale, last.fades) == (100.0, 100.0, 1.0, (0.0,) * 3)
    frames = [hunt_frame(step / 400, start, meets) for step in range(401)]
    for before, after in zip(frames, frames[1:], strict=False):
        assert all(b >= a for b, a in zip(before.fades, after.fades, strict=True))
        # no jumps: a glide moves only a little between neighbouring moments
        assert math.hypot(after.x - before.x, after.y - before.y) < 10.0
        assert abs(after.scale - before.scale) < 0.05
    gone_order = [next(i for i, f in enumerate(frames) if f.fades[n] == 0.0) for n in range(3)]
    assert gone_order == sorted(gone_order)


def test_the_celebration_is_over_within_five_seconds():
    widget_default = inspect.signature(BuildActivity).parameters["celebrate_ms"].default
    assert play_build.GLIDE_MS + 220 + widget_default < 5000


# --- the widget --------------------------------------------------------------------------


@pytest.fixture
def activity(qtbot):
    widget = BuildActivity(celebrate_ms=150)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    yield widget
    widget.stop_animations()  # no animation may outlive its widget


def screen_point(activity: BuildActivity, scene_point: QPointF) -> QPoint:
    return activity.view.mapFromScene(scene_point)


def drag(qtbot, activity: BuildActivity, part_id: str, to_scene: QPointF) -> None:
    viewport = activity.view.viewport()
    start = activity.view.point_of(activity.part_items[part_id])
    end = screen_point(activity, to_scene)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=(start + end) / 2)
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def free_part_of(activity: BuildActivity, kind: PartKind) -> str:
    return next(part.id for part in activity.build.free_parts() if part.kind == kind)


def test_dragging_each_part_onto_its_spot_builds_a_super_cell(qtbot, activity):
    assert activity.message == build_car.START_MESSAGE
    for step in range(6):
        slot = activity.build.ready_slots()[0]
        part_id = free_part_of(activity, slot.kind)
        drag(qtbot, activity, part_id, activity.slot_scene_pos(slot.id))
        assert activity.build.slot_of(part_id) == slot.id
        assert activity.build.placed_count == step + 1
        if step < 5:
            assert activity.message == build_car.PLACED_MESSAGES[slot.kind]
    assert activity.guard_cell.super_cell
    assert activity.message == build_car.COMPLETE_MESSAGE
    assert activity.cell_label.text() == "Super cell!"
    assert activity.stage == HUNTING
    qtbot.waitUntil(lambda: activity.stage == FINISHED, timeout=5000)
    assert activity.message == build_car.FINISHED_MESSAGE
    assert all(item.opacity() == 0.0 for item in activity.target_items)
    assert activity.healthy_item.opacity() == 1.0  # no flag: the super cell leaves it be
    assert activity.play_again_button.isVisible()


def test_play_again_puts_every_part_back_in_the_box(qtbot, activity):
    for _ in range(6):
        activity.place_part(free_part_of(activity, activity.build.ready_slots()[0].kind))
    qtbot.waitUntil(lambda: activity.stage == FINISHED, timeout=5000)
    qtbot.mouseClick(activity.play_again_button, Qt.MouseButton.LeftButton)
    assert activity.stage == BUILDING and activity.build.placed_count == 0
    assert activity.message == build_car.START_MESSAGE
    assert not activity.guard_cell.super_cell and not activity.play_again_button.isVisible()
    for item in activity.part_items.values():
        assert item.parentItem() is None and item.pos() == item.home
    assert all(item.opacity() == 1.0 for item in activity.target_items)


def test_a_part_dropped_far_away_glides_back_to_the_tray(qtbot, activity):
    part_id = free_part_of(activity, PartKind.PUSH)
    item = activity.part_items[part_id]
    drag(qtbot, activity, part_id, QPointF(430, 620))
    assert activity.message == build_car.FAR_MESSAGE
    assert not activity.build.is_placed(part_id)
    qtbot.waitUntil(lambda: item.pos() == item.home, timeout=2000)


def test_a_part_that_comes_later_goes_back_with_a_hint(qtbot, activity):
    part_id = free_part_of(activity, PartKind.TIP)
    item = activity.part_items[part_id]
    drag(qtbot, activity, part_id, activity.slot_scene_pos("r0-tip"))
    assert activity.message == build_car.not_yet_message(PartKind.PUSH)
    assert not activity.build.is_placed(part_id)
    qtbot.waitUntil(lambda: item.pos() == item.home, timeout=2000)


def test_a_tap_on_a_part_sends_it_to_its_spot(qtbot, activity):
    part_id = free_part_of(activity, PartKind.PUSH)
    qtbot.mouseClick(activity.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=activity.view.point_of(activity.part_items[part_id]))
    assert activity.build.slot_of(part_id) == "r0-push"


def test_the_keyboard_builds_it_too(qtbot, activity):
    activity.view.setFocus()
    qtbot.waitUntil(activity.view.hasFocus)
    qtbot.keyClick(activity.view, Qt.Key.Key_Right)
    chosen = activity.chosen_part
    assert activity.part_items[chosen].chosen  # the focus ring is drawn
    qtbot.keyClick(activity.view, Qt.Key.Key_Left)
    assert activity.chosen_part != chosen
    presses = 0
    while not activity.build.is_complete and presses < 40:
        part_id = activity.chosen_part
        if activity.build.next_slot_for(part_id) is None:
            qtbot.keyClick(activity.view, Qt.Key.Key_Down)
        else:
            qtbot.keyClick(activity.view, Qt.Key.Key_Space if presses % 2 else
                           Qt.Key.Key_Return)
            assert activity.build.is_placed(part_id)
        presses += 1
    assert activity.build.is_complete and activity.message == build_car.COMPLETE_MESSAGE
    qtbot.waitUntil(lambda: activity.stage == FINISHED, timeout=5000)


def test_enter_on_a_part_that_comes_later_gives_a_hint(qtbot, activity):
    activity.view.setFocus()
    while activity.part_items[activity.chosen_part].kind != "stalk":
        qtbot.keyClick(activity.view, Qt.Key.Key_Right)
    qtbot.keyClick(activity.view, Qt.Key.Key_Return)
    assert activity.message == build_car.not_yet_message(PartKind.PUSH)
    assert activity.build.placed_count == 0


def test_tab_walks_through_the_parts_in_the_box(activity):
    first = activity.chosen_part
    assert activity.step_focus(1) and activity.chosen_part != first
    assert activity.step_focus(-1) and activity.chosen_part == first
    while activity.step_focus(1):
        pass
    assert activity.chosen_part == activity.build.free_parts()[-1].id  # then Tab moves on


@pytest.mark.parametrize("size", [(1280, 700), (760, 520)])
def test_every_part_is_big_enough_to_touch(activity, size):
    activity.resize(*size)
    activity.view.fit()
    for item in activity.part_items.values():
        box = activity.view.screen_rect(item)
        assert box.width() >= 48 and box.height() >= 48, (item.part_id, size, box)


def test_reduced_motion_jumps_straight_to_the_finish(qtbot):
    widget = BuildActivity(state=ReadingState(reduced_motion=True))
    qtbot.addWidget(widget)
    for _ in range(6):
        kind = widget.build.ready_slots()[0].kind
        widget.place_part(free_part_of(widget, kind))
    assert widget.stage == FINISHED and widget.message == build_car.FINISHED_MESSAGE
    assert all(item.pos() == widget.slot_items[widget.build.slot_of(item.part_id)].pos()
               for item in widget.part_items.values())
