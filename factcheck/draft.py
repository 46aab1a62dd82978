"""A draft's text, sent by the editor's page or another tool, checked against the warm
reference corpus exactly as ``factcheck check DRAFT --against FOLDER`` checks a file.

The draft is never a file: its name only chooses how it is read (Markdown, plain text, HTML)
and names it in the report. A reference article with the very text of the draft (the draft
pasted back from the archive) is left out, as the command line leaves out a draft that lies in
its own reference folder.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.config import Settings
from factcheck.engine import Engine
from factcheck.ingest import IngestError, decode, parse_text
from factcheck.model import Corpus, InputError
from factcheck.pipeline import Loaded, Result, check_documents
from factcheck.rules import Rule
from factcheck.stories import StoryMemo

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")


def read_draft(name: str, text: str) -> Corpus:
    """The draft as the command line reads a file of that name and text; what cannot be read
    is an error naming the draft (lone surrogates from JSON fail as text that is not UTF-8)."""
    try:
        documents = parse_text(name, decode(text.encode("utf-8", "surrogatepass")))
    except IngestError as error:
        return Corpus(error.documents, (InputError(name, str(error)),))
    return Corpus(tuple(documents))


def check_draft(
    name: str, text: str, reference: Loaded, rules: Sequence[Rule], settings: Settings, engine: Engine | None = None,
    story_memo: StoryMemo | None = None,
) -> Result:
    """The draft checked against the reference; by default in this process (a request is one
    small task: worker processes would cost more to start than they save). ``story_memo``
    keeps the reference articles' story features from one draft to the next."""
    draft = read_draft(name, text)
    texts = {document.text for document in draft.documents}
    against = [document for document in reference.corpus.documents if document.text not in texts]
    return check_documents(
        draft.documents, list(rules), draft.errors + reference.corpus.errors, against, settings=settings,
        known_claims=reference.claims, engine=engine or Engine(workers=1), story_memo=story_memo,
    )
