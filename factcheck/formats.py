"""The file formats factcheck reads, named by suffix: what discovery looks for below folders
and what ingest reads each file as."""
from __future__ import annotations

JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"}) | JSON_LINES_SUFFIXES
