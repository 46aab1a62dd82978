"""The command line: ``factcheck check`` and ``factcheck extract``.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input errors.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck import __version__
from factcheck.ingest import read_corpus
from factcheck.pipeline import Result, check_documents
from factcheck.report import json_report, text
from factcheck.rules import SEVERITIES, RuleError, load_rules

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="find figures that disagree across articles")
    _common(check)
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--fail-on", choices=SEVERITIES, default="warning",
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--against", nargs="+", metavar="PATH", default=[],
                       help="reference reporting: report only conflicts between PATH... and these")
    extract = commands.add_parser("extract", help="list every figure as a claim")
    _common(extract)
    extract.add_argument("--format", choices=["table", "json"], default="table")
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    command.add_argument("--stdin-filename", help="name (and so format) of the article read from -")
    command.add_argument("--rules", type=Path, help="folder of rule files (default: the bundled rules/)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        rules = load_rules(args.rules)
    except RuleError as error:
        print(f"factcheck: {error}", file=sys.stderr)
        return EXIT_ERROR
    corpus = read_corpus(args.paths, args.stdin_filename)
    against = read_corpus(getattr(args, "against", []) or [])
    errors = corpus.errors + against.errors
    for error in errors:
        print(f"factcheck: {error.path}: {error.message}", file=sys.stderr)
    result = check_documents(corpus.documents, rules, errors, against.documents)
    print(_render(args, result))
    return exit_code(args, result)


def _render(args: argparse.Namespace, result: Result) -> str:
    if args.command == "extract":
        return json_report.render(result, claims_only=True) if args.format == "json" else text.render_claims(result)
    return json_report.render(result) if args.format == "json" else text.render(result)


def exit_code(args: argparse.Namespace, result: Result) -> int:
    if result.errors:
        return EXIT_ERROR
    if args.command == "extract":
        return EXIT_CLEAN
    threshold = SEVERITIES.index(args.fail_on)
    failing = any(SEVERITIES.index(f.severity) >= threshold for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN
