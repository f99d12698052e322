"""The texts a split run's figures group parses, read in two processes before it runs.

Most of the figures group (:data:`argmap._engine.split.FAMILIES`, the longer group of a
split run) is the number grammar reading every claim's text and the quotes cited by the
claims with figures (:func:`argmap._verify.compare.claim_figures`). The grammar's
:func:`~argmap._verify.numbers.parse` is pure and cached, so the child of a split run reads
a share of those texts first and sends their figures back (:func:`read_share`), while this
process reads the rest; this process then puts the child's figures in the cache
(:func:`take_share`) and runs its group, which finds every text read.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._model import Claim, Evidence
    from argmap._verify.index import MapIndex
    from argmap._verify.numbers import Mention

__all__ = ["CHILD_SHARE", "FIGURE_READERS", "read_here", "read_share", "shares", "take_pairs",
           "take_share", "texts"]

Figures = tuple["Mention", ...]

#: Rules that read the figures of every claim and the quotes of the claims with figures
#: (:func:`argmap._verify.compare.claim_figures`): with one of them in this process's
#: group, the texts are worth reading ahead.
FIGURE_READERS = frozenset({"AM301", "AM304", "AM306", "AM307", "AM422"})

#: The child's share of the claims, as (numerator, denominator), so that both processes end
#: at about the same time. At 10,000 claims (CPU s, in fresh processes) reading the texts
#: takes 0.70 (the claims' 0.33, 6,300 quotes 0.35) and the figures group after it 0.63;
#: a forked child reads a text about 1.5 times as slowly (it copies the pages it writes),
#: and the parent takes the child's figures at 0.1 s for the whole map. The rules' CPU s
#: in a split check (the parent's -> the child's, medians of 10 alternated runs): before
#: 1.49 -> 1.18 (the parent's wall time of the rules 1.49 s); with AM601 and AM602 in the
#: figures group (they parsed the claims' texts in the child again) and a share of 1/4,
#: 1.28 -> 1.30 (1.40 s). With them in the child, a share of 1/6 gave 1.25 -> 1.34. After
#: the grammar got 19 % cheaper, a share of 1/4 gave 1.18 -> 1.27 (the child the longer),
#: and the whole check's wall time (medians of 8 alternated runs) 2.17 s without reading
#: ahead, 2.10 s with 1/4, 2.06 s with 1/5. After round ten made the other group cheaper
#: (the quote rules and AM701), the rules' wall time in a split check (medians of 8 runs,
#: the shares alternated, two batches) at 10,000 claims was 1.07 and 1.04 s with 1/5, 1.04 s
#: with 1/4, 1.02 and 0.97 s with 1/3, 1.07 s with 2/5 and 1.00 s with 1/2 (the parent's CPU
#: 0.96 s, the child's 0.75 s with 1/3); at 5,000 claims 0.81 s with 1/5, 0.69 s with 1/3.
#: Round fifteen (the child's work cheaper again) timed each process: with 1/3 the parent's
#: CPU after the load was 1.59 s and the child's 1.15 s (medians of 6 runs), with 1/2 1.47
#: and 1.31 s, with 3/5 1.36 and 1.41 s (but the parent then waits for the child's share);
#: the whole check at 10,000 claims (medians of 10 alternated runs, two batches) 1.580 and
#: 1.630 s with 1/3, 1.530 and 1.585 s with 1/2, 1.660 s with 3/5; at 5,000 claims 1.055 s
#: with 1/3 and 1.065 s with 1/2.
CHILD_SHARE = (1, 2)


def shares(count: int, share: tuple[int, int] = CHILD_SHARE) -> tuple[list[int], list[int]]:
    """The positions of ``count`` claims read by the child and by this process, each in
    order: the child's spread evenly (a map's claims with figures are often bunched), the
    child taking position ``i`` when ``(i + 1) * share`` passes a whole number."""
    numerator, denominator = share
    child: list[int] = []
    here: list[int] = []
    for position in range(count):
        passes = (position + 1) * numerator // denominator > position * numerator // denominator
        (child if passes else here).append(position)
    return child, here


def texts(
    evidence: Mapping[str, Evidence], claims: Iterable[Claim], read: Callable[[str], Figures]
) -> Iterator[tuple[str, Figures]]:
    """Each text :func:`~argmap._verify.compare.claim_figures` parses for ``claims``, with
    its figures as ``read`` gives them (``evidence``: the index's items by ID, as
    ``claim_figures`` reads them): a claim's text, then, when the claim states a figure
    or declares one it may hold, the quote of each evidence item it cites (a figure only in
    markup, or declared with a text the claim does not hold, reads its quotes in vain)."""
    from argmap._verify.numbers import FIGURE_KINDS

    for claim in claims:
        found = read(claim.text)
        yield claim.text, found
        if any(mention.is_figure for mention in found) or any(
                quantity.text and quantity.kind in FIGURE_KINDS for quantity in claim.quantities):
            for evidence_id in dict.fromkeys(claim.evidence):
                item = evidence.get(evidence_id)
                if item is not None and item.quote is not None:
                    yield item.quote.exact, read(item.quote.exact)


def read_here(index: MapIndex, positions: Sequence[int]) -> None:
    """Read the texts of the claims at ``positions`` into the grammar's cache."""
    from argmap._verify.numbers import parse

    claims = index.map.claims
    for _ in texts(index.evidence, (claims[position] for position in positions), parse):
        pass


def read_share(index: MapIndex, positions: Sequence[int]) -> bytes:
    """The figures of the texts of the claims at ``positions``, pickled, in the order
    :func:`texts` lists them (the texts themselves are not sent: the receiver lists them);
    kept in the grammar's cache, where the child's own rules find the claims' texts."""
    from argmap._verify.numbers import parse

    claims = index.map.claims
    found = [figures for _, figures in
             texts(index.evidence, (claims[position] for position in positions), parse)]
    return pickle.dumps(found, pickle.HIGHEST_PROTOCOL)


def take_share(index: MapIndex, positions: Sequence[int], payload: bytes) -> bool:
    """Put the figures :func:`read_share` sent for ``positions`` in the grammar's cache;
    False, and nothing put, when the payload is not whole (the rules then read the texts)."""
    try:
        found = pickle.loads(payload)  # noqa: S301 - from our own forked child
    except Exception:  # noqa: BLE001 - a truncated message: the texts are read here
        return False
    if type(found) is not list:
        return False
    given = iter(found)
    return _warm_listed(index, positions, lambda _text: next(given, None), given)


def take_pairs(index: MapIndex, positions: Sequence[int],
               pairs: Sequence[tuple[str, Figures]]) -> bool:
    """Put the figures of ``pairs`` (text, figures) in the grammar's cache when their texts
    are, in order, those :func:`texts` lists for the claims at ``positions`` (the big map's
    reader, :mod:`argmap._engine.reader`, reads the texts as parsed, before the model is
    validated); False, and nothing put, when they are not (the rules then read the texts)."""
    given = iter(pairs)

    def answer(text: str) -> Figures | None:
        pair = next(given, None)
        return pair[1] if pair is not None and pair[0] == text else None

    return _warm_listed(index, positions, answer, given)


def _warm_listed(index: MapIndex, positions: Sequence[int],
                 answer: Callable[[str], Figures | None], rest: Iterator[object]) -> bool:
    """Put in the grammar's cache each text :func:`texts` lists for the claims at
    ``positions`` with the figures ``answer`` gives for it, when it gives figures for every
    one and ``rest`` (what the answers come from) then holds nothing more; else False, and
    nothing put."""
    from argmap._verify.numbers.parsing import warm

    failed = False
    missing: Figures = ()

    def read(text: str) -> Figures:
        nonlocal failed
        figures = answer(text)
        if figures is None:
            failed = True
            return missing
        return figures

    claims = index.map.claims
    try:
        listed = list(texts(index.evidence, (claims[position] for position in positions), read))
    except Exception:  # noqa: BLE001 - not the figures asked for: the texts are read here
        return False
    if failed or next(rest, None) is not None:
        return False
    warm(listed)
    return True
