"""The warm reference corpus of ``factcheck serve``: the reference folders read and their claims
extracted once, at start, and read again when their files change.

A reload goes through the claim cache (when there is one), so only the files whose bytes
changed are extracted again; requests keep the snapshot they started with, and the new one
replaces it whole once it is ready.
"""
from __future__ import annotations

import sqlite3
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from anyio import to_thread

from factcheck.cache import ClaimCache, engine_hash
from factcheck.config import Settings
from factcheck.engine import Engine
from factcheck.pipeline import Loaded, load_paths
from factcheck.stories import StoryMemo


class ReferenceCorpus:
    """The reference folders' documents and claims, as last read."""

    def __init__(
        self, folders: Sequence[str], settings: Settings, rules_dir: str, cache_folder: Path | None,
        engine: Engine | None = None,
    ) -> None:
        self.folders = tuple(folders)
        self._settings = settings
        self._rules_dir = rules_dir
        self._cache_folder = cache_folder
        self._engine = engine or Engine()
        self.loaded = self._load()
        self.story_memo = StoryMemo()  # the articles' story features, kept from one draft to the next

    def _load(self) -> Loaded:
        """The folders read; the cache is opened in the calling thread (SQLite connections stay
        in the thread that made them) and closed when the read is done."""
        cache = self._open_cache()
        try:
            with self._engine.session():
                return load_paths(self.folders, self._settings, cache=cache, engine=self._engine)
        finally:
            if cache:
                cache.close()

    def _open_cache(self) -> ClaimCache | None:
        if self._cache_folder is None:
            return None
        try:
            return ClaimCache(self._cache_folder, engine_hash(self._rules_dir))
        except (OSError, sqlite3.Error) as error:
            print(f"factcheck: cache {self._cache_folder}: {getattr(error, 'strerror', None) or error}; "
                  "reading without it", file=sys.stderr)
            return None

    def reload(self) -> Loaded:
        self.loaded = self._load()
        self.story_memo = StoryMemo()  # features of articles no longer read are dropped
        return self.loaded

    async def follow(self, changes: AsyncIterator[object]) -> None:
        """Read the folders again after each batch of changes (``watchfiles.awatch`` yields one
        per burst of file events), off the event loop."""
        async for _ in changes:
            await to_thread.run_sync(self.reload)
