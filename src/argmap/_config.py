"""Configuration from ``[tool.argmap]`` in ``pyproject.toml``, merged with command-line flags."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from argmap._engine import Config
from argmap._findings import Severity

__all__ = ["ConfigError", "find_pyproject", "load_config", "split_codes"]


class ConfigError(Exception):
    """A configuration that cannot be used; the CLI reports it and exits 2."""


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``["AM2,AM301", "AM5"]`` -> ``("AM2", "AM301", "AM5")``."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.argmap]`` table, from ``start`` upward."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "argmap" in data.get("tool", {}):
                return candidate
    return None


def _codes(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        msg = f"{where}: {key} must be a list of rule codes or ids"
        raise ConfigError(msg)
    return tuple(value)


def load_config(path: Path | None) -> Config:
    """Read ``[tool.argmap]`` from a pyproject.toml (defaults when there is none)."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        msg = f"{path}: cannot read the configuration: {exc}"
        raise ConfigError(msg) from None
    table = data.get("tool", {}).get("argmap", {})
    where = f"{path} [tool.argmap]"
    known = {"select", "ignore", "severity", "per-file-ignores", "options", "fail-level"}
    unknown = sorted(set(table) - known)
    if unknown:
        msg = f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        raise ConfigError(msg)
    severity: dict[str, Severity] = {}
    for code, level in (table.get("severity") or {}).items():
        try:
            severity[code] = Severity.parse(str(level))
        except ValueError as exc:
            msg = f"{where}: severity of {code}: {exc}"
            raise ConfigError(msg) from None
    per_file = {
        str(glob): tuple(codes) for glob, codes in (table.get("per-file-ignores") or {}).items()
    }
    try:
        fail_level = Severity.parse(str(table.get("fail-level", "error")))
    except ValueError as exc:
        msg = f"{where}: fail-level: {exc}"
        raise ConfigError(msg) from None
    return Config(
        select=_codes(table, "select", where) or ("AM",),
        ignore=_codes(table, "ignore", where) or (),
        severity=severity,
        per_file_ignores=per_file,
        options={str(k): dict(v) for k, v in (table.get("options") or {}).items()},
        fail_level=fail_level,
    )
