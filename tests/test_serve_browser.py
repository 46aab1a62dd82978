"""The editor's page in a real Chromium (Playwright driving Debian's chromium package): a typed
draft's conflicting figure is underlined, its card shows the reference, Ignore inserts the
suppression comment and the underline goes; markup in a draft shows as text.

Set FACTCHECK_SCREENSHOT=docs/serve.png to keep the screenshot where the README shows it."""
from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from factcheck import __version__
from factcheck.serve import create_app
from serve_helpers import service_for

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRAFT = ("Thirty people were injured in the warehouse fire at Pellmouth harbour.\n\n"
         "The quay will stay closed for two days, the harbour master said.")
REFERENCE_SENTENCE = "Fourteen people were injured in the warehouse fire at Pellmouth harbour, the coastguard said."
INJECTED = ('Thirty people were injured in the warehouse fire at Pellmouth harbour. '
            '<img src=x onerror="window.injected=1"> <script>window.injected=2</script>')

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium executable (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    """The page served on a free port of 127.0.0.1, against fixtures/serve."""
    here = os.getcwd()
    os.chdir(ROOT)
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(service_for(["fixtures/serve"], ROOT)), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            thread.join(0.05)
        yield f"http://127.0.0.1:{listening.getsockname()[1]}/"
    finally:
        server.should_exit = True
        thread.join()
        os.chdir(here)


@pytest.fixture
def page(url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        sandbox = [] if os.geteuid() else ["--no-sandbox"]  # Chromium refuses its sandbox to root
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=sandbox)
        # The page's CSP is set aside: Playwright's waits evaluate strings, and markup in a draft
        # must show as text by escaping alone, not because the CSP stops what it would run.
        page = browser.new_page(viewport={"width": 1280, "height": 720}, bypass_csp=True)
        failures: list[str] = []
        page.on("pageerror", lambda error: failures.append(str(error)))
        page.goto(url)
        yield page
        browser.close()
        assert failures == []


def underlines(page, severity: str = "warning") -> int:
    return page.evaluate(f"CSS.highlights.get('fc-{severity}')?.size ?? 0")


def wait_for_check(page) -> None:
    page.wait_for_selector("body[data-state=checked]")


def open_first_card(page) -> None:
    box = page.evaluate("(() => { const r = [...CSS.highlights.get('fc-warning')][0].getBoundingClientRect();"
                        " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()")
    page.mouse.click(box["x"], box["y"])
    page.wait_for_selector("#card:not([hidden])")


def test_a_conflicting_figure_is_underlined_explained_and_ignored(page, tmp_path):
    page.click("#editor")
    page.keyboard.type(DRAFT)
    page.wait_for_function("(CSS.highlights.get('fc-warning')?.size ?? 0) === 1")
    wait_for_check(page)
    open_first_card(page)
    card = page.inner_text("#card")
    assert REFERENCE_SENTENCE in card
    assert "Harbour Gazette" in card and "fixtures/serve/harbour-gazette.md:8" in card
    page.screenshot(path=os.environ.get("FACTCHECK_SCREENSHOT") or str(tmp_path / "serve.png"))
    page.click("#card button:text('Ignore')")
    page.wait_for_function("(CSS.highlights.get('fc-warning')?.size ?? 0) === 0")
    wait_for_check(page)
    text = page.text_content("#editor")
    assert text.splitlines()[0].endswith("harbour. <!-- factcheck: ignore FC101 checked with the source -->")
    assert underlines(page) == 0
    assert page.inner_text("#summary") == ("2 figures checked, 0 in conflict, 0 had nothing to compare with; "
                                           "1 ignored by comments.")


def test_markup_in_a_draft_shows_as_text(page):
    page.fill("#editor", INJECTED)
    page.wait_for_function("(CSS.highlights.get('fc-warning')?.size ?? 0) === 1")
    open_first_card(page)
    assert '<img src=x onerror="window.injected=1">' in page.inner_text("#card")
    assert page.evaluate("window.injected") is None
    assert page.locator("img").count() == 0


def test_agreeing_figures_are_marked_on_request(page):
    page.fill("#editor", "Fourteen people were injured in the warehouse fire at Pellmouth harbour.")
    wait_for_check(page)
    assert underlines(page, "agree") == 0
    page.check("#show-agreeing")
    assert underlines(page, "agree") == 1


def test_the_underline_stands_on_the_claims_offsets_not_on_the_first_match_of_its_text(page):
    page.fill("#editor", "Thirty firefighters fought the blaze 🚒 overnight. "
                         "Thirty people were injured in the warehouse fire at Pellmouth harbour.")
    page.wait_for_function("(CSS.highlights.get('fc-warning')?.size ?? 0) === 1")
    marked = page.evaluate("(() => { const r = [...CSS.highlights.get('fc-warning')][0];"
                           " return [r.toString(), r.startOffset, r.startContainer.data.lastIndexOf('Thirty')]; })()")
    assert marked[0] == "Thirty" and marked[1] == marked[2]


@pytest.mark.parametrize("button, needle", [("#download-json", '"rules": ['),
                                            ("#download-markdown", "Checked with factcheck")])
def test_the_report_downloads_with_the_version_and_rule_set(page, button, needle):
    page.fill("#editor", DRAFT)
    wait_for_check(page)
    with page.expect_download() as download:
        page.click(button)
    report = Path(download.value.path()).read_text("utf-8")
    assert needle in report and "FC101" in report and __version__ in report


def test_a_finding_in_the_side_list_scrolls_to_its_figure_and_opens_its_card(page):
    page.fill("#editor", "The fire started before dawn.\n\n" * 40 + DRAFT)
    wait_for_check(page)
    page.evaluate("document.getElementById('editor').scrollTop = 0")  # typing left it at the end
    page.click("#findings li")
    page.wait_for_selector("#card:not([hidden])")
    assert page.evaluate("document.getElementById('editor').scrollTop") > 0
    assert REFERENCE_SENTENCE in page.inner_text("#card")
