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


def findings(capsys, *arguments: str) -> tuple[int, list[dict]]:
    code, out, err = run(capsys, "check", "corpus", "--format", "json", *arguments)
    assert code in (0, 1), err
    return code, json.loads(out)["findings"]


def accept_today(repo, capsys) -> None:
    code, _, _ = run(capsys, "baseline", "corpus")
    assert code == 0
    git(repo, "add", "factcheck-baseline.json")
    git(repo, "commit", "-q", "-m", "accept the known conflicts")


def test_without_a_baseline_the_known_conflict_fails(repo, capsys):
    code, found = findings(capsys, "--isolated")
    assert code == 1 and [f["rule"] for f in found] == ["FC101"]


def test_baseline_makes_known_conflicts_pass(repo, capsys):
    accept_today(repo, capsys)
    assert findings(capsys) == (0, [])


def test_baseline_survives_edits_elsewhere_in_the_file(repo, capsys):
    accept_today(repo, capsys)
    write_article(repo / "corpus", "wire.md", "A new first paragraph.\n\n" + INJURED.format(count="Fourteen"))
    assert findings(capsys) == (0, [])


def test_new_conflicting_article_fails_the_gate(repo, capsys):
    accept_today(repo, capsys)
    write_article(repo / "corpus", "evening.md", INJURED.format(count="Thirty"), source="Evening Lamp")
    code, found = findings(capsys)
    assert code == 1
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
    _, everything = findings(capsys, "--isolated")
    code, changed = findings(capsys, "--isolated", "--changed-since", "main")
    assert code == 1 and len(changed) < len(everything)
    assert all(f["claims"][0] == "corpus/evening.md#1" for f in changed)
    assert {c for f in changed for c in f["claims"][1:]} == {"corpus/wire.md#1", "corpus/gazette.md#1"}


def test_changed_since_with_nothing_changed_is_clean(repo, capsys):
    assert findings(capsys, "--isolated", "--changed-since", "HEAD") == (0, [])


def test_changed_since_an_unknown_revision_exits_2(repo, capsys):
    code, _, err = run(capsys, "check", "corpus", "--changed-since", "no-such-branch")
    assert code == 2 and "no-such-branch" in err
