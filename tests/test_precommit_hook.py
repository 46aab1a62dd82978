"""The pre-commit hook definition is one our command line accepts, and runs serially."""
from __future__ import annotations

import shlex

import yaml

from factcheck.cli import build_parser

from conftest import ROOT


def test_hook_runs_serially_with_arguments_the_cli_accepts():
    hook, = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["require_serial"] is True and hook["pass_filenames"] is False
    program, *arguments = shlex.split(hook["entry"]) + hook["args"]
    assert program == "factcheck"
    parsed = build_parser().parse_args(arguments)
    assert parsed.command == "check" and parsed.changed_since == "HEAD" and parsed.paths == ["."]
