"""One line per finding, ``path:line:col: FC101 message``, by file and line: the shape editors,
vim's quickfix (``%f:%l:%c: %m``) and reviewdog's errorformat read."""
from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.report.common import in_file_order, printable, where

if TYPE_CHECKING:
    from factcheck.pipeline import Result


def render(result: Result) -> str:
    claims = {claim.id: claim for claim in result.claims}
    lines = []
    for finding in in_file_order(result):
        place = where(finding, claims)
        lines.append(f"{printable(place.path)}:{place.line}:{place.column}: {finding.rule} {printable(finding.message)}")
    return "\n".join(lines)
