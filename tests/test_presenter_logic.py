"""Presenter mode's pure parts: the order of slides, the notes, and which screen shows what."""

from __future__ import annotations

import pytest

from allexplainer.content.errors import ContentError
from allexplainer.presenter.deck import Deck
from allexplainer.presenter.nurse_notes import check_notes_cover, parse_notes
from allexplainer.presenter.room_caption import ROOM_LIMIT, room_caption
from allexplainer.presenter.screens import ScreenInfo, plan_screens
from tests.helpers import ROOT

NOTES = (ROOT / "assets" / "presenter" / "notes.toml").read_text(encoding="utf-8")


def test_deck_crosses_from_one_topic_into_the_next():
    deck = Deck([("monoclonal-antibodies", "antibodies", 2), ("car-t", "car_t", 3)])
    seen = [(deck.current.topic_id, deck.current.stage)]
    while deck.next():
        seen.append((deck.current.topic_id, deck.current.stage))
    assert seen == [("monoclonal-antibodies", 0), ("monoclonal-antibodies", 1),
                    ("car-t", 0), ("car-t", 1), ("car-t", 2)]
    assert deck.upcoming is None
    assert not deck.next()
    assert deck.previous() and (deck.current.topic_id, deck.current.stage) == ("car-t", 1)


def test_deck_jumps_to_a_topic_and_stage():
    deck = Deck([("a", "x", 2), ("b", "y", 4)])
    assert deck.go_to("b", 2)
    assert (deck.current.scene_id, deck.current.stage) == ("y", 2)
    assert deck.go_to("b", 99) and deck.current.stage == 3
    assert not deck.go_to("nope")


def test_every_stage_of_every_scene_has_a_note():
    from allexplainer.resources import builtin_scenes

    notes = parse_notes(NOTES)
    scenes = builtin_scenes()
    check_notes_cover(notes, {scene_id: len(scene.stages) for scene_id, scene in scenes.items()})
    assert all("Say:" in note.as_text() for stage in notes.values() for note in stage)


def test_a_missing_note_field_is_named():
    line = 'careful = "Keep it simple; the detail of the arms comes next."\n'
    broken = NOTES.replace(line, "", 1)
    with pytest.raises(ContentError) as raised:
        parse_notes(broken)
    assert raised.value.field == "scene[0].stage[0].careful"


def test_notes_that_do_not_match_the_stages_are_refused():
    with pytest.raises(ContentError, match="'antibodies' has 6 stages but 5 notes"):
        check_notes_cover(parse_notes(NOTES), {"car_t": 8, "antibodies": 6})
    with pytest.raises(ContentError, match="'new_scene' has 4 stages but 0 notes"):
        check_notes_cover(parse_notes(NOTES), {"new_scene": 4})


def test_the_room_reads_the_sentences_that_fit_and_the_nurse_has_the_rest():
    caption = "A short first line. " + "A second sentence that is long. " * 4
    room = room_caption(caption)
    assert room.shown.startswith("A short first line.") and room.fits
    assert len(room.shown) <= ROOM_LIMIT
    assert f"{room.shown} {room.rest}" == " ".join(caption.split())


def test_a_line_written_for_the_room_is_shown_and_the_whole_caption_goes_to_the_nurse():
    room = room_caption("One very long sentence. Two.", "Short for the room.")
    assert (room.shown, room.rest) == ("Short for the room.", "One very long sentence. Two.")


def test_a_first_sentence_too_long_for_the_room_is_flagged():
    room = room_caption("word " * 40)
    assert not room.fits and room.rest == ""


def test_every_caption_at_every_level_fits_the_room():
    from allexplainer.content.levels import LEVELS
    from allexplainer.content.links import strip_links
    from allexplainer.resources import builtin_scenes

    notes = parse_notes(NOTES)
    for scene_id, scene in builtin_scenes().items():
        for index, stage in enumerate(scene.stages):
            for level in LEVELS:
                written = notes[scene_id][index].room.get(str(level), "")
                room = room_caption(strip_links(stage.caption.get(level)), written)
                assert room.fits, (scene_id, index + 1, str(level), room.shown)


def _room_words(scene_id: str, index: int) -> dict:
    """What the room reads for stage ``index`` of ``scene_id``, by reading level."""
    from allexplainer.content.levels import LEVELS
    from allexplainer.content.links import strip_links
    from allexplainer.resources import builtin_scenes

    notes = parse_notes(NOTES)
    stage = builtin_scenes()[scene_id].stages[index]
    return {level: room_caption(strip_links(stage.caption.get(level)),
                                notes[scene_id][index].room.get(str(level), "")).shown
            for level in LEVELS}


def test_the_room_never_reads_that_only_leukaemia_cells_carry_cd19():
    for level, shown in _room_words("cd19", 0).items():
        assert "CD19" in shown and ("healthy" in shown or "B cells" in shown), (level, shown)


def test_the_room_reads_what_both_ends_of_blinatumomab_hold():
    for level, shown in _room_words("blinatumomab", 0).items():
        assert ("T cell" in shown or "guard cell" in shown or "CD3" in shown), (level, shown)
        assert ("leukaemia cell" in shown or "CD19" in shown), (level, shown)


@pytest.mark.parametrize(("room", "message"), [
    ('room = { grown_up = "Hello." }', "'grown_up' is not a reading level"),
    ('room = { clinic = "" }', "missing or empty"),
    ('room = { clinic = "' + "x" * 121 + '" }', "121 characters: a room line has at most 120"),
    ('room = "Hello."', "must be a table of reading levels"),
])
def test_a_bad_room_line_is_named(room, message):
    line = 'careful = "Keep it simple; the detail of the arms comes next."\n'
    broken = NOTES.replace(line, line + room + "\n", 1)
    with pytest.raises(ContentError, match=message) as raised:
        parse_notes(broken)
    assert raised.value.field.startswith("scene[0].stage[0].room")


LAPTOP = ScreenInfo("laptop", 1920, 1080, primary=True)
WALL = ScreenInfo("wall", 1920, 1080)
PROJECTOR = ScreenInfo("projector", 1280, 720)


def test_one_screen_shows_the_diagram_and_no_separate_notes():
    plan = plan_screens([LAPTOP])
    assert plan.audience is LAPTOP and plan.presenter is None


def test_two_screens_put_the_family_on_the_wall_and_the_notes_on_the_laptop():
    plan = plan_screens([LAPTOP, WALL])
    assert plan.audience is WALL and plan.presenter is LAPTOP


def test_the_chosen_screen_wins():
    plan = plan_screens([LAPTOP, WALL, PROJECTOR], chosen="projector")
    assert plan.audience is PROJECTOR and plan.presenter is LAPTOP
