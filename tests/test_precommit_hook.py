"""The pre-commit hook, run by the real pre-commit in a git repository each test builds.

The hook is installed as ``repo: local`` with the entry, files and options of
``.pre-commit-hooks.yaml`` and ``language: system`` (the factcheck installed beside this
interpreter): ``language: python`` would have pre-commit build a virtualenv and install
factcheck into it from an index, which a machine without network cannot do."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers_cli import INJURED, write_article

from conftest import ROOT

HOOK, = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))


def git(repo: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *arguments], cwd=repo, check=True, capture_output=True, text=True)


def hook_environment(repo: Path) -> dict[str, str]:
    """This interpreter's scripts (factcheck) first on PATH, pre-commit's store in the test."""
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "CI": "1"}


def pre_commit(repo: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *arguments], cwd=repo, env=hook_environment(repo),
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def repo(tmp_path) -> Path:
    """An empty repository with the hook configured, nothing committed yet."""
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test Desk")
    git(repo, "config", "user.email", "desk@example.org")
    hook = {key: HOOK[key] for key in ("id", "name", "entry", "pass_filenames", "require_serial", "files")}
    config = {"repos": [{"repo": "local", "hooks": [{**hook, "language": "system", "args": ["--no-cache"]}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    return repo


def commit(repo: Path, message: str) -> subprocess.CompletedProcess:
    """``git commit`` with the hook installed: its output and exit code."""
    pre_commit(repo, "install")
    return subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, env=hook_environment(repo),
                          capture_output=True, text=True, timeout=300)


def test_all_files_fails_on_conflicts_committed_earlier(repo):
    write_article(repo / "corpus", "wire.md", INJURED.format(count="Fourteen"))
    write_article(repo / "corpus", "gazette.md", INJURED.format(count="Nine"), source="Harbour Gazette")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "--no-verify", "-m", "two conflicting articles")
    done = pre_commit(repo, "run", "--all-files")
    assert done.returncode == 1 and "FC101" in done.stdout


def test_first_commit_of_a_clean_corpus_passes(repo):
    write_article(repo / "corpus", "wire.md", INJURED.format(count="Fourteen"))
    git(repo, "add", ".")
    done = commit(repo, "first article")
    assert done.returncode == 0, done.stdout + done.stderr
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_a_staged_article_that_conflicts_with_a_tracked_one_is_refused(repo):
    write_article(repo / "corpus", "wire.md", INJURED.format(count="Fourteen"))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "--no-verify", "-m", "first article")
    write_article(repo / "corpus", "gazette.md", INJURED.format(count="Nine"), source="Harbour Gazette")
    git(repo, "add", "corpus/gazette.md")
    done = commit(repo, "a conflicting article")
    assert done.returncode != 0 and "FC101" in done.stdout + done.stderr


def test_an_untracked_draft_does_not_block_an_unrelated_commit(repo):
    write_article(repo / "corpus", "wire.md", INJURED.format(count="Fourteen"))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "--no-verify", "-m", "first article")
    write_article(repo / "drafts", "gazette.md", INJURED.format(count="Nine"), source="Harbour Gazette")
    write_article(repo / "corpus", "weather.md", "Two ferries were cancelled on Tuesday because of the storm.")
    git(repo, "add", "corpus/weather.md")
    done = commit(repo, "an unrelated article")
    assert done.returncode == 0, done.stdout + done.stderr
