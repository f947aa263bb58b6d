"""An installed copy (not the checkout) finds every topic, scene and note: nothing points outside
the package."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.content_files import scene_files, topic_ids
from tests.helpers import ROOT

pytestmark = pytest.mark.slow

CHECK = """
import sys
sys.path.insert(0, sys.argv[1])
import allexplainer
assert allexplainer.__file__.startswith(sys.argv[1]), allexplainer.__file__
from allexplainer.diagrams._qt.source import DiagramSource
from allexplainer.presenter.notes_source import PresenterNotes
from allexplainer.resources import load_content
library = load_content()
source = DiagramSource()
notes = PresenterNotes().load(source.stage_counts())
icons = sorted(path.name for path in
               (__import__("pathlib").Path(allexplainer.__file__).parent / "icons").glob("*.png"))
print(len(library.good_topics), len(library.errors), len(source.scenes()), len(notes),
      library.version, len(icons))
"""


def test_a_non_editable_install_finds_every_topic_scene_and_note(tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(ROOT)],
                   check=True, capture_output=True, text=True, timeout=600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    result = subprocess.run([sys.executable, "-c", CHECK, str(target)], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    topics, errors, scenes, notes, version, icons = result.stdout.split()
    assert (int(topics), int(errors)) == (len(topic_ids()), 0)
    assert int(scenes) == int(notes) == len(scene_files())
    assert version == "2026.12"
    assert int(icons) == 8  # the window icon's sizes, 16 to 512 px (package data)
