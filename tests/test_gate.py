"""The CI gate on a corpus repository, end to end through the command line and real git."""
from __future__ import annotations

import json
import subprocess

import pytest

from helpers_cli import INJURED, conflicting_corpus, run, write_article


def git(repo, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A newsroom repository: two articles already in conflict, accepted in a baseline."""
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.name", "Test Desk")
    git(tmp_path, "config", "user.email", "desk@example.org")
    conflicting_corpus(tmp_path)
    (tmp_path / "factcheck.toml").write_text('baseline = "factcheck-baseline.json"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "published articles")
    return tmp_path


def findings(capsys, expected_code: int, *arguments: str, corpus: str = "corpus") -> list[dict]:
    code, out, err = run(capsys, "check", corpus, "--format", "json", *arguments)
    assert code == expected_code, err
    return json.loads(out)["findings"]


def accept_today(repo, capsys) -> None:
    code, _, _ = run(capsys, "baseline", "corpus")
    assert code == 0
    git(repo, "add", "factcheck-baseline.json")
    git(repo, "commit", "-q", "-m", "accept the known conflicts")


def test_without_a_baseline_the_known_conflict_fails(repo, capsys):
    found = findings(capsys, 1, "--isolated")
    assert [f["rule"] for f in found] == ["FC101"]


def test_baseline_makes_known_conflicts_pass(repo, capsys):
    accept_today(repo, capsys)
    assert findings(capsys, 0) == []


def test_baseline_holds_when_the_corpus_is_named_by_its_absolute_path(repo, capsys):
    accept_today(repo, capsys)
    assert findings(capsys, 0, corpus=str(repo / "corpus")) == []


def test_baseline_holds_when_checked_from_another_working_folder(repo, capsys, monkeypatch):
    accept_today(repo, capsys)
    monkeypatch.chdir(repo / "corpus")
    assert findings(capsys, 0, corpus=".") == []


def test_baseline_survives_edits_elsewhere_in_the_file(repo, capsys):
    accept_today(repo, capsys)
    write_article(repo / "corpus", "wire.md", "A new first paragraph.\n\n" + INJURED.format(count="Fourteen"))
    assert findings(capsys, 0) == []


def test_new_conflicting_article_fails_the_gate(repo, capsys):
    accept_today(repo, capsys)
    write_article(repo / "corpus", "evening.md", INJURED.format(count="Thirty"), source="Evening Lamp")
    found = findings(capsys, 1)
    assert all("corpus/evening.md#1" in f["claims"] for f in found)


def test_suppressed_new_article_passes(repo, capsys):
    accept_today(repo, capsys)
    body = INJURED.format(count="Thirty") + " <!-- factcheck: ignore FC101 hospital count, confirmed -->"
    write_article(repo / "corpus", "evening.md", body, source="Evening Lamp")
    code, out, _ = run(capsys, "check", "corpus", "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["suppressed"] == 1


def test_changed_since_reports_only_findings_about_changed_files(repo, capsys):
    git(repo, "checkout", "-q", "-b", "new-story")
    write_article(repo / "corpus", "evening.md", INJURED.format(count="Thirty"), source="Evening Lamp")
    git(repo, "add", "corpus/evening.md")
    git(repo, "commit", "-q", "-m", "new story")
    everything = findings(capsys, 1, "--isolated")
    changed = findings(capsys, 1, "--isolated", "--changed-since", "main")
    assert len(changed) < len(everything)
    assert all(f["claims"][0] == "corpus/evening.md#1" for f in changed)
    assert {c for f in changed for c in f["claims"][1:]} == {"corpus/wire.md#1", "corpus/gazette.md#1"}


def test_changed_since_with_nothing_changed_is_clean(repo, capsys):
    assert findings(capsys, 0, "--isolated", "--changed-since", "HEAD") == []


def test_changed_since_an_unknown_revision_exits_2(repo, capsys):
    code, _, err = run(capsys, "check", "corpus", "--changed-since", "no-such-branch")
    assert code == 2 and "no-such-branch" in err
