"""``argmap._verify.argumentation.analyse``: the worklist in one loop labels every claim and
argument as the round-nine version did (kept here as the reference), with the same dict
orders, whether it reads the map's nodes itself or is given the index's first node of each ID
(as ``analysis_of`` does; round twelve's worklist holds only the claims arguments use), on
any map shape: duplicate IDs, relations to missing or wrong-kind ends, self
attacks, circles, undercuts of undercuts, linked and convergent premises."""

from __future__ import annotations

from collections import deque
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import RelationType
from argmap._verify.argumentation import (
    Analysis,
    Argument,
    Label,
    analyse,
    explain,
)


def _old_arguments(argmap: Any, claims: dict[str, str]) -> list[Argument]:
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


def _old_analyse(argmap: Any) -> Analysis:
    """Label every claim and every attacking argument (see the module docstring)."""
    kinds: dict[str, str] = {}
    for node in argmap.claims:
        kinds.setdefault(node.id, node.kind)
    claim_ids = list(kinds)
    arguments = _old_arguments(argmap, kinds)
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
            assert isinstance(key, str)
            for index in users.get(key, ()):
                if claim_label[key] == "in":
                    premises_in[index] += 1
                    argument_may_be_in(index)
                else:
                    label_argument(index, "out")
            continue
        assert isinstance(key, int)
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


_IDS = st.sampled_from(["A", "B", "C", "D", "E", "R1", "R2", "R3", "R4", "X"])
_CLAIM = st.builds(SimpleNamespace, id=_IDS,
                   kind=st.sampled_from(["claim", "thesis", "argument", "premise"]))
_RELATION = st.builds(
    SimpleNamespace,
    id=_IDS,
    type=st.sampled_from(list(RelationType)),
    from_=st.lists(_IDS, max_size=4),
    to=_IDS,
    linked=st.booleans(),
    argument=st.none(),  # a model's field, read with the others (index.relation_fields)
)
_MAPS = st.builds(SimpleNamespace, claims=st.lists(_CLAIM, max_size=8),
                  relations=st.lists(_RELATION, max_size=12))


def _state(result: Analysis) -> tuple[Any, ...]:
    return (list(result.claims.items()), result.arguments, result.argument_labels,
            list(result.attackers.items()), list(result.of_relation.items()),
            list(result.undercutters.items()))


@settings(max_examples=400)
@given(_MAPS)
def test_analyse_labels_as_the_reference_does(argmap: Any) -> None:
    new = analyse(argmap)
    old = _old_analyse(argmap)
    assert _state(new) == _state(old)
    claims: dict[str, Any] = {}
    for claim in argmap.claims:
        claims.setdefault(claim.id, claim)
    relations: dict[str, Any] = {}
    for relation in argmap.relations:
        relations.setdefault(relation.id, relation)
    assert _state(analyse(argmap, claims, relations)) == _state(old)
    for claim in new.claims:  # and the explanations read it alike
        assert explain(argmap, claim, new) == explain(argmap, claim, _old_analyse(argmap))
