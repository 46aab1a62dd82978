"""A warm run over an archive reads little of what it keeps: rows decoded in batches, claims
made only where a finding needs them, components reused whatever folder the rules were read from."""
from __future__ import annotations

import shutil
import sqlite3
from array import array
from pathlib import Path
from types import SimpleNamespace

import pytest

import factcheck.pipeline
from factcheck.baseline import Baseline
from factcheck.cache import ClaimCache, _checksum
from factcheck.claimset import Claims, DocumentClaims
from factcheck.config import Settings
from factcheck.model import Finding
from factcheck.pipeline import _silenced, check_documents, load_paths, rules_salt
from factcheck.rules import default_rules_dir, load_rules
from factcheck.story_index import _places

from helpers_cli import conflicting_corpus


@pytest.fixture
def extracted(monkeypatch):
    """The documents extracted (not taken from the cache), by id."""
    calls: list[str] = []
    real = factcheck.pipeline.claims_in
    monkeypatch.setattr(factcheck.pipeline, "claims_in", lambda document: calls.append(document.id) or real(document))
    return calls


def _loaded(folder: Path):
    cache = ClaimCache(folder / "cache", "test-engine")
    try:
        return load_paths([str(folder / "corpus")], Settings(root=folder), cache=cache)
    finally:
        cache.close()


def test_a_row_whose_head_does_not_parse_leaves_the_other_rows_of_its_batch_read(tmp_path, extracted):
    conflicting_corpus(tmp_path)
    _loaded(tmp_path)
    broken = str(tmp_path / "corpus" / "wire.md")
    connection = sqlite3.connect(tmp_path / "cache" / "claims.sqlite3")
    with connection:
        head, report = connection.execute("SELECT head, report FROM files WHERE path = ?", (broken,)).fetchone()
        head = head.replace(b'"documents"', b'"documents', 1)  # its checksum made again: only its JSON is wrong
        connection.execute("UPDATE files SET head = ?, checksum = ? WHERE path = ?", (head, _checksum(head, report), broken))
    connection.close()
    extracted.clear()
    loaded = _loaded(tmp_path)
    assert extracted == [broken]
    assert len(loaded.corpus.documents) == 2


def test_components_judged_with_the_same_rules_read_from_another_folder_are_reused(tmp_path):
    copy = shutil.copytree(default_rules_dir(), tmp_path / "rules")
    assert rules_salt(load_rules(copy)) == rules_salt(load_rules(default_rules_dir()))


def test_a_rule_changed_in_its_file_judges_components_again(tmp_path):
    copy = shutil.copytree(default_rules_dir(), tmp_path / "rules")
    rule_file = copy / "FC101.toml"
    rule_file.write_text(rule_file.read_text("utf-8").replace("rounding_share = 0.1", "rounding_share = 0.2"), "utf-8")
    assert rules_salt(load_rules(copy)) != rules_salt(load_rules(default_rules_dir()))


class _Unmade(dict):
    """Claims that must not be made."""

    def __getitem__(self, claim_id: str):
        raise AssertionError(f"claim {claim_id} was made")


def test_findings_in_articles_without_comments_are_kept_without_making_their_claims(tmp_path):
    rules = {rule.id: rule for rule in load_rules()}
    rule = next(iter(rules))
    conflict = Finding(rule, "warning", "t", "m", ("a.md#1", "b.md#2"))
    about_no_claim = Finding(rule, "warning", "t", "m", ())
    silenced = _silenced([conflict, about_no_claim], _Unmade(), [], Settings(root=tmp_path), rules)
    assert silenced.findings == (conflict, about_no_claim) and silenced.silenced == 0


def test_a_finding_left_with_no_claim_to_disagree_with_is_silenced_as_silence_does(tmp_path):
    rules = {rule.id: rule for rule in load_rules()}
    rule = next(iter(rules))
    conflict = Finding(rule, "warning", "t", "m", ("a.md#1", "b.md#2"))
    alone = Finding(rule, "warning", "t", "m", ("c.md#1",))
    lone_claim = SimpleNamespace(id="c.md#1", doc="c.md", path="c.md")  # silence looks at it: only where it is
    silenced = _silenced([conflict, alone], {"c.md#1": lone_claim}, [], Settings(root=tmp_path), rules)
    assert silenced.findings == (conflict,) and silenced.silenced == 1


def test_fingerprints_are_the_same_with_or_without_a_baseline(tmp_path):
    conflicting_corpus(tmp_path)
    loaded = load_paths([str(tmp_path / "corpus")], Settings(root=tmp_path))
    plain = check_documents(loaded.corpus.documents, known_claims=loaded.claims)
    against_baseline = check_documents(loaded.corpus.documents, known_claims=loaded.claims,
                                       baseline=Baseline(frozenset()))
    assert plain.findings and plain.fingerprints == against_baseline.fingerprints


class _Unread:
    """A claim source that must not be read."""

    def all(self):
        raise AssertionError("claims made")

    one = stated = all


def test_a_claims_file_is_known_from_its_id_without_making_it():
    claims = Claims([DocumentClaims("wire", "corpus/wire.md", ["wire#1", "wire#2"], source=_Unread())])
    assert claims.path_of("wire#2") == "corpus/wire.md"


def test_held_values_are_found_only_where_a_number_starts():
    # 1280 then 0 are the bytes 00 05 00 00 00 00 00 00: a 5 read from the second byte on
    assert _places(array("I", [1280, 0, 5, 7, 5]), {5, 7}) == [2, 3, 4]
