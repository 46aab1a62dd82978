"""The conventions of ruff's and Vale's command lines, as a new user expects them."""
from __future__ import annotations

import json
import re

import pytest

from factcheck.cli import build_parser

from helpers_cli import INJURED, conflicting_corpus, run, write_article


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """Two articles that disagree (FC101), in a folder that is the current one."""
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    conflicting_corpus(tmp_path)
    return tmp_path


def check(capsys, *arguments: str) -> tuple[int, str, str]:
    return run(capsys, "check", "corpus", "--no-cache", "--isolated", *arguments)


def test_rule_prints_rationale_parameters_and_examples(capsys):
    code, out, _ = run(capsys, "rule", "FC101")
    assert code == 0
    assert "Figures disagree across articles" in out and "rounding = true" in out
    assert "Examples that fire" in out and "Nearly 48,000 people have fled" in out


def test_rule_all_prints_every_rule(capsys):
    code, out, _ = run(capsys, "rule", "--all")
    assert code == 0 and re.findall(r"^# (FC\d+)", out, re.M) == [f"FC10{i}" for i in range(1, 9)]


def test_an_unknown_rule_is_a_usage_error_naming_it(capsys):
    code, _, err = run(capsys, "rule", "FC999")
    assert code == 2 and "FC999" in err


def test_show_settings_prints_the_settings_in_effect(corpus, capsys):
    code, out, _ = check(capsys, "--fail-on", "error", "--ignore", "FC106", "--show-settings")
    assert code == 0 and "fail-on = 'error'" in out and "rule FC106 = info, not reported" in out


def test_show_files_lists_what_would_be_read_and_reads_nothing(corpus, capsys):
    code, out, _ = check(capsys, "--show-files")
    assert code == 0 and out.splitlines() == ["corpus/gazette.md", "corpus/wire.md"]


def test_files_in_no_article_format_are_named_once(corpus, capsys):
    (corpus / "corpus" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "corpus" / "notes.docx").write_bytes(b"PK")
    _, _, err = check(capsys)
    note, = [line for line in err.splitlines() if "no article format" in line]
    assert "2 files" in note and "corpus/notes.docx" in note and "corpus/scan.pdf" in note


def test_exit_zero_exits_0_with_findings(corpus, capsys):
    code, out, _ = check(capsys, "--exit-zero")
    assert code == 0 and "FC101" in out


def test_exit_zero_still_exits_2_on_an_input_error(corpus, capsys):
    (corpus / "corpus" / "empty.md").write_text("", "utf-8")
    assert check(capsys, "--exit-zero")[0] == 2


def test_a_run_with_findings_says_why_it_exits_1(corpus, capsys):
    code, _, err = check(capsys)
    assert code == 1 and "exit code 1: 1 finding at or above --fail-on warning" in err


def test_quiet_prints_the_findings_and_nothing_else(corpus, capsys):
    code, out, err = check(capsys, "-q")
    assert code == 1 and "FC101" in out and "documents" not in out and err == ""


def test_verbose_names_the_configuration_in_effect(corpus, capsys):
    (corpus / "factcheck.toml").write_text('fail-on = "warning"\n', "utf-8")
    _, _, err = run(capsys, "check", "corpus", "--no-cache", "-v")
    assert f"configuration: {corpus / 'factcheck.toml'}" in err


@pytest.mark.parametrize("environment, coloured", [({}, False), ({"FORCE_COLOR": "1"}, True),
                                                    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)])
def test_colour_follows_no_color_and_force_color(corpus, capsys, monkeypatch, environment, coloured):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    _, out, _ = check(capsys)
    assert ("\x1b[" in out) is coloured


def test_tables_fit_the_terminal_width(corpus, capsys, monkeypatch):
    write_article(corpus / "corpus", "wire.md", INJURED.format(count="Fourteen") + " " + "Long words follow. " * 8)
    monkeypatch.setenv("COLUMNS", "120")
    _, out, _ = check(capsys)
    assert max(len(line) for line in out.splitlines()) <= 120


def test_findings_are_sorted_by_file_then_line(corpus, capsys):
    write_article(corpus / "corpus", "a-first.md", "Thirty people were injured in the warehouse fire at Pellmouth harbour.",
                  source="Alpha Post")
    _, out, _ = check(capsys, "--format", "concise")
    places = [(path, int(line)) for path, line in re.findall(r"^(.+?):(\d+):\d+: ", out, re.M)]
    assert places == sorted(places) and len(places) > 1


def test_short_version_flag(capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["-V"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("factcheck ")


def test_help_shows_examples_and_exit_codes_without_markup(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["check", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "exit codes:" in out and "``" not in out


@pytest.mark.parametrize("flag", [["--fail-on", "error"], ["--no-cache"], ["--baseline", "b.json"], ["--select", "FC1"]])
def test_extract_rejects_flags_it_does_not_use(flag, capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["extract", "a.md", *flag])
    assert exit_.value.code == 2


def test_the_summary_says_1_finding_not_1_findings(corpus, capsys):
    _, out, _ = check(capsys)
    assert "1 finding (" in out and "1 findings" not in out


def test_the_summary_counts_figures_compared_with_no_other(corpus, capsys):
    write_article(corpus / "corpus", "weather.md", "Two ferries were cancelled on Tuesday because of the storm.")
    _, out, _ = check(capsys)
    assert "3 claims (1 compared with no other)" in out


def test_statistics_prints_findings_per_rule_and_figure_counts(corpus, capsys):
    code, out, _ = check(capsys, "--statistics")
    assert code == 1
    assert re.search(r"^\s*1\s+FC101\s+warning", out, re.M)
    assert re.search(r"compared with another\s+2", out) and re.search(r"compared with none\s+0", out)


def test_output_file_holds_the_report(corpus, capsys):
    code, out, _ = check(capsys, "--format", "json", "--output-file", "report.json")
    assert code == 1 and out == ""
    assert json.loads((corpus / "report.json").read_text("utf-8"))["findings"]


def test_output_file_never_overwrites_an_article(corpus, capsys):
    before = (corpus / "corpus" / "wire.md").read_text("utf-8")
    code, _, err = check(capsys, "--output-file", "corpus/wire.md")
    assert code == 2 and "corpus/wire.md" in err
    assert (corpus / "corpus" / "wire.md").read_text("utf-8") == before


def test_a_symlink_loop_is_an_error_and_the_rest_is_checked(corpus, capsys):
    (corpus / "corpus" / "loop").symlink_to(corpus / "corpus", target_is_directory=True)
    code, out, err = check(capsys)
    assert code == 2 and "corpus/loop" in err and "FC101" in out
