"""``--statistics`` (ruff's name): findings per rule, and how many figures were compared with
another and how many with none (figures matching cannot pair yet go unreported otherwise)."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tabulate import tabulate

if TYPE_CHECKING:
    from factcheck.pipeline import Result


def render(result: Result) -> str:
    per_rule = Counter(finding.rule for finding in result.findings)
    titles = {finding.rule: (finding.severity, finding.title) for finding in result.findings}
    rows = [[count, rule, *titles[rule]] for rule, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))]
    table = tabulate(rows, headers=["findings", "rule", "severity", "title"]) if rows else "no findings"
    figures = [["compared with another", result.compared],
               ["compared with none", len(result.claims) - result.compared],
               ["all figures", len(result.claims)]]
    return f"{table}\n\n{tabulate(figures, headers=['figures', 'count'])}"
