"""Benchmark: story linking (``factcheck.stories.related_pairs``) over whole news corpora.

Each corpus in ../shared/corpora/<name>/clusters.jsonl comes in clusters, one event each, so
every linked pair of articles from two clusters is a wrong link by construction, and every
unlinked pair inside one cluster a missed one. The articles are written to a temporary folder
as Markdown with front matter (title/date/source/url, as ``score_archive.py`` writes them)
and read back with ``factcheck.ingest``, so the Documents are those ``factcheck check`` sees.
``related_pairs`` then runs once over each whole corpus, and this prints per corpus:
same-cluster pair recall, cross-cluster pairs linked (count and per 1,000 articles), pair
precision, seconds, and peak memory of the call (tracemalloc, in a second run, as tracing
slows it down). A corpus that is absent is skipped with a message.

usage: python bench/stories.py [--corpora gvc,ecbplus,giveme5w1h] [--limit N] [--no-memory]
                               [--show N]
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
import tracemalloc
from collections import Counter
from itertools import combinations
from pathlib import Path

from factcheck.ingest import read_corpus
from factcheck.model import Document
from factcheck.stories import related_pairs

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
FRONT_MATTER_KEYS = ("title", "date", "source", "url")


def write_corpus(folder: Path, clusters_file: Path, limit: int) -> dict[str, str]:
    """Write one corpus's articles as <cluster>/<id>.md; return {path: cluster id}."""
    cluster_of: dict[str, str] = {}
    for line in clusters_file.read_text("utf-8").splitlines():
        cluster = json.loads(line)
        for article in cluster["articles"]:
            if limit and len(cluster_of) >= limit:
                return cluster_of
            head = ["---"] + [f"{key}: {json.dumps(article[key], ensure_ascii=False)}"
                              for key in FRONT_MATTER_KEYS if article.get(key)] + ["---"]
            path = folder / cluster["cluster_id"] / f"{article['id']}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(head) + "\n" + article["text"].strip() + "\n", "utf-8")
            cluster_of[str(path)] = cluster["cluster_id"]
    return cluster_of


def same_cluster_pairs(cluster_of: dict[str, str]) -> set[frozenset[str]]:
    members: dict[str, list[str]] = {}
    for path, cluster in cluster_of.items():
        members.setdefault(cluster, []).append(path)
    return {frozenset(pair) for paths in members.values() for pair in combinations(sorted(paths), 2)}


def timed(documents: list[Document]) -> tuple[frozenset[frozenset[str]], float]:
    started = time.perf_counter()
    linked = related_pairs(documents)
    return linked, time.perf_counter() - started


def peak_mib(documents: list[Document]) -> float:
    tracemalloc.start()
    related_pairs(documents)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def bench(name: str, limit: int, memory: bool, show: int) -> dict[str, object] | None:
    clusters_file = SHARED_CORPORA / name / "clusters.jsonl"
    if not clusters_file.is_file():
        print(f"{name}: {clusters_file} is absent, skipped")
        return None
    with tempfile.TemporaryDirectory(prefix="fc-stories-") as folder:
        cluster_of = write_corpus(Path(folder), clusters_file, limit)
        documents = list(read_corpus([folder]).documents)
        cluster_of = {d.id: cluster_of[d.path] for d in documents}
        linked, seconds = timed(documents)
        peak = peak_mib(documents) if memory else None
    gold = same_cluster_pairs(cluster_of)
    found = len(linked & gold)
    cross = sorted(linked - gold, key=sorted)
    result = {
        "corpus": name, "articles": len(documents), "same_cluster_pairs": len(gold),
        "recall": round(found / len(gold), 4) if gold else None,
        "cross_pairs": len(cross), "cross_per_1000": round(1000 * len(cross) / len(documents), 1),
        "precision": round(found / len(linked), 4) if linked else None,
        "seconds": round(seconds, 2), "peak_mib": round(peak, 1) if peak is not None else None,
    }
    print(f"{name}: {len(documents)} articles, {len(gold)} same-cluster pairs; recall "
          f"{result['recall']}, cross-cluster pairs {len(cross)} ({result['cross_per_1000']} per 1,000 "
          f"articles), precision {result['precision']}, {seconds:.2f} s, peak "
          f"{'-' if peak is None else f'{peak:.1f} MiB'}")
    if show:
        tally = Counter(tuple(sorted(cluster_of[d] for d in pair)) for pair in cross)
        for (first, second), count in tally.most_common(show):
            print(f"    {count:4d}  {first}  x  {second}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", default="gvc,ecbplus,giveme5w1h")
    parser.add_argument("--limit", type=int, default=0, help="stop after this many articles per corpus")
    parser.add_argument("--no-memory", action="store_true", help="skip the second, traced run")
    parser.add_argument("--show", type=int, default=0, help="list the clusters most often linked wrongly")
    args = parser.parse_args()
    results = [bench(name, args.limit, not args.no_memory, args.show) for name in args.corpora.split(",")]
    print(json.dumps([r for r in results if r]))


if __name__ == "__main__":
    main()
