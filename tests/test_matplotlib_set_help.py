"""matplotlib loads without building each Artist class's ``set()`` help (about a third of its
load time), whichever way the app first loads it, and ``set()`` still works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# a fresh interpreter: in the test process other tests have loaded matplotlib already
LOADED_BY = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
import matplotlib.artist, matplotlib.figure, matplotlib.lines
line = matplotlib.lines.Line2D([0, 1], [0, 1])
line.set(color="#d55e00", linewidth=3)
figure = matplotlib.figure.Figure()
figure.set(facecolor="white")
print(json.dumps({
    "figure_help": matplotlib.figure.Figure.set.__doc__,
    "line_help": matplotlib.lines.Line2D.set.__doc__,
    "base_help": bool(matplotlib.artist.Artist.set.__doc__),
    "line": [line.get_color(), line.get_linewidth()],
}))
"""


@pytest.mark.parametrize("module", ["allexplainer.diagrams._qt.canvas",
                                    "allexplainer.takehome.drawing.pictures",
                                    "allexplainer.diagrams.drawing.renderer"])
def test_matplotlib_loaded_by_the_app_builds_no_set_help_and_set_still_works(module, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", LOADED_BY, module], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["figure_help"] is None and seen["line_help"] is None
    assert seen["base_help"]  # the base class, defined before, keeps its help
    assert seen["line"] == ["#d55e00", 3]


def test_set_help_is_left_alone_by_a_matplotlib_that_builds_it_another_way(monkeypatch):
    from matplotlib.artist import Artist

    from allexplainer.diagrams.drawing import set_help

    monkeypatch.setattr(set_help, "_HOOK", "_no_such_hook")
    assert set_help.leave_set_help_unbuilt() is False
    assert not hasattr(Artist, "_no_such_hook")
