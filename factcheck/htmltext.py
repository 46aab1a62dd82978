"""The article text of an HTML page, as Segments that point back into the page's source.

The stdlib parser reports where each run of text starts, so every character of the view maps
back to the page as the user has it; an entity (``&amp;``) becomes one view character that
maps to its whole source span. Only the article is kept: ``<article>`` (else ``<main>``, else
``<body>``), minus navigation, asides, footers, scripts, forms and elements whose class or id
names furniture (share bars, related and most-read lists, tickers, newsletters).
"""
from __future__ import annotations

import html
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

import regex

from factcheck import metadata
from factcheck.lexicon import load
from factcheck.model import Segment
from factcheck.provenance import LineIndex

SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
             "svg", "iframe", "template", "select", "figure", "time"}
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
              "th", "table", "section", "article", "main", "blockquote", "pre", "dd", "dt", "hr",
              "figcaption", "title", "body"}
VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
             "track", "wbr"}
# Elements whose end tag may be left out, and the start tags that close them (the HTML standard's
# "optional end tags"): without this, an unclosed ``<p class="byline">`` would swallow the article.
_CLOSE_P = {"p", "div", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
            "article", "main", "aside", "nav", "header", "footer", "blockquote", "pre", "figure",
            "form", "hr"}
IMPLIED_END = {"p": _CLOSE_P, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"},
               "tr": {"tr"}, "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}, "option": {"option"}}
DATE_META = ("article:published_time", "og:published_time", "date", "dc.date", "pubdate",
             "publish-date", "parsely-pub-date", "sailthru.date")
BLANK = " \t\n\r\f\v\xa0\ufeff"
@cache
def _furniture_attribute() -> regex.Pattern:
    """Class, id or role words that name page furniture (lexicons/furniture.toml [html])."""
    return regex.compile("|".join(load("furniture")["html"]["attributes"]), regex.I)


class _OpenElements:
    """The stack of open elements, with what the parser asks of it on every tag and text run
    kept as counts (is anything open skipped, is ``<head>``, ``<article>`` or ``<main>`` open),
    so that no question walks the stack: deep markup must not cost the square of its depth.
    Tag names are interned and the stack is held in parallel lists and arrays: unclosed
    markup keeps every element open, and a tuple and a name per element cost several times
    the markup."""

    def __init__(self) -> None:
        self.tags: list[str] = []
        self.skips = bytearray()  # per open element: 1 when it is skipped
        self.open: Counter[str] = Counter()
        self.skipped = 0
        self.structural = array("q")  # stack indices of block elements and implied-end ones

    def push(self, tag: str, skipped: bool) -> None:
        if tag in BLOCK_TAGS or tag in IMPLIED_END:
            self.structural.append(len(self.tags))
        self.tags.append(sys.intern(tag))
        self.skips.append(skipped)
        self.open[tag] += 1
        self.skipped += skipped

    def close_from(self, index: int) -> None:
        """Close the element at ``index`` and every element opened inside it."""
        while len(self.tags) > index:
            self.open[self.tags.pop()] -= 1
            self.skipped -= self.skips.pop()
        while self.structural and self.structural[-1] >= index:
            self.structural.pop()

    def innermost(self, tag: str) -> int | None:
        """The stack index of the innermost open ``tag``; the walk ends at the element it finds,
        all of which its end tag then closes, so walking costs no more than closing."""
        if not self.open[tag]:
            return None
        return next(i for i in range(len(self.tags) - 1, -1, -1) if self.tags[i] == tag)


class _Runs:
    """The text runs of one container (``<article>``, ``<main>`` or the body), block by block,
    held in arrays: a run's view is read from the page when it is the page's text as written,
    and kept only when it is not (a reference such as ``&amp;``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends = array("q"), array("q")
        self.views: list[str | None] = []
        self.firsts = array("q")  # the run each block with text starts at
        self.blocks = 0  # every block met, blank ones too: a container with any is the article's

    def add(self, block: list[tuple[int, int, str | None]]) -> None:
        """A block's runs, ``(start, end, view)``, the view None when it is the page's text."""
        self.blocks += 1
        if not any(self._view(start, end, view).strip(BLANK) for start, end, view in block):
            return
        self.firsts.append(len(self.views))
        for start, end, view in block:
            self.starts.append(start)
            self.ends.append(end)
            self.views.append(view)

    def _view(self, start: int, end: int, view: str | None) -> str:
        return self.text[start:end] if view is None else view

    def _block(self, block: int) -> range:
        return range(self.firsts[block], self.firsts[block + 1] if block + 1 < len(self.firsts) else len(self.views))

    def lines(self) -> list[str]:
        """Each block's text as one line: newlines inside the markup read as spaces."""
        return ["".join(self._view(self.starts[i], self.ends[i], self.views[i]) for i in self._block(block)).replace("\n", " ")
                for block in range(len(self.firsts))]

    def segments(self, blocks: Iterable[int]) -> Iterator[Segment]:
        """The Segments of the given blocks, in order, each block one line."""
        for block in blocks:
            for i in self._block(block):
                view = self._view(self.starts[i], self.ends[i], self.views[i]).replace("\n", " ")
                yield Segment(self.starts[i], self.ends[i], view, new_line=i == self.firsts[block])


@dataclass
class Page:
    runs: _Runs  # the article's text runs
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None

    def lines(self) -> list[str]:
        """The text of each block of the article (paragraphs, list items), one line each."""
        return self.runs.lines()


class _ArticleParser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_index = LineIndex(text)
        self.elements = _OpenElements()
        self.pieces = {"article": _Runs(text), "main": _Runs(text), "body": _Runs(text)}
        self.current: list[tuple[int, int, str | None]] = []  # the runs of the block being read
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title_text = ""

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![`` opening neither CDATA nor a conditional section (``<![ 1 ]>``): the stdlib's
        base class raises on it; a browser reads it as a bogus comment, up to the next ``>``."""
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # the base class moved it before raising
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def source_position(self) -> int:
        line, column = self.getpos()
        return self.line_index.line_starts[line - 1] + column

    def skipping(self) -> bool:
        return self.elements.skipped > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self._meta(attributes)
        if tag == "title":
            self.in_title = True
        if tag == "time" and attributes.get("datetime"):
            self.meta.setdefault("time", attributes["datetime"])
        if tag in BLOCK_TAGS:
            self._break()
        if tag in VOID_TAGS:
            return
        self._close_implied(tag)
        marker = f"{attributes.get('class', '')} {attributes.get('id', '')} {attributes.get('role', '')}"
        skipped = tag in SKIP_TAGS or (tag not in ("body", "html", "article", "main")
                                       and _furniture_attribute().search(marker) is not None)
        self.elements.push(tag, skipped)

    def _close_implied(self, tag: str) -> None:
        """Close the innermost open block element that ``tag`` ends implicitly (``<p>`` a ``<p>``).
        Only block elements and those with an optional end tag can be closed or stop the
        search, so only they are visited."""
        for index in reversed(self.elements.structural):
            open_tag = self.elements.tags[index]
            if tag in IMPLIED_END.get(open_tag, ()):
                self.elements.close_from(index)
                return
            if open_tag in BLOCK_TAGS:
                return

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:
            self._break()
        index = self.elements.innermost(tag)
        if index is not None:
            self.elements.close_from(index)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_text += data
            return
        if self.skipping() or not self._in_body():
            return
        start = self.source_position()
        self.current.append((start, start + len(data), None))  # the page's text as written

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def _reference(self, reference: str) -> None:
        """An entity or character reference: one view character for its whole source span,
        which ends after the name and its ``;`` when there is one (``&amp`` may lack it)."""
        start = self.source_position()
        end = start + len(reference)
        if self.text.startswith(";", end):
            end += 1
        view = html.unescape(self.text[start:end])
        if self.in_title:
            self.title_text += view
        elif not self.skipping() and self._in_body():
            self.current.append((start, end, view))

    def trailing_text(self, start: int) -> None:
        """The text after the page's last ``>``, taken as it is: no tag can end there, and the
        stdlib parser, given a tag that never ends, reads on to the end of the page for each
        ``<`` after it (``<a b='`` repeated: time growing with the square of the page)."""
        data = self.text[start:]
        if data.strip(BLANK) and not self.skipping() and self._in_body() and not self.in_title:
            self.current.append((start, len(self.text), None))

    def _in_body(self) -> bool:
        """Text outside ``<head>`` is the page's body, whether or not ``<body>`` is written."""
        return not self.elements.open["head"]

    def _break(self) -> None:
        if self.current:
            self.pieces[self._container()].add(self.current)
            self.current = []

    def _container(self) -> str:
        open_tags = self.elements.open
        return "article" if open_tags["article"] else "main" if open_tags["main"] else "body"

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("property") or attributes.get("name") or "").lower()
        if key and attributes.get("content"):
            self.meta[key] = attributes["content"]


def article_text(text: str) -> Page:
    """The article body of an HTML page: its blocks (paragraphs, list items) as text runs, each
    block one line (``Page.lines``; ``Page.runs.segments`` gives their Segments)."""
    parser = _ArticleParser(text)
    markup_end = text.rfind(">") + 1
    parser.feed(text[:markup_end])
    parser.close()
    parser.trailing_text(markup_end)
    parser._break()
    runs = next((runs for runs in parser.pieces.values() if runs.blocks), parser.pieces["body"])
    page = Page(runs, title=parser.title_text.strip() or parser.meta.get("og:title"))
    page.date = _published(parser.meta)
    page.source = parser.meta.get("og:site_name")
    page.url = parser.meta.get("og:url")
    return page


def _published(meta: dict[str, str]) -> str | None:
    """The page's publication date from its meta tags, else its first ``<time datetime>``."""
    for key in (*DATE_META, "time"):
        found = metadata.iso_date(meta.get(key))
        if found:
            return found
    return None
