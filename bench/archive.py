"""Benchmark: `factcheck check` over a whole newsroom archive, at growing sizes.

Builds archives of N articles in a temporary folder at run time (never in the repository) from
../shared/corpora/{gvc,ecbplus,giveme5w1h}/clusters.jsonl, one Markdown file per article. Where
the corpora hold fewer than N articles, perturbed copies make up the rest: copy k of an article
is another event of the same kind, its figures shifted and its capitalised names changed (so it
tells a story of its own), with ids and paths of its own.

For each size it runs the command line end to end (process start included) and prints wall
time and peak memory (of the child, from resource.getrusage): cold (empty cache), warm (nothing
changed) and warm with one article changed (``--changes N``: N such runs, one more article
changed before each); then the growth ratio time(largest)/time(smallest).
With ``--dask`` it also runs the cold check on a local Dask cluster of two workers. Each run
prints its per-stage split (``--profile``) on stderr lines prefixed ``stage``.

usage: python bench/archive.py [--sizes 1000,2000,5000,10000,20000] [--dask] [--changes N] [--record]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
CORPORA = ("gvc", "ecbplus", "giveme5w1h")
SIZES = (1000, 2000, 5000, 10000, 20000)
RESULTS = ROOT / "bench" / "RESULTS.md"
SUFFIXES = ("vale", "mont", "ford", "wick", "stead", "holm", "by", "ton", "ham", "well")
NUMBER = re.compile(r"\b\d+\b")
NAME = re.compile(r"\b([A-Z][a-z]{2,})\b")


@dataclass(frozen=True)
class Article:
    corpus: str
    cluster: str
    id: str
    head: dict[str, str]
    text: str


def corpus_articles(corpora: Path = SHARED_CORPORA) -> list[Article]:
    """Every article of the shared corpora, in file order."""
    found = []
    for corpus in CORPORA:
        with open(corpora / corpus / "clusters.jsonl", encoding="utf-8") as lines:
            for line in lines:
                cluster = json.loads(line)
                for article in cluster["articles"]:
                    head = {key: article[key] for key in ("title", "date", "source", "url") if article.get(key)}
                    found.append(Article(corpus, str(cluster["cluster_id"]), str(article["id"]), head, article["text"]))
    return found


def perturbed(article: Article, copy: int) -> Article:
    """Copy ``copy`` of an article: another event like it, with other names and figures."""
    suffix = SUFFIXES[(copy - 1) % len(SUFFIXES)] + ("" if copy <= len(SUFFIXES) else str(copy))

    def shift(match: re.Match[str]) -> str:
        value = int(match.group(0))
        return match.group(0) if 1900 <= value <= 2100 else str(value + copy)

    def rename(text: str) -> str:
        return NAME.sub(lambda m: m.group(1) + suffix, NUMBER.sub(shift, text))

    head = {key: (rename(value) if key in ("title", "source") else value) for key, value in article.head.items()}
    return Article(article.corpus, f"{article.cluster}-c{copy}", f"{article.id}-c{copy}", head, rename(article.text))


def archive(size: int, originals: list[Article]) -> list[Article]:
    """``size`` articles: the originals, then as many rounds of perturbed copies as needed."""
    chosen = []
    copy = 0
    while len(chosen) < size:
        batch = originals if copy == 0 else [perturbed(a, copy) for a in originals]
        chosen += batch[: size - len(chosen)]
        copy += 1
    return chosen


def article_path(folder: Path, article: Article) -> Path:
    return folder / article.corpus / article.cluster.replace("/", "_") / f"{article.id.replace('/', '_')}.md"


def write_archive(folder: Path, articles: list[Article]) -> list[Path]:
    paths = []
    for article in articles:
        path = article_path(folder, article)
        path.parent.mkdir(parents=True, exist_ok=True)
        head = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in article.head.items()]
        path.write_text("\n".join(head + ["---"]) + "\n" + article.text.strip() + "\n", "utf-8")
        paths.append(path)
    return paths


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system of the child and its reaped descendants
    peak_mb: float
    stages: str
    exit_code: int


def run_check(folder: Path, cache: Path | None, extra: list[str]) -> Run:
    """One `factcheck check` in a child process: wall time and the child's peak resident memory
    (wait4's ru_maxrss: the child's, or the largest of its reaped descendants')."""
    cache_flags = ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    argv = [sys.executable, "-m", "factcheck", "check", str(folder), "--format", "json", "--isolated",
            "--profile", *cache_flags, *extra]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read()
    stages = " ".join(line.removeprefix("stage ").strip() for line in stderr.splitlines() if line.startswith("stage "))
    if "Traceback" in stderr:  # exit 2 is also a corpus file that cannot be read: not a failure
        print(stderr[-3000:], file=sys.stderr)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stages, process.returncode)


def change_one(path: Path) -> None:
    """Edit one article as a correction would: its first figure goes up by one."""
    text = path.read_text("utf-8")
    match = NUMBER.search(text, text.index("---", 3) + 3)
    if match is None:
        path.write_text(text + "\nThe council met 3 times.\n", "utf-8")
        return
    path.write_text(text[: match.start()] + str(int(match.group(0)) + 1) + text[match.end():], "utf-8")


def line(size: int, label: str, run: Run) -> str:
    load = os.getloadavg()[0]
    return (f"{size:>6} {label:<10} {run.seconds:7.1f} s {run.cpu_seconds:7.1f} s {run.peak_mb:7.0f} MB "
            f"{load:5.1f}  exit {run.exit_code}  {run.stages}")


def bench_size(size: int, originals: list[Article], dask: bool, engine_flags: list[str], changes: int = 1) -> tuple[list[str], float]:
    """The runs at one archive size (``changes`` warm runs, each after one more article is
    changed); returns the printed lines and the cold time."""
    lines = []
    with tempfile.TemporaryDirectory(prefix=f"fc-archive-{size}-") as temporary:
        folder, cache = Path(temporary) / "archive", Path(temporary) / "cache"
        paths = write_archive(folder, archive(size, originals))
        runs = [("cold", run_check(folder, cache, engine_flags)), ("warm", run_check(folder, cache, engine_flags))]
        for repeat in range(changes):  # each time another article: the spread of warm+1 on a noisy machine
            change_one(paths[(len(paths) // 2 + repeat * 97) % len(paths)])
            runs.append(("warm+1", run_check(folder, cache, engine_flags)))
        if dask:
            runs.append(("dask cold", run_check(folder, None, ["--engine", "dask", "--workers", "2"])))
        for label, run in runs:
            lines.append(line(size, label, run))
            print(lines[-1], flush=True)
        shutil.rmtree(cache, ignore_errors=True)
    return lines, runs[0][1].seconds


def machine() -> str:
    return f"{platform.platform()}; {os.cpu_count()} CPUs; Python {platform.python_version()}"


def record(lines: list[str], argv: list[str], title: str = "Archive", script: str = "archive.py") -> None:
    """Append a run's lines to bench/RESULTS.md under a dated heading, with the machine and command."""
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with open(RESULTS, "a", encoding="utf-8") as results:
        results.write(f"\n## {title} {stamp}\n\nMachine: `{machine()}`  \nCommand: `python bench/{script} "
                      f"{' '.join(argv)}`\n\n```\n" + "\n".join(lines) + "\n```\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated archive sizes")
    parser.add_argument("--dask", action="store_true", help="also run the cold check on a local Dask cluster")
    parser.add_argument("--engine-flags", default="", help="flags given to every non-Dask run, e.g. '--workers 1'")
    parser.add_argument("--corpora", type=Path, default=SHARED_CORPORA, help="folder of the shared corpora")
    parser.add_argument("--changes", type=int, default=1, help="warm runs with one more article changed, each")
    parser.add_argument("--record", action="store_true", help=f"append the numbers to {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"skipped: {args.corpora} is not there", file=sys.stderr)
        return 0
    originals = corpus_articles(args.corpora)
    sizes = [int(size) for size in args.sizes.split(",")]
    lines = [f"{'size':>6} {'run':<10} {'wall':>9} {'cpu':>9} {'peak':>10} {'load':>5}  (load: 1-minute load average "
             "of the machine after the run; stages: --profile)"]
    print(lines[0], flush=True)
    cold: dict[int, float] = {}
    for size in sizes:
        printed, cold[size] = bench_size(size, originals, args.dask, args.engine_flags.split(), args.changes)
        lines += printed
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        lines.append(f"growth time({large})/time({small}) cold: {cold[large] / cold[small]:.1f} "
                     f"(articles x{large / small:.0f})")
        print(lines[-1])
    if args.record:
        record(lines, sys.argv[1:] if argv is None else argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
