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


def invented_town(number: int) -> str:
    """A made-up place name, different for every number ("Bacebiville")."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    syllables = (consonants[(number >> 4 * k) % 16] + vowels[(number >> 4 * k + 2) % 5] for k in range(3))
    return "".join(syllables).capitalize() + "ville"


def write_local_news(folder: Path, count: int) -> None:
    """``count`` short reports of unrelated local news, each in words of its own: with them the
    archive holds more than ``stories.MAX_DF`` articles, and is judged as an archive."""
    for number in range(count):
        towns = [invented_town(5 * number + k) for k in range(5)]
        body = (f"In {towns[0]} the {towns[1]} committee met {number + 2} traders from {towns[2]} "
                f"about {towns[3]} harbour fees and the {towns[4]} ferry.")
        write_article(folder, f"local/{towns[0].lower()}.md", body, date=f"2025-0{1 + number % 9}-1{number % 10}")
