"""Every rule's examples are its specification: `fire` examples must make the rule fire, `quiet`
ones must not (proselint-style)."""
from __future__ import annotations

import pytest

from factcheck.rules import load_rules

from conftest import article, check

RULES = load_rules()
EXAMPLES = [
    pytest.param(rule, kind, example, id=f"{rule.id}-{kind}-{index}")
    for rule in RULES
    for kind in ("fire", "quiet")
    for index, example in enumerate(rule.examples.get(kind, []), start=1)
]


@pytest.mark.parametrize(("rule", "kind", "example"), EXAMPLES)
def test_rule_example(rule, kind, example):
    documents = [article(a["name"], a["text"], a.get("date"), a.get("source")) for a in example["articles"]]
    fired = any(f.rule == rule.id for f in check(*documents).findings)
    assert fired == (kind == "fire"), example["note"]


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_both_kinds_of_example(rule):
    assert rule.examples.get("fire") and rule.examples.get("quiet")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_id_matches_its_file_name(rule):
    assert rule.path.endswith(f"{rule.id}.toml")
