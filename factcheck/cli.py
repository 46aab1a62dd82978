"""The command line: factcheck check, baseline, extract, rule and serve.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or input errors;
141 (128 + SIGPIPE, as a shell reports a process its pipe stopped) when the reader of the output
went away before the end (factcheck check ... | head -1).
"""
from __future__ import annotations

import argparse
import codecs
import os
import shutil
import signal
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import BinaryIO, TextIO

from factcheck import __version__, atomic
from factcheck.baseline import (Baseline, BaselineError, baseline_text, claim_identities, read_baseline,
                                write_baseline)
from factcheck.cache import ClaimCache, UnusableCache, engine_hash
from factcheck.budget import DEFAULT_FIGURES, DEFAULT_SECONDS
from factcheck.changes import ChangesError, changed_files, tracked_files
from factcheck.config import (DEFAULT_CACHE_DIR, ConfigError, Settings, load_settings, per_file_ignore_flags,
                              parse_pairs, positive_count, positive_seconds, tolerance_flags)
from factcheck.engine import ENGINES, Engine, one_shot
from factcheck.formats import TEXT_SUFFIXES
from factcheck.model import InputError
from factcheck.pipeline import Extraction, Loaded, Result, check_documents, extract_documents, files_to_read, load_paths
from factcheck.report import concise, github, json_report, markdown, rule_doc, sarif
from factcheck.report.common import plural, printable, shown_path, summary
from factcheck.rules import SEVERITIES, Rule, RuleError, default_rules_dir, load_rules

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE
FORMATS = ("concise", "github", "json", "junit", "markdown", "sarif", "text")
DEFAULT_BASELINE = "factcheck-baseline.json"
UNKNOWN_SHOWN = 5  # files in no article format named without --verbose
EPILOG = """\
examples:
  factcheck check articles/                   findings as tables, exit 1 when one is at or above --fail-on
  factcheck check articles/ --format concise  one line per finding: path:line:col: FC101 message
  factcheck check draft.md --against wire/    only conflicts between the draft and the wire copy
  factcheck check --against-tracked a.md b.md the pre-commit hook: these files against every tracked article
  factcheck check articles/ --show-files      the files a run would read, and nothing else
  factcheck rule FC101                        what a rule checks, its parameters and examples

exit codes:
  0    no finding at or above --fail-on (or --exit-zero)
  1    findings at or above --fail-on (default: warning)
  2    usage, configuration or input errors (every other file is still checked and reported)
  141  the reader of the output went away (factcheck check ... | head -1)
"""


class UsageError(Exception):
    """Flags that do not go together."""


# -- the parser: one function per group of options, each command takes the groups it uses ------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck", description="Find figures that disagree across news articles.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _check_command(commands)
    _baseline_command(commands)
    _extract_command(commands)
    _rule_command(commands)
    _serve_command(commands)
    return parser


def _subcommand(commands, name: str, summary: str) -> argparse.ArgumentParser:
    return commands.add_parser(name, help=summary, description=summary, epilog=EPILOG,
                               formatter_class=argparse.RawDescriptionHelpFormatter)


def _judging_command(commands, name: str, summary: str) -> tuple[argparse.ArgumentParser, argparse._ArgumentGroup]:
    """A command that reads, extracts and judges articles: check and baseline."""
    command = _subcommand(commands, name, summary)
    _inputs(command)
    _judging(command)
    _caching(command)
    _engine_options(command)
    return command, _output(command)


def _check_command(commands) -> None:
    check, output = _judging_command(commands, "check", "Find figures that disagree across articles.")
    _report_file(output)
    output.add_argument("--format", choices=FORMATS, default="text")
    output.add_argument("--statistics", action="store_true",
                        help="print findings per rule and the figures compared and not compared, not the findings")
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are at or above --fail-on")
    output.add_argument("--max-annotations", type=int, default=github.MAX_ANNOTATIONS,
                        help=f"github format: annotations shown, most severe first (default {github.MAX_ANNOTATIONS})")
    check.add_argument("--fail-on", choices=SEVERITIES,
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--against", action="extend", nargs=1, metavar="PATH", default=[],
                       help="reference reporting: report only conflicts between PATH... and this (repeatable)")
    check.add_argument("--against-tracked", action="store_true",
                       help="reference reporting: every article file git tracks here (the pre-commit hook)")
    check.add_argument("--baseline", type=Path, help="report only findings this baseline file does not hold")
    check.add_argument("--changed-since", metavar="REF",
                       help="report findings about files changed since git REF (compared with everything)")
    check.add_argument("--explain", action="store_true",
                       help="say for every figure its frame and why it was or was not compared with its nearest candidates")


def _baseline_command(commands) -> None:
    baseline, _ = _judging_command(commands, "baseline", "Record today's findings so later checks report only new ones.")
    baseline.add_argument("--baseline", type=Path, help=f"file to write (default: {DEFAULT_BASELINE})")



def _extract_command(commands) -> None:
    extract = _subcommand(commands, "extract", "List every figure as a claim, with no judgement.")
    _inputs(extract)
    _engine_options(extract)
    _report_file(_output(extract)).add_argument("--format", choices=["table", "json"], default="table")


def _serve_command(commands) -> None:
    serve = _subcommand(commands, "serve", "The editor's page: check a draft in the browser against reference copy.")
    serve.add_argument("--against", action="extend", nargs=1, metavar="PATH", default=[],
                       help="reference folder or file (repeatable; default: `against` in the config file)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                       help="another name the page may be reached by (the Host header; default: this machine's)")
    serve.add_argument("--rules", type=Path, help="folder of rule files (default: the bundled rules/)")
    serve.add_argument("--config", type=Path, help="configuration file (default: found walking up from here)")
    serve.add_argument("--isolated", action="store_true", help="read no configuration file")
    serve.add_argument("--cache-dir", type=Path, help=f"where extracted claims are cached (default: {DEFAULT_CACHE_DIR})")
    serve.add_argument("--no-cache", action="store_true", help="neither read nor write the claim cache")


def _rule_command(commands) -> None:
    rule = _subcommand(commands, "rule", "Explain a rule: its rationale, parameters and examples.")
    rule.add_argument("rule_id", nargs="?", metavar="RULE", help="a rule id, e.g. FC101")
    rule.add_argument("--all", action="store_true", help="explain every rule")
    rule.add_argument("--rules", type=Path, help="folder of rule files (default: the bundled rules/)")


def _inputs(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    command.add_argument("--stdin-filename", help="name (and so format) of the article read from -")
    command.add_argument("--show-files", action="store_true", help="list the files a run would read, and stop")
    config = command.add_argument_group("configuration (each flag replaces its key of the config file)")
    config.add_argument("--config", type=Path, help="configuration file (default: found walking up from here)")
    config.add_argument("--isolated", action="store_true", help="read no configuration file")
    config.add_argument("--include", action="append", metavar="GLOB", help="read only files below folders matching GLOB")
    config.add_argument("--exclude", action="append", metavar="GLOB", help="skip files below folders matching GLOB")


def _judging(command: argparse.ArgumentParser) -> None:
    rules = command.add_argument_group("rules")
    rules.add_argument("--rules", type=Path, help="folder of rule files (default: the bundled rules/)")
    rules.add_argument("--select", metavar="IDS", help="report only these rules (comma-separated ids or prefixes)")
    rules.add_argument("--ignore", metavar="IDS", help="do not report these rules (comma-separated ids or prefixes)")
    rules.add_argument("--per-file-ignores", action="append", metavar="GLOB:IDS",
                       help="do not report these rules about figures in files matching GLOB")
    rules.add_argument("--tolerance", action="append", metavar="[RULE:]NAME=VALUE",
                       help="override a rule parameter, e.g. FC101:currency_drift=0.2")
    rules.add_argument("--severity", action="append", metavar="RULE=LEVEL", help="override a rule's severity")
    rules.add_argument("--show-settings", action="store_true", help="print the settings in effect, and stop")


def _caching(command: argparse.ArgumentParser) -> None:
    cache = command.add_argument_group("cache")
    cache.add_argument("--cache-dir", type=Path, help=f"where extracted claims are cached (default: {DEFAULT_CACHE_DIR})")
    cache.add_argument("--no-cache", action="store_true", help="neither read nor write the claim cache")


def _engine_options(command: argparse.ArgumentParser) -> None:
    engine = command.add_argument_group("engine")
    engine.add_argument("--engine", choices=ENGINES,
                        help="where the work runs: local (this machine's cores, the default) or dask")
    engine.add_argument("--workers", type=int, metavar="N",
                        help="worker processes (local, or a local Dask cluster; default: one per core)")
    engine.add_argument("--scheduler", metavar="ADDRESS",
                        help="dask: address of a running scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    engine.add_argument("--budget-seconds", type=float, metavar="S",
                        help=f"leave out, as an input error, an article whose extraction takes longer (default: {DEFAULT_SECONDS:g})")
    engine.add_argument("--budget-figures", type=int, metavar="N",
                        help=f"leave out, as an input error, an article with more figures (default: {DEFAULT_FIGURES:,})")


def _output(command: argparse.ArgumentParser) -> argparse._ArgumentGroup:
    output = command.add_argument_group("output")
    output.add_argument("-q", "--quiet", action="store_true",
                        help="print the report and errors only: no progress bar, summary or notes")
    output.add_argument("-v", "--verbose", action="store_true",
                        help="also say on stderr which configuration and files were read")
    output.add_argument("--profile", action="store_true", help="print each stage's wall time on stderr")
    return output


def _report_file(output: argparse._ArgumentGroup) -> argparse._ArgumentGroup:
    output.add_argument("-o", "--output-file", type=Path, metavar="FILE", help="write the report to FILE, not stdout")
    return output


# -- running a command ------------------------------------------------------------------------

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
    if args.command == "rule":
        return explain_rules(args)
    if args.command == "serve":
        return _serve(args)
    one_shot()
    try:
        settings = settings_of(args)
        rules = [] if args.command == "extract" else settings.configure(load_rules(args.rules))
        if args.show_files:
            return show_files(args, settings)
        if getattr(args, "show_settings", False):
            return show_settings(settings, rules)
        focus = changed_files(args.changed_since) if getattr(args, "changed_since", None) else None
        against = _against_of(args, settings)
        baseline = _baseline_of(args, settings)
        cache, cache_failed = (None, False) if args.command == "extract" else _cache_of(args, settings)
    except (ConfigError, RuleError, ChangesError, BaselineError, UsageError) as error:
        _say(str(error))
        return EXIT_ERROR
    engine = engine_of(args, settings)
    try:
        with engine.session():
            judged = args.command != "extract"
            corpus = load_paths(args.paths, settings, args.stdin_filename, cache, engine, judged)
            _note_unread(args, settings, corpus)
            reference = load_paths(against, settings, cache=cache, engine=engine, judged=judged)
            _print_warnings(corpus.corpus.warnings + reference.corpus.warnings)
            if args.command == "extract":
                return _extract(args, extract_documents(corpus))
            errors = corpus.corpus.errors + reference.corpus.errors
            result = check_documents(
                corpus.corpus.documents, rules, errors, reference.corpus.documents, settings=settings,
                known_claims={**reference.claims, **corpus.claims}, focus=focus, baseline=baseline,
                engine=engine, cache=cache, digests={**reference.digests, **corpus.digests},
                explained=getattr(args, "explain", False),
            )
    finally:
        problem = cache.close() if cache else None
        if problem:
            _say(f"cache {problem}")
    _print_errors(result.errors)
    code = _write_baseline(args, settings, result) if args.command == "baseline" else _report(args, result, engine)
    return EXIT_ERROR if cache_failed else code


def _report(args: argparse.Namespace, result: Result, engine: Engine) -> int:
    """The report on stdout or in ``--output-file``, the step summary, and the exit code."""
    with engine.stage("render"):
        written = _emit(args, _render(args, result), result)
    if args.format == "concise" and not (args.quiet or args.statistics):
        _say(summary(result))  # on stderr: stdout holds only the lines editors read
    summary_error = _write_step_summary(result) if args.format == "github" else None
    if summary_error:
        _say(summary_error)
    code = exit_code(args, result)
    if not written or summary_error:
        return EXIT_ERROR
    if code == EXIT_FINDINGS and args.format == "text" and not (args.quiet or args.statistics):
        failing = sum(1 for finding in result.findings if result.fails(finding))
        _say(f"exit code 1: {plural(failing, 'finding')} at or above --fail-on {result.fail_on} "
             "(--exit-zero exits 0 all the same)")
    return code


def _say(message: str) -> None:
    print(f"factcheck: {printable(message)}", file=sys.stderr)


def _serve(args: argparse.Namespace) -> int:
    """Read the reference copy, then serve the page until interrupted (Starlette and uvicorn
    are imported only here: the other commands do not pay for them)."""
    from factcheck.reference import ReferenceCorpus
    from factcheck.serve import Service, serve

    try:
        if args.config and args.isolated:
            raise UsageError("--config and --isolated do not go together")
        settings = load_settings(Path.cwd(), args.config, args.isolated)
        settings = replace(settings, cache_dir=args.cache_dir or settings.cache_dir)
        rules = settings.configure(load_rules(args.rules))
    except (ConfigError, RuleError, UsageError) as error:
        print(f"factcheck: {error}", file=sys.stderr)
        return EXIT_ERROR
    folders = args.against or [str(folder) for folder in settings.against]
    if not folders:
        print("factcheck: serve needs reference copy: --against PATH, or against = [...] in the config file",
              file=sys.stderr)
        return EXIT_ERROR
    cache_folder = None if args.no_cache else settings.cache_dir or settings.root / DEFAULT_CACHE_DIR
    reference = ReferenceCorpus(folders, settings, str(args.rules or default_rules_dir()), cache_folder,
                                Engine(settings.engine, settings.workers, settings.scheduler, progress=sys.stderr.isatty()))
    loaded = reference.loaded
    _print_errors(loaded.corpus.errors)
    print(f"factcheck: {len(loaded.corpus.documents)} reference articles read; "
          f"serving http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    serve(Service(reference, tuple(rules), settings), args.host, args.port, args.allow_host)
    return EXIT_ERROR if loaded.corpus.errors else EXIT_CLEAN


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
        if getattr(args, key, None):
            given[key] = tuple(i.strip().upper() for i in getattr(args, key).split(",") if i.strip())
    if getattr(args, "per_file_ignores", None):
        given["per_file_ignores"] = per_file_ignore_flags(args.per_file_ignores)
    if getattr(args, "tolerance", None):
        given["tolerances"] = tolerance_flags(args.tolerance)
    if getattr(args, "severity", None):
        levels = dict((rule.upper(), level) for rule, level in parse_pairs(args.severity, "--severity", "="))
        bad = [level for level in levels.values() if level not in SEVERITIES]
        if bad:
            raise ConfigError(f"--severity: {bad[0]!r} is not one of {', '.join(SEVERITIES)}")
        given["severity"] = levels
    if getattr(args, "fail_on", None):
        given["fail_on"] = args.fail_on
    if getattr(args, "cache_dir", None):
        given["cache_dir"] = args.cache_dir
    for key in ("engine", "workers", "scheduler"):
        if getattr(args, key) is not None:
            given[key] = getattr(args, key)
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if getattr(args, "baseline", None):
        given["baseline"] = args.baseline
    if getattr(args, "budget_seconds", None) is not None:
        given["budget_seconds"] = positive_seconds(args.budget_seconds, "--budget-seconds")
    if getattr(args, "budget_figures", None) is not None:
        given["budget_figures"] = positive_count(args.budget_figures, "--budget-figures")
    return replace(settings, **given)


def _against_of(args: argparse.Namespace, settings: Settings) -> list[str]:
    """The reference paths: ``--against``, and with ``--against-tracked`` every article file git
    tracks (staged ones included, untracked drafts not) that the include and exclude globs take."""
    against = list(getattr(args, "against", []))
    if getattr(args, "against_tracked", False):
        tracked = (path for path in tracked_files() if Path(path).suffix.lower() in TEXT_SUFFIXES)
        against += [path for path in tracked if settings.wants_file(path)]
    return against


def _baseline_of(args: argparse.Namespace, settings: Settings) -> Baseline | None:
    if args.command != "check" or settings.baseline is None:
        return None
    return read_baseline(settings.baseline)


def _cache_of(args: argparse.Namespace, settings: Settings) -> tuple[ClaimCache | None, bool]:
    """The claim cache (None: run without it), and whether the run must exit 2 for it: a cache
    of factcheck's own that can serve nothing and cannot be replaced is an error naming the
    file and the setting; a folder factcheck refuses to write into is a warning."""
    if args.no_cache:
        return None, False
    folder = settings.cache_dir or settings.root / DEFAULT_CACHE_DIR
    try:
        return ClaimCache(folder, engine_hash(str(args.rules or default_rules_dir()))), False
    except UnusableCache as error:
        _say(f"cache {folder}: {error}; running without it, exit code 2 (make it writable, name "
             "another folder with --cache-dir or the cache-dir key, or pass --no-cache)")
        return None, True
    except (OSError, sqlite3.Error) as error:
        _say(f"cache {folder}: {getattr(error, 'strerror', None) or error}; running without it")
        return None, False


def _write_baseline(args: argparse.Namespace, settings: Settings, result: Result) -> int:
    if result.errors:
        return EXIT_ERROR
    target = settings.baseline or settings.root / DEFAULT_BASELINE
    claims = {claim.id: claim for claim in result.claims}
    identities = claim_identities(result.claims, settings.relative)
    try:
        write_baseline(target, baseline_text(result.findings, claims, identities), (d.path for d in result.documents))
    except BaselineError as error:
        _say(str(error))
        return EXIT_ERROR
    _say(f"wrote {plural(len(result.findings), 'finding')} to {target}")
    return EXIT_CLEAN


def _print_errors(errors: Sequence[InputError]) -> None:
    for error in errors:
        _say(f"{error.path}: {error.message}")


def _note_unread(args: argparse.Namespace, settings: Settings, loaded: Loaded) -> None:
    """Under ``--verbose`` the configuration and every file in no article format; otherwise
    one line naming the first few of those files (nothing under ``--quiet``)."""
    if args.quiet:
        return
    if args.verbose:
        _say(f"configuration: {settings.source or 'none (defaults)'}")
        _say(f"read {plural(len(loaded.corpus.documents), 'document')}")
    if loaded.unknown:
        shown = loaded.unknown if args.verbose else loaded.unknown[:UNKNOWN_SHOWN]
        more = len(loaded.unknown) - len(shown)
        names = ", ".join(shown_path(path) for path in shown) + (f" and {more} more" if more else "")
        _say(f"{plural(len(loaded.unknown), 'file')} in no article format left unread "
             f"(reads {', '.join(sorted(TEXT_SUFFIXES))}): {names}")


def _print_warnings(warnings: Sequence[InputError]) -> None:
    """What was read all the same: named on stderr, not a failure of the run."""
    for warning in warnings:
        _say(f"{warning.path}: warning: {warning.message}")


def _extract(args: argparse.Namespace, extraction: Extraction) -> int:
    _print_errors(extraction.errors)
    if args.format == "json":
        rendered: str | Iterable[str | bytes] = json_report.chunks(extraction, claims_only=True)
    else:
        from factcheck.report import text

        rendered = text.render_claims(extraction)
    written = _emit(args, rendered, extraction)
    return EXIT_ERROR if extraction.errors or not written else EXIT_CLEAN


def _render(args: argparse.Namespace, result: Result) -> str | Iterable[str | bytes]:
    if args.statistics:
        from factcheck.report import statistics  # tabulate (text), xml.etree (junit): only their runs import them

        return statistics.render(result)
    if args.format == "text":
        from factcheck.report import text

        to_terminal = args.output_file is None
        return text.render(result, colour=to_terminal and colour_wanted(sys.stdout),
                           width=terminal_width() if to_terminal else None, summarised=not args.quiet)
    if args.format == "github":
        return github.render(result, args.max_annotations)
    if args.format == "junit":
        from factcheck.report import junit

        return junit.render(result)
    return {"concise": concise.render, "json": json_report.chunks,
            "markdown": markdown.render, "sarif": sarif.render}[args.format](result)


def colour_wanted(stream) -> bool:
    """Colour on a terminal; never with ``NO_COLOR`` set, always with ``FORCE_COLOR`` set
    (no-color.org, force-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def terminal_width() -> int | None:
    """The terminal's width (or ``COLUMNS``), None when the output is not a terminal."""
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        return None
    return shutil.get_terminal_size().columns or None


def _emit(args: argparse.Namespace, rendered: str | Iterable[str | bytes], result: Result | Extraction) -> bool:
    """The report (a string, or the pieces of one streamed as made) on stdout, or written whole
    to ``--output-file`` (never over an input); False, with an error said, when it could not be
    written."""
    pieces = _line_ended([rendered] if isinstance(rendered, str) else rendered)
    if args.output_file is None:
        write_pieces(sys.stdout, pieces)
        return True
    target = args.output_file
    inputs = {os.path.realpath(document.path) for document in result.documents}
    if os.path.realpath(target) in inputs:
        _say(f"--output-file {target}: is one of the articles read; nothing written")
        return False
    try:
        atomic.write_text(target, pieces)
    except OSError as error:
        _say(f"--output-file {target}: cannot write ({error.strerror or error})")
        return False
    return True


def write_pieces(stream: TextIO, pieces: Iterable[str | bytes]) -> None:
    """The pieces on a text stream. Bytes are UTF-8 (the claims' records the cache kept): from
    the first one on, when the stream writes UTF-8 to a binary buffer, every piece goes to that
    buffer, encoded as the stream would (no newline to translate on this system); else the
    bytes are decoded and written as text."""
    buffer = None
    for piece in pieces:
        if isinstance(piece, bytes) and buffer is None:
            buffer = _utf8_buffer(stream)
            if buffer is None:
                piece = piece.decode()
            else:
                stream.flush()
        if buffer is None:
            stream.write(piece)  # type: ignore[arg-type]
        else:
            buffer.write(piece if isinstance(piece, bytes) else piece.encode("utf-8", stream.errors or "strict"))


def _utf8_buffer(stream: TextIO) -> BinaryIO | None:
    """The stream's binary buffer when what it writes there is UTF-8 with no newline changed."""
    encoding = getattr(stream, "encoding", None)
    buffer = getattr(stream, "buffer", None)
    if buffer is None or not encoding or os.linesep != "\n" or codecs.lookup(encoding).name != "utf-8":
        return None
    return buffer


def _line_ended(pieces: Iterable[str | bytes]) -> Iterator[str | bytes]:
    """The pieces, and a line break after them when they said anything."""
    written = False
    for piece in pieces:
        written = written or bool(piece)
        yield piece
    if written:
        yield "\n"


def _write_step_summary(result: Result) -> str | None:
    """The Markdown report appended to ``$GITHUB_STEP_SUMMARY`` when it is set, capped to what
    the summary's 1 MiB leaves; the error to report when the file cannot be written."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return None
    try:
        room = markdown.STEP_SUMMARY_LIMIT - (os.path.getsize(path) if os.path.exists(path) else 0)
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(markdown.render(result, max(room, 0), markdown.utf8_size) + "\n")
    except OSError as error:
        return f"GITHUB_STEP_SUMMARY={path}: cannot write the step summary ({error.strerror or error}); the report was printed"
    return None


def exit_code(args: argparse.Namespace, result: Result) -> int:
    if result.errors:
        return EXIT_ERROR
    if getattr(args, "exit_zero", False):
        return EXIT_CLEAN
    return EXIT_FINDINGS if result.failing else EXIT_CLEAN


# -- commands that read no article -------------------------------------------------------------

def show_files(args: argparse.Namespace, settings: Settings) -> int:
    """``--show-files``: each file a run would read, one per line (ruff's flag)."""
    files, errors, unknown = files_to_read(args.paths, settings)
    for path in files:
        print(printable(path))
    _print_errors(errors)
    if unknown and not args.quiet:
        _say(f"{plural(len(unknown), 'file')} in no article format left unread: "
             + ", ".join(shown_path(path) for path in unknown))
    return EXIT_ERROR if errors else EXIT_CLEAN


def show_settings(settings: Settings, rules: list[Rule]) -> int:
    """``--show-settings``: every setting in effect, and each rule's severity and parameters."""
    for field in fields(settings):
        if field.init:
            print(f"{field.name.replace('_', '-')} = {_shown_setting(getattr(settings, field.name))}")
    for rule in sorted(rules, key=lambda rule: rule.id):
        reported = "reported" if settings.reports(rule.id) else "not reported"
        print(f"rule {rule.id} = {rule.severity}, {reported}, {_shown_setting(rule.parameters)}")
    return EXIT_CLEAN


def _shown_setting(value: object) -> str:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return repr(list(value))
    return repr(dict(value)) if hasattr(value, "items") else repr(value)


def explain_rules(args: argparse.Namespace) -> int:
    """``factcheck rule FC101`` and ``factcheck rule --all``."""
    try:
        rules = load_rules(args.rules)
    except RuleError as error:
        _say(str(error))
        return EXIT_ERROR
    if args.all == bool(args.rule_id):
        _say("rule: name one rule (factcheck rule FC101) or give --all")
        return EXIT_ERROR
    if args.all:
        print(rule_doc.render_all(rules))
        return EXIT_CLEAN
    wanted = {rule.id: rule for rule in rules}.get(args.rule_id.upper())
    if wanted is None:
        _say(f"rule: no rule {args.rule_id!r} (known: {', '.join(sorted(rule.id for rule in rules))})")
        return EXIT_ERROR
    print(rule_doc.render(wanted))
    return EXIT_CLEAN
