"""Where the work of a run is done: in this process, on local worker processes, or on Dask.

The pipeline hands its two kinds of independent work here: reading and extracting files (one
task per file), and judging story components (one task per component: matching and rules
never look across two components). ``local`` runs them in this process, or over a pool of
worker processes when there is enough work to pay for starting them; ``dask`` runs them as a
Dask bag on a cluster: a running scheduler's (``scheduler``), or a local cluster started for
the run. Results always come back in the order of the items, so the output never depends on
the engine. The engine also draws the progress bar (on stderr, only when asked: the command
line asks when stderr is a terminal) and times the stages (``profile``).
"""
from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar


ENGINES = ("local", "dask")
PARALLEL_MIN = 64  # fewer tasks than this are done in this process: a pool costs more to start
CHUNK = 16  # tasks sent to a local worker at a time
DASK_PARTITION = 64  # tasks per partition of a Dask bag

Item = TypeVar("Item")
Output = TypeVar("Output")


@dataclass
class Engine:
    kind: str = "local"
    workers: int | None = None  # worker processes; None: one per core
    scheduler: str | None = None  # dask: a running scheduler's address; None starts a local cluster
    progress: bool = False  # draw a progress bar on stderr
    profile: bool = False  # print each stage's wall time on stderr
    _client: Any = field(default=None, repr=False)

    @property
    def processes(self) -> int:
        return self.workers or os.cpu_count() or 1

    def map(self, function: Callable[[Item], Output], items: Sequence[Item], label: str,
            worth: int | None = None) -> list[Output]:
        """``function`` of every item, in the items' order; ``worth``: how many small tasks
        the items amount to (one each unless said), which decides whether a pool pays."""
        if self.kind == "dask" and items:
            return self._dask_map(function, items, label)
        if self.processes <= 1 or len(items) < 2 or (len(items) if worth is None else worth) < PARALLEL_MIN:
            return [function(item) for item in self.bar(items, label)]
        with ProcessPoolExecutor(max_workers=min(self.processes, len(items))) as pool:
            outputs = pool.map(function, items, chunksize=self._chunk(items))
            return list(self.bar(outputs, label, total=len(items)))

    @contextlib.contextmanager
    def ahead(self, function: Callable[[Item], Output], items: Sequence[Item], label: str,
              worth: int | None = None) -> Iterator[Callable[[], list[Output]]]:
        """``function`` of every item, begun on local worker processes while the block runs (a
        warm run extracts its changed files on the second core while this one decodes the
        cache); the block gets a callable that waits for the outputs, in the items' order. With
        one process, nothing to do, or Dask, nothing is begun: the callable maps the items."""
        if self.kind == "dask" or self.processes <= 1 or not items:
            yield lambda: self.map(function, items, label, worth)
            return
        with ProcessPoolExecutor(max_workers=min(self.processes, len(items))) as pool:
            outputs = pool.map(function, items, chunksize=self._chunk(items))  # every task is submitted here
            yield lambda: list(self.bar(outputs, label, total=len(items)))

    def _chunk(self, items: Sequence[Any]) -> int:
        """Tasks sent to a worker at a time: ``CHUNK``, fewer when there are few tasks, so that
        every worker gets some."""
        return max(1, min(CHUNK, len(items) // (4 * self.processes)))

    def bar(self, items: Any, label: str, total: int | None = None) -> Any:
        """The items, with a progress bar on stderr when the engine draws one."""
        if not self.progress:
            return items
        from tqdm import tqdm  # only a run on a terminal draws a bar: the others do not import it

        return tqdm(items, desc=label, total=total, file=sys.stderr, unit="", leave=False, dynamic_ncols=True)

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            if self.profile:
                print(f"stage {name} {time.perf_counter() - started:.2f}s", file=sys.stderr)

    @contextlib.contextmanager
    def session(self) -> Iterator[Engine]:
        """The engine, with its Dask client connected for the run (nothing to do for local)."""
        if self.kind != "dask":
            yield self
            return
        from distributed import Client, LocalCluster  # only Dask runs pay for importing it

        with contextlib.ExitStack() as stack:
            stack.enter_context(_quiet_logger("distributed"))  # its INFO lines and shutdown noise
            if self.scheduler:
                client = stack.enter_context(Client(self.scheduler))
            else:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=self.processes, threads_per_worker=1, processes=True,
                    dashboard_address=":0", silence_logs=logging.CRITICAL,
                ))
                client = stack.enter_context(Client(cluster))
            self._client = client
            try:
                yield self
            finally:
                self._client = None

    def _dask_map(self, function: Callable[[Item], Output], items: Sequence[Item], label: str) -> list[Output]:
        """The items as a Dask bag, mapped; partitions are gathered in order as they finish."""
        import dask.bag
        from distributed import as_completed

        if self._client is None:
            with self.session():
                return self._dask_map(function, items, label)
        bag = dask.bag.from_sequence(items, partition_size=DASK_PARTITION).map(function)
        futures = self._client.compute(bag.to_delayed())
        for _ in self.bar(as_completed(futures), label, total=len(futures)):
            pass
        return [output for part in self._client.gather(futures) for output in part]


@contextlib.contextmanager
def _quiet_logger(name: str) -> Iterator[None]:
    """The logger speaks only of critical failures while the block runs: a task that fails
    raises in this process anyway, and stderr is for factcheck's own messages."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


_freezing = False  # whether paused_gc freezes what it leaves alive (see one_shot)


def one_shot() -> None:
    """This process runs one command and ends (the command line; not ``factcheck serve``): from
    now on, what ``paused_gc`` leaves alive is frozen. A server must not freeze: the cyclic
    garbage pending at each freeze would never be collected, a little more with every draft."""
    global _freezing
    _freezing = True


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while the block runs. Decoding the cache and building the
    story index make millions of small objects and no cycles; each collection they trigger
    walks every object of the archive again (a fifth of the story index's build, three
    quarters of decoding it, at 10,000 articles). What the block frees, reference counting
    frees. In a ``one_shot`` process the objects alive when it ends are frozen (``gc.freeze``):
    else the first collections after it walk all of them once per generation (a second of a
    warm run at 10,000 articles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freezing:
            gc.freeze()
        if enabled:
            gc.enable()
