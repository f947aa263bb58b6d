"""A search result as the reader sees it: where it is, its title, and the words around the match
with every match marked (pure Python: the dialog draws the HTML this returns)."""

from __future__ import annotations

import html
import re
import unicodedata

from allexplainer.palette import HIGHLIGHT, LINK

_SEPARATORS = set(" \t\n-\u2010\u2013\u2014/")


def _fold_char(char: str) -> str:
    """One character as search compares it: lower case, no accent, separators as a space."""
    if char in _SEPARATORS:
        return " "
    base = next((c for c in unicodedata.normalize("NFKD", char)
                 if not unicodedata.combining(c)), char)
    lowered = base.casefold()
    return lowered if len(lowered) == 1 else char.lower()


def _fold_same_length(text: str) -> str:
    """``text`` folded character by character, so a match's place is its place in ``text``."""
    return "".join(_fold_char(char) for char in text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with … if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit)
    return text[:space if space > 0 else limit].rstrip(",;:") + "…"


def _marked(text: str, query: str) -> str:
    """``text`` escaped for HTML, each case- and accent-insensitive match of ``query`` marked."""
    wanted = " ".join(_fold_same_length(query).split())
    if len(wanted) < 2:
        return html.escape(text)
    folded = _fold_same_length(text)
    parts, last = [], 0
    for match in re.finditer(re.escape(wanted), folded):
        parts.append(html.escape(text[last:match.start()]))
        parts.append(f"<span style='background:{HIGHLIGHT}'>"
                     f"{html.escape(text[match.start():match.end()])}</span>")
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def result_html(where: str, title: str, snippet: str, query: str) -> str:
    """One result: a small "where" line, the title in bold link colour, then the snippet."""
    return (f"<div style='margin-bottom:2px'><small>{html.escape(where)}</small></div>"
            f"<div><b style='color:{LINK}'>{_marked(title, query)}</b></div>"
            f"<div>{_marked(snippet, query)}</div>")
