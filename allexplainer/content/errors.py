"""The one exception the content and scene loaders raise for bad data."""

from __future__ import annotations


class ContentError(ValueError):
    """Bad content: names the file and, where known, the line and field at fault."""

    def __init__(self, message: str, *, file: str = "", line: int | None = None,
                 field: str | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<content>"
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"
