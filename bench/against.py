"""Benchmark: a draft checked against a 1,000-article reference corpus, cold and warm.

Builds the corpus in a temporary folder at run time (never in the repository): articles drawn
from ../shared/corpora/*/clusters.jsonl when that folder is there, else synthetic articles
generated from templates. Runs the command line end to end (process start included): first
with an empty cache (the reference measurement, which also warms the cache), then warm.
The draft is a synthetic article about the first synthetic story, its death toll doubled.
Target: warm under two seconds.

usage: python bench/against.py [--articles 1000] [--runs 3] [--synthetic]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
TARGET_SECONDS = 2.0
SYLLABLES = ["ar", "bel", "cor", "dun", "esk", "fal", "gor", "hal", "ist", "jor", "kel", "lom", "mar", "nor"]
EVENTS = ["flood", "storm", "fire", "earthquake", "landslide", "heatwave"]
SENTENCES = [
    "{killed} people were killed in the {event} in {place}, officials said.",
    "The {event} injured {injured} people across {place}, the emergency office said.",
    "About {fled},000 people have fled their homes around {place}.",
    "Repairs in {place} are expected to cost ${cost} million.",
    "The council of {place} met on Tuesday to discuss the {event}.",
    "Schools in {place} will stay closed for {closed} days.",
]
ARTICLES_PER_STORY = 5


def place_name(story: int) -> str:
    """An invented town name, one per story."""
    first, second = divmod(story, len(SYLLABLES))
    return (SYLLABLES[first % len(SYLLABLES)] + SYLLABLES[second] + "ton").capitalize()


def story_article(story: int, rng: random.Random, figures: dict[str, int], day: int, source: str) -> str:
    """One article of our own template sentences; figures drift a little between reports."""
    place, event = place_name(story), EVENTS[story % len(EVENTS)]
    lines = [f"{event.capitalize()} in {place}", ""]
    for template in rng.sample(SENTENCES, k=len(SENTENCES)):
        drifted = {name: value + rng.choice([0, 0, 1, -1]) for name, value in figures.items()}
        lines += [template.format(place=place, event=event, **drifted), ""]
    return f'---\ndate: "2024-05-{day:02d}"\nsource: "{source}"\n---\n' + "\n".join(lines)


def story_figures(rng: random.Random) -> dict[str, int]:
    return {"killed": rng.randint(5, 90), "injured": rng.randint(20, 400), "fled": rng.randint(2, 40),
            "cost": rng.randint(5, 90), "closed": rng.randint(2, 9)}


def synthetic_articles(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """Stories of a few articles each, about invented towns."""
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        story = number // ARTICLES_PER_STORY
        figures = story_figures(random.Random(f"{seed}-{story}"))
        text = story_article(story, rng, figures, 10 + number % ARTICLES_PER_STORY, f"Wire {number % 17}")
        articles.append((f"a{number:04d}.md", text))
    return articles


def synthetic_draft(seed: int = 7) -> str:
    """A draft about the first story, with its death toll doubled."""
    figures = story_figures(random.Random(f"{seed}-0"))
    figures["killed"] *= 2
    return story_article(0, random.Random(seed), figures, 12, "Draft desk")


def shared_articles(count: int) -> list[tuple[str, str]]:
    """Articles from the shared clusters, written as Markdown with their metadata."""
    articles = []
    for clusters in sorted(SHARED_CORPORA.glob("*/clusters.jsonl")):
        for line in clusters.read_text("utf-8").splitlines():
            for record in json.loads(line).get("articles", []):
                front = "".join(f'{key}: {json.dumps(record[key])}\n' for key in ("title", "date", "source")
                                if record.get(key))
                articles.append((f"a{len(articles):04d}.md", f"---\n{front}---\n{record['text']}\n"))
                if len(articles) == count:
                    return articles
    return articles


def timed(command: list[str]) -> tuple[float, str]:
    """Seconds the command took, and the last line of its report (the text summary)."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"benchmark run failed (exit {done.returncode}): {done.stderr[-500:]}")
    return elapsed, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--synthetic", action="store_true", help="use template articles even when ../shared is there")
    args = parser.parse_args()
    use_shared = SHARED_CORPORA.is_dir() and not args.synthetic
    articles = shared_articles(args.articles) if use_shared else []
    if len(articles) < args.articles:
        use_shared = False
        articles = synthetic_articles(args.articles)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as folder:
        base = Path(folder)
        corpus = base / "corpus"
        corpus.mkdir()
        for name, text in articles:
            (corpus / name).write_text(text, "utf-8")
        (base / "draft.md").write_text(synthetic_draft(), "utf-8")
        command = [sys.executable, "-m", "factcheck", "check", str(base / "draft.md"), "--against", str(corpus),
                   "--cache-dir", str(base / "cache"), "--isolated"]
        cold, summary = timed(command)
        warm = [timed(command)[0] for _ in range(args.runs)]
    source = "shared corpora" if use_shared else "synthetic"
    print(f"reference corpus: {len(articles)} articles ({source}); report: {summary}")
    print(f"cold (empty cache, reference): {cold:.2f} s")
    print(f"warm (median of {args.runs}):        {statistics.median(warm):.2f} s  "
          f"(min {min(warm):.2f} s; target < {TARGET_SECONDS:.0f} s) -> "
          f"{'OK' if statistics.median(warm) < TARGET_SECONDS else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
