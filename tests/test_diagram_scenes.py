"""The four real scenes: what each stage shows, its words, and how its frames look."""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from allexplainer import palette
from allexplainer.content.checks import check_words
from allexplainer.content.glossary import TermMatcher, parse_glossary
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.links import LINK_RE, iter_links, strip_links
from allexplainer.diagrams import kinds
from allexplainer.diagrams.drawing.renderer import SCENE_HEIGHT, SCENE_WIDTH, render_still
from allexplainer.diagrams.layout import anchor_point, layout
from allexplainer.diagrams.scene import stage_end, stage_end_state, stage_start, state_at
from allexplainer.palette import KEY_COLOURS
from allexplainer.resources import builtin_scenes, diagram_files

ROOT = Path(__file__).resolve().parent.parent
SCENE_IDS = ["antibodies", "blinatumomab", "car_t", "cd19"]


@cache
def terms():
    """The app's glossary terms."""
    path = ROOT / "assets" / "content" / "glossary.toml"
    return parse_glossary(path.read_text(encoding="utf-8"), "glossary.toml")


@cache
def scenes():
    return builtin_scenes(known_terms={term.id for term in terms()})


def test_every_scene_file_loads_with_the_agreed_glossary_ids():
    assert sorted(diagram_files()) == [f"{name}.toml" for name in SCENE_IDS]
    assert sorted(scenes()) == SCENE_IDS


@pytest.mark.parametrize("scene_id", SCENE_IDS)
def test_every_stage_has_words_at_every_level_and_pauses_within_5_s(scene_id):
    scene = scenes()[scene_id]
    assert len(scene.stages) >= 4
    for stage in scene.stages:
        assert 0 < stage.duration <= 5.0
        for level in LEVELS:
            assert strip_links(stage.caption.get(level)).strip()
    for level in LEVELS:
        assert scene.title.get(level)
        assert all(text.get(level) for _, text in scene.legend)


def _captions(level: Level):
    for scene_id in SCENE_IDS:
        for i, stage in enumerate(scenes()[scene_id].stages):
            yield f"{scene_id}[{i}]", stage.caption.get(level)


@pytest.mark.parametrize(("level", "highest"), [(Level.CHILD, 3.0), (Level.FAMILY, 6.0)])
def test_captions_are_easy_enough_to_read(level, highest):
    textstat = pytest.importorskip("textstat")
    grades = {where: textstat.flesch_kincaid_grade(strip_links(text))
              for where, text in _captions(level)}
    assert {where: grade for where, grade in grades.items() if grade > highest} == {}


@pytest.mark.parametrize("level", LEVELS)
def test_captions_link_their_glossary_words_and_say_nothing_unsafe(level):
    problems = check_words(((where, level, text) for where, text in _captions(level)),
                           TermMatcher(terms()))
    assert [str(problem) for problem in problems] == []


@pytest.mark.parametrize("level", LEVELS)
def test_the_first_mention_of_each_glossary_word_is_the_link(level):
    matcher = TermMatcher(terms())
    late = []
    for where, caption in _captions(level):
        for link in iter_links(caption):
            before = strip_links(LINK_RE.sub(" ", caption[:link.start]))
            if link.term_id in matcher.term_ids(before):
                late.append(f"{where}: {link.term_id}")
    assert late == []


# -- what each stage shows at its end -----------------------------------------------------------
def _end(scene_id: str, index: int):
    scene = scenes()[scene_id]
    states = stage_end_state(scene, index)
    return scene, states, layout(scene, states)


def _held(scene, places, cars: str, flags: str) -> int:
    """How many of the CARs ``cars`` meet one of the CD19 ``flags``: the flag's top within 0.16
    units of the CAR's tip (a CAR head is about 0.4 units wide, so the two overlap on screen)."""
    tips = [anchor_point(scene, places, cars, k, "tip") for k in range(len(places[cars]))]
    tops = [anchor_point(scene, places, flags, k, "dock") for k in range(len(places[flags]))]
    return sum(1 for tip in tips if min(math.dist(tip, top) for top in tops) < 0.16)


def test_car_t_stages():
    scene, s, _ = _end("car_t", 0)
    assert (s["tcell"].x, s["tcell"].y, s["tcell"].shown) == (8.0, 4.9, True)
    assert s["tcell_car"].count == 0 and s["tcell_tcr"].count == 6
    _, s, _ = _end("car_t", 1)
    assert s["blood_in"].opacity == 1 and s["lab"].opacity == 1
    assert (s["tcell"].x, s["tcell"].y) == (10.3, 4.6)  # the middle of the lab panel
    assert s["machine"].shown and s["label_machine"].opacity == 1  # the caption names it
    _, s, places = _end("car_t", 2)
    # paused, the frame still shows what the caption says: the virus on the cell, its label
    assert s["virus"].docked_to == "tcell" and s["virus"].opacity == 1
    # it lands between two of the cell's receptors, not on one
    cell, virus = places["tcell"][0], places["virus"][0]

    def bearing(p):
        return math.degrees(math.atan2(p.y - cell.y, p.x - cell.x))

    assert min(abs((bearing(virus) - bearing(r) + 180) % 360 - 180)
               for r in places["tcell_tcr"]) >= 20
    assert s["label_virus"].opacity == 1
    assert s["car_gene"].shown and (s["car_gene"].x, s["car_gene"].y) == (10.25, 4.62)
    # the gene the caption names has its own label in the nucleus
    assert scene.actor("label_gene").target == "car_gene" and s["label_gene"].opacity == 1
    _, s, _ = _end("car_t", 3)
    assert s["tcell_car"].count == 6 and not s["car_gene"].shown and not s["virus"].shown
    _, s, places = _end("car_t", 4)
    assert s["tcell"].count == 7 and len(places["tcell_car"]) == 7 * 6
    _, s, _ = _end("car_t", 5)
    assert s["bag"].shown and s["returned"].count == 5 and not s["tcell"].shown
    assert s["label_chemo"].opacity == 1 and not scene.actor("label_chemo").text.child
    # lymphodepletion is drawn, not only named: its own drip bag, which the label points at,
    # and the child's own T cells it cleared (gone by the paused end); never at child level
    assert s["chemo_bag"].shown and scene.actor("label_chemo").target == "chemo_bag"
    assert s["own_cells"].broken == 1.0 and not s["own_cells"].shown
    middle = state_at(scene, stage_start(scene, 5) + 1.3)
    assert middle["own_cells"].shown and middle["own_cells"].broken == 0
    assert middle["chemo_bag"].shown and middle["returned"].count == 0
    for actor_id in ("chemo_bag", "own_cells"):
        assert scene.actor(actor_id).levels == {Level.FAMILY, Level.CLINIC}
    _, s, places = _end("car_t", 6)
    assert s["before"].shown and s["after"].shown
    assert s["before"].x < s["after"].x
    # the same T cell: its six receptors as before, and six CARs, as it grew in the lab
    assert len(places["after_car"]) == 6 and "before_car" not in places
    assert len(places["after_tcr"]) == len(places["before_tcr"]) == 6
    clinic_only = [a.id for a in scene.actors if a.id.startswith("label_part_")]
    assert len(clinic_only) == 5
    assert all(scene.actor(a).levels == frozenset(LEVELS) and not scene.actor(a).text.child
               and scene.actor(a).text.clinic and s[a].opacity == 1 for a in clinic_only)
    # the CAR T-cell meets a leukaemia cell, holds its CD19 and clears it
    scene, s, places = _end("car_t", 7)
    assert s["hunter"].shown and s["target_cell"].shown and not s["after"].shown
    assert _held(scene, places, "hunter_car", "target_cd19") == 3
    # the cell is starting to break up, but the CD19 the CARs hold is still wholly there
    assert 0 < places["target_cell"][0].broken < 0.5
    assert all(flag.alpha == 1.0 for flag in places["target_cd19"])
    assert 0 < s["target_cell"].broken < 1  # breaking up, still there to be seen


def test_cd19_stages():
    _, s, _ = _end("cd19", 0)
    assert all(s[c].shown and s[c].broken == 0 for c in ("leuk1", "leuk2", "leuk3"))
    assert not s["cart"].shown
    scene, s, places = _end("cd19", 1)
    assert s["cart"].docked_to == "leuk1" and s["leuk1"].broken == 0
    assert _held(scene, places, "cart_car", "leuk1_cd19") == 3
    # family and clinic name where the CAR holds CD19, as their captions do
    bind = scene.actor("label_bind")
    assert s["label_bind"].opacity == 1 and bind.target == "leuk1_cd19"
    assert bind.levels == {Level.FAMILY, Level.CLINIC}
    scene, s, _ = _end("cd19", 2)
    assert s["leuk1"].broken == 1.0
    # the CAR T-cell and the pieces are named
    assert s["label_cart"].opacity == s["label_pieces"].opacity == 1
    assert scene.actor("label_pieces").target == "leuk1" and s["label_bind"].opacity == 0
    scene, s, places = _end("cd19", 3)
    assert s["cart"].count == 5 and s["cart"].docked_to == ""
    assert len(places["cart"]) == 5
    # let go, the cell and its copies carry their CARs spread out, none bunched as for holding
    assert s["cart_car"].opacity == 0 and s["cart_car_free"].opacity == 1
    assert s["cart_tcr"].opacity == 0 and s["cart_tcr_free"].opacity == 1
    heads = [anchor_point(scene, places, "cart_car_free", k, "head")
             for k in range(len(places["cart_car_free"]))]
    assert len(heads) == 30  # six on each of the five cells
    for cell in range(5):
        own = heads[6 * cell:6 * cell + 6]
        assert min(math.dist(a, b) for i, a in enumerate(own) for b in own[i + 1:]) > 0.5
    _, s, _ = _end("cd19", 4)
    assert (s["cart2"].docked_to, s["cart3"].docked_to) == ("leuk2", "leuk3")
    assert s["leuk2"].broken == s["leuk3"].broken == 1.0
    healthy = ("healthy_a", "healthy_b", "healthy_c")
    assert all(s[h].shown and s[h].broken == 0 for h in healthy)
    _, s, _ = _end("cd19", 5)
    assert s["cart2"].docked_to == "bcell" and s["bcell"].broken == 1.0
    assert all(s[h].shown and s[h].broken == 0 for h in healthy)
    # a second normal B cell stays whole, with its CD19, and the label names that one
    scene, s, places = _end("cd19", 5)
    assert s["bcell2"].shown and s["bcell2"].opacity == 1 and s["bcell2"].broken == 0
    assert len(places["bcell2_cd19"]) == 6
    # the spared B cell is not held: none of its flags is near a CAR T-cell's CAR head
    heads = [anchor_point(scene, places, cars, k, "head")
             for cars in ("cart_car", "cart2_car", "cart3_car")
             for k in range(len(places[cars]))]
    flags = [anchor_point(scene, places, "bcell2_cd19", k, "flag") for k in range(6)]
    assert min(math.dist(head, flag) for head in heads for flag in flags) > 0.5
    assert scene.actor("label_bcell").target == "bcell2" and s["label_bcell"].opacity == 1
    # the immunoglobulin the caption names is drawn: a drip bag of small antibodies, labelled
    assert s["ig_bag"].shown and s["label_ig"].opacity == 1
    assert scene.actor("label_ig").target == "ig_bag"
    assert all("immunoglobulin" in scene.stages[5].caption.get(level).lower()
               or "germ fighters" in scene.stages[5].caption.get(level)
               for level in LEVELS)


def test_antibodies_stages():
    _, s, _ = _end("antibodies", 0)
    assert s["antibody"].count == 1 and s["antibody"].scale > 4
    _, s, _ = _end("antibodies", 2)
    assert s["antibody"].count == 7 and s["lab"].opacity == 1
    scene, s, places = _end("antibodies", 3)
    assert s["antibody"].docked_to == "cell_cd19" and s["antibody"].dock == 1.0
    # each copy holds two targets, one at each arm tip (each Fab binds one antigen), its stem
    # standing straight out from the cell between them
    cell = places["cell"][0]
    for k, copy in enumerate(places["antibody"]):
        left = anchor_point(scene, places, "antibody", k, "tip")
        right = anchor_point(scene, places, "antibody", k, "tip_right")
        assert math.dist(left, anchor_point(scene, places, "cell_cd19", k, "dock")) < 0.01
        assert math.dist(right, anchor_point(scene, places, "cell_cd19_pair", k, "dock")) \
            < 0.03, copy
        middle = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
        stem = anchor_point(scene, places, "antibody", k, "fc")
        out = math.degrees(math.atan2(middle[1] - cell.y, middle[0] - cell.x))
        along = math.degrees(math.atan2(stem[1] - middle[1], stem[0] - middle[0]))
        assert abs((along - out + 180) % 360 - 180) < 3, copy
        # the two targets' flags face away from each other, so neither tucks inside the V
        flags = [anchor_point(scene, places, actor, k, "flag")
                 for actor in ("cell_cd19", "cell_cd19_pair")]
        assert math.dist(*flags) > math.dist(left, right), copy
    # the target label names a free target, so its leader line need not cross an antibody
    label = scene.actor("label_target")
    assert label.target_index == len(places["cell_cd19"]) - 1 == len(places["antibody"])
    scene, s, places = _end("antibodies", 4)
    assert s["label_marked"].opacity == 1 and s["helper"].opacity == 1
    # the immune cell has come up to the marked cell and touches the end of one Fc stem
    helper = places["helper"][0]
    stems = [anchor_point(scene, places, "antibody", k, "fc")
             for k in range(len(places["antibody"]))]
    nearest = min(math.dist(stem, (helper.x, helper.y)) for stem in stems)
    assert 0.8 * helper.size <= nearest <= 1.15 * helper.size, (nearest, helper.size)
    # nothing in a caption that the picture does not show (complement is never drawn)
    assert not any("complement" in stage.caption.get(level)
                   for stage in scene.stages for level in LEVELS)


def test_blinatumomab_stages():
    _, s, _ = _end("blinatumomab", 0)
    # the connector between the two cells it is made for, both still faint
    assert s["blina"].shown and s["tcell"].opacity == s["leuk"].opacity == 0.55
    scene, s, places = _end("blinatumomab", 1)
    assert (s["blina"].docked_to, s["blina"].dock) == ("leuk_cd19", 1.0)
    assert s["tcell"].docked_to == ""
    scene, s, places = _end("blinatumomab", 2)
    assert s["tcell"].docked_to == "leuk"
    # the two cells are brought together: CD3 sits in blinatumomab's CD3 end
    cd3_end = anchor_point(scene, places, "blina", 0, "cd3_end")
    cd3_tip = anchor_point(scene, places, "tcell_cd3", 0, "dock")
    assert math.dist(cd3_end, cd3_tip) < 0.02
    _, s, _ = _end("blinatumomab", 3)
    assert s["leuk"].broken == 1.0 and not s["blina"].shown
    scene, s, places = _end("blinatumomab", 4)
    assert s["pump"].shown and s["drip_blina"].count == 4
    # paused, one molecule is seen leaving the vein, fading (it does not stay long), labelled
    assert s["leaving"].shown and 0.3 <= s["leaving"].opacity <= 0.6
    vein = places["vein"][0]
    assert places["leaving"][0].y > vein.y + scene.actor("vein").h / 2
    assert scene.actor("label_gone").target == "leaving" and s["label_gone"].opacity == 1


@pytest.mark.parametrize("scene_id", SCENE_IDS)
def test_nothing_shown_leaves_the_stage(scene_id):
    scene = scenes()[scene_id]
    for i in range(len(scene.stages)):
        states = stage_end_state(scene, i)
        for actor_id, copies in layout(scene, states).items():
            for copy in copies:
                if copy.alpha > 0 and kinds.kind_spec(scene.actor(actor_id).kind).category in (
                        kinds.CELL, kinds.MOLECULE):
                    reach = copy.size * 1.4
                    assert reach <= copy.x <= SCENE_WIDTH - reach, (scene_id, i, actor_id)
                    assert 1.2 <= copy.y - reach and copy.y + reach <= SCENE_HEIGHT


# -- how the frames look ----------------------------------------------------------------------
def _has_colour(image: np.ndarray, colour: str, tolerance: int = 6) -> bool:
    rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    close = np.abs(image[:, :, :3].astype(int) - rgb).max(axis=2) <= tolerance
    return int(close.sum()) >= 20


@pytest.mark.parametrize("scene_id", SCENE_IDS)
def test_each_stage_renders_with_its_key_colours(scene_id):
    scene = scenes()[scene_id]
    for i in range(len(scene.stages)):
        image = render_still(scene, stage_end(scene, i), Level.FAMILY, size=(640, 360))
        assert image.shape == (360, 640, 4)
        assert len(np.unique(image[:, :, :3].reshape(-1, 3), axis=0)) > 50, (scene_id, i)
        states = stage_end_state(scene, i)
        for actor in scene.actors:
            state = states[actor.id]
            solid = state.shown and state.opacity == 1 and state.broken == 0 and not actor.parent
            if solid and actor.kind in KEY_COLOURS:
                assert _has_colour(image, KEY_COLOURS[actor.kind]), (scene_id, i, actor.id)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("scene_id", SCENE_IDS)
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("size", [(1280, 720), (640, 360), (560, 480)])  # full screen; panes
def test_labels_are_inside_the_frame_and_never_overlap(scene_id, level, size):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from allexplainer.diagrams.drawing.renderer import SceneRenderer

    scene = scenes()[scene_id]
    width, height = size
    figure = Figure(figsize=(width / 100, height / 100), dpi=100)
    FigureCanvasAgg(figure)
    renderer = SceneRenderer(figure, scene, level)
    for i in range(len(scene.stages)):
        renderer.full_draw(stage_end_state(scene, i))
        boxes = renderer.label_extents()
        boxes["legend"] = renderer.legend_extent()
        for name, box in boxes.items():
            assert box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height, \
                (scene_id, i, name)
        names = sorted(boxes)
        clashes = [(a, b) for n, a in enumerate(names) for b in names[n + 1:]
                   if _overlap(boxes[a], boxes[b])]
        assert clashes == [], (scene_id, i)


# -- the settled frame in words, for a screen reader --------------------------------------------
def _descriptions(level: Level):
    for scene_id in SCENE_IDS:
        for i, stage in enumerate(scenes()[scene_id].stages):
            yield f"{scene_id}[{i}] description", stage.description.get(level)


@pytest.mark.parametrize("level", LEVELS)
def test_every_stage_describes_its_settled_frame_calmly_and_truly(level):
    from allexplainer.content.checks import banned_phrases, unsafe_words

    texts = dict(_descriptions(level))
    assert len(texts) == 24 and all(texts.values())
    problems = [str(p) for where, text in texts.items()
                for p in unsafe_words(where, level, text) + banned_phrases(where, text)]
    assert problems == []
    # never "only leukaemia cells carry CD19": healthy B cells carry it too
    only = re.compile(r"only (the )?(leukaemia|poorly|b-all)|(leukaemia|poorly) cells? only",
                      re.IGNORECASE)
    assert [where for where, text in texts.items() if only.search(text)] == []


def test_a_description_names_what_its_frame_labels():
    """Each description names what the frame's labels point at (words a sighted person reads)."""
    scene = scenes()["cd19"]
    assert "left alone" in scene.stages[4].description.get(Level.FAMILY)
    assert "B cell" in scene.stages[0].description.get(Level.FAMILY)  # B cells carry CD19 too
    car_t = scenes()["car_t"]
    assert "CD3-zeta" in car_t.stages[6].description.get(Level.CLINIC)
    assert "clear" in car_t.stages[7].description.get(Level.CHILD)


def test_art_kept_for_other_levels_is_not_drawn_at_the_childs():
    # the chemotherapy bag (family and clinic) is in the family's picture, not the child's,
    # whose words do not mention chemotherapy
    scene = scenes()["car_t"]
    fluid = palette.mix(palette.ORANGE, palette.WHITE, 0.55)
    t = stage_end(scene, 5)
    assert _has_colour(render_still(scene, t, Level.FAMILY, size=(640, 360)), fluid, 3)
    assert not _has_colour(render_still(scene, t, Level.CHILD, size=(640, 360)), fluid, 3)
