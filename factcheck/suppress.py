"""Suppression comments inside articles, and the findings they silence.

``<!-- factcheck: ignore FC101 reason -->`` silences the named rules for the figures of its own
line when it shares the line with text, else for the paragraph that follows it (up to a blank
line or the end of an HTML block). ``<!-- factcheck: ignore-file FC101 reason -->`` silences
them for the whole article. A suppression is about figures, not findings: a finding loses the
claims that are suppressed for its rule, and disappears when its primary claim or all the
claims it disagrees with are suppressed. The same works for per-file ignores from the
configuration, which are not comments and so are never reported as unused.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from factcheck.model import Claim, Document, Finding, Location
from factcheck.provenance import LineIndex
from factcheck.rules import Rule, describe

COMMENT_OPEN = re.compile(r"<!--\s*factcheck\s*:")
COMMENT_CLOSE = "-->"
RULE_ID = re.compile(r"[A-Z]+[0-9]+")
DIRECTIVES = ("ignore", "ignore-file")
TAG = re.compile(r"<[^>]*>")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|td|th|dd|figcaption|div)\s*>", re.I)


@dataclass(frozen=True)
class Suppression:
    """One ``factcheck:`` comment: the rules it names and the span of text it covers."""

    doc: str
    location: Location
    comment: str  # the comment as written, whitespace collapsed
    rules: tuple[str, ...]
    reason: str
    start: int  # the span of Document.text it covers
    end: int
    problem: str | None = None  # why the comment is not understood, when it is not

    def covers(self, claim: Claim, rule: str) -> bool:
        return claim.doc == self.doc and rule in self.rules and self.start <= claim.start < self.end


def suppressions_in(document: Document) -> list[Suppression]:
    """Every ``factcheck:`` comment of a document, understood or not."""
    found: list[Suppression] = []
    lines: LineIndex | None = None  # made at the first comment: an archive's articles mostly have none
    for opening, body, closing in _comments(document.text):
        lines = lines or LineIndex.of(document)
        location = _location(document, lines, opening)
        comment = " ".join(document.text[opening:closing].split())
        directive, rules, reason, problem = _parse(body)
        start, end = _span(document.text, (opening, closing), directive)
        found.append(Suppression(document.id, location, comment, rules, reason, start, end, problem))
    return found


def _comments(text: str) -> Iterator[tuple[int, str, int]]:
    """(start, body, end) of each ``factcheck:`` comment, each opening closed by the first
    ``-->`` after it. Once an opening finds no ``-->``, no later one can: the search stops
    there, so unclosed comments cost one pass over the text, not one per opening."""
    position = 0
    while (opening := COMMENT_OPEN.search(text, position)) is not None:
        close = text.find(COMMENT_CLOSE, opening.end())
        if close < 0:
            return
        yield opening.start(), text[opening.end():close], close + len(COMMENT_CLOSE)
        position = close + len(COMMENT_CLOSE)


def _location(document: Document, lines: LineIndex, offset: int) -> Location:
    """Where a comment stands, as claims are located: in a JSON Lines record, the record's line
    and the character of its ``text`` field (escapes make a file column meaningless)."""
    return Location(document.path, *lines.line_column(offset))


def _parse(body: str) -> tuple[str, tuple[str, ...], str, str | None]:
    words = body.replace(",", " ").split()
    directive = words[0] if words else ""
    if directive not in DIRECTIVES:
        return directive, (), "", f"unknown directive {directive!r} (expected {' or '.join(DIRECTIVES)})"
    rules = tuple(word for word in _leading_ids(words[1:]))
    reason = " ".join(words[1 + len(rules):])
    if not rules:
        return directive, (), reason, "names no rule id (write e.g. ignore FC101 reason)"
    return directive, rules, reason, None


def _leading_ids(words: list[str]) -> Iterable[str]:
    for word in words:
        if not RULE_ID.fullmatch(word):
            return
        yield word


def _span(text: str, comment: tuple[int, int], directive: str) -> tuple[int, int]:
    """The text a comment (its start and end) covers: the file, its own line, or the paragraph
    after it."""
    if directive == "ignore-file":
        return 0, len(text)
    opening, closing = comment
    line_start = text.rfind("\n", 0, opening) + 1
    line_end = _line_end(text, closing)
    rest_of_line = text[line_start:opening] + text[closing:line_end]
    if TAG.sub("", rest_of_line).strip():
        return line_start, line_end
    return _next_paragraph(text, line_end)


def _next_paragraph(text: str, position: int) -> tuple[int, int]:
    """From the first non-blank line after ``position`` to the next blank line or block end."""
    start = end = min(position + 1, len(text))
    while end < len(text) and not text[end:_line_end(text, end)].strip():
        start = end = _line_end(text, end) + 1
    while end < len(text):
        line_end = _line_end(text, end)
        line = text[end:line_end]
        if not line.strip():
            break
        end = line_end
        if BLOCK_END.search(line):
            break
        end += 1
    return start, min(end, len(text))


def _line_end(text: str, position: int) -> int:
    found = text.find("\n", position)
    return len(text) if found < 0 else found


@dataclass(frozen=True)
class Silenced:
    """The findings left after suppression, how many were silenced, and which (suppression,
    rule) uses silenced something."""

    findings: tuple[Finding, ...]
    silenced: int
    used: frozenset[tuple[int, str]]  # (index into the suppression list, rule id)


def silence(
    findings: Iterable[Finding],
    claims: Mapping[str, Claim],
    suppressions: list[Suppression],
    file_ignored: Callable[[str], frozenset[str]],
    rules: Mapping[str, Rule],
) -> Silenced:
    """Drop the suppressed claims from every finding (and findings left with no conflict)."""
    used: set[tuple[int, str]] = set()
    by_doc: dict[str, list[int]] = {}
    for index, suppression in enumerate(suppressions):
        by_doc.setdefault(suppression.doc, []).append(index)

    def suppressed(claim: Claim, rule: str) -> bool:
        hits = [i for i in by_doc.get(claim.doc, []) if suppressions[i].covers(claim, rule)]
        used.update((i, rule) for i in hits)
        return bool(hits) or rule in file_ignored(claim.path)

    kept: list[Finding] = []
    silenced = 0
    for finding in findings:
        if not finding.claims:
            kept.append(finding)
            continue
        primary, *others = (claims[cid] for cid in finding.claims)
        primary_out = suppressed(primary, finding.rule)
        remaining = [other for other in others if not suppressed(other, finding.rule)]
        if primary_out or not remaining:
            silenced += 1
        elif len(remaining) < len(others):
            kept.append(restate(finding, primary, remaining, rules[finding.rule]))
        else:
            kept.append(finding)
    return Silenced(tuple(kept), silenced, frozenset(used))


def restate(finding: Finding, primary: Claim, others: list[Claim], rule: Rule) -> Finding:
    """The same finding about fewer (or re-ordered) claims, its message said anew."""
    return Finding(
        rule=finding.rule, severity=finding.severity, title=finding.title,
        message=describe(rule, primary, others),
        claims=(primary.id, *(other.id for other in others)),
        agreeing=finding.agreeing, group=finding.group,
    )


def unused(
    suppressions: list[Suppression],
    used: frozenset[tuple[int, str]],
    reported_rules: Iterable[str],
    known_rules: Iterable[str],
    rule: Rule,
) -> list[Finding]:
    """A finding of ``rule`` for every comment that silences nothing: not understood, naming an
    unknown rule, or naming a rule that found nothing there. Rules that were not run this
    time (not selected) are given the benefit of the doubt."""
    reported, known = set(reported_rules), set(known_rules)
    findings: list[Finding] = []
    for index, suppression in enumerate(suppressions):
        problems = [suppression.problem] if suppression.problem else []
        problems += [f"names unknown rule {rid}" for rid in suppression.rules if rid not in known]
        idle = [rid for rid in suppression.rules if rid in reported and (index, rid) not in used]
        if idle:
            problems.append(f"{', '.join(idle)} found nothing here to silence")
        if problems:
            findings.append(Finding(
                rule=rule.id, severity=rule.severity, title=rule.title,
                message=f"{rule.title}: {'; '.join(problems)} in {suppression.comment}",
                claims=(), location=suppression.location,
            ))
    return findings
