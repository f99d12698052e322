"""A source was issued before the period its evidence speaks about.

A 2019 article cannot report a 2020 figure. The period is the evidence's ``period``, else
the ``period`` of each claim that cites it, else the one period the claim's text names
("In January–March 2020, ..."; years after since/by/until are not the fact's period). The
issue date is the source's ``issued`` (ISO or CSL date-parts); the evidence's ``via`` source
is checked too.

FAIL::

    claims:
      - {id: C1, text: In January–March 2020 exports fell by 57%., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: exports fell by 57%}}
    sources:
      - {id: S1, title: Trade report, issued: 2019-11-02}

PASS::

    sources:
      - {id: S1, title: Trade report, issued: 2020-05-02}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.numbers import period_bounds, text_period

CODE = "AM601"
ID = "source-predates-period"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def issued_end(value: Any) -> date | None:
    """The last day a source's issue date may mean (``2019`` -> 2019-12-31), or None."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return period_bounds(value)[1]
        except ValueError:
            return None
    parts = getattr(value, "date_parts", None)
    if parts and parts[0]:
        try:
            pieces = [int(p) for p in parts[0][:3]]
            text = "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(pieces))
            return period_bounds(text)[1]
        except (TypeError, ValueError, OverflowError):  # a year of 10^22: AM604
            return None
    return None


#: An evidence item's period in its view (:attr:`RuleContext.evidence_fields`).
_PERIOD = itemgetter(5)


def _claim_periods(ctx: RuleContext, after: date | None = None
                   ) -> dict[str, list[tuple[str, str]]]:
    """Evidence ID -> (period, claim ID) of each claim that cites it and has a period, in map
    order (a claim citing an item twice counts once); with ``after``, only the periods that
    start after it (no source issued on or after ``after`` predates the others).

    One pass over the claims, each claim's period read once: reading it for each item the
    claim cites (through ``evidence_users``, which only this rule of its group reads) cost
    twice as much (44 -> 21 ms at 10,000 claims)."""
    found: dict[str, list[tuple[str, str]]] = {}
    # the fields from each claim's view (RuleContext.claim_fields), not off the model
    for claim_id, text, _, cited, _, own, _, _, _ in ctx.claim_fields:
        if not cited:
            continue
        period = own or text_period(text)
        if not period:
            continue
        if after is not None and _starts_by(period, after):
            continue
        pair = (period, claim_id)
        for evidence_id in (dict.fromkeys(cited) if len(cited) > 1 else cited):
            users = found.get(evidence_id)
            if users is None:
                found[evidence_id] = [pair]
            else:
                users.append(pair)
    return found


def _starts_by(period: str, day: date) -> bool:
    """Whether a period starts on or before ``day``; False for one that cannot be read,
    which the check then meets as the rule before this test did."""
    try:
        return period_bounds(period)[0] <= day
    except Exception:  # noqa: BLE001 - whatever it raises is raised where it was before
        return False


def _ends(ctx: RuleContext) -> dict[str, date | None] | None:
    """Every source's issued_end, or None when one raises (the check then reads them as it
    did, one by one as items cite them)."""
    ends: dict[str, date | None] = {}
    try:
        for source_id, source in ctx.sources.items():
            ends[source_id] = issued_end(source.issued)
    except Exception:  # noqa: BLE001 - whatever it raises is raised where it was before
        return None
    return ends


def check(ctx: RuleContext) -> Iterator[Problem]:
    """A period that starts by the earliest issue date of all the sources cannot be one a
    source predates: the claims' periods are kept only when they start later, and with none
    left and no item's own period, no item is walked (at 10,000 claims 33 -> 7.5 ms of
    CPU, at 100,000 322 -> 59 ms)."""
    first = ctx.evidence  # an ID's first item gives its period (duplicates are AM201's)
    by_claims: dict[str, list[tuple[str, str]]] | None = None
    after: date | None = None
    known = _ends(ctx)
    # source ID -> issued_end, once per source, not per item
    ends: dict[str, date | None] = {} if known is None else known
    if known is not None:
        issued = [end for end in known.values() if end is not None]
        if not issued:
            return  # no source has an issue date: none predates a period
        after = min(issued)
        by_claims = _claim_periods(ctx, after)
        # any item's period, from the views: a repeated ID's later item may only let the
        # walk below run, which reads the first item's period
        if not by_claims and not any(map(_PERIOD, ctx.evidence_fields)):
            return
    # each item's ID, source and via from its view (RuleContext.evidence_fields)
    for item_id, source, via, _, _, _, _, _ in ctx.evidence_fields:
        own = first[item_id].period
        periods: Sequence[tuple[str, str | None]] | None
        if own:
            periods = [(own, None)]
        else:
            if by_claims is None:
                by_claims = _claim_periods(ctx)
            periods = by_claims.get(item_id)
            if not periods:
                continue
        for source_id in (source,) if via is None or via == source else (source, via):
            if not source_id:
                continue
            if source_id in ends:
                end = ends[source_id]
            else:
                found = ctx.sources.get(source_id)
                end = ends[source_id] = issued_end(found.issued) if found is not None else None
            if end is None:
                continue
            for period, claim_id in periods:
                start = period_bounds(period)[0]
                if end >= start:
                    continue
                where = f" (the period of claim {claim_id!r})" if claim_id else ""
                yield Problem(
                    f"source {source_id!r} was issued before {period}{where}, the period "
                    f"evidence {item_id!r} is used for",
                    node=item_id,
                    kind="evidence",
                    field=("period",) if claim_id is None else ("source",),
                    hint="cite a source issued after the period, or correct the period or "
                    "the issue date",
                    related=(RelatedRef("the source", node=source_id, kind="sources",
                                        field=("issued",)),),
                    data={"source": source_id, "issued_by": end.isoformat(),
                          "period": period},
                )
