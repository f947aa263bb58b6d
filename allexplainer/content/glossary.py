"""The glossary: terms with a definition per reading level, loaded from TOML and validated."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from allexplainer.content.errors import ContentError
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.links import VALID_ID_RE, iter_links
from allexplainer.content.toml_lines import SourceLines, table_array

_REQUIRED = ("id", "term", *(level.value for level in LEVELS))
_KNOWN = {*_REQUIRED, "synonyms", "pronunciation", "related"}


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    term: str
    definitions: Mapping[Level, str]
    synonyms: tuple[str, ...] = ()
    pronunciation: str = ""
    related: tuple[str, ...] = ()
    line: int = 0

    def definition(self, level: Level) -> str:
        """Return the definition written for ``level``."""
        return self.definitions[level]

    @property
    def names(self) -> tuple[str, ...]:
        """The term and all its synonyms."""
        return (self.term, *self.synonyms)


def text_list(entry: dict, key: str, file: str, line: int) -> tuple[str, ...]:
    """A list of non-empty texts from a TOML table (empty if absent); ContentError if not."""
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError("must be a list of non-empty texts in quotes", file=file, line=line,
                           field=key)
    return tuple(v.strip() for v in value)


def _parse_term(entry: object, file: str, index: int, lines: SourceLines) -> Term:
    line = lines.line_of(f"term[{index}]")
    if not isinstance(entry, dict):
        raise ContentError("each entry must be a [[term]] table", file=file, line=line)

    def at(key: str) -> int:
        return lines.line_of(f"term[{index}].{key}", line)

    for key in _REQUIRED:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ContentError("this field is missing or empty", file=file, line=at(key), field=key)
    for key in entry:
        if key not in _KNOWN:
            raise ContentError(f"unknown field; known fields: {', '.join(sorted(_KNOWN))}",
                               file=file, line=at(key), field=key)
    term_id = entry["id"].strip()
    if not VALID_ID_RE.match(term_id):
        raise ContentError("use lower-case letters, digits and hyphens only", file=file,
                           line=at("id"), field="id")
    pronunciation = entry.get("pronunciation", "")
    if not isinstance(pronunciation, str):
        raise ContentError("must be text in quotes", file=file, line=at("pronunciation"),
                           field="pronunciation")
    return Term(
        id=term_id,
        term=entry["term"].strip(),
        definitions={level: entry[level.value].strip() for level in LEVELS},
        synonyms=text_list(entry, "synonyms", file, at("synonyms")),
        pronunciation=pronunciation.strip(),
        related=text_list(entry, "related", file, at("related")),
        line=line,
    )


def parse_glossary(text: str, file: str) -> tuple[Term, ...]:
    """Parse and validate the glossary file; raise ContentError naming the file and line."""
    entries, lines = table_array(text, file, "term")
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        term = _parse_term(entry, file, index, lines)
        if term.id in seen:
            raise ContentError(f"id '{term.id}' is used twice (first on line {seen[term.id]})",
                               file=file, line=term.line, field="id")
        seen[term.id] = term.line
        terms.append(term)
    for term in terms:
        for related in term.related:
            if related not in seen:
                raise ContentError(f"'{related}' is not a term id", file=file, line=term.line,
                                   field="related")
        for level in LEVELS:
            for link in iter_links(term.definition(level)):
                if link.term_id not in seen:
                    raise ContentError(f"link to unknown glossary term '{link.term_id}'",
                                       file=file, line=term.line, field=level.value)
    return tuple(terms)


def _is_case_sensitive(name: str) -> bool:
    """Names with a capital after the first letter (ALL, CD19, mAb) must match their exact case."""
    return any(char.isupper() for char in name[1:])


def _flat(words: str) -> str:
    """Write spaces and hyphens one way, so "T-cell" and "T cell" compare equal."""
    return re.sub(r"[\s-]+", " ", words.strip())


class TermMatcher:
    """Finds which glossary terms plain text mentions: longest name first, plurals included."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for term in terms:
            for name in term.names:
                if _is_case_sensitive(name):
                    self._exact.setdefault(_flat(name), term.id)
                else:
                    self._folded.setdefault(_flat(name).lower(), term.id)
        names = sorted([*self._exact, *self._folded], key=len, reverse=True)
        parts = []
        for name in names:
            escaped = r"[\s-]+".join(re.escape(word) for word in name.split(" "))
            parts.append(escaped if name in self._exact else f"(?i:{escaped})")
        body = "|".join(parts) or r"(?!)"
        self._pattern = re.compile(r"(?<!\w)(" + body + r")(?:e?s)?(?!\w)")

    def term_ids(self, text: str) -> set[str]:
        """Return the ids of the glossary terms named anywhere in ``text``."""
        found: set[str] = set()
        for match in self._pattern.finditer(text):
            words = _flat(match.group(1))
            term_id = self._exact.get(words) or self._folded.get(words.lower())
            if term_id:
                found.add(term_id)
        return found
