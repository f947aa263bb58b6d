"""Unexpected errors: write a crash log on this computer, show a calm message, keep running."""

from __future__ import annotations

import logging
import platform
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from allexplainer import __version__

log = logging.getLogger(__name__)
CALM_MESSAGE = ("Something went wrong, but your notes are safe. The app will keep going; if "
                "this part does not work, try another topic or restart the app.")


def write_crash_log(folder: Path, error: BaseException, trace: TracebackType | None) -> Path:
    """Write the error and where it happened to a new file in ``folder``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns() % 10**6}.log"
    lines = [f"ALL Explainer {__version__} on Python {platform.python_version()}, "
             f"{platform.platform()}", time.strftime("%Y-%m-%d %H:%M:%S"), ""]
    lines += traceback.format_exception(type(error), error, trace)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


class CrashHandler:
    """Replaces sys.excepthook while installed; one calm dialog at a time."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        self.folder = folder
        self.parent = parent
        self.last_log: Path | None = None
        self.dialog: QMessageBox | None = None
        self._previous = sys.excepthook

    def install(self) -> None:
        """Start handling uncaught exceptions (including those raised in Qt slots)."""
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        """Give the previous hook back."""
        sys.excepthook = self._previous

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        """Log the error to a file, tell the user calmly, and let the app carry on."""
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        try:
            self.last_log = write_crash_log(self.folder, error, trace)
            where = f"A note for the app's maintainers was saved in {self.last_log}."
        except OSError as write_error:
            where = "A note for the maintainers could not be saved."
            log.error("cannot write crash log: %s", write_error)
        log.error("unexpected error", exc_info=(kind, error, trace))
        if QApplication.instance() is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            return  # one message is enough; the log has every error
        self.dialog = QMessageBox(QMessageBox.Icon.Information, "Something went wrong",
                                  f"{CALM_MESSAGE}\n\n{where}", parent=self.parent)
        self.dialog.setObjectName("crash-dialog")
        self.dialog.open()
