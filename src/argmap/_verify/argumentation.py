"""Which claims stand: the grounded labelling of a map's claims, and why a claim falls.

The map is read as a structured argumentation framework in the style of Carneades and
ASPIC+: every ``attacks`` and ``undercuts`` relation is an *argument* with premises (claims)
and a target (a claim for attacks, a relation for undercuts). ``supports`` relations say why a
claim is believed; they do not change whether it survives its attacks, so acceptance here is
about conflict only.

- Linked premises (``linked: true``) form one argument that needs every premise; convergent
  premises (the default) each make an argument of their own, so an attack stands as soon as
  any one of its premises does.
- An argument is ``in`` when all its premises are ``in`` and every argument undercutting its
  relation is ``out``; ``out`` when a premise is ``out`` or an undercutter is ``in``.
- A claim is ``in`` when every argument attacking it is ``out`` (so an unattacked claim is
  ``in``); ``out`` when an argument attacking it is ``in``; otherwise ``undecided``.

- Format 2: ``contradicts`` is a mutual attack (each side attacks the other: two claims that
  only contradict each other stay ``undecided``); an ``undercuts`` aimed at a claim of kind
  ``argument`` attacks that argument's node. ``supports`` (also of an inference), ``rephrases``
  (a restatement, AIF MA) and ``prefers`` (AIF PA) change no acceptance here: grounded
  semantics has no notion of preference, so a preference is kept and drawn, not applied.

Starting from nothing labelled and applying these rules until nothing changes gives the least
fixpoint: the grounded labelling, the most sceptical one (a claim that attacks itself, or two
claims that only attack each other, stay ``undecided``). A worklist makes it linear in the size
of the map. Relations whose ends do not exist (AM202) or have the wrong kind (AM203) are left
out rather than guessed at.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from argmap._model import ArgumentMap
    from argmap._verify.index import MapIndex

__all__ = [
    "Analysis",
    "Argument",
    "AttackStep",
    "Label",
    "analyse",
    "analysis_of",
    "describe_chain",
    "explain",
    "grounded_labelling",
]

Label = Literal["in", "out", "undecided"]


@dataclass(frozen=True, slots=True)
class Argument:
    """One attack or undercut: ``premises`` against a claim or against another relation."""

    relation: str
    premises: tuple[str, ...]
    target: str
    undercut: bool  # True: ``target`` is a relation ID; False: a claim ID


@dataclass(frozen=True, slots=True)
class AttackStep:
    """One link of an explanation: ``relation`` from ``premises`` against ``target``.

    ``target_label`` is the target's label (for an undercut target, the label of the
    undercut argument); ``status`` is the attacking argument's label.
    """

    target: str
    target_label: Label
    relation: str
    premises: tuple[str, ...]
    status: Label
    undercut: bool = False


@dataclass
class Analysis:
    """The grounded labelling of claims and of the arguments that attack them."""

    claims: dict[str, Label]
    arguments: list[Argument]
    argument_labels: list[Label]
    attackers: dict[str, list[int]] = field(default_factory=dict)  # claim -> argument indexes
    of_relation: dict[str, list[int]] = field(default_factory=dict)  # relation -> arguments
    undercutters: dict[str, list[int]] = field(default_factory=dict)  # relation -> undercuts


def _arguments(argmap: ArgumentMap, claims: dict[str, str]) -> list[Argument]:
    relations: dict[str, str] = {}
    for relation in argmap.relations:
        relations.setdefault(relation.id, relation.type)
    found: list[Argument] = []
    for relation in argmap.relations:
        kind = relation.type
        if kind not in _CONFLICT:
            continue  # supports, rephrases and prefers change no acceptance (module docstring)
        premises = tuple(dict.fromkeys(relation.from_))
        undercut = kind == "undercuts"
        if undercut and claims.get(relation.to) == "argument":
            undercut = False  # undercutting an argument as a whole: an attack on its node
        elif undercut and relations.get(relation.to) not in _CONFLICT:
            continue  # undercutting a support changes no acceptance; unknown targets: AM202
        if not undercut and relation.to not in claims:
            continue
        if kind == "contradicts":  # symmetric: each side attacks the other
            found.extend(
                argument
                for p in premises
                if p in claims and p != relation.to
                for argument in (
                    Argument(relation.id, (p,), relation.to, False),
                    Argument(relation.id, (relation.to,), p, False),
                )
            )
        elif relation.linked:
            if all(p in claims for p in premises):
                found.append(Argument(relation.id, premises, relation.to, undercut))
        else:
            found.extend(
                Argument(relation.id, (p,), relation.to, undercut) for p in premises if p in claims
            )
    return found


#: Relation types that are conflict: an argument against a claim or an inference.
_CONFLICT = frozenset({"attacks", "undercuts", "contradicts"})


def analyse(argmap: ArgumentMap) -> Analysis:
    """Label every claim and every attacking argument (see the module docstring)."""
    kinds: dict[str, str] = {}
    for node in argmap.claims:
        kinds.setdefault(node.id, node.kind)
    claim_ids = list(kinds)
    arguments = _arguments(argmap, kinds)
    attackers: dict[str, list[int]] = {}
    of_relation: dict[str, list[int]] = {}
    undercutters: dict[str, list[int]] = {}
    users: dict[str, list[int]] = {}
    for index, argument in enumerate(arguments):
        of_relation.setdefault(argument.relation, []).append(index)
        if argument.undercut:
            undercutters.setdefault(argument.target, []).append(index)
        else:
            attackers.setdefault(argument.target, []).append(index)
        for premise in argument.premises:
            users.setdefault(premise, []).append(index)

    claim_label: dict[str, Label] = {}
    arg_label: list[Label | None] = [None] * len(arguments)
    defeated_attackers = dict.fromkeys(claim_ids, 0)
    premises_in = [0] * len(arguments)
    undercuts_out = [0] * len(arguments)
    queue: deque[tuple[bool, str | int]] = deque()  # (is_claim, id or argument index)

    def label_claim(claim: str, label: Label) -> None:
        if claim not in claim_label:
            claim_label[claim] = label
            queue.append((True, claim))

    def label_argument(index: int, label: Label) -> None:
        if arg_label[index] is None:
            arg_label[index] = label
            queue.append((False, index))

    def argument_may_be_in(index: int) -> None:
        argument = arguments[index]
        if premises_in[index] == len(argument.premises) and undercuts_out[index] == len(
            undercutters.get(argument.relation, ())
        ):
            label_argument(index, "in")

    for claim in claim_ids:
        if not attackers.get(claim):
            label_claim(claim, "in")
    for index in range(len(arguments)):
        argument_may_be_in(index)  # premises are claims, so this only fires after them

    while queue:
        is_claim, key = queue.popleft()
        if is_claim:
            assert isinstance(key, str)  # noqa: S101 - narrowing for the type checker
            for index in users.get(key, ()):
                if claim_label[key] == "in":
                    premises_in[index] += 1
                    argument_may_be_in(index)
                else:
                    label_argument(index, "out")
            continue
        assert isinstance(key, int)  # noqa: S101
        argument = arguments[key]
        label = arg_label[key]
        if argument.undercut:
            for other in of_relation.get(argument.target, ()):
                if label == "in":
                    label_argument(other, "out")
                else:
                    undercuts_out[other] += 1
                    argument_may_be_in(other)
        elif label == "in":
            label_claim(argument.target, "out")
        else:
            defeated_attackers[argument.target] += 1
            if defeated_attackers[argument.target] == len(attackers[argument.target]):
                label_claim(argument.target, "in")

    return Analysis(
        claims={c: claim_label.get(c, "undecided") for c in claim_ids},
        arguments=arguments,
        argument_labels=[label or "undecided" for label in arg_label],
        attackers=attackers,
        of_relation=of_relation,
        undercutters=undercutters,
    )


def analysis_of(index: MapIndex) -> Analysis:
    """The map's analysis, computed once per map for every rule (and the report) to share."""
    return index.memo(analysis_of, lambda: analyse(index.map))


def grounded_labelling(argmap: ArgumentMap) -> dict[str, Label]:
    """Claim ID -> ``in``, ``out`` or ``undecided`` under grounded semantics."""
    return analyse(argmap).claims


def explain(
    argmap: ArgumentMap, claim: str, analysis: Analysis | None = None
) -> list[AttackStep]:
    """The chain of attacks that decides a claim's label (empty for an unattacked claim).

    For an ``out`` claim: an argument against it that stands, then why that argument's
    premise stands (its own attackers fail), and so on. For an ``undecided`` claim: an
    undecided attacker, its undecided premise or undercutter, and so on until the chain
    returns to a claim already named (a circle of attacks) or ends.
    """
    result = analysis or analyse(argmap)
    steps: list[AttackStep] = []
    seen: set[tuple[bool, str]] = set()
    current: tuple[bool, str] | None = (True, claim)  # (is_claim, claim ID or relation ID)
    while current is not None and current not in seen:
        seen.add(current)
        current = _step(result, current, steps)
    return steps


_OPPOSITE: dict[Label, Label] = {"out": "in", "in": "out", "undecided": "undecided"}


def _pick(result: Analysis, indexes: list[int], label: Label) -> int | None:
    for index in indexes:
        if result.argument_labels[index] == label:
            return index
    return None


def _step(
    result: Analysis, current: tuple[bool, str], steps: list[AttackStep]
) -> tuple[bool, str] | None:
    is_claim, key = current
    label: Label
    if is_claim:
        label = result.claims.get(key, "undecided")
        chosen = _pick(result, result.attackers.get(key, []), _OPPOSITE[label])
        if chosen is None:
            return None
        return _record(result, chosen, key, label, steps)
    # an argument's relation: why it stands, falls or hangs
    indexes = result.of_relation.get(key, [])
    arg_labels = {result.argument_labels[i] for i in indexes}
    label = (
        "in" if "in" in arg_labels else ("undecided" if "undecided" in arg_labels else "out")
    )
    premises = [
        p
        for i in indexes
        if result.argument_labels[i] == label
        for p in result.arguments[i].premises
    ]
    if label == "in":
        # it stands: follow an attacked premise, or a failed undercut, to show why
        attacked = next(((True, p) for p in premises if result.attackers.get(p)), None)
        if attacked is not None:
            return attacked
        failed = _pick(result, result.undercutters.get(key, []), "out")
        return None if failed is None else _record(result, failed, key, label, steps)
    # out: a premise is out or an undercutter is in; undecided: a premise or undercutter hangs
    for premise in premises:
        if result.claims.get(premise) == label:
            return (True, premise)
    undercut = _pick(result, result.undercutters.get(key, []), "in" if label == "out" else label)
    if undercut is None:
        return None
    return _record(result, undercut, key, label, steps)


def _record(
    result: Analysis, index: int, target: str, label: Label, steps: list[AttackStep]
) -> tuple[bool, str]:
    argument = result.arguments[index]
    status = result.argument_labels[index]
    steps.append(
        AttackStep(target, label, argument.relation, argument.premises, status, argument.undercut)
    )
    return (False, argument.relation)


def describe_chain(steps: list[AttackStep]) -> str:
    """``R2 from O1 (in) attacks T1; R3 from P1 (out) attacks O1`` for messages."""
    parts = []
    for step in steps:
        premises = ", ".join(step.premises)
        verb = "undercuts" if step.undercut else "attacks"
        parts.append(f"{step.relation} from {premises} ({step.status}) {verb} {step.target}")
    text = "; ".join(parts)
    if steps:
        named = {s.target for s in steps}
        last = steps[-1]
        if any(p in named for p in last.premises) and last.status == "undecided":
            text += " (a circle of attacks)"
    return text
