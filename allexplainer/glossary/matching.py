"""Search the glossary as you type: ignores case and accents, forgives a small typo."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from allexplainer.content.glossary import Term
from allexplainer.content.levels import LEVELS
from allexplainer.content.links import strip_links

# Ranks, best first: how a term matched the query.
EXACT, PREFIX, WORD_PREFIX, INSIDE_NAME, IN_DEFINITION, SIMILAR = range(6)
SIMILARITY_THRESHOLD = 0.75
MIN_FUZZY_LENGTH = 4


def fold(text: str) -> str:
    """Lower-case, accent-free, with hyphens and runs of spaces written as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\s\-‐–—/]+", " ", plain.casefold()).strip()


def _bigram_list(text: str) -> tuple[str, ...]:
    return tuple(text[i:i + 2] for i in range(len(text) - 1))


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(_bigram_list(text))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice similarity of two bigram sets: 1.0 for the same word, near 0 for unrelated ones."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass(frozen=True)
class _Entry:
    term: Term
    names: tuple[str, ...]
    words: tuple[str, ...]
    definitions: str
    # each name and word: its length and its bigrams in order (a prefix's are a slice)
    grams: tuple[tuple[int, tuple[str, ...]], ...]
    sort_key: str
    # the names and the words, each after a \x00, to test them all with one ``in``
    names_text: str = ""
    words_text: str = ""


class GlossaryIndex:
    """A prepared index of terms; ``search`` returns terms best match first."""

    def __init__(self, terms: Iterable[Term]) -> None:
        entries = []
        for term in terms:
            names = tuple(fold(name) for name in term.names)
            words = tuple({word for name in names for word in name.split(" ") if word})
            definitions = fold(" ".join(strip_links(term.definition(level)) for level in LEVELS))
            # whole names first: a typo of the term itself beats a typo of one word of a synonym
            grams = tuple((len(text), _bigram_list(text)) for text in dict.fromkeys(
                [*names, *(word for word in words if word not in names)]))
            entries.append(_Entry(term, names, words, definitions, grams, fold(term.term),
                                  "".join(f"\x00{name}" for name in names) + "\x00",
                                  "".join(f"\x00{word}" for word in words)))
        self._entries = sorted(entries, key=lambda entry: entry.sort_key)
        # What a search scans first, so that only entries that can match are ranked: every
        # entry's names and definitions in one string (found with str.find), and which entries
        # have each bigram of a name or word (a near-miss must share most of the query's).
        texts = ["\x00".join((*entry.names, entry.definitions)) for entry in self._entries]
        self._starts: list[int] = []
        position = 0
        for text in texts:
            self._starts.append(position)
            position += len(text) + 1
        self._haystack = "\x01".join(texts)
        self._by_gram: dict[str, list[int]] = {}
        for number, entry in enumerate(self._entries):
            for gram in {gram for _, grams in entry.grams for gram in grams}:
                self._by_gram.setdefault(gram, []).append(number)

    def __len__(self) -> int:
        return len(self._entries)

    def all_terms(self) -> list[Term]:
        """Every term, A to Z."""
        return [entry.term for entry in self._entries]

    def search(self, query: str) -> list[Term]:
        """Terms matching ``query`` (names, synonyms, definitions, near-misses), best first."""
        wanted = fold(query)
        if not wanted:
            return self.all_terms()
        wanted_grams = _bigrams(wanted)
        ranked: list[tuple[int, float, str, Term]] = []
        for number in self._candidates(wanted, wanted_grams):
            entry = self._entries[number]
            rank, closeness = self._rank(entry, wanted, wanted_grams)
            if rank is not None:
                ranked.append((rank, -closeness, entry.sort_key, entry.term))
        ranked.sort(key=lambda item: item[:3])
        return [item[3] for item in ranked]

    def _candidates(self, wanted: str, wanted_grams: frozenset[str]) -> list[int]:
        """The entries that could match ``wanted``, in order; a superset of those that do."""
        found: set[int] = set()
        haystack, starts = self._haystack, self._starts
        at = haystack.find(wanted)
        while at >= 0:
            number = bisect_right(starts, at) - 1
            found.add(number)
            if number + 1 >= len(starts):
                break
            at = haystack.find(wanted, starts[number + 1])
        if len(wanted) >= MIN_FUZZY_LENGTH and wanted_grams:
            # Dice >= 0.75 with a name's bigrams B needs |A & B| >= 0.6 |A| (as |A & B| <= |B|)
            counts = Counter(number for gram in wanted_grams
                             for number in self._by_gram.get(gram, ()))
            needed = 0.6 * len(wanted_grams) - 1e-9
            found.update(number for number, count in counts.items() if count >= needed)
        return sorted(found)

    @staticmethod
    def _rank(entry: _Entry, wanted: str, wanted_grams: frozenset[str]) -> tuple[int | None, float]:
        # a folded query holds no \x00, so these are the tests name by name and word by word
        if f"\x00{wanted}\x00" in entry.names_text:
            return EXACT, 1.0
        if f"\x00{wanted}" in entry.names_text:
            return PREFIX, 1.0
        if f"\x00{wanted}" in entry.words_text:
            return WORD_PREFIX, 1.0
        if wanted in entry.names_text:
            return INSIDE_NAME, 1.0
        if wanted in entry.definitions:
            return IN_DEFINITION, 1.0
        if len(wanted) >= MIN_FUZZY_LENGTH:
            closeness = _closeness(wanted, wanted_grams, entry.grams)
            if closeness >= SIMILARITY_THRESHOLD:
                return SIMILAR, closeness
        return None, 0.0


def _closeness(wanted: str, wanted_grams: frozenset[str],
               names: tuple[tuple[int, tuple[str, ...]], ...]) -> float:
    """How close the nearest name is: one of about the same length, or the start of a longer one.

    Whole names come first in ``names`` and win ties, so a typo of the term itself ranks first.
    """
    size = len(wanted)
    best = 0.0
    for position, (length, grams) in enumerate(names):
        if length > size + 2:
            candidate = frozenset(grams[:size - 1])        # the name's first ``size`` letters
        elif abs(length - size) <= 2:
            candidate = frozenset(grams)
        else:
            continue
        score = similarity(wanted_grams, candidate) - position * 1e-6
        best = max(best, score)
    return best
