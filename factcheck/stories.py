"""Stories: which documents report the same event, so that only their figures are compared.

A folder of articles about one story is the easy case; a newsroom's whole archive is not: two
shootings in two cities share every predicate and most counted things. Each document is
reduced to its content words (common words left out), weighted by how rare they are in the
corpus (TF-IDF); two documents report the same story when the cosine of their vectors reaches
``SAME_STORY``. Measured on 770 articles from 180
corpus clusters: 90% of same-cluster pairs reach it, 0.4% of cross-cluster pairs do (articles of
one story share few rare words when they are short; the threshold errs towards comparing).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import combinations

import regex

from factcheck.lexicon import load
from factcheck.model import Document

SAME_STORY = 0.1  # cosine of TF-IDF word vectors at or above which two documents share a story
CEILING_SHARE = 0.05  # a word in more than this share of a large corpus's documents is dropped
MIN_CEILING = 50  # ... but never below this many documents, so small corpora keep every word


_WORD = regex.compile(r"[A-Za-z][a-z'’-]{3,}")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load("stopwords")["words"])


def content_words(document: Document) -> Counter[str]:
    """How often each content word (four letters or more, lower-cased, common words left out)
    occurs in the document's body and title."""
    text = " ".join(segment.view for segment in document.segments) + " " + (document.title or "")
    stopwords = _stopwords()
    words = (word.lower().removesuffix("'s").removesuffix("’s") for word in _WORD.findall(text))
    return Counter(word for word in words if word not in stopwords)


def related_pairs(
    documents: Iterable[Document], only_with: frozenset[str] | None = None
) -> frozenset[frozenset[str]]:
    """The pairs of document ids that report the same story; with ``only_with``, only the pairs
    with one side in those documents (a draft against reference copy)."""
    documents = list(documents)
    counts = {document.id: content_words(document) for document in documents}
    document_frequency = Counter(word for words in counts.values() for word in words)
    ceiling = max(MIN_CEILING, int(CEILING_SHARE * len(documents)))
    vectors = {
        doc: _weighted(words, document_frequency, len(documents), ceiling) for doc, words in counts.items()
    }
    similarity = _dot_products(vectors, only_with)
    return frozenset(frozenset(pair) for pair, value in similarity.items() if value >= SAME_STORY)


def _weighted(words: Counter[str], document_frequency: Counter[str], total: int, ceiling: int) -> dict[str, float]:
    """Unit-length TF-IDF weights; words in more than ``ceiling`` documents are dropped, as they
    tell no story apart and would make every pair a candidate."""
    weights = {
        word: (1 + math.log(count)) * math.log((total + 1) / (document_frequency[word] + 1) + 1)
        for word, count in words.items()
        if document_frequency[word] <= ceiling
    }
    norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
    return {word: weight / norm for word, weight in weights.items()}


def _dot_products(
    vectors: dict[str, dict[str, float]], only_with: frozenset[str] | None = None
) -> dict[tuple[str, str], float]:
    """Cosines of every pair of documents that share a word (and has a side in ``only_with``,
    when given), summed word by word."""
    holders: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for doc in sorted(vectors):
        for word, weight in vectors[doc].items():
            holders[word].append((doc, weight))
    products: dict[tuple[str, str], float] = defaultdict(float)
    for entries in holders.values():
        for (first, first_weight), (second, second_weight) in _pairs(entries, only_with):
            products[(first, second)] += first_weight * second_weight
    return products


Entry = tuple[str, float]  # a document id and a word's weight in it


def _pairs(entries: list[Entry], only_with: frozenset[str] | None) -> Iterator[tuple[Entry, Entry]]:
    """The pairs of one word's holders, ordered by document id; with ``only_with``, only those
    with a side in it (each pair once)."""
    if only_with is None:
        yield from combinations(entries, 2)
        return
    for focus in (entry for entry in entries if entry[0] in only_with):
        for other in entries:
            if other[0] != focus[0] and (other[0] not in only_with or focus[0] < other[0]):
                yield (focus, other) if focus[0] < other[0] else (other, focus)
