"""Discovery: the article files below a folder, found the way ruff finds Python files.

A walk reads every folder (Jekyll's ``_posts`` and Hugo's ``_index`` included) except hidden
ones, the folders tools make (``DEFAULT_EXCLUDES``) and what ``.gitignore`` files ignore: those
below the folder and those above it up to the repository's root, the deeper one deciding, as
git does. Symbolic links to folders are followed; a link back to a folder being walked (a
loop) is an error naming it. Files in no article format are counted, so a run can name them.
A file that cannot be read as an article (a name that is not UTF-8, a named pipe, a device) is
an error naming it, never opened; every error names its path printably.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pathspec

from factcheck.formats import TEXT_SUFFIXES
from factcheck.model import InputError

# ruff's default excludes that a newsroom repository can hold, and static-site builds
# (Jekyll's _site) that copy every article.
DEFAULT_EXCLUDES = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", ".nox", ".tox", ".direnv", ".eggs", "__pycache__",
    "__pypackages__", "node_modules", "site-packages", "_build", "buck-out", "build", "dist", "_site",
})
GITIGNORE = ".gitignore"
FILE_KINDS = {stat.S_ISFIFO: "a named pipe (FIFO)", stat.S_ISCHR: "a character device",
              stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}


@dataclass(frozen=True)
class Ignore:
    """One ``.gitignore``: its folder and its patterns."""

    folder: str
    spec: pathspec.GitIgnoreSpec

    def verdict(self, path: str, is_dir: bool) -> bool | None:
        """True (ignored), False (re-included by ``!``) or None (no pattern matches)."""
        relative = os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")
        if relative.startswith("../"):
            return None
        return self.spec.check_file(relative + "/" if is_dir else relative).include


@dataclass
class Walk:
    """What walking the folders met: article files, files of no article format, errors."""

    errors: list[InputError]
    unknown: list[str]


def expand_paths(paths: Iterable[str], errors: list[InputError], unknown: list[str] | None = None) -> Iterator[str]:
    """Files named directly, and the article files below each folder, sorted, each once.

    Files below folders in no article format are added to ``unknown``."""
    walk = Walk(errors, unknown if unknown is not None else [])
    given: set[str] = set()
    parents: dict[str, str] = {}
    for path in paths:
        for found, real in _files_of(path, walk):
            key = found if found == "-" else real or real_path(found, parents)
            if key not in given:
                given.add(key)
                yield found


def real_path(path: str, parents: dict[str, str]) -> str:
    """``os.path.realpath`` of a file, its folder's worked out once for all the files in it
    (``parents``): a folder of 10,000 articles otherwise costs a second of system calls."""
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    if folder not in parents:
        parents[folder] = os.path.realpath(folder)
    return os.path.join(parents[folder], name)


def article_files(
    paths: Iterable[str], errors: list[InputError], unknown: list[str] | None = None,
    wanted: Callable[[str], bool] | None = None,
) -> Iterator[str]:
    """The files ``expand_paths`` finds (and ``wanted`` keeps) that can be read as articles:
    ``-``, or regular files whose names are UTF-8 (the name goes into every report and the
    cache); each other one is an error naming it. Every error names its path printably."""
    met: list[InputError] = []
    for path in expand_paths(paths, met, unknown):
        errors.extend(_printable(error) for error in met)
        met.clear()
        if wanted is not None and not wanted(path):
            continue
        problem = None if path == "-" else unreadable_file(path)
        if problem:
            errors.append(InputError(printable_path(path), problem))
        else:
            yield path
    errors.extend(_printable(error) for error in met)


def _printable(error: InputError) -> InputError:
    return InputError(printable_path(error.path), error.message)


def unreadable_file(path: str) -> str | None:
    """Why the file at ``path`` cannot be read as an article, or None."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not UTF-8; rename the file to check it"
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    kind = next((name for test, name in FILE_KINDS.items() if test(mode)), None)
    return f"not a regular file but {kind}; pipe it to - to check what it holds" if kind else None


def printable_path(path: str) -> str:
    """A path as text that can be printed and written to JSON: bytes that are not UTF-8 shown
    as ``\\xff`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _files_of(path: str, walk: Walk) -> list[tuple[str, str | None]]:
    """The files ``path`` names, sorted, each with its real path when the walk knows it."""
    if path == "-" or (os.path.exists(path) and not os.path.isdir(path)):
        return [(path, None)]
    if not os.path.isdir(path):
        walk.errors.append(InputError(path, "no such file or folder"))
        return []
    found = sorted(_files_below(path, walk))
    if not found:
        suffixes = ", ".join(sorted(TEXT_SUFFIXES))
        walk.errors.append(InputError(path, f"no article files in this folder (looked for {suffixes})"))
    return found


def _files_below(top: str, walk: Walk) -> Iterator[tuple[str, str]]:
    """Depth first, with the ``.gitignore`` files and real paths of the folders above; each
    file with its real path (a file that is no link is where its folder really is: asking the
    system for each of 10,000 articles' was a tenth of a warm run's discovery)."""
    real_top = os.path.realpath(top)
    stack = [(top, real_top, _ignores_above(top), frozenset({real_top}))]
    while stack:
        folder, real_folder, ignores, ancestors = stack.pop()
        ignores = ignores + _ignore_in(folder)
        for entry in _entries(folder, walk):
            path = os.path.join(folder, entry.name)
            if entry.name.startswith(".") or _ignored(path, entry, ignores):
                continue
            if _is_dir(entry):
                # a folder that is no link is where its parent really is: no system call
                real = os.path.realpath(path) if _is_link(entry) else os.path.join(real_folder, entry.name)
                if real in ancestors:
                    walk.errors.append(InputError(path, "symbolic link loop (links back to a folder above it); skipped"))
                else:
                    stack.append((path, real, ignores, ancestors | {real}))
            elif not _is_file(entry):
                problem = unreadable_file(path) if os.path.exists(path) else "broken symbolic link"
                walk.errors.append(InputError(path, f"{problem or 'not a regular file'}; skipped"))
            elif os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES:
                yield path, os.path.realpath(path) if _is_link(entry) else os.path.join(real_folder, entry.name)
            else:
                walk.unknown.append(path)


def _entries(folder: str, walk: Walk) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as error:
        walk.errors.append(InputError(folder, f"cannot read folder: {error.strerror or error}"))
        return []


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return True  # then its real path is asked of the system


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _ignored(path: str, entry: os.DirEntry, ignores: tuple[Ignore, ...]) -> bool:
    is_dir = _is_dir(entry)
    if is_dir and entry.name in DEFAULT_EXCLUDES:
        return True
    for ignore in reversed(ignores):  # the deepest .gitignore decides
        verdict = ignore.verdict(path, is_dir)
        if verdict is not None:
            return verdict
    return False


def _ignore_in(folder: str) -> tuple[Ignore, ...]:
    try:
        with open(os.path.join(folder, GITIGNORE), encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return ()
    return (Ignore(os.path.abspath(folder), pathspec.GitIgnoreSpec.from_lines(lines)),)


def _ignores_above(top: str) -> tuple[Ignore, ...]:
    """The ``.gitignore`` files of the folders above ``top`` inside its git repository
    (none outside one), outermost first."""
    above: list[str] = []
    folder = os.path.abspath(top)
    while True:
        parent = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            break
        folder = parent
        above.append(folder)
    if not os.path.exists(os.path.join(folder, ".git")):
        return ()
    return tuple(ignore for path in reversed(above) for ignore in _ignore_in(path))
