"""While the reader looks at the first screen, what diagrams need is loaded a piece at a time,
so the first diagram opened draws at once; the first paint never waits for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from allexplainer.diagrams._qt.warm_up import WarmUp

ROOT = Path(__file__).resolve().parent.parent

# a fresh interpreter: in the test process other tests have loaded matplotlib already
STARTED = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from allexplainer.app import build_window, parse_args, show
window = build_window(parse_args([]))
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "at_first_paint" not in seen:
            seen["at_first_paint"] = "matplotlib" in sys.modules
        return False

def finished():
    seen["after"] = {name: name in sys.modules
                     for name in ("matplotlib.figure", "allexplainer.diagrams._qt.canvas")}
    import matplotlib.lines
    seen["set_help_built"] = matplotlib.lines.Line2D.set.__doc__ is not None
    seen["topic"] = window.current_topic_id()
    window.show_topic("car-t")
    QTimer.singleShot(0, opened)

def opened():
    player = window.page("car-t").diagram
    canvas = None if player is None else player._canvas
    if canvas is None or getattr(canvas, "renderer", None) is None:
        QTimer.singleShot(10, opened)  # its page and player are made over a few turns
        return
    seen["diagram_shown"] = canvas.isVisible()
    app.exit(0)

probe = FirstPaint()
window.installEventFilter(probe)
warm_up = show(window)
warm_up.finished.connect(finished)
QTimer.singleShot(30000, lambda: app.exit(1))
code = app.exec()
print(json.dumps(seen))
sys.exit(code)
"""


def test_the_first_screen_paints_first_then_diagrams_are_ready_before_they_are_opened(
        tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", STARTED], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["at_first_paint"] is False  # the first paint never waits for matplotlib
    assert seen["topic"] != "car-t"  # (the first topic has no diagram of its own)
    assert seen["after"] == {"matplotlib.figure": True, "allexplainer.diagrams._qt.canvas": True}
    assert seen["set_help_built"] is False  # matplotlib was loaded the quicker way
    assert seen["diagram_shown"] is True  # and a diagram opened then is drawn
    # (how much sooner it is drawn is a timing: benchmarks/first_diagram.py)


def test_a_piece_that_cannot_be_loaded_is_logged_and_the_rest_given_up(qtbot, caplog):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    warm_up = WarmUp(parent, steps=("json", "allexplainer.no_such_module", "csv"))
    with qtbot.waitSignal(warm_up.finished, timeout=5000):
        warm_up.start(delay_ms=0)
    assert warm_up.done
    assert "could not load allexplainer.no_such_module" in caplog.text
