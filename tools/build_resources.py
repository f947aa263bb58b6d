"""Regenerate resources.qrc from the files under assets/, then compile it with pyside6-rcc.

Run after adding, removing or editing any asset:  python tools/build_resources.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
QRC = ROOT / "resources.qrc"
COMPILED = ROOT / "allexplainer" / "_resources_rc.py"
# Each folder under assets/ becomes a prefix: assets/content/topics/x.md is :/content/topics/x.md
IGNORED_NAMES = {".DS_Store", "Thumbs.db"}


def asset_files() -> list[Path]:
    """Every file under assets/ that the app ships, sorted."""
    return sorted(path for path in ASSETS.rglob("*")
                  if path.is_file() and path.name not in IGNORED_NAMES
                  and not path.name.startswith(".") and not path.name.endswith("~"))


def qrc_text(files: list[Path]) -> str:
    """The resources.qrc XML listing ``files``, one <qresource> per top-level assets folder."""
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(path.relative_to(ASSETS).parts[0], []).append(path)
    lines = ['<!DOCTYPE RCC>', '<RCC version="1.0">']
    for prefix, paths in sorted(groups.items()):
        lines.append(f'  <qresource prefix="/{prefix}">')
        for path in paths:
            alias = path.relative_to(ASSETS / prefix).as_posix()
            lines.append(f'    <file alias={quoteattr(alias)}>'
                         f'{path.relative_to(ROOT).as_posix()}</file>')
        lines.append('  </qresource>')
    lines.append('</RCC>')
    return "\n".join(lines) + "\n"


def find_rcc() -> list[str]:
    """The pyside6-rcc command, from this Python's environment first."""
    beside = Path(sys.executable).with_name("pyside6-rcc")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-rcc")
    if found:
        return [found]
    raise SystemExit("pyside6-rcc not found: install PySide6-Essentials in this environment")


def main() -> int:
    """Write resources.qrc and the compiled module; print what was done."""
    files = asset_files()
    QRC.write_text(qrc_text(files), encoding="utf-8")
    subprocess.run([*find_rcc(), "--format-version", "1", "-g", "python", "-o", str(COMPILED),
                    str(QRC)], check=True, cwd=ROOT)
    print(f"resources.qrc lists {len(files)} files; compiled to {COMPILED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
