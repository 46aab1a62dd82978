"""Story links kept from one run to the next: a run where a few articles changed recomputes only
what those changes reach, and its links are exactly those of a run from nothing.

``stories.related_pairs`` weighs every term by its rarity in the whole corpus, and sets aside
lines repeated across documents as furniture, so one changed article can change other
documents' vectors. The index keeps what is needed to follow that reach:

- per document (by its position among the sorted ids): its content key (id and file digest),
  date, whether it is a round-up, the hashes of its lines, and its vector's norm;
- which line hashes are furniture;
- for every term held by at most ``cover`` documents, its holders and the term's count in
  each (its rarity follows from how many they are); the terms held by more are only listed.
  A changed document's term can move a document frequency by one, so after a run that changed
  k documents the holders are known exactly for terms in at most ``cover - k`` documents: when
  that falls below ``MAX_DF`` (the rarest terms that weigh), the index is built again;
- the compared pairs (cosine at least ``least_cosine``, no round-up), cosine and evidence;
- which documents name which dates (``refers_to``), as asked so far.

A run with the same ids in which some documents' keys changed (set C):
1. lines: each line of C's old or new version is furniture or not afresh; the holders of a line
   that flips get other terms (set F);
2. terms: the documents of C and F are read again, the holders and counts updated; every term
   whose document frequency moved changes its rarity, so its holders' vectors change too (A);
3. every pair with a side in A is compared again over the index; the rest are kept.
The sums of a pair run over the shared terms in sorted order (``stories._weighted``), so the
cosines are bit for bit those of a full run. A change of the ids (an article added, removed or
renamed: every rarity moves with the corpus size) builds the index again.
"""
from __future__ import annotations

import array
import bisect
import datetime as dt
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from factcheck import stories
from factcheck.model import Document
from factcheck.stories import (
    Compared, _date, _furniture, _line_keys, _terms, is_roundup, least_cosine, linked, refers_by_id,
    term_rarity, term_weight, unit_vector,
)

COVER_TIMES = 2  # a full build knows the holders of every term in that many times stories.MAX_DF documents
LINE_HASH_BYTES = 12
SECTIONS = ("roundups", "lines", "line_counts", "furniture", "terms", "term_sizes", "positions", "counts", "common",
            "norms", "pairs", "cosines", "evidence")  # the index's bytes after its head, in this order


def line_hash(line: str) -> bytes:
    """A normalised line as the index keeps it: 12 bytes, however long the line."""
    return hashlib.blake2b(line.encode(), digest_size=LINE_HASH_BYTES).digest()


def _raw(kind: str, values: Iterable[float]) -> bytes:
    """Numbers as their little-endian machine values (``array`` type codes)."""
    packed = array.array(kind, values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _numbers(kind: str, data: bytes) -> array.array:
    packed = array.array(kind)
    packed.frombytes(data)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _aligned(data: bytes, needle: bytes, size: int) -> Iterator[int]:
    """Where ``needle`` starts in ``data`` at a multiple of ``size``, in units of ``size``
    (``data`` a run of items that long: a hit elsewhere spans two items)."""
    at = data.find(needle)
    while at >= 0:
        aligned = at % size == 0
        if aligned:
            yield at // size
        at = data.find(needle, at + (size if aligned else 1))


def _places(numbers: array.array, wanted: set[int]) -> list[int]:
    """The indices of ``numbers`` that hold one of the ``wanted`` values, ascending: each value
    found in the array's bytes (a loop over the million holders of 10,000 articles, for the
    few documents a run changed, was a tenth of its story links)."""
    data, size = numbers.tobytes(), numbers.itemsize
    return sorted(at for value in wanted for at in _aligned(data, array.array(numbers.typecode, [value]).tobytes(), size))


class LineHashes(Sequence[list[bytes]]):
    """Each document's line hashes, by position. Read back from the stored index, they stay
    the one run of bytes they were stored as, a document's list made when asked, and the
    holders of a line are found by searching the bytes: a run with one article changed asks
    for a few of 10,000 documents' (making all 120,000 hashes was a third of reading the index
    and of writing it back)."""

    def __init__(self, hashes: bytes, counts: Sequence[int]) -> None:
        self._hashes = hashes
        self._starts = array.array("q", accumulate(counts, initial=0))  # in hashes
        if self._starts[-1] * LINE_HASH_BYTES != len(hashes):
            raise ValueError("the line hashes do not add up to their counts")
        self._set: dict[int, list[bytes]] = {}  # the documents given new hashes

    @classmethod
    def of(cls, lines: Sequence[Sequence[bytes]]) -> LineHashes:
        return cls(b"".join(line for hashes in lines for line in hashes), [len(hashes) for hashes in lines])

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, position: Any) -> Any:
        if isinstance(position, slice):
            return [self[p] for p in range(len(self))[position]]
        position = range(len(self))[position]
        if position in self._set:
            return self._set[position]
        start, end = self._starts[position] * LINE_HASH_BYTES, self._starts[position + 1] * LINE_HASH_BYTES
        return [self._hashes[k:k + LINE_HASH_BYTES] for k in range(start, end, LINE_HASH_BYTES)]

    def __setitem__(self, position: int, hashes: Sequence[bytes]) -> None:
        self._set[range(len(self))[position]] = list(hashes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def holders(self, lines: set[bytes]) -> dict[bytes, set[int]]:
        """line -> the positions of the documents holding it, for these lines."""
        found: dict[bytes, set[int]] = defaultdict(set)
        for position, hashes in self._set.items():
            for line in hashes:
                if line in lines:
                    found[line].add(position)
        for line in lines:
            for at in _aligned(self._hashes, line, LINE_HASH_BYTES):
                position = bisect.bisect_right(self._starts, at) - 1
                if position not in self._set:
                    found[line].add(position)
        return found

    def packed(self) -> tuple[bytes, list[int]]:
        """Every hash one after the other, and each document's count: the stretches of the
        documents not given new hashes copied as they are."""
        pieces, done = [], 0  # the positions before ``done`` are written
        for position in sorted(self._set):
            pieces += [self._hashes[self._starts[done] * LINE_HASH_BYTES:self._starts[position] * LINE_HASH_BYTES],
                       b"".join(self._set[position])]
            done = position + 1
        pieces.append(self._hashes[self._starts[done] * LINE_HASH_BYTES:])
        counts = [len(self._set[p]) if p in self._set else self._starts[p + 1] - self._starts[p] for p in range(len(self))]
        return b"".join(pieces), counts


Held = tuple[list[int], list[int]]  # a term's holders: positions, and the term's count in each


class Holders(MutableMapping[str, Held]):
    """term -> (positions, counts), sorted by position. Read back from the stored index, the
    terms stay packed as they were stored (sorted, their holders in arrays), and a term's lists
    are made when it is first asked for: a run with one article changed touches a few hundred
    of some 120,000 terms at 10,000 articles, and making every term's lists was most of reading
    the index (0.6 s) and of writing it back."""

    def __init__(self, terms: list[str], sizes: array.array, positions: array.array, counts: array.array) -> None:
        self._terms = terms  # sorted; a packed term is found by bisection
        self._sizes = sizes
        self._starts = array.array("q", accumulate(sizes, initial=0))
        self._positions, self._counts = positions, counts
        self._live: dict[str, Held] = {}  # the terms asked for or set, with their lists
        self._gone: set[str] = set()  # packed terms deleted

    @classmethod
    def of(cls, held: Mapping[str, Held]) -> Holders:
        holders = cls([], array.array("I"), array.array("I"), array.array("I"))
        holders._live = dict(held)
        return holders

    def _slot(self, term: object) -> int | None:
        """The term's place among the packed terms, None when it is not one of them."""
        slot = bisect.bisect_left(self._terms, term)
        return slot if slot < len(self._terms) and self._terms[slot] == term else None

    def __getitem__(self, term: str) -> Held:
        held = self._live.get(term)
        if held is not None:
            return held
        slot = self._slot(term)
        if slot is None or term in self._gone:
            raise KeyError(term)
        start, end = self._starts[slot], self._starts[slot + 1]
        held = self._live[term] = (self._positions[start:end].tolist(), self._counts[start:end].tolist())
        return held

    def __contains__(self, term: object) -> bool:
        return term in self._live or (term not in self._gone and self._slot(term) is not None)

    def __setitem__(self, term: str, held: Held) -> None:
        self._live[term] = held
        self._gone.discard(term)

    def __delitem__(self, term: str) -> None:
        if term not in self:
            raise KeyError(term)
        self._live.pop(term, None)
        if self._slot(term) is not None:
            self._gone.add(term)

    def __iter__(self) -> Iterator[str]:
        yield from (term for term in self._terms if term not in self._gone)
        yield from (term for term in self._live if self._slot(term) is None)

    def __len__(self) -> int:
        return len(self._terms) - len(self._gone) + sum(1 for term in self._live if self._slot(term) is None)

    def held_by(self, positions: set[int]) -> list[tuple[str, int]]:
        """(term, position) of every term held at one of these positions."""
        found = [(term, position) for term, (held, _) in self._live.items() for position in held if position in positions]
        for at in _places(self._positions, positions):
            term = self._terms[bisect.bisect_right(self._starts, at) - 1]
            if term not in self._live and term not in self._gone:
                found.append((term, self._positions[at]))
        return found

    def emptied(self) -> list[str]:
        """The terms left with no holder."""
        return [term for term, (positions, _) in self._live.items() if not positions]

    def packed(self) -> tuple[list[str], array.array, array.array, array.array]:
        """The terms sorted, and their holders packed as the index stores them: the packed
        terms no run touched are copied a stretch at a time."""
        terms: list[str] = []
        sizes, positions, counts = array.array("I"), array.array("I"), array.array("I")

        def copy(first: int, last: int) -> None:
            terms.extend(self._terms[first:last])
            sizes.extend(self._sizes[first:last])
            positions.extend(self._positions[self._starts[first]:self._starts[last]])
            counts.extend(self._counts[self._starts[first]:self._starts[last]])

        copied = 0  # the packed terms before this one are written
        for term in sorted(self._live.keys() | self._gone):
            slot = bisect.bisect_left(self._terms, term)
            copy(copied, slot)
            copied = slot + 1 if self._slot(term) is not None else slot
            if term in self._live:
                held = self._live[term]
                terms.append(term)
                sizes.append(len(held[0]))
                positions.extend(held[0])
                counts.extend(held[1])
        copy(copied, len(self._terms))
        return terms, sizes, positions, counts


@dataclass
class StoryIndex:
    ids: list[str]  # sorted; a document is named by its position here
    keys: list[str]  # each document's content key
    dates: list[str | None]  # as given, ISO (None: undated)
    roundups: set[int]
    lines: LineHashes  # each document's line hashes
    furniture: set[bytes]  # the line hashes that are furniture
    holders: Holders  # term -> (positions, counts), sorted by position
    common: set[str]  # terms in more than ``cover`` documents
    norms: list[float]
    compared: dict[tuple[int, int], tuple[float, float]]
    cover: int
    refers: dict[tuple[int, str], bool] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        """The index as bytes: the length of a JSON head (its ids, keys, dates, cover, the
        references asked, and the sections' sizes), the head, then the ``SECTIONS`` as they
        are: numbers as little-endian machine values, line hashes and terms as their bytes. A
        warm run after one change reads and writes the index whole (13 MB at 10,000 articles),
        and base64 inside JSON was most of doing so."""
        terms, sizes, positions, counts = self.holders.packed()
        pairs = sorted(self.compared.items())
        hashes, line_counts = self.lines.packed()
        sections = [
            _raw("I", sorted(self.roundups)), hashes, _raw("I", line_counts),
            b"".join(sorted(self.furniture)),
            "\n".join(terms).encode(), _raw("I", sizes), _raw("I", positions), _raw("I", counts),
            "\n".join(sorted(self.common)).encode(), _raw("d", self.norms),
            _raw("I", [p for pair, _ in pairs for p in pair]),
            _raw("d", [value[0] for _, value in pairs]), _raw("d", [value[1] for _, value in pairs]),
        ]
        head = json.dumps({
            "ids": self.ids, "keys": self.keys, "dates": self.dates, "cover": self.cover,
            "refers": [[p, date, value] for (p, date), value in sorted(self.refers.items())],
            "sizes": [len(section) for section in sections],
        }, ensure_ascii=False).encode()
        return b"".join([len(head).to_bytes(8, "little"), head, *sections])

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryIndex:
        """The index ``to_bytes`` wrote; ValueError when the bytes do not hold one."""
        size = int.from_bytes(data[:8], "little")
        head = json.loads(data[8:8 + size])
        if len(head["sizes"]) != len(SECTIONS) or 8 + size + sum(head["sizes"]) != len(data):
            raise ValueError("the story index's sections do not add up to its bytes")
        sections, at = {}, 8 + size
        for name, length in zip(SECTIONS, head["sizes"]):
            sections[name] = data[at:at + length]
            at += length
        lines = LineHashes(sections["lines"], _numbers("I", sections["line_counts"]))
        furniture = sections["furniture"]
        holders = Holders(_lines(sections["terms"].decode()), _numbers("I", sections["term_sizes"]),
                          _numbers("I", sections["positions"]), _numbers("I", sections["counts"]))
        pairs = _numbers("I", sections["pairs"]).tolist()
        values = zip(_numbers("d", sections["cosines"]).tolist(), _numbers("d", sections["evidence"]).tolist())
        return cls(
            head["ids"], head["keys"], head["dates"], set(_numbers("I", sections["roundups"]).tolist()), lines,
            {furniture[k:k + LINE_HASH_BYTES] for k in range(0, len(furniture), LINE_HASH_BYTES)},
            holders, set(_lines(sections["common"].decode())), _numbers("d", sections["norms"]).tolist(),
            dict(zip(zip(pairs[::2], pairs[1::2]), values)), head["cover"],
            {(p, date): value for p, date, value in head["refers"]},
        )

    @property
    def folder(self) -> bool:
        return len(self.ids) <= stories.MAX_DF

    def rarity(self, term: str) -> float | None:
        """The term's rarity, None when it is in more than ``MAX_DF`` documents."""
        held = self.holders.get(term)
        if held is None or len(held[0]) > stories.MAX_DF:
            return None
        return term_rarity(len(held[0]), len(self.ids))

    def weight(self, term: str, position: int, rarity: float) -> float:
        """The unit-vector weight of a term in an unchanged document, from its count."""
        positions, counts = self.holders[term]
        return term_weight(term, counts[bisect.bisect_left(positions, position)], rarity) / self.norms[position]

    def links(self, documents: Sequence[Document]) -> frozenset[frozenset[str]]:
        """The story links the compared pairs make (documents in ``ids`` order)."""
        dates = {doc: _date(date) for doc, date in zip(self.ids, self.dates)}
        at = {doc: position for position, doc in enumerate(self.ids)}
        read = refers_by_id({doc: documents[position] for doc, position in at.items()})

        def refers(later: str, earlier: dt.date) -> bool:
            key = (at[later], earlier.isoformat())
            if key not in self.refers:
                self.refers[key] = read(later, earlier)
            return self.refers[key]

        compared: Compared = [((self.ids[a], self.ids[b]), cosine, evidence)
                              for (a, b), (cosine, evidence) in self.compared.items()]
        return linked(dates, compared, self.folder, refers)


def story_links(
    documents: Sequence[Document], keys: Mapping[str, str], index: StoryIndex | None, processes: int = 1,
) -> tuple[frozenset[frozenset[str]], StoryIndex, bool]:
    """The story links of the documents, the index for the next run, and whether the index
    changed (it needs storing). ``keys``: each document's content key."""
    ordered = sorted(documents, key=lambda document: document.id)
    new_keys = [keys[document.id] for document in ordered]
    if index is not None and index.ids == [document.id for document in ordered]:
        changed = [position for position, key in enumerate(new_keys) if key != index.keys[position]]
        if not changed:
            return index.links(ordered), index, False
        updated = _updated(index, ordered, new_keys, changed)
        if updated is not None:
            return updated.links(ordered), updated, True
    built = built_index(ordered, new_keys, processes)
    return built.links(ordered), built, True


def built_index(documents: Sequence[Document], keys: list[str], processes: int = 1) -> StoryIndex:
    """The index of documents sorted by id, from nothing (the same work as ``related_pairs``);
    the pairs are compared on ``processes`` (``stories.close_pairs``)."""
    dates = {document.id: _date(document.date) for document in documents}
    keys_of = [stories.line_keys(document) for document in documents]
    lines = [[line_hash(line) for line in keys] for keys in keys_of]
    holders: dict[bytes, set[str]] = defaultdict(set)
    for document, hashes in zip(documents, lines):
        for line in hashes:
            holders[line].add(document.id)
    furniture = {line for line, ids in holders.items() if _furniture(ids, dates)}
    counts = [stories.terms_of(document, frozenset(line for line in keys if line_hash(line) in furniture) if furniture
                               else frozenset()) for document, keys in zip(documents, keys_of)]
    terms: dict[str, tuple[list[int], list[int]]] = {}
    for position, found in enumerate(counts):
        for term, count in found.items():
            positions, numbers = terms.setdefault(term, ([], []))
            positions.append(position)
            numbers.append(count)
    cover = COVER_TIMES * stories.MAX_DF
    index = StoryIndex(
        [document.id for document in documents], keys, [document.date if dates[document.id] else None
                                                         for document in documents],
        {position for position, document in enumerate(documents) if stories.roundup(document)},
        LineHashes.of(lines), furniture, Holders.of({term: held for term, held in terms.items() if len(held[0]) <= cover}),
        {term for term, held in terms.items() if len(held[0]) > cover}, [1.0] * len(documents), {}, cover,
    )
    rarity = {term: r for term in index.holders if (r := index.rarity(term)) is not None}
    vectors = {}
    for position, found in enumerate(counts):
        vectors[position], index.norms[position] = unit_vector(found, rarity)
    _keep(index, stories.close_pairs(vectors, rarity, least_cosine(index.folder), index.roundups, processes))
    return index


def _furniture_lines(document: Document, furniture: set[bytes]) -> frozenset[str]:
    """The document's lines (normalised) whose hash is furniture."""
    return frozenset(line for line in _line_keys(document) if line_hash(line) in furniture)


def _updated(
    index: StoryIndex, documents: Sequence[Document], keys: list[str], changed: list[int],
) -> StoryIndex | None:
    """The index after the documents at ``changed`` got new content; None when the changes
    reach further than the index knows (then it is built again)."""
    old_lines = {position: index.lines[position] for position in changed}
    for position in changed:
        document = documents[position]
        index.keys[position] = keys[position]
        index.dates[position] = document.date if _date(document.date) else None
        index.roundups.discard(position)
        if is_roundup(document):
            index.roundups.add(position)
        index.lines[position] = [line_hash(line) for line in _line_keys(document)]
    reread = set(changed) | _furniture_flipped(index, {line for p in changed for line in old_lines[p] + index.lines[p]})
    if index.cover - len(reread) < stories.MAX_DF:
        return None
    index.cover -= len(reread)
    fresh = {p: _terms(documents[p], _furniture_lines(documents[p], index.furniture)) for p in reread}
    moved = _retermed(index, fresh)
    reach = set(reread)
    for term in moved:
        reach.update(index.holders[term][0] if term in index.holders else ())
    for position in reach - reread:
        fresh[position] = _terms(documents[position], _furniture_lines(documents[position], index.furniture))
    index.compared = {pair: value for pair, value in index.compared.items() if not reach.intersection(pair)}
    index.refers = {key: value for key, value in index.refers.items() if key[0] not in changed}
    _compare(index, reach, fresh)
    return index


def _furniture_flipped(index: StoryIndex, lines: set[bytes]) -> set[int]:
    """Judge these lines as furniture afresh; the documents holding one that flipped."""
    holders = index.lines.holders(lines)
    dates = {index.ids[p]: _date(index.dates[p]) for held in holders.values() for p in held}
    flipped: set[int] = set()
    for line in lines:
        now = bool(holders[line]) and _furniture({index.ids[p] for p in holders[line]}, dates)
        if now != (line in index.furniture):
            (index.furniture.add if now else index.furniture.discard)(line)
            flipped |= holders[line]
    return flipped


def _retermed(index: StoryIndex, fresh: Mapping[int, Mapping[str, int]]) -> set[str]:
    """Put the documents' new term counts into the holders; the terms whose document frequency
    moved and that weigh before or after (their rarity, and so their holders' vectors, moved)."""
    before: dict[str, int] = {}
    gone = index.holders.held_by(set(fresh))
    for term, position in gone:
        before.setdefault(term, len(index.holders[term][0]))
        _remove(index, term, position)
    for position, found in fresh.items():
        for term, count in found.items():
            if term in index.common:
                continue
            before.setdefault(term, len(index.holders[term][0]) if term in index.holders else 0)
            positions, counts = index.holders.setdefault(term, ([], []))
            at = bisect.bisect_left(positions, position)
            positions.insert(at, position)
            counts.insert(at, count)
    for term in index.holders.emptied():
        del index.holders[term]
    after = {term: len(index.holders[term][0]) if term in index.holders else 0 for term in before}
    return {term for term, frequency in before.items()
            if frequency != after[term] and min(frequency, after[term]) <= stories.MAX_DF}


def _remove(index: StoryIndex, term: str, position: int) -> None:
    positions, counts = index.holders[term]
    at = bisect.bisect_left(positions, position)
    del positions[at], counts[at]


def _compare(index: StoryIndex, reach: set[int], fresh: Mapping[int, Mapping[str, int]]) -> None:
    """Compare every document in ``reach`` (its terms in ``fresh``) with every other sharing a
    weighing term; their vectors and norms are set from ``fresh``, the others' from the index."""
    vectors: dict[int, dict[str, float]] = {}
    for position in reach:
        rarity = {term: r for term in fresh[position] if (r := index.rarity(term)) is not None}
        vectors[position], index.norms[position] = unit_vector(fresh[position], rarity)
    _keep(index, _compared_over(index, vectors, reach))


def _keep(index: StoryIndex, compared: Iterator[tuple[tuple[int, int], float, float]]) -> None:
    """Keep the pairs close enough to be judged (``stories.related_pairs`` drops the rest)."""
    floor = least_cosine(index.folder)
    for (a, b), cosine, evidence in compared:
        if cosine >= floor and a not in index.roundups and b not in index.roundups:
            index.compared[(a, b)] = (cosine, evidence)


def _compared_over(
    index: StoryIndex, vectors: dict[int, dict[str, float]], reach: set[int],
) -> Iterator[tuple[tuple[int, int], float, float]]:
    """Cosine and evidence of every pair with a side in ``reach``, each pair once, sums over the
    shared terms in sorted order (as ``stories._compared`` gathers them)."""
    for position in sorted(reach):
        sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for term, weight in vectors[position].items():
            rarity = index.rarity(term)
            for other in index.holders[term][0]:
                if other == position or (other in reach and other < position):
                    continue
                theirs = vectors[other][term] if other in reach else index.weight(term, other, rarity)
                found = sums[other]
                found[0] += weight * theirs
                found[1] += rarity
        for other in sorted(sums):
            pair = (position, other) if position < other else (other, position)
            yield pair, sums[other][0], sums[other][1]
