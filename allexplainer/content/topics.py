"""Topic files: TOML front matter between ``+++`` lines, then one Markdown section per level."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import ContentError, load_toml
from .levels import LEVELS, Level
from .links import VALID_ID_RE

FRONT_MATTER_FENCE = "+++"
QUESTIONS_SECTION = "questions"
_SECTION_RE = re.compile(r"^===\s*(?P<name>[A-Za-z_-]+)\s*===\s*$")
_BULLET_RE = re.compile(r"^\s*[-*]\s+(?P<text>.+?)\s*$")
_REQUIRED_FIELDS = ("id", "title", "order", "last_reviewed", "next_review", "sources")
_KNOWN_FIELDS = {*_REQUIRED_FIELDS, "diagram", "tab_title"}


@dataclass(frozen=True)
class Source:
    """A source that facts on a page come from."""

    title: str
    date: str
    detail: str = ""


@dataclass(frozen=True)
class Section:
    """One block of Markdown text and the line of the file it starts on."""

    text: str
    first_line: int


@dataclass(frozen=True)
class Topic:
    """One tab of the app: a title, its sources and review dates, and a body per level."""

    id: str
    title: str
    order: int
    last_reviewed: dt.date
    next_review: dt.date
    sources: tuple[Source, ...]
    bodies: Mapping[Level, Section]
    questions: tuple[str, ...]
    file: str
    diagram: str | None = None
    questions_line: int = 0
    tab_title: str = ""

    @property
    def short_title(self) -> str:
        """The label on the topic's tab: ``tab_title`` if given, else the title."""
        return self.tab_title or self.title

    def body(self, level: Level) -> str:
        """Return the Markdown body written for ``level``."""
        return self.bodies[level].text

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Return True once the next review date has passed."""
        return (today or dt.date.today()) > self.next_review


def _front_matter(text: str, file: str) -> tuple[str, int]:
    """Split off the TOML front matter; return it and the line where the body starts."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        raise ContentError("a topic file must start with a '+++' line (TOML front matter)",
                           file=file, line=1)
    for index in range(1, len(lines)):
        if lines[index].strip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:index]), index + 2
    raise ContentError("the front matter is not closed by a second '+++' line", file=file, line=1)


def field_line(text: str, key: str, default: int = 1) -> int:
    """Return the 1-based line where ``key =`` (or ``[[key]]``) first appears in ``text``."""
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}\s*=|\[\[\s*{re.escape(key)}\s*\]\])", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else default


def _sections(text: str, first_line: int, file: str) -> dict[str, Section]:
    """Split the body into named sections at each ``=== name ===`` line."""
    found: dict[str, Section] = {}
    name: str | None = None
    start = first_line
    buffer: list[str] = []
    lines = text.splitlines()
    for offset, line in enumerate(lines):
        number = first_line + offset
        match = _SECTION_RE.match(line)
        if match is None:
            if name is None and line.strip():
                raise ContentError("text before the first '=== level ===' line", file=file,
                                   line=number)
            buffer.append(line)
            continue
        if name is not None:
            found[name] = Section("\n".join(buffer).strip(), start)
        name = match["name"].lower()
        allowed = [level.value for level in LEVELS] + [QUESTIONS_SECTION]
        if name not in allowed:
            raise ContentError(f"unknown section '{name}'; expected one of: {', '.join(allowed)}",
                               file=file, line=number)
        if name in found:
            raise ContentError(f"section '{name}' appears twice", file=file, line=number)
        start, buffer = number + 1, []
    if name is not None:
        found[name] = Section("\n".join(buffer).strip(), start)
    return found


def _require_str(meta: dict[str, Any], key: str, file: str, line: int) -> str:
    value = meta[key]
    if not isinstance(value, str) or not value.strip():
        raise ContentError("must be non-empty text in quotes", file=file, line=line, field=key)
    return value.strip()


def _require_date(meta: dict[str, Any], key: str, file: str, line: int) -> dt.date:
    value = meta[key]
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ContentError("must be a date written YYYY-MM-DD, without quotes", file=file,
                           line=line, field=key)
    return value


def _sources(meta: dict[str, Any], file: str, line: int) -> tuple[Source, ...]:
    raw = meta["sources"]
    if not isinstance(raw, list) or not raw:
        raise ContentError("at least one [[sources]] entry is needed", file=file, line=line,
                           field="sources")
    sources = []
    for index, entry in enumerate(raw):
        name = f"sources[{index}]"
        if not isinstance(entry, dict):
            raise ContentError("must be a [[sources]] table", file=file, line=line, field=name)
        for key in ("title", "date"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ContentError(f"'{key}' is missing or empty", file=file, line=line,
                                   field=f"{name}.{key}")
        detail = entry.get("detail", "")
        if not isinstance(detail, str):
            raise ContentError("must be text", file=file, line=line, field=f"{name}.detail")
        sources.append(Source(entry["title"].strip(), entry["date"].strip(), detail.strip()))
    return tuple(sources)


def parse_topic(text: str, file: str) -> Topic:
    """Parse and validate one topic file; raise ContentError naming the file and line."""
    toml_text, body_line = _front_matter(text, file)
    meta = load_toml(toml_text, file, line_offset=1)

    def line_of(key: str) -> int:
        return field_line(toml_text, key, default=0) + 1

    for key in _REQUIRED_FIELDS:
        if key not in meta:
            raise ContentError("this required field is missing", file=file, line=1, field=key)
    for key in meta:
        if key not in _KNOWN_FIELDS:
            raise ContentError(f"unknown field; known fields: {', '.join(sorted(_KNOWN_FIELDS))}",
                               file=file, line=line_of(key), field=key)
    topic_id = _require_str(meta, "id", file, line_of("id"))
    if not VALID_ID_RE.match(topic_id):
        raise ContentError("use lower-case letters, digits and hyphens only", file=file,
                           line=line_of("id"), field="id")
    order = meta["order"]
    if isinstance(order, bool) or not isinstance(order, int) or not 1 <= order <= 99:
        raise ContentError("must be a whole number from 1 to 99", file=file,
                           line=line_of("order"), field="order")
    last_reviewed = _require_date(meta, "last_reviewed", file, line_of("last_reviewed"))
    next_review = _require_date(meta, "next_review", file, line_of("next_review"))
    if next_review <= last_reviewed:
        raise ContentError("must come after last_reviewed", file=file,
                           line=line_of("next_review"), field="next_review")
    diagram = meta.get("diagram")
    if diagram is not None:
        diagram = _require_str(meta, "diagram", file, line_of("diagram"))
    tab_title = _require_str(meta, "tab_title", file, line_of("tab_title")) \
        if "tab_title" in meta else ""

    sections = _sections(text.split("\n", body_line - 1)[-1], body_line, file)
    bodies: dict[Level, Section] = {}
    for level in LEVELS:
        section = sections.get(level.value)
        if section is None:
            raise ContentError(f"the '=== {level.value} ===' section is missing", file=file,
                               line=body_line, field=level.value)
        if not section.text:
            raise ContentError(f"the {level.value} text is empty", file=file,
                               line=section.first_line - 1, field=level.value)
        bodies[level] = section
    questions_section = sections.get(QUESTIONS_SECTION)
    if questions_section is None or not questions_section.text:
        raise ContentError("a '=== questions ===' section with at least one '- question' is needed",
                           file=file, line=body_line, field=QUESTIONS_SECTION)
    questions = tuple(m["text"] for line in questions_section.text.splitlines()
                      if (m := _BULLET_RE.match(line)))
    if not questions:
        raise ContentError("write each question as a '- ' bullet line", file=file,
                           line=questions_section.first_line, field=QUESTIONS_SECTION)
    return Topic(
        id=topic_id, title=_require_str(meta, "title", file, line_of("title")), order=order,
        last_reviewed=last_reviewed, next_review=next_review,
        sources=_sources(meta, file, line_of("sources")), bodies=bodies, questions=questions,
        file=file, diagram=diagram, questions_line=questions_section.first_line,
        tab_title=tab_title,
    )
