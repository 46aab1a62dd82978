"""Run the shared gold scorers on this checkout and record their summaries in bench/RESULTS.md.

usage: python bench/scores.py   (or: nox -s bench)

Runs, with no cache so that every number is computed by the code as it is:
../shared/tools/score_clusters.py on ../shared/seeds, ../shared/clusters-dev and
fixtures/eval-handmade (14 invented clusters, written blind to the code as a stand-in for the
hidden hand-made set),
score_coref.py (ECB+ mention links and numbers inside names) and score_archive.py on the GVC
and ECB+ archives together and each alone. Prints each scorer's summary line and appends them,
dated, to bench/RESULTS.md. Skips with a message when ../shared is absent.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from extract import RESULTS, machine

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FACTCHECK = Path(sys.executable).parent / "factcheck"
CHECK = f"{FACTCHECK} check --no-cache --isolated"
RUNS = {
    "seeds": ["score_clusters.py", str(SHARED / "seeds"), "--cmd", CHECK],
    "clusters-dev": ["score_clusters.py", str(SHARED / "clusters-dev"), "--cmd", CHECK],
    "hand-made eval": ["score_clusters.py", str(ROOT / "fixtures" / "eval-handmade"), "--cmd", CHECK],
    "ECB+ coreference": ["score_coref.py", "--cmd", CHECK],
    "archive gvc,ecbplus": ["score_archive.py", "--corpora", "gvc,ecbplus", "--cmd", CHECK],
    "archive gvc": ["score_archive.py", "--corpora", "gvc", "--cmd", CHECK],
    "archive ecbplus": ["score_archive.py", "--corpora", "ecbplus", "--cmd", CHECK],
}


def summary(scorer: str, arguments: list[str]) -> str:
    """The scorer's human summary line (the one before its closing JSON, or its last)."""
    done = subprocess.run([sys.executable, str(SHARED / "tools" / scorer), *arguments],
                          capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    readable = [line for line in lines if not line.startswith("{")]
    return readable[-1] if readable else f"no output (exit {done.returncode}): {done.stderr.strip()[-200:]}"


def main() -> int:
    if not (SHARED / "tools").is_dir():
        print(f"bench/scores.py: {SHARED / 'tools'} is absent; nothing to score")
        return 0
    lines = []
    for name, (scorer, *arguments) in RUNS.items():
        line = f"{name}: {summary(scorer, arguments)}"
        print(line, flush=True)
        lines.append(line)
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    with open(RESULTS, "a", encoding="utf-8") as results:
        results.write(f"\n## Gold scores, {stamp}\n\nMachine: `{machine()}`  \nCommand: `python bench/scores.py`"
                      f" (checks run as `factcheck check --no-cache --isolated`)\n\n```\n" + "\n".join(lines) + "\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
