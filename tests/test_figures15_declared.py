"""Round fifteen reads a declared quantity's fields from the model's own dict, where
pydantic keeps them, not attribute by attribute (``BaseModel.__getattr__`` keeps Python from
specialising those reads). The reading as it was is kept here as the reference: the mention
must be the same, on generated quantities (hostile values too) and on real maps."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap._model import Qualifier, Quantity, QuantityKind, Scale
from argmap._verify.numbers import Mention, from_quantity
from argmap._verify.numbers.declared import declared

ROOT = Path(__file__).resolve().parent.parent


def _old_from_quantity(quantity: Quantity, claim_text: str | None = None) -> Mention:
    """Round fourteen's ``from_quantity``: eight attribute reads."""
    return declared(quantity.kind, str(quantity.value),
                    None if quantity.upper is None else str(quantity.upper), quantity.unit,
                    quantity.scale, quantity.qualifier, quantity.period, quantity.text or "",
                    claim_text)


_VALUES = st.sampled_from([Decimal("4"), Decimal("4.0"), Decimal("0.5"), Decimal("1e30"),
                           Decimal("9" * 60), Decimal("-3")]) | st.decimals(
    allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(list(QuantityKind)), value=_VALUES,
       upper=st.none() | _VALUES, unit=st.sampled_from([None, "USD", "people"]),
       scale=st.sampled_from([None, *Scale]), qualifier=st.sampled_from(list(Qualifier)),
       period=st.sampled_from([None, "2019", "2018/2020"]),
       text=st.sampled_from([None, "", "4", "USD 4 billion", "57%", "over 300"]),
       claim=st.sampled_from([None, "", "Trade reached USD 4 billion in 2019.",
                              "Exports fell by 57%, over 300 firms."]))
def test_from_quantity_reads_as_before(kind: QuantityKind, value: Decimal,
                                       upper: Decimal | None, unit: str | None,
                                       scale: Scale | None, qualifier: Qualifier,
                                       period: str | None, text: str | None,
                                       claim: str | None) -> None:
    quantity = Quantity(id="q", kind=kind, value=value, upper=upper, unit=unit, scale=scale,
                        qualifier=qualifier, period=period, text=text)
    assert repr(from_quantity(quantity, claim)) == repr(_old_from_quantity(quantity, claim))


@pytest.mark.parametrize("folder", [ROOT / "claims" / "fiia-298",
                                    *sorted((ROOT / "tests" / "example-maps").glob("AM30*/*"))])
def test_from_quantity_on_real_maps(folder: Path) -> None:
    argmap_ = argmap.load(folder)
    for claim in argmap_.claims:
        for quantity in claim.quantities:
            assert repr(from_quantity(quantity, claim.text)) == repr(
                _old_from_quantity(quantity, claim.text))
