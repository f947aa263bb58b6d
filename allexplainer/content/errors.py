"""The one exception the content and scene loaders raise for bad data."""

from __future__ import annotations

import re
from typing import Any

from allexplainer.content import toml_parser


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


def load_toml(text: str, file: str, line_offset: int = 0) -> dict[str, Any]:
    """Parse TOML; a syntax error becomes a ContentError naming the file and the line
    (``line_offset`` is added when the TOML starts part-way down the file)."""
    try:
        return toml_parser.loads(text)
    except toml_parser.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        message = getattr(error, "msg", None) or re.sub(r"\s*\(at line \d+, column \d+\)", "",
                                                      str(error))
        if line is None and (found := re.search(r"line (\d+)", str(error))):
            line = int(found.group(1))
        raise ContentError(f"not valid TOML: {message}", file=file,
                           line=(line or 1) + line_offset) from None
