"""Shared test set-up: offscreen Qt, settings kept out of the user's real folders."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "QtAgg")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Point QSettings and the data folder at a fresh temporary folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    # a clinic file on the machine running the tests (/etc/allexplainer/clinic.toml) must not
    # change what they see; tests of clinic mode point this at their own file
    monkeypatch.setenv("ALLEXPLAINER_CLINIC_FILE", str(home / "no-clinic-file.toml"))
    # read aloud writes what it says as WAV files here, so tests listen and nothing plays
    (home / "speech").mkdir()
    monkeypatch.setenv("ALLEXPLAINER_SPEECH_TO", str(home / "speech"))
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
    yield home
