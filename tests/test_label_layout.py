"""The label layout step on its own: what it promises about boxes, whatever the scene."""

from __future__ import annotations

from allexplainer.diagrams.drawing.labels import GAP_PX, overlap_area, settle_with_rows

ROOM = (0.0, 0.0, 400.0, 400.0)


def _moved(box, nudge):
    return (box[0] + nudge[0], box[1] + nudge[1], box[2] + nudge[0], box[3] + nudge[1])


def test_a_label_fading_out_never_pushes_the_paused_frames_labels():
    # a tall label fading out from the stage's start finds no room around the paused frame's
    # label; placing it first would push the paused label away, so it is not placed first
    room = (0.0, 0.0, 100.0, 60.0)
    paused, passing = (0.0, 20.0, 100.0, 30.0), (0.0, 10.0, 100.0, 40.0)
    wanted = [("paused", paused, None), ("passing", passing, None)]
    nudges = settle_with_rows(wanted, [], room, set(), passing={"passing"})
    assert nudges["paused"] == (0.0, 0.0)
    # without being told, the layout would move the paused frame's label for it
    assert settle_with_rows(wanted, [], room, set())["paused"] != (0.0, 0.0)


def test_headings_level_with_each_other_only_where_that_lands_on_no_label():
    # "Before" sits on art and moves up; "After" is clear. Levelling "After" by the same step
    # would put it on the note just above it, so each heading keeps its own place.
    before, after = (0.0, 100.0, 100.0, 120.0), (200.0, 100.0, 300.0, 120.0)
    note = (200.0, 130.0, 300.0, 150.0)
    art = [before]
    wanted = [("before", before, None), ("after", after, None), ("note", note, None)]
    nudges = settle_with_rows(wanted, art, ROOM, {"before", "after"})
    boxes = {key: _moved(box, nudges[key]) for key, box, _ in wanted}
    assert nudges["before"][1] != 0.0  # it did move off the art
    for a in boxes:
        for b in boxes:
            if a < b:
                assert overlap_area(boxes[a], boxes[b], GAP_PX) == 0, (a, b)
    # with nothing in the way, headings on one line still go by the same step
    nudges = settle_with_rows(wanted[:2], art, ROOM, {"before", "after"})
    assert nudges["before"][1] == nudges["after"][1] != 0.0


def test_a_leader_line_goes_round_art_it_does_not_name():
    from allexplainer.diagrams.drawing.labels import _leader_start, segment_hits_box

    # a strip at the top is the only room; what the label names is far below, and a receptor
    # stands on the straight line down to it: the label moves aside, its line clear
    room = (0.0, 0.0, 400.0, 40.0)
    target, label = (200.0, 300.0), (170.0, 10.0, 230.0, 30.0)
    receptor = (190.0, 150.0, 210.0, 170.0)
    assert segment_hits_box(_leader_start(label, target), target, receptor)
    nudges = settle_with_rows([("note", label, target)], [receptor], room, set())
    moved = _moved(label, nudges["note"])
    assert not segment_hits_box(_leader_start(moved, target), target, receptor)


def test_a_label_steps_right_off_art_it_does_not_name():
    # a corner of the label would rest on a receptor's head by two pixels: a little more
    # leader line is better than a label on the drawing
    room = (0.0, 0.0, 400.0, 40.0)
    target, label = (200.0, 300.0), (170.0, 10.0, 230.0, 30.0)
    head = (228.0, 28.0, 240.0, 40.0)
    assert overlap_area(label, head) > 0
    nudges = settle_with_rows([("note", label, target)], [head], room, set())
    assert overlap_area(_moved(label, nudges["note"]), head) == 0


def test_a_leader_may_end_on_the_art_it_names():
    # a box round the leader's own end is what it names (a cell's outline): no detour for it
    target = (300.0, 300.0)
    label = (100.0, 100.0, 160.0, 120.0)
    named = (290.0, 290.0, 360.0, 360.0)  # the leader crosses into it, wherever the label goes
    wanted = [("note", label, target)]
    assert settle_with_rows(wanted, [named], ROOM, set()) == settle_with_rows(wanted, [], ROOM,
                                                                              set())


def test_a_label_picture_stays_as_drawn_when_other_labels_are_drawn_after_it():
    # every label is drawn in one figure, in turn: each picture must be a copy of its own
    import numpy as np

    from allexplainer.diagrams.drawing.labels import label_image

    label_image.cache_clear()
    first = label_image("T cell", 12.0, "left", False, 0.8, 100.0)
    kept = first[0].copy()
    assert kept.shape[0] > 10 and kept[..., 3].any()  # words in a box, not an empty picture
    label_image("T cell", 12.0, "left", False, 0.8, 100.0, True)  # same size, bold and black
    label_image("Chimeric antigen receptor\n(CAR)", 21.0, "center", True, 1.6, 200.0)
    assert np.array_equal(first[0], kept)
    label_image.cache_clear()  # drawn again after others: the same pixels and anchor
    again = label_image("T cell", 12.0, "left", False, 0.8, 100.0)
    assert np.array_equal(again[0], kept) and again[1:] == first[1:]
