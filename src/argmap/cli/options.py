"""The ``--max-*`` options every command that loads maps shares, and the limits they set.

The options store their values in the click context rather than in the command's
parameters, so a command gains them with one decorator and reads them with one call.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from argmap._load.loader import Limits

__all__ = ["current_limits", "limit_options"]

F = TypeVar("F", bound=Callable[..., Any])

_META_KEY = "argmap.limits"

#: option -> (Limits field, help)
OPTIONS: dict[str, tuple[str, str]] = {
    "--max-file-size": ("max_file_bytes", "Largest map or sources file read, in bytes."),
    "--max-nodes": ("max_nodes", "Most values (mappings, lists, scalars) in one file."),
    "--max-text-length": ("max_text_length", "Longest text or key, in characters."),
    "--max-alias-expansions": (
        "max_alias_expansions",
        "Most times one YAML anchor may be expanded through aliases.",
    ),
    "--max-depth": ("max_depth", "Deepest nesting of lists and mappings."),
}


def _store(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    if value is not None and param.name is not None:
        ctx.meta.setdefault(_META_KEY, {})[param.name] = value


def limit_options(command: F) -> F:
    """Add the ``--max-*`` options (defaults shown in ``--help``) to a click command."""
    from argmap._load.loader import DEFAULT_LIMITS

    for flag, (name, help_text) in reversed(OPTIONS.items()):
        default = getattr(DEFAULT_LIMITS, name)
        command = click.option(
            flag,
            name,
            type=click.IntRange(min=1),
            default=None,
            expose_value=False,
            callback=_store,
            metavar="N",
            help=f"{help_text} [default: {default:,}]",
        )(command)
    return command


def current_limits() -> Limits:
    """The limits the running command was given (the defaults where no option was used)."""
    from argmap._load.loader import DEFAULT_LIMITS

    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get(_META_KEY, {}) if ctx is not None else {}
    return dataclasses.replace(DEFAULT_LIMITS, **chosen)
