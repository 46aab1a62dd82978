"""Every output format, produced from the one fixture corpus fixtures/ci-corpus."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from factcheck.cli import main
from factcheck.model import Finding, Location
from factcheck.pipeline import check_documents
from factcheck.report import github, json_report
from factcheck.rules import load_rules

from conftest import FIXTURES, ROOT, article

CORPUS = FIXTURES / "ci-corpus"
COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")


def run(capsys, *arguments: str) -> tuple[int, str]:
    code = main(["check", str(CORPUS.relative_to(ROOT)), "--no-cache", "--isolated", *arguments])
    return code, capsys.readouterr().out


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def test_fixture_corpus_has_every_severity_and_a_finding_without_claims(capsys):
    code, out = run(capsys, "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1
    assert [f["severity"] for f in findings] == ["error", "info", "warning", "warning"]
    assert findings[-1]["rule"] == "FC107" and findings[-1]["claims"] == []


def test_json_keeps_the_v1_fields_and_adds_fingerprint_and_location(capsys):
    _, out = run(capsys, "--format", "json")
    report = json.loads(out)
    assert {"tool", "documents", "claims", "groups", "findings", "errors"} <= set(report)
    for finding in report["findings"]:
        assert {"rule", "severity", "title", "message", "claims", "agreeing", "group"} <= set(finding)
        assert finding["fingerprint"] and finding["location"]["line"] >= 1


def test_the_streamed_json_report_is_the_one_line_json_dumps_gives_the_whole_report(capsys, tmp_path):
    _, out = run(capsys, "--format", "json")
    assert out == json.dumps(json.loads(out), ensure_ascii=False, allow_nan=False) + "\n"
    run(capsys, "--format", "json", "--output-file", str(tmp_path / "report.json"))
    assert (tmp_path / "report.json").read_text("utf-8") == out


def test_sarif_validates_against_the_2_1_0_schema(capsys, shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "anchors" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    _, out = run(capsys, "--format", "sarif")
    jsonschema.validate(json.loads(out), schema)


def test_sarif_describes_every_rule_for_code_scanning(capsys):
    _, out = run(capsys, "--format", "sarif")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} == {rule.id for rule in load_rules()}
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]


def test_sarif_results_have_a_physical_location_related_claims_and_a_fingerprint(capsys):
    _, out = run(capsys, "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == 4
    for result in results:
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"].startswith("fixtures/ci-corpus/")
        assert physical["region"]["startLine"] >= 1
        assert result["partialFingerprints"]["factcheck/v1"]
    assert [bool(result.get("relatedLocations")) for result in results] == [True, True, True, False]


def test_github_annotations_parse_most_severe_first(capsys):
    _, out = run(capsys, "--format", "github")
    commands = [COMMAND.match(line) for line in out.splitlines() if line.startswith("::")]
    assert all(commands)
    assert [c["level"] for c in commands] == ["error", "warning", "warning", "notice"]
    properties = dict(part.split("=", 1) for part in commands[0]["properties"].split(","))
    assert properties["file"].startswith("fixtures/ci-corpus/")
    assert properties["title"] == "FC104 Likely slip of scale"
    assert int(properties["line"]) >= 1 and int(properties["col"]) >= 1


def test_github_escapes_percent_newlines_in_messages_and_colon_comma_in_properties():
    line = github.command("warning", "40% up\r\nnext: a, b", file="a,b:c.md", title="50%: x, y")
    assert line == "::warning file=a%2Cb%3Ac.md,title=50%25%3A x%2C y::40%25 up%0D%0Anext: a, b"


def test_github_caps_annotations_and_counts_the_rest(capsys):
    _, out = run(capsys, "--format", "github", "--max-annotations", "1")
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert commands[0].startswith("::error ")
    assert commands[1].startswith("::notice ") and "3 more finding(s) not shown" in commands[1]
    assert len(commands) == 2


def test_github_appends_a_markdown_summary_to_the_step_summary(capsys, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, "--format", "github")
    written = summary.read_text("utf-8")
    assert written.startswith("earlier step\n") and "| # | severity | rule |" in written


def test_junit_has_one_test_case_per_finding_failing_at_fail_on(capsys):
    _, out = run(capsys, "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == 4
    assert sum(case.find("failure") is not None for case in cases) == 3  # info is below --fail-on
    assert suite.get("failures") == "3"


def test_markdown_report_has_a_row_per_finding(capsys):
    _, out = run(capsys, "--format", "markdown")
    rows = [line for line in out.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == 4 and {"FC101", "FC104", "FC107"} <= {row.split(" | ")[2].split()[0] for row in rows}


def test_markdown_escapes_table_cells():
    from factcheck.report.markdown import cell
    assert cell("a | b <br>\nc") == "a &#124; b &#60;br&#62; c"


def test_text_report_shows_a_finding_without_claims_at_its_location():
    from factcheck.pipeline import Result
    from factcheck.match import Matching
    from factcheck.report import text
    finding = Finding("FC107", "warning", "Suppression comment silences nothing", "stale", (),
                      location=Location("a.md", 3, 1))
    result = Result((), (), Matching((), ()), (finding,), (), fingerprints=("x",))
    assert "a.md:3:1: stale" in text.render(result)


def test_output_is_identical_under_any_hash_seed():
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", "check", "fixtures/ci-corpus", "--no-cache", "--isolated",
             "--format", "sarif"], cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_fingerprints_do_not_move_with_lines():
    text = "Nine people were injured in the fire at Pellmouth harbour."
    other = article("b.md", "Fourteen people were injured in the fire at Pellmouth harbour.", "2025-06-10")
    before = check_documents([article("a.md", text, "2025-06-10"), other])
    after = check_documents([article("a.md", "A new first paragraph.\n\n" + text, "2025-06-10"), other])
    assert before.fingerprints == after.fingerprints and before.fingerprints


def test_sarif_uris_are_relative_to_the_repository_root_inside_it_and_file_uris_outside(tmp_path):
    from factcheck.report.sarif import ROOT_ID, artifact_location
    assert artifact_location("fixtures/ci-corpus/a b.md") == {"uri": "fixtures/ci-corpus/a%20b.md", "uriBaseId": ROOT_ID}
    assert artifact_location(str(tmp_path / "a.md")) == {"uri": (tmp_path / "a.md").as_uri()}


@pytest.mark.parametrize("count", [0, 1, json_report.BATCH, json_report.BATCH + 1, 3 * json_report.BATCH - 1])
def test_an_array_encoded_in_batches_is_the_one_json_dumps_gives(count):
    records = [{"id": f"c{n}", "places": ("Pellmouth", "é"), "value": n / 3, "low": None} for n in range(count)]
    assert "".join(json_report._joined(json_report._pieces(iter(records)))) == json.dumps(records, ensure_ascii=False)


@pytest.mark.parametrize("count", [1, 40, json_report.BATCH + 1])
def test_claims_of_long_sentences_are_encoded_a_few_at_a_time_and_as_json_dumps_gives(count):
    """A batch of claims ends once its records weigh ``PIECE`` (long sentences: a few a batch),
    and the array is json.dumps's all the same."""
    records = [{"id": f"c{n}", "sentence": "“" * (n % 7) * 3_000, "value": n / 3} for n in range(count)]
    weight = json_report._claim_weight
    batches = list(json_report.batched(iter(records), json_report.BATCH, weight))
    assert [record for batch in batches for record in batch] == records
    assert all(sum(map(weight, batch[:-1])) < json_report.PIECE and len(batch) <= json_report.BATCH for batch in batches)
    assert "".join(json_report._joined(json_report._pieces(iter(records), weight))) == json.dumps(records, ensure_ascii=False)
