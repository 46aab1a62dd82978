"""Acceptance on the seed story and the development clusters in ../shared, scored by the shared
scorer exactly as the issue's "done when" states it. Skipped when ../shared is not there."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def score(shared: Path, clusters: str) -> dict[str, int]:
    """The scorer's totals: it prints them as one JSON object on the line before its summary."""
    command = f"{sys.executable} -m factcheck check"
    result = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_clusters.py"), str(shared / clusters), "--cmd", command],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    totals = [line for line in result.stdout.splitlines() if line.startswith("{")]
    return json.loads(totals[-1])


def test_seed_story_finds_every_conflict_and_nothing_else(shared):
    totals = score(shared, "seeds")
    assert totals["flag"] > 0 and totals["flag_hit"] == totals["flag"], totals
    assert totals["quiet_broken"] == 0, totals
    assert totals["noclaim_broken"] == 0, totals
    assert totals["unexplained"] == 0, totals
    assert totals["broken_runs"] == 0, totals


def test_development_clusters_find_most_conflicts_with_few_false_alarms(shared):
    totals = score(shared, "clusters-dev")
    assert totals["flag_hit"] >= 0.6 * totals["flag"], totals
    assert totals["quiet_broken"] <= 3, totals
    assert totals["broken_runs"] == 0, totals
