"""A notebook store that keeps nothing: questions live in memory and go when the app closes.

Used on a shared clinic computer (clinic mode), so one family's questions are never left on
disk for the next family to find (hazard H21).
"""

from __future__ import annotations

from pathlib import Path

from allexplainer.notebook.questions import Notebook

CLINIC_NOTE = "Clinic computer: questions are not kept"


class MemoryNotebookStore:
    """The same calls as ``NotebookStore``; nothing is ever written."""

    keeps_copies = False
    folder: Path | None = None

    def load(self) -> tuple[Notebook, str | None]:
        """An empty notebook every time the app starts."""
        return Notebook(), None

    def save(self, notebook: Notebook) -> None:
        """Nothing to do: the questions stay in memory only."""

    def archive(self, notebook: Notebook) -> None:
        """Nothing is kept when a new list is started; returns None (no file)."""
        return None

    def forget_backup(self) -> None:
        """There is no backup to forget."""
