"""``argmap lsp``: the language server, over standard input and output."""

from __future__ import annotations

import click

from argmap.cli import Command


@click.command(cls=Command)
def lsp() -> None:
    """Run the language server over stdio for an editor: diagnostics as `check` gives them,
    hover, go to definition, references, completion and quick fixes (docs/editors.md).

    Needs the optional extra: pip install 'argmap[lsp]'.
    """
    try:
        import lsprotocol  # noqa: F401 - only to tell a missing extra apart
        import pygls  # noqa: F401 - only to tell a missing extra apart
    except ImportError as exc:
        click.echo(
            f"argmap lsp needs pygls and lsprotocol ({exc.name} is not installed): "
            "pip install 'argmap[lsp]'",
            err=True,
        )
        raise SystemExit(2) from None
    from argmap._lsp.server import serve

    serve()
