"""Every rule's examples are its specification: `fire` examples must make the rule fire, `quiet`
ones must not (proselint-style). An example's `pair` names the two figures it is about: a fire
example must flag that very pair, a quiet one must extract both figures and leave them unflagged,
so an example cannot pass because extraction found nothing."""
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


def pairs_flagged_by(result, rule_id: str) -> set[frozenset[str]]:
    claims = {claim.id: claim for claim in result.claims}
    return {
        frozenset((claims[finding.claims[0]].surface, claims[other].surface))
        for finding in result.findings if finding.rule == rule_id
        for other in finding.claims[1:]
    }


@pytest.mark.parametrize(("rule", "kind", "example"), EXAMPLES)
def test_rule_example(rule, kind, example):
    documents = [article(a["name"], a["text"], a.get("date"), a.get("source")) for a in example["articles"]]
    result = check(*documents)
    fired = any(f.rule == rule.id for f in result.findings)
    assert fired == (kind == "fire"), example["note"]
    if "pair" in example:
        pair = frozenset(example["pair"])
        assert set(example["pair"]) <= {claim.surface for claim in result.claims}, example["note"]
        assert (pair in pairs_flagged_by(result, rule.id)) == (kind == "fire"), example["note"]


@pytest.mark.parametrize("rule", [r for r in RULES if r.check != "unused_suppression"], ids=lambda r: r.id)
def test_every_example_of_a_pair_rule_names_its_pair(rule):
    assert all("pair" in example for kind in ("fire", "quiet") for example in rule.examples.get(kind, []))


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_both_kinds_of_example(rule):
    assert rule.examples.get("fire") and rule.examples.get("quiet")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_id_matches_its_file_name(rule):
    assert rule.path.endswith(f"{rule.id}.toml")
