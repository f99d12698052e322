"""AM5xx (quantities and arithmetic): checks are recomputed; each rule fires and stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest
from map_findings import findings


def fold_map(to: int, check: str = "{id: K1, type: fold, from: a, to: b, result: f}") -> str:
    return f"""\
claims:
  - id: C1
    text: Traffic grew 15-fold from 21 thousand to {to} thousand containers.
    quantities:
      - {{id: f, kind: fold, value: 15, text: 15-fold}}
      - {{id: a, kind: count, value: 21, scale: thousand, text: 21 thousand}}
      - {{id: b, kind: count, value: {to}, scale: thousand, text: {to} thousand}}
checks:
  - {check}
"""


def test_fold_check_fails_under_both_readings(tmp_path: Path) -> None:
    (found,) = findings(tmp_path, fold_map(640), "AM501")
    assert found.node == "K1"
    assert "to / from = 30.4762" in found.message
    assert "(to - from) / from = 29.4762" in found.message
    assert found.data["holds"] is False
    assert found.data["relative_error"] == "0.965079"


def test_fold_check_passes_and_says_which_reading_holds(tmp_path: Path) -> None:
    assert findings(tmp_path, fold_map(340), "AM501") == []
    (info,) = findings(tmp_path, fold_map(340), "AM502")
    assert info.data["reading"] == "increase"
    assert "(to - from) / from = 15.1905" in info.message
    assert "not as to / from = 16.1905" in info.message
    assert findings(tmp_path, fold_map(640), "AM502") == []  # neither holds: AM501's


def test_tolerance_widens_the_check(tmp_path: Path) -> None:
    body = fold_map(640, "{id: K1, type: fold, from: a, to: b, result: f, tolerance: 1.1}")
    assert findings(tmp_path, body, "AM501") == []


SHARE = """\
claims:
  - id: C1
    text: In 2019 trade reached USD 4 billion, exports USD 0.6 billion, {share} of it.
    quantities:
      - {{id: t, kind: amount, value: 4, unit: USD, scale: billion, text: USD 4 billion}}
      - {{id: e, kind: amount, value: 0.6, unit: USD, scale: billion, text: USD 0.6 billion}}
      - {{id: s, kind: percent, value: {value}, text: "{share}"}}
checks:
  - {{id: K1, type: share, part: e, whole: t, result: s}}
"""


def test_share(tmp_path: Path) -> None:
    assert findings(tmp_path, SHARE.format(share="15%", value=15), "AM501") == []
    (found,) = findings(tmp_path, SHARE.format(share="25%", value=25), "AM501")
    assert "part / whole x 100 = 15" in found.message


def test_sum_difference_percent_change(tmp_path: Path) -> None:
    body = """\
claims:
  - id: C1
    text: Exports of USD 0.5 billion and imports of USD 2 billion; exports fell by 57%.
    quantities:
      - {id: x, kind: amount, value: 0.5, unit: USD, scale: billion, text: USD 0.5 billion}
      - {id: m, kind: amount, value: 2, unit: USD, scale: billion, text: USD 2 billion}
      - {id: total, kind: amount, value: 2.5, unit: USD, scale: billion}
      - {id: gap, kind: amount, value: 1.5, unit: USD, scale: billion}
      - {id: before, kind: amount, value: 100, unit: USD, scale: million}
      - {id: after, kind: amount, value: 43, unit: USD, scale: million}
      - {id: fall, kind: percent, value: 57, text: 57%}
      - {id: wrong, kind: amount, value: 4, unit: USD, scale: billion}
checks:
  - {id: K1, type: sum, parts: [x, m], total: total}
  - {id: K2, type: difference, minuend: m, subtrahend: x, result: gap}
  - {id: K3, type: percent-change, from: before, to: after, result: fall}
  - {id: K4, type: sum, parts: [x, m], total: wrong}
"""
    (found,) = findings(tmp_path, body, "AM501")
    assert found.node == "K4"
    assert "sum of parts = 2.5e+09" in found.message or "sum of parts = 2500000000" in (
        found.message
    )


def test_conflicting_figures(tmp_path: Path) -> None:
    bad = """\
claims:
  - {id: C1, tags: ["measure:trade"], text: In 2019 trade reached USD 4 billion.}
  - {id: C2, tags: ["measure:trade"], text: In 2019 trade was USD 5 billion.}
  - {id: C3, tags: ["measure:trade"], text: In 2016 trade was USD 2 billion.}
  - {id: C4, text: In 2019 something else was USD 9 billion.}
"""
    (found,) = findings(tmp_path, bad, "AM503")
    assert found.node == "C2"
    assert "'C1' states 'USD 4 billion (2019)'" in found.message
    good = bad.replace("USD 5 billion", "USD 4.2 billion")
    assert findings(tmp_path, good, "AM503") == []


def test_unit_mismatch_in_a_check(tmp_path: Path) -> None:
    body = """\
claims:
  - id: C1
    text: Parts and total.
    quantities:
      - {id: a, kind: amount, value: 1, unit: USD, scale: billion}
      - {id: b, kind: amount, value: 1, unit: EUR, scale: billion}
      - {id: t, kind: amount, value: 2, unit: USD, scale: billion}
      - {id: p, kind: percent, value: 50}
checks:
  - {id: K1, type: sum, parts: [a, b], total: t}
  - {id: K2, type: sum, parts: [a, t], total: t}
  - {id: K3, type: fold, from: a, to: t, result: p}
"""
    found = findings(tmp_path, body, "AM504")
    assert [f.node for f in found] == ["K1", "K3"]
    assert "never converts" in found[0].message
    assert "must be fold or ratio" in found[1].message


def test_a_difference_may_change_kind_as_its_operands_do(tmp_path: Path) -> None:
    """Percent minus percent in percentage points, year minus year in years: no AM504."""
    body = """\
claims:
  - id: C1
    text: Unemployment went from 10% to 15%, up 5 percentage points, two years after 2013.
    quantities:
      - {id: a, kind: percent, value: 10, text: 10%}
      - {id: b, kind: percent, value: 15, text: 15%}
      - {id: pp, kind: percentage-points, value: 5, text: 5 percentage points}
      - {id: y0, kind: year, value: 2013, text: "2013"}
      - {id: y1, kind: year, value: 2015}
      - {id: gap, kind: count, value: 2, unit: years, text: two years}
      - {id: months, kind: count, value: 2, unit: months}
      - {id: share, kind: fraction, value: 0.05}
checks:
  - {id: K1, type: difference, minuend: b, subtrahend: a, result: pp}
  - {id: K2, type: difference, minuend: y1, subtrahend: y0, result: gap}
  - {id: K3, type: difference, minuend: y1, subtrahend: y0, result: months}
  - {id: K4, type: difference, minuend: b, subtrahend: a, result: share}
  - {id: K5, type: difference, minuend: b, subtrahend: y0, result: pp}
"""
    found = findings(tmp_path, body, "AM504")
    assert [f.node for f in found] == ["K3", "K4", "K5"]
    assert "must count years" in found[0].message
    assert "must be percent or percentage-points" in found[1].message
    assert "different kinds" in found[2].message
    # the arithmetic of the wrongly kinded ones fails too: 15 - 10 is not 0.05, nor 2 years
    assert [f.node for f in findings(tmp_path, body, "AM501")] == ["K4", "K5"]


@pytest.mark.parametrize(("check", "operand"), [
    ("{id: K1, type: ratio, numerator: b, denominator: z, result: r}", "denominator"),
    ("{id: K1, type: fold, from: z, to: b, result: f}", "from"),
    ("{id: K1, type: share, part: b, whole: z, result: p}", "whole"),
    ("{id: K1, type: percent-change, from: z, to: b, result: p}", "from"),
])
def test_a_zero_divisor_is_a_finding(tmp_path: Path, check: str, operand: str) -> None:
    """Not "All checks passed": a check with no value fails as not evaluable."""
    body = f"""\
claims:
  - id: C1
    text: Trips went from zero to 5 trips.
    quantities:
      - {{id: z, kind: count, value: 0, unit: trips}}
      - {{id: b, kind: count, value: 5, unit: trips, text: 5 trips}}
      - {{id: r, kind: ratio, value: 2}}
      - {{id: f, kind: fold, value: 2}}
      - {{id: p, kind: percent, value: 50}}
checks:
  - {check}
"""
    (found,) = findings(tmp_path, body, "AM501")
    check_type = check.split("type: ")[1].split(",", maxsplit=1)[0]
    expected = f"{check_type} check 'K1' cannot be evaluated: its {operand} 'z' is zero"
    assert found.message == expected
    assert found.data["evaluable"] is False


def test_conflicting_directions_of_one_measure(tmp_path: Path) -> None:
    bad = """\
claims:
  - {id: C1, tags: ["measure:exports"], text: In 2020 exports fell by 5%.}
  - {id: C2, tags: ["measure:exports"], text: In 2020 exports rose by 5%.}
"""
    (found,) = findings(tmp_path, bad, "AM503")
    assert found.node == "C2"
    assert findings(tmp_path, bad.replace("rose by", "dropped by"), "AM503") == []
