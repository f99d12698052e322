"""Quotes are verbatim (issue 13): what normalisation forgives, what it never does, the
quoting conventions, the word-level differences, and the budget of the search (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap._engine.config import Config
from argmap._engine.run import check_loaded
from argmap._verify import anchor as anchor_module
from argmap._verify import fuzzy
from argmap._verify.anchor import AnchorStatus, SnapshotIndex
from argmap._verify.normalise import (
    F_LIGATURES,
    TH_LIGATURE,
    hyphens_agree,
    normalise,
    repair_word,
)
from argmap._verify.quote_parts import Joint, parse_quote
from argmap._verify.worddiff import Difference, align_words, format_differences, tokens
from argmap._verify.wordlist import is_word, words

BOTH = frozenset({F_LIGATURES, TH_LIGATURE})

#: A snapshot as PDF extraction leaves it: lost ligatures (so it is repaired), line breaks.
PDF = (
    "Te frst report found that the economy froze in 2020 while trade decreased sharply.\n"
    "The plain was flat and the cattle were fat. Tat was all. Te ofcials said that the\n"
    "confict was avoided and that self-confdence returned, and the Sino-\nRussian talks and "
    "the poli-\ncy went on. They re-sign the treaty every year.\n"
    "\n"
    "A new paragraph begins here with more words to quote from the text.\n"
)


@pytest.fixture(scope="module")
def pdf() -> SnapshotIndex:
    index = SnapshotIndex("s", PDF)
    assert index.repairs == BOTH
    return index


def differences(result: anchor_module.AnchorResult) -> list[str]:
    return [str(d) for d in result.differences]


# --- a changed word fails --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "difference"),
    [
        ("trade increased sharply", "increased -> decreased"),
        ("the economy flourished in 2020 while trade decreased sharply", "flourished -> froze"),
        ("The plain was fat and the cattle were fat", "fat -> flat"),
        ("The plain was flat and the cattle were flat", "flat -> fat"),
        ("That was all", "That -> Tat"),
        ("he frst report found that", "he -> The"),  # "he" is not in "The"
        ("They resign the treaty every year", "resign -> re-sign"),
        ("the economy did not freeze in 2020", "did not freeze -> froze"),
    ],
)
def test_a_changed_word_is_a_difference(pdf: SnapshotIndex, quote: str, difference: str) -> None:
    result = pdf.anchor(quote)
    assert not result.verbatim
    assert result.status in (AnchorStatus.FUZZY, AnchorStatus.NOT_FOUND)
    assert difference in differences(result)


def test_a_changed_word_fails_check_with_the_word_diff(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    (folder / "snapshots").mkdir(parents=True)
    (folder / "snapshots" / "s.txt").write_text(PDF, encoding="utf-8")
    (folder / "map.yaml").write_text(
        "title: t\nclaims:\n  - {id: T, kind: thesis, text: Trade fell., evidence: [E1, E2]}\n"
        "evidence:\n"
        "  - {id: E1, source: S, quote: {exact: trade increased sharply}}\n"
        "  - {id: E2, source: S, quote: {exact: the economy flourished in 2020 while trade}}\n"
        "sources:\n  - {id: S, title: R, issued: '2021', URL: 'https://example.org', "
        "snapshot: {path: snapshots/s.txt}}\n",
        encoding="utf-8",
    )
    found = check_loaded(argmap.load(folder), Config(select=("AM4",)))
    assert [(f.code, f.severity, f.node) for f in found] == [
        ("AM402", argmap.Severity.ERROR, "E1"), ("AM402", argmap.Severity.ERROR, "E2")]
    assert "increased -> decreased" in found[0].message
    assert "flourished -> froze" in found[1].message


# --- what normalisation forgives --------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "The first report found that",  # "Te frst" repaired in the snapshot
        "Te frst report found that",  # copied from the PDF: repaired the same way
        "The officials said that the conflict was avoided",
        "that self-confidence returned",  # repaired inside a hyphenated word
        "the Sino-Russian talks",  # a line-end hyphen: kept or not, both anchor
        "the SinoRussian talks",
        "the policy went on",  # "poli-\ncy": a word split at a line end
        "They re-sign the treaty",
        "\u201cTe frst report\u201d found that",
    ],
)
def test_normalisation_forgives_what_is_not_a_word(pdf: SnapshotIndex, quote: str) -> None:
    result = pdf.anchor(quote.replace("\u201c", "").replace("\u201d", ""))
    assert result.verbatim, differences(result)


def test_repair_never_changes_a_word() -> None:
    """Every shipped word (and its capitalised form) normalises to itself: two different
    words can never become equal."""
    for word in sorted(words()):
        for form in (word, word.capitalize()):
            assert repair_word(form, BOTH) == (), form
    sample = " ".join(sorted(words())[::7])
    assert normalise(sample, BOTH).text == sample


@pytest.mark.parametrize(
    ("artefact", "word"),
    [("confict", "conflict"), ("Te", "The"), ("ofcials", "officials"), ("ffth", "fifth"),
     ("CONFICT", "CONFLICT"), ("Tey", "They"), ("signifcance", "significance")],
)
def test_an_artefact_is_repaired_to_its_one_word(artefact: str, word: str) -> None:
    assert normalise(artefact, BOTH).text == word


def test_an_ambiguous_artefact_is_left_alone() -> None:
    # "rifes" could be "rifles" or "riffles": never guessed
    assert is_word("rifles")
    assert is_word("riffles")
    assert repair_word("rifes", BOTH) == ()
    assert repair_word("Tat", BOTH) == ()  # "tat" is a word: never "That"


def test_a_clean_snapshot_loads_no_word_list_and_excuses_no_artefact() -> None:
    clean = SnapshotIndex("s", "The affected officials were the first to offer help.")
    assert clean.repairs == frozenset()
    result = clean.anchor("Te afected ofcials were")
    assert result.status is AnchorStatus.FUZZY
    assert "Te afected ofcials -> The affected officials" in differences(result)


def test_hyphens_agree() -> None:
    snapshot = normalise("the Sino-Russian and co-\noperation and recover")
    assert hyphens_agree(normalise("Sino-Russian"), snapshot, 4)
    assert not hyphens_agree(normalise("SinoRussian"), snapshot, 4)  # within a line: kept
    at = snapshot.text.index("cooperation")
    assert hyphens_agree(normalise("cooperation"), snapshot, at)  # at a line end: either
    assert hyphens_agree(normalise("co-operation"), snapshot, at)
    at = snapshot.text.index("recover")
    assert not hyphens_agree(normalise("re-cover"), snapshot, at)


def test_a_quote_is_whole_words() -> None:
    index = SnapshotIndex("s", "Then she said the talks failed.")
    assert not index.anchor("he said the talks").verbatim
    assert index.anchor("she said the talks").status is AnchorStatus.EXACT
    figures = SnapshotIndex("s", "Trade reached USD 4.5 billion and 4,500 jobs.")
    cut = figures.anchor("5 billion and 4,500 jobs")
    assert not cut.verbatim
    assert cut.numbers_missing == ("5",)  # AM403
    assert not figures.anchor("USD 4.5 billion and 4,5").verbatim


# --- quoting conventions ----------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["...", "\u2026", "[...]", "[\u2026]", ". . .", "[ ... ]"])
def test_an_elision_splits_the_quote_into_parts_in_order(pdf: SnapshotIndex, mark: str) -> None:
    result = pdf.anchor(f"the economy froze {mark} trade decreased sharply")
    assert result.status is AnchorStatus.EXACT
    assert len(result.parts) == 2
    assert [PDF[a:b] for a, b in result.parts] == ["the economy froze", "trade decreased sharply"]
    assert result.text == "the economy froze in 2020 while trade decreased sharply"


def test_elided_parts_must_be_in_order(pdf: SnapshotIndex) -> None:
    result = pdf.anchor("trade decreased sharply ... the economy froze")
    assert not result.verbatim
    assert result.reason is not None
    assert "not in order within one paragraph" in result.reason


def test_elided_parts_need_three_words_each(pdf: SnapshotIndex) -> None:
    result = pdf.anchor("the economy ... decreased sharply")
    assert result.status is AnchorStatus.NOT_FOUND
    assert result.reason is not None
    assert "fewer than 3 words" in result.reason


def test_elided_parts_stay_within_a_paragraph_or_600_characters() -> None:
    far = "x " * 400
    near_text = f"It began with three words. {far}And it ended with four words.\n\nNext one here."
    index = SnapshotIndex("s", near_text)
    assert index.anchor("It began with ... it ended with four").verbatim  # same paragraph
    broken = f"It began with three words.\n\n{far}And it ended with four words."
    index = SnapshotIndex("s", broken)
    assert not index.anchor("It began with ... it ended with four").verbatim
    short = "It began with three words.\n\nAnd it ended with four words."
    assert SnapshotIndex("s", short).anchor("It began with ... it ended with four").verbatim


def test_a_changed_word_in_an_elided_part_is_named(pdf: SnapshotIndex) -> None:
    result = pdf.anchor("the economy froze ... trade increased sharply")
    assert result.status is AnchorStatus.FUZZY
    assert "increased -> decreased" in differences(result)
    assert result.reason == "part 2 of 2 'trade increased sharply' is not in the source verbatim"


def test_an_elision_mark_at_either_end_only_says_the_sentence_goes_on(
        pdf: SnapshotIndex) -> None:
    assert pdf.anchor("... the economy froze in 2020 ...").status is AnchorStatus.EXACT


def test_a_bracketed_word_replaces_or_inserts_source_words(pdf: SnapshotIndex) -> None:
    assert pdf.anchor("[the Finnish] economy froze in 2020").verbatim  # at the start
    assert pdf.anchor("the economy [of Finland] froze in 2020").verbatim  # inserted
    assert pdf.anchor("the economy froze in [that year] while trade decreased").verbatim
    assert pdf.anchor("the economy froze [in 2020] while trade decreased").verbatim  # replaced
    far = pdf.anchor("the economy froze [then] more words to quote")  # too far apart
    assert not far.verbatim


def test_sic_is_skipped_and_a_bracketed_capital_matches_either_case(pdf: SnapshotIndex) -> None:
    assert pdf.anchor("the economy froze [sic] in 2020").verbatim
    assert pdf.anchor("[T]he economy froze in 2020").verbatim  # the source has "the"
    assert pdf.anchor("[t]he plain was flat").verbatim  # the source has "The"
    assert not pdf.anchor("[T]he economy flourished in 2020").verbatim


def test_a_literal_ellipsis_or_bracket_in_the_source_is_quoted_as_it_is() -> None:
    index = SnapshotIndex("s", "He said: well... maybe [1] later.")
    assert index.anchor("well... maybe [1] later").status is AnchorStatus.EXACT


def test_parse_quote_marks() -> None:
    parts = parse_quote("[T]he minister [Ms Virtanen] said [sic] that it grew [...] and then "
                        "it fell")
    assert [(p.text, p.joint) for p in parts.pieces] == [
        ("The minister", Joint.START), ("said   that it grew", Joint.INSERTION),
        ("and then it fell", Joint.ELISION)]
    assert parts.pieces[0].variants() == ["The minister", "the minister"]
    assert not parse_quote("plain words").conventional
    assert parse_quote("[...]").problem == "the quote has no words of the source, only marks"
    many = parse_quote(" [x] ".join(["a b c"] * 150))
    assert many.problem is not None
    assert "at most 100" in many.problem


# --- word-level differences -------------------------------------------------------------------


def test_align_words_trims_the_window_to_the_quote() -> None:
    quote = tokens("the economy flourished in 2020")
    source = tokens("Report: in 2019 and in 2020 the economy froze in 2020 while trade fell.")
    first, last, diffs = align_words(quote, source)
    assert " ".join(t.text for t in source[first:last]) == "the economy froze in 2020"
    assert diffs == [Difference("flourished", "froze")]
    assert format_differences(diffs * 7) == "; ".join(["flourished -> froze"] * 5) + (
        "; and 2 more")


# --- the budget (issue 14) --------------------------------------------------------------------


def test_a_quote_too_long_for_the_similar_passage_search_fails_with_the_reason() -> None:
    text = " ".join(f"word{i}" for i in range(2000))
    index = SnapshotIndex("s", text)
    quote = text[:fuzzy.MAX_FUZZY_QUOTE + 200].rsplit(" ", 1)[0] + " changed"
    result = index.anchor(quote)
    assert result.status is AnchorStatus.NOT_FOUND
    assert result.budget_exceeded
    assert result.reason is not None
    assert "more than the 5,000" in result.reason
    assert result.as_data()["budget_exceeded"] is True


def test_the_snapshot_budget_is_shared_by_its_quotes() -> None:
    index = SnapshotIndex("s", "Cycling on Main Street tripled after the lane opened. " * 20)
    assert index.anchor("Cycling on Main Street doubled after").status is AnchorStatus.FUZZY
    spent = fuzzy.SNAPSHOT_FUZZY_BUDGET - index.fuzzy_left
    assert spent > 0
    index.fuzzy_left = 0
    result = index.anchor("Cycling on Main Street doubled after")
    assert result.status is AnchorStatus.NOT_FOUND
    assert result.budget_exceeded


def test_the_verbatim_search_has_a_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    index = SnapshotIndex("s", "the relations froze. " * 1000)
    monkeypatch.setattr(anchor_module, "SEARCH_BUDGET", 5000)
    result = index.anchor("the relations froze ... the relations froze ... the relations thawed")
    assert result.status is AnchorStatus.NOT_FOUND
    assert result.budget_exceeded
    assert result.reason is not None
    assert "5,000 characters" in result.reason


# --- properties -------------------------------------------------------------------------------

_HOSTILE = st.lists(
    st.sampled_from([*"ab fTh-.,[]()\u2026\n\u00ad\ufb01\ufdd0\u201c19", "...", "[...]", "[sic]",
                     "[T]", "confict", "Te ", "ofcials", " the ", "...."]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HOSTILE, min_size=1, max_size=3).map("".join), _HOSTILE,
       st.none() | st.tuples(st.integers(-5, 300), st.integers(-5, 300)))
def test_anchoring_never_crashes(snapshot: str, quote: str,
                                 position: tuple[int, int] | None) -> None:
    result = SnapshotIndex("s", snapshot).anchor(quote, prefix=quote[:3] or None,
                                                 suffix=quote[-3:] or None, position=position)
    assert result.status in AnchorStatus
    if result.start is not None and result.end is not None:
        assert 0 <= result.start <= result.end <= len(snapshot)
        assert result.text == snapshot[result.start:result.end]
    result.as_data()


_WORDS = st.sampled_from(["the", "economy", "froze", "Te", "frst", "confict", "co-", "\n",
                          "operation", "2020,", "4.5%", "\u201cquoted\u201d", "Sino-\nRussian",
                          "flat", "fat", "...", "[1]", "ofcials"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=40), st.data())
def test_a_quote_cut_verbatim_from_a_snapshot_anchors_exact(parts: list[str],
                                                            data: st.DataObject) -> None:
    snapshot = " ".join(parts)
    edges = [0, *[m.end() for m in re.finditer(r"\s+", snapshot)]]
    start = data.draw(st.sampled_from(edges))
    ends = [m.start() for m in re.finditer(r"\s+|$", snapshot) if m.start() > start]
    assume(ends)
    end = data.draw(st.sampled_from(ends))
    quote = snapshot[start:end]
    assume(quote.strip() == quote and quote and not quote.endswith("-"))
    index = SnapshotIndex("s", snapshot)
    result = index.anchor(quote, position=(start, end))
    assert result.status is AnchorStatus.EXACT
    assert (result.start, result.end) == (start, end)
    assert index.anchor(quote).verbatim
