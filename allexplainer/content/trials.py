"""Clinical trials the app names: one data file, so a trial's status changes in one place."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from allexplainer.content.errors import ContentError
from allexplainer.content.glossary import text_list
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.links import VALID_ID_RE
from allexplainer.content.toml_lines import SourceLines, table_array
from allexplainer.content.topics import Source, parse_sources

STATUSES = {
    "recruiting": "open and recruiting",
    "closed": "closed to new patients; results awaited",
    "reported": "finished; results published",
}
_REQUIRED = ("id", "name", "registry", "ages", "status", "as_of", "question", "sources")
_KNOWN = {*_REQUIRED, "aliases", "result"}
_QUESTION_LEVELS = (Level.FAMILY, Level.CLINIC)
# Words that look like the name of a trial in running text (checked against the trials file).
TRIAL_NAME_RE = re.compile(
    r"\b(?:UKALL ?\d{4}|ALLTogether ?\d|AALL\d{4}|NCT\d{8}|ISRCTN\d{8}|ELIANA|"
    r"EudraCT \d{4}-\d{6}-\d{2})\b")


@dataclass(frozen=True)
class Trial:
    """One clinical trial, with its status on a stated date and its result where published."""

    id: str
    name: str
    aliases: tuple[str, ...]
    registry: tuple[str, ...]
    ages: str
    status: str
    as_of: dt.date
    questions: Mapping[Level, str]
    results: Mapping[Level, str]
    sources: tuple[Source, ...]
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """Every way text may name this trial: name, aliases and registry numbers."""
        return (self.name, *self.aliases, *self.registry)

    @property
    def status_text(self) -> str:
        """The status in plain words."""
        return STATUSES[self.status]

    def question(self, level: Level) -> str:
        """What the trial asks, in words for ``level`` (the child level reads the family line)."""
        return self.questions.get(level) or self.questions[Level.FAMILY]

    def result(self, level: Level) -> str:
        """The published result in words for ``level``, or '' if none is published."""
        return self.results.get(level, "")


def _text(entry: dict, key: str, file: str, line: int) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError("must be non-empty text in quotes", file=file, line=line, field=key)
    return value.strip()


def _per_level(entry: dict, key: str, levels: tuple[Level, ...], file: str,
               line: int) -> dict[Level, str]:
    table = entry.get(key)
    if not isinstance(table, dict):
        raise ContentError(f"write one line per level as {key}.family = \"...\"", file=file,
                           line=line, field=key)
    found: dict[Level, str] = {}
    for level in levels:
        value = table.get(level.value)
        if not isinstance(value, str) or not value.strip():
            raise ContentError("missing or empty", file=file, line=line,
                               field=f"{key}.{level.value}")
        found[level] = value.strip()
    return found


def _parse_trial(entry: object, file: str, index: int, lines: SourceLines) -> Trial:
    line = lines.line_of(f"trial[{index}]")
    if not isinstance(entry, dict):
        raise ContentError("each entry must be a [[trial]] table", file=file, line=line)

    def at(key: str) -> int:
        return lines.line_of(f"trial[{index}].{key}", line)

    for key in _REQUIRED:
        if key not in entry:
            raise ContentError("this required field is missing", file=file, line=line, field=key)
    for key in entry:
        if key not in _KNOWN:
            raise ContentError(f"unknown field; known fields: {', '.join(sorted(_KNOWN))}",
                               file=file, line=at(key), field=key)
    trial_id = _text(entry, "id", file, at("id"))
    if not VALID_ID_RE.match(trial_id):
        raise ContentError("use lower-case letters, digits and hyphens only", file=file,
                           line=at("id"), field="id")
    status = _text(entry, "status", file, at("status"))
    if status not in STATUSES:
        raise ContentError(f"unknown status '{status}'; use one of: {', '.join(STATUSES)}",
                           file=file, line=at("status"), field="status")
    as_of = entry["as_of"]
    if isinstance(as_of, dt.datetime) or not isinstance(as_of, dt.date):
        raise ContentError("must be a date written YYYY-MM-DD, without quotes", file=file,
                           line=at("as_of"), field="as_of")
    results = _per_level(entry, "result", LEVELS, file, at("result")) if "result" in entry \
        else {}
    if status == "reported" and not results:
        raise ContentError("a reported trial needs its result at every level", file=file,
                           line=at("status"), field="result")
    registry = text_list(entry, "registry", file, at("registry"))
    if not registry:
        raise ContentError("give at least one registry number", file=file, line=at("registry"),
                           field="registry")
    return Trial(
        id=trial_id, name=_text(entry, "name", file, at("name")),
        aliases=text_list(entry, "aliases", file, at("aliases")), registry=registry,
        ages=_text(entry, "ages", file, at("ages")), status=status, as_of=as_of,
        questions=_per_level(entry, "question", _QUESTION_LEVELS, file, at("question")),
        results=results, sources=parse_sources(entry, file, at("sources")), line=line)


def parse_trials(text: str, file: str) -> tuple[Trial, ...]:
    """Parse and validate the trials file; raise ContentError naming the file and line."""
    entries, lines = table_array(text, file, "trial")
    trials: list[Trial] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        trial = _parse_trial(entry, file, index, lines)
        line = trial.line
        for key in (f"id {trial.id}", *(f"name {n.casefold()}" for n in trial.names)):
            if key in seen:
                raise ContentError(f"'{key.split(' ', 1)[1]}' is also used by the trial on "
                                   f"line {seen[key]}", file=file, line=line, field="id")
            seen[key] = line
        trials.append(trial)
    return tuple(trials)


def unknown_trial_names(text: str, trials: tuple[Trial, ...]) -> list[str]:
    """Names in ``text`` that look like trials but are not in the trials file."""
    known = {name.casefold().replace(" ", "") for trial in trials for name in trial.names}
    return [match.group(0) for match in TRIAL_NAME_RE.finditer(text)
            if match.group(0).casefold().replace(" ", "") not in known]
