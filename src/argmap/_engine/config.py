"""Configuration from ``[tool.argmap]`` in ``pyproject.toml``, merged with command-line flags.

Keys: ``select`` and ``ignore`` (codes, prefixes or ids), ``severity`` (code or id -> error,
warning or info), ``per-file-ignores`` (glob of map paths, relative to the pyproject.toml's
folder -> codes), ``options`` (code or id -> table of the rule's options), ``fail-level``
and ``strict`` (warnings of the verification families are errors). See docs/cli.md.
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from argmap._engine.codes import all_codes
from argmap._findings import Severity
from argmap._lazyre import lazy_compile
from argmap._load.files import MAX_CONFIG_BYTES, FileRefusedError, read_bytes
from argmap._record import record

if TYPE_CHECKING:
    from argmap._engine.context import Rule

__all__ = [
    "DEFAULT_CONFIG",
    "STRICT_FAMILIES",
    "Config",
    "ConfigError",
    "check_codes",
    "find_pyproject",
    "is_selected",
    "load_config",
    "merge_cli",
    "options_for",
    "split_codes",
    "strict_severity",
]

#: The code prefixes ``strict`` hardens: what argmap verifies against the sources, the
#: AM3xx citations and numbers, AM4xx quotes and sources, AM5xx arithmetic and AM6xx dates.
#: The map's own structure (AM2xx), argumentation (AM7xx) and suppressions (AM9xx) keep
#: their severities.
STRICT_FAMILIES = ("AM3", "AM4", "AM5", "AM6")


@record(slots=False)
class Config:
    """What to check and how strictly; read from ``[tool.argmap]`` or built in Python.

    ``select``/``ignore`` take codes (``AM301``), code prefixes (``AM3``, ``AM``) or rule ids
    (``uncited-figure``). ``severity`` maps a code or id to a severity. ``per_file_ignores``
    maps a glob of map paths to codes to ignore there. ``options`` maps a code or id to rule
    options. ``strict`` makes every warning of :data:`STRICT_FAMILIES` an error.
    """

    select: tuple[str, ...] = ("AM",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_level: Severity = Severity.ERROR
    strict: bool = False


DEFAULT_CONFIG = Config()


class ConfigError(Exception):
    """A configuration that cannot be used; the CLI reports it and exits 2."""


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``["AM2,AM301", "AM5"]`` -> ``("AM2", "AM301", "AM5")``."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


def check_codes(values: Iterable[str], option: str) -> tuple[str, ...]:
    """Split and check codes given on the command line, as strictly as the configuration's.

    ``--select AM3O1`` (a letter O) would otherwise run no rule and report a clean map.
    """
    return tuple(_check_code(code, "command line", option) for code in split_codes(values))


def _read_config(path: Path) -> str:
    """A configuration file's text, read as every input is (a regular file, size-capped)."""
    return read_bytes(path, limit=MAX_CONFIG_BYTES).decode("utf-8")


@functools.lru_cache(maxsize=4)
def _parsed(text: str) -> dict[str, Any]:
    """A TOML text parsed once: finding the pyproject.toml and reading its table parse the same
    text (the callers only read the result)."""
    return tomllib.loads(text)


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.argmap]`` table, from ``start`` upward."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = _parsed(_read_config(candidate))
            except (FileRefusedError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "argmap" in data.get("tool", {}):
                return candidate
    return None


_CODE_PATTERN = lazy_compile(r"^AM\d{0,3}$")


@functools.cache
def _known_ids() -> dict[str, str]:
    """Readable id -> code, for every code: load codes, rules and engine codes.

    Load codes are accepted so that naming one is never an error, but it changes nothing:
    a load error stops the map's loading before any configuration applies.
    """
    return {doc.id: doc.code for doc in all_codes()}


def _check_code(value: str, where: str, what: str) -> str:
    """A code (AM301), a prefix (AM3, AM) or a readable id; anything else is a typo."""
    if _CODE_PATTERN.match(value) or value in _known_ids():
        return value
    import difflib  # only for a misspelt code or id

    close = difflib.get_close_matches(value, list(_known_ids()), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    msg = f"{where}: {what}: {value!r} is not a rule code, prefix or id{hint}"
    raise ConfigError(msg)


def _codes(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        msg = f"{where}: {key} must be a list of rule codes or ids"
        raise ConfigError(msg)
    return tuple(_check_code(v, where, key) for v in value)


def _table(table: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = table.get(key) or {}
    if not isinstance(value, Mapping):
        msg = f"{where}: {key} must be a table"
        raise ConfigError(msg)
    return value


def _expand(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Prefixes (``AM2``) and ids become the codes they cover: the engine matches exact codes."""
    known = [doc.code for doc in all_codes()]
    by_id = _known_ids()
    out: list[str] = []
    for code in codes:
        if _CODE_PATTERN.match(code) and len(code) < 5:
            out.extend(k for k in known if k.startswith(code))
        else:
            out.append(code)
            if code in by_id:
                out.append(by_id[code])
    return tuple(dict.fromkeys(out))


def _per_file_ignores(
    table: Mapping[str, Any], where: str, folder: Path
) -> dict[str, tuple[str, ...]]:
    """Globs are relative to the pyproject.toml's folder; each is kept as written too."""
    found: dict[str, tuple[str, ...]] = {}
    for glob, codes in _table(table, "per-file-ignores", where).items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            msg = f"{where}: per-file-ignores {glob!r} must be a list of rule codes or ids"
            raise ConfigError(msg)
        checked = _expand(
            tuple(_check_code(c, where, f"per-file-ignores {glob!r}") for c in codes)
        )
        pattern = str(glob).replace("\\", "/")
        found[pattern] = checked
        if not PurePosixPath(pattern).is_absolute() and not pattern.startswith("*"):
            anchored = (folder.resolve() / pattern).as_posix()
            found[anchored] = checked
    return found


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    if default is None:
        return True
    return isinstance(value, type(default))


def _options(table: Mapping[str, Any], where: str) -> dict[str, dict[str, Any]]:
    """Options per rule, checked against the options the rule declares and their types."""
    from argmap.rules import rule_by_code

    found: dict[str, dict[str, Any]] = {}
    for key, values in _table(table, "options", where).items():
        rule = rule_by_code(str(key))
        if rule is None:
            msg = f"{where}: options for {key!r}: no such rule"
            raise ConfigError(msg)
        if not isinstance(values, Mapping):
            msg = f"{where}: options for {key!r} must be a table"
            raise ConfigError(msg)
        checked: dict[str, Any] = {}
        for raw_name, value in values.items():
            name = str(raw_name).replace("-", "_")
            if name not in rule.OPTIONS:
                known = ", ".join(sorted(rule.OPTIONS)) or "none"
                msg = f"{where}: {rule.CODE} has no option {raw_name!r} (its options: {known})"
                raise ConfigError(msg)
            default = rule.OPTIONS[name]
            if not _same_type(default, value):
                msg = (
                    f"{where}: option {raw_name!r} of {rule.CODE} must be a "
                    f"{type(default).__name__}, not {value!r}"
                )
                raise ConfigError(msg)
            checked[name] = value
        found.setdefault(rule.CODE, {}).update(checked)
    return found


def load_config(path: Path | None) -> Config:
    """Read ``[tool.argmap]`` from a pyproject.toml (defaults when there is none).

    Every key, code, id and option is checked, so a typo is an error (exit 2), never a rule
    that silently keeps running or stops.
    """
    if path is None:
        return Config()
    try:
        data = _parsed(_read_config(path))
    except (FileRefusedError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        msg = f"{path}: cannot read the configuration: {exc}"
        raise ConfigError(msg) from None
    table = data.get("tool", {}).get("argmap", {})
    where = f"{path} [tool.argmap]"
    if not isinstance(table, Mapping):
        msg = f"{where} must be a table"
        raise ConfigError(msg)
    known = {"select", "ignore", "severity", "per-file-ignores", "options", "fail-level",
             "strict"}
    unknown = sorted(set(table) - known)
    if unknown:
        msg = f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        raise ConfigError(msg)
    severity: dict[str, Severity] = {}
    for code, level in _table(table, "severity", where).items():
        _check_code(str(code), where, "severity")
        try:
            severity[str(code)] = Severity.parse(str(level))
        except ValueError as exc:
            msg = f"{where}: severity of {code}: {exc}"
            raise ConfigError(msg) from None
    try:
        fail_level = Severity.parse(str(table.get("fail-level", "error")))
    except ValueError as exc:
        msg = f"{where}: fail-level: {exc}"
        raise ConfigError(msg) from None
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        msg = f"{where}: strict must be true or false, not {strict!r}"
        raise ConfigError(msg)
    select = _codes(table, "select", where)
    return Config(
        select=select if select is not None else ("AM",),
        ignore=_codes(table, "ignore", where) or (),
        severity=severity,
        per_file_ignores=_per_file_ignores(table, where, path.parent),
        options=_options(table, where),
        fail_level=fail_level,
        strict=strict,
    )


def merge_cli(
    config: Config,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    fail_level: str | None = None,
    strict: bool | None = None,
) -> Config:
    """The configuration with command-line flags applied over it.

    ``--select`` replaces ``select``, ``--ignore`` adds to ``ignore`` (so a project's ignores
    hold), ``--fail-level`` replaces ``fail-level``, ``--strict``/``--no-strict`` replace
    ``strict`` (None: the configuration's). Codes are checked as strictly as the file's: a
    typo raises :class:`ConfigError`.
    """
    chosen = check_codes(select, "--select")
    dropped = check_codes(ignore, "--ignore")
    merged = config
    if chosen:
        merged = dataclasses.replace(merged, select=chosen)
    if dropped:
        merged = dataclasses.replace(merged, ignore=(*merged.ignore, *dropped))
    if fail_level:
        try:
            level = Severity.parse(fail_level)
        except ValueError as exc:
            msg = f"--fail-level: {exc}"
            raise ConfigError(msg) from None
        merged = dataclasses.replace(merged, fail_level=level)
    if strict is not None:
        merged = dataclasses.replace(merged, strict=strict)
    return merged


# --- applying a configuration -----------------------------------------------------------------


def _matches(code: str, rule_id: str, patterns: Iterable[str]) -> int:
    """Length of the most specific pattern that matches (0 when none does)."""
    best = 0
    for pattern in patterns:
        if pattern == rule_id:
            best = max(best, 100)
        elif code.startswith(pattern):
            best = max(best, len(pattern))
    return best


def is_selected(code: str, rule_id: str, config: Config) -> bool:
    """The most specific of select and ignore wins, as in ruff."""
    chosen = _matches(code, rule_id, config.select)
    dropped = _matches(code, rule_id, config.ignore)
    return chosen > 0 and chosen >= dropped


def severity_for(code: str, rule_id: str, default: Severity, config: Config) -> Severity:
    return config.severity.get(code, config.severity.get(rule_id, default))


def strict_severity(code: str, severity: Severity, config: Config) -> Severity:
    """The severity a finding ends with: under ``strict`` a warning of the verification
    families (:data:`STRICT_FAMILIES`) is an error. Applied last, after ``severity`` and a
    rule's own choice, so a rule set to ``"info"`` stays information."""
    if config.strict and severity is Severity.WARNING and code.startswith(STRICT_FAMILIES):
        return Severity.ERROR
    return severity


def options_for(rule: Rule, config: Config) -> dict[str, Any]:
    """A rule's options: its defaults, then the configuration's by code, then by id."""
    options = dict(rule.OPTIONS)
    options.update(config.options.get(rule.CODE, {}))
    options.update(config.options.get(rule.ID, {}))
    return options
