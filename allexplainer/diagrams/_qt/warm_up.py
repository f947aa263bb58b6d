"""Loads the diagrams' drawing library (matplotlib: about half a second on the development
machine) a module at a time while the window sits idle after its first paint, so the first
diagram a reader opens is drawn at once instead of the window freezing while it loads.

Each step imports one module and whatever it needs that is not loaded yet; the largest steps
(numpy, matplotlib's own start) take about 60 ms there. Steps run from the event loop with a
pause between them, so a click or a key waits at most one step. A diagram opened before the
last step loads the rest itself, in the same thread (nothing is loaded twice, nothing races).
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

# in the order they build on each other, so each step adds one slice
STEPS = (
    "numpy",
    "PIL.Image",
    "pyparsing",
    "matplotlib",
    "allexplainer.diagrams.drawing",  # before matplotlib's artists: see drawing.set_help
    "matplotlib.lines",
    "matplotlib.patches",
    "matplotlib.collections",
    "matplotlib.font_manager",
    "matplotlib.mathtext",
    "matplotlib.text",
    "matplotlib.axis",
    "matplotlib.image",
    "matplotlib.offsetbox",
    "matplotlib.legend",
    "matplotlib.axes._base",
    "matplotlib.projections",
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_qtagg",
    "allexplainer.diagrams._qt.canvas",
)
START_MS = 500  # after the window shows: its first paint and the staged panels come first
PAUSE_MS = 30  # between steps: room for what the reader does


class WarmUp(QObject):
    """Imports ``steps`` one per event-loop turn, from ``start`` on; ``finished`` when done."""

    finished = Signal()

    def __init__(self, parent: QObject, steps: tuple[str, ...] = STEPS) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    @property
    def done(self) -> bool:
        """Whether every step has been taken (or given up after a failure)."""
        return not self._steps

    def start(self, delay_ms: int = START_MS) -> None:
        """Take the first step ``delay_ms`` from now, the rest one by one after it."""
        if self._steps:
            self._timer.start(delay_ms)

    def _step(self) -> None:
        name = self._steps.pop(0)
        try:
            importlib.import_module(name)
        except Exception:  # a broken install: the diagram says so when it is opened
            log.warning("could not load %s ahead of the first diagram", name, exc_info=True)
            self._steps.clear()
        if self._steps:
            self._timer.start(PAUSE_MS)
        else:
            self.finished.emit()
