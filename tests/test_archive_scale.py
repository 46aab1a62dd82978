"""Archive scale: parallel extraction, judging per story component, the component cache, the
progress bar and the Dask engine never change what a run reports."""
from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck.claimset
import factcheck.cache
import factcheck.engine
import factcheck.pipeline
import factcheck.story_index
from factcheck.cli import build_parser, engine_of, main
from factcheck.claimset import Claims
from factcheck.components import components_of, judge, merged
from factcheck.config import Settings
from factcheck.engine import Engine, paused_gc
from factcheck.match import match_claims
from factcheck.pipeline import load_paths
from factcheck.model import Claim
from factcheck.provenance import LineIndex
from factcheck.rules import _primaries, apply_rules, load_rules

from archive_corpus import BODY, STORIES, change_figure, write_archive, write_local_news
from helpers_cli import write_article


def json_of(capsys, folder: Path, *flags: str) -> str:
    main(["check", str(folder), "--format", "json", "--isolated", *flags])
    return capsys.readouterr().out


@pytest.fixture
def archive(tmp_path) -> Path:
    write_archive(tmp_path / "archive")
    return tmp_path / "archive"


@pytest.fixture
def judged(monkeypatch) -> list[int]:
    """The number of claims of every story component judged (not taken from the cache)."""
    sizes: list[int] = []

    def counting(component, **kwargs):
        sizes.append(len(component.claims))
        return judge(component, **kwargs)

    monkeypatch.setattr(factcheck.pipeline, "judge", counting)
    return sizes


def _pairs_within_folders(documents) -> frozenset[frozenset[str]]:
    return frozenset(frozenset((a.id, b.id)) for a in documents for b in documents
                     if a.id < b.id and Path(a.path).parent == Path(b.path).parent)


def test_judging_story_components_apart_gives_what_one_pass_over_the_corpus_gives(archive):
    loaded = load_paths([str(archive)], Settings(root=archive))
    claims = [claim for document in loaded.corpus.documents for claim in loaded.claims[document.id]]
    rules = load_rules()
    related = _pairs_within_folders(loaded.corpus.documents)  # story identity is stories.py's to test
    whole = match_claims(claims, related)
    blocks = components_of(Claims.of(claims), related, {}, "")
    matching, findings = merged([judge(block, rules, None) for block in blocks], Claims.of(claims), rules)
    assert len(blocks) == len(STORIES)
    assert (matching.groups, list(matching.pairs), matching.best) == (whole.groups, list(whole.pairs), whole.best)
    assert findings == apply_rules(whole, rules)


def test_a_warm_run_gives_the_cold_runs_json(capsys, archive, tmp_path):
    cold = json_of(capsys, archive, "--no-cache")
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    assert json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache")) == cold


def test_after_one_article_changed_the_warm_run_gives_the_cold_runs_json(capsys, archive, tmp_path):
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    change_figure(archive / "varnholt" / "evening.md", 3, 30)
    assert json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache")) == json_of(capsys, archive, "--no-cache")


def test_after_one_article_changed_only_its_story_is_judged_again(capsys, archive, tmp_path, judged):
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    assert len(judged) == len(STORIES)
    judged.clear()
    change_figure(archive / "varnholt" / "evening.md", 3, 30)
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    assert judged == [3]


def test_a_warm_run_over_an_unchanged_archive_computes_no_story_links(capsys, archive, tmp_path, monkeypatch):
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    computed: list[int] = []
    real = factcheck.pipeline.story_links
    monkeypatch.setattr(factcheck.pipeline, "story_links", lambda *args: computed.append(1) or real(*args))
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    assert computed == []
    change_figure(archive / "varnholt" / "evening.md", 3, 30)
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    assert computed == [1]


def test_after_one_article_changed_the_story_index_is_updated_not_built_again(capsys, archive, tmp_path, monkeypatch):
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    built: list[int] = []
    real = factcheck.story_index.built_index
    monkeypatch.setattr(factcheck.story_index, "built_index", lambda *args: built.append(1) or real(*args))
    change_figure(archive / "varnholt" / "evening.md", 3, 30)
    json_of(capsys, archive, "--cache-dir", str(tmp_path / "cache"))
    assert built == []


@pytest.fixture
def decoded(monkeypatch) -> list[str]:
    """The ids of the claims made from the cache's rows."""
    made: list[str] = []
    real = factcheck.claimset.StoredClaims._claim

    def counting(source, row):
        made.append(row[0])
        return real(source, row)

    monkeypatch.setattr(factcheck.claimset.StoredClaims, "_claim", counting)
    return made


def test_a_warm_run_makes_only_the_claims_its_findings_and_judged_stories_need(capsys, archive, tmp_path, decoded):
    """The other documents' claims are copied into the report as the cache kept their records,
    never made: the run after one change gives the cold run's JSON all the same."""
    write_local_news(archive, 64)
    cache = ("--cache-dir", str(tmp_path / "cache"))
    json_of(capsys, archive, *cache)
    change_figure(archive / "varnholt" / "evening.md", 3, 30)
    cold_json = json_of(capsys, archive, "--no-cache")
    decoded.clear()
    assert json_of(capsys, archive, *cache) == cold_json
    cold = json.loads(cold_json)
    needed = {claim["path"] for claim in cold["claims"] if "varnholt" in claim["path"]}
    needed |= {claim["path"] for finding in cold["findings"] for cid in finding["claims"]
               for claim in cold["claims"] if claim["id"] == cid}
    made = {claim["path"] for claim in cold["claims"] if claim["id"] in set(decoded)}
    assert made <= needed and len(decoded) < len(cold["claims"]) / 4


def check_in_child(folder: Path, seed: int, *flags: str) -> str:
    """The JSON of ``factcheck check`` in a process of its own, under this hash seed."""
    argv = [sys.executable, "-m", "factcheck", "check", str(folder), "--format", "json", "--isolated", *flags]
    done = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": str(seed)})
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_after_one_change_the_libraries_answers_kept_by_the_cache_are_not_asked_again(archive, tmp_path):
    """pint and lemminflect answered the cold run; the run after one change judges its story
    from their kept answers, starts neither, and gives the cold run's JSON."""
    cache = ("--cache-dir", str(tmp_path / "cache"))
    check_in_child(archive, 1, *cache)
    change_figure(archive / "varnholt" / "evening.md", 3, 30)
    script = ("import sys; from factcheck.cli import main; code = main(sys.argv[1:]); "
              "print('pint' in sys.modules, 'lemminflect' in sys.modules, file=sys.stderr); sys.exit(code)")
    argv = [sys.executable, "-c", script, "check", str(archive), "--format", "json", "--isolated", *cache]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.stderr.splitlines()[-1] == "False False"
    assert done.stdout == check_in_child(archive, 2, "--no-cache")


def test_in_an_archive_warm_and_after_one_change_the_json_is_the_cold_runs_under_any_hash_seed(archive, tmp_path):
    write_local_news(archive, 64)
    cache = ("--cache-dir", str(tmp_path / "cache"))
    cold = check_in_child(archive, 1, "--no-cache")
    assert check_in_child(archive, 2, *cache) == cold and check_in_child(archive, 3, *cache) == cold
    change_figure(archive / "varnholt" / "evening.md", 3, 30)
    assert check_in_child(archive, 4, *cache) == check_in_child(archive, 5, "--no-cache") != cold


def test_extraction_over_worker_processes_gives_the_same_json(capsys, archive, monkeypatch):
    one = json_of(capsys, archive, "--no-cache", "--workers", "1")
    monkeypatch.setattr(factcheck.engine, "PARALLEL_MIN", 2)
    assert json_of(capsys, archive, "--no-cache", "--workers", "2") == one


def test_the_dask_engine_gives_the_same_json_as_the_default(capsys, archive):
    pytest.importorskip("distributed")
    default = json_of(capsys, archive, "--no-cache")
    assert json_of(capsys, archive, "--no-cache", "--engine", "dask", "--workers", "2") == default


def test_a_running_dask_scheduler_is_reached_by_its_address(capsys, archive):
    distributed = pytest.importorskip("distributed")
    default = json_of(capsys, archive, "--no-cache")
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as cluster:
        with_scheduler = json_of(capsys, archive, "--no-cache", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert with_scheduler == default


def parsed(*flags: str) -> argparse.Namespace:
    return build_parser().parse_args(["check", "corpus", *flags])


@pytest.fixture
def terminal(monkeypatch):
    """stderr is a terminal, outside CI."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)


def test_the_progress_bar_is_drawn_on_a_terminal(terminal):
    assert engine_of(parsed(), Settings(root=Path.cwd())).progress


def test_quiet_draws_no_progress_bar(terminal):
    assert not engine_of(parsed("--quiet"), Settings(root=Path.cwd())).progress


def test_ci_draws_no_progress_bar(terminal, monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert not engine_of(parsed(), Settings(root=Path.cwd())).progress


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, archive, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(factcheck.engine, "PARALLEL_MIN", 2)
    main(["check", str(archive), "--isolated", "--no-cache", "--format", "json"])
    assert capsys.readouterr().err == ""


def test_a_drawn_progress_bar_goes_to_stderr_only(capsys):
    doubled = Engine(progress=True).map(abs, [-1, -2, -3], "numbers")
    captured = capsys.readouterr()
    assert doubled == [1, 2, 3] and "numbers" in captured.err and captured.out == ""


def test_profile_prints_each_stage_on_stderr(capsys, archive):
    main(["check", str(archive), "--isolated", "--no-cache", "--format", "json", "--profile"])
    stages = [line.split()[1] for line in capsys.readouterr().err.splitlines() if line.startswith("stage ")]
    assert {"read+extract", "stories", "match+rules", "render"} <= set(stages)


def test_the_greedy_cover_takes_the_most_contradicted_claim_first():
    """X disagrees with A, B and C; A also with B: X is the outlier, then A with B."""
    x, a, b, c = (make_claim(name, line) for line, name in enumerate("xabc", start=1))
    cover = _primaries([(a, x), (x, b), (c, x), (a, b)])
    assert [(primary.id, [o.id for o in others]) for primary, others in cover] == [("x", ["a", "b", "c"]), ("a", ["b"])]


def make_claim(claim_id: str, line: int) -> Claim:
    return Claim.of(claim_id, "doc", "a.md", line, line + 1, "4", "4 people.", 4.0, 4.0, 4.0, "people",
                    lines=LineIndex("\n" * 10))


def test_a_paused_collector_freezes_what_it_leaves_only_in_a_one_shot_process(monkeypatch):
    """The command line freezes (it ends after one check); a server never does, or the cyclic
    garbage pending at each freeze would never be collected."""
    monkeypatch.setattr(factcheck.engine, "_freezing", False)
    gc.unfreeze()
    with paused_gc():
        kept = [[n] for n in range(100)]
    assert gc.get_freeze_count() == 0
    factcheck.engine.one_shot()
    with paused_gc():
        kept += [[n] for n in range(100)]
    assert gc.get_freeze_count() >= len(kept)
    gc.unfreeze()


def test_a_warm_runs_json_written_to_a_file_is_the_cold_runs(capsys, archive, tmp_path):
    """The claims' records the cache kept are its bytes, copied into the file as they are."""
    cold = json_of(capsys, archive, "--no-cache")
    cache = ("--cache-dir", str(tmp_path / "cache"))
    json_of(capsys, archive, *cache)
    json_of(capsys, archive, *cache, "--output-file", str(tmp_path / "report.json"))
    assert (tmp_path / "report.json").read_text("utf-8") == cold


def _told(town: str, event: str, site: str, verb: str, count: int) -> str:
    return BODY.format(count=count, verb=verb, event=event, town=town, site=site)


EDITS = {
    "a figure edited": lambda archive: change_figure(archive / "varnholt" / "evening.md", 3, 30),
    "an article added": lambda archive: write_article(
        archive, "varnholt/tidings.md", _told("Varnholt", "ferry collision", "estuary", "rescued", 13), source="Tidings"),
    "an article deleted": lambda archive: (archive / "varnholt" / "evening.md").unlink(),
    "an article moved to another story": lambda archive: write_article(
        archive, "varnholt/evening.md", _told("Pellmouth", "warehouse fire", "harbour", "injured", 41),
        source="Evening Lantern"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_after_an_edit_the_warm_run_gives_the_json_of_a_run_without_cache(capsys, archive, tmp_path, judged, edit):
    """In an archive (more articles than stories.MAX_DF: the story index is kept and updated),
    whatever the edit, the run after it reports what a run from nothing reports, and judges
    again only the stories the edited article was or is in."""
    write_local_news(archive, 64)
    cache = ("--cache-dir", str(tmp_path / "cache"))
    before = json_of(capsys, archive, *cache)
    EDITS[edit](archive)
    judged.clear()
    after = json_of(capsys, archive, *cache)
    judged_again = len(judged)
    assert after == json_of(capsys, archive, "--no-cache") != before
    assert judged_again == (2 if edit.endswith("another story") else 1)
    assert json_of(capsys, archive, *cache) == after
