"""Reports as their consumers read them: SARIF for code scanning, JUnit for test reporters,
Markdown for comments and step summaries, concise lines for editors, text for a terminal. The
hostile cases are articles and file names a test writes: links, mentions, escape sequences."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import junitparser
import pytest

from factcheck.report import concise, github, junit, markdown, text
from factcheck.report.common import printable

from conftest import article, check
from helpers_cli import INJURED, conflicting_corpus, run, write_article

HOSTILE = ("Nine people were injured, said @editor-desk in #1234, see ![x](https://t.example/p.gif) "
           "and [here](https://evil.example) \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \x1b[31mred.")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """Two articles that disagree (FC101), in a folder that is the current one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    conflicting_corpus(tmp_path)
    return tmp_path


def report(capsys, *arguments: str, paths: tuple[str, ...] = ("corpus",)) -> tuple[int, str, str]:
    return run(capsys, "check", *paths, "--no-cache", "--isolated", *arguments)


def hostile_result():
    return check(article("a.md", HOSTILE, "2025-06-10"),
                 article("b.md", INJURED.format(count="Fourteen"), "2025-06-10"))


# -- SARIF ----------------------------------------------------------------------------------

def test_sarif_validates_and_its_message_links_the_other_figure(corpus, capsys, shared):
    schema = json.loads((shared / "anchors" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    _, out, _ = report(capsys, "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, schema)
    result, = log["runs"][0]["results"]
    related, = result["relatedLocations"]
    assert f"]({related['id']})" in result["message"]["text"]
    linked = re.search(r"\[([^\]]+)\]\(1\)", result["message"]["text"]).group(1)
    assert linked == related["physicalLocation"]["region"]["snippet"]["text"]


def test_sarif_uris_are_relative_to_a_root_the_run_names(corpus, capsys):
    _, out, _ = report(capsys, "--format", "sarif")
    run_ = json.loads(out)["runs"][0]
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"].startswith("corpus/") and location["uriBaseId"] == "SRCROOT"
    assert run_["originalUriBaseIds"]["SRCROOT"]["uri"] == corpus.resolve().as_uri() + "/"


def test_sarif_uris_are_relative_to_the_repository_root_from_a_subfolder(corpus, capsys, monkeypatch):
    (corpus / ".git").mkdir()
    monkeypatch.chdir(corpus / "corpus")
    _, out, _ = report(capsys, "--format", "sarif", paths=(".",))
    result = json.loads(out)["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("corpus/")


def test_sarif_rules_link_their_documentation(corpus, capsys):
    _, out, _ = report(capsys, "--format", "sarif")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert all(re.fullmatch(r"https?://.+/rules/FC\d{3}\.toml", rule["helpUri"]) for rule in rules)


def test_sarif_escapes_brackets_of_article_text_in_linked_messages():
    from factcheck.report.sarif import _literal
    assert _literal("a [b] \\ c") == "a \\[b\\] \\\\ c"


# -- JUnit ------------------------------------------------------------------------------------

def test_junit_parses_with_junitparser_and_has_times(corpus, capsys):
    _, out, _ = report(capsys, "--format", "junit")
    (corpus / "report.xml").write_text(out, "utf-8")
    suite, = junitparser.JUnitXml.fromfile(str(corpus / "report.xml"))
    cases = list(suite)
    assert suite.tests == len(cases) and suite.failures == 1 and suite.time is not None
    assert all(case.time is not None for case in cases)


def test_junit_clean_run_has_a_passing_case_per_checked_file(corpus, capsys):
    (corpus / "corpus" / "gazette.md").unlink()
    write_article(corpus / "corpus", "weather.md", "Two ferries were cancelled because of the storm.")
    _, out, _ = report(capsys, "--format", "junit")
    (corpus / "report.xml").write_text(out, "utf-8")
    suite, = junitparser.JUnitXml.fromfile(str(corpus / "report.xml"))
    assert sorted(case.name for case in suite) == ["corpus/weather.md: no conflicting figures",
                                                   "corpus/wire.md: no conflicting figures"]
    assert all(case.is_passed for case in suite)


def test_junit_test_names_carry_no_line_numbers(corpus, capsys):
    _, before, _ = report(capsys, "--format", "junit")
    wire = corpus / "corpus" / "wire.md"
    wire.write_text(wire.read_text("utf-8").replace("---\n", "---\n\nA new first paragraph.\n\n", 2)
                    .replace("\n\nA new first paragraph.\n\n", "", 1), "utf-8")
    _, after, _ = report(capsys, "--format", "junit")
    names = re.compile(r'name="([^"]*)"')
    assert names.findall(before) == names.findall(after)
    assert not any(re.search(r":\d+", name) for name in names.findall(before))


def test_junit_with_control_characters_in_a_file_name_is_well_formed(tmp_path):
    name = str(tmp_path / "bell\x07\x1b.md")
    result = check(article(name, INJURED.format(count="Nine"), "2025-06-10"),
                   article(str(tmp_path / "b.md"), INJURED.format(count="Fourteen"), "2025-06-10"))
    ET.fromstring(junit.render(result))


# -- Markdown and the step summary ------------------------------------------------------------

def test_markdown_neutralises_links_images_mentions_and_references_from_articles():
    out = markdown.render(hostile_result())
    assert "](" not in out and "![" not in out and "@editor" not in out and "#1234" not in out
    assert "https://" not in out and "\x1b" not in out


def test_markdown_keeps_a_path_with_a_backtick_pipe_or_newline_inside_its_cell():
    result = check(article("we`ird|na\nme.md", INJURED.format(count="Nine"), "2025-06-10"),
                   article("b.md", INJURED.format(count="Fourteen"), "2025-06-10"))
    rows = [line for line in markdown.render(result).splitlines() if line.startswith("| 1 |")]
    assert len(rows) == 1 and rows[0].count("|") == 7 and "`" not in rows[0]


def test_markdown_is_capped_with_a_count_of_what_was_cut():
    result = hostile_result()
    full = markdown.render(result)
    capped = markdown.render(result, limit=len(full) - 1)
    assert len(capped) < len(full) and "1 more finding not shown" in capped


def test_step_summary_is_capped_to_what_its_1_mib_leaves(corpus, capsys, monkeypatch):
    summary = corpus / "summary.md"
    summary.write_text("x" * (markdown.STEP_SUMMARY_LIMIT - 600), "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    report(capsys, "--format", "github")
    assert summary.stat().st_size <= markdown.STEP_SUMMARY_LIMIT
    assert "1 more finding not shown" in summary.read_text("utf-8")


def test_an_unwritable_step_summary_is_an_error_naming_the_setting_and_the_report_is_printed(corpus, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(corpus / "no-such-folder" / "summary.md"))
    code, out, err = report(capsys, "--format", "github")
    assert code == 2 and "GITHUB_STEP_SUMMARY" in err and "::warning " in out


# -- lines for editors, text for terminals, stderr ---------------------------------------------

def test_concise_is_one_path_line_column_rule_message_line_per_finding(corpus, capsys):
    code, out, _ = report(capsys, "--format", "concise")
    line, = out.splitlines()
    assert code == 1 and re.fullmatch(r"corpus/(gazette|wire)\.md:\d+:\d+: FC101 .+", line)


def test_escape_sequences_from_articles_never_reach_the_terminal():
    result = hostile_result()
    for rendered in (text.render(result), concise.render(result), github.render(result)):
        assert "\x1b" not in rendered and "\x07" not in rendered


def test_printable_shows_control_characters_and_line_breaks_as_escapes():
    assert printable("a\nb\x1b[31m\u202e") == "a\\nb\\x1b[31m\\u202e"


def test_a_file_name_cannot_inject_a_workflow_command_on_stderr(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "x\n::error file=README.md,line=1::INJECTED.md"
    (tmp_path / name).write_bytes(b"\x00\x01binary")
    code, _, err = run(capsys, "check", name, "--no-cache", "--isolated", "--format", "github")
    assert code == 2 and not any(line.startswith("::") for line in err.splitlines())


def test_sarif_has_what_github_code_scanning_requires_of_an_upload(corpus, capsys):
    _, out, _ = report(capsys, "--format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"]
    run_, = log["runs"]
    assert run_["tool"]["driver"]["name"] == "factcheck"
    rules = {rule["id"] for rule in run_["tool"]["driver"]["rules"]}
    for result in run_["results"]:
        assert result["ruleId"] in rules and result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] and physical["region"]["startLine"] >= 1
        assert result["partialFingerprints"]


def test_a_front_matter_message_cannot_inject_a_workflow_command_on_stderr(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n::error file=README.md,line=1::INJECTED\n---\nBody.\n", "utf-8")
    code, _, err = run(capsys, "check", "a.md", "--no-cache", "--isolated", "--format", "github")
    assert code == 0 and "a.md: warning: line 3: front matter is not YAML" in err  # read leniently (issue 9 item 4)
    assert not any(line.startswith("::") for line in err.splitlines())
