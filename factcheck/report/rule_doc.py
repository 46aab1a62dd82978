"""``factcheck rule FC101``: a rule's rationale, parameters and examples as text, the way
``ruff rule`` explains a rule. Formatting only: the rule is read from its file as loaded."""
from __future__ import annotations

import json
import textwrap

from factcheck.rules import AGREEMENT_DEFAULTS, Rule

EXAMPLE_KINDS = {"fire": "Examples that fire", "quiet": "Examples that stay quiet"}


def render(rule: Rule) -> str:
    lines = [f"# {rule.id}: {rule.title}", "", f"Severity: {rule.severity}. Check: {rule.check}.", ""]
    lines += textwrap.wrap(" ".join(rule.rationale.split()), 88) + [""]
    lines += ["## Parameters (change one with --tolerance " + f"{rule.id}:NAME=VALUE)", ""]
    for name, value in {**AGREEMENT_DEFAULTS, **rule.parameters}.items():
        lines.append(f"- {name} = {json.dumps(value)}")
    for kind, heading in EXAMPLE_KINDS.items():
        examples = rule.examples.get(kind, [])
        if examples:
            lines += ["", f"## {heading}", ""]
            lines += [line for example in examples for line in _example(example)]
    return "\n".join(lines)


def _example(example: dict) -> list[str]:
    lines = [f"- {example.get('note', '')}"]
    for article in example.get("articles", []):
        when = f" ({article['date']})" if "date" in article else ""
        lines.append(f"    {article.get('name', '?')}{when}: {article.get('text', '')}")
    return lines


def render_all(rules: list[Rule]) -> str:
    return "\n\n".join(render(rule) for rule in sorted(rules, key=lambda rule: rule.id))
