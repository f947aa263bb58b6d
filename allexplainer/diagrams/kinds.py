"""The kinds of actor a scene may use, with their size, category and named points.

Local coordinates: a cell is a unit circle round (0, 0); a surface molecule stands on the
membrane at (0, 0) and points up (+y); other molecules are centred on (0, 0). One local unit
is ``size`` scene units at scale 1.
"""

from __future__ import annotations

from dataclasses import dataclass

CELL = "cell"
SURFACE = "surface"
MOLECULE = "molecule"
PROP = "prop"
ANNOTATION = "annotation"
# kinds drawn as a shape of the actor's own width and height (``w`` and ``h``)
AREA_KINDS = ("panel", "vessel", "membrane")

Point = tuple[float, float]


@dataclass(frozen=True)
class KindSpec:
    """What the engine needs to know about one kind of actor."""

    name: str
    category: str
    size: float
    anchors: tuple[tuple[str, Point], ...] = (("centre", (0.0, 0.0)),)
    # Molecules that dock: the own point placed on the target's "dock" point (or on a
    # cell's outline), and the own point that then lies straight out from the surface.
    dock_anchor: str = ""
    dock_toward: str = ""
    spread: float = 2.4  # gap between copies, in local units

    def anchor(self, name: str) -> Point:
        """Return the local point called ``name``."""
        for anchor_name, point in self.anchors:
            if anchor_name == name:
                return point
        raise KeyError(name)

    @property
    def anchor_names(self) -> tuple[str, ...]:
        """Names of every point labels and docking may use."""
        return tuple(name for name, _ in self.anchors)


_CELL_ANCHORS = (("centre", (0.0, 0.0)), ("edge", (1.0, 0.0)), ("nucleus", (0.0, 0.0)))

KINDS: dict[str, KindSpec] = {spec.name: spec for spec in (
    KindSpec("t_cell", CELL, 1.0, _CELL_ANCHORS),
    KindSpec("b_cell", CELL, 1.0, _CELL_ANCHORS),
    KindSpec("leukaemia_cell", CELL, 1.0, _CELL_ANCHORS),
    KindSpec("healthy_cell", CELL, 0.8, _CELL_ANCHORS),
    KindSpec("immune_cell", CELL, 1.0, _CELL_ANCHORS),  # an NK cell or macrophage the Fc calls
    KindSpec("tcr", SURFACE, 0.34, (("base", (0.0, 0.0)), ("tip", (0.0, 1.0)),
                                    ("dock", (0.0, 0.9)))),
    KindSpec("cd19", SURFACE, 0.36, (("base", (0.0, 0.0)), ("tip", (0.0, 1.0)),
                                     ("flag", (0.22, 0.8)), ("dock", (0.12, 1.04)))),
    KindSpec("cd3", SURFACE, 0.34, (("base", (0.0, 0.0)), ("tip", (0.0, 1.0)),
                                    ("dock", (0.0, 1.0)))),
    KindSpec("car", SURFACE, 0.62, (("base", (0.0, 0.0)), ("tip", (0.0, 1.0)),
                                    ("dock", (0.0, 1.0)),
                                    ("head", (0.0, 0.86)), ("hinge", (0.0, 0.45)),
                                    ("transmembrane", (0.0, 0.0)),
                                    ("costimulatory", (0.0, -0.2)), ("zeta", (0.0, -0.42)))),
    # a symmetrical Y binding two targets, one at each arm tip (each Fab binds one antigen):
    # it docks its left tip on one target, turned (``turn``: 8 degrees off straight down the
    # arm) so that its stem stands straight out and its right tip meets a second target about
    # 20 degrees further round a cell the size of the antibodies scene's
    KindSpec("antibody", MOLECULE, 0.5, (("centre", (0.0, 0.0)), ("fab", (-0.5, 0.66)),
                                          ("fab_right", (0.5, 0.66)), ("fc", (0.0, -0.62)),
                                          ("tip", (-0.5, 0.7)), ("tip_right", (0.5, 0.7)),
                                          ("turn", (-0.6392, -0.2903)),
                                          # the stem's left side: a leader from the left
                                          # reaches it under the arm, crossing nothing
                                          ("stem_side", (-0.1, -0.34))),
             dock_anchor="tip", dock_toward="turn", spread=2.6),
    KindSpec("blinatumomab", MOLECULE, 0.55, (("centre", (0.0, 0.0)), ("cd19_end", (0.6, 0.0)),
                                              ("cd3_end", (-0.62, 0.0))),
             dock_anchor="cd19_end", dock_toward="cd3_end", spread=2.2),
    KindSpec("virus_vector", MOLECULE, 0.45, (("centre", (0.0, 0.0)), ("edge", (0.0, -1.0))),
             dock_anchor="edge", dock_toward="centre", spread=2.8),
    KindSpec("gene", MOLECULE, 0.5, (("centre", (0.0, 0.0)),), spread=1.6),
    KindSpec("pump", PROP, 0.6, (("centre", (0.0, 0.0)), ("screen", (0.0, 0.2)))),
    KindSpec("bag", PROP, 0.7, (("centre", (0.0, 0.0)),)),
    KindSpec("medicine_bag", PROP, 0.7, (("centre", (0.0, 0.0)),)),  # e.g. chemotherapy
    KindSpec("antibody_bag", PROP, 0.7, (("centre", (0.0, 0.0)),)),  # immunoglobulin
    KindSpec("apheresis", PROP, 0.7, (("centre", (0.0, 0.0)), ("bowl", (0.0, -0.3)),
                                      ("side", (0.85, 0.5)))),  # right edge, by the screen
    # short rays round a cell that has been switched on (an activated T cell): placed where
    # that cell is, at its scale, the rays clear of its receptors
    KindSpec("activation", PROP, 1.0),
    KindSpec("sun", PROP, 0.45),
    KindSpec("moon", PROP, 0.45),
    KindSpec("vessel", PROP, 1.0),
    # a close-up of a stretch of a cell's surface: its top edge is the membrane, the cell inside
    # below it (a receptor drawn large stands on it, its parts named)
    KindSpec("membrane", PROP, 1.0),
    KindSpec("panel", PROP, 1.0),
    KindSpec("arrow", ANNOTATION, 1.0),
    KindSpec("label", ANNOTATION, 1.0),
)}

# Other spellings accepted in scene files.
ALIASES = {"dna": "gene", "leukemia_cell": "leukaemia_cell", "t_cell_receptor": "tcr",
           "virus": "virus_vector"}


def kind_spec(name: str) -> KindSpec:
    """Return the spec for kind ``name`` (or one of its aliases); KeyError if unknown."""
    return KINDS[ALIASES.get(name, name)]


def canonical_kind(name: str) -> str | None:
    """Return the canonical kind name for ``name``, or None if it names no kind."""
    name = ALIASES.get(name, name)
    return name if name in KINDS else None
