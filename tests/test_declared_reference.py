"""Round eight's quicker reading of a declared quantity against the code it replaced, kept
here as the reference: the first reading of the span that states the value is found in one
pass (no tuple of the span's readings first), and the kind, scale and qualifier are looked
up by value instead of calling their enumerations. Each must give exactly what the old code
gave, or raise the same error, on any input."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Qualifier, QuantityKind, Scale
from argmap._verify.numbers import Mention, parse
from argmap._verify.numbers.declared import _step_of, declared, locate


def _old_declared(kind: str, value_text: str, upper_text: str | None, unit: str | None,
                  scale: str | None, qualifier: str, period: str | None, text: str,
                  claim_text: str | None) -> Mention:
    """Round seven's ``declared``."""
    value = Decimal(value_text)
    start = locate(text, claim_text) if claim_text and text else -1
    if start >= 0 and claim_text:
        end = start + len(text)
        readings = tuple(m for m in parse(claim_text) if m.start < end and start < m.end)
    else:
        readings = parse(text) if text else ()
    same = next((parsed for parsed in readings if abs(parsed.value) == abs(value)), None)
    if same is not None:
        step, near, direction = same.step, same.near, same.direction
    else:
        step, near, direction = _step_of(value), False, 0
    return Mention(QuantityKind(kind), value, max(start, 0), max(start, 0) + len(text), text,
                   upper=None if upper_text is None else Decimal(upper_text), unit=unit,
                   scale=Scale(scale) if scale else None, qualifier=Qualifier(qualifier),
                   period=period, step=step, near=near, direction=direction)


def _outcome(*args: object) -> object:
    """The result's repr (a NaN value is not equal to itself), or the error's type."""
    try:
        return repr(declared.__wrapped__(*args))
    except Exception as error:  # noqa: BLE001 - the same error, or none, on both sides
        return type(error)


def _old_outcome(*args: object) -> object:
    try:
        return repr(_old_declared(*args))  # type: ignore[arg-type]
    except Exception as error:  # noqa: BLE001 - the same error, or none, on both sides
        return type(error)


_PIECES = st.sampled_from([
    "In 2019 ", "trade fell by 57% ", "about 300 firms", "USD 18.79 million ", "4.0 ", "4 ",
    "just over 12 cases", "1,097 files", "a fifth of ", "x", "3.97 times", "1097", "-57%",
    "between 30 and 40 million", "300 300", " 4 4.0 4", "2014-2019", "twice", "5m", "\n",
])
_TEXTS = st.one_of(st.lists(_PIECES, max_size=6).map("".join), st.text(max_size=20))
_WRITTEN = st.one_of(st.sampled_from(
    ["300", "18.79", "4", "4.0", "1E+3", "-57", "2019", "0.5", "12", "1097", "3.97", "-0",
     "57", "1e999999", "1E+1000000", "NaN", "sNaN", "Infinity", "x"]),
    st.decimals(allow_nan=True, allow_infinity=True).map(str))
_ENUM = st.sampled_from


@settings(max_examples=500)
@given(_ENUM([*QuantityKind, "amount", "count", "weird"]), _WRITTEN,
       st.none() | _WRITTEN, st.none() | st.sampled_from(["USD", "files"]),
       st.none() | _ENUM([*Scale, "million", "", "lots"]),
       _ENUM([*Qualifier, "exact", "over", "nope"]), st.none() | st.sampled_from(["2019"]),
       _TEXTS, st.none() | _TEXTS)
def test_a_declared_quantity_reads_what_it_read_before(
        kind: str, value_text: str, upper_text: str | None, unit: str | None, scale: str | None,
        qualifier: str, period: str | None, text: str, claim_text: str | None) -> None:
    args = (kind, value_text, upper_text, unit, scale, qualifier, period, text, claim_text)
    assert _outcome(*args) == _old_outcome(*args)


@settings(max_examples=300)
@given(_WRITTEN, _TEXTS, st.lists(_PIECES, max_size=5).map("".join))
def test_a_declared_text_in_its_claim_reads_what_it_read_before(
        written: str, text: str, claim: str) -> None:
    """The declared text placed inside the claim's text, so that its span's readings count."""
    for claim_text in (claim + text, text + claim, claim + " " + text + " " + claim):
        args = ("count", written, None, None, None, "exact", None, text, claim_text)
        assert _outcome(*args) == _old_outcome(*args)
