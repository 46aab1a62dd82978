"""Small corpora on disk for command-line tests: articles written here, never copied from news."""
from __future__ import annotations

from pathlib import Path

from factcheck.cli import main

INJURED = "{count} people were injured in the warehouse fire at Pellmouth harbour."


def write_article(folder: Path, name: str, body: str, date: str = "2025-06-10", source: str = "Coast Wire") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'---\ndate: "{date}"\nsource: "{source}"\n---\n{body}\n', "utf-8")
    return path


def conflicting_corpus(folder: Path) -> None:
    """Two articles that disagree on the injured (FC101) and nothing else."""
    write_article(folder / "corpus", "wire.md", INJURED.format(count="Fourteen"))
    write_article(folder / "corpus", "gazette.md", INJURED.format(count="Nine"), source="Harbour Gazette")


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
