"""Quote context (AM411): a negation, hedge or contrast around a verbatim quote in its source's
sentence, unless the citing claim carries one of the same kind; the cue table and its docs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import Finding
from argmap._engine.config import Config
from argmap._engine.run import check_loaded
from argmap._verify.quote_context import CUES, CueKind, context_after, context_before, cues_in

ROOT = Path(__file__).resolve().parent.parent
QUOTE = "the lane cut injuries to cyclists"


def run(tmp_path: Path, sentence: str, claim: str = "The lane cut injuries to cyclists.",
        quote: str = QUOTE) -> list[Finding]:
    folder = tmp_path / "map"
    (folder / "snapshots").mkdir(parents=True, exist_ok=True)
    snapshot = f"City report\n\nThe council met in May. {sentence} Nothing else.\n"
    (folder / "snapshots" / "s.txt").write_text(snapshot, encoding="utf-8")
    (folder / "map.yaml").write_text(
        f"title: t\nclaims:\n  - {{id: C1, kind: thesis, text: '{claim}', evidence: [E1]}}\n"
        f"evidence:\n  - {{id: E1, source: S, quote: {{exact: '{quote}'}}}}\n"
        "sources:\n  - {id: S, title: R, issued: '2021', URL: 'https://example.org', "
        "snapshot: {path: snapshots/s.txt}}\n",
        encoding="utf-8",
    )
    found = check_loaded(argmap.load(folder), Config(select=("AM4",)))
    assert not [f for f in found if f.code != "AM411"], found
    return found


@pytest.mark.parametrize(
    ("sentence", "cue", "kind"),
    [
        (f"It is false that {QUOTE}.", "It is false that", "negation"),
        (f"It is not true that {QUOTE}.", "not", "negation"),
        (f"Nobody found that {QUOTE} no longer.", None, None),  # "no longer" after: no cue
        (f"The scheme no longer means {QUOTE}.", "no longer", "negation"),
        (f"They deny that {QUOTE}.", "deny that", "negation"),
        (f"In theory {QUOTE} may be true, though.", "though", "contrast"),
        (f"Perhaps {QUOTE}.", "Perhaps", "hedge"),
        (f"Allegedly, {QUOTE}.", "Allegedly", "hedge"),
        (f"Critics claim that {QUOTE}.", "claim that", "hedge"),
        (f"The study says {QUOTE}, but only on weekdays.", "but", "contrast"),
        (f"The study says {QUOTE}; however, the data are thin.", "however", "contrast"),
        (f"The study says {QUOTE}, however small the sample.", "however", "contrast"),
        (f"The study says {QUOTE}, although few were counted.", "although", "contrast"),
    ],
)
def test_a_qualified_quote_is_a_warning_with_its_context(
        tmp_path: Path, sentence: str, cue: str | None, kind: str | None) -> None:
    found = run(tmp_path, sentence)
    if cue is None:
        assert found == []
        return
    (finding,) = found
    assert finding.code == "AM411"
    assert finding.severity is argmap.Severity.WARNING
    assert finding.data["cue"] == cue
    assert finding.data["kind"] == kind
    assert finding.data["claims"] == ["C1"]
    assert repr(cue) in finding.message
    assert finding.data["context"] in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        f"In May, {QUOTE}.",  # the month, not the verb
        f"Although the council did not vote, {QUOTE}.",  # the negation is another clause's
        f"It did not rain. {QUOTE.capitalize()}.",  # another sentence
        f"Not only {QUOTE}, but also the buses ran faster.",  # "not only ... but also"
        f"The study, which did not cover 2020, found that {QUOTE}.",
        f"The study found that {QUOTE}. But the buses were late.",
    ],
)
def test_no_false_alarm(tmp_path: Path, sentence: str) -> None:
    quote = QUOTE.capitalize() if QUOTE.capitalize() in sentence else QUOTE
    assert run(tmp_path, sentence, quote=quote) == []


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (f"Critics claim that {QUOTE}.", "Critics claim that the lane cut injuries."),
        (f"Perhaps {QUOTE}.", "The lane may have cut injuries to cyclists."),
        (f"It is false that {QUOTE}.", "The lane did not cut injuries to cyclists."),
        (f"The study says {QUOTE}, but only on weekdays.",
         "The lane cut injuries, but only on weekdays."),
    ],
)
def test_a_claim_that_carries_the_same_kind_of_cue_is_silent(
        tmp_path: Path, sentence: str, claim: str) -> None:
    assert run(tmp_path, sentence, claim) == []


def test_a_hedge_in_the_claim_does_not_excuse_a_negation(tmp_path: Path) -> None:
    (finding,) = run(tmp_path, f"It is false that {QUOTE}.",
                     "The lane may have cut injuries to cyclists.")
    assert finding.data["kind"] == "negation"


def test_context_windows() -> None:
    text = "It rained. The report, which did not cover 2020, found that cycling rose, but not much."
    at = text.index("cycling")
    assert context_before(text, at) == "found that"
    assert context_after(text, at + len("cycling rose")) == "but not much"
    assert [c.kind for c, _ in cues_in("but not much", after=True)] == [CueKind.CONTRAST]


def test_every_cue_is_listed_in_docs_quotes_md() -> None:
    """docs/quotes.md has the cue table; it lists each cue of CUES, in order, with its kind
    and side."""
    docs = (ROOT / "docs" / "quotes.md").read_text(encoding="utf-8")
    table = docs.split("<!-- cues -->")[1]
    rows = re.findall(r"^\| `(.+?)` \| (\w+) \| (\w+) \|$", table, re.MULTILINE)
    expected = [(cue.words.replace("|", "\\|"), cue.kind.value, "after" if cue.after else "before")
                for cue in CUES]
    assert rows == expected


def test_a_negation_left_out_by_an_elision_or_insertion_is_a_warning(tmp_path: Path) -> None:
    sentence = "The lane did not cut injuries to cyclists in the first year of use."
    (elided,) = run(tmp_path, sentence, quote="The lane did [...] cut injuries to cyclists")
    assert (elided.data["cue"], elided.data["where"]) == ("not", "elided")
    assert "in the words it leaves out" in elided.message
    (inserted,) = run(tmp_path / "2", sentence, quote="The lane [did] cut injuries to cyclists")
    assert (inserted.data["cue"], inserted.data["where"]) == ("not", "elided")
    assert run(tmp_path / "3", "The lane cut, as planned, injuries to cyclists in 2021.",
               quote="The lane cut [...] injuries to cyclists") == []


_CUE_WORDS = ["not", "no", "never", "may", "May", "might", "if", "but", "yet", "and yet",
              "however", "claim that", "critics", "isn't", "it is said that", "unless",
              "rumours", "failed to", "nonetheless", "also", "only", "doubt", "longer"]


@given(st.lists(st.sampled_from([*_CUE_WORDS, "cycling", "rose", ",", "the", "In"]),
                max_size=12))
def test_the_one_search_prefilter_never_hides_a_cue(words: list[str]) -> None:
    """cues_in first asks one combined pattern whether any cue could be there; the answer
    must be what asking every cue's own pattern gives."""
    from argmap._verify.quote_context import CUES, _kinds, cues_in

    text = " ".join(words)
    for after in (False, True):
        expected = [(cue, m.group()) for cue in CUES if cue.after is after
                    for m in [cue.pattern.search(text)] if m]
        assert cues_in(text, after=after) == expected
    assert _kinds(text) == {cue.kind for cue in CUES if cue.pattern.search(text)}


def _context_before_reference(text: str, start: int, floor: int = 0) -> str:
    """context_before as first written (every clause stripped): the reference."""
    from argmap._verify.quote_context import (
        _CLAUSE_MARK,
        _SENTENCE_END,
        BEFORE_WORDS,
        LEAD_IN_WORDS,
    )

    window = text[max(floor, start - 400):start]
    ends = list(_SENTENCE_END.finditer(window))
    if ends:
        window = window[ends[-1].end():]
    pieces = [piece.strip() for piece in _CLAUSE_MARK.split(window)]
    if len(pieces) > 1 and not pieces[-1]:
        pieces.pop()
        if len(pieces[-1].split()) > LEAD_IN_WORDS:
            return ""
    words = pieces[-1].split() if pieces else []
    return " ".join(words[-BEFORE_WORDS:])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab not, ;:()-.A\n\u00a0", max_size=80), st.data())
def test_context_before_equals_the_reference(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, start))
    assert context_before(text, start, floor) == _context_before_reference(text, start, floor)


def _qualifiers_reference(index: Any, evidence: Any) -> tuple[Any, ...]:
    """qualifiers as first written (one item at a time, each paragraph break mapped per
    quote, the words after a quote read before asking whether it ends its sentence)."""
    from argmap._verify.anchor import anchor_evidence, index_for
    from argmap._verify.quote_context import ContextCue, _kinds

    result = anchor_evidence(index, evidence)
    claims = index.evidence_users.get(evidence.id)
    if not claims or not result.verbatim or result.norm_span is None or result.source is None:
        return ()
    snapshot = index_for(index, result.source)
    norm = snapshot.norm
    text = norm.text
    ns, ne = result.norm_span
    start, end = result.start or 0, result.end or 0
    before_break = snapshot.break_before(max(0, start - 400), start)
    floor = 0 if before_break is None else norm.index_of(before_break)
    after_break = snapshot.break_after(end, end + 400)
    ceiling = None if after_break is None else norm.index_of(after_break)
    windows = [("before", context_before(text, ns, floor)),
               ("after", context_after(text, ne, ceiling))]
    for (_, gap_start), (next_start, _) in zip(result.parts, result.parts[1:], strict=False):
        low, high = norm.index_of(gap_start), norm.index_of(next_start)
        windows.append(("elided", context_before(text, high, low)))
    found = []
    for where, context in windows:
        if not context:
            continue
        cues = cues_in(context, after=where == "after")
        if not cues:
            continue
        lacking = tuple(claim.id for claim in claims if cues[0][0].kind not in _kinds(claim.text))
        if lacking:
            found.append(ContextCue(cues[0][0], cues[0][1], context, lacking, where))
    return tuple(found)


#: Snapshot pieces: cues, paragraph breaks (which bound a quote's context) next to them,
#: sentence ends, and what normalising changes (soft hyphens, ligatures, line-end hyphens).
_PIECES = ["The lane", "cut injuries", "to cyclists", "not", "may", "but", "however",
           "critics claim that", "Allegedly,", "in 2019", ".", ". ", ",", ";", " - ", "\n",
           "\n\n", "\n \n", "\n\n\n", "\f", "dat\u00ada", "\ufb01eld", "inves-\ntment", "  ",
           "\u201cyes\u201d", "(it rose)", "!", "?",
           "critics claim that\n\n", "\n\nbut", "not\n\n", "\n\nhowever"]


@settings(max_examples=100, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40), data=st.data())
def test_qualifiers_equal_the_reference(pieces: list[str], data: st.DataObject) -> None:
    """The one pass over the map's quotes (a snapshot's paragraph breaks mapped once, the
    words after a quote read only when it does not end its sentence) finds, for every
    item, what reading each item on its own found."""
    import tempfile

    from argmap._engine.context import RuleContext
    from argmap._verify.quote_context import qualifiers

    snapshot = " ".join(pieces)
    words = snapshot.split()
    quotes = []
    for _ in range(data.draw(st.integers(1, 6))):
        first = data.draw(st.integers(0, max(0, len(words) - 1)))
        last = data.draw(st.integers(first + 1, max(first + 1, min(len(words), first + 8))))
        chosen = words[first:last]
        if len(chosen) > 3 and data.draw(st.booleans()):
            chosen = [*chosen[:1], "...", *chosen[2:]]
        quotes.append(" ".join(chosen) or "x")
    claim = data.draw(st.sampled_from(["The lane cut injuries.", "It may not be so, but no."]))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "snapshots").mkdir()
        (folder / "snapshots" / "s.txt").write_text(snapshot, encoding="utf-8")
        evidence = "".join(f"  - {{id: E{i}, source: S, quote: {{exact: {json.dumps(q)}}}}}\n"
                           for i, q in enumerate(quotes))
        cited = ", ".join(f"E{i}" for i in range(len(quotes)))
        (folder / "map.yaml").write_text(
            f"title: t\nclaims:\n  - {{id: C1, kind: thesis, text: {json.dumps(claim)}, "
            f"evidence: [{cited}]}}\nevidence:\n{evidence}"
            "sources:\n  - {id: S, title: R, issued: '2021', URL: 'https://example.org', "
            "snapshot: {path: snapshots/s.txt}}\n",
            encoding="utf-8",
        )
        loaded = argmap.load(folder)
        new, old = RuleContext(loaded), RuleContext(loaded)
        for item in loaded.evidence:
            assert qualifiers(new, item) == _qualifiers_reference(old, item)
