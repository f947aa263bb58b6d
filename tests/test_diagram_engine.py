"""The pure scene engine: loading and checking scene files, the timeline, layout and playback."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allexplainer.content.errors import ContentError
from allexplainer.diagrams.layout import anchor_point, cluster_offsets, layout
from allexplainer.diagrams.loader import load_scene, load_scenes
from allexplainer.diagrams.playback import Playback
from allexplainer.diagrams.scene import (
    stage_at,
    stage_end,
    stage_end_state,
    stage_start,
    state_at,
    total_duration,
)

ROOT = Path(__file__).resolve().parent.parent

SMALL = """\
id = "small"
title = "A small scene"

[legend]
t_cell = "T cell"

[[actors]]
id = "cell"
kind = "t_cell"
x = 2.0
y = 4.0

[[actors]]
id = "flags"
kind = "cd19"
parent = "cell"
count = 0

[[actors]]
id = "note"
kind = "label"
text = { child = "A guard", family = "A T cell" }
x = 1.0
y = 8.0
target = "cell"
opacity = 0.0

[[stages]]
duration = 2.0
caption.child = "A [T cell](glossary:t-cell)."
caption.family = "A T cell."
caption.clinic = "A T lymphocyte."
description.child = "One round cell, labelled T cell."
description.family = "One T cell in the middle."
description.clinic = "A T lymphocyte, centred."

[[stages.keyframes]]
actor = "cell"
x = 6.0
ease = "linear"

[[stages.keyframes]]
actor = "note"
visible = false
at = 1.0

[[stages]]
duration = 4.0
caption.child = "It moves."
caption.family = "It moves."
caption.clinic = "It moves."
description.child = "The cell has moved up, and its flags show."
description.family = "The T cell has moved up, with its flags and a note."
description.clinic = "The T cell, moved up, with its flags and a note."

[[stages.keyframes]]
actor = "cell"
y = 6.0
start = 1.0
end = 3.0

[[stages.keyframes]]
actor = "flags"
count = 4.0
start = 0.0
end = 4.0
ease = "linear"

[[stages.keyframes]]
actor = "note"
opacity = 1.0
visible = true
"""


@pytest.fixture
def small():
    return load_scene(SMALL, "small.toml")


# -- the timeline -----------------------------------------------------------------------------
def test_stage_times_add_up(small):
    assert total_duration(small) == 6.0
    assert (stage_start(small, 0), stage_end(small, 0)) == (0.0, 2.0)
    assert (stage_start(small, 1), stage_end(small, 1)) == (2.0, 6.0)
    assert [stage_at(small, t) for t in (-1, 0, 1.99, 2.0, 5.9, 6.0, 99)] == [0, 0, 0, 1, 1, 1, 1]
    with pytest.raises(IndexError):
        stage_start(small, 2)


def test_linear_tween_is_halfway_at_half_time(small):
    assert state_at(small, 0.0)["cell"].x == 2.0
    assert state_at(small, 1.0)["cell"].x == pytest.approx(4.0)
    assert state_at(small, 2.0)["cell"].x == 6.0


def test_eased_tween_starts_and_ends_gently(small):
    # y tweens in_out from 4 to 6 over 3.0-5.0 s
    assert state_at(small, 3.0)["cell"].y == 4.0
    assert state_at(small, 4.0)["cell"].y == pytest.approx(5.0)
    early = state_at(small, 3.2)["cell"].y - 4.0
    assert 0 < early < 0.2 * 0.8 * 2  # slower than linear at the start
    assert state_at(small, 5.0)["cell"].y == 6.0


def test_discrete_properties_switch_at_their_time(small):
    assert state_at(small, 0.99)["note"].visible is True
    assert state_at(small, 1.01)["note"].visible is False


def test_a_stage_end_state_holds_nothing_of_the_next_stage(small):
    # "note" turns visible at the very start of stage 2: not yet at the end of stage 1
    end_of_first = stage_end_state(small, 0)
    assert end_of_first["note"].visible is False
    assert end_of_first["flags"].count == 0.0
    assert state_at(small, 2.001)["note"].visible is True


def test_state_at_clamps_outside_the_timeline(small):
    assert state_at(small, -5.0) == state_at(small, 0.0)
    assert state_at(small, 60.0) == state_at(small, 6.0)


@settings(max_examples=60, deadline=None)
@given(t=st.floats(min_value=-10, max_value=20, allow_nan=False))
def test_state_at_is_pure_and_stays_in_range(t):
    scene = load_scene(SMALL, "small.toml")
    first = state_at(scene, t)
    again = state_at(scene, t)
    assert first == again and first is not again
    for state in first.values():
        assert 0.0 <= state.opacity <= 1.0
        assert 0.0 <= state.count <= 4.0
    assert 2.0 <= first["cell"].x <= 6.0


# -- layout -----------------------------------------------------------------------------------
def test_copies_get_distinct_places():
    offsets = cluster_offsets(7)
    assert offsets[0] == (0.0, 0.0)
    assert len(set(offsets)) == 7
    assert all(math.hypot(x, y) == pytest.approx(1.0) for x, y in offsets[1:])


def test_surface_molecules_stand_on_their_cell(small):
    states = state_at(small, 6.0)
    places = layout(small, states)
    cell = places["cell"][0]
    assert len(places["flags"]) == 4
    for flag in places["flags"]:
        assert math.hypot(flag.x - cell.x, flag.y - cell.y) == pytest.approx(cell.size, rel=0.1)


def test_a_mirrored_flag_faces_the_other_way_and_is_held_on_that_side(small):
    mirrored = load_scene(SMALL.replace('parent = "cell"\ncount = 0',
                                        'parent = "cell"\nmirror = true\ncount = 0'),
                          "small.toml", known_terms={"t-cell"})
    assert mirrored.actor("flags").mirror and not small.actor("flags").mirror
    for scene, side in ((small, 1), (mirrored, -1)):
        places = layout(scene, state_at(scene, 6.0))
        for index, flag in enumerate(places["flags"]):
            # in the flag's own frame (its stalk along +y), the pennant and the point an arm
            # holds lie on the pennant's side of the stalk
            for anchor in ("flag", "dock"):
                x, y = anchor_point(scene, places, "flags", index, anchor)
                turn = math.radians(-flag.rotation)
                local_x = (x - flag.x) * math.cos(turn) - (y - flag.y) * math.sin(turn)
                assert local_x * side > 0, (anchor, index)


def test_a_half_grown_count_fades_the_newest_copy_in(small):
    places = layout(small, state_at(small, 2.0 + 2.5))  # count 2.5
    assert [round(p.alpha, 2) for p in places["flags"]] == [1.0, 1.0, 0.5]


# -- bad files: the error names the file, the field and the line --------------------------------
BAD_EDITS = [
    ('caption.child = "It moves."\n', "", "stages[1].caption.child", "missing"),
    ('kind = "t_cell"', 'kind = "t_cel"', "actors[0].kind", "unknown actor kind"),
    ('actor = "note"\nopacity = 1.0', 'actor = "nobody"\nopacity = 1.0',
     "stages[1].keyframes[2].actor", "no actor called 'nobody'"),
    ("duration = 4.0", "duration = -1.0", "stages[1].duration", "must be"),
    ("(glossary:t-cell)", "(glossary:no-such-term)", "stages[0].caption.child", "unknown term"),
    ("y = 6.0\nstart = 1.0", "y = 6.0\nsize = 1.0\nstart = 1.0",
     "stages[1].keyframes[0].size", "unknown field"),
    ("opacity = 1.0\nvisible = true", "opacity = 2.0\nvisible = true",
     "stages[1].keyframes[2].opacity", "from 0 to 1"),
    ("start = 0.0\nend = 4.0", "start = 0.0\nend = 9.0", "stages[1].keyframes[1].end", "from 0"),
    ('id = "small"', 'id = "other"', "id", "must match the file name"),
    ('target = "cell"', 'target = "ghost"', "actors[2].target", "no actor called 'ghost'"),
    ('description.family = "One T cell in the middle."\n', "", "stages[0].description.family",
     "missing: say what the settled frame shows"),
    ('"One T cell in the middle."', '"One [T cell](glossary:t-cell)."',
     "stages[0].description.family", "plain words"),
    ('"A T lymphocyte, centred."', '"One. Two. Three. Four."', "stages[0].description.clinic",
     "4 sentences"),
    ('parent = "cell"\ncount = 0', 'parent = "cell"\nmirror = "yes"\ncount = 0', "actors[1].mirror",
     "true or false"),
    ('kind = "t_cell"\nx = 2.0', 'kind = "t_cell"\nmirror = true\nx = 2.0', "actors[0].mirror",
     "only a surface molecule"),
]


@pytest.mark.parametrize(("old", "new", "field", "words"), BAD_EDITS)
def test_a_bad_field_is_named_with_file_and_line(old, new, field, words):
    assert old in SMALL
    text = SMALL.replace(old, new, 1)
    with pytest.raises(ContentError) as caught:
        load_scene(text, "assets/diagrams/small.toml", known_terms={"t-cell"})
    error = caught.value
    assert error.file == "small.toml"
    assert error.field == field
    assert words in error.message
    assert f"small.toml, line {error.line}, field '{field}'" in str(error)
    assert error.line is not None


def test_the_line_points_at_the_bad_value():
    text = SMALL.replace('kind = "t_cell"', 'kind = "blob"')
    with pytest.raises(ContentError) as caught:
        load_scene(text, "small.toml")
    assert text.splitlines()[caught.value.line - 1] == 'kind = "blob"'


def test_overlapping_keyframes_are_refused():
    text = SMALL.replace('actor = "note"\nopacity = 1.0',
                         'actor = "flags"\ncount = 1.0\nstart = 2.0\nend = 3.0\n\n'
                         '[[stages.keyframes]]\nactor = "note"\nopacity = 1.0')
    with pytest.raises(ContentError, match="still changing") as caught:
        load_scene(text, "small.toml")
    assert caught.value.field == "stages[1].keyframes[2].count"


def test_toml_syntax_errors_carry_their_line():
    text = SMALL.replace('title = "A small scene"', 'title = "A small scene')
    with pytest.raises(ContentError, match="not valid TOML") as caught:
        load_scene(text, "small.toml")
    assert caught.value.line == 2


def test_load_scenes_keys_by_id_and_collects_problems_without_stopping():
    other = SMALL.replace('id = "small"', 'id = "other"')
    broken = SMALL.replace('kind = "t_cell"', 'kind = "blob"')
    unreadable = ContentError("cannot be read", file="gone.toml")
    scenes, errors = load_scenes({"small.toml": SMALL, "other.toml": other,
                                  "broken.toml": broken.replace('"small"', '"broken"', 1),
                                  "gone.toml": unreadable, "copy.txt": SMALL})
    assert sorted(scenes) == ["other", "small"]
    assert [(e.file, e.field) for e in errors] == [("broken.toml", "actors[0].kind"),
                                                   ("gone.toml", None), ("small.toml", "id")]
    assert "already defines scene 'small'" in str(errors[2])


# -- playback ---------------------------------------------------------------------------------
def test_play_runs_one_stage_then_holds(small):
    playback = Playback(small)
    playback.play()
    assert playback.playing
    for _ in range(200):
        playback.advance(1 / 60)
    assert (playback.stage_index, playback.time, playback.playing) == (0, 2.0, False)
    playback.play()  # at a stage end, play goes on to the next stage
    assert (playback.stage_index, playback.time, playback.playing) == (1, 2.0, True)


def test_next_previous_and_restart(small):
    playback = Playback(small)
    playback.next_stage()
    assert (playback.stage_index, playback.time, playback.playing) == (1, 2.0, True)
    playback.next_stage()  # on the last stage: show its end
    assert (playback.stage_index, playback.time, playback.playing) == (1, 6.0, False)
    playback.previous_stage()
    assert (playback.stage_index, playback.time, playback.playing) == (0, 2.0, False)
    playback.restart()
    assert (playback.stage_index, playback.time, playback.playing) == (0, 0.0, True)


def test_speed_changes_never_move_the_time(small):
    playback = Playback(small)
    playback.play()
    playback.advance(0.5)
    playback.set_speed(2.0)
    assert playback.time == 0.5
    playback.advance(0.25)
    assert playback.time == pytest.approx(1.0)


def test_reduced_motion_shows_stage_ends_without_playing(small):
    playback = Playback(small, reduced_motion=True)
    assert playback.time == 2.0
    playback.play()
    assert not playback.playing
    playback.next_stage()
    assert (playback.stage_index, playback.time, playback.playing) == (1, 6.0, False)
    assert not playback.advance(1.0)


def test_seeking_picks_the_stage_and_pauses(small):
    playback = Playback(small)
    playback.play()
    playback.seek(3.0)
    assert (playback.stage_index, playback.playing) == (1, False)
    playback.seek(2.0)  # exactly on a boundary: the end of the first stage
    assert playback.stage_index == 0


# -- layers -----------------------------------------------------------------------------------
ENGINE_MODULES = ["scene", "easing", "kinds", "layout", "loader", "playback", "scene_checks",
                  "shapes"]


def _loaded_after(imports: list[str]) -> str:
    code = ("import sys\n" + "".join(f"import {name}\n" for name in imports)
            + "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'matplotlib', 'PySide6', 'shiboken6'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    return result.stdout.strip()


def test_the_engine_imports_neither_qt_nor_matplotlib():
    assert _loaded_after([f"allexplainer.diagrams.{name}" for name in ENGINE_MODULES]
                         + ["allexplainer.palette"]) == "[]"


def test_the_player_module_leaves_matplotlib_for_later():
    assert "matplotlib" not in _loaded_after(["allexplainer.diagrams._qt.player"])


def test_an_anchor_on_a_missing_actor_copy_is_none(small):
    places = layout(small, state_at(small, 0.0))
    assert anchor_point(small, places, "flags") is None
    assert anchor_point(small, places, "cell", toward=(10.0, 4.0)) == pytest.approx((3.0, 4.0),
                                                                                  abs=0.1)


def test_a_switched_on_cells_rays_leave_the_side_where_it_meets_its_target_clear():
    from allexplainer.diagrams.shapes import layers_for

    rays = layers_for("activation")[1].paths
    angles = [math.degrees(math.atan2(ray[0][1], ray[0][0])) % 360 for ray in rays]
    assert len(angles) >= 8
    # the receptors that meet the target crowd together at 0 degrees (to the right)
    assert all(30 <= angle <= 330 for angle in angles), angles


def test_a_label_can_point_at_a_chosen_place_on_a_cells_outline(small):
    from allexplainer.diagrams.layout import membrane_radius

    text = SMALL.replace('target = "cell"', 'target = "cell"\nanchor = "edge:30"')
    scene = load_scene(text, "small.toml", known_terms={"t-cell"})
    places = layout(scene, state_at(scene, 6.0))
    cell = places["cell"][0]
    x, y = anchor_point(scene, places, "cell", 0, scene.actor("note").anchor)
    radius = cell.size * membrane_radius("t_cell", scene.actor("cell").seed, 30.0)
    assert math.degrees(math.atan2(y - cell.y, x - cell.x)) == pytest.approx(30.0)
    assert math.dist((x, y), (cell.x, cell.y)) == pytest.approx(radius)
    # any other spelling is named, with the choices
    with pytest.raises(ContentError) as caught:
        load_scene(text.replace('"edge:30"', '"edge:north"'), "small.toml",
                   known_terms={"t-cell"})
    assert "edge:DEGREES" in caught.value.message and caught.value.field == "actors[2].anchor"
