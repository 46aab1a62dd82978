"""Discovery: which files below a folder are read, the way ruff finds files."""
from __future__ import annotations

import os

from factcheck.discover import expand_paths
from factcheck.model import InputError

ARTICLE = "Nine people were injured in the fire.\n"


def write(folder, relative: str, text: str = ARTICLE) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def found(folder) -> tuple[list[str], list[InputError], list[str]]:
    errors: list[InputError] = []
    unknown: list[str] = []
    files = [os.path.relpath(path, folder) for path in expand_paths([str(folder)], errors, unknown)]
    return files, errors, [os.path.relpath(path, folder) for path in unknown]


def test_folders_starting_with_an_underscore_are_read(tmp_path):
    write(tmp_path, "_posts/2025-06-10-fire.md")
    write(tmp_path, "content/_index.md")
    assert found(tmp_path)[0] == ["_posts/2025-06-10-fire.md", "content/_index.md"]


def test_hidden_folders_and_tool_folders_are_not_read(tmp_path):
    write(tmp_path, ".drafts/a.md")
    write(tmp_path, "node_modules/pkg/README.md")
    write(tmp_path, ".venv/lib/notes.txt")
    write(tmp_path, "articles/a.md")
    assert found(tmp_path)[0] == ["articles/a.md"]


def test_gitignore_in_the_folder_is_honoured(tmp_path):
    write(tmp_path, ".gitignore", "drafts/\n*.txt\n!keep.txt\n")
    write(tmp_path, "drafts/a.md")
    write(tmp_path, "notes.txt")
    write(tmp_path, "keep.txt")
    write(tmp_path, "b.md")
    assert found(tmp_path)[0] == ["b.md", "keep.txt"]


def test_a_deeper_gitignore_decides_over_one_above(tmp_path):
    write(tmp_path, ".gitignore", "*.html\n")
    write(tmp_path, "wire/.gitignore", "!*.html\n")
    write(tmp_path, "page.html", "<p>Nine people were injured.</p>")
    write(tmp_path, "wire/page.html", "<p>Nine people were injured.</p>")
    assert found(tmp_path)[0] == ["wire/page.html"]


def test_gitignore_above_the_folder_counts_inside_its_repository(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "archive/\n")
    write(tmp_path, "corpus/archive/old.md")
    write(tmp_path, "corpus/new.md")
    files, _, _ = found(tmp_path / "corpus")
    assert files == ["new.md"]


def test_gitignore_above_the_folder_does_not_count_outside_a_repository(tmp_path):
    write(tmp_path, ".gitignore", "archive/\n")
    write(tmp_path, "corpus/archive/old.md")
    assert found(tmp_path / "corpus")[0] == ["archive/old.md"]


def test_files_in_no_article_format_are_named_not_read(tmp_path):
    write(tmp_path, "a.md")
    write(tmp_path, "scan.pdf", "%PDF")
    files, errors, unknown = found(tmp_path)
    assert files == ["a.md"] and unknown == ["scan.pdf"] and errors == []


def test_a_symlinked_folder_inside_the_corpus_is_read(tmp_path):
    write(tmp_path / "elsewhere", "wire/a.md")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "wire").symlink_to(tmp_path / "elsewhere" / "wire", target_is_directory=True)
    assert found(tmp_path / "corpus")[0] == ["wire/a.md"]


def test_a_symlink_loop_is_an_error_naming_it_and_the_rest_is_read(tmp_path):
    write(tmp_path, "corpus/a.md")
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus", target_is_directory=True)
    files, errors, _ = found(tmp_path / "corpus")
    assert files == ["a.md"]
    assert [(os.path.relpath(e.path, tmp_path), "loop" in e.message) for e in errors] == [("corpus/loop", True)]


def test_a_link_to_itself_is_an_error_naming_it(tmp_path):
    write(tmp_path, "a.md")
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    files, errors, _ = found(tmp_path)
    assert files == ["a.md"] and [os.path.basename(e.path) for e in errors] == ["self.md"]
