"""``argmap rules`` and ``argmap explain``: what each code means, from the code registry."""

from __future__ import annotations

import sys

import click

from argmap.cli import Command


@click.command(cls=Command)
@click.option("--markdown", is_flag=True, help="Print docs/rules.md (generated from the registry).")
def rules(markdown: bool) -> None:
    """List every code (load errors, rules): code, id, default severity, family, purpose."""
    from argmap._output.docgen import all_docs, render_markdown

    if markdown:
        sys.stdout.write(render_markdown())
        return
    docs = all_docs()
    width = max(len(doc.id) for doc in docs)
    family_width = max(len(doc.family) for doc in docs)
    for doc in docs:
        sys.stdout.write(
            f"{doc.code}  {doc.id:<{width}}  {doc.severity.label:<7}  "
            f"{doc.family:<{family_width}}  {doc.summary}\n"
        )


@click.command(cls=Command)
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of one code, by code (AM205) or id (circular-support)."""
    from argmap._output.docgen import all_docs, doc_for, explain_text

    doc = doc_for(code)
    if doc is None:
        known = ", ".join(d.code for d in all_docs())
        raise click.UsageError(f"no code {code!r}; known codes: {known}")
    sys.stdout.write(explain_text(doc))
