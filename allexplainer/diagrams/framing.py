"""Framing a stage: the view of the scene that fills the picture with what the stage shows.

A stage with one small cell would otherwise sit in the middle of a large empty canvas. Each
stage is framed like a panel of a comic: the smallest view, of the picture's own shape, around
what the stage's paused end shows (what moves in comes from past the frame's edge, as in a
film; what fades out is let go when the stage begins), with a margin, never closer than
``MAX_ZOOM`` times the whole scene (the cells keep their proportions from stage to stage) and
never wider than the scene. Labels and strokes keep their size whatever the zoom.
"""

from __future__ import annotations

Box = tuple[float, float, float, float]  # x0, y0, x1, y1

MAX_ZOOM = 1.5  # at most this much closer than the whole scene
MARGIN = 0.35  # scene units of air round what the stage shows


def union(boxes: list[Box]) -> Box | None:
    """The box round ``boxes`` (None for none)."""
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def framed_view(content: Box | None, bounds: Box, max_zoom: float = MAX_ZOOM,
                margin: float = MARGIN) -> Box:
    """The view (x0, y0, x1, y1) of ``bounds``' shape round ``content`` plus ``margin`` (what
    lies outside ``bounds`` is left out), centred on it, at most ``max_zoom`` times closer than
    ``bounds`` and never larger than them."""
    bx0, by0, bx1, by1 = bounds
    full_w, full_h = bx1 - bx0, by1 - by0
    if content is None or full_w <= 0 or full_h <= 0:
        return bounds
    aspect = full_w / full_h
    cx0, cy0 = max(content[0] - margin, bx0), max(content[1] - margin, by0)
    cx1, cy1 = min(content[2] + margin, bx1), min(content[3] + margin, by1)
    if cx1 <= cx0 or cy1 <= cy0:
        return bounds
    width = max(cx1 - cx0, (cy1 - cy0) * aspect, full_w / max(max_zoom, 1.0))
    width = min(width, full_w)
    height = width / aspect
    # centred on what is shown, even past the scene's edge (the page is plain there): a
    # picture in one corner of the scene is balanced in the frame
    middle_x, middle_y = (cx0 + cx1) / 2, (cy0 + cy1) / 2
    x0, y0 = middle_x - width / 2, middle_y - height / 2
    return (x0, y0, x0 + width, y0 + height)
