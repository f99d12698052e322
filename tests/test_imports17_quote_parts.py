"""``argmap._verify.anchor.parse_quote`` stands in for ``quote_parts.parse_quote`` until the
first quote that needs it: then the module is imported and its names are put in anchor's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from argmap._verify import anchor, quote_parts

_SRC = Path(__file__).parent.parent / "src"

_FRESH = """
import sys
import argmap._verify.anchor as anchor
assert "argmap._verify.quote_parts" not in sys.modules, "imported with anchor"
stand_in = anchor.parse_quote
parts = stand_in("the rate [...] rose to [sic] 5 per cent")
from argmap._verify import quote_parts
assert parts == quote_parts.parse_quote("the rate [...] rose to [sic] 5 per cent")
assert anchor.parse_quote is quote_parts.parse_quote
assert anchor.Joint is quote_parts.Joint
assert anchor.ELISION_REACH == quote_parts.ELISION_REACH
assert anchor.INSERTION_MAX_WORDS == quote_parts.INSERTION_MAX_WORDS
assert anchor._GAP.pattern == rf"(?:\\W*\\w+){{0,{quote_parts.INSERTION_MAX_WORDS}}}\\W*"
index = anchor.SnapshotIndex("s", "The rate of growth rose to 5 per cent in 2019.")
assert index.anchor("The rate of [...] rose to 5 per cent").status.value == "exact"
print("ok")
"""


def test_the_parts_module_is_imported_at_the_first_quote_in_parts() -> None:
    done = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True,
                          env={"PYTHONPATH": str(_SRC)}, check=False)
    assert done.stdout.strip() == "ok", done.stderr


@given(st.text(alphabet="ab .[]…sic!", max_size=40))
def test_the_stand_in_parses_as_the_module(exact: str) -> None:
    assert anchor.parse_quote(exact) == quote_parts.parse_quote(exact)
