"""Play mode's characters are the diagrams' characters (issue 12): the same shapes and colours,
taken from the diagram code, and seen on screen in both games."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from allexplainer import palette
from allexplainer.diagrams.shapes import layers_for
from allexplainer.play import characters
from allexplainer.play._qt.build import BuildActivity
from allexplainer.play._qt.find import FindActivity
from allexplainer.play._qt.paint import build_picture, find_picture
from allexplainer.play.build_car import PartKind
from allexplainer.reading_state import ReadingState

# --- the geometry is the diagrams' own ----------------------------------------------------


def test_the_three_parts_together_are_the_diagrams_car_and_nothing_else():
    parts = [layer for kind in PartKind for layer in characters.car_part_layers(kind)]
    diagram = layers_for("car")
    assert len(parts) == len(diagram)
    assert {(layer.face, layer.edge, layer.width) for layer in parts} == \
        {(layer.face, layer.edge, layer.width) for layer in diagram}


def test_each_part_is_the_piece_of_the_car_a_child_would_name():
    faces = {kind: {layer.face for layer in characters.car_part_layers(kind) if layer.filled}
             for kind in PartKind}
    assert faces[PartKind.TIP] == {palette.ORANGE}  # the trapezoid head that holds CD19
    assert faces[PartKind.PUSH] == {palette.YELLOW, palette.BLUISH_GREEN, palette.BLUE}
    assert faces[PartKind.STALK] == set()  # the hinge: a dark line, as in the diagrams
    low, high = characters.part_span(PartKind.PUSH)
    assert low < 0 < high  # the push part sits in the cell's skin, mostly inside
    assert characters.part_middle(PartKind.PUSH) < characters.part_middle(PartKind.STALK) \
        < characters.part_middle(PartKind.TIP)


def test_cells_take_the_diagrams_layers():
    for kind in characters.CELL_KINDS:
        body = characters.body_layers(kind)
        assert body and body[0].face == palette.KEY_COLOURS[kind]
        assert not any(layer.pieces for layer in body)


# --- what a child sees ------------------------------------------------------------------


def _count(image: QImage, colour: str, tolerance: int = 6) -> int:
    want = QColor(colour)
    small = image.scaled(image.width() // 2, image.height() // 2)
    hits = 0
    for y in range(small.height()):
        for x in range(small.width()):
            got = small.pixelColor(x, y)
            if (abs(got.red() - want.red()) <= tolerance
                    and abs(got.green() - want.green()) <= tolerance
                    and abs(got.blue() - want.blue()) <= tolerance):
                hits += 1
    return hits


def _shown(widget) -> QImage:
    widget.resize(1200, 760)
    widget.show()
    widget.view.fit()
    return widget.view.viewport().grab().toImage()


@pytest.fixture
def still():
    return ReadingState(reduced_motion=True)


def test_the_build_game_shows_the_diagrams_t_cell_car_parts_and_flagged_cells(qtbot, still):
    widget = BuildActivity(state=still)
    qtbot.addWidget(widget)
    image = _shown(widget)
    for colour in (palette.SKY_BLUE,  # the guard cell (T cell)
                   palette.ORANGE, palette.BLUISH_GREEN, palette.BLUE,  # CAR parts in the box
                   palette.REDDISH_PURPLE,  # poorly cells
                   palette.VERMILLION,  # their CD19 flags
                   palette.YELLOW):  # a blood cell with no flag
        assert _count(image, colour) > 20, colour
    # B cells carry CD19 too: one of the cells the super cell visits is a B cell with flags
    kinds = [item.kind for item in widget.target_items]
    assert characters.B_CELL in kinds and characters.LEUKAEMIA_CELL in kinds
    assert all(item.flag_items for item in widget.target_items)
    assert not widget.healthy_item.flag_items


def test_a_placed_part_stands_on_the_cell_pointing_out_like_the_diagrams_car(qtbot, still):
    widget = BuildActivity(state=still)
    qtbot.addWidget(widget)
    _shown(widget)
    widget.place_part("push-0")
    widget.place_part("stalk-0")
    widget.place_part("tip-0")
    cell = widget.guard_cell.scenePos()
    tip = widget.part_items["tip-0"].scenePos()
    push = widget.part_items["push-0"].scenePos()
    # the tip is further out than the push part, to the right, towards the flagged cells
    assert tip.x() > push.x() > cell.x()
    assert abs(widget.part_items["tip-0"].rotation() - (90 - characters.CAR_ANGLES[0])) < 1e-6


def test_the_find_game_shows_poorly_cells_and_b_cells_with_flags_and_plain_blood_cells(
        qtbot, still):
    widget = FindActivity(seed=7, state=still)
    qtbot.addWidget(widget)
    image = _shown(widget)
    for colour in (palette.REDDISH_PURPLE, palette.BLUISH_GREEN, palette.VERMILLION,
                   palette.YELLOW):
        assert _count(image, colour) > 20, colour
    for item in widget.cell_items.values():
        assert bool(item.flag_items) == item.has_flag
        assert len(item.flag_items) == len(characters.flag_angles(item.kind))


def test_the_chooser_pictures_show_the_same_characters(qtbot):
    build = build_picture(300).toImage()
    find = find_picture(300).toImage()
    for colour in (palette.SKY_BLUE, palette.ORANGE, palette.BLUISH_GREEN):
        assert _count(build, colour) > 10, colour
    for colour in (palette.REDDISH_PURPLE, palette.BLUISH_GREEN, palette.VERMILLION,
                   palette.YELLOW):
        assert _count(find, colour) > 10, colour
