"""The load codes (AM1xx): what the loader reports when a map cannot be read or is not a map.

One table, in the shape of the rules' docs, so ``argmap rules``, ``argmap explain`` and
docs/rules.md describe load errors as they describe rules. The loader emits a problem through
:func:`load_problem` with one of the constants below, so a code's id and severity always come
from this table.
"""

from __future__ import annotations

from dataclasses import replace

from argmap._codes import CodeDoc, code_doc
from argmap._findings import UNREADABLE_CODES, Finding, Location, MapLoadError, Severity

__all__ = [
    "ARGDOWN_CODES",
    "ARGDOWN_KEPT_IN_DATA",
    "ARGDOWN_UNDEFINED",
    "ARGDOWN_UNREADABLE",
    "DUPLICATE_KEY",
    "FORBIDDEN_CHARACTER",
    "INVALID_VALUE",
    "LIMIT_EXCEEDED",
    "LOAD_CODES",
    "MISSING_FIELD",
    "NOT_A_MAPPING",
    "NOT_UTF8",
    "NO_MAP_FOUND",
    "OUTSIDE_MAP_FOLDER",
    "PATH_NOT_FOUND",
    "SYNTAX_ERROR",
    "UNKNOWN_KEY",
    "UNREADABLE",
    "UNSAFE_TAG",
    "WRONG_TYPE",
    "load_error",
    "load_problem",
]

_UNREADABLE_NOTE = "The input cannot be read at all, so the command exits 2 (other load errors: 1)."


def _load_code(code: str, code_id: str, docstring: str) -> CodeDoc:
    """Every load error is an error; the codes that mean "unreadable" say how they exit."""
    doc = code_doc(code, code_id, Severity.ERROR, docstring)
    if code in UNREADABLE_CODES:
        first, gap, rest = doc.body.partition("\n\n")
        doc = replace(doc, body=f"{first}\n{_UNREADABLE_NOTE}{gap}{rest}")
    return doc


PATH_NOT_FOUND = _load_code("AM101", "path-not-found", """
    A path given to argmap does not exist.

    The command line (or ``argmap.load``) names a file or folder that is not there: a typo, or
    a path relative to another folder.

    FAIL::

        $ argmap check claims/lane-typo
        claims/lane-typo:1:1: AM101 no such file or folder
""")

NO_MAP_FOUND = _load_code("AM102", "no-map-found", """
    A folder that holds no map.

    A map folder holds ``map.yaml``, ``map.yml`` or ``map.json``; a folder given to
    ``argmap check`` may also hold map folders or files named ``NAME.argmap.yaml`` anywhere
    below it (folders whose names start with a dot are skipped).

    FAIL::

        $ mkdir notes
        $ argmap check notes/
        notes:1:1: AM102 no map in this folder
""")

UNREADABLE = _load_code("AM103", "unreadable", """
    A file or folder that cannot be read: no permission, a folder or device where a file belongs.

    The message carries the operating system's reason. Only regular files are read: a FIFO
    (which would block), a device (which may never end) or a file of the kernel under
    ``/proc`` or ``/sys`` is refused before it is read, whether found or named.

    FAIL::

        $ # norun: root reads a file whatever its mode
        $ chmod 000 claims/lane/map.yaml
        $ argmap check claims/lane
        claims/lane/map.yaml:1:1: AM103 cannot read the file: Permission denied
""")

NOT_UTF8 = _load_code("AM104", "not-utf8", """
    A map file that is not UTF-8 text.

    The finding points at the first byte that is not UTF-8: often a file saved as Latin-1 or
    UTF-16, or not a text file at all. A byte order mark at the start is allowed.

    FAIL::

        $ printf 'title: Caf\\xe9\\n' > map.yaml
        $ argmap check map.yaml
        map.yaml:1:11: AM104 the file is not UTF-8 text (byte 0xe9)
""")

SYNTAX_ERROR = _load_code("AM105", "syntax-error", """
    A file that is not valid YAML or JSON: a syntax error, tabs as indentation, NaN in JSON.

    A file is read as JSON when its name ends in ``.json``, as YAML otherwise.

    FAIL::

        title: The lane
        claims:
          - {id: C1, text: [Cycling tripled.}

    PASS::

        title: The lane
        claims:
          - {id: C1, text: Cycling tripled.}
""")

DUPLICATE_KEY = _load_code("AM106", "duplicate-key", """
    A key that appears twice in one mapping.

    Most YAML readers keep the last value and drop the first without a word; argmap refuses
    the file instead, and the hint names the line of the first key.

    FAIL::

        title: The lane
        title: The bike lane
        claims:
          - {id: C1, text: Cycling tripled.}

    PASS::

        title: The bike lane
        claims:
          - {id: C1, text: Cycling tripled.}
""")

LIMIT_EXCEEDED = _load_code("AM107", "limit-exceeded", """
    A file over a limit: its size, values, text or number length, aliases, nesting or folder depth.

    The limits keep a hostile file from exhausting time or memory and leave room for a map of
    100,000 claims. Raise one with its option: ``--max-file-size``, ``--max-values``,
    ``--max-text-length``, ``--max-number-length``, ``--max-alias-expansions``,
    ``--max-alias-characters``, ``--max-depth`` or ``--max-folder-depth``
    (docs/security.md lists them with their defaults).

    FAIL::

        $ cat map.yaml
        title: The lane
        claims:
          - {id: C1, text: Cycling tripled after the lane opened.}
        $ argmap check --max-text-length 20 map.yaml
        map.yaml:3:20: AM107 a text of 38 characters is over the limit of 20
""")

UNSAFE_TAG = _load_code("AM108", "unsafe-tag", """
    A YAML tag beyond the core schema, such as `!!python/object` or `!!set`.

    A map holds plain data: strings, numbers, booleans, null, lists and mappings. Tags that
    only restate a plain value's type (``!!str``, ``!!int``) are allowed; every other tag in the
    file is listed.

    FAIL::

        title: The lane
        claims: !!set {C1, C2}

    PASS::

        title: The lane
        claims:
          - {id: C1, text: Cycling tripled.}
""")

FORBIDDEN_CHARACTER = _load_code("AM109", "forbidden-character", """
    A control character, lone surrogate or noncharacter in the file's text.

    Map text may hold tabs and line breaks but no other C0 control character: they drive
    terminals (escape sequences), hide text from reviewers, and cannot appear in SVG.

    FAIL::

        title: The lane
        claims:
          - {id: C1, text: "Cycling \\e[31mtripled."}

    PASS::

        title: The lane
        claims:
          - {id: C1, text: Cycling tripled.}
""")

NOT_A_MAPPING = _load_code("AM110", "not-a-mapping", """
    A map file that is not a mapping of keys, or a sources file that is not a list.

    An empty file, a list or a single value where the map belongs; a ``sources.yaml`` holds a
    list of CSL-JSON items.

    FAIL::

        - {id: C1, text: Cycling tripled.}

    PASS::

        title: The lane
        claims:
          - {id: C1, text: Cycling tripled.}
""")

UNKNOWN_KEY = _load_code("AM111", "unknown-key", """
    A key the format does not know, often a misspelt one.

    The hint names the closest valid key, or lists the valid keys of that kind of node.

    FAIL::

        title: The lane
        claims:
          - {id: C1, text: Cycling tripled., knd: thesis}

    PASS::

        title: The lane
        claims:
          - {id: C1, text: Cycling tripled., kind: thesis}
""")

WRONG_TYPE = _load_code("AM112", "wrong-type", """
    A value of the wrong type: a text where a list belongs, a list as a key, and the like.

    A map holds strings, numbers, booleans, null, lists and mappings, each where the format
    expects it; the message names the type expected and the value found.

    FAIL::

        title: The lane
        claims: Cycling tripled.

    PASS::

        title: The lane
        claims:
          - {id: C1, text: Cycling tripled.}
""")

MISSING_FIELD = _load_code("AM113", "missing-field", """
    A node without a field it requires, such as a claim without `text`.

    The finding points at the node; docs/format.md lists each node's required fields.

    FAIL::

        title: The lane
        claims:
          - {id: C1}

    PASS::

        title: The lane
        claims:
          - {id: C1, text: Cycling tripled.}
""")

INVALID_VALUE = _load_code("AM114", "invalid-value", """
    A value the format does not allow: an unknown kind, a malformed ID or date, `1e999`.

    For a value chosen from a list, the hint names the closest allowed one.

    FAIL::

        title: The lane
        claims:
          - {id: C1, kind: theses, text: Cycling tripled.}

    PASS::

        title: The lane
        claims:
          - {id: C1, kind: thesis, text: Cycling tripled.}
""")

OUTSIDE_MAP_FOLDER = _load_code("AM115", "outside-map-folder", """
    A file found from a map that resolves outside the map's folder, through a symbolic link.

    Files argmap finds by itself (map files found by folder search, a ``sources.yaml`` beside
    ``map.yaml``) must lie inside the folder searched or the map's folder, as snapshots must:
    a map from an untrusted pull request could otherwise make argmap read, and quote in its
    messages, any file the runner can read. The file is not read, and nothing of it is shown.
    A file named on the command line is read as given.

    FAIL::

        $ mkdir lane
        $ printf 'title: x\\nclaims: []\\n' > lane/map.yaml
        $ ln -s /etc/passwd lane/sources.yaml
        $ argmap check lane
        lane/sources.yaml:1:1: AM115 the file leads outside the map's folder; it is not read
""")

ARGDOWN_UNREADABLE = code_doc("AM116", "argdown-unreadable", Severity.WARNING, """
    A part of an Argdown file that argmap cannot read as Argdown; it is kept, not dropped.

    A relation marker (``+``, ``->``, ...) with no statement after it or none above it to
    belong to, a comment or front matter that is never closed, front matter or ``{...}`` data
    that is not YAML, an inference line with no conclusion after it, a premise-conclusion
    structure with no inference line, or a second one for the same argument. The map still
    loads: the part is kept verbatim in the map's data (``argdown.unread``, written back by
    ``argmap convert``), or in the statement's text for data that cannot be read. The
    ``@argdown/cli`` rejects most of these outright.

    FAIL::

        $ printf '+\\n[T]: A claim.\\n' > x.argdown
        $ argmap check x.argdown
        x.argdown:1:1: AM116 [warning] the relation + names no statement or argument
""")

ARGDOWN_UNDEFINED = code_doc("AM117", "argdown-undefined", Severity.WARNING, """
    An Argdown title that is used but never given a text, or a mention of an undefined title.

    ``[Title]`` and ``<Title>`` refer to a statement or argument by its title; when no line
    ever defines it (``[Title]: text``), Argdown draws an empty box. argmap needs a text for
    every claim, so it takes the title as the text, and says so here, at the first use. A
    ``@[Title]`` mention of a title that nothing defines is reported the same way: usually a
    misspelt title.

    FAIL::

        $ printf '[T]: A claim.\\n  + [Reason]\\n' > x.argdown
        $ argmap check x.argdown
        x.argdown:2:5: AM117 [warning] [Reason] has no text; its title stands in for it
""")

ARGDOWN_KEPT_IN_DATA = code_doc("AM118", "argdown-kept-in-data", Severity.INFO, """
    An Argdown construct argmap has no field for, kept in the node's ``data``.

    A title given two different texts is one statement to Argdown (an equivalence class) and
    one claim to argmap, which keeps the first text and the others in the claim's data
    (``argdown.texts``); ``argmap convert`` writes each back as a definition of the title.
    The note says where the kept text was written.

    FAIL::

        $ printf '[T]: One wording.\\n\\n[T]: Another wording.\\n' > x.argdown
        $ argmap check --show-info --select AM118 x.argdown
        x.argdown:3:1: AM118 [info] [T] has a second text; kept in the claim's data (argdown.texts)
""")

#: The Argdown reader's problem kinds -> their codes.
ARGDOWN_CODES: dict[str, CodeDoc] = {
    "unreadable": ARGDOWN_UNREADABLE,
    "undefined": ARGDOWN_UNDEFINED,
    "kept": ARGDOWN_KEPT_IN_DATA,
}

#: Every load code, in code order.
LOAD_CODES: dict[str, CodeDoc] = {
    doc.code: doc
    for doc in (
        PATH_NOT_FOUND,
        NO_MAP_FOUND,
        UNREADABLE,
        NOT_UTF8,
        SYNTAX_ERROR,
        DUPLICATE_KEY,
        LIMIT_EXCEEDED,
        UNSAFE_TAG,
        FORBIDDEN_CHARACTER,
        NOT_A_MAPPING,
        UNKNOWN_KEY,
        WRONG_TYPE,
        MISSING_FIELD,
        INVALID_VALUE,
        OUTSIDE_MAP_FOLDER,
        ARGDOWN_UNREADABLE,
        ARGDOWN_UNDEFINED,
        ARGDOWN_KEPT_IN_DATA,
    )
}


def load_problem(
    doc: CodeDoc,
    message: str,
    location: Location | None,
    hint: str | None = None,
) -> Finding:
    """One load finding; its code, id and severity are the table's."""
    return Finding(
        code=doc.code,
        rule=doc.id,
        severity=doc.severity,
        message=message,
        location=location,
        hint=hint,
    )


def load_error(
    doc: CodeDoc, message: str, location: Location | None, hint: str | None = None
) -> MapLoadError:
    """A MapLoadError carrying one load finding: what most stages raise."""
    return MapLoadError([load_problem(doc, message, location, hint)])
