"""The one glossary-link syntax used in every text: ``[shown words](glossary:term-id)``."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

GLOSSARY_SCHEME = "glossary"
# [words](glossary:term-id); the id is lower-case letters, digits and hyphens.
LINK_RE = re.compile(r"\[(?P<text>[^\[\]\n]+)\]\(glossary:(?P<id>[^)\s]*)\)")
VALID_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Any other Markdown link, so that plain text keeps only the words.
_ANY_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\([^)\s]*\)")


@dataclass(frozen=True)
class GlossaryLink:
    """One glossary link found in a text."""

    text: str
    term_id: str
    line: int  # 1-based, counted within the text searched
    start: int
    end: int


def iter_links(text: str, first_line: int = 1) -> Iterator[GlossaryLink]:
    """Yield every glossary link in ``text``; lines count from ``first_line``."""
    for match in LINK_RE.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        yield GlossaryLink(match["text"], match["id"], line, match.start(), match.end())


def linked_ids(text: str) -> set[str]:
    """Return the term ids linked anywhere in ``text``."""
    return {link.term_id for link in iter_links(text)}


def strip_links(text: str) -> str:
    """Return ``text`` with every Markdown link replaced by its shown words."""
    return _ANY_LINK_RE.sub(r"\1", text)


def links_to_html(text: str) -> str:
    """Escape ``text`` for rich-text labels, turning glossary links into anchors."""
    parts: list[str] = []
    last = 0
    for match in LINK_RE.finditer(text):
        parts.append(html.escape(text[last:match.start()]))
        parts.append(f'<a href="{GLOSSARY_SCHEME}:{html.escape(match["id"])}">'
                     f'{html.escape(match["text"])}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def term_id_from_url(url: str) -> str | None:
    """Return the term id of a ``glossary:`` URL, or None for any other URL."""
    scheme, sep, rest = url.partition(":")
    if sep and scheme == GLOSSARY_SCHEME and VALID_ID_RE.match(rest):
        return rest
    return None
