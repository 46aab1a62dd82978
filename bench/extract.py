"""Run the shared extraction benchmark and record its result in bench/RESULTS.md.

usage: python bench/extract.py [--speed-chars N]   (or: nox -s bench)

Runs ../shared/tools/score_extraction.py on `factcheck extract` (NewsQuant accuracy, and speed
beside quantulum3 on the same articles) and appends the date, the machine and the scorer's
summary lines to bench/RESULTS.md, so that progress is visible in history.

factcheck's own modules are byte-compiled first, as an installed package's are: quantulum3
comes from site-packages with its bytecode, while an editable install run under
PYTHONDONTWRITEBYTECODE=1 (as on these machines) compiles factcheck's sources in every
process, about 0.3 s of a 2.5 s run.
"""
from __future__ import annotations

import compileall
import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
RESULTS = ROOT / "bench" / "RESULTS.md"
FACTCHECK = Path(sys.executable).parent / "factcheck"
HEADER = "# Extraction benchmark results\n\nAppended by `bench/extract.py` (`nox -s bench`).\n"


def machine() -> str:
    uname = subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip()
    return f"{uname or platform.platform()}; {os.cpu_count()} CPUs; Python {platform.python_version()}"


def run_scorer(extra: list[str]) -> str:
    command = [sys.executable, str(SCORER), "--cmd", f"{FACTCHECK} extract", *extra]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    return done.stdout


def record(output: str, extra: list[str]) -> str:
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    options = " ".join(extra) or "(defaults)"
    return (f"\n## {stamp}\n\nMachine: `{machine()}`  \nScorer options: {options}\n\n"
            f"```\n{output.strip()}\n```\n")


def main(argv: list[str]) -> int:
    if not SCORER.exists():
        print(f"bench: {SCORER} not found; the shared benchmarks are not present", file=sys.stderr)
        return 2
    compileall.compile_dir(ROOT / "factcheck", quiet=1)
    output = run_scorer(argv)
    print(output, end="")
    if not RESULTS.exists():
        RESULTS.write_text(HEADER, encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write(record(output, argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
