"""A served corpus for the API and browser tests: the reference folder as the CLI reads it."""
from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from factcheck.config import Settings
from factcheck.reference import ReferenceCorpus
from factcheck.rules import default_rules_dir, load_rules
from factcheck.serve import MAX_BODY_BYTES, Service, create_app


def service_for(folders: list[str], root: Path, max_body: int = MAX_BODY_BYTES) -> Service:
    """What ``factcheck serve --against FOLDER... --isolated --no-cache`` serves from ``root``."""
    settings = Settings(root=root.resolve())
    reference = ReferenceCorpus(folders, settings, str(default_rules_dir()), cache_folder=None)
    return Service(reference, tuple(settings.configure(load_rules())), settings, max_body)


def client_for(service: Service) -> TestClient:
    """A client that names the server as a browser on this machine does (Host: 127.0.0.1)."""
    return TestClient(create_app(service, watch=False), base_url="http://127.0.0.1")
