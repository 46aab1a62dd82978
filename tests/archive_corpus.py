"""A small invented archive on disk: several stories, each told by a few outlets whose figures
disagree, in words of its own so that each is a story component of its own."""
from __future__ import annotations

from pathlib import Path

from helpers_cli import write_article

STORIES = [
    ("Pellmouth", "warehouse fire", "harbour", "injured", (14, 9, 14)),
    ("Varnholt", "ferry collision", "estuary", "rescued", (31, 31, 3)),
    ("Quillbury", "bridge collapse", "viaduct", "killed", (6, 7, 60)),
    ("Ostmarsh", "chemical leak", "refinery", "evacuated", (200, 250, 200)),
]
OUTLETS = ("Coast Wire", "Harbour Gazette", "Evening Lantern")
BODY = ("{count} people were {verb} in the {event} at the {town} {site}, the {town} {site} "
        "authority said of the {town} {event}.")


def write_archive(folder: Path) -> list[Path]:
    """One file per article (the articles of a story under one folder); returns the paths."""
    paths = []
    for town, event, site, verb, counts in STORIES:
        for outlet, count in zip(OUTLETS, counts):
            body = BODY.format(count=count, verb=verb, event=event, town=town, site=site)
            name = f"{town.lower()}/{outlet.split()[0].lower()}.md"
            paths.append(write_article(folder, name, body, source=outlet))
    return paths


def change_figure(path: Path, old: int, new: int) -> None:
    path.write_text(path.read_text("utf-8").replace(f"{old} people", f"{new} people"), "utf-8")
