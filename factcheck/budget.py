"""The per-article budget: how long extracting one article may take and how many figures it
may give before it is left out as an input error (the run goes on with the rest).

Every stage is linear in the size of its input; the budget is the safety net for what no one
has thought of yet. An article of a file holds the budget alone: each record of a JSON Lines
file has its own, so one bad record does not cost the others.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

DEFAULT_SECONDS = 60.0
DEFAULT_FIGURES = 10_000  # a long news article states a few hundred; NewsQuant's sentences at most 11

T = TypeVar("T")


class OverBudget(Exception):
    """An article used up its budget; the message says which part and the setting to raise."""


@dataclass(frozen=True)
class Budget:
    seconds: float = DEFAULT_SECONDS
    figures: int = DEFAULT_FIGURES

    def metered(self, figures: Iterable[T]) -> Iterator[T]:
        """The figures, as long as they come within the budget; OverBudget once they do not."""
        started = time.monotonic()
        for count, figure in enumerate(figures, start=1):
            if count > self.figures:
                raise OverBudget(f"more than {self.figures:,} figures (the per-article budget: --budget-figures)")
            if time.monotonic() - started > self.seconds:
                raise OverBudget(f"extraction took over {self.seconds:g} s (the per-article budget: --budget-seconds)")
            yield figure
