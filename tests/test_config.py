"""Configuration in pyproject.toml or factcheck.toml, found walking up, and the flags over it."""
from __future__ import annotations

import json

import pytest

from factcheck.config import ConfigError, Settings, load_settings, matches

from helpers_cli import INJURED, conflicting_corpus, run, write_article


@pytest.fixture
def project(tmp_path, monkeypatch):
    conflicting_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rules_reported(capsys, *arguments: str) -> list[str]:
    code, out, err = run(capsys, "check", "corpus", "--no-cache", "--format", "json", *arguments)
    assert code in (0, 1), err
    return [finding["rule"] for finding in json.loads(out)["findings"]]


def test_pyproject_table_is_found_from_a_subfolder(project, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nignore = ["FC101"]\n', "utf-8")
    monkeypatch.chdir(project / "corpus")
    assert load_settings(project / "corpus").ignore == ("FC101",)


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nignore = ["FC101"]\n', "utf-8")
    (project / "factcheck.toml").write_text('select = ["FC104"]\n', "utf-8")
    settings = load_settings(project)
    assert settings.select == ("FC104",) and settings.ignore == ()


def test_pyproject_without_the_table_is_passed_over(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert load_settings(project).source is None


def test_unknown_key_exits_2_naming_it(project, capsys):
    (project / "factcheck.toml").write_text('selct = ["FC101"]\n', "utf-8")
    code, _, err = run(capsys, "check", "corpus", "--no-cache")
    assert code == 2 and "'selct'" in err


def test_unknown_rule_in_severity_is_an_error(project, capsys):
    (project / "factcheck.toml").write_text('[severity]\nFC999 = "error"\n', "utf-8")
    code, _, err = run(capsys, "check", "corpus", "--no-cache")
    assert code == 2 and "FC999" in err


def test_unknown_tolerance_parameter_is_an_error(project):
    settings = Settings(root=project, tolerances={"FC101": {"roundng": False}})
    from factcheck.rules import load_rules
    with pytest.raises(ConfigError, match="roundng"):
        settings.configure(load_rules())


def test_ignore_in_the_file_silences_a_rule(project, capsys):
    (project / "factcheck.toml").write_text('ignore = ["FC101"]\n', "utf-8")
    assert rules_reported(capsys) == []


def test_select_flag_replaces_the_file(project, capsys):
    (project / "factcheck.toml").write_text('select = ["FC104"]\n', "utf-8")
    assert rules_reported(capsys, "--select", "FC1") == ["FC101"]


def test_severity_override_changes_the_exit_code(project, capsys):
    (project / "factcheck.toml").write_text('[severity]\nFC101 = "info"\n', "utf-8")
    code, _, _ = run(capsys, "check", "corpus", "--no-cache")
    assert code == 0


def test_fail_on_error_lets_warnings_pass(project, capsys):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "error"\n', "utf-8")
    code, _, _ = run(capsys, "check", "corpus", "--no-cache")
    assert code == 0
    code, _, _ = run(capsys, "check", "corpus", "--no-cache", "--fail-on", "warning")
    assert code == 1


def test_tolerance_override_reaches_the_rule(project, capsys):
    write_article(project / "corpus", "wire.md", "Repairs to the quay are expected to cost $2.8 million.")
    write_article(project / "corpus", "gazette.md", "Repairs to the quay are expected to cost $2.84 million.")
    assert rules_reported(capsys) == []
    assert rules_reported(capsys, "--tolerance", "FC101:rounding=false") == ["FC101"]
    (project / "factcheck.toml").write_text("[tolerances]\nrounding = false\n", "utf-8")
    assert rules_reported(capsys) == ["FC101"]


def test_per_file_ignores_silence_figures_in_matching_files(project, capsys):
    (project / "factcheck.toml").write_text('[per-file-ignores]\n"corpus/gazette.md" = ["FC101"]\n', "utf-8")
    assert rules_reported(capsys) == []
    assert rules_reported(capsys, "--per-file-ignores", "archive/**:FC101") == ["FC101"]


def test_exclude_skips_files_below_folders(project, capsys):
    write_article(project / "corpus" / "drafts", "draft.md", INJURED.format(count="Thirty"))
    (project / "factcheck.toml").write_text('exclude = ["drafts"]\n', "utf-8")
    _, out, _ = run(capsys, "check", "corpus", "--no-cache", "--format", "json")
    assert [d["path"] for d in json.loads(out)["documents"]] == ["corpus/gazette.md", "corpus/wire.md"]


def test_include_keeps_only_matching_files(project, capsys):
    (project / "corpus" / "notes.txt").write_text("Thirty people were injured in the warehouse fire.\n", "utf-8")
    _, out, _ = run(capsys, "check", "corpus", "--no-cache", "--format", "json", "--include", "*.md")
    assert len(json.loads(out)["documents"]) == 2


def test_globs_match_folders_and_double_stars():
    assert matches("drafts", "corpus/drafts/a.md")
    assert matches("corpus/**/*.md", "corpus/a/b/c.md") and matches("corpus/**/*.md", "corpus/c.md")
    assert not matches("corpus/*.md", "corpus/a/c.md")


def test_readme_configuration_example_is_valid(tmp_path):
    from conftest import ROOT
    from factcheck.rules import load_rules
    readme = (ROOT / "README.md").read_text("utf-8")
    example = readme.split("## In CI and before publication", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example, "utf-8")
    settings = load_settings(tmp_path)
    rules = {rule.id: rule for rule in settings.configure(load_rules())}
    assert rules["FC105"].severity == "error" and rules["FC104"].parameters["ratio_tolerance"] == 0.05
    assert settings.ignored_rules(str(tmp_path / "wire" / "a.md")) == {"FC103"}


def test_engine_and_workers_are_read_from_the_file(project):
    (project / "factcheck.toml").write_text('engine = "dask"\nworkers = 3\nscheduler = "tcp://10.0.0.5:8786"\n', "utf-8")
    settings = load_settings(project)
    assert (settings.engine, settings.workers, settings.scheduler) == ("dask", 3, "tcp://10.0.0.5:8786")


def test_an_unknown_engine_exits_2_naming_it(project, capsys):
    (project / "factcheck.toml").write_text('engine = "spark"\n', "utf-8")
    code, _, err = run(capsys, "check", "corpus", "--no-cache")
    assert code == 2 and "'spark'" in err


def test_zero_workers_is_an_error(project, capsys):
    code, _, err = run(capsys, "check", "corpus", "--no-cache", "--workers", "0")
    assert code == 2 and "--workers" in err
