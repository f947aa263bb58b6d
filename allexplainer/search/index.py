"""Search everything the app says: topic texts at the reader's level, and the glossary."""

from __future__ import annotations

from bisect import bisect_right
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


@dataclass(frozen=True)
class _TopicText:
    topic_id: str
    title: str
    folded_title: str
    plain: str       # the text as shown, on one line
    folded: str      # ``plain`` folded for matching
    casefolded: str  # ``plain`` case-folded, to find the words as written


class SearchIndex:
    """Everything ``search`` needs, prepared once per content load and level.

    Typing then only folds the query and scans prepared strings: no Markdown is stripped and
    no glossary index is built per keystroke.
    """

    def __init__(self, library: Library, level: Level) -> None:
        self.library = library
        self.level = Level(level)
        self._topics = []
        for topic in library.good_topics:
            plain = " ".join(markdown_to_plain(topic.body(self.level)).split())
            self._topics.append(_TopicText(topic.id, topic.title, fold(topic.title), plain,
                                           fold(plain), plain.casefold()))
        # every folded text (and title) in one string, to find the topics a phrase is in at
        # C speed; ``_starts`` is where each topic's text begins
        self._starts: list[int] = []
        position = 0
        for text in self._topics:
            self._starts.append(position)
            position += len(text.folded) + 1
        self._texts = "\x00".join(text.folded for text in self._topics)
        self._titles = "\x00".join(text.folded_title for text in self._topics)
        self._glossary = GlossaryIndex(library.terms)
        # another name for a term (folded) -> the usual names it stands for
        self._synonyms: dict[str, list[str]] = {}
        for term in library.terms:
            for name in {fold(name) for name in term.synonyms}:
                self._synonyms.setdefault(name, []).append(term.term)
        self._definitions: dict[str, str] = {}  # term id -> its snippet, made on first use

    def _definition(self, term) -> str:
        snippet = self._definitions.get(term.id)
        if snippet is None:
            snippet = shorten(markdown_to_plain(term.definition(self.level)), 120)
            self._definitions[term.id] = snippet
        return snippet

    def _topics_with(self, wanted: str, folded_phrases: list[str]) -> list[int]:
        """The topics (by number, in order) whose text holds a phrase or whose title holds
        ``wanted``: a superset of the topics that match."""
        found: set[int] = set()
        for phrase in folded_phrases:
            at = self._texts.find(phrase)
            while at >= 0:
                number = bisect_right(self._starts, at) - 1
                found.add(number)
                if number + 1 >= len(self._starts):
                    break
                at = self._texts.find(phrase, self._starts[number + 1])
        if wanted in self._titles:
            found.update(number for number, text in enumerate(self._topics)
                         if wanted in text.folded_title)
        return sorted(found)

    def search(self, query: str) -> list[SearchHit]:
        """Topic titles and texts containing ``query``, then matching glossary terms."""
        wanted = fold(query)
        if len(wanted) < 2:
            return []
        hits: list[SearchHit] = []
        # Another name for a glossary term ("leukemia", "Kymriah") finds the topics by its
        # usual name.
        phrases = [" ".join(query.split()), *self._synonyms.get(wanted, ())]
        folded_phrases = [(phrase, fold(phrase)) for phrase in phrases]
        for number in self._topics_with(wanted, [folded for _, folded in folded_phrases]):
            text = self._topics[number]
            phrase = next((p for p, folded in folded_phrases if folded in text.folded), None)
            if phrase is None and wanted not in text.folded_title:
                continue
            # Highlight the words as written when only case differs; otherwise just open it.
            start = text.casefolded.find(phrase.casefold()) if phrase else -1
            found = text.plain[start:start + len(phrase)] if start >= 0 else ""
            snippet = _snippet(text.plain, max(start, 0), len(found))
            hits.append(SearchHit("topic", text.topic_id, text.title, snippet, found))
            if len(hits) >= MAX_RESULTS:
                return hits
        for term in self._glossary.search(query)[:MAX_RESULTS - len(hits)]:
            hits.append(SearchHit("glossary", term.id, term.term, self._definition(term)))
        return hits[:MAX_RESULTS]


def search(library: Library, query: str, level: Level) -> list[SearchHit]:
    """Topic titles and texts (at ``level``) containing ``query``, then matching glossary terms.

    Builds an index for this one search; a search box keeps a ``SearchIndex`` instead.
    """
    return SearchIndex(library, level).search(query)
