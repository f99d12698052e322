"""Quote anchoring: normalisation with its offset map, exact/normalised/fuzzy search, numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap._verify.anchor import AnchorStatus, SnapshotIndex, anchor_evidence, numbers_in
from argmap._verify.index import MapIndex
from argmap._verify.normalise import (
    F_LIGATURES,
    TH_LIGATURE,
    detect_repairs,
    normalise,
    normalise_text,
    substitutions,
)

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "claims" / "fiia-298" / "snapshots" / "fiia-298.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
BOTH = frozenset({F_LIGATURES, TH_LIGATURE})
_Pieces = Callable[[re.Match[str]], list[tuple[str, int, int]]]


@pytest.fixture(scope="module")
def seed() -> SnapshotIndex:
    return SnapshotIndex("fiia-298", SEED)


# --- normalisation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u201cquoted\u201d and \u2018single\u2019", "\"quoted\" and 'single'"),
        ("2014\u20132019 \u2014 a \u2212 b", "2014-2019 - a - b"),
        ("a \n\t  b\u00a0c", "a b c"),
        ("poli-\ncy", "policy"),
        ("poli-  \r\n   cy", "policy"),
        ("mil- lion", "million"),
        ("Sino-Russian", "SinoRussian"),
        ("Sino-\nRussian", "SinoRussian"),
        ("2014-\n2019", "2014-2019"),
        ("\ufb01rst \ufb02ow", "first flow"),  # ligature characters: NFKC spells them out
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
        ("cafe\u0301", "caf\u00e9"),  # a combining accent composes with its base
        ("\u2026", "..."),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


@pytest.mark.parametrize(
    ("correct", "extracted"),
    [
        ("affected", "afected"),
        ("conflict", "confict"),
        ("The ", "Te "),
        ("first", "frst"),
        ("offer", "ofer"),
        ("significance", "signifcance"),
        ("fifth", "ffth"),
        ("officials", "ofcials"),
        ("fitted", "ftted"),
        ("influence", "infuence"),
        ("Their", "Teir"),
    ],
)
def test_lost_ligatures_are_repaired_to_the_word(correct: str, extracted: str) -> None:
    assert normalise(extracted, BOTH).text == normalise(correct, BOTH).text == correct


def test_repairs_only_where_the_snapshot_needs_them() -> None:
    assert detect_repairs(SEED) == BOTH
    assert detect_repairs("The affected officials were the first to offer help.") == frozenset()
    assert detect_repairs("Te report was frst published.") == BOTH
    clean = SnapshotIndex("s", "The affected officials were the first to offer help.")
    assert clean.anchor("The affected officials").status is AnchorStatus.EXACT
    # a snapshot without artefacts does not excuse a quote that has them
    assert clean.anchor("Te afected ofcials were").status is AnchorStatus.FUZZY


@pytest.mark.parametrize("word", ["such", "success", "succinct", "trace", "tracks", "tractor"])
def test_ordinary_words_are_no_ligature_tells(word: str) -> None:
    """A clean snapshot holding "such" or "trace" is not repaired: a quote with an
    extraction's artefacts fails there, as docs/quotes.md says."""
    text = f"The affected officials were the first to offer help, {word} as it was."
    assert detect_repairs(text) == frozenset()
    clean = SnapshotIndex("s", text)
    assert clean.anchor("The affected officials").status is AnchorStatus.EXACT
    assert clean.anchor("The afected ofcials were").status is AnchorStatus.FUZZY


@pytest.mark.parametrize("tell", ["sufcient", "sufciently", "trafc", "trafcking"])
def test_forms_that_keep_their_f_are_ligature_tells(tell: str) -> None:
    assert detect_repairs(f"the {tell} of it") == {F_LIGATURES}


def test_offset_map_leads_back_to_the_original() -> None:
    raw = "A \u201cpoli-\ncy\u201d of  \ufb01rst\u2014rate  afected Te officials."
    norm = normalise(raw, BOTH)
    at = norm.text.index("policy")
    start, end = norm.span(at, at + len("policy"))
    assert raw[start:end] == "poli-\ncy"
    assert "firstrate" in norm.text  # NFKC, the dash to "-", dropped between letters
    assert norm.hard == (norm.text.index("rate"),)  # ... and its place kept
    assert norm.soft == (norm.text.index("cy"),)
    at = norm.text.index("first")
    start, end = norm.span(at, at + len("first"))
    assert raw[start:end] == "\ufb01rst"
    at = norm.text.index("affected The")
    assert raw[slice(*norm.span(at, at + 12))] == "afected Te"  # repaired, mapped back
    at = norm.text.index("officials")
    assert raw[slice(*norm.span(at, at + 9))] == "officials"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab fil-\n\u2014\u201c\u00ad\ufb01\u0301T h19,.", max_size=60),
       st.data())
def test_offset_map_is_monotone_and_in_bounds(raw: str, data: st.DataObject) -> None:
    norm = normalise(raw, BOTH)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    assert norm.starts == sorted(norm.starts)
    assert all(0 <= s < e <= len(raw) for s, e in zip(norm.starts, norm.ends, strict=True))
    if norm.text:
        i = data.draw(st.integers(0, len(norm.text) - 1))
        j = data.draw(st.integers(i + 1, len(norm.text)))
        start, end = norm.span(i, j)
        assert 0 <= start < end <= len(raw)
        # what the span covers normalises back to (at least) what was asked for, when it cuts
        # no word (a repair judges whole words: "fb" is repaired to "fib", "f" alone is not)
        text = norm.text
        cut = (i > 0 and text[i - 1].isalpha() and text[i].isalpha()) or (
            j < len(text) and text[j - 1].isalpha() and text[j].isalpha())
        if not cut:
            assert norm.text[i:j].strip() in normalise(raw[start:end], BOTH).text


def _per_character_map(raw: str, folds: frozenset[str]) -> tuple[str, list[int], list[int]]:
    """The offset map spelt out per character, the plain way: the oracle for the segments.

    Each substitution's piece either copies its characters one to one (same length, and one
    character or the same text) or maps every character to the span it replaced.
    """
    from argmap._verify.normalise import _MARKERS, _repair_step

    def _constant(value: str) -> _Pieces:
        return lambda match: [(value, 0, len(match.group()))]

    def _apply(pattern: re.Pattern[str], pieces: _Pieces) -> None:
        nonlocal text, starts, ends
        out, new_starts, new_ends, pos = [], [], [], 0
        for match in pattern.finditer(text):
            a = match.start()
            out.append(text[pos:a])
            new_starts += starts[pos:a]
            new_ends += ends[pos:a]
            for piece, i, j in pieces(match):
                out.append(piece)
                if len(piece) == j - i and (len(piece) == 1 or piece == text[a + i:a + j]):
                    new_starts += starts[a + i:a + j]
                    new_ends += ends[a + i:a + j]
                else:
                    new_starts += [starts[a + i]] * len(piece)
                    new_ends += [ends[a + j - 1]] * len(piece)
            pos = match.end()
        out.append(text[pos:])
        new_starts += starts[pos:]
        new_ends += ends[pos:]
        text, starts, ends = "".join(out), new_starts, new_ends

    text, starts, ends = raw, list(range(len(raw))), list(range(1, len(raw) + 1))
    for pattern, value in substitutions(raw):
        _apply(pattern, _constant(value) if isinstance(value, str) else value)
    repair = _repair_step(text, folds) if folds else None
    if repair is not None:
        _apply(*repair)
    _apply(_MARKERS, _constant(""))
    return text, starts, ends


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab fiTheoclt-\n\t\u2014\u201c\u00ad\ufb01\ufb03\u0301\u00bd\ufdd0 19,.",
               max_size=80)
       | st.sampled_from(["con-\nfict Te ofcials", "self-confdence, Tey frst"]),
       st.sampled_from([frozenset(), frozenset({F_LIGATURES}), BOTH]))
def test_segment_offset_map_equals_the_per_character_map(raw: str, folds: frozenset[str]) -> None:
    norm = normalise(raw, folds)
    text, starts, ends = _per_character_map(raw, folds)
    assert norm.text == text == normalise_text(raw, folds)
    assert norm.starts == starts
    assert norm.ends == ends
    for original in range(len(raw) + 2):
        assert norm.index_of(original) == sum(1 for s in starts if s < original)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abfT \ufdd0\ufdd1\u00e9-\n", max_size=60), st.data())
def test_a_short_text_finds_the_words_to_repair_as_their_pattern_does(
    text: str, data: st.DataObject
) -> None:
    """A short text's repair scans its words (``_WordsIn``) instead of compiling the pattern
    of the words to repair (``_words_pattern``, as a snapshot's does): the same matches."""
    from argmap._verify.normalise import _TOKENS, _words_pattern, _WordsIn

    tokens = sorted(set(_TOKENS.findall(text))) or ["ab"]
    words = data.draw(st.lists(st.sampled_from([*tokens, "fT", "a"]), min_size=1, unique=True))
    found, pattern = _WordsIn(set(words)), _words_pattern(words)
    assert [m.span() for m in found.finditer(text)] == [m.span() for m in pattern.finditer(text)]

    def marked(match: re.Match[str]) -> str:
        return f"<{match.group()}>"

    assert found.sub(marked, text) == pattern.sub(marked, text)


def test_segment_offset_map_of_the_paper_snapshot() -> None:
    folds = detect_repairs(SEED)
    norm = normalise(SEED, folds)
    text, starts, ends = _per_character_map(SEED, folds)
    assert norm.text == text
    assert norm.starts == starts
    assert norm.ends == ends
    assert len(norm.steps) >= 3  # the PDF text needs spaces, hyphens and ligatures fixed


# --- numbers ------------------------------------------------------------------------------------


def test_numbers_in() -> None:
    assert numbers_in("USD 1,200 million, 4.5%, 18.79 and 2014-2019") == [
        "1200", "4.5", "18.79", "2014", "2019"]
    assert numbers_in("no digits") == []


# --- anchoring ----------------------------------------------------------------------------------


def test_exact_quote(seed: SnapshotIndex) -> None:
    quote = "its position remained"
    result = seed.anchor(quote)
    assert result.status is AnchorStatus.EXACT
    assert result.similarity == 1.0
    assert result.start is not None
    assert SEED[result.start:result.end] == result.text == quote
    assert result.numbers_missing == ()


def test_quote_spelt_correctly_anchors_in_the_extracted_text(seed: SnapshotIndex) -> None:
    result = seed.anchor("its position remained ambiguous over the Russia-Ukraine conflict")
    assert result.status is AnchorStatus.NORMALISED
    assert result.text == "its position remained \nambiguous over the Russia-Ukraine confict"
    assert result.similarity == 1.0


def test_line_end_hyphen_in_the_snapshot(seed: SnapshotIndex) -> None:
    match = re.search(r"(\w+ \w+)-\n(\w+ \w+)", SEED)
    assert match is not None
    joined = match.group(1) + match.group(2)
    result = seed.anchor(joined)
    assert result.status is AnchorStatus.NORMALISED
    assert result.start == match.start()
    assert result.end == match.end()


def test_prefix_and_suffix_choose_between_occurrences() -> None:
    text = "Cycling rose. Walking fell. Cycling rose. Walking rose."
    index = SnapshotIndex("s", text)
    first = index.anchor("rose.")
    assert (first.start, first.candidates) == (8, 3)
    by_prefix = index.anchor("rose.", prefix="Walking ")
    assert by_prefix.start == 50
    assert by_prefix.prefix_match is True
    by_suffix = index.anchor("Cycling rose.", suffix=" Walking rose")
    assert by_suffix.start == 28
    assert by_suffix.suffix_match is True
    wrong = index.anchor("Cycling rose.", prefix="Running ")
    assert wrong.found
    assert wrong.prefix_match is False


def test_position_chooses_between_equal_candidates() -> None:
    text = "Cycling rose. Walking fell. Cycling rose."
    index = SnapshotIndex("s", text)
    result = index.anchor("Cycling rose.", position=(27, 40))
    assert result.start == 28
    assert result.position_match is False
    exact = index.anchor("Cycling rose.", position=(28, 41))
    assert exact.status is AnchorStatus.EXACT
    assert exact.position_match is True


def test_fuzzy_match_reports_similarity_and_the_source_words(seed: SnapshotIndex) -> None:
    result = seed.anchor("its position remained ambigous over the Russia–Ukraine conflict")
    assert result.status is AnchorStatus.FUZZY
    assert 0.85 <= result.similarity < 1
    assert result.text is not None
    assert "ambiguous over the Russia-Ukraine confict" in result.text


def test_fuzzy_match_with_a_wrong_digit_is_a_false_quote() -> None:
    text = "The lane cost EUR 2.4 million to build, of which the fund paid EUR 1.5 million."
    index = SnapshotIndex("s", text)
    result = index.anchor("The lane cost EUR 2.7 million to build, of which the fund paid")
    assert result.status is AnchorStatus.FUZZY
    assert result.similarity > 0.95
    assert result.numbers_missing == ("2.7",)
    assert "2.4" in result.numbers_found
    same = index.anchor("The lane cost EUR 2.4 milion to build, of which the fund paid")
    assert same.status is AnchorStatus.FUZZY
    assert same.numbers_missing == ()


def test_numbers_compare_without_thousands_commas() -> None:
    index = SnapshotIndex("s", "Cyclists per weekday rose from 400 to 1,200 in a year.")
    result = index.anchor("Cyclists per weekday rose from 400 to 1200 in a year.")
    assert result.found
    assert result.numbers_missing == ()


def test_a_quote_that_cuts_a_number_is_not_verbatim() -> None:
    index = SnapshotIndex("s", "Trade reached USD 4,500 million in 2019.")
    result = index.anchor("Trade reached USD 4,5")
    assert result.status is AnchorStatus.FUZZY
    assert result.text == "Trade reached USD 4,500"
    assert result.numbers_missing == ("4,5",)  # AM403
    position = index.anchor("Trade reached USD 4,5", position=(0, 21))  # not even there
    assert position.status is AnchorStatus.FUZZY


def test_a_footnote_marker_glued_to_a_number_is_not_a_different_number(
        seed: SnapshotIndex) -> None:
    match = re.search(r"were rejected\s+in\s+2019(?=\.7)", SEED)  # 2019, then note 7
    assert match is not None
    result = seed.anchor("were rejected in 2019")
    assert result.status is AnchorStatus.NORMALISED
    assert (result.start, result.end) == match.span()
    assert result.numbers_missing == ()


def test_not_found_gives_the_best_candidate(seed: SnapshotIndex) -> None:
    result = seed.anchor("The Belarusian crisis affected China's relations with Japan")
    assert result.status is AnchorStatus.NOT_FOUND
    assert not result.found
    assert result.similarity < 0.85
    assert result.text
    assert result.start is not None
    assert result.text == SEED[result.start:result.end]


def test_an_empty_quote_is_not_found() -> None:
    result = SnapshotIndex("s", "text").anchor("\u200b \u00ad")
    assert result.status is AnchorStatus.NOT_FOUND
    assert result.reason


def test_as_data_is_json_ready(seed: SnapshotIndex) -> None:
    data = seed.anchor("its position remained").as_data()
    assert data["status"] == "exact"
    assert data["similarity"] == 1.0
    assert data["numbers_missing"] == []


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words: a quote begins and ends at word edges."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(SEED) - 1), st.integers(12, 200))
def test_any_passage_of_the_seed_anchors_to_itself(at: int, length: int) -> None:
    start, end = _word_edges(SEED, at, at + length)
    quote = SEED[start:end].strip()
    assume(quote)
    start = SEED.index(quote, start)
    index = SnapshotIndex("s", SEED)
    result = index.anchor(quote, position=(start, start + len(quote)))
    assert result.status is AnchorStatus.EXACT
    assert (result.start, result.end) == (start, start + len(quote))
    assert result.numbers_missing == ()
    if not quote.endswith("-") and not quote.startswith("-"):  # "mili-" is half a word
        assert index.anchor(quote).verbatim  # without the position: maybe found elsewhere


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_a_changed_digit_never_passes_as_found(data: st.DataObject) -> None:
    digits = [m.start() for m in re.finditer(r"\d", SEED)]
    where = data.draw(st.sampled_from(digits))
    start = max(0, where - data.draw(st.integers(30, 80)))
    end = min(len(SEED), where + data.draw(st.integers(30, 80)))
    new_digit = data.draw(st.sampled_from([d for d in "0123456789" if d != SEED[where]]))
    quote = SEED[start:where] + new_digit + SEED[where + 1:end]
    assume(quote.strip() == quote)
    result = SnapshotIndex("s", SEED).anchor(quote)
    if result.found and not result.numbers_missing:
        # then the source really states every number of the quote where it matched
        assert result.text is not None
        assert not Counter(numbers_in(quote)) - Counter(numbers_in(SEED[
            result.start - 20 if result.start and result.start > 20 else 0:
            (result.end or 0) + 20]))


# --- the map: every quote of the paper's map anchors ---------------------------------------------


def test_every_quote_of_the_paper_map_anchors() -> None:
    loaded = argmap.load(ROOT / "claims" / "fiia-298")
    index = MapIndex(loaded)
    statuses: Counter[str] = Counter()
    for evidence in loaded.evidence:
        result = anchor_evidence(index, evidence)
        if evidence.quote is None:
            assert result.status is AnchorStatus.UNCHECKED
            continue
        statuses[result.status.value] += 1
        assert result.status in (AnchorStatus.EXACT, AnchorStatus.NORMALISED), evidence.id
        assert result.numbers_missing == (), evidence.id
        assert anchor_evidence(index, evidence) is result  # kept for the other rules
    # most quotes are typed on one line where the snapshot breaks lines: normalised matches
    assert statuses["exact"] + statuses["normalised"] == sum(statuses.values()) > 150


def test_doctests() -> None:
    import doctest
    import importlib

    for name in ("argmap._verify.anchor", "argmap.rules.am409_unsafe_url",
                 "argmap._verify.dates"):
        module = importlib.import_module(name)
        failures, tried = doctest.testmod(module)
        assert tried > 0
        assert failures == 0


def _missing_numbers_reference(quote: str, original: str, spans: list[tuple[int, int]]) -> tuple[
        tuple[str, ...], tuple[str, ...]]:
    """``_missing_numbers`` before a verbatim match was read once: both texts read apart."""
    from argmap._verify.anchor import _widen_to_numbers

    found: list[str] = []
    for start, end in spans:
        wide_start, wide_end = _widen_to_numbers(original, start, end)
        found += numbers_in(original[wide_start:wide_end])
    wanted = numbers_in(quote)
    if wanted == found:
        return (), tuple(found)
    missing = Counter(wanted) - Counter(found)
    return tuple(sorted(missing.elements(), key=wanted.index)), tuple(found)


_NUMBERY = st.text(alphabet="0129,. ab", max_size=24)


@given(_NUMBERY, _NUMBERY, st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)),
                                    min_size=1, max_size=3), st.booleans())
@settings(max_examples=300)
def test_missing_numbers_equal_the_reference(quote: str, original: str,
                                             spans: list[tuple[int, int]],
                                             verbatim: bool) -> None:
    from argmap._verify.anchor import _missing_numbers

    if verbatim:  # the usual case: the quote is the matched text, as it stands
        start = len(original)
        original, spans = original + quote + original, [(start, start + len(quote))]
    missing, stated = _missing_numbers(quote, original, spans)
    found = tuple(numbers_in(stated)) if isinstance(stated, str) else stated  # numbers_found's
    assert (missing, found) == _missing_numbers_reference(quote, original, spans)


def test_quote_counts_are_the_quotes_each_holder_serves() -> None:
    """What a snapshot's index is told to expect (it decides when the word index is built)."""
    from argmap._verify.anchor import quote_counts, quote_holder

    loaded = argmap.load(ROOT / "claims" / "fiia-298")
    counts = quote_counts(MapIndex(loaded))
    for source_id, count in counts.items():
        assert count == sum(1 for item in loaded.evidence
                            if item.quote is not None and quote_holder(item) == source_id)
    assert sum(counts.values()) == sum(1 for item in loaded.evidence if item.quote is not None)
