"""The options every command that loads maps shares: where its configuration comes from
(``--config``, ``--no-config``) and the load limits (``--max-*``).

The options store their values in the click context rather than in the command's
parameters, so a command gains them all with one decorator (:func:`map_options`) and reads
them with :func:`current_config` and :func:`current_limits`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from argmap._engine.config import Config
    from argmap._load.limits import Limits

__all__ = ["LIMIT_OPTIONS", "current_config", "current_limits", "map_options"]

F = TypeVar("F", bound=Callable[..., Any])

_LIMITS_KEY = "argmap.limits"
_CONFIG_KEY = "argmap.config"

#: option -> (Limits field, help)
LIMIT_OPTIONS: dict[str, tuple[str, str]] = {
    "--max-file-size": ("max_file_bytes", "Largest map or sources file read, in bytes."),
    "--max-values": ("max_values", "Most values (mappings, lists, scalars) in one file."),
    "--max-text-length": ("max_text_length", "Longest text or key, in characters."),
    "--max-alias-expansions": (
        "max_alias_expansions",
        "Most times one YAML anchor may be expanded through aliases.",
    ),
    "--max-depth": ("max_depth", "Deepest nesting of lists and mappings."),
    "--max-alias-characters": (
        "max_alias_characters",
        "Most characters YAML aliases may copy in one file.",
    ),
    "--max-number-length": (
        "max_number_length",
        "Longest number in a map file, in characters.",
    ),
    "--max-snapshot-size": ("max_snapshot_bytes", "Largest snapshot file read, in bytes."),
    "--max-folder-depth": (
        "max_folder_depth",
        "Deepest folder below a searched folder that is searched for maps.",
    ),
}


def _store_limit(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    if value is not None and param.name is not None:
        ctx.meta.setdefault(_LIMITS_KEY, {})[param.name] = value


def _store_config(ctx: click.Context, param: click.Parameter, value: object) -> None:
    if param.name is not None:
        ctx.meta.setdefault(_CONFIG_KEY, {})[param.name] = value


def map_options(command: F) -> F:
    """Add ``--config``, ``--no-config`` and the ``--max-*`` limits to a click command."""
    from argmap._load.limits import DEFAULT_LIMITS

    for flag, (name, help_text) in reversed(LIMIT_OPTIONS.items()):
        default = getattr(DEFAULT_LIMITS, name)
        command = click.option(
            flag,
            name,
            type=click.IntRange(min=1),
            default=None,
            expose_value=False,
            callback=_store_limit,
            metavar="N",
            help=f"{help_text} [default: {default:,}]",
        )(command)
    command = click.option(
        "--no-config",
        "no_config",
        is_flag=True,
        expose_value=False,
        callback=_store_config,
        help="Ignore any pyproject.toml.",
    )(command)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, exists=True, path_type=Path),
        expose_value=False,
        callback=_store_config,
        help="A pyproject.toml to read [tool.argmap] from (default: the nearest one).",
    )(command)


def _chosen(key: str) -> dict[str, Any]:
    ctx = click.get_current_context(silent=True)
    chosen: dict[str, Any] = ctx.meta.get(key, {}) if ctx is not None else {}
    return chosen


def current_limits() -> Limits:
    """The limits the running command was given (the defaults where no option was used)."""
    from argmap._load.limits import DEFAULT_LIMITS

    return dataclasses.replace(DEFAULT_LIMITS, **_chosen(_LIMITS_KEY))


def current_config(
    *, select: Iterable[str] = (), ignore: Iterable[str] = (), fail_level: str | None = None
) -> Config:
    """``[tool.argmap]`` of the chosen or nearest pyproject.toml, with the flags given over it.

    A configuration that cannot be used is a usage error (exit 2).
    """
    from argmap._engine.config import ConfigError, find_pyproject, load_config, merge_cli

    chosen = _chosen(_CONFIG_KEY)
    config_path: Path | None = chosen.get("config_path")
    try:
        pyproject = None if chosen.get("no_config") else config_path or find_pyproject(Path.cwd())
        return merge_cli(
            load_config(pyproject), select=select, ignore=ignore, fail_level=fail_level
        )
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
