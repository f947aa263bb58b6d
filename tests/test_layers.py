"""The layers point one way: content (and the diagram timeline) know nothing of Qt or matplotlib."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "allexplainer"
FORBIDDEN = ("PySide6", "matplotlib", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            # a relative import that climbs out of content/ names its target package
            names.add(node.module if node.level < 2 else f"allexplainer.{node.module}")
    return names


def test_content_modules_import_no_qt_or_matplotlib_in_their_source():
    offenders = {path.name: sorted(name for name in _imports(path) if name.startswith(FORBIDDEN))
                 for path in (PACKAGE / "content").glob("*.py")}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_importing_every_content_module_loads_no_qt_or_matplotlib():
    modules = [f"allexplainer.content.{path.stem}" for path in (PACKAGE / "content").glob("*.py")
               if path.stem != "__init__"]
    code = ("import sys\n" + "".join(f"import {name}\n" for name in modules)
            + f"bad = sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r}))\n"
            + "print(bad)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PACKAGE.parent, check=True)
    assert result.stdout.strip() == "[]"


def test_ui_is_not_imported_by_content_or_diagram_timeline():
    for path in [*(PACKAGE / "content").glob("*.py")]:
        assert not any(name.startswith(("allexplainer.ui", "allexplainer.app"))
                       for name in _imports(path)), path.name


def test_the_import_contracts_hold():
    """pyproject.toml's import-linter contracts: models free of Qt, features apart, layers."""
    import shutil

    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert linter, "import-linter is part of the test extras"
    result = subprocess.run([linter], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.count(" KEPT") >= 3
