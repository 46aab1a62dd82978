"""`factcheck extract` as a whole process: the same output under any hash seed, and every
claim's surface exactly where its offsets say, over a sample of the shared corpora."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from factcheck.extract import extract_claims
from factcheck.ingest import read_corpus

SENTENCES = [
    "Nearly 360,000 people fled, and some $2.5 billion a year was lost.",
    "Between 40 and 50 homes burned; the S&P 500 fell 1.2% and the fire covered 3,000 acres.",
    "Forty-five firefighters and two dozen trucks worked for 16 hours at minus 5 degrees Celsius.",
]


def extract_json(path: Path, seed: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    command = [sys.executable, "-m", "factcheck", "extract", str(path), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


def test_extraction_is_the_same_under_any_hash_seed(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(SENTENCES)))
    first, second = extract_json(path, "1"), extract_json(path, "4242")
    assert first["claims"] and first["claims"] == second["claims"]


def test_every_surface_is_where_its_offsets_say_in_the_corpora(shared, tmp_path):
    path = tmp_path / "sample.jsonl"
    with path.open("w", encoding="utf-8") as sample:
        for corpus in sorted((shared / "corpora").glob("*/clusters.jsonl")):
            with corpus.open(encoding="utf-8") as clusters:
                for _, line in zip(range(3), clusters):
                    for article in json.loads(line)["articles"][:5]:
                        sample.write(json.dumps({"id": str(article.get("id", "")), "text": article.get("text") or ""}) + "\n")
    documents = {d.id: d for d in read_corpus([str(path)]).documents}
    claims = extract_claims(documents.values())
    assert claims
    for claim in claims:
        assert documents[claim.doc].text[claim.start:claim.end] == claim.surface
