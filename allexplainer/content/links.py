"""The link syntax used in every text: ``[shown words](glossary:term-id)`` for a glossary word
and ``[shown words](trial:trial-id)`` for a clinical trial in the trials file."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# From a link's id to the text of its tooltip (None when there is nothing to say).
TooltipLookup = Callable[[str], str | None]

GLOSSARY_SCHEME = "glossary"
TRIAL_SCHEME = "trial"


def _link_re(scheme: str) -> re.Pattern[str]:
    """``[words](scheme:id)``; the id is lower-case letters, digits and hyphens."""
    return re.compile(rf"\[(?P<text>[^\[\]\n]+)\]\((?P<scheme>{scheme}):(?P<id>[^)\s]*)\)")


LINK_RE = _link_re(GLOSSARY_SCHEME)
TRIAL_LINK_RE = _link_re(TRIAL_SCHEME)
_APP_LINK_RE = _link_re(f"{GLOSSARY_SCHEME}|{TRIAL_SCHEME}")
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


def iter_trial_links(text: str, first_line: int = 1) -> Iterator[GlossaryLink]:
    """Yield every trial link in ``text`` (``term_id`` holds the trial id)."""
    for match in TRIAL_LINK_RE.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        yield GlossaryLink(match["text"], match["id"], line, match.start(), match.end())


def linked_trial_ids(text: str) -> list[str]:
    """The trial ids linked in ``text``, in order of first mention."""
    return list(dict.fromkeys(link.term_id for link in iter_trial_links(text)))


def linked_ids(text: str) -> set[str]:
    """Return the term ids linked anywhere in ``text``."""
    return {link.term_id for link in iter_links(text)}


def strip_links(text: str) -> str:
    """Return ``text`` with every Markdown link replaced by its shown words."""
    return _ANY_LINK_RE.sub(r"\1", text)


def links_to_html(text: str) -> str:
    """Escape ``text`` for rich-text labels, turning glossary and trial links into anchors."""
    parts: list[str] = []
    last = 0
    for match in _APP_LINK_RE.finditer(text):
        parts.append(html.escape(text[last:match.start()]))
        parts.append(f'<a href="{match["scheme"]}:{html.escape(match["id"])}">'
                     f'{html.escape(match["text"])}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def term_id_from_url(url: str) -> str | None:
    """Return the term id of a ``glossary:`` URL, or None for any other URL."""
    return _id_from_url(url, GLOSSARY_SCHEME)


def trial_id_from_url(url: str) -> str | None:
    """Return the trial id of a ``trial:`` URL, or None for any other URL."""
    return _id_from_url(url, TRIAL_SCHEME)


def _id_from_url(url: str, wanted: str) -> str | None:
    scheme, sep, rest = url.partition(":")
    if sep and scheme == wanted and VALID_ID_RE.match(rest):
        return rest
    return None
