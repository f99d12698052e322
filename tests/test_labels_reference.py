"""``is_label`` reads the word before a number inline and spells it once for both word
lists, where it called ``word_before`` and ``key`` twice; round six's ``is_label`` in
tests/numbers_reference.py stays the reference, here on words cut by the 48-character
window, words that IGNORECASE equates to ASCII ones ("İn", "ſummer") and hostile text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import numbers_reference as old
from argmap._verify.numbers import grammar
from argmap._verify.numbers.labels import is_label
from argmap._verify.numbers.scanning import mask, matches, starts

_PIECES = ["Article", "ARTICLE", "İtem", "ſummer", "Summer", "KELVIN", "Minsk", "table",
           "x" * 47, "y" * 48, "z" * 60, "(Page", "“Figure", "Belarus", " MPs", " ", "  ",
           "\n", "\n\n", "\t", "5", "2019", "12", " and ", ", ", "-", "Figures", "no."]
_TEXTS = st.one_of(st.text(max_size=80),
                   st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10).map("".join))


@settings(max_examples=500)
@given(_TEXTS)
def test_a_label_is_told_as_round_six_told_it(text: str) -> None:
    masked = mask(text)
    found = [*matches(masked, starts(masked)), *grammar.pattern("PATTERN").finditer(masked)]
    for match in found:
        for label_end in (-1, match.start()):
            assert is_label(match, masked, label_end) == old.is_label(match, masked, label_end)
