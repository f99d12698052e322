"""Round eight's quicker quote steps give what the code they replaced gave.

Each rewritten step is held to its former version, kept here as the reference, on
hypothesis-generated input, hostile input included.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.anchor import numbers_in

_NUMBER = re.compile(r"\d\d*(?:[.,]\d+)*")
_NUMBER_ASCII = re.compile(r"[0-9][0-9]*(?:[.,][0-9]+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _numbers_in_reference(text: str) -> list[str]:
    """``anchor.numbers_in`` before it skipped the tokens without a comma."""
    found: list[str] = (_NUMBER_ASCII if text.isascii() else _NUMBER).findall(text)
    if "," in text:
        found = [t.replace(",", "") if _THOUSANDS.fullmatch(t) else t for t in found]
    return found


_NUMBERISH = st.text(alphabet="0123,.,, ab\u0663\u0669\uff11\u00a0", max_size=40)


@settings(max_examples=1000, deadline=None)
@given(_NUMBERISH | st.text(max_size=40))
def test_numbers_in_equals_the_reference(text: str) -> None:
    assert numbers_in(text) == _numbers_in_reference(text)
