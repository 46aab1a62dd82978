"""The command line: ``factcheck check``, ``factcheck baseline`` and ``factcheck extract``.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, configuration or input errors;
141 (128 + SIGPIPE, as a shell reports a process its pipe stopped) when the reader of the output
went away before the end (``factcheck check ... | head -1``).
"""
from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from factcheck import __version__
from factcheck.baseline import (Baseline, BaselineError, baseline_text, claim_identities, read_baseline,
                                write_baseline)
from factcheck.cache import ClaimCache, engine_hash
from factcheck.changes import ChangesError, changed_files
from factcheck.config import (DEFAULT_CACHE_DIR, ConfigError, Settings, load_settings, per_file_ignore_flags,
                              parse_pairs, tolerance_flags)
from factcheck.engine import ENGINES, Engine
from factcheck.model import InputError
from factcheck.pipeline import Extraction, Result, check_documents, extract_documents, load_paths
from factcheck.report import github, json_report, junit, markdown, sarif, text
from factcheck.rules import SEVERITIES, RuleError, default_rules_dir, load_rules

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE
FORMATS = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "markdown": markdown.render,
}
DEFAULT_BASELINE = "factcheck-baseline.json"


class UsageError(Exception):
    """Flags that do not go together."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="find figures that disagree across articles")
    _common(check)
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument("--fail-on", choices=SEVERITIES,
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--against", action="extend", nargs=1, metavar="PATH", default=[],
                       help="reference reporting: report only conflicts between PATH... and this (repeatable)")
    check.add_argument("--baseline", type=Path, help="report only findings this baseline file does not hold")
    check.add_argument("--changed-since", metavar="REF",
                       help="report findings about files changed since git REF (compared with everything)")
    check.add_argument("--explain", action="store_true",
                       help="say for every figure its frame and why it was or was not compared with its nearest candidates")
    check.add_argument("--max-annotations", type=int, default=github.MAX_ANNOTATIONS,
                       help=f"github format: annotations shown, most severe first (default {github.MAX_ANNOTATIONS})")

    baseline = commands.add_parser("baseline", help="record today's findings so later checks report only new ones")
    _common(baseline)
    baseline.add_argument("--baseline", type=Path, help=f"file to write (default: {DEFAULT_BASELINE})")

    extract = commands.add_parser("extract", help="list every figure as a claim")
    _common(extract)
    extract.add_argument("--format", choices=["table", "json"], default="table")
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    command.add_argument("--stdin-filename", help="name (and so format) of the article read from -")
    command.add_argument("--rules", type=Path, help="folder of rule files (default: the bundled rules/)")
    config = command.add_argument_group("configuration (each flag replaces its key of the config file)")
    config.add_argument("--config", type=Path, help="configuration file (default: found walking up from here)")
    config.add_argument("--isolated", action="store_true", help="read no configuration file")
    config.add_argument("--include", action="append", metavar="GLOB", help="read only files below folders matching GLOB")
    config.add_argument("--exclude", action="append", metavar="GLOB", help="skip files below folders matching GLOB")
    config.add_argument("--select", metavar="IDS", help="report only these rules (comma-separated ids or prefixes)")
    config.add_argument("--ignore", metavar="IDS", help="do not report these rules (comma-separated ids or prefixes)")
    config.add_argument("--per-file-ignores", action="append", metavar="GLOB:IDS",
                        help="do not report these rules about figures in files matching GLOB")
    config.add_argument("--tolerance", action="append", metavar="[RULE:]NAME=VALUE",
                        help="override a rule parameter, e.g. FC101:currency_drift=0.2")
    config.add_argument("--severity", action="append", metavar="RULE=LEVEL", help="override a rule's severity")
    config.add_argument("--cache-dir", type=Path, help=f"where extracted claims are cached (default: {DEFAULT_CACHE_DIR})")
    config.add_argument("--no-cache", action="store_true", help="neither read nor write the claim cache")
    config.add_argument("--engine", choices=ENGINES,
                        help="where the work runs: local (this machine's cores, the default) or dask")
    config.add_argument("--workers", type=int, metavar="N",
                        help="worker processes (local, or a local Dask cluster; default: one per core)")
    config.add_argument("--scheduler", metavar="ADDRESS",
                        help="dask: address of a running scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    output = command.add_argument_group("output")
    output.add_argument("--quiet", "-q", action="store_true", help="no progress bar (it is drawn only on a terminal)")
    output.add_argument("--profile", action="store_true", help="print each stage's wall time on stderr")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = run(argv)
        sys.stdout.flush()  # here, where a closed pipe can still be handled
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    return code


def _discard_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush of what could not be
    written does not fail again on the closed pipe (the recipe of the Python signal docs)."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)


def run(argv: Sequence[str] | None = None) -> int:
    """One command, as parsed from ``argv``; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        settings = settings_of(args)
        rules = settings.configure(load_rules(args.rules))
        focus = changed_files(args.changed_since) if getattr(args, "changed_since", None) else None
        baseline = _baseline_of(args, settings)
        cache = None if args.command == "extract" else _cache_of(args, settings)
    except (ConfigError, RuleError, ChangesError, BaselineError, UsageError) as error:
        print(f"factcheck: {error}", file=sys.stderr)
        return EXIT_ERROR
    engine = engine_of(args, settings)
    try:
        with engine.session():
            corpus = load_paths(args.paths, settings, args.stdin_filename, cache, engine)
            against = load_paths(getattr(args, "against", []), settings, cache=cache, engine=engine)
            _print_warnings(corpus.corpus.warnings + against.corpus.warnings)
            if args.command == "extract":
                return _extract(args, extract_documents(corpus))
            errors = corpus.corpus.errors + against.corpus.errors
            result = check_documents(
                corpus.corpus.documents, rules, errors, against.corpus.documents, settings=settings,
                known_claims={**against.claims, **corpus.claims}, focus=focus, baseline=baseline,
                engine=engine, cache=cache, digests={**against.digests, **corpus.digests},
                explained=getattr(args, "explain", False),
            )
    finally:
        problem = cache.close() if cache else None
        if problem:
            print(f"factcheck: cache {problem}", file=sys.stderr)
    _print_errors(result.errors)
    if args.command == "baseline":
        return _write_baseline(args, settings, result)
    with engine.stage("render"):
        print(_render(args, result))
    if args.command == "check" and args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(markdown.render(result) + "\n")
    return exit_code(args, result)


def engine_of(args: argparse.Namespace, settings: Settings) -> Engine:
    """The engine the settings choose; the progress bar only on a terminal, outside CI, and not
    under ``--quiet``."""
    drawn = not args.quiet and sys.stderr.isatty() and not os.environ.get("CI")
    return Engine(settings.engine, settings.workers, settings.scheduler, progress=drawn, profile=args.profile)


def settings_of(args: argparse.Namespace) -> Settings:
    """The configuration file's settings with every flag given laid over them."""
    if args.config and args.isolated:
        raise UsageError("--config and --isolated do not go together")
    settings = load_settings(Path.cwd(), args.config, args.isolated)
    given: dict[str, object] = {}
    if args.include:
        given["include"] = tuple(args.include)
    if args.exclude:
        given["exclude"] = tuple(args.exclude)
    for key in ("select", "ignore"):
        if getattr(args, key):
            given[key] = tuple(i.strip().upper() for i in getattr(args, key).split(",") if i.strip())
    if args.per_file_ignores:
        given["per_file_ignores"] = per_file_ignore_flags(args.per_file_ignores)
    if args.tolerance:
        given["tolerances"] = tolerance_flags(args.tolerance)
    if args.severity:
        levels = dict((rule.upper(), level) for rule, level in parse_pairs(args.severity, "--severity", "="))
        bad = [level for level in levels.values() if level not in SEVERITIES]
        if bad:
            raise ConfigError(f"--severity: {bad[0]!r} is not one of {', '.join(SEVERITIES)}")
        given["severity"] = levels
    if getattr(args, "fail_on", None):
        given["fail_on"] = args.fail_on
    if args.cache_dir:
        given["cache_dir"] = args.cache_dir
    for key in ("engine", "workers", "scheduler"):
        if getattr(args, key) is not None:
            given[key] = getattr(args, key)
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if getattr(args, "baseline", None):
        given["baseline"] = args.baseline
    return replace(settings, **given)


def _baseline_of(args: argparse.Namespace, settings: Settings) -> Baseline | None:
    if args.command != "check" or settings.baseline is None:
        return None
    return read_baseline(settings.baseline)


def _cache_of(args: argparse.Namespace, settings: Settings) -> ClaimCache | None:
    if args.no_cache:
        return None
    folder = settings.cache_dir or settings.root / DEFAULT_CACHE_DIR
    try:
        return ClaimCache(folder, engine_hash(str(args.rules or default_rules_dir())))
    except (OSError, sqlite3.Error) as error:
        print(f"factcheck: cache {folder}: {getattr(error, 'strerror', None) or error}; running without it",
              file=sys.stderr)
        return None


def _write_baseline(args: argparse.Namespace, settings: Settings, result: Result) -> int:
    if result.errors:
        return EXIT_ERROR
    target = settings.baseline or settings.root / DEFAULT_BASELINE
    claims = {claim.id: claim for claim in result.claims}
    identities = claim_identities(result.claims, settings.relative)
    try:
        write_baseline(target, baseline_text(result.findings, claims, identities), (d.path for d in result.documents))
    except BaselineError as error:
        print(f"factcheck: {error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"factcheck: wrote {len(result.findings)} finding(s) to {target}", file=sys.stderr)
    return EXIT_CLEAN


def _print_errors(errors: Sequence[InputError]) -> None:
    for error in errors:
        print(f"factcheck: {error.path}: {error.message}", file=sys.stderr)


def _print_warnings(warnings: Sequence[InputError]) -> None:
    """What was read all the same: named on stderr, not a failure of the run."""
    for warning in warnings:
        print(f"factcheck: {warning.path}: warning: {warning.message}", file=sys.stderr)


def _extract(args: argparse.Namespace, extraction: Extraction) -> int:
    _print_errors(extraction.errors)
    rendered = json_report.render(extraction, claims_only=True) if args.format == "json" else text.render_claims(extraction)
    print(rendered)
    return EXIT_ERROR if extraction.errors else EXIT_CLEAN


def _render(args: argparse.Namespace, result: Result) -> str:
    if args.format == "github":
        return github.render(result, args.max_annotations)
    return FORMATS[args.format](result)


def exit_code(args: argparse.Namespace, result: Result) -> int:
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.failing else EXIT_CLEAN
