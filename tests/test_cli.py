"""The command line: exit codes, the JSON contract other tools read, and output that does not
depend on the interpreter's hash seed."""
from __future__ import annotations

import html
import io
import json
import os
import subprocess
import sys

import pytest

import factcheck.pipeline
from factcheck import cli
from factcheck.cli import write_pieces
from factcheck.quantities import find_quantities

from conftest import FIXTURES, ROOT
from helpers_cli import INJURED, conflicting_corpus, write_article

CLAIM_FIELDS = {"id", "doc", "path", "start", "end", "line", "column", "surface", "sentence", "value",
                "low", "high", "unit", "counted", "predicate", "attribution"}
FINDING_FIELDS = {"rule", "severity", "message", "claims"}
HERMETIC = ("--no-cache", "--isolated")  # no cache written into the checkout, no configuration found above it


def main(arguments: list[str]) -> int:
    return cli.main([*arguments, *HERMETIC])


def run_cli(*args: str, stdin: str | None = None, hash_seed: str = "0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    hermetic = ("--isolated",) if args[0] == "extract" else HERMETIC  # extract reads no cache
    return subprocess.run([sys.executable, "-m", "factcheck", *args, *hermetic], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def json_report(*args: str) -> dict:
    return json.loads(run_cli("check", *args, "--format", "json").stdout)


# ---- exit codes ------------------------------------------------------------------------------

def test_exit_code_is_0_when_nothing_at_the_failing_severity_is_found(capsys):
    assert main(["check", str(FIXTURES / "same-verb")]) == 0


def test_exit_code_is_1_when_a_warning_is_found(capsys):
    assert main(["check", str(FIXTURES / "hedges")]) == 1


def test_fail_on_raises_the_severity_that_fails(capsys):
    assert main(["check", str(FIXTURES / "hedges"), "--fail-on", "error"]) == 0
    assert main(["check", str(FIXTURES / "updates"), "--fail-on", "info"]) == 1


def test_exit_code_is_2_on_unreadable_input_and_the_rest_is_still_checked(tmp_path, capsys):
    missing = str(tmp_path / "nowhere.md")
    assert main(["check", missing, str(FIXTURES / "hedges"), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert missing in err and "no such file" in err
    findings = json.loads(out)["findings"]
    assert sum(len(finding["claims"]) - 1 for finding in findings) == 2  # both conflicting pairs


def test_exit_code_is_2_on_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["check"])
    assert stopped.value.code == 2


def test_a_crash_on_one_document_is_an_error_naming_its_file_and_the_rest_is_checked(tmp_path, capsys, monkeypatch):
    conflicting_corpus(tmp_path)
    broken = write_article(tmp_path / "corpus", "broken.md", INJURED.format(count="Thirty"))
    real = factcheck.pipeline.claims_in

    def crashing(document):
        if document.path == str(broken):
            raise ValueError("no figure here")
        return real(document)

    monkeypatch.setattr(factcheck.pipeline, "claims_in", crashing)
    assert main(["check", str(tmp_path / "corpus"), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert f"{broken}: " in err and "ValueError: no figure here" in err
    [finding] = json.loads(out)["findings"]
    assert finding["rule"] == "FC101" and len(finding["claims"]) == 2  # wire and gazette still compared


def test_a_reader_that_stops_early_gets_no_broken_pipe_traceback(tmp_path):
    conflicting_corpus(tmp_path)
    reader, writer = os.pipe()
    os.close(reader)  # as `| head -1` does once it has its line
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "corpus", *HERMETIC], stdout=writer,
                          stderr=subprocess.PIPE, text=True, cwd=tmp_path, timeout=120)
    os.close(writer)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
    assert done.returncode == cli.EXIT_BROKEN_PIPE


def test_a_missing_rules_folder_is_a_usage_error_naming_it(tmp_path, capsys):
    missing = tmp_path / "no-rules"
    assert main(["check", str(FIXTURES / "hedges"), "--rules", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err


def test_a_rules_folder_without_rule_files_is_a_usage_error_naming_it(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("no rules here", "utf-8")
    assert main(["check", str(FIXTURES / "hedges"), "--rules", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "*.toml" in err


# ---- the JSON contract -------------------------------------------------------------------------

def test_json_report_holds_documents_claims_groups_and_findings_with_their_contract_fields():
    report = json_report(str(FIXTURES / "disputed-sources"), str(FIXTURES / "updates"))
    assert {"documents", "claims", "groups", "findings"} <= report.keys()
    assert report["documents"] and report["claims"] and report["findings"]
    for claim in report["claims"]:
        assert CLAIM_FIELDS <= claim.keys()
    claim_ids = {claim["id"] for claim in report["claims"]}
    for finding in report["findings"]:
        assert FINDING_FIELDS <= finding.keys()
        assert finding["severity"] in {"error", "warning", "info"}
        assert len(finding["claims"]) >= 2 and set(finding["claims"]) <= claim_ids


def test_json_claim_offsets_index_the_file_as_the_user_has_it():
    report = json_report(str(FIXTURES / "furniture"), str(FIXTURES / "money"))
    for claim in report["claims"]:
        text = (ROOT / claim["path"]).read_text(encoding="utf-8")
        cut = text[claim["start"]:claim["end"]]
        assert cut == claim["surface"]
        assert [q.value for q in find_quantities(html.unescape(cut))] == [claim["value"]], cut
        line_start = text.rfind("\n", 0, claim["start"]) + 1
        assert claim["line"] == text.count("\n", 0, claim["start"]) + 1
        assert claim["column"] == claim["start"] - line_start + 1


def test_json_lines_claims_carry_the_record_id_as_doc(tmp_path):
    feed = tmp_path / "feed.jsonl"
    records = [{"id": "ostry-1", "date": "2025-02-03", "text": "Police said 40 people were injured in Ostry."},
               {"id": "ostry-2", "date": "2025-02-03", "text": "Police said 90 people were injured in Ostry."}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = json_report(str(feed))
    assert [(c["doc"], c["surface"]) for c in report["claims"]] == [("ostry-1", "40"), ("ostry-2", "90")]
    assert [d["id"] for d in report["documents"]] == ["ostry-1", "ostry-2"]


def test_stdin_is_checked_under_the_name_given(tmp_path):
    page = "<html><body><p>Police said 40 people were injured in Ostry.</p></body></html>"
    result = run_cli("extract", "-", "--stdin-filename", "pasted.html", "--format", "json", stdin=page)
    assert result.returncode == 0, result.stderr
    [claim] = json.loads(result.stdout)["claims"]
    assert (claim["path"], claim["surface"]) == ("pasted.html", "40")
    assert page[claim["start"]:claim["end"]] == "40"


def test_the_text_report_names_each_figure_with_file_line_and_column():
    result = run_cli("check", "fixtures/scale-slip")
    assert result.returncode == 1
    assert "FC104" in result.stdout
    assert "fixtures/scale-slip/metro-daily.md:8:36" in result.stdout
    assert "fixtures/scale-slip/transit-journal.md:8:36" in result.stdout


def test_output_does_not_depend_on_the_hash_seed():
    runs = [run_cli("check", str(FIXTURES), "--format", "json", hash_seed=seed) for seed in ("0", "4242")]
    assert runs[0].stdout and runs[0].stdout == runs[1].stdout


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, of an encoding of the test's choosing."""

    def __init__(self, encoding: str) -> None:
        super().__init__(io.BytesIO(), encoding=encoding, errors="replace")

    def written(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


def test_bytes_pieces_go_to_a_utf8_streams_buffer_as_they_are_and_text_after_them_too():
    stream = _Stream("utf-8")
    write_pieces(stream, ["[", "é".encode(), ", ", b'"x"', "]\n"])
    assert stream.written() == '[é, "x"]\n'.encode()


def test_bytes_pieces_on_a_stream_of_another_encoding_are_written_as_the_text_they_hold():
    stream = _Stream("latin-1")
    write_pieces(stream, ["[", "é".encode(), ", ", "ĳ".encode(), "]"])
    assert stream.written() == "[é, ?]".encode("latin-1")


def test_bytes_pieces_on_a_stream_with_no_buffer_are_written_as_text():
    stream = io.StringIO()
    write_pieces(stream, ["[", "é".encode(), "]"])
    assert stream.getvalue() == "[é]"
