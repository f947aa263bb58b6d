"""The matplotlib canvas of a diagram player. Importing this module imports matplotlib:
the player imports it only when it is first shown.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

from allexplainer.diagrams.drawing.renderer import SceneRenderer
from allexplainer.diagrams.scene import Scene
from allexplainer.reading_state import ReadingState

DPI = 100


class DiagramCanvas(FigureCanvasQTAgg):
    """Shows the states of one scene, blitting each frame."""

    def __init__(self, scene: Scene, state: ReadingState, parent: QWidget | None = None) -> None:
        super().__init__(Figure(dpi=DPI))
        self.setParent(parent)
        self.scene_renderer = SceneRenderer(self.figure, scene, state.level)
        # keys go to the player, which owns the stage shortcuts
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(240, 135)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(scene.title.get(state.level))

    def show_time(self, t: float) -> None:
        """Draw the scene at time ``t``: a blitted frame, or a full draw on entering a stage."""
        self.scene_renderer.show_time(t)

    def set_high_contrast(self, on: bool) -> None:
        """For a projector: a pure white background, heavier outlines and black, bold words
        (or the usual soft look); redraws fully."""
        self.scene_renderer.set_high_contrast(on)
        self.draw()

    def close_renderer(self) -> None:
        """Stop the renderer listening to this canvas."""
        self.scene_renderer.disconnect()
