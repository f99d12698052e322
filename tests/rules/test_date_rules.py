"""Dates cited like figures (AM302, AM603), impossible source dates (AM604) and figures that
nothing verifies (AM306), on small maps: each fires where it should and only there."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from map_findings import findings

import argmap
from argmap import Finding, Severity
from argmap._engine.config import Config
from argmap._engine.run import check_loaded


def dated(claim: str, quote: str, *, issued: str | None = "2021-05-02", extra: str = "",
          quote_extra: str = "", evidence_extra: str = "") -> str:
    """A one-claim map whose claim cites one quote of S1."""
    issue = f", issued: {issued}" if issued else ""
    return f"""\
claims:
  - {{id: C1, kind: thesis, text: "{claim}", evidence: [E1]{extra}}}
evidence:
  - {{id: E1, source: S1{evidence_extra}, quote: {{exact: "{quote}"{quote_extra}}}}}
sources:
  - {{id: S1, title: Trade report{issue}}}
"""


def errors(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.severity is Severity.ERROR]


# --- AM302: each date form, stated or not ------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "quote"),
    [
        ("Belarus joined the initiative in 2013.", "joined the initiative in 2013"),
        ("In 2014-2019 investment grew.", "investment grew between 2014 and 2019"),
        ("In January-March 2020 exports fell.", "In January–March 2020, exports fell"),
        ("In 2019 trade fell.", "in 2019, trade fell"),
        ("On 12 March 2020 the border closed.", "the border closed on 12 March 2020"),
        ("The border closed in March 2020.", "the border closed on 12 March 2020"),
        ("The border closed in 2020.", "the border closed on 12 March 2020"),
        ("Since 2014 relations have frozen.", "relations froze in 2014"),
        ("In 2019 trade fell.", "trade fell every year in 2014–2019"),
        ("In 2013–2018 traffic grew.", "from 21 thousand in 2013 to 340 thousand in 2018"),
        ("He visited on December 3-6.", "he visited China on December 3–6"),
    ],
)
def test_dates_a_quote_states_pass(tmp_path: Path, claim: str, quote: str) -> None:
    assert findings(tmp_path, dated(claim, quote), "AM302") == []


@pytest.mark.parametrize(
    ("claim", "quote", "shown", "closest"),
    [
        ("Belarus joined the initiative in 2014.", "joined the initiative in 2013", "'2014'",
         "'2013'"),
        ("In 2015-2019 investment grew.", "investment grew between 2014 and 2019",
         "'2015-2019' (2015/2019)", "'2014 and 2019' (2014/2019)"),
        ("In January-April 2020 exports fell.", "In January–March 2020, exports fell",
         "'January-April 2020' (2020-01/2020-04)", "'January–March 2020' (2020-01/2020-03)"),
        ("In 2018 trade fell.", "in 2019, trade fell", "'2018'", "'2019'"),
        ("On 13 March 2020 the border closed.", "the border closed on 12 March 2020",
         "'13 March 2020' (2020-03-13)", "'12 March 2020' (2020-03-12)"),
        ("The border closed in April 2020.", "the border closed on 12 March 2020",
         "'April 2020' (2020-04)", "'12 March 2020'"),
        ("He visited on December 4-6.", "he visited China on December 3–6", "'December 4-6'",
         None),
        ("In 2019 trade fell.", "trade fell", "'2019'", None),
    ],
)
def test_dates_no_quote_states_are_errors(
    tmp_path: Path, claim: str, quote: str, shown: str, closest: str | None
) -> None:
    (found,) = findings(tmp_path, dated(claim, quote), "AM302")
    assert found.severity is Severity.ERROR
    assert found.message.startswith(f"date {shown} is not cited: no quote of E1 states it")
    if closest is not None:
        assert f"closest: E1 says {closest}" in found.message
        assert found.related[0].node == "E1"
    assert found.location is not None
    assert found.location.line == 3
    assert found.data["field"] == "text"


def test_the_period_field_is_compared_too(tmp_path: Path) -> None:
    good = dated("Trade fell.", "in 2019, trade fell", extra=", period: 2019")
    assert findings(tmp_path, good, "AM302") == []
    (found,) = findings(tmp_path, dated("Trade fell.", "in 2019, trade fell",
                                        extra=", period: 2018"), "AM302")
    assert found.message.startswith("the claim's period 2018 is not cited")
    assert found.data["field"] == "period"
    assert found.location is not None
    assert found.location.column > 40  # at the period, not the text


def test_prefix_and_suffix_state_dates_and_bracketed_insertions_do_not(tmp_path: Path) -> None:
    claim = "On December 3-6, 2013 he visited China."
    quote = "on December 3–6, he visited China"
    assert len(findings(tmp_path, dated(claim, quote), "AM302")) == 1
    prefix = ', prefix: "On 28 November 2013 he declined to sign. Instead, "'
    assert findings(tmp_path, dated(claim, quote, quote_extra=prefix), "AM302") == []
    suffix = ', suffix: " in 2013"'
    assert findings(tmp_path, dated("He visited China in 2013.", "he visited China",
                                    quote_extra=suffix), "AM302") == []
    inserted = "[in 2013] he visited China"
    assert len(findings(tmp_path, dated("He visited China in 2013.", inserted), "AM302")) == 1


def test_the_evidence_period_states_no_date(tmp_path: Path) -> None:
    body = dated("The ban was lifted in 2019.", "the ban was lifted",
                 evidence_extra=", period: 2019")
    (found,) = findings(tmp_path, body, "AM302")
    assert "'2019'" in found.message


def test_a_declared_year_the_text_reading_misses_is_compared(tmp_path: Path) -> None:
    body = dated("The park opened mid-2019.", "the park opened",
                 extra=", quantities: [{id: Q1, kind: year, value: 2019, text: mid-2019}]")
    assert [f.data["period"] for f in findings(tmp_path, body, "AM302")] == ["2019"]


# --- the mutants of issue 13 ----------------------------------------------------------------

BASE = """\
claims:
  - {id: T1, kind: thesis, text: China gained a transit route., evidence: [E1]}
  - id: P1
    kind: premise
    period: 2019-06
    text: Russia lifted its transit ban in June 2019.
    evidence: [E2]
    quantities:
      - {id: Q1, kind: date, value: 2019, period: 2019-06, text: June 2019}
  - id: P2
    kind: premise
    period: 2019
    text: In 2019 bilateral trade reached USD 4 billion.
    evidence: [E3]
    quantities:
      - {id: Q2, kind: amount, value: 4, unit: USD, scale: billion, period: 2019,
         text: USD 4 billion}
relations:
  - {id: R1, type: supports, from: [P1, P2], to: T1}
evidence:
  - {id: E1, source: S1, quote: {exact: China gained a transit route}}
  - {id: E2, source: S1, quote: {exact: "In June 2019, Russia lifted the transit ban"}}
  - {id: E3, source: S1, quote: {exact: "In 2019, bilateral trade reached USD 4 billion"}}
sources:
  - {id: S1, title: Trade report, issued: 2020-12}
"""


def run(tmp_path: Path, body: str) -> list[Finding]:
    path = tmp_path / "map.yaml"
    path.write_text("title: Mutants\n" + body, encoding="utf-8")
    return check_loaded(argmap.load(path), Config())


def test_the_base_map_of_the_mutants_has_no_errors(tmp_path: Path) -> None:
    assert errors(run(tmp_path, BASE)) == []


_TEXT = ("ban in June 2019.", "ban in June 2018.")
_QUANTITY = ("value: 2019, period: 2019-06, text: June 2019",
             "value: 2018, period: 2018-06, text: June 2018")
_PERIOD = ("period: 2019-06\n", "period: 2018-06\n")
_LATE = [("ban in June 2019.", "ban in June 2021."),
         ("value: 2019, period: 2019-06, text: June 2019",
          "value: 2021, period: 2021-06, text: June 2021"),
         ("period: 2019-06\n", "period: 2021-06\n")]
_FIGURE_YEAR = [("In 2019 bilateral", "In 2018 bilateral"),
                ("period: 2019,\n         text: USD", "period: 2018,\n         text: USD"),
                ("period: 2019\n", "period: 2018\n")]


@pytest.mark.parametrize(
    ("name", "replacements", "expected", "absent"),
    [
        ("year in the text", [_TEXT], {"AM302"}, set()),  # AM303 also names the quantity
        ("year in the text and the quantity", [_TEXT, _QUANTITY, _PERIOD], {"AM302"}, set()),
        ("period field", [_PERIOD], {"AM302"}, set()),
        ("date past the issue date", _LATE, {"AM302", "AM601"}, set()),
        # the year of a figure: AM301 reports the figure's period, AM302 does not repeat it
        ("figure year in the text and quantity", _FIGURE_YEAR, {"AM301"}, {"AM302"}),
    ],
)
def test_a_changed_date_fails_with_an_error(
    tmp_path: Path, name: str, replacements: list[tuple[str, str]], expected: set[str],
    absent: set[str],
) -> None:
    body = BASE
    for old, new in replacements:
        assert old in body, (name, old)
        body = body.replace(old, new)
    codes = {f.code for f in errors(run(tmp_path, body))}
    assert expected <= codes, name
    assert not absent & codes, name


# --- concluded claims -----------------------------------------------------------------------

CONCLUDED = """\
claims:
  - {id: T1, kind: thesis, text: Since 2014 relations have frozen.}
  - {id: P1, kind: premise, text: The programme lapsed., evidence: [E1]}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
evidence:
  - {id: E1, source: S1, quote: {exact: the programme lapsed}}
sources:
  - {id: S1, title: Report, issued: 2020}
"""


def test_a_concluded_claim_without_evidence_keeps_its_exemption(tmp_path: Path) -> None:
    assert findings(tmp_path, CONCLUDED, "AM302") == []
    strict = Config(options={"AM302": {"exempt_concluded": False}})
    (found,) = findings(tmp_path, CONCLUDED, "AM302", strict)
    assert found.message == "the claim dates its statement ('2014') but cites no evidence"


def test_an_unsupported_claim_without_evidence_is_an_error(tmp_path: Path) -> None:
    body = "claims:\n  - {id: C1, kind: thesis, text: Belarus joined the BRI in 2013.}\n"
    (found,) = findings(tmp_path, body, "AM302")
    assert found.severity is Severity.ERROR
    assert "('2013') but cites no evidence" in found.message


def test_a_concluded_claim_with_evidence_has_its_dates_compared(tmp_path: Path) -> None:
    body = CONCLUDED.replace(
        "text: Since 2014 relations have frozen.}",
        "text: Since 2014 relations have frozen., evidence: [E2]}",
    ).replace(
        "sources:\n",
        "  - {id: E2, source: S1, quote: {exact: relations have frozen since 2015}}\nsources:\n",
    )
    (found,) = findings(tmp_path, body, "AM302")
    assert "date '2014' is not cited" in found.message
    assert "closest: E2 says '2015'" in found.message


# --- relative dates: AM302 and AM603 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "quote", "issued", "am302", "am603"),
    [
        # the claim's relative date, dated by the issue date of the quote's source
        ("Exports fell last year.", "exports fell in 2019", "2020-05", 0, 0),
        ("Exports fell last year.", "exports fell in 2019", "2021", 1, 0),
        ("Exports fell last year.", "exports fell in 2019", None, 0, 1),
        ("Exports fell two years ago.", "exports fell in 2018", "2020", 0, 0),
        ("Exports fell last month.", "exports fell in April 2020", "2020-05-02", 0, 0),
        # the quote's relative date
        ("In 2019 exports fell.", "exports fell last year", "2020-05", 0, 0),
        ("In 2018 exports fell.", "exports fell last year", "2020-05", 1, 0),
        ("In 2019 exports fell.", "exports fell last year", None, 0, 1),
        # the same phrase on both sides needs no date
        ("Exports fell last year.", "exports fell last year", None, 0, 0),
        ("Exports grew in recent years.", "exports grew in recent years", "2020", 0, 0),
        # a phrase with no definite period
        ("Exports grew in recent years.", "exports grew", "2020", 0, 1),
    ],
)
def test_relative_dates(tmp_path: Path, claim: str, quote: str, issued: str | None,
                        am302: int, am603: int) -> None:
    body = dated(claim, quote, issued=issued)
    assert len(findings(tmp_path, body, "AM302")) == am302
    found = findings(tmp_path, body, "AM603")
    assert len(found) == am603
    for finding in found:
        assert finding.severity is Severity.INFO
        assert "cannot be checked" in finding.message


def test_a_resolved_relative_date_shows_what_it_means(tmp_path: Path) -> None:
    (found,) = findings(tmp_path, dated("Exports fell last year.", "exports fell in 2019",
                                        issued="2021"), "AM302")
    assert found.message.startswith("date 'last year' (2020) is not cited")


def test_unresolved_messages_name_the_source(tmp_path: Path) -> None:
    (found,) = findings(tmp_path, dated("In 2019 exports fell.", "exports fell last year",
                                        issued=None), "AM603")
    assert found.message == ("date '2019' cannot be checked: no quote states '2019', but E1 "
                             "says 'last year' and S1 has no issue date")
    (found,) = findings(tmp_path, dated("Exports fell last year.", "exports fell in 2019",
                                        issued=None), "AM603")
    assert "is dated by the source's issue date, and S1 gives none" in found.message


# --- AM604: impossible source dates -------------------------------------------------------------


def test_impossible_source_dates(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: C1, kind: thesis, text: Exports fell last year., evidence: [E1]}
evidence:
  - {id: E1, source: S1, quote: {exact: exports fell in 2019}}
sources:
  - {id: S1, title: Report, issued: {date-parts: [[10000000000000000000000, 1, 1]]},
     accessed: {date-parts: [[2023, 2, 30]]}}
"""
    found = findings(tmp_path, body, "AM604")
    assert [f.message for f in found] == [
        "source 'S1': the issued date is not a calendar date: the year of about 23 digits is "
        "outside 1-9999",
        "source 'S1': the accessed date is not a calendar date: 2023-02 has no day 30",
    ]
    assert all(f.severity is Severity.ERROR for f in found)
    path = tmp_path / "map.yaml"
    result = check_loaded(argmap.load(path), Config())
    assert not [f for f in result if f.code in ("AM000", "AM410", "AM601")]
    assert [f.code for f in result if f.code == "AM603"] == ["AM603"]  # no issue date to use


# --- AM306: figures nothing verifies ----------------------------------------------------------

UNVERIFIABLE = """\
claims:
  - {id: C1, kind: thesis, text: Exports fell by 57% in 2020., evidence: [E1, E2]}
evidence:
  - {id: E1, source: S1, quote: {exact: exports fell by 57% in 2020}}
  - {id: E2, source: S2, quote: {exact: Exports}}
sources:
  - {id: S1, title: Customs bulletin}
  - {id: S2, title: Trade report, snapshot: {path: s2.txt}}
"""


def test_a_figure_only_an_unverifiable_quote_states_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "s2.txt").write_text("Exports fell by 57% in 2020.\n", encoding="utf-8")
    (found,) = findings(tmp_path, UNVERIFIABLE, "AM306")
    assert found.severity is Severity.WARNING
    assert found.message == ("figure '57%' (falling 57% (2020)) cannot be verified: only E1 "
                             "states it, "
                             "quoting 'S1', which has no snapshot")
    assert found.node == "C1"
    assert found.related[0].node == "E1"


def test_a_figure_a_snapshot_verifies_is_silent(tmp_path: Path) -> None:
    (tmp_path / "s2.txt").write_text("Exports fell by 57% in 2020.\n", encoding="utf-8")
    body = UNVERIFIABLE.replace("{exact: Exports}", "{exact: Exports fell by 57% in 2020}")
    assert findings(tmp_path, body, "AM306") == []


def test_evidence_re_pointed_to_a_source_without_a_snapshot(tmp_path: Path) -> None:
    (tmp_path / "s2.txt").write_text("Exports fell by 57% in 2020.\n", encoding="utf-8")
    body = UNVERIFIABLE.replace("{exact: Exports}", "{exact: Exports fell by 57% in 2020}")
    moved = body.replace("{id: E2, source: S2,", "{id: E2, source: S1,")
    found = findings(tmp_path, moved, "AM306")
    assert [f.data["evidence"] for f in found] == [["E1", "E2"]]
    assert "only E1, E2 state it" in found[0].message


def test_a_derived_figure_is_left_to_the_arithmetic_rules(tmp_path: Path) -> None:
    body = """\
claims:
  - id: C1
    kind: thesis
    text: Cyclists rose from 400 to 1,200, a threefold rise.
    evidence: [E1]
    quantities:
      - {id: A, kind: count, value: 400, text: "400"}
      - {id: B, kind: count, value: 1200, text: "1,200"}
      - {id: F, kind: fold, value: 3, text: threefold}
evidence:
  - {id: E1, source: S1, quote: {exact: "rose from 400 to 1,200, a threefold rise"}}
sources:
  - {id: S1, title: City report}
checks:
  - {id: X1, type: fold, claim: C1, from: A, to: B, result: F}
"""
    found = findings(tmp_path, body, "AM306")
    assert sorted(f.data["figure"] for f in found) == ["1,200", "400"]


# --- no input crashes a date rule -------------------------------------------------------------

_PIECES = st.sampled_from([
    "In ", "2019", "2014–2019", "January", "-", "March ", "2020", "12 ", "last year", " ago",
    "two years", "recent years", " and ", "December 3–6", ", ", "since ", "the past ", "five",
    "[in 2019]", "0000", "9999", "mid-", "years", "this month", " ", "USD 4 billion", "57%",
])
_ISSUED = st.one_of(
    st.none(),
    st.sampled_from(["2020", "2020-05", "2020-05-02", "0001", "9999-12"]),
    st.lists(st.lists(st.one_of(st.integers(), st.text(max_size=4)), max_size=4),
             min_size=1, max_size=2).map(lambda parts: {"date-parts": parts}),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join), st.lists(_PIECES, max_size=10).map("".join),
       _ISSUED, st.sampled_from([None, "2019", "2018/2019", "9999-12", "0001"]))
def test_no_text_quote_or_date_crashes_a_rule(
    claim: str, quote: str, issued: object, period: str | None
) -> None:
    data: dict[str, object] = {
        "title": "Fuzz",
        "claims": [{"id": "C1", "kind": "thesis", "text": claim or "x", "evidence": ["E1"],
                    **({"period": period} if period else {})}],
        "evidence": [{"id": "E1", "source": "S1", "quote": {"exact": quote or "x"}}],
        "sources": [{"id": "S1", "title": "Report", **({"issued": issued} if issued else {})}],
    }
    found = check_loaded(argmap.ArgumentMap.model_validate(data), Config(select=("AM3", "AM6",
                                                                                 "AM4")))
    assert not [f for f in found if f.code == "AM000"], found
