"""resources.qrc lists every asset, and the compiled module holds exactly what is on disk."""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ElementTree

from PySide6.QtCore import QDirIterator, QFile, QIODevice

from allexplainer import resources
from tests.helpers import ROOT

QRC = ROOT / "resources.qrc"


def qrc_entries() -> dict[str, str]:
    """Resource path (":/prefix/alias") -> file path relative to the repository."""
    entries = {}
    for group in ElementTree.parse(QRC).getroot().iter("qresource"):
        prefix = group.get("prefix", "/").rstrip("/")
        for item in group.iter("file"):
            alias = item.get("alias") or item.text
            entries[f":{prefix}/{alias}"] = item.text
    return entries


def assets_on_disk() -> set[str]:
    return {path.relative_to(ROOT).as_posix() for path in (ROOT / "assets").rglob("*")
            if path.is_file() and not path.name.startswith(".")}


def compiled_paths() -> set[str]:
    resources.register()
    found = set()
    for prefix in {path.split("/")[1] for path in qrc_entries()}:
        iterator = QDirIterator(f":/{prefix}", QDirIterator.IteratorFlag.Subdirectories)
        while iterator.hasNext():
            path = iterator.next()
            if iterator.fileInfo().isFile():
                found.add(path)
    return found


def test_every_asset_is_listed_in_the_qrc():
    assert assets_on_disk() - set(qrc_entries().values()) == set()


def test_every_qrc_entry_points_at_a_file():
    assert {path for path in qrc_entries().values() if not (ROOT / path).is_file()} == set()


def test_compiled_module_matches_the_qrc_and_the_files():
    entries = qrc_entries()
    assert compiled_paths() == set(entries), "run: python tools/build_resources.py"
    stale = []
    for resource_path, file_path in entries.items():
        handle = QFile(resource_path)
        assert handle.open(QIODevice.OpenModeFlag.ReadOnly), resource_path
        if bytes(handle.readAll().data()) != (ROOT / file_path).read_bytes():
            stale.append(file_path)
        handle.close()
    assert stale == [], "compiled resources are out of date: run python tools/build_resources.py"


def test_qrc_is_listed_for_pyside6_project():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "resources.qrc" in project["tool"]["pyside6-project"]["files"]
