"""The codes of imports (AM126-AM135): what a foreign file holds that argmap cannot take as is.

A table in the shape of the rules' docs, so ``argmap rules`` and docs/rules.md list them.
"""

from __future__ import annotations

from argmap._codes import CodeDoc, code_doc
from argmap._findings import Finding, Location, Severity

__all__ = [
    "AIF_DANGLING_EDGE",
    "AIF_DUPLICATE_NODE",
    "AIF_NODE_SHAPE",
    "FOREIGN_FILE_UNREADABLE",
    "IMPORT_CONFLICT",
    "INTEROP_CODES",
    "LIBRARY_ENTRY_UNREADABLE",
    "interop_problem",
]

LIBRARY_ENTRY_UNREADABLE = code_doc("AM126", "library-entry-unreadable", Severity.ERROR, """
    An entry of a BibTeX or CSL-JSON library cannot be imported.

    ``argmap sources import`` reads every entry before it writes anything: a BibTeX entry with
    a syntax error (an unclosed brace), a CSL-JSON item that is not an object, has no ``id`` or
    a value of the wrong type stops the import, and the sources file is left as it was. The
    location is the entry's place in the library file.

    FAIL::

        @article{lee2020,
          title = {Bike lanes and safety
""")

IMPORT_CONFLICT = code_doc("AM127", "import-conflict", Severity.INFO, """
    An imported entry is already in the sources file; the entry there is kept as written.

    The import never changes what is in the sources file. An entry whose ``id`` is taken, or
    that is the same work as an existing source (same DOI, URL or citation key) under another
    ID, is not added; when its fields differ from the existing entry, the finding names them,
    so you can copy what you want by hand. An entry that appears twice in the library is
    added once.

    FAIL::

        - id: lee2020
          title: Bike lanes and safety (draft title)
""")

AIF_DANGLING_EDGE = code_doc("AM128", "aif-dangling-edge", Severity.WARNING, """
    An AIF edge names a node the nodeset does not have.

    The edge is a defect of the AIF file (AIFdb exports keep edges of deleted nodes). It cannot
    become part of a relation, so the import leaves it out of the argument and keeps it in the
    map's ``data.aif.edges`` so that export gives it back.

    FAIL::

        {"edgeID": "9", "fromID": "41", "toID": "999"}
""")

AIF_DUPLICATE_NODE = code_doc("AM129", "aif-duplicate-node", Severity.WARNING, """
    Two AIF nodes have the same ``nodeID``.

    Edges name nodes by ID, so an edge to a repeated ID is ambiguous. The import keeps the first
    node; the later ones are kept in ``data.aif`` for export, not in the argument.

    FAIL::

        {"nodeID": "7", "type": "I", "text": "A"}, {"nodeID": "7", "type": "I", "text": "B"}
""")

AIF_NODE_SHAPE = code_doc("AM130", "aif-node-shape", Severity.WARNING, """
    An AIF scheme node has premises or conclusions its type does not allow.

    An RA (inference) needs at least one premise and one conclusion, a CA (conflict), MA
    (rephrase) or PA (preference) one node on each side. A scheme node without them cannot
    become a relation; it is kept in ``data.aif`` so export gives it back, and reported at its
    place in the AIF file. A node type argmap does not know is reported the same way.

    FAIL::

        {"nodeID": "12", "type": "RA", "text": "Default Inference"}
""")

FOREIGN_FILE_UNREADABLE = code_doc("AM131", "foreign-file-unreadable", Severity.ERROR, """
    arguebuf cannot read a file as the format it was given or guessed.

    ``argmap convert --from FORMAT`` and ``argmap.from_arguebuf`` hand the file to arguebuf
    (``pip install argmap[formats]``), which guesses a ``.json`` file's format from its keys
    (``analysis``: OVA, ``locutions``: AIF, else its own protobuf JSON). A file it cannot read
    is reported at its first line with arguebuf's reason, and nothing is written. Name the
    format when the guess is wrong: an AIF file without ``locutions`` needs ``--from aif``.

    FAIL::

        $ # norun: it needs arguebuf (argmap[formats]), which the docs' test does not require
        $ printf '{"nodes": [], "edges": []}\\n' > nodeset14.json
        $ argmap convert --from auto nodeset14.json -o out/
        nodeset14.json:1:1: AM131 arguebuf cannot read this file as auto: ParseError: Failed to parse nodes field: Map field nodes must be in a dict which is [] at Graph.nodes.
""")  # noqa: E501 (real output, pasted whole)

#: Every import code, in code order.
INTEROP_CODES: dict[str, CodeDoc] = {
    doc.code: doc
    for doc in (
        LIBRARY_ENTRY_UNREADABLE,
        IMPORT_CONFLICT,
        AIF_DANGLING_EDGE,
        AIF_DUPLICATE_NODE,
        AIF_NODE_SHAPE,
        FOREIGN_FILE_UNREADABLE,
    )
}


def interop_problem(
    doc: CodeDoc, message: str, location: Location | None, hint: str | None = None
) -> Finding:
    """One import finding; its code, id and severity are the table's."""
    return Finding(
        code=doc.code, rule=doc.id, severity=doc.severity, message=message,
        location=location, hint=hint,
    )
