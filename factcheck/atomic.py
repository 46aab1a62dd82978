"""Files (and folders) written whole or not at all: every file factcheck writes goes through here.

The text goes to a temporary file beside the target, is flushed to disk, and replaces the
target in one rename, so an interrupted or failed write leaves the old file as it was (and no
half-written baseline or cache marker is ever read). A new folder is filled beside its place
and renamed into it, so a run that finds it finds it complete.
"""
from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path


def write_text(path: Path, text: str | Iterable[str | bytes]) -> None:
    """Replace (or create) ``path`` with ``text`` (or its pieces, written as they come) in
    UTF-8, atomically; a piece that is bytes is UTF-8 already, and copied."""
    def write(temporary: Path) -> None:
        with open(temporary, "wb") as handle:
            for piece in [text] if isinstance(text, str) else text:
                handle.write(piece if isinstance(piece, bytes) else piece.encode())
            handle.flush()
            os.fsync(handle.fileno())

    replace_with(path, write)


def replace_with(path: Path, make: Callable[[Path], None]) -> None:
    """Let ``make`` write a temporary file beside ``path`` (it exists, empty), then rename it
    over ``path``; on any failure the temporary file is removed and ``path`` is untouched. The
    new file has the old one's permissions, or those a new file gets. A read-only file stays:
    renaming over it would ignore what its permissions say."""
    if path.exists() and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        make(temporary)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def make_folder(folder: Path, files: Mapping[str, str]) -> None:
    """Create ``folder`` holding ``files`` (name -> text) in one rename; when another process
    makes it first, theirs stands and ours is removed."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    try:
        for name, text in files.items():
            (temporary / name).write_text(text, "utf-8")
        os.chmod(temporary, 0o777 & ~_umask())
        os.rename(temporary, folder)
    except OSError:
        shutil.rmtree(temporary, ignore_errors=True)
        if not folder.is_dir():
            raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
