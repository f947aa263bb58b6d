"""Topic files: TOML front matter between ``+++`` lines, then one Markdown section per level."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from allexplainer.content.errors import ContentError, load_toml
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.links import VALID_ID_RE
from allexplainer.content.toml_lines import SourceLines

FRONT_MATTER_FENCE = "+++"
QUESTIONS_SECTION = "questions"
_SECTION_RE = re.compile(r"^===\s*(?P<name>[A-Za-z_-]+)\s*===\s*$")
_BULLET_RE = re.compile(r"^\s*[-*]\s+(?P<text>.+?)\s*$")
_REQUIRED_FIELDS = ("id", "title", "order", "sources_checked", "next_review", "sources", "review")
_KNOWN_FIELDS = {*_REQUIRED_FIELDS, "diagram", "tab_title", "changes"}
REVIEW_STATES = ("pending", "reviewed")


@dataclass(frozen=True)
class Source:
    """A source that facts on a page come from."""

    title: str
    date: str
    detail: str = ""


@dataclass(frozen=True)
class Review:
    """The clinical review state of a topic: pending until a named reviewer and date exist."""

    state: str = "pending"
    reviewer: str = ""
    date: dt.date | None = None

    @property
    def done(self) -> bool:
        """True only when a named clinician reviewed the page on a recorded date."""
        return self.state == "reviewed" and bool(self.reviewer) and self.date is not None


@dataclass(frozen=True)
class Change:
    """What changed in a topic in one content version."""

    version: str
    note: str


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
    sources_checked: dt.date
    next_review: dt.date
    sources: tuple[Source, ...]
    bodies: Mapping[Level, Section]
    questions: tuple[str, ...]
    file: str
    diagram: str | None = None
    questions_line: int = 0
    tab_title: str = ""
    review: Review = Review()
    changes: tuple[Change, ...] = ()

    def change_note(self, version: str) -> str:
        """What changed in this topic in content ``version``, or ''."""
        return next((change.note for change in self.changes if change.version == version), "")

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


def parse_sources(meta: dict[str, Any], file: str, line: int) -> tuple[Source, ...]:
    """Validate a ``[[sources]]`` list (title, date, optional detail) into Sources."""
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


def _review(meta: dict[str, Any], file: str, line: int) -> Review:
    """The ``[review]`` table: a state, and for "reviewed" a named reviewer and a date."""
    raw = meta["review"]
    if not isinstance(raw, dict):
        raise ContentError("must be a [review] table", file=file, line=line, field="review")
    state = raw.get("state")
    if state not in REVIEW_STATES:
        raise ContentError(f"state must be one of: {', '.join(REVIEW_STATES)}", file=file,
                           line=line, field="review.state")
    unknown = set(raw) - {"state", "reviewer", "date"}
    if unknown:
        raise ContentError(f"unknown field '{sorted(unknown)[0]}'; known: state, reviewer, date",
                           file=file, line=line, field="review")
    if state == "pending":
        if "reviewer" in raw or "date" in raw:
            raise ContentError("a pending review has no reviewer or date yet", file=file,
                               line=line, field="review")
        return Review()
    reviewer, date = raw.get("reviewer"), raw.get("date")
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise ContentError("a reviewed page names its reviewer", file=file, line=line,
                           field="review.reviewer")
    if isinstance(date, dt.datetime) or not isinstance(date, dt.date):
        raise ContentError("a reviewed page gives the review date as YYYY-MM-DD", file=file,
                           line=line, field="review.date")
    return Review("reviewed", reviewer.strip(), date)


def _changes(meta: dict[str, Any], file: str, line: int) -> tuple[Change, ...]:
    """The optional ``[[changes]]`` list: a version and a note each."""
    raw = meta.get("changes", [])
    if not isinstance(raw, list):
        raise ContentError("must be a list of [[changes]] tables", file=file, line=line,
                           field="changes")
    changes = []
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict) or set(entry) != {"version", "note"} or not all(
                isinstance(entry[key], str) and entry[key].strip() for key in entry):
            raise ContentError("each [[changes]] entry has a version and a note, both text",
                               file=file, line=line, field=f"changes[{index}]")
        changes.append(Change(entry["version"].strip(), entry["note"].strip()))
    return tuple(changes)


def parse_topic(text: str, file: str) -> Topic:
    """Parse and validate one topic file; raise ContentError naming the file and line."""
    toml_text, body_line = _front_matter(text, file)
    meta = load_toml(toml_text, file, line_offset=1)

    lines = SourceLines(toml_text)

    def line_of(key: str) -> int:
        return lines.line_of(key, 0) + 1  # the front matter starts on the file's line 2

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
    sources_checked = _require_date(meta, "sources_checked", file, line_of("sources_checked"))
    next_review = _require_date(meta, "next_review", file, line_of("next_review"))
    if next_review <= sources_checked:
        raise ContentError("must come after sources_checked", file=file,
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
        sources_checked=sources_checked, next_review=next_review,
        review=_review(meta, file, line_of("review")),
        changes=_changes(meta, file, line_of("changes")),
        sources=parse_sources(meta, file, line_of("sources")), bodies=bodies, questions=questions,
        file=file, diagram=diagram, questions_line=questions_section.first_line,
        tab_title=tab_title,
    )
