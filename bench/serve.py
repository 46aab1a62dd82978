"""Benchmark: latency of ``POST /api/check`` of ``factcheck serve``, a 1,000-word draft against a
1,000-article reference corpus held warm by the server.

Builds the corpus in a temporary folder at run time (never in the repository), as
bench/against.py does: articles from ../shared/corpora/*/clusters.jsonl when that folder is
there, else synthetic template articles. The draft: with the shared corpora, the first article
after the reference ones with at least 1,000 words, cut to about 1,000 at a paragraph's end;
else the synthetic draft of bench/against.py (its death toll doubled) and paragraphs without figures. The server
runs in this process on a free port of 127.0.0.1, warmed up as `factcheck serve` is, and is
asked over HTTP (http.client), so the times include the HTTP layer and the JSON rendering; one
more check in process then gives its stages' times. Target: p50 well under a second.

usage: python bench/serve.py [--articles 1000] [--requests 30] [--words 1000] [--synthetic] [--record]
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import io
import json
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from against import EVENTS, SHARED_CORPORA, place_name, shared_articles, synthetic_articles, synthetic_draft  # noqa: E402
from archive import RESULTS, machine  # noqa: E402

from factcheck.config import Settings  # noqa: E402
from factcheck.engine import Engine  # noqa: E402
from factcheck.reference import ReferenceCorpus  # noqa: E402
from factcheck.rules import default_rules_dir, load_rules  # noqa: E402
from factcheck.draft import check_draft  # noqa: E402
from factcheck.serve import Service, create_app, warm_up  # noqa: E402

TARGET_SECONDS = 1.0


def shared_draft(skip: int, words: int) -> str | None:
    """The first shared article after the first ``skip`` with at least ``words`` words, cut at the
    end of the paragraph that reaches them."""
    for _, text in shared_articles(skip + 2000)[skip:]:
        if len(text.split()) >= words:
            kept: list[str] = []
            for paragraph in text.split("\n"):
                kept.append(paragraph)
                if len(" ".join(kept).split()) >= words:
                    return "\n".join(kept) + "\n"
    return None


FILLER = [
    "Residents of {place} described the {event} to reporters as crews cleared the streets.",
    "Volunteers from neighbouring villages brought food, blankets and water to the shelters of {place}.",
    "The regional governor visited {place} and promised help for families who lost their homes in the {event}.",
    "Engineers were still inspecting bridges and roads around {place} late in the evening.",
]


def synthetic_long_draft(words: int, seed: int = 7) -> str:
    """The synthetic draft (its death toll doubled), then paragraphs without figures about its
    story until it has ``words`` words."""
    text = synthetic_draft(seed)
    place, event = place_name(0), EVENTS[0]
    while len(text.split()) < words:
        text += "\n" + " ".join(sentence.format(place=place, event=event) for sentence in FILLER) + "\n"
    return text


def serve_in_thread(service: Service) -> tuple[uvicorn.Server, int]:
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(service, watch=False), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, listening.getsockname()[1]


def timed_check(port: int, body: bytes) -> tuple[float, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    start = time.perf_counter()
    connection.request("POST", "/api/check", body, {"content-type": "application/json"})
    response = connection.getresponse()
    answer = response.read()
    elapsed = time.perf_counter() - start
    connection.close()
    if response.status != 200:
        sys.exit(f"/api/check answered {response.status}: {answer[:300]!r}")
    return elapsed, json.loads(answer)


def record(lines: list[str], argv: list[str]) -> None:
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with open(RESULTS, "a", encoding="utf-8") as results:
        results.write(f"\n## Serve {stamp}\n\nMachine: `{machine()}`  \nCommand: `python bench/serve.py "
                      f"{' '.join(argv)}`\n\n```\n" + "\n".join(lines) + "\n```\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--synthetic", action="store_true", help="use template articles even when ../shared is there")
    parser.add_argument("--record", action="store_true", help=f"append the numbers to {RESULTS.name}")
    args = parser.parse_args()
    use_shared = SHARED_CORPORA.is_dir() and not args.synthetic
    articles = shared_articles(args.articles) if use_shared else []
    draft = shared_draft(args.articles, args.words) if use_shared else None
    if len(articles) < args.articles or draft is None:
        use_shared = False
        articles, draft = synthetic_articles(args.articles), synthetic_long_draft(args.words)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        for name, text in articles:
            (corpus / name).write_text(text, "utf-8")
        settings = Settings(root=Path(folder))
        started = time.perf_counter()
        reference = ReferenceCorpus([str(corpus)], settings, str(default_rules_dir()), None, Engine())
        loading = time.perf_counter() - started
        service = Service(reference, tuple(load_rules()), settings)
        warm_up(service)
        server, port = serve_in_thread(service)
        body = json.dumps({"text": draft, "filename": "draft.md"}).encode()
        first, answer = timed_check(port, body)
        times = sorted(timed_check(port, body)[0] for _ in range(args.requests))
        server.should_exit = True
        with contextlib.redirect_stderr(io.StringIO()) as stages:
            check_draft("draft.md", draft, reference.loaded, service.rules, settings, Engine(workers=1, profile=True),
                        reference.story_memo)
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    drafted = sum(1 for claim in answer["claims"] if claim["doc"] == "draft.md")
    source = "shared corpora" if use_shared else "synthetic"
    lines = [
        f"reference corpus: {len(articles)} articles ({source}), "
        f"{sum(len(c) for c in reference.loaded.claims.values())} figures, read and extracted at start in {loading:.1f} s",
        f"draft: {len(draft.split())} words, {drafted} figures; {len(answer['findings'])} findings",
        f"/api/check over {args.requests} requests (after a first of {first * 1000:.0f} ms, warmed up): "
        f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, min {times[0] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms; "
        f"p50 / target {p50 / TARGET_SECONDS:.2f} (target < {TARGET_SECONDS:.0f} s) -> "
        f"{'OK' if p50 < TARGET_SECONDS else 'TOO SLOW'}",
        f"one check in process, its stages: {' '.join(stages.getvalue().replace('stage ', '').split(chr(10)))}",
        f"load average (1 min) after the run: {os.getloadavg()[0]:.1f}",
    ]
    print("\n".join(lines))
    if args.record:
        record(lines, sys.argv[1:])

if __name__ == "__main__":
    main()
