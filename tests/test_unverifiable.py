"""Dates and quotes that no snapshot verifies: AM308 (a date only quotes of sources without a
snapshot state) and AM412 (a quote attributed to such a source but verbatim in another's)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap._verify.anchor import SnapshotIndex

SNAPSHOT = (
    "City Transport Report 2023\n\nAfter the protected bike lane opened in June 2022, the "
    "number of cyclists\nrose from 400 to 1,200 per weekday. Car traffic fell slightly.\n"
)


def write_map(tmp_path: Path, body: str) -> Path:
    (tmp_path / "snapshots").mkdir(exist_ok=True)
    (tmp_path / "snapshots" / "s2.txt").write_text(SNAPSHOT, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(body, encoding="utf-8")
    return tmp_path


SOURCES = """\
sources:
  - {id: S1, type: report, title: Survey, issued: "2023-04", URL: "https://example.org/s"}
  - {id: S3, type: report, title: Other, issued: "2023-04", URL: "https://example.org/o"}
  - {id: S2, type: report, title: Report, issued: "2023-04", URL: "https://example.org/r",
     snapshot: {path: snapshots/s2.txt}}
"""


def codes(folder: Path, code: str) -> list[tuple[str | None, str | None]]:
    found = argmap.check(folder)
    assert not [f for f in found if f.code.startswith("AM1")], "the map must load"
    return [(f.node, f.target) for f in found if f.code == code]


# --- AM308 -------------------------------------------------------------------------------------


def test_a_date_only_an_unsnapshotted_quote_states_is_a_warning(tmp_path: Path) -> None:
    folder = write_map(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: The lane opened in June 2022., period: "2022-06",
     evidence: [E1]}
evidence:
  - {id: E1, source: S1, quote: {exact: the lane opened in June 2022}}
""" + SOURCES)
    found = [f for f in argmap.check(folder) if f.code == "AM308"]
    assert {(f.node, f.target) for f in found} == {("T1", "June 2022"), ("T1", "2022-06")}
    assert all(f.severity == argmap.Severity.WARNING for f in found)
    assert "only E1 states it, quoting 'S1', which has no snapshot" in found[0].message


def test_a_date_a_snapshot_also_states_is_verified(tmp_path: Path) -> None:
    """One quote of a snapshot among the quotes stating the date verifies it."""
    folder = write_map(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: The lane opened in June 2022., evidence: [E1, E2]}
evidence:
  - {id: E1, source: S1, quote: {exact: the lane opened in June 2022}}
  - {id: E2, source: S2, quote: {exact: "After the protected bike lane opened in June 2022"}}
""" + SOURCES)
    assert codes(folder, "AM308") == []


def test_an_uncited_date_is_am302s_not_am308s(tmp_path: Path) -> None:
    folder = write_map(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: The lane opened in June 2021., evidence: [E1]}
evidence:
  - {id: E1, source: S1, quote: {exact: the lane opened in June 2022}}
""" + SOURCES)
    assert codes(folder, "AM308") == []
    assert codes(folder, "AM302") == [("T1", "June 2021")]


def test_strict_makes_an_unverifiable_date_an_error(tmp_path: Path) -> None:
    from argmap._engine.config import Config
    from argmap._engine.run import check_loaded

    folder = write_map(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: The lane opened in 2022., evidence: [E1]}
evidence:
  - {id: E1, source: S1, quote: {exact: the lane opened in 2022}}
""" + SOURCES)
    found = check_loaded(argmap.load(folder / "map.yaml"), Config(strict=True))
    assert [f.severity for f in found if f.code == "AM308"] == [argmap.Severity.ERROR]


# --- AM412 -------------------------------------------------------------------------------------


def test_a_quote_verbatim_in_another_snapshot_is_reported(tmp_path: Path) -> None:
    folder = write_map(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: "Cyclists rose from 400 to 1,200 per weekday.", evidence: [E1]}
evidence:
  - {id: E1, source: S1, quote: {exact: "rose from 400 to 1,200 per weekday"}}
""" + SOURCES)
    found = [f for f in argmap.check(folder) if f.code == "AM412"]
    assert [f.node for f in found] == ["E1"]
    assert "verbatim in the snapshot of 'S2'" in found[0].message
    assert "via: S2" in (found[0].hint or "")


@pytest.mark.parametrize("quote", [
    "rose from 400 to 1,500 per weekday",  # a different number: not this text
    "rose from 400",  # too short to say where it comes from
    "Cycling on a street that the report never names",
])
def test_quotes_not_verbatim_elsewhere_are_not_reported(tmp_path: Path, quote: str) -> None:
    folder = write_map(tmp_path, f"""\
title: t
claims:
  - {{id: T1, kind: thesis, text: Cycling rose., evidence: [E1]}}
evidence:
  - {{id: E1, source: S1, quote: {{exact: "{quote}"}}}}
""" + SOURCES)
    assert codes(folder, "AM412") == []


def test_a_quote_held_via_the_snapshot_or_by_another_unsnapshotted_source(
        tmp_path: Path) -> None:
    """``via`` set to the source whose text holds it: anchored, not AM412; a quote that only
    another source without a snapshot could hold is AM407's information, not AM412."""
    folder = write_map(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: "Cyclists rose from 400 to 1,200 per weekday.", evidence: [E1, E2]}
evidence:
  - {id: E1, source: S1, via: S2, quote: {exact: "rose from 400 to 1,200 per weekday"}}
  - {id: E2, source: S1, quote: {exact: "a quote from the printed survey only"}}
""" + SOURCES)
    assert codes(folder, "AM412") == []
    assert codes(folder, "AM407") == [("E2", None)]


def test_an_elided_quote_is_found_by_its_parts(tmp_path: Path) -> None:
    folder = write_map(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: Cycling rose., evidence: [E1]}
evidence:
  - id: E1
    source: S3
    quote: {exact: "the protected bike lane opened … rose from 400 to 1,200 per weekday"}
""" + SOURCES)
    assert codes(folder, "AM412") == [("E1", None)]


def test_holds_is_verbatim_only_and_spends_no_fuzzy_budget() -> None:
    snapshot = SnapshotIndex("S2", SNAPSHOT)
    before = snapshot.fuzzy_left
    assert snapshot.holds("rose from 400 to 1,200 per weekday")
    assert snapshot.holds("rose  from 400 to 1,200\nper weekday")  # whitespace normalised
    assert not snapshot.holds("rose from 400 to 1,300 per weekday")
    assert not snapshot.holds("Car traffic fell sharply")
    assert not snapshot.holds("")
    assert snapshot.fuzzy_left == before
    assert not snapshot.holds("rose from 400 to 1,200 per weekday", chars=5)  # budget spent


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_holds_never_crashes(text: str) -> None:
    snapshot = SnapshotIndex("S2", SNAPSHOT)
    assert snapshot.holds(text) in {True, False}
    assert snapshot.holds(copy.copy(SNAPSHOT[10:60])) in {True, False}
