"""What git knows about the files: those changed since a revision (``--changed-since REF``) and
those it tracks (``--against-tracked``, the pre-commit hook's reference corpus).

Changed means changed on this branch since it left REF (``git diff`` against the merge base,
the way a pull request shows it), plus uncommitted and untracked files, so a PR job and a
local run before committing agree.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path


class ChangesError(Exception):
    """git could not say what changed; the message says why."""


def _git(*arguments: str, cwd: Path) -> str:
    """git's output as the file system names paths: bytes that are not UTF-8 (a file name
    from another system) decode as ``os.fsdecode`` does, so they name the same files."""
    try:
        done = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=False)
    except OSError as error:
        raise ChangesError(f"cannot run git: {error}") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "backslashreplace").strip()
        raise ChangesError(f"git {' '.join(arguments)}: {message or 'failed'}")
    return os.fsdecode(done.stdout)


def changed_files(ref: str, cwd: Path | None = None) -> frozenset[str]:
    """Real paths of the files changed since ``ref`` that still exist."""
    here = cwd or Path.cwd()
    top = Path(_git("rev-parse", "--show-toplevel", cwd=here).strip())
    base = _git("merge-base", ref, "HEAD", cwd=here).strip()
    names = _git("diff", "--name-only", "-z", base, cwd=top).split("\0")
    names += _git("ls-files", "--others", "--exclude-standard", "-z", cwd=top).split("\0")
    return frozenset(os.path.realpath(top / name) for name in names if name and (top / name).is_file())


def tracked_files(cwd: Path | None = None) -> list[str]:
    """The files in git's index that exist (staged new files included, untracked ones not),
    relative to ``cwd``; works before the first commit of a repository."""
    here = cwd or Path.cwd()
    top = Path(_git("rev-parse", "--show-toplevel", cwd=here).strip())
    names = _git("ls-files", "-z", cwd=top).split("\0")
    return [os.path.relpath(top / name, here) for name in names if name and (top / name).is_file()]
