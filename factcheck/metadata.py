"""Publication date and outlet, as an article states them in its own text.

Used when no front matter or JSON field gives them: a ``date 2024-05-13`` line, a
``14 May 2024 00:27`` byline, a ``Source: NBC News`` line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex
import yaml

from factcheck.lexicon import fold, load

MONTHS = {  # the first three letters of each month (lexicons/calendar.toml) -> its number
    fold(names[0][:3]): index for index, names in enumerate(load("calendar")["months"], start=1)
}
_MONTH = rf"(?P<month>{'|'.join(MONTHS)})[a-z]*\.?"
_DATE_PATTERNS = [
    regex.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})(?!\d)"),
    regex.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b", regex.I),
    regex.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d{{2}})\b", regex.I),
]
_SOURCE = regex.compile(r"^\s*(?:[•·*-]\s*)?source\s*:\s*(?P<source>[^\n]{2,60})$", regex.I | regex.M)
HEAD_CHARS = 4000


@dataclass(frozen=True)
class Found:
    date: str | None
    source: str | None


_DATE_LINE = regex.compile(r"\bdate[:\s]\s*(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b", regex.I)
MAX_DATELINE_EXTRA = 30  # a line that is a date and little else: a byline or a dateline


def from_text(text: str) -> Found:
    """The stated date (a ``date`` line or a short dateline) and source line near the top."""
    head = text[:HEAD_CHARS]
    source = _SOURCE.search(head)
    return Found(stated_date(head), source.group("source").strip() if source else None)


def stated_date(text: str) -> str | None:
    explicit = _DATE_LINE.search(text)
    if explicit and _exists(explicit.group("iso")):
        return explicit.group("iso")
    for line in text.split("\n"):
        found = first_date(line)
        if found and len(line.strip()) <= len(found) + MAX_DATELINE_EXTRA:
            return found
    return None


def first_date(text: str) -> str | None:
    """The earliest-placed full date in ``text`` as ISO ``YYYY-MM-DD``."""
    best: tuple[int, str] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso)
                break
    return best[1] if best else None


def _exists(iso: str) -> bool:
    """``date 2024-02-30`` names no day: the text states no date."""
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _iso(match: regex.Match) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[fold(groups["month"])[:3]]
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """A front-matter or JSON date (a date object or a string) as ISO, or None."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return first_date(str(value))


def first_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip(" \t\r\ufeff"):
            return line.strip(" \t\r\ufeff")[:200]
    return None


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases: a few hundred bytes of nested aliases (a "billion
    laughs") expand to gigabytes once anything walks the values."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not read in front matter", mark)
        return super().compose_node(parent, index)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)  # libyaml's parser, when PyYAML was built with it
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE  # what PyYAML's reader refuses


def front_matter_values(text: str) -> object:
    """The YAML of a front matter, without aliases (``yaml.YAMLError`` when it has one).

    Front matter that cannot hold an alias (no ``*``) and that PyYAML's own reader would take
    (only printable characters, no byte order mark) is parsed by libyaml, some 20 times faster
    (0.66 ms of the 12 ms an archive article took to read and extract); its nodes are
    resolved and constructed by the same Python classes. When libyaml refuses the text, the
    pure-Python loader reads it again, so that an error and its message are PyYAML's own."""
    if _FAST_LOADER is not None and "*" not in text and "\ufeff" not in text and not _NON_PRINTABLE.search(text):
        try:
            return yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=_NoAliasLoader)

