"""Benchmark: each pathological input family of issue 11 at 1x, 2x, 4x and 8x its base size.

For each family and size it writes the input to a temporary folder (built here, never stored in
the repository), runs ``factcheck check --no-cache --format json`` on it in a child process
with the per-article budget lifted (so the stages themselves are measured, not the safety
net) and its report sent to the null device, and prints the best wall time of two runs; its
growth per doubling, each step and the geometric mean over the three doublings from 1x to 8x
(which a shared machine's noise moves less; target: at most x2.5, a linear stage gives x2);
the best CPU time of the two runs and its growth beside them (what other work on a shared
machine moves least: its processes take the cores, not this one's instructions);
and the peak memory the check added over the child's start-up, as a multiple of the input's
size (target: at most 50x).

usage: python bench/adversarial.py [--families a,b] [--record]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archive import record

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SCALES = (1, 2, 4, 8)
TIME_GROWTH_TARGET, MEMORY_TARGET = 2.5, 50.0


def _table_article(name: str, rows: int) -> str:
    return "\n\n".join(f"Row {n}: {100 + n} people were injured in the {name} town fire." for n in range(rows))


@dataclass(frozen=True)
class Family:
    name: str
    files: Callable[[int], dict[str, str]]  # scale -> file name -> text


FAMILIES = (
    Family("long token after 'said'", lambda k: {"a.txt": "Police said 5 people died " + "a" * 256_000 * k}),
    Family("twenty-twenty chain", lambda k: {"a.txt": "Police said 5 people died " + "twenty-" * 32_000 * k + "twenty"}),
    Family("figures in one sentence", lambda k: {"a.txt": "1, " * 5_500 * k}),
    Family("unclosed quotation marks", lambda k: {"a.txt": "5 people “ " * 800 * k}),
    Family("unclosed factcheck comments", lambda k: {"a.md": "<!-- factcheck: " * 16_000 * k}),
    Family("deep HTML", lambda k: {"a.html": "<div>5 killed. " * 6_000 * k}),
    Family("unended HTML start tags", lambda k: {"a.html": "<p>5 killed.</p>" + "<a b='" * 84_000 * k}),
    Family("two tables of one story", lambda k: {f"{n}.txt": _table_article(n, 500 * k) for n in ("a", "b")}),
    Family("YAML alias bomb", lambda k: {f"{n}.md": _alias_bomb() for n in range(100 * k)}),
)


def _alias_bomb() -> str:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    return "---\n" + "\n".join(levels) + "\n---\nFive people died.\n"


CHILD = """
import contextlib, json, os, resource, sys, tempfile, time
from factcheck.cli import main
FLAGS = ["check", "--no-cache", "--quiet", "--format", "json", "--workers", "1",
         "--budget-seconds", "1e9", "--budget-figures", "1000000000"]
with tempfile.TemporaryDirectory() as warm, open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
    with open(os.path.join(warm, "w.md"), "w") as article:
        article.write("Police said 5 people died in Lyon on Monday.")
    import lemminflect  # before the warm-up, as factcheck imported it before matching made it lazy:
    # imported during the run (at its first lemma), it and numpy would count as the input's memory
    main([*FLAGS, os.path.join(warm, "w.md")])  # every lazy import and lexicon loaded
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    code = main([*FLAGS, *sys.argv[1:]])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_kb": peak, "code": code}))
"""
REPEATS = 2  # the best of two runs: the machine is shared, and a slow run is noise, not growth


def measure(family: Family, scale: int, folder: Path) -> tuple[int, float, float, float]:
    """(input bytes, seconds, CPU seconds, peak memory added in bytes) of one check of the
    family at a scale."""
    paths = []
    for name, text in family.files(scale).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    size = sum(Path(p).stat().st_size for p in paths)
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD, *paths], capture_output=True, text=True,
                                      check=True, cwd=folder).stdout.strip().splitlines()[-1]) for _ in range(REPEATS)]
    for path in paths:
        Path(path).unlink()
    return (size, min(run["seconds"] for run in runs), min(run["cpu"] for run in runs),
            min(run["peak_kb"] for run in runs) * 1024.0)


def run(families: list[Family]) -> list[str]:
    lines = [f"{'family':30} {'scale':>5} {'bytes':>10} {'seconds':>8} {'growth':>7} {'cpu s':>7} {'peak MB':>8} {'peak/input':>10}"]
    worst_growth, worst_cpu_growth, worst_memory = 0.0, 0.0, 0.0
    growths: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for family in families:
            previous = first = first_cpu = cpu = None
            for scale in SCALES:
                size, seconds, cpu, peak = measure(family, scale, Path(folder))
                growth = seconds / previous if previous else None
                ratio = peak / size
                worst_memory = max(worst_memory, ratio)
                lines.append(f"{family.name:30} {scale:>4}x {size:>10,} {seconds:>8.2f} "
                             f"{'x%.2f' % growth if growth else '':>7} {cpu:>7.2f} {peak / 2**20:>8.1f} {ratio:>9.1f}x")
                print(lines[-1], flush=True)
                previous = seconds
                first = first or seconds
                first_cpu = first_cpu or cpu
            per_doubling = (previous / first) ** (1 / (len(SCALES) - 1))  # 1x to 8x: three doublings
            cpu_per_doubling = (cpu / first_cpu) ** (1 / (len(SCALES) - 1))
            worst_growth = max(worst_growth, per_doubling)
            worst_cpu_growth = max(worst_cpu_growth, cpu_per_doubling)
            growths.append(f"{family.name}: x{per_doubling:.2f} (cpu x{cpu_per_doubling:.2f})")
    lines.append("time growth per doubling, 1x to 8x (geometric mean), wall (cpu): " + "; ".join(growths))
    lines.append(f"worst time growth per doubling x{worst_growth:.2f} wall, x{worst_cpu_growth:.2f} cpu "
                 f"(target x{TIME_GROWTH_TARGET}); worst peak memory {worst_memory:.1f}x the input (target {MEMORY_TARGET:g}x)")
    print(lines[-1])
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", help="comma-separated family names (default: all)")
    parser.add_argument("--record", action="store_true", help=f"append the numbers to {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    wanted = set(args.families.split(",")) if args.families else None
    families = [family for family in FAMILIES if wanted is None or family.name in wanted]
    lines = run(families)
    if args.record:
        record(lines, argv if argv is not None else sys.argv[1:], "Adversarial inputs", "adversarial.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
