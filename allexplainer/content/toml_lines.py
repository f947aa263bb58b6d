"""Find the line of a TOML file where a field (``stages[2].caption.child``) is written.

The TOML parser gives no positions for values, so this reads the headers and keys itself. It is a
best effort for error messages: for a missing field it gives the line of the nearest table.
"""

from __future__ import annotations

import re
from typing import Any

from allexplainer.content.errors import ContentError, load_toml

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=")


def split_field(path: str) -> tuple[str, ...]:
    """Split ``stages[2].caption.child`` into ``('stages[2]', 'caption', 'child')``."""
    return tuple(part for part in path.split(".") if part)


class SourceLines:
    """Maps field paths of one TOML text to 1-based line numbers: the one line finder every
    content loader uses for its error messages."""

    def __init__(self, text: str) -> None:
        self._paths: list[tuple[tuple[str, ...], int]] = []
        self._first_lines: dict[tuple[str, ...], int] | None = None
        self._read(text)

    def _read(self, text: str) -> None:
        counters: dict[tuple[str, ...], int] = {}
        section: tuple[str, ...] = ()
        in_string = False
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                in_string = line.count('"""') % 2 == 0
                continue
            array = _ARRAY_HEADER.match(line)
            table = None if array else _TABLE_HEADER.match(line)
            if array or table:
                section = self._header_path((array or table).group(1), counters, bool(array))
                self._paths.append((section, number))
            elif key := _KEY.match(line):
                names = tuple(part.strip() for part in key.group(1).split("."))
                self._paths.append((section + names, number))
            if line.count('"""') % 2 == 1:
                in_string = True

    def _header_path(self, name: str, counters: dict[tuple[str, ...], int],
                     is_array: bool) -> tuple[str, ...]:
        path: list[str] = []
        parts = name.split(".")
        for i, part in enumerate(parts):
            bare = tuple(path) + (part,)
            last = i == len(parts) - 1
            if last and is_array:
                index = counters.get(bare, -1) + 1
                counters[bare] = index  # nested arrays are keyed by their parent's index
                path.append(f"{part}[{index}]")
            elif bare in counters:
                path.append(f"{part}[{counters[bare]}]")
            else:
                path.append(part)
        return tuple(path)

    def line_of(self, field: str, default: int = 1) -> int:
        """The line of ``field`` (or of its nearest table), or ``default``."""
        return self.line_for(field) or default

    def line_for(self, field: str | None) -> int | None:
        """The line that writes ``field``, or the nearest enclosing table's line, or None."""
        if not field:
            return None
        wanted = split_field(field)
        if self._first_lines is None:  # each path's first line, made once (start-up reads
            self._first_lines = {}     # hundreds of fields: a scan per field was quadratic)
            for path, number in self._paths:
                self._first_lines.setdefault(path, number)
        # the longest path that begins ``wanted`` (the first written, of equal ones)
        for size in range(len(wanted), -1, -1):
            number = self._first_lines.get(wanted[:size])
            if number is not None:
                return number
        return None


def table_array(text: str, file: str, name: str) -> tuple[list[Any], SourceLines]:
    """The ``[[name]]`` tables of a TOML file and a line finder for it; a ContentError if the
    file is not TOML or has none."""
    entries = load_toml(text, file).get(name)
    if not isinstance(entries, list) or not entries:
        raise ContentError(f"no [[{name}]] entries found", file=file, line=1)
    return entries, SourceLines(text)
