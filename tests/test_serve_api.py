"""The API of ``factcheck serve``: the JSON contract of ``check --against`` for a draft sent
as text, and the refusals that keep the server safe."""
from __future__ import annotations

import json

import anyio
import pytest

from helpers_cli import INJURED, conflicting_corpus, run, write_article
from serve_helpers import client_for, service_for

DRAFT = '---\ndate: "2025-06-10"\nsource: "Our Paper"\n---\n' + INJURED.format(count="Thirty") + "\n"


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    conflicting_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def client(newsroom):
    return client_for(service_for(["corpus"], newsroom))


def checked(client, text: str = DRAFT, filename: str = "draft.md") -> dict:
    response = client.post("/api/check", json={"text": text, "filename": filename})
    assert response.status_code == 200, response.text
    return response.json()


def test_check_answers_what_check_against_prints_for_the_same_draft(client, newsroom, capsys):
    (newsroom / "draft.md").write_text(DRAFT, "utf-8")
    code, out, err = run(capsys, "check", "draft.md", "--against", "corpus", "--format", "json",
                         "--isolated", "--no-cache")
    assert code == 1, err
    assert checked(client) == json.loads(out)


def test_the_drafts_conflict_names_the_reference_claims(client):
    found = checked(client)
    assert [f["claims"] for f in found["findings"]] == [["draft.md#1", "corpus/gazette.md#1", "corpus/wire.md#1"]]


def test_the_filename_chooses_the_format(client):
    found = checked(client, "Thirty people were injured in the warehouse fire at Pellmouth harbour.", "draft.txt")
    assert found["documents"][0]["path"] == "draft.txt"


def test_markdown_format_gives_the_markdown_report(client):
    response = client.post("/api/check?format=markdown", json={"text": DRAFT})
    assert response.headers["content-type"].startswith("text/markdown")
    assert response.text.startswith("### factcheck: 1 finding (1 warning)")


def test_a_draft_identical_to_a_reference_article_is_not_compared_with_itself(client, newsroom):
    wire = (newsroom / "corpus" / "wire.md").read_text("utf-8")
    found = checked(client, wire, "wire.md")
    assert [d["path"] for d in found["documents"]] == ["wire.md", "corpus/gazette.md"]
    assert [f["claims"] for f in found["findings"]] == [["wire.md#1", "corpus/gazette.md#1"]]


def test_an_unreadable_draft_is_an_error_naming_it(client):
    found = checked(client, "Thirty people were hurt.\x00\n")
    assert [e["path"] for e in found["errors"]] == ["draft.md"]
    assert "binary" in found["errors"][0]["message"]


def test_a_draft_whose_front_matter_yaml_cannot_read_is_still_checked(client):
    found = checked(client, "---\ntitle: [unclosed\n---\nThirty people were hurt.\n")
    assert found["errors"] == [] and [claim["surface"] for claim in found["claims"] if claim["doc"] == "draft.md"] == ["Thirty"]


def test_a_body_over_the_limit_is_refused_with_413(newsroom):
    client = client_for(service_for(["corpus"], newsroom, max_body=1000))
    response = client.post("/api/check", json={"text": "word " * 400})
    assert response.status_code == 413
    assert "over 1,000 bytes" in response.json()["error"]


@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe\x00", b"[" * 100000])
def test_bad_json_is_a_400_with_a_message(client, body):
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("the body is not JSON")


@pytest.mark.parametrize("payload", [["text"], {"filename": "draft.md"}, {"text": 42}])
def test_json_without_a_text_string_is_a_400_saying_what_to_send(client, payload):
    response = client.post("/api/check", json=payload)
    assert response.status_code == 400
    assert '{"text": "...", "filename": "draft.md"}' in response.json()["error"]


@pytest.mark.parametrize("name", ["corpus/wire.md", "../draft.md", "/etc/passwd.md", ".draft.md", "draft.jsonl",
                                  "a\\b.md", 7])
def test_a_filename_that_is_not_a_plain_article_name_is_refused(client, name):
    response = client.post("/api/check", json={"text": DRAFT, "filename": name})
    assert response.status_code == 400
    assert "nothing is read from it" in response.json()["error"]


def test_a_wrong_host_header_is_refused(client):
    response = client.get("/api/health", headers={"host": "rebound.example:8000"})
    assert response.status_code == 400


def test_health_names_the_version_rules_and_reference(client):
    health = client.get("/api/health").json()
    assert (health["status"], health["reference"]["documents"], health["reference"]["folders"]) == ("ok", 2, ["corpus"])
    assert "FC101" in {rule["id"] for rule in health["rules"]}


def test_the_page_allows_only_its_own_scripts(client):
    response = client.get("/")
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert '<script src="/static/app.js"' in response.text


def test_the_reference_is_read_again_after_its_files_change(newsroom):
    service = service_for(["corpus"], newsroom)
    write_article(newsroom / "corpus", "wire.md", INJURED.format(count="Thirty"))

    async def one_change():
        yield {("modified", str(newsroom / "corpus" / "wire.md"))}

    anyio.run(service.reference.follow, one_change())
    found = checked(client_for(service))
    assert [f["claims"] for f in found["findings"]] == [["draft.md#1", "corpus/gazette.md#1"]]
