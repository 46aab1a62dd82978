"""The article text of an HTML page, as Segments that point back into the page's source.

The stdlib parser reports where each run of text starts, so every character of the view maps
back to the page as the user has it; an entity (``&amp;``) becomes one view character that
maps to its whole source span. Only the article is kept: ``<article>`` (else ``<main>``, else
``<body>``), minus navigation, asides, footers, scripts, forms and elements whose class or id
names furniture (share bars, related and most-read lists, tickers, newsletters).
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

import regex

from factcheck.model import Segment
from factcheck.provenance import LineIndex

SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
             "svg", "iframe", "template", "select", "figure", "time"}
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
              "th", "table", "section", "article", "main", "blockquote", "pre", "dd", "dt", "hr",
              "figcaption", "title", "body"}
VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
             "track", "wbr"}
FURNITURE_ATTR = regex.compile(
    r"share|social|related|most[-_]?read|popular|trending|ticker|breaking|newsletter|subscribe|promo|"
    r"advert|\bad\b|sponsor|comment|byline|read[-_]?time|breadcrumb|menu|nav|footer|sidebar|"
    r"recommend|read[-_]?next|cookie|banner|caption|credit|tags?\b",
    regex.I,
)


@dataclass
class Page:
    blocks: list[list[Segment]] = field(default_factory=list)  # one list per visual line
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


class _ArticleParser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_index = LineIndex(text)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.pieces: dict[str, list[list[tuple[int, int, str]]]] = {"article": [], "main": [], "body": []}
        self.current: list[tuple[int, int, str]] = []
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title_text = ""

    def source_position(self) -> int:
        line, column = self.getpos()
        return self.line_index.line_starts[line - 1] + column

    def skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self._meta(attributes)
        if tag == "title":
            self.in_title = True
        if tag in BLOCK_TAGS:
            self._break()
        if tag in VOID_TAGS:
            return
        marker = f"{attributes.get('class', '')} {attributes.get('id', '')} {attributes.get('role', '')}"
        skipped = tag in SKIP_TAGS or (tag not in ("body", "html", "article", "main")
                                       and FURNITURE_ATTR.search(marker) is not None)
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:
            self._break()
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_text += data
            return
        if self.skipping() or not self._in_body():
            return
        start = self.source_position()
        self.current.append((start, start + len(data), data))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, reference: str) -> None:
        if self.in_title:
            self.title_text += html.unescape(reference)
            return
        if self.skipping() or not self._in_body():
            return
        start = self.source_position()
        end = self.text.find(";", start) + 1 or start + len(reference)
        self.current.append((start, end, html.unescape(self.text[start:end])))

    def _in_body(self) -> bool:
        return any(tag in ("body", "article", "main") for tag, _ in self.stack) or not self.stack

    def _break(self) -> None:
        if self.current:
            container = self._container()
            self.pieces[container].append(self.current)
            self.current = []

    def _container(self) -> str:
        tags = [tag for tag, _ in self.stack]
        return "article" if "article" in tags else "main" if "main" in tags else "body"

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("property") or attributes.get("name") or "").lower()
        if key and attributes.get("content"):
            self.meta[key] = attributes["content"]


def article_text(text: str) -> Page:
    """The article body of an HTML page: its blocks (paragraphs, list items) as Segments."""
    parser = _ArticleParser(text)
    parser.feed(text)
    parser.close()
    parser._break()
    blocks = parser.pieces["article"] or parser.pieces["main"] or parser.pieces["body"]
    page = Page(title=parser.title_text.strip() or parser.meta.get("og:title"))
    page.date = parser.meta.get("article:published_time", "")[:10] or None
    page.source = parser.meta.get("og:site_name")
    page.url = parser.meta.get("og:url")
    for block in blocks:
        segments = _block_segments(block)
        if segments:
            page.blocks.append(segments)
    return page


def _block_segments(block: list[tuple[int, int, str]]) -> list[Segment]:
    """A block's text runs as one line: newlines inside the markup read as spaces."""
    if not "".join(view for _, _, view in block).strip():
        return []
    return [Segment(start, end, view.replace("\n", " "), new_line=index == 0)
            for index, (start, end, view) in enumerate(block)]
