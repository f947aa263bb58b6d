"""The search index gives exactly what searching from scratch gave: same hits, same words to
highlight, same glossary order; it is built once per content and level, not per keystroke."""

from __future__ import annotations

import pytest

from allexplainer.content.checks import markdown_to_plain
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.links import strip_links
from allexplainer.glossary.matching import (
    EXACT,
    IN_DEFINITION,
    INSIDE_NAME,
    MIN_FUZZY_LENGTH,
    PREFIX,
    SIMILAR,
    SIMILARITY_THRESHOLD,
    WORD_PREFIX,
    GlossaryIndex,
    _bigrams,
    _closeness,
    fold,
)
from allexplainer.resources import load_content
from allexplainer.search.highlight import shorten
from allexplainer.search.index import MAX_RESULTS, SearchHit, SearchIndex, _snippet, search
from benchmarks.search import copied, keystrokes

QUERIES = [*keystrokes(), "Kymriah", "leukemia", "LEUKAPHERESIS", "pump", "super cells",
           "lymfocyte", "chemotherpy", "café", "car-t", "x", "", "  cd  19 ", "blinatumumab"]


def reference_glossary(terms, query: str):
    """The glossary search as it was before the prefilter: every term ranked, one by one."""
    wanted = fold(query)
    entries = []
    for term in terms:
        names = tuple(fold(name) for name in term.names)
        words = tuple({word for name in names for word in name.split(" ") if word})
        definitions = fold(" ".join(strip_links(term.definition(level)) for level in LEVELS))
        grams = tuple((len(text), tuple(text[i:i + 2] for i in range(len(text) - 1)))
                      for text in dict.fromkeys([*names, *(w for w in words if w not in names)]))
        entries.append((term, names, words, definitions, grams, fold(term.term)))
    entries.sort(key=lambda entry: entry[5])
    if not wanted:
        return [entry[0] for entry in entries]
    wanted_grams = _bigrams(wanted)
    ranked = []
    for term, names, words, definitions, grams, key in entries:
        rank, closeness = None, 0.0
        if wanted in names:
            rank = EXACT
        elif any(name.startswith(wanted) for name in names):
            rank = PREFIX
        elif any(word.startswith(wanted) for word in words):
            rank = WORD_PREFIX
        elif any(wanted in name for name in names):
            rank = INSIDE_NAME
        elif wanted in definitions:
            rank = IN_DEFINITION
        elif len(wanted) >= MIN_FUZZY_LENGTH:
            closeness = _closeness(wanted, wanted_grams, grams)
            rank = SIMILAR if closeness >= SIMILARITY_THRESHOLD else None
        if rank is not None:
            ranked.append((rank, -closeness if rank == SIMILAR else -1.0, key, term))
    ranked.sort(key=lambda item: item[:3])
    return [item[3] for item in ranked]


def reference_search(library, query: str, level: Level) -> list[SearchHit]:
    """Ctrl+F as it was before the index: everything stripped and folded again per key."""
    wanted = fold(query)
    if len(wanted) < 2:
        return []
    hits = []
    phrases = [" ".join(query.split())] + [term.term for term in library.terms
                                           if wanted in {fold(name) for name in term.synonyms}]
    for topic in library.good_topics:
        plain = " ".join(markdown_to_plain(topic.body(level)).split())
        folded = fold(plain)
        phrase = next((p for p in phrases if fold(p) in folded), None)
        if phrase is None and wanted not in fold(topic.title):
            continue
        start = plain.casefold().find(phrase.casefold()) if phrase else -1
        found = plain[start:start + len(phrase)] if start >= 0 else ""
        hits.append(SearchHit("topic", topic.id, topic.title,
                              _snippet(plain, max(start, 0), len(found)), found))
    for term in reference_glossary(library.terms, query)[:MAX_RESULTS]:
        hits.append(SearchHit("glossary", term.id, term.term,
                              shorten(markdown_to_plain(term.definition(level)), 120)))
    return hits[:MAX_RESULTS]


@pytest.fixture(scope="module")
def library():
    return load_content()


@pytest.mark.parametrize("level", list(LEVELS))
def test_every_keystroke_finds_what_searching_from_scratch_found(library, level):
    index = SearchIndex(library, level)
    for query in QUERIES:
        assert index.search(query) == reference_search(library, query, level), query


def test_ten_times_the_content_still_finds_the_same(library):
    bigger = copied(library, 10)
    index = SearchIndex(bigger, Level.FAMILY)
    for query in QUERIES[::6]:
        assert index.search(query) == reference_search(bigger, query, Level.FAMILY), query


def test_the_glossary_ranks_terms_as_before(library):
    glossary = GlossaryIndex(library.terms)
    for query in [*QUERIES, "a", "c", "leuk", "lymph node", "marow"]:
        assert glossary.search(query) == reference_glossary(library.terms, query), query


def test_the_search_function_matches_the_index(library):
    assert search(library, "Kymriah", Level.FAMILY) == \
        SearchIndex(library, Level.FAMILY).search("Kymriah")


def test_the_dialog_builds_its_index_once_per_level(qtbot, tmp_path):
    from tests.helpers import open_main_window

    window = open_main_window(qtbot, tmp_path)
    dialog = window.search_dialog
    dialog.open_search()
    first = dialog.search_index()
    qtbot.keyClicks(dialog.box, "leuk")
    assert dialog.search_index() is first
    window.state.set_level(Level.CHILD)
    assert dialog.search_index() is not first
    assert dialog.search_index().level == Level.CHILD
