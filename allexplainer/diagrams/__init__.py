"""Animated diagrams: a pure timeline engine (scenes, keyframes, layout) and a matplotlib renderer.

Only ``render``, ``artists``, ``labels`` and ``legend`` import matplotlib; nothing here imports Qt.

Scene scripts are TOML files, ``assets/diagrams/<id>.toml``, read by ``loader.load_scene``::

    id = "car_t"                      # must match the file name
    title = "CAR T-cell therapy"      # one text, or { child = "...", family = "...", ... }

    [legend]                          # kind -> label (one text or one per level), in order
    t_cell = { child = "Guard cell (T cell)", family = "T cell", clinic = "T cell" }

    [[actors]]                        # drawn in this order (molecules with their cell)
    id = "tcell"
    kind = "t_cell"                   # see kinds.KINDS: cells, surface molecules, molecules,
    x = 8.0                           # props (pump, bag, vessel, panel), arrow, label
    y = 4.9                           # the scene is 16 x 9 units, y up; keep y > 1.3 (legend)
    scale = 1.5                       # any state property may start here (see below)

    [[actors]]
    id = "tcell_car"
    kind = "car"
    parent = "tcell"                  # stands on the cell's outline ...
    angles = [30, 90, 150]            # ... at these angles (or `count` evenly spaced)
    mirror = false                    # true: drawn mirror-imaged (a CD19 flag facing the other way)
    count = 0

    [[actors]]
    id = "label_car"
    kind = "label"
    text = { family = "CAR", clinic = "Chimeric antigen receptor" }   # no text: not shown
    x = 12.0
    y = 7.0
    target = "tcell_car"              # leader line to copy `target_index`, at point `anchor`
    target_index = 1
    anchor = "head"                   # named points: kinds.KINDS[...].anchors; on a cell also
                                      # "edge:75", its outline at 75 degrees (between receptors)
    align = "left"                    # left, center or right of x; style = "heading" for titles
    levels = ["clinic"]               # optional: only at these reading levels

    [[stages]]
    title = "New receptors"
    duration = 4.0                    # seconds, more than 0 (the real scenes keep to 5)
    caption.child = "..."             # all three levels; glossary links [words](glossary:id)
    caption.family = "..."
    caption.clinic = "..."
    description.child = "..."         # all three levels: what the settled frame shows, in
    description.family = "..."        # 1-3 plain sentences (no links), for a screen reader
    description.clinic = "..."

    [[stages.keyframes]]              # tween some properties of one actor within this stage
    actor = "tcell_car"
    count = 6.0
    start = 0.3                       # seconds from the stage start (default 0) ...
    end = 3.3                         # ... to the end (default: the stage's duration)
    ease = "linear"                   # linear, in, out, in_out (default)
    # or `at = 1.0` for a change at one moment

State properties (``scene.ActorState``): x, y, x2, y2 (the other end of arrows and tubes), scale,
rotation (degrees), opacity (0-1), broken (0-1: a cell gently fading into small pieces), count
(copies; a fraction fades the newest in), grow (how much of an arrow is drawn), dock (0-1: how
far a molecule has moved onto its ``docked_to`` target), visible (true/false) and docked_to (an
actor id, or ""). Numbers tween; visible and docked_to switch at the keyframe's start. Other
actor settings: spread (gap between copies), arrange (cluster, row, column), slots, dock_index,
w and h (panels and vessels), seed. Two keyframes may not change the same property of the same
actor at the same time. Any mistake raises ContentError naming the file, the field (for example
``stages[2].caption.child``) and, where it can be found, the line.
"""
