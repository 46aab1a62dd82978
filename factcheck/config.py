"""Configuration: ``[tool.factcheck]`` in pyproject.toml or a ``factcheck.toml``, and the flags
that override it.

The file is found by walking up from the current folder; in each folder ``factcheck.toml``
wins over a pyproject.toml that has a ``[tool.factcheck]`` table (as ruff does). Paths and
globs in the file are relative to its folder. A flag replaces the file's value of its key.
Unknown keys, rule ids and parameters are errors that name them.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from factcheck.engine import ENGINES
from factcheck.rules import AGREEMENT_DEFAULTS, SEVERITIES, Rule

CONFIG_FILES = ("factcheck.toml", "pyproject.toml")
DEFAULT_CACHE_DIR = ".factcheck_cache"
ALL_RULES = "*"  # the tolerances that apply to every rule


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable, as the file and the flags leave it."""

    root: Path  # the folder globs and relative paths are taken from
    source: Path | None = None  # the configuration file, when one was found
    include: tuple[str, ...] = ()  # globs; when given, only files matching one are read
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # rule ids or prefixes; empty: every rule
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # glob -> rule ids
    tolerances: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule id or "*" -> params
    severity: Mapping[str, str] = field(default_factory=dict)  # rule id -> severity
    fail_on: str = "warning"
    baseline: Path | None = None
    cache_dir: Path | None = None
    engine: str = "local"  # where the work runs: "local" (this machine's cores) or "dask"
    workers: int | None = None  # worker processes (local, or a local Dask cluster); None: one per core
    scheduler: str | None = None  # dask: address of a running scheduler (else a local cluster)
    against: tuple[Path, ...] = ()  # reference folders of ``factcheck serve``

    # -- files -------------------------------------------------------------------------------

    _relatives: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def relative(self, path: str) -> str:
        """A path as globs see it: relative to the root, with forward slashes (worked out once
        per path: a large corpus asks for each of its files many times)."""
        known = self._relatives.get(path)
        if known is None:
            known = self._relatives[path] = self._resolved(path)
        return known

    def _resolved(self, path: str) -> str:
        resolved = Path(path).resolve()
        try:
            return resolved.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return resolved.as_posix()

    def wants_file(self, path: str) -> bool:
        if not self.include and not self.exclude:
            return True
        relative = self.relative(path)
        if self.include and not any(matches(glob, relative) for glob in self.include):
            return False
        return not any(matches(glob, relative) for glob in self.exclude)

    def ignored_rules(self, path: str) -> frozenset[str]:
        if not self.per_file_ignores:
            return frozenset()
        relative = self.relative(path)
        return frozenset(
            rule for glob, rules in self.per_file_ignores.items() if matches(glob, relative) for rule in rules
        )

    # -- rules -------------------------------------------------------------------------------

    def reports(self, rule_id: str) -> bool:
        selected = not self.select or any(rule_id.startswith(prefix) for prefix in self.select)
        return selected and not any(rule_id.startswith(prefix) for prefix in self.ignore)

    def configure(self, rules: Iterable[Rule]) -> list[Rule]:
        """The rules with this configuration's tolerances and severities; checks every rule id."""
        rules = list(rules)
        known = {rule.id: rule for rule in rules}
        self._check_rule_ids(known)
        configured = []
        for rule in rules:
            parameters = {**rule.parameters, **self.tolerances.get(ALL_RULES, {}), **self.tolerances.get(rule.id, {})}
            configured.append(replace(rule, parameters=parameters, severity=self.severity.get(rule.id, rule.severity)))
        return configured

    def _check_rule_ids(self, known: Mapping[str, Rule]) -> None:
        for key, selectors in (("select", self.select), ("ignore", self.ignore)):
            for selector in selectors:
                if not any(rule_id.startswith(selector) for rule_id in known):
                    raise ConfigError(f"{self._where(key)}: no rule id starts with {selector!r}")
        named = [("per-file-ignores", rid) for rules in self.per_file_ignores.values() for rid in rules]
        named += [("severity", rid) for rid in self.severity]
        named += [("tolerances", rid) for rid in self.tolerances if rid != ALL_RULES]
        for key, rule_id in named:
            if rule_id not in known:
                raise ConfigError(f"{self._where(key)}: unknown rule id {rule_id!r}")
        for rule_id, parameters in self.tolerances.items():
            allowed = set(AGREEMENT_DEFAULTS) | (set(known[rule_id].parameters) if rule_id in known else set())
            for name in parameters:
                if name not in allowed:
                    raise ConfigError(
                        f"{self._where('tolerances')}: unknown parameter {name!r} for {rule_id} "
                        f"(known: {', '.join(sorted(allowed))})"
                    )

    def _where(self, key: str) -> str:
        return f"{self.source}: {key}" if self.source else f"--{key}"


# -- finding and reading the file --------------------------------------------------------------

def find_config(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    return "factcheck" in _read_toml(pyproject).get("tool", {})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error


def load_settings(start: Path, explicit: Path | None = None, isolated: bool = False) -> Settings:
    """The settings of the configuration file that governs ``start`` (or ``explicit``)."""
    if isolated:
        return Settings(root=start.resolve())
    path = explicit or find_config(start)
    if path is None:
        return Settings(root=start.resolve())
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
    return settings_from(data, path)


def settings_from(data: Mapping[str, Any], source: Path) -> Settings:
    root = source.resolve().parent
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{source}: unknown key {key!r} (known keys: {known})")
        values[key.replace("-", "_")] = KEYS[key](value, f"{source}: {key}", root)
    return Settings(root=root, source=source, **values)


# -- values: each key's parser takes (value, where, root) -------------------------------------

def _strings(value: Any, where: str, root: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _rule_ids(value: Any, where: str, root: Path) -> tuple[str, ...]:
    return tuple(item.strip().upper() for item in _strings(value, where, root))


def _per_file_ignores(value: Any, where: str, root: Path) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of glob = [rule ids]")
    return {glob: _rule_ids(ids, f"{where}.{glob}", root) for glob, ids in value.items()}


def _tolerances(value: Any, where: str, root: Path) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of parameter = value, or [tolerances.RULE] tables")
    shared = {name: setting for name, setting in value.items() if not isinstance(setting, dict)}
    per_rule = {rule: dict(setting) for rule, setting in value.items() if isinstance(setting, dict)}
    return ({ALL_RULES: shared} if shared else {}) | per_rule


def _severities(value: Any, where: str, root: Path) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of rule id = severity")
    return {rule: _severity(level, f"{where}.{rule}", root) for rule, level in value.items()}


def _severity(value: Any, where: str, root: Path) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(SEVERITIES)}")
    return value


def _engine(value: Any, where: str, root: Path) -> str:
    if value not in ENGINES:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(ENGINES)}")
    return value


def _workers(value: Any, where: str, root: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(f"{where}: expected a whole number of workers, 1 or more")
    return value


def _text(value: Any, where: str, root: Path) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: expected a string")
    return value


def _path(value: Any, where: str, root: Path) -> Path:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a path")
    return root / value


def _paths(value: Any, where: str, root: Path) -> tuple[Path, ...]:
    return tuple(root / item for item in _strings(value, where, root))


KEYS = {
    "include": _strings,
    "exclude": _strings,
    "select": _rule_ids,
    "ignore": _rule_ids,
    "per-file-ignores": _per_file_ignores,
    "tolerances": _tolerances,
    "severity": _severities,
    "fail-on": _severity,
    "baseline": _path,
    "cache-dir": _path,
    "engine": _engine,
    "workers": _workers,
    "scheduler": _text,
    "against": _paths,
}


# -- flags -------------------------------------------------------------------------------------

def parse_pairs(items: Iterable[str], flag: str, separator: str) -> list[tuple[str, str]]:
    """``KEY<separator>VALUE`` flag arguments as pairs; an argument without it is an error."""
    pairs = []
    for item in items:
        key, found, value = item.partition(separator)
        if not found or not key.strip() or not value.strip():
            raise ConfigError(f"{flag} {item!r}: expected KEY{separator}VALUE")
        pairs.append((key.strip(), value.strip()))
    return pairs


def tolerance_flags(items: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``--tolerance [RULE:]NAME=VALUE`` (VALUE in TOML: 0.2, true, [10, 100])."""
    found: dict[str, dict[str, Any]] = {}
    for target, value in parse_pairs(items, "--tolerance", "="):
        rule, _, name = target.rpartition(":")
        try:
            parsed = tomllib.loads(f"value = {value}")["value"]
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"--tolerance {target}={value}: not a TOML value ({error})") from error
        found.setdefault(rule.upper() or ALL_RULES, {})[name] = parsed
    return found


def per_file_ignore_flags(items: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``--per-file-ignores GLOB:RULE[,RULE]`` (the last colon separates)."""
    found: dict[str, tuple[str, ...]] = {}
    for item in items:
        glob, separator, rules = item.rpartition(":")
        if not separator or not glob or not rules:
            raise ConfigError(f"--per-file-ignores {item!r}: expected GLOB:RULE[,RULE]")
        found[glob] = tuple(rule.strip().upper() for rule in rules.split(",") if rule.strip())
    return found


# -- globs -------------------------------------------------------------------------------------

def matches(glob: str, relative: str) -> bool:
    """Gitignore-like: a glob without a slash matches any one part of the path (a file or a
    folder name); one with a slash matches from the root, ``**`` spanning folders. A glob that
    matches a folder matches everything below it."""
    parts = PurePosixPath(relative).parts
    if "/" not in glob.rstrip("/"):
        return any(_glob_regex(glob.rstrip("/")).fullmatch(part) for part in parts)
    pattern = _glob_regex(glob.strip("/"))
    return any(pattern.fullmatch("/".join(parts[:end])) for end in range(1, len(parts) + 1))


@cache
def _glob_regex(glob: str) -> re.Pattern[str]:
    regex = ""
    index = 0
    while index < len(glob):
        if glob.startswith("**/", index):
            regex += "(?:.*/)?"
            index += 3
        elif glob.startswith("**", index):
            regex += ".*"
            index += 2
        elif glob[index] == "*":
            regex += "[^/]*"
            index += 1
        elif glob[index] == "?":
            regex += "[^/]"
            index += 1
        else:
            regex += re.escape(glob[index])
            index += 1
    return re.compile(regex)
