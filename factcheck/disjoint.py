"""A disjoint-set forest: the connected components of links, for story components and groups."""
from __future__ import annotations


class DisjointSets:
    """Union by linking roots, find with path halving; any hashable string ids."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def root(self, item: str) -> str:
        parent = self._parent
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, first: str, second: str) -> None:
        self._parent[self.root(first)] = self.root(second)
