"""Search everything the app says: topic texts at the reader's level, and the glossary."""

from __future__ import annotations

from dataclasses import dataclass

from allexplainer.content.checks import markdown_to_plain
from allexplainer.content.levels import Level
from allexplainer.content.library import Library
from allexplainer.glossary.matching import GlossaryIndex, fold
from allexplainer.search.highlight import shorten

SNIPPET_WIDTH = 70
MAX_RESULTS = 50


@dataclass(frozen=True)
class SearchHit:
    """One place that matches: a topic (with the words around the match) or a glossary term."""

    kind: str            # "topic" or "glossary"
    target_id: str       # topic id or term id
    title: str
    snippet: str
    found_text: str = ""  # the words as written in the text, to highlight when opened


def _snippet(plain: str, start: int, length: int) -> str:
    """The words around a match, cut at word boundaries, with … where text was left out."""
    left = max(0, start - SNIPPET_WIDTH // 2)
    right = min(len(plain), start + length + SNIPPET_WIDTH)
    if left > 0:
        space = plain.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(plain):
        space = plain.rfind(" ", start + length, right)
        right = space if space >= 0 else right
    text = " ".join(plain[left:right].split())
    return ("…" if left else "") + text + ("…" if right < len(plain) else "")


def search(library: Library, query: str, level: Level) -> list[SearchHit]:
    """Topic titles and texts (at ``level``) containing ``query``, then matching glossary terms."""
    wanted = fold(query)
    if len(wanted) < 2:
        return []
    hits: list[SearchHit] = []
    # Another name for a glossary term ("leukemia", "Kymriah") finds the topics by its usual name.
    phrases = [" ".join(query.split())] + [term.term for term in library.terms
                                           if wanted in {fold(name) for name in term.synonyms}]
    for topic in library.good_topics:
        plain = " ".join(markdown_to_plain(topic.body(level)).split())
        folded = fold(plain)
        phrase = next((p for p in phrases if fold(p) in folded), None)
        if phrase is None and wanted not in fold(topic.title):
            continue
        # Highlight the words as written when only case differs; otherwise just open the topic.
        start = plain.casefold().find(phrase.casefold()) if phrase else -1
        found = plain[start:start + len(phrase)] if start >= 0 else ""
        snippet = _snippet(plain, max(start, 0), len(found))
        hits.append(SearchHit("topic", topic.id, topic.title, snippet, found))
    for term in GlossaryIndex(library.terms).search(query)[:MAX_RESULTS]:
        hits.append(SearchHit("glossary", term.id, term.term,
                              shorten(markdown_to_plain(term.definition(level)), 120)))
    return hits[:MAX_RESULTS]

