"""The long tail through arguebuf: any format arguebuf reads, as an argmap map.

arguebuf (PyPI, MIT; the optional extra ``argmap[formats]``) reads AIF, xAIF, OVA,
SADFace, Kialo text exports, BRAT, AML, the Potsdam microtexts and Argdown JSON into one graph
model of atom nodes (statements) and scheme nodes (support, attack, rephrase, preference).
This module maps that graph onto argmap the way ``aif_read`` maps AIF: atoms become claims,
each scheme node one relation per conclusion, the graph's major claim a thesis and the other
kinds derived (docs/interop.md). The file is read through argmap's own reader (size caps,
confinement), and arguebuf parses the text.

arguebuf guesses the format of a ``.json`` file from its keys (``analysis``: OVA,
``locutions``: AIF, else its own protobuf JSON); ``fmt`` names the format when the guess
would be wrong (SADFace, xAIF, Argdown JSON, an AIF file without ``locutions``).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._findings import Location, MapLoadError
from argmap._interop.aif_read import derived_kinds
from argmap._interop.codes import FOREIGN_FILE_UNREADABLE, interop_problem
from argmap._load.limits import DEFAULT_LIMITS, Limits
from argmap._load.read import display_path, read_text
from argmap._recache import recompile

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = ["FORMATS", "arguebuf_data", "from_arguebuf"]

#: Formats by name -> (the arguebuf loader, whether it takes parsed JSON).
FORMATS = {
    "auto": ("io", False),
    "aif": ("aif", True),
    "xaif": ("xaif", True),
    "ova": ("ova", True),
    "sadface": ("sadface", True),
    "argdown": ("argdown", True),
    "arguebuf": ("dict", True),
    "kialo": ("kialo", False),
    "microtexts": ("microtexts", False),
    "aml": ("aml", False),
    "brat": ("brat", False),
}
_ID_BAD = recompile(r"[^A-Za-z0-9._:-]+")


def _safe(raw: str, taken: dict[str, str]) -> str:
    base = _ID_BAD.sub("-", raw).strip("-._:") or "n"
    if not base[0].isalnum():
        base = "n" + base
    candidate, number = base[:190], 2
    while candidate in taken.values():
        candidate, number = f"{base[:180]}-{number}", number + 1
    taken[raw] = candidate
    return candidate


def _graph(text: str, path: Path, fmt: str) -> Any:
    import arguebuf

    loader_name, takes_json = FORMATS[fmt]
    loader = getattr(arguebuf.load, loader_name)
    if loader_name == "io":
        return loader(io.StringIO(text), path.suffix, path.stem)
    if takes_json:
        return loader(json.loads(text), path.stem)
    return loader(io.StringIO(text), path.stem)


def _relation_type(scheme_node: Any, target_is_scheme: bool) -> str:
    import arguebuf

    scheme = scheme_node.scheme
    if isinstance(scheme, arguebuf.Attack):
        return "undercuts" if target_is_scheme else "attacks"
    if isinstance(scheme, arguebuf.Rephrase):
        return "rephrases"
    if isinstance(scheme, arguebuf.Preference):
        return "prefers"
    return "supports"  # Support, or no scheme: arguebuf's default reading of an inference


def arguebuf_data(
    path: Path, fmt: str = "auto", limits: Limits = DEFAULT_LIMITS
) -> dict[str, Any]:
    """Map data (format 2) for a file in any format arguebuf reads.

    Raises :class:`MapLoadError` (AM131, at the file) when arguebuf cannot read it.
    """
    text = read_text(path, limits)
    try:
        graph = _graph(text, path, fmt)
    except Exception as exc:  # noqa: BLE001 - arguebuf raises anything; report, never crash
        raise MapLoadError([interop_problem(
            FOREIGN_FILE_UNREADABLE,
            f"arguebuf cannot read this file as {fmt}: {type(exc).__name__}: "
            f"{_short(str(exc))}",
            Location(display_path(path), 1, 1),
            hint="name the format (aif, xaif, ova, sadface, argdown, kialo, microtexts, aml, "
            "brat, arguebuf) if arguebuf guessed wrong",
        )]) from None
    return graph_data(graph, path.stem)


def _short(text: str, limit: int = 100) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def graph_data(graph: Any, name: str) -> dict[str, Any]:
    """Map data for an arguebuf graph."""
    import arguebuf

    ids: dict[str, str] = {}
    atoms = sorted(graph.atom_nodes.values(), key=lambda n: n.id)
    schemes = sorted(graph.scheme_nodes.values(), key=lambda n: n.id)
    for node in [*atoms, *schemes]:
        _safe(str(node.id), ids)
    claims: list[dict[str, Any]] = []
    for atom in atoms:
        claim: dict[str, Any] = {"id": ids[atom.id], "text": atom.plain_text.strip() or "(empty)"}
        if ids[atom.id] != atom.id:
            claim["data"] = {"arguebuf": {"id": atom.id}}
        claims.append(claim)
    relations: list[dict[str, Any]] = []
    for scheme in schemes:
        premises = sorted(graph.incoming_nodes(scheme), key=lambda n: n.id)
        targets = sorted(
            (n for n in graph.outgoing_nodes(scheme)  # an edge into a preference makes the
             if not (isinstance(n, arguebuf.SchemeNode)  # inference a premise of it, not a
                     and isinstance(n.scheme, arguebuf.Preference))),  # conclusion
            key=lambda n: n.id,
        )
        usable = [p for p in premises if isinstance(p, arguebuf.AtomNode)
                  or isinstance(scheme.scheme, arguebuf.Preference)]
        for number, target in enumerate(targets):
            if not usable:
                break
            target_is_scheme = isinstance(target, arguebuf.SchemeNode)
            relation: dict[str, Any] = {
                "id": ids[scheme.id] if number == 0 else _safe(f"{scheme.id}:{number + 1}", ids),
                "type": _relation_type(scheme, target_is_scheme),
                "from": [ids[p.id] for p in usable],
                "to": ids[target.id],
            }
            if len(usable) > 1:
                relation["linked"] = True
            value = getattr(scheme.scheme, "value", None)
            if isinstance(value, str) and value != "Default":
                relation["scheme"] = value
            relations.append(relation)
    kinds = derived_kinds([c["id"] for c in claims],
                          [(r["type"], r["from"], r["to"]) for r in relations])
    for claim in claims:
        claim["kind"] = kinds[claim["id"]]
    theses = [c["id"] for c in claims if c["kind"] == "thesis"]
    major = graph.major_claim
    named = f" arguebuf's major claim is {ids[major.id]}." if major is not None else ""
    return {
        "format": 2,
        "title": str(graph.name or name),
        "description": f"Converted with arguebuf from {name}. Theses: the statements that "
        f"support nothing further ({', '.join(theses[:10])}"
        f"{', ...' if len(theses) > 10 else ''}).{named}",
        "claims": claims,
        "relations": relations,
    }


def from_arguebuf(
    path: str | Path, format: str = "auto", *, limits: Limits = DEFAULT_LIMITS
) -> ArgumentMap:
    """Load a map from any file arguebuf reads (``pip install argmap[formats]``).

    ``format`` is one of :data:`FORMATS` (``auto``: arguebuf guesses from the suffix and, for
    JSON, the keys). Raises :class:`MapLoadError` when the file cannot be read or converted,
    and ImportError with the install command when arguebuf is not installed.
    """
    from pydantic import ValidationError

    from argmap._load.validate import validation_findings
    from argmap._model import ArgumentMap

    if format not in FORMATS:
        msg = f"unknown format {format!r}; one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    try:
        import arguebuf  # noqa: F401 - only to say how to install it
    except ImportError as exc:
        msg = "reading this format needs arguebuf: pip install 'argmap[formats]'"
        raise ImportError(msg) from exc
    target = Path(path)
    data = arguebuf_data(target, format, limits)
    where = Location(display_path(target), 1, 1)
    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as exc:
        raise MapLoadError(validation_findings(exc, data, lambda *_: where)) from None
