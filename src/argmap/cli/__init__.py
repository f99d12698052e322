"""The ``argmap`` command line.

Commands live in their own modules and are imported only when run, so ``argmap --help`` and
``argmap check`` start fast. Add a command by adding a line to ``COMMANDS``.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import click

from argmap._version import __version__

#: command name -> "module:attribute" of a click command
COMMANDS: dict[str, str] = {
    "check": "argmap.cli.check:check",
    "convert": "argmap.cli.convert:convert",
    "explain": "argmap.cli.rules:explain",
    "lsp": "argmap.cli.lsp:lsp",
    "new": "argmap.cli.new:new",
    "render": "argmap.cli.render:render",
    "report": "argmap.cli.report:report",
    "rules": "argmap.cli.rules:rules",
    "schema": "argmap.cli.schema:schema",
    "source": "argmap.cli.source:source",
    "sources": "argmap.cli.source:source",  # an alias: both spellings are natural
}


class _QuietShortOptions:
    """Parses a short option (``-j1``, ``-f json``) without the suggestions of a mistyped
    long one.

    click tries every option as a long one first and, when none matches, builds the error it
    would raise, with close matches found by ``difflib`` (2.5 M instructions to import, and
    the matching), then drops it and reads the option as short. This parser raises that
    first error without suggestions when it will be dropped (the option has no two-character
    prefix); an option that is not dropped (``--formt``) still gets them."""

    def make_parser(self, ctx: click.Context) -> Any:
        parser = super().make_parser(ctx)  # type: ignore[misc]
        match_long = getattr(parser, "_match_long_opt", None)
        long_options = getattr(parser, "_long_opt", None)
        prefixes = getattr(parser, "_opt_prefixes", None)
        if match_long is None or not isinstance(long_options, dict) or prefixes is None:
            return parser  # another click: its parser, as it is

        def match(option: str, explicit_value: str | None, state: Any) -> Any:
            if option not in long_options and option[:2] not in prefixes:
                raise click.NoSuchOption(option, ctx=ctx)  # dropped: read as short options
            return match_long(option, explicit_value, state)

        parser._match_long_opt = match  # noqa: SLF001 - click's parser has no hook for it
        return parser


class Command(_QuietShortOptions, click.Command):
    """A command of this program (``@click.command(cls=Command)``)."""


class Group(_QuietShortOptions, click.Group):
    """A group of commands of this program, whose commands are :class:`Command`."""

    command_class = Command


class LazyGroup(_QuietShortOptions, click.Group):
    """A group that imports each command's module only when that command is used.

    It also makes click's own error messages safe to print: they quote what was typed (an
    unknown option, an extra argument, a bad choice), and in CI what was typed is often a
    file name from a pull request, which may hold ESC, C1 or bidi controls.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            raise _sanitised(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            raise _sanitised(exc) from None

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: ARG002 - click's signature
        return sorted(COMMANDS)

    def get_command(
        self,
        ctx: click.Context,  # noqa: ARG002 - click's signature
        cmd_name: str,
    ) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Argument maps as code: check a map against its sources, and draw it.

    Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage error or
    unreadable input.
    """
    from argmap.cli.output import record_reads

    record_reads(ctx)  # so that -o never overwrites a file the command read
    if ctx.invoked_subcommand != "check":  # a check ends the pause itself, later: see run
        started()


def _sanitised(exc: click.ClickException) -> click.ClickException:
    """``exc`` with its message passed through the terminal sanitiser (same type and code)."""
    from argmap._text import terminal

    # click types ``message`` as Final; it is a plain attribute that show() reads
    exc.message = terminal(exc.message)  # type: ignore[misc]
    return exc


def main(argv: list[str] | None = None) -> Any:
    """Entry point: click handles usage errors (exit 2); nothing else escapes as a traceback."""
    try:
        return cli.main(args=argv, prog_name="argmap", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.stderr.write("argmap: interrupted\n")
        sys.exit(130)


def run() -> None:
    """The ``argmap`` program (the console script and ``python -m argmap``).

    It runs :func:`main`, then leaves with ``os._exit`` once its output is flushed: freeing a
    large map's objects one by one took 0.19 s at 10,000 claims, and nothing is left to
    write (files are written and renamed before a command returns). Under a profiler, a
    coverage tracer or a debugger it exits as usual, so that they can write their data.
    A standard stream closed by the caller (``>&-``) is None in Python; output to it is
    dropped, as ``print`` drops it, instead of failing. The patterns and Python texts its
    imports compile as they run are built from their code kept in the user's cache folder
    (:func:`argmap._recache.install`, :func:`argmap._codecache.install`; ``python -m
    argmap`` does both before it imports the command line, so click's are too).
    """
    # pydantic looks for plugins (observability hooks) through every installed distribution's
    # entry points when the first model is built: 15 ms of each run, for hooks this program
    # has no use for. A user who wants them sets PYDANTIC_DISABLE_PLUGINS (e.g. to "").
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in _PLUGINS_OFF:
        _no_plugin_loader()
    _load_when_used(_UNUSED_MODULES)
    if sys.stdout is None:
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - open all run
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - open all run
    global _paused  # noqa: PLW0603 - the one pause of the program
    gc.disable()
    _paused = True
    from argmap._codecache import install
    from argmap._recache import install as install_patterns

    install_patterns()  # the patterns the imports compile, from the cache
    install()  # the texts the imports compile (annotations, dataclass methods), from the cache
    try:
        main()
    except SystemExit as exc:
        from argmap._recache import flush

        flush()  # the patterns this run compiled, for the next: os._exit runs no atexit
        if _instrumented():
            raise
        _exit_now(exc.code)
    finally:
        started()


#: Whether the cyclic collector is paused for the program's start-up (see :func:`run`).
_paused = False


def started() -> None:
    """End the start-up pause of the cyclic collector: the command has imported what it runs.

    :func:`run` pauses the collector (``python -m argmap`` before it imports this module),
    because start-up is imports, whose objects (modules, classes, functions) live for the
    whole run: every collection on the way walked them to free next to nothing, 10 M
    instructions of the paper's check under callgrind. A check ends the pause once it has
    imported its engine, just before it looks for maps (each map's load and rules pause the
    collector again, :func:`argmap._load.loader.gc_paused`); every other command, before
    its own code runs. The objects made so far go to the oldest generation, as the
    loader's pause leaves a map's, so that the next young collection does not walk them."""
    global _paused  # noqa: PLW0603 - the one pause of the program
    if _paused:
        _paused = False
        gc.freeze()
        gc.unfreeze()
        gc.enable()


#: The values of PYDANTIC_DISABLE_PLUGINS with which pydantic loads no plugin at all.
_PLUGINS_OFF = ("__all__", "1", "true")


def _no_plugin_loader() -> None:
    """Stand in for pydantic's plugin loader while plugins are off.

    pydantic imports the loader when it builds its first validator even then, and the loader
    imports ``importlib.metadata`` (with email, zipfile, csv, socket and more: some 40 modules,
    5-15 ms of a check) to look up plugins it then does not load. The stand-in returns no
    plugins, as the loader does under these settings. Any other name a later pydantic asks
    of it brings in the real loader, so a change of pydantic's internals costs time, not a crash.
    """
    name = "pydantic.plugin._loader"
    if name not in sys.modules:
        stand_in = ModuleType(name)
        stand_in.__dict__["get_plugins"] = tuple  # get_plugins() -> (): no plugin
        stand_in.__dict__["__getattr__"] = _real_plugin_loader
        sys.modules[name] = stand_in


#: Standard modules that pydantic imports for types no map holds: ``secrets`` for the
#: constant-time comparison of ``SecretStr`` (it imports ``hmac``, which loads OpenSSL, and
#: ``random``: 15.8 M instructions under callgrind) and ``base64`` for ``Base64Bytes`` (2.4 M).
_UNUSED_MODULES = ("secrets", "base64")


class _Deferred(ModuleType):
    """A stand-in for a module not imported yet: the first attribute read of it that it
    lacks imports the module (in its place in ``sys.modules``) and copies the module's names
    into the stand-in, so that code which bound the stand-in reads the module's own.

    ``importlib.util.LazyLoader`` does not serve: an ``import`` statement that finds its
    module in ``sys.modules`` reads ``__spec__``, and that loads a lazy module at once."""

    def __getattr__(self, attribute: str) -> Any:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        real = importlib.import_module(name)
        self.__dict__.update(vars(real))
        return getattr(real, attribute)


def _load_when_used(names: tuple[str, ...]) -> None:
    """Put a :class:`_Deferred` in place of each module of ``names`` not imported yet."""
    for name in names:
        if name not in sys.modules:
            sys.modules[name] = _Deferred(name)


def _real_plugin_loader(attribute: str) -> Any:
    """An attribute the stand-in lacks, from pydantic's own loader (imported in its place).

    Module dunders (the import system asks for ``__path__``) are not the loader's API."""
    if attribute.startswith("__") and attribute.endswith("__"):
        raise AttributeError(attribute)
    name = "pydantic.plugin._loader"
    stand_in = sys.modules.pop(name, None)
    try:
        real = importlib.import_module(name)
    except ImportError:
        if stand_in is not None:
            sys.modules[name] = stand_in
        raise AttributeError(attribute) from None
    return getattr(real, attribute)


def _instrumented() -> bool:
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+: cProfile, coverage (sysmon)
    return monitoring is not None and any(
        monitoring.get_tool(tool) is not None for tool in range(6)
    )


def _exit_now(code: object) -> None:  # pragma: no cover - runs as the program's last step
    status = 0 if code is None else code if isinstance(code, int) else 1
    if not isinstance(code, int | None) and sys.stderr is not None:
        sys.stderr.write(f"{code}\n")  # sys.exit("message") prints the message and exits 1
    for stream in (sys.stdout, sys.stderr):  # None when the stream was closed (>&-)
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, OSError):  # a closed pipe (| head): the status still holds
            status = status or 1
    os._exit(status)


if __name__ == "__main__":
    run()
