"""``factcheck serve`` on the command line: where its reference copy comes from."""
from __future__ import annotations

from factcheck.config import load_settings

from helpers_cli import conflicting_corpus, run


def test_serve_without_reference_copy_exits_2_saying_how_to_give_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "serve", "--isolated")
    assert code == 2
    assert "--against PATH, or against = [...] in the config file" in err


def test_reference_folders_in_the_config_are_relative_to_its_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nagainst = ["wire", "archive/2025"]\n', "utf-8")
    (tmp_path / "drafts").mkdir()
    assert load_settings(tmp_path / "drafts").against == (tmp_path / "wire", tmp_path / "archive/2025")


def test_a_reference_folder_that_is_not_a_string_is_a_config_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "factcheck.toml").write_text("against = [3]\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "serve")
    assert code == 2
    assert "factcheck.toml: against: expected a list of strings" in err


def test_serve_reads_the_config_folders_when_no_against_is_given(tmp_path, monkeypatch, capsys):
    conflicting_corpus(tmp_path)
    (tmp_path / "factcheck.toml").write_text('against = ["corpus"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    served = {}
    monkeypatch.setattr("factcheck.serve.serve", lambda service, host, port, hosts: served.update(
        folders=service.reference.folders, documents=len(service.reference.loaded.corpus.documents), at=(host, port)))
    code, _, err = run(capsys, "serve", "--no-cache")
    assert code == 0, err
    assert served == {"folders": (str(tmp_path / "corpus"),), "documents": 2, "at": ("127.0.0.1", 8000)}
