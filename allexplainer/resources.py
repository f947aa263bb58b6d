"""The one place that reads the app's assets: compiled Qt resources, or a folder when previewing."""

from __future__ import annotations

import logging
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDirIterator, QFile, QIODevice

from allexplainer.content.errors import ContentError
from allexplainer.content.library import Library, load_library, read_content_dir

if TYPE_CHECKING:
    from allexplainer.diagrams.scene import Scene

log = logging.getLogger(__name__)
CONTENT_PREFIX = ":/content"
DIAGRAMS_PREFIX = ":/diagrams"
PRESENTER_NOTES = ":/presenter/notes.toml"


def register() -> None:
    """Register the compiled resources with Qt (importing the module does it once)."""
    from allexplainer import _resources_rc  # noqa: F401  (imported for its side effect)


def read_resource_text(path: str) -> str:
    """Return a resource file's text; raise ContentError naming it if it cannot be read."""
    register()
    file = QFile(path)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise ContentError("the file is missing from the app's resources", file=path)
    try:
        data = bytes(file.readAll().data())
    finally:
        file.close()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(f"is not UTF-8 text: {error}", file=path) from None


def read_resource_tree(prefix: str) -> dict[str, str | ContentError]:
    """Read every file under a resource ``prefix`` into relative path -> text (or its error)."""
    register()
    files: dict[str, str | ContentError] = {}
    iterator = QDirIterator(prefix, QDirIterator.IteratorFlag.Subdirectories)
    while iterator.hasNext():
        path = iterator.next()
        if iterator.fileInfo().isFile():
            relative = path[len(prefix):].lstrip("/")
            try:
                files[relative] = read_resource_text(path)
            except ContentError as error:
                log.warning("%s", error)
                files[relative] = error
    return dict(sorted(files.items()))


def load_content(content_dir: Path | None = None) -> Library:
    """Load the library from ``content_dir`` when given (preview), else from the resources."""
    if content_dir is not None:
        return load_library(read_content_dir(content_dir))
    return load_library(read_resource_tree(CONTENT_PREFIX))


def builtin_scenes(known_terms: Collection[str] | None = None) -> dict[str, Scene]:
    """Every built-in scene by id; raise the first problem found (for tools and tests)."""
    from allexplainer.diagrams.loader import load_scenes

    scenes, errors = load_scenes(diagram_files(), known_terms)
    if errors:
        raise errors[0]
    return scenes


def diagram_files(diagrams_dir: Path | None = None) -> dict[str, str | ContentError]:
    """Scene scripts by file name, from ``diagrams_dir`` when given, else from the resources."""
    if diagrams_dir is not None:
        files = read_content_dir(diagrams_dir)
    else:
        files = read_resource_tree(DIAGRAMS_PREFIX)
    return {name: text for name, text in files.items()
            if name.endswith(".toml") and "/" not in name}


def read_presenter_notes(presenter_dir: Path | None = None) -> str:
    """The presenter notes file's text, from ``presenter_dir`` when given, else the resources."""
    if presenter_dir is not None:
        path = presenter_dir / "notes.toml"
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ContentError(f"cannot be read: {error}", file=str(path)) from None
    return read_resource_text(PRESENTER_NOTES)
