"""The quick paths of anchoring give what the full ones give (round five's rewrites).

Each test holds a rewritten step to the code it replaced (kept here as the reference when it
is small) or to the general path forced, on hypothesis-generated snapshots and quotes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify import anchor as anchor_module
from argmap._verify import quote_context
from argmap._verify.anchor import SnapshotIndex, _OverBudgetError, _Work, numbers_in
from argmap._verify.normalise import Normalised, hyphens_agree, normalise

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "claims" / "fiia-298" / "snapshots" / "fiia-298.txt").read_text(encoding="utf-8")

#: Snapshot text with what normalisation changes: line breaks, hyphens, dashes, soft hyphens,
#: ligature characters, digits and their separators, and lost-ligature words.
_SNAPSHOT = st.text(alphabet="ab  19,.-\n\u2014\u00ad\ufb01\u0663T", max_size=80) | st.lists(
    st.sampled_from(["the", "data", "2019", "4,500", "4.5", "re-", "sign", "poli-\ncy", "confict",
                     "Te", "rose", "\n\n", "  ", "\u201cso\u201d", "1", "a"]),
    max_size=30).map(" ".join)


@st.composite
def _quoted(draw: st.DrawFn) -> tuple[str, str]:
    """A snapshot and a quote: mostly a piece of it, sometimes anything."""
    text = draw(_SNAPSHOT)
    if text and draw(st.integers(0, 3)):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        return text, text[start:end]
    return text, draw(_SNAPSHOT)


def _occurrences_reference(index: SnapshotIndex, quote: Normalised, lo: int = 0,
                           hi: int | None = None, limit: int = 1000,
                           work: _Work | None = None) -> list[int]:
    """``SnapshotIndex._occurrences`` before it was one loop (the budget spent the same)."""
    text = index.norm.text
    needle = quote.text
    hi = len(text) if hi is None else hi
    work = work or _Work()
    found: list[int] = []
    places = index._finder.find_all(needle, lo, hi)  # noqa: SLF001 - the reference's own search
    at = next(places, -1)
    work.spend((hi if at < 0 else at + len(needle)) - lo)
    looked = 0
    while at >= 0 and len(found) < limit and looked < 20_000:
        looked += 1
        if index._bounded(at, at + len(needle)) and hyphens_agree(  # noqa: SLF001
                quote, index.norm, at):
            found.append(at)
        last = at + 1
        at = next(places, -1)
        work.spend((hi if at < 0 else at + len(needle)) - last)
    return found


def _run(search: object, *args: object) -> tuple[object, int]:
    work = _Work(args[-1])  # type: ignore[arg-type]
    try:
        return search(*args[:-1], work=work), work.left  # type: ignore[operator]
    except _OverBudgetError:
        return "over budget", 0


@settings(max_examples=600, deadline=None)
@given(_quoted(), st.integers(0, 90), st.none() | st.integers(0, 90), st.integers(0, 4),
       st.integers(0, 400))
def test_occurrences_equal_the_reference(case: tuple[str, str], lo: int, hi: int | None,
                                         limit: int, budget: int) -> None:
    text, exact = case
    index = SnapshotIndex("s", text)
    quote = index.quote(exact)
    if hi is not None and hi < lo:
        lo, hi = hi, lo
    assert _run(index._occurrences, quote, lo, hi, limit, budget) == _run(  # noqa: SLF001
        lambda *a, work: _occurrences_reference(index, *a, work=work), quote, lo, hi, limit,
        budget)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=30) | _SNAPSHOT,
       st.sampled_from(["the data", "confict Te data"]))
def test_a_quote_is_normalised_as_the_full_substitutions_normalise_it(text: str,
                                                                      snapshot: str) -> None:
    index = SnapshotIndex("s", snapshot)  # the second one needs both ligature repairs
    quick = index.quote(text)
    full = anchor_module._stripped(normalise(text, index.repairs))  # noqa: SLF001 - reference
    # the offset maps' steps compare by identity: compare what they map instead
    assert (quick.text, quick.starts, quick.ends, quick.hard, quick.soft) == (
        full.text, full.starts, full.ends, full.hard, full.soft)


@settings(max_examples=600, deadline=None)
@given(_quoted(), st.sampled_from([None, "", "  ", "the", "data "]))
def test_a_quote_without_context_anchors_as_the_general_path_does(
        case: tuple[str, str], blank: str | None) -> None:
    text, exact = case
    quick = SnapshotIndex("s", text)
    general = SnapshotIndex("s", text)
    general.shortcut = False
    context = {} if blank is None else {"prefix": blank, "suffix": blank}
    assert quick.anchor(exact, **context) == general.anchor(exact, **context)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(SEED) - 200), st.integers(1, 200))
def test_a_passage_of_the_paper_snapshot_anchors_as_the_general_path_does(
        at: int, length: int) -> None:
    quick = SnapshotIndex("s", SEED)
    general = SnapshotIndex("s", SEED)
    general.shortcut = False
    exact = SEED[at:at + length]
    assert quick.anchor(exact) == general.anchor(exact)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0129,. ab\u0663\u0669\uff11", max_size=30))
def test_numbers_in_equals_the_unicode_pattern(text: str) -> None:
    reference = re.findall(r"\d+(?:[.,]\d+)*", text)
    reference = [n.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", n) else n
                 for n in reference]
    assert numbers_in(text) == reference


def test_the_general_path_can_be_forced() -> None:
    """The comparisons above mean something: the shortcut is taken unless turned off."""
    calls: list[str] = []
    index = SnapshotIndex("s", "the data rose")

    def counting(name: str) -> object:
        original = getattr(SnapshotIndex, name)  # the private paths, counted

        def count(self: SnapshotIndex, *args: object) -> object:
            calls.append(name)
            return original(self, *args)

        return count

    with pytest.MonkeyPatch.context() as patch:
        for name in ("_flat", "_bare"):
            patch.setattr(anchor_module.SnapshotIndex, name, counting(name))
        index.anchor("data")  # plain: the flat path
        index.anchor("data ")  # a space at its end: the general path's shortcut
        index.shortcut = False
        index.anchor("data")
        index.anchor("data ")
    assert calls == ["_flat", "_bare"]


# --- AM411's context ------------------------------------------------------------------------


def _context_before_reference(text: str, start: int, floor: int = 0) -> str:
    """``quote_context.context_before`` before it looked for the sentence end from the back."""
    window = text[max(floor, start - 400):start]
    ends = list(quote_context._SENTENCE_END.finditer(window))  # noqa: SLF001 - the reference
    if ends:
        window = window[ends[-1].end():]
    pieces = quote_context._CLAUSE_MARK.split(window)  # noqa: SLF001
    words = pieces[-1].split()
    if len(pieces) > 1 and not words:
        words = pieces[-2].split()
        if len(words) > quote_context.LEAD_IN_WORDS:
            return ""
    return " ".join(words[-quote_context.BEFORE_WORDS:])


_SENTENCES = st.lists(st.sampled_from(
    ["It", "rained", ".", "!", "?", " ", "  ", "\"", "')", "]", "(", "[", "A", "9", "4.5", ",",
     ";", " - ", "critics claim that", "may", "Allegedly", "x", "U.S.", "e.g."]),
    max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_SENTENCES, st.data())
def test_context_before_equals_the_forward_scan(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) + 2))
    floor = data.draw(st.integers(0, len(text) + 2))
    assert quote_context.context_before(text, start, floor) == _context_before_reference(
        text, start, floor)


def test_context_before_looks_back_400_characters_at_most() -> None:
    text = "Critics said so. " + "word " * 100 + "may the data"
    start = text.index("the data")
    assert quote_context.context_before(text, start) == _context_before_reference(text, start)


_BLANK_LINES = st.lists(st.sampled_from(["\n", " ", "\t", "a", "\n\n", "\n \n"]),
                        max_size=24).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_BLANK_LINES, st.integers(0, 40), st.integers(0, 40))
def test_paragraph_breaks_are_what_a_search_of_the_window_finds(text: str, low: int,
                                                                high: int) -> None:
    pattern = anchor_module._PARAGRAPH_BREAK  # noqa: SLF001 - the search the index replaces
    index = SnapshotIndex("s", text)
    found = [m.end() for m in pattern.finditer(text, low, high)]
    assert index.break_before(low, high) == (found[-1] if found else None)
    first = pattern.search(text, low, high)
    assert index.break_after(low, high) == (first.start() if first else None)


# --- the walk the quote rules share ---------------------------------------------------------


def test_anchored_evidence_is_kept_only_from_a_walk_that_reached_the_end() -> None:
    import argmap
    from argmap._verify.anchor import anchor_evidence, anchored_evidence
    from argmap._verify.index import MapIndex

    loaded = argmap.load(ROOT / "claims" / "fiia-298")
    index = MapIndex(loaded)
    walk = anchored_evidence(index)
    first = next(walk)
    walk.close()  # cut short: nothing kept
    kept = index.memo((anchored_evidence,), lambda: None)
    assert kept is not None
    assert kept.pairs is None  # type: ignore[attr-defined]
    pairs = list(anchored_evidence(index))
    assert pairs[0] == first
    assert pairs == [(evidence, anchor_evidence(index, evidence))
                     for evidence in loaded.evidence if evidence.quote is not None]
    assert list(anchored_evidence(index)) == pairs
    assert all(a is b for (_, a), (_, b) in zip(anchored_evidence(index), pairs, strict=True))
