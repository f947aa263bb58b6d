"""Saves the notebook atomically (QSaveFile) in the user's data folder, keeping the last version."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile, QStandardPaths

from allexplainer.notebook.questions import Notebook, NotebookError

log = logging.getLogger(__name__)
FILE_NAME = "questions.json"
BACKUP_SUFFIX = ".bak"


def data_folder() -> Path:
    """The app's data folder, e.g. ~/.local/share/ALL Explainer (made on first save)."""
    from allexplainer.settings import APPLICATION

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location or Path.home() / ".local" / "share") / APPLICATION


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` at once: a crash leaves the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = QSaveFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f"cannot write {path}: {handle.errorString()}")
    if handle.write(data) != len(data):
        handle.cancelWriting()
        handle.commit()
        raise OSError(f"cannot write {path}: {handle.errorString()}")
    if not handle.commit():
        raise OSError(f"cannot save {path}: {handle.errorString()}")


class NotebookStore:
    """Loads and saves one notebook file, and a backup of the version before the last save."""

    keeps_copies = True  # questions outlive the app (MemoryNotebookStore keeps nothing)

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_folder()
        self.path = self.folder / FILE_NAME
        self.backup_path = self.folder / (FILE_NAME + BACKUP_SUFFIX)

    def _read(self, path: Path) -> Notebook:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise NotebookError(f"not a notebook file: {error}") from None
        return Notebook.from_json(text)

    def load(self) -> tuple[Notebook, str | None]:
        """The saved notebook and, if something had to be recovered, a calm note saying what."""
        if not self.path.exists():
            if self.backup_path.exists():
                try:
                    return self._read(self.backup_path), ("Your questions were restored from the "
                                                          "backup copy.")
                except (OSError, NotebookError):
                    pass
            return Notebook(), None
        try:
            return self._read(self.path), None
        except OSError as error:
            log.warning("cannot read %s: %s", self.path, error)
            reason = "could not be read"
        except NotebookError as error:
            log.warning("damaged notebook %s: %s", self.path, error)
            reason = "was damaged"
        kept = self._keep_damaged_copy()
        try:
            notebook = self._read(self.backup_path)
            return notebook, (f"Your questions file {reason}, so the last good copy was opened. "
                              f"The old file was kept as {kept}.")
        except (OSError, NotebookError):
            return Notebook(), (f"Your questions file {reason} and no good copy was found. "
                                f"It was kept as {kept} in case it can be recovered.")

    def _keep_damaged_copy(self) -> str:
        """Move a damaged file aside (never delete it) and return its new name."""
        target = self.folder / f"questions.damaged-{time.strftime('%Y%m%d-%H%M%S')}.json"
        try:
            self.path.replace(target)
        except OSError as error:
            log.warning("cannot move %s aside: %s", self.path, error)
            return self.path.name
        return target.name

    def archive(self, notebook: Notebook) -> Path:
        """Keep a copy of ``notebook`` under a dated name (e.g. before starting a new list)."""
        path = self.folder / f"questions-{time.strftime('%Y%m%d-%H%M%S')}.json"
        write_atomically(path, notebook.to_json().encode("utf-8"))
        return path

    def forget_backup(self) -> None:
        """Delete the backup (after a new list was started, once the old one was archived)."""
        self.backup_path.unlink(missing_ok=True)

    def save(self, notebook: Notebook) -> None:
        """Save atomically; the version it replaces becomes the backup. Raises OSError."""
        data = notebook.to_json().encode("utf-8")
        try:
            previous = self.path.read_bytes()
        except FileNotFoundError:
            previous = None
        if previous == data:
            return
        if previous is not None:
            try:
                Notebook.from_json(previous.decode("utf-8"))
            except (NotebookError, UnicodeDecodeError):
                previous = None  # never let a damaged file replace a good backup
            else:
                write_atomically(self.backup_path, previous)
        write_atomically(self.path, data)
