"""The command line, as a nurse would type it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from allexplainer import __version__
from tests.helpers import ROOT


def run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=60, env=env, cwd=ROOT)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"allexplainer {__version__} (content 2026.12, 1 Dec 2026)"


def test_unknown_level_exits_2_listing_the_levels():
    result = run("--level", "teenager")
    assert result.returncode == 2
    assert "unknown level 'teenager'" in result.stderr
    assert "child, family, clinic" in result.stderr


def test_unknown_topic_exits_2_listing_the_topics():
    result = run("--topic", "surgery")
    assert result.returncode == 2
    assert "unknown topic 'surgery'" in result.stderr
    assert "about-all" in result.stderr and "clinical-trials" in result.stderr


@pytest.mark.parametrize("args", [["--frobnicate"], ["--topic"], ["extra-word"]])
def test_malformed_arguments_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "usage: allexplainer" in result.stderr


def test_no_display_gives_one_clear_line():
    import os

    env = {key: value for key, value in os.environ.items()
           if key not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True,
                            text=True, timeout=60, env=env, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("allexplainer: no display found")


def test_help_documents_the_export_and_its_paper_sizes():
    result = run("--help")
    assert result.returncode == 0
    words = " ".join(result.stdout.split())
    assert "--export DIR" in words and "--paper SIZE" in words
    assert "A4 (the default) or Letter (US Letter)" in words
