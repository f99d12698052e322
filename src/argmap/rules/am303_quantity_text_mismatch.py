"""A declared quantity does not agree with the words of the claim it came from.

``claims[].quantities`` make a figure explicit for arithmetic checks; its ``text`` must be a
span of the claim's text that stands as a whole figure ("97" inside "397" or "201" inside
"2017" does not), and that span must read as the same kind, value, range, scale, currency,
count unit and qualifier. Otherwise the check verifies a number the claim does not state.
An n-fold change may be declared as a ratio ("2.5 times").

FAIL::

    claims:
      - id: C1
        text: Exports fell by 57%.
        quantities:
          - {id: q1, kind: percent, value: 75, text: 57%}

PASS::

        quantities:
          - {id: q1, kind: percent, value: 57, text: 57%}
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from decimal import MAX_EMAX, Decimal, localcontext
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._model import QuantityKind
from argmap._verify.compare import EXACT, declared_mentions, same_count_unit, shown
from argmap._verify.numbers import Mention, format_mention, parse, periods_overlap
from argmap._verify.numbers.declared import locate, mention_of

CODE = "AM303"
ID = "quantity-text-mismatch"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}

K = QuantityKind
_MULTIPLES = frozenset({K.FOLD, K.RATIO})  # "2.5 times" reads as a fold, may be a ratio
#: read once: Python 3.11 reads a member off its enumeration through EnumType.__getattr__
_AMOUNT, _COUNT = K.AMOUNT, K.COUNT


def _kind_differs(declared: Mention, read: Mention) -> bool:
    if declared.kind in _MULTIPLES and read.kind in _MULTIPLES:
        return False
    return declared.kind != read.kind


def _differences(declared: Mention, read: Mention) -> list[str]:
    scale = declared.scale
    if (scale == read.scale and declared.value == read.value
            and (scale is None or _scales_safely(declared.value))
            and declared.upper == read.upper
            and (scale is None or declared.upper is None or _scales_safely(declared.upper))):
        # most readings: the same value and upper end at the same scale, so the same
        # magnitudes (Decimal equality is exact; a scale's product overflows nowhere near
        # here, where :func:`_compare` raised); with the same kind, unit and qualifier, and
        # periods :func:`_compare` lets pass (equal, one missing, or overlapping), none of
        # its comparisons differs. Half the quantities of the benchmark maps have a scale or
        # a period the text does not repeat, which entered the exact context or the
        # comparisons (AM303 on the 1,000-claim map 15.3 -> 13.9 M instructions)
        if (declared.kind == read.kind and declared.unit == read.unit
                and declared.qualifier == read.qualifier
                and (not declared.period or not read.period
                     or periods_overlap(declared.period, read.period))):
            return []
        if scale is None:  # no scale to multiply: no arithmetic the context could round
            return _compare(declared, read)
    with localcontext(EXACT):  # "9" x 5,000 is not "9" x 4,999 then "8"
        return _compare(declared, read)


#: A value of at most this adjusted exponent times a scale's factor (10**12 at most) stays
#: within the exact context's exponent limit.
_SAFE_EXPONENT = MAX_EMAX - 13


def _scales_safely(value: Decimal) -> bool:
    return value.adjusted() <= _SAFE_EXPONENT


def _compare(declared: Mention, read: Mention) -> list[str]:
    found = []
    if _kind_differs(declared, read):
        found.append(f"kind {declared.kind.value} vs {read.kind.value}")
    if declared.magnitude != read.magnitude:
        found.append(f"value {_plain(declared.magnitude)} vs {_plain(read.magnitude)}")
    if declared.upper_magnitude != read.upper_magnitude:
        found.append(f"upper {_plain(declared.upper_magnitude)} vs "
                     f"{_plain(read.upper_magnitude)}")
    if declared.kind == read.kind == _AMOUNT and declared.unit != read.unit:
        found.append(f"currency {declared.unit} vs {read.unit}")
    if declared.kind == read.kind == _COUNT and not same_count_unit(declared.unit, read.unit):
        found.append(f"unit {declared.unit} vs {read.unit}")
    if declared.qualifier != read.qualifier:
        found.append(f"qualifier {declared.qualifier.value} vs {read.qualifier.value}")
    if declared.period and read.period and not periods_overlap(declared.period, read.period):
        found.append(f"period {declared.period} vs {read.period}")
    return found


def _plain(value: Any) -> str:
    return "none" if value is None else shown(format(value.normalize(), "f"))


def _article(kind: QuantityKind) -> str:
    name = kind.value.replace("-", " ")
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def check(ctx: RuleContext) -> Iterator[Problem]:
    # each field read once (a read of a model's field costs about 450 instructions), the
    # claim's from its view (RuleContext.claim_fields)
    memo = declared_mentions(ctx)  # the quantities as the figures read them: read once a map
    for claim_id, claim_text, _, _, quantities, _, _, _, _ in ctx.claim_fields:
        if not quantities:
            continue  # most claims declare none: their figures need no reading here
        found = parse(claim_text)
        starts = [m.start for m in found]
        for index, quantity in enumerate(quantities):
            text = quantity.text
            if not text:
                continue
            field = ("quantities", index, "text")
            start = locate(text, claim_text)
            if start < 0:
                inside = text in claim_text
                yield Problem(
                    f"quantity {quantity.id!r}: {shown(text)!r} does not occur in the "
                    "claim's text" + (" as a whole figure, only inside a longer number or "
                                      "word" if inside else ""),
                    node=claim_id, kind="claims", field=field, target=text,
                    hint="copy the figure's words from the claim's text exactly",
                )
                continue
            declared = mention_of(memo, quantity, claim_text)
            end = start + len(text)
            # mentions are in text order and do not overlap: those before ``end`` that end
            # after ``start`` are the last few before bisect's position
            at = bisect_left(starts, end)
            if at and found[at - 1].end > start and (at == 1 or found[at - 2].end <= start):
                # one reading (most quantities): its differences, without a list of them
                read = found[at - 1]
                differences = _differences(declared, read)
                if differences:
                    yield _mismatch(quantity.id, text, declared, read, differences,
                                    index, claim_id)
                continue
            in_context = []
            while at > 0 and found[at - 1].end > start:
                in_context.append(found[at - 1])
                at -= 1
            in_context.reverse()
            readings = in_context or list(parse(text))
            if not readings:
                yield Problem(
                    f"quantity {quantity.id!r}: no figure can be read in {shown(text)!r}",
                    node=claim_id, kind="claims", field=field, target=text,
                    hint="point text at the words that state the number",
                )
                continue
            problems = [_differences(declared, read) for read in readings]
            if any(not p for p in problems):
                continue
            best = min(range(len(readings)), key=lambda i: len(problems[i]))
            read = readings[best]
            yield _mismatch(quantity.id, text, declared, read, problems[best],
                            index, claim_id)


def _mismatch(quantity_id: str, text: str, declared: Mention, read: Mention,
              problems: list[str], index: int, claim_id: str) -> Problem:
    text = shown(text)
    if problems == [f"kind {declared.kind.value} vs {read.kind.value}"]:
        message = (f"quantity {quantity_id!r} is declared as {_article(declared.kind)} "
                   f"({shown(format_mention(declared))!r}) but its text {text!r} reads as "
                   f"{_article(read.kind)} ({shown(format_mention(read))!r}); only the kind "
                   "differs")
        hint = f"declare kind: {read.kind.value}"
    else:
        message = (f"quantity {quantity_id!r} declares {shown(format_mention(declared))!r} but "
                   f"its text {text!r} reads as {shown(format_mention(read))!r} "
                   f"({'; '.join(problems)})")
        hint = "make the declared value, unit, scale and qualifier match the words"
    return Problem(
        message, node=claim_id, kind="claims", field=("quantities", index), target=text, hint=hint,
        data={"declared": format_mention(declared), "read": format_mention(read)},
    )
