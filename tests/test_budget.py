"""The per-article budget: past its time or its number of figures an article is left out as an
input error naming its file (and record), the rest of the run goes on, and the exit code is 2."""
from __future__ import annotations

import json

import pytest

from factcheck.budget import Budget, OverBudget

from helpers_cli import INJURED, conflicting_corpus, run, write_article


@pytest.fixture
def project(tmp_path, monkeypatch):
    conflicting_corpus(tmp_path)
    write_article(tmp_path / "corpus", "table.md", "1 home, " * 300)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def checked(capsys, *arguments: str) -> tuple[int, dict, str]:
    code, out, err = run(capsys, "check", "corpus", "--no-cache", "--format", "json", *arguments)
    return code, json.loads(out), err


def test_an_article_with_more_figures_than_the_budget_is_an_input_error(project, capsys):
    code, report, err = checked(capsys, "--budget-figures", "100")
    assert code == 2
    assert "corpus/table.md: left out: more than 100 figures" in err
    assert sorted(d["path"] for d in report["documents"]) == ["corpus/gazette.md", "corpus/wire.md"]


def test_the_other_articles_are_still_judged(project, capsys):
    _, report, _ = checked(capsys, "--budget-figures", "100")
    assert [finding["rule"] for finding in report["findings"]] == ["FC101"]


def test_within_the_default_budget_every_article_is_read(project, capsys):
    code, report, _ = checked(capsys)
    assert code == 1 and len(report["documents"]) == 3


def test_an_article_over_the_time_budget_is_an_input_error(project, capsys):
    code, _, err = checked(capsys, "--budget-seconds", "0.000000001")
    assert code == 2 and "left out: extraction took over 1e-09 s" in err


def test_one_record_over_budget_leaves_the_other_records(tmp_path, monkeypatch, capsys):
    records = [{"id": "table", "text": "1 home, " * 300}, {"id": "report", "text": INJURED.format(count="Nine")}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "extract", "feed.jsonl", "--format", "json", "--budget-figures", "100")
    assert code == 2 and "record 'table': left out" in err
    assert [d["id"] for d in json.loads(out)["documents"]] == ["report"]


def test_the_budget_is_a_configuration_key(project, capsys):
    (project / "factcheck.toml").write_text("budget-figures = 100\n", "utf-8")
    code, _, err = checked(capsys)
    assert code == 2 and "more than 100 figures" in err


@pytest.mark.parametrize("setting", ["budget-figures = 0", "budget-seconds = -1", 'budget-seconds = "fast"'])
def test_a_budget_that_is_not_a_positive_number_is_an_error_naming_the_key(project, capsys, setting):
    (project / "factcheck.toml").write_text(setting + "\n", "utf-8")
    code, _, err = run(capsys, "check", "corpus", "--no-cache")
    assert code == 2 and setting.split(" ")[0] in err


def test_the_meter_lets_through_what_fits():
    assert list(Budget(figures=3).metered(range(3))) == [0, 1, 2]


def test_the_meter_stops_at_the_first_figure_past_the_budget():
    with pytest.raises(OverBudget, match="more than 3 figures"):
        list(Budget(figures=3).metered(range(4)))
