"""What installs the app agrees with the app: icon, desktop entry, metainfo, bundle contents."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

import pytest

from allexplainer import __version__
from allexplainer.app import DESKTOP_FILE_NAME, ICON_SIZES, app_icon
from tests.helpers import ROOT

LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_FILE_NAME}.desktop"
METAINFO = LINUX / f"{DESKTOP_FILE_NAME}.metainfo.xml"
SPEC = ROOT / "packaging" / "allexplainer.spec"


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_window_icon_has_every_size_from_16_to_256(qapp):
    sizes = {size.width() for size in app_icon().availableSizes()}
    assert sizes == set(ICON_SIZES) == {16, 24, 32, 48, 64, 128, 256}


def test_the_icon_pngs_are_drawn_from_the_svg_sources():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "render_icons.py"), "--check"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_the_icon_check_compares_the_drawing_not_the_bytes(qapp, tmp_path):
    import importlib.util

    from PySide6.QtCore import Qt

    spec = importlib.util.spec_from_file_location("render_icons",
                                                  ROOT / "tools" / "render_icons.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    same, mirrored = tmp_path / "same.png", tmp_path / "mirrored.png"
    image = tool.render_image(64)
    image.save(str(same), "PNG", 0)  # other compression, same pixels
    image.flipped(Qt.Orientation.Horizontal).save(str(mirrored), "PNG")
    assert tool.looks_the_same(same, 64)
    assert not tool.looks_the_same(mirrored, 64)
    assert not tool.looks_the_same(same, 48)


def test_desktop_entry_and_metainfo_name_the_app_the_same_way():
    entry = desktop_entry()
    assert entry["Exec"] == "allexplainer"
    assert entry["Icon"] == DESKTOP_FILE_NAME
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == DESKTOP_FILE_NAME
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "allexplainer"


def test_the_newest_release_in_the_metainfo_is_this_version_and_content():
    from allexplainer.resources import load_content

    release = ET.parse(METAINFO).getroot().find("releases/release")
    assert release.get("version") == __version__
    assert f"Content version {load_content().version}." in "".join(release.itertext())


def test_the_changelog_starts_with_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = re.search(r"^## \[(\S+)\] - (\d{4}-\d\d-\d\d)", changelog, re.MULTILINE)
    release = ET.parse(METAINFO).getroot().find("releases/release")
    assert (first.group(1), first.group(2)) == (__version__, release.get("date"))


def test_the_licences_are_there_and_named_in_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"]["text"] == "Apache-2.0 AND CC-BY-SA-4.0"
    assert "Apache License" in (ROOT / "LICENSE").read_text(encoding="utf-8")[:200]
    assert (ROOT / "LICENSES" / "CC-BY-SA-4.0.txt").read_text(encoding="utf-8").startswith(
        "Attribution-ShareAlike 4.0 International")


def test_the_bundle_keeps_every_qt_module_the_app_imports():
    spec = ast.parse(SPEC.read_text(encoding="utf-8"))
    unused = next(ast.literal_eval(node.value) for node in spec.body
                  if isinstance(node, ast.Assign) and node.targets[0].id == "UNUSED_MODULES")
    imported = set()
    for path in (ROOT / "allexplainer").rglob("*.py"):
        imported |= set(re.findall(r"\b(PySide6\.Qt\w+|matplotlib\.backends\.\w+)",
                                   path.read_text(encoding="utf-8")))
    assert imported and imported & set(unused) == set()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils is not installed (CI installs it before the tests)")
def test_desktop_file_validate_passes():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                            text=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstream is not installed (CI installs it)")
def test_appstreamcli_validate_passes():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout
