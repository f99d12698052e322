"""The briefing paper's map in claims/fiia-298 is complete and agrees with the paper's text.

These tests hold the map to the issue's completeness rules: every footnote that cites a
publication is a source with the data the footnote gives, every source and evidence item is
used, every quote is found in the snapshot, every figure in a claim is in one of its quotes,
every figure the number grammar finds in the paper is a quantity in the map, the figure list in
docs/paper/figures.md matches the map, and the arithmetic checks say what the paper's numbers
say. They read the map and the snapshot only: no network, no system Graphviz.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

import argmap

if TYPE_CHECKING:
    from argmap._model import ArgumentMap, Claim, Evidence, Quantity

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "claims" / "fiia-298"
SNAPSHOT = MAP / "snapshots" / "fiia-298.txt"
FIGURES_DOC = ROOT / "docs" / "paper" / "figures.md"
PAPER = "fiia-298"

#: sha256 of the seed text (../shared/seeds/000_22a89b15aa0875b4.txt); the snapshot is a byte copy.
SEED_SHA256 = "1ab36efd6d663c82b0f72d06e03b8915283d89ebcda8835fe78505946cf3202f"

#: The nine footnotes that cite a publication, and the source each one is in the map.
FOOTNOTE_SOURCES = {
    2: "ap-2019-uighurs",
    3: "belta-2020-external-forces",
    4: "mfa-2020-08-26-press-conference",
    6: "gruzinskaya-credit-cooperation",
    7: "tutby-2020-satellite-debt",
    8: "xinhua-2017-vice-premier",
    9: "neweurope-wolf-warrior",
    10: "inventure-2020-investment",
    11: "globaltimes-2020-protectionism",
}
#: Notes 1 and 5 are the authors' own remarks: their evidence cites the paper.
AUTHOR_NOTES = {1, 5}

# The counts docs/paper/README.md and docs/paper/figures.md state.
N_CLAIMS = 133
N_RELATIONS = 144
N_EVIDENCE = 167
N_SOURCES = 10
N_FIGURE_QUANTITIES = 43  # amounts, counts, percentages, fractions, n-fold changes
N_TEMPORAL_QUANTITIES = 45  # dated events: years and dates
N_CHECKS = 2

#: Mentions the number grammar finds that are not figures of the paper, with the reason.
NOT_FIGURES = {
    "2019.7": "the year 2019 followed by the marker of footnote 7 (read as one number)",
}


# --- helpers ------------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Join words split by a line-end hyphen, unify quote marks, collapse whitespace."""
    text = re.sub(r"-[ \t]*\n\s*", "", text)
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def paper_map() -> ArgumentMap:
    return argmap.load(MAP)


@pytest.fixture(scope="module")
def snapshot() -> str:
    return SNAPSHOT.read_text(encoding="utf-8")


def _evidence(m: ArgumentMap) -> dict[str, Evidence]:
    return {e.id: e for e in m.evidence}


def _quantities(m: ArgumentMap) -> list[tuple[Claim, Quantity]]:
    return [(c, q) for c in m.claims for q in c.quantities]


# --- loading, sizes, the CLI -------------------------------------------------------------------


def test_the_map_loads_with_the_stated_counts(paper_map: ArgumentMap) -> None:
    from argmap._verify.numbers import FIGURE_KINDS

    kinds = [q.kind for _, q in _quantities(paper_map)]
    assert len(paper_map.claims) == N_CLAIMS
    assert len(paper_map.relations) == N_RELATIONS
    assert len(paper_map.evidence) == N_EVIDENCE
    assert len(paper_map.sources) == N_SOURCES
    assert sum(k in FIGURE_KINDS for k in kinds) == N_FIGURE_QUANTITIES
    assert sum(k not in FIGURE_KINDS for k in kinds) == N_TEMPORAL_QUANTITIES
    assert len(paper_map.checks) == N_CHECKS


def test_argmap_check_reports_no_errors() -> None:
    from argmap.cli import cli

    result = CliRunner().invoke(cli, ["check", str(MAP)])
    assert result.exit_code == 0, result.output


def test_the_map_file_points_editors_at_the_schema() -> None:
    first = (MAP / "map.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/argmap.schema.json"


# --- the argument -------------------------------------------------------------------------------


def test_sections_follow_the_paper(paper_map: ArgumentMap) -> None:
    titles = [s.title for s in paper_map.sections if s.parent is None]
    assert titles == [
        "Introduction",
        "The significance of Belarus and Ukraine for China since 2013",
        "China-Belarus relations",
        "China in Ukraine",
        "The implications for Sino-Russian relations",
        "Conclusion",
    ]
    used = {c.section for c in paper_map.claims}
    assert {s.id for s in paper_map.sections} <= used


def test_theses_stand_and_the_western_view_is_answered(paper_map: ArgumentMap) -> None:
    from argmap._verify.argumentation import analyse

    theses = [c.id for c in paper_map.claims if c.kind == "thesis"]
    objections = [c.id for c in paper_map.claims if c.kind == "objection"]
    assert theses == ["T1", "T2"]
    assert objections == ["O-WEST"]
    labels = analyse(paper_map).claims
    assert labels["T1"] == labels["T2"] == "in"
    assert labels["O-WEST"] == "out"
    attackers = {
        r.from_[0] for r in paper_map.relations if r.type == "attacks" and r.to == "O-WEST"
    }
    assert attackers == {"C-IMPL-NO-TENSION", "C-IMPL-MITIGATED"}


def test_the_three_mitigating_factors_support_the_implications(paper_map: ArgumentMap) -> None:
    into = {r.from_[0] for r in paper_map.relations if r.to == "C-IMPL-MITIGATED"}
    assert into == {"C-IMPL-REDLINES", "C-IMPL-BRI-RUSSIA", "C-IMPL-US"}


# --- sources ------------------------------------------------------------------------------------


def test_the_paper_has_its_full_record(paper_map: ArgumentMap) -> None:
    sources = {s.id: s for s in paper_map.sources}
    paper = sources[PAPER]
    assert paper_map.subject == PAPER
    assert paper.type == "report"
    assert paper.title == (
        "China's policy towards Belarus and Ukraine: A limited challenge to Sino-Russian relations"
    )
    assert paper.collection_title == "FIIA Briefing Paper"
    assert str(paper.number) == "298"
    assert paper.publisher == "Finnish Institute of International Affairs (FIIA)"
    assert paper.publisher_place == "Helsinki"
    assert paper.issued == "2020-12"
    assert [(a.family, a.given) for a in paper.author or []] == [
        ("Nizhnikau", "Ryhor"),
        ("Kaczmarski", "Marcin"),
    ]
    assert (
        paper.url == "https://www.fiia.fi/en/publication/chinas-policy-towards-belarus-and-ukraine"
    )


def test_the_snapshot_is_the_seed_text_with_its_fingerprint(paper_map: ArgumentMap) -> None:
    paper = next(s for s in paper_map.sources if s.id == PAPER)
    assert paper.snapshot is not None
    assert paper.snapshot.path == "snapshots/fiia-298.txt"
    digest = hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest()
    assert digest == paper.snapshot.sha256 == SEED_SHA256


def test_every_citing_footnote_is_a_source(paper_map: ArgumentMap) -> None:
    ids = {s.id for s in paper_map.sources}
    assert ids == {PAPER, *FOOTNOTE_SOURCES.values()}


def test_footnoted_sources_carry_what_the_footnote_gives(
    paper_map: ArgumentMap, snapshot: str
) -> None:
    """Title and URL as printed in the paper's footnote; the date where the footnote has one."""
    text = _normalise(snapshot)
    compact = re.sub(r"\s+", "", re.sub(r"-[ \t]*\n", "", snapshot))
    months = "January February March April May June July August September October November December"
    month_names = months.split()
    for source in paper_map.sources:
        if source.id == PAPER:
            continue
        assert source.title is not None
        assert _normalise(source.title) in text, source.id
        assert source.url is not None
        assert source.url in compact, source.id
        if isinstance(source.issued, str):
            year, month, day = (int(p) for p in source.issued.split("-"))
            long_form = f"{day} {month_names[month - 1]} {year}"
            us_form = f"{month_names[month - 1]} {day}, {year}"
            assert long_form in text or us_form in text, source.id


def test_evidence_for_a_footnote_cites_its_source_via_the_paper(paper_map: ArgumentMap) -> None:
    seen: set[int] = set()
    for e in paper_map.evidence:
        note = e.locator.footnote if e.locator else None
        if note is None:
            assert e.source == PAPER, e.id
            assert e.via is None, e.id
            continue
        seen.add(int(note))
        if int(note) in AUTHOR_NOTES:
            assert (e.source, e.via) == (PAPER, None), e.id
        else:
            assert (e.source, e.via) == (FOOTNOTE_SOURCES[int(note)], PAPER), e.id
    assert seen == AUTHOR_NOTES | set(FOOTNOTE_SOURCES)


def test_every_source_and_every_evidence_item_is_used(paper_map: ArgumentMap) -> None:
    cited = {e.source for e in paper_map.evidence} | {e.via for e in paper_map.evidence if e.via}
    assert cited == {s.id for s in paper_map.sources}
    listed = {e for c in paper_map.claims for e in c.evidence}
    assert listed == {e.id for e in paper_map.evidence}


# --- quotes ---------------------------------------------------------------------------------------


def test_every_quote_occurs_once_in_the_snapshot(paper_map: ArgumentMap, snapshot: str) -> None:
    """After joining line-end hyphens and collapsing whitespace, as quote anchoring does."""
    text = _normalise(snapshot)
    for e in paper_map.evidence:
        assert e.quote is not None, e.id
        quote = _normalise(e.quote.exact)
        assert text.count(quote) == 1, (e.id, quote)


def test_quotes_are_short(paper_map: ArgumentMap) -> None:
    for e in paper_map.evidence:
        assert e.quote is not None
        assert len(e.quote.exact) <= 200, e.id


# --- figures ------------------------------------------------------------------------------------


def test_every_quantity_is_a_span_of_its_claim(paper_map: ArgumentMap) -> None:
    for claim, q in _quantities(paper_map):
        assert q.text, q.id
        assert q.text in claim.text, (claim.id, q.id, q.text)


def test_every_figure_is_in_a_quote_of_its_claims_evidence(paper_map: ArgumentMap) -> None:
    """Read as the grammar reads it, or, where the grammar has no reading ("17+1"), as digits."""
    from argmap._verify.numbers import FIGURE_KINDS, parse

    evidence = _evidence(paper_map)
    for claim, q in _quantities(paper_map):
        if q.kind not in FIGURE_KINDS:
            assert claim.evidence, (claim.id, q.id)
            continue
        quotes = [q_.exact for e in claim.evidence if (q_ := evidence[e].quote) is not None]
        found = {m.magnitude for quote in quotes for m in parse(quote)}
        digits = any(re.search(rf"(?<![\d.]){q.value}(?![\d.])", quote) for quote in quotes)
        assert q.magnitude in found or digits, (claim.id, q.id, q.text)


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Where the footnotes' URLs are, including their continuations after a line-end hyphen."""
    spans = []
    for match in re.finditer(r"https?://\S+", text):
        end = match.end()
        while text[end - 1] == "-" and text[end : end + 1] == "\n":
            more = re.match(r"\n(\S+)", text[end:])
            if more is None:  # pragma: no cover - a URL never ends a file
                break
            end += more.end()
        spans.append((match.start(), end))
    return spans


def _map_periods(m: ArgumentMap) -> set[str]:
    periods: set[str] = set()
    for claim, q in _quantities(m):
        if q.period:
            periods.add(q.period)
        if q.kind in {"year", "date"}:
            periods.add(str(q.value) if q.upper is None else f"{q.value}/{q.upper}")
        if claim.period:
            periods.add(claim.period)
    periods |= {e.period for e in m.evidence if e.period}
    periods |= {s.issued for s in m.sources if isinstance(s.issued, str)}
    return periods


def _month_days(period: str) -> str:
    return "/".join(f"--{part[5:]}" for part in period.split("/"))


def test_every_figure_the_grammar_finds_in_the_paper_is_in_the_map(
    paper_map: ArgumentMap, snapshot: str
) -> None:
    """Body and footnotes alike; a footnote's publication date is its source's ``issued``."""
    from argmap._verify.numbers import FIGURE_KINDS, parse

    urls = _url_spans(snapshot)
    magnitudes = {
        (q.magnitude, None if q.upper is None else q.upper * (q.magnitude / q.value))
        for _, q in _quantities(paper_map)
        if q.kind in FIGURE_KINDS
    }
    periods = _map_periods(paper_map)
    partial = {_month_days(p) for p in periods if len(p.split("/")[0]) == 10}
    missing = []
    for mention in parse(snapshot):
        if any(start <= mention.start < end for start, end in urls):
            continue
        if mention.text in NOT_FIGURES:
            continue
        if mention.kind in FIGURE_KINDS:
            upper = (
                None
                if mention.upper is None
                else mention.upper * (mention.magnitude / mention.value)
            )
            ok = (mention.magnitude, upper) in magnitudes
        elif mention.partial:
            ok = mention.partial in partial
        else:
            ok = (mention.period or str(mention.value)) in periods
        if not ok:
            missing.append(f"{mention.start}: {mention.text!r} ({mention.kind.value})")
    assert not missing, "figures of the paper missing from the map:\n" + "\n".join(missing)


def test_the_figure_list_matches_the_map(paper_map: ArgumentMap) -> None:
    listed = re.findall(r"^\| (Q-[A-Z0-9-]+) \|", FIGURES_DOC.read_text(encoding="utf-8"), re.M)
    assert sorted(listed) == sorted(q.id for _, q in _quantities(paper_map))


# --- arithmetic ---------------------------------------------------------------------------------


def test_checks_name_quantities_of_their_claim(paper_map: ArgumentMap) -> None:
    claims = {c.id: c for c in paper_map.claims}
    quantity_claim = {q.id: c.id for c, q in _quantities(paper_map)}
    roles = {"from", "to", "result", "minuend", "subtrahend", "part", "whole", "total"}
    for check in paper_map.checks:
        assert check.claim in claims, check.id
        fields = check.model_dump(by_alias=True)
        refs = [str(v) for k, v in fields.items() if k in roles]
        assert refs, check.id
        assert all(ref in quantity_claim for ref in refs), check.id
        assert quantity_claim[str(fields["result"])] == check.claim, check.id


def test_the_container_growth_is_fifteen_fold_only_as_an_increase(paper_map: ArgumentMap) -> None:
    """21 to 340 thousand is 16.2 times as many, an increase of 15.2 times: the paper says 15."""
    q = {q.id: q for _, q in _quantities(paper_map)}
    before, after = q["Q-BY-CONTAINERS-2013"].magnitude, q["Q-BY-CONTAINERS-2018"].magnitude
    stated = q["Q-BY-CONTAINERS-FOLD"].value
    assert round((after - before) / before) == stated
    assert round(after / before) != stated


def test_the_treaty_came_two_years_after_the_partnership(paper_map: ArgumentMap) -> None:
    q = {q.id: q for _, q in _quantities(paper_map)}
    assert q["Q-BY-TREATY-2015"].value - q["Q-SIG-SP-BY-2013"].value == q["Q-BY-TWO-YEARS"].value


def test_stated_periods_are_the_papers(paper_map: ArgumentMap) -> None:
    q = {q.id: q for _, q in _quantities(paper_map)}
    assert q["Q-UA-FDI-2013"].magnitude == Decimal("18790000")
    assert q["Q-UA-FDI-2014-2019"].period == "2014/2019"
    assert q["Q-BY-INVEST-PER-YEAR"].qualifier == "range"
    assert q["Q-BY-INVEST-PER-YEAR"].value == 30
    assert q["Q-BY-INVEST-PER-YEAR"].upper == 40
