"""``factcheck serve``: the editor's page and the API behind it, a thin layer over the pipeline.

``GET /`` is the page (plain HTML, CSS and JavaScript from ``factcheck/web``, nothing fetched
from elsewhere); ``POST /api/check`` takes ``{"text": ..., "filename": "draft.md"}`` and
answers the JSON contract of ``check --against`` for that draft (``?format=markdown``: the
Markdown report); ``GET /api/health`` says the server is up, its version, rules and reference.

Safety: the server binds 127.0.0.1 unless told otherwise, answers only requests whose ``Host``
is one of its own names (a page on another site cannot reach it through DNS rebinding),
refuses bodies over ``MAX_BODY_BYTES``, reads no path a client names (the filename only
chooses the format), and answers bad requests with a JSON message, never a traceback. The
page is served with a Content-Security-Policy that allows only its own files.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import uvicorn
import watchfiles
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from factcheck import __version__
from factcheck.config import Settings
from factcheck.draft import DRAFT_SUFFIXES, check_draft
from factcheck.reference import ReferenceCorpus
from factcheck.report import json_report, markdown
from factcheck.rules import Rule

MAX_BODY_BYTES = 2 * 1024 * 1024  # a draft is one article; a whole archive does not belong in a request
DEFAULT_FILENAME = "draft.md"
LOCAL_NAMES = ("127.0.0.1", "localhost")
WEB = Path(__file__).resolve().parent / "web"
HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


class BadRequest(Exception):
    """A request the API cannot answer; the message says what to send instead."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Service:
    """What the endpoints share: the warm reference corpus, the configured rules and settings."""

    reference: ReferenceCorpus
    rules: tuple[Rule, ...]
    settings: Settings
    max_body: int = MAX_BODY_BYTES


def create_app(service: Service, hosts: Sequence[str] = LOCAL_NAMES, watch: bool = True) -> Starlette:
    """The application; with ``watch``, the reference folders are read again when they change."""

    async def check(request: Request) -> Response:
        try:
            name, text = draft_fields(await _body(request, service.max_body))
            wanted = request.query_params.get("format", "json")
            if wanted not in ("json", "markdown"):
                raise BadRequest(f"format {wanted!r}: expected json or markdown")
        except BadRequest as error:
            return JSONResponse({"error": str(error)}, status_code=error.status)
        result = await run_in_threadpool(
            check_draft, name, text, service.reference.loaded, service.rules, service.settings, None,
            service.reference.story_memo)
        if wanted == "markdown":
            return Response(markdown.render(result), media_type="text/markdown; charset=utf-8")
        return Response(json_report.render(result), media_type="application/json")

    async def health(request: Request) -> Response:
        return JSONResponse(health_record(service))

    async def page(request: Request) -> Response:
        return FileResponse(WEB / "index.html")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        there = [path for path in service.reference.folders if os.path.exists(path)]  # a missing one is an error already
        if not watch or not there:
            yield
            return
        stop = asyncio.Event()
        following = asyncio.create_task(service.reference.follow(watchfiles.awatch(*there, stop_event=stop)))
        try:
            yield
        finally:
            stop.set()
            following.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await following

    routes = [
        Route("/", page),
        Route("/api/health", health),
        Route("/api/check", check, methods=["POST"]),
        Mount("/static", StaticFiles(directory=WEB)),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)), Middleware(SecurityHeaders)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


class SecurityHeaders:
    """Adds ``HEADERS`` to every response (ASGI middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + [
                    (name.encode(), value.encode()) for name, value in HEADERS.items()]
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it is known to exceed ``limit`` bytes."""
    too_large = BadRequest(f"request body over {limit:,} bytes; send one article at a time", status=413)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def draft_fields(body: bytes) -> tuple[str, str]:
    """The draft's filename and text from a request body."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:  # JSONDecodeError and bad UTF-8 are ValueErrors
        raise BadRequest(f"the body is not JSON ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise BadRequest('expected a JSON object {"text": "...", "filename": "draft.md"}')
    name = data.get("filename", DEFAULT_FILENAME)
    if not isinstance(name, str) or not _plain_name(name):
        raise BadRequest(f"filename {name!r}: expected a plain file name ending in {', '.join(DRAFT_SUFFIXES)} "
                         "(it only chooses the format; nothing is read from it)")
    return name, data["text"]


def _plain_name(name: str) -> bool:
    """A file name without folders that names one of the article formats."""
    return (name == PurePosixPath(name).name and "\\" not in name and not name.startswith(".")
            and name.lower().endswith(DRAFT_SUFFIXES))


def health_record(service: Service) -> dict[str, object]:
    loaded = service.reference.loaded
    return {
        "status": "ok",
        "tool": {"name": "factcheck", "version": __version__},
        "rules": [{"id": rule.id, "severity": rule.severity, "title": rule.title} for rule in service.rules
                  if service.settings.reports(rule.id)],
        "reference": {"folders": list(service.reference.folders), "documents": len(loaded.corpus.documents),
                      "claims": sum(len(claims) for claims in loaded.claims.values()),
                      "errors": [{"path": e.path, "message": e.message} for e in loaded.corpus.errors]},
    }


WARM_UP = "Three people were injured in the fire, officials said.\n"


def warm_up(service: Service) -> None:
    """Check a one-line draft, so that the first editor's check does not pay for loading what
    matching and the rules load on first use (units, lemmas)."""
    check_draft("warm-up.txt", WARM_UP, service.reference.loaded, service.rules, service.settings,
                story_memo=service.reference.story_memo)


def serve(service: Service, host: str, port: int, extra_hosts: Sequence[str] = ()) -> None:
    """Run the server until interrupted, warmed up first."""
    warm_up(service)
    hosts = list(dict.fromkeys([*LOCAL_NAMES, host, *extra_hosts]))
    uvicorn.run(create_app(service, hosts), host=host, port=port, log_level="warning")
