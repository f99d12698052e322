"""What a rule sees and what it yields.

Rules stay small: they read the map through :class:`RuleContext` (the map's indexes and memo,
built once per run and shared by every rule, plus the running rule's options) and yield
:class:`Problem` values that name a node, not a line. The engine turns problems into located
:class:`~argmap.Finding` objects and applies severities and suppressions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from argmap._findings import Severity
from argmap._record import record
from argmap._verify.index import MapIndex

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = ["NodeEdit", "Problem", "ProblemFix", "RelatedRef", "Rule", "RuleContext"]


@record
class RelatedRef:
    """A related place named by node (the engine finds its location)."""

    message: str
    node: str | None = None
    kind: str | None = None
    field: tuple[str | int, ...] = ()


@record
class NodeEdit:
    """One change a fix makes, named by node as a problem is (the engine finds the file).

    ``op``: ``set`` the value at the node's ``field``, ``append`` ``value`` to the list there
    (made when missing), or ``add`` the key ``key`` to the mapping there. With ``node`` None
    the field is a path from the map file's top (``("evidence",)``).
    """

    op: str
    value: Any
    node: str | None = None
    kind: str | None = None
    field: tuple[str | int, ...] = ()
    key: str | None = None


@record
class ProblemFix:
    """A fix a rule offers with a problem: a title, its edits, safe or not (see ``Fix``)."""

    title: str
    edits: tuple[NodeEdit, ...]
    safe: bool = True


@record
class Problem:
    """What a rule yields: a message about a node, optionally about one field of it.

    ``kind`` is the node's collection (``claims``, ``evidence``, ``sources``, ...); it picks the
    right node when IDs repeat across collections. ``path`` names a place by its data path
    instead (e.g. ``("claims", 4)`` for the second of two claims with one ID).

    ``target`` names the finer thing within the node the problem is about, when there is one:
    a figure's text on a claim, the ID of an evidence item, relation or claim the node names.
    An ``ignore`` entry on the node names it to silence this problem and no other.
    """

    message: str
    node: str | None = None
    kind: str | None = None
    field: tuple[str | int, ...] = ()
    hint: str | None = None
    related: tuple[RelatedRef, ...] = ()
    path: tuple[str | int, ...] | None = None
    severity: Severity | None = None  # overrides the rule's default for this one problem
    data: Mapping[str, Any] | None = None
    target: str | None = None
    fix: ProblemFix | None = None


class Rule(Protocol):
    """The shape of a rule module (see ``argmap.rules``).

    ``check`` takes the context alone and reads the rule's options from ``ctx.options``.
    """

    CODE: str
    ID: str
    SEVERITY: Severity
    OPTIONS: dict[str, Any]
    __doc__: str | None

    def check(self, ctx: RuleContext) -> Iterator[Problem]: ...


class RuleContext(MapIndex):
    """The map's indexes and memo, shared by all rules of a run, and the running rule's options.

    The engine sets :attr:`options` (the rule's ``OPTIONS`` merged with the configuration)
    before it calls each rule.
    """

    def __init__(self, argmap: ArgumentMap, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(argmap)
        self.options: Mapping[str, Any] = options if options is not None else {}
        #: Memo owners whose last reader has run, still held: a lean run drops them when it
        #: runs more rules in this process (see :func:`argmap._engine.run._run_rules`).
        self.spent: frozenset[object] = frozenset()
