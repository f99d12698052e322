"""Round eight's and nine's quicker quote steps give what the code they replaced gave.

Each rewritten step is held to its former version, kept here as the reference, on
hypothesis-generated input, hostile input included.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify import graph, occurrences, quote_context
from argmap._verify.anchor import SnapshotIndex, numbers_in
from argmap._verify.index import RelationFields, _first_by_id
from argmap.rules import _shared


def _fields(relations: list[Any]) -> list[RelationFields]:
    """The relations' fields as :attr:`MapIndex.relation_fields` holds them (the generated
    relations give only the fields the function under test reads)."""
    return [(r.id, getattr(r, "type", "supports"), r.from_, r.to, getattr(r, "argument", None))
            for r in relations]


_NUMBER = re.compile(r"\d\d*(?:[.,]\d+)*")
_NUMBER_ASCII = re.compile(r"[0-9][0-9]*(?:[.,][0-9]+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _numbers_in_reference(text: str) -> list[str]:
    """``anchor.numbers_in`` before it skipped the tokens without a comma."""
    found: list[str] = (_NUMBER_ASCII if text.isascii() else _NUMBER).findall(text)
    if "," in text:
        found = [t.replace(",", "") if _THOUSANDS.fullmatch(t) else t for t in found]
    return found


_NUMBERISH = st.text(alphabet="0123,.,, ab\u0663\u0669\uff11\u00a0", max_size=40)


@settings(max_examples=1000, deadline=None)
@given(_NUMBERISH | st.text(max_size=40))
def test_numbers_in_equals_the_reference(text: str) -> None:
    assert numbers_in(text) == _numbers_in_reference(text)


# --- AM411's context ------------------------------------------------------------------------

_SENTENCES = st.lists(st.sampled_from(
    ["It", "rained", ".", "!", "?", " ", "  ", "\"", "')", "]", "(", "[", "A", "9", "4.5", ",",
     ";", " - ", "critics claim that", "may", "Allegedly", "x", "U.S.", "e.g.", "\u201d", "\n"]),
    max_size=30).map("".join)


def _ends_sentence_reference(text: str, end: int) -> bool:
    """``quote_context._ends_sentence`` before its one-character shortcut."""
    return quote_context._ENDS_SENTENCE.search(  # noqa: SLF001 - the reference's own pattern
        text, max(0, end - 4), end) is not None


@settings(max_examples=1000, deadline=None)
@given(_SENTENCES | st.text(max_size=30), st.data())
def test_ends_sentence_equals_the_reference(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(-2, len(text) + 2))
    assert quote_context._ends_sentence(text, end) == _ends_sentence_reference(  # noqa: SLF001
        text, end)


@settings(max_examples=1000, deadline=None)
@given(_SENTENCES | st.text(max_size=30), st.data())
def test_a_quote_opening_a_sentence_has_no_context_before_whatever_the_floor(
        text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(-2, len(text) + 2))
    floor = data.draw(st.integers(0, len(text) + 2))
    if quote_context._opens_sentence(text, start):  # noqa: SLF001 - the shortcut's condition
        assert quote_context.context_before(text, start, floor) == ""


def test_the_opening_shortcut_is_taken() -> None:
    """The property above means something: the shortcut's condition holds for a quote that
    opens a sentence, and not for one inside it."""
    text = "It rained. Cycling rose, critics say."
    assert quote_context._opens_sentence(text, text.index("Cycling"))  # noqa: SLF001
    assert not quote_context._opens_sentence(text, text.index("critics"))  # noqa: SLF001


# --- AM209's connected claims ---------------------------------------------------------------


def _thesis_connected_reference(argmap: Any) -> set[str]:
    """``graph._thesis_connected`` before it added the nodes and edges in one call each."""
    import rustworkx as rx

    graph = rx.PyGraph(multigraph=True)
    index: dict[str, int] = {}
    for claim in argmap.claims:
        if claim.id not in index:
            index[claim.id] = graph.add_node(claim.id)
    relation_index: dict[str, int] = {}
    for relation in argmap.relations:
        if relation.id not in relation_index and relation.id not in index:
            relation_index[relation.id] = graph.add_node(relation.id)
    for relation in argmap.relations:
        node = relation_index.get(relation.id)
        if node is None:
            continue
        for premise in relation.from_:
            end = index.get(premise, relation_index.get(premise))
            if end is not None and end != node:
                graph.add_edge(end, node, None)
        if relation.argument is not None and relation.argument in index:
            graph.add_edge(node, index[relation.argument], None)
        target = index.get(relation.to, relation_index.get(relation.to))
        if target is not None and target != node:
            graph.add_edge(node, target, None)
    theses = {index[c.id] for c in argmap.claims if c.kind == "thesis"}
    connected: set[str] = set()
    for component in rx.connected_components(graph):
        if component & theses:
            connected.update(
                graph[n] for n in component if isinstance(graph[n], str) and graph[n] in index
            )
    return connected


_IDS = st.sampled_from(["A", "B", "C", "D", "E", "R1", "R2", "R3", "x"])
_CLAIMS = st.lists(st.builds(SimpleNamespace, id=_IDS,
                             kind=st.sampled_from(["thesis", "claim", "argument"])), max_size=8)
_RELATIONS = st.lists(st.builds(SimpleNamespace, id=_IDS, from_=st.lists(_IDS, max_size=3),
                                to=_IDS, argument=st.none() | _IDS), max_size=8)


@settings(max_examples=1000, deadline=None)
@given(_CLAIMS, _RELATIONS)
def test_thesis_connected_equals_the_reference(claims: list[Any], relations: list[Any]) -> None:
    argmap = SimpleNamespace(claims=claims, relations=relations)
    assert graph._thesis_connected(  # type: ignore[arg-type]  # noqa: SLF001
        argmap, _fields(relations), list(_first_by_id(claims)), _first_by_id(relations).keys()
    ) == _thesis_connected_reference(argmap)


# --- AM202 and AM203's references -----------------------------------------------------------


def _proper_reference(index: Any) -> dict[str, Any]:
    """``_shared._proper`` before it kept the keys of collections that share no ID."""
    found: dict[str, Any] = {}
    earlier: set[str] = set()
    for collection in ("claims", "relations", "evidence", "sources", "sections"):
        ids = getattr(index, collection).keys()
        found[collection] = ids - earlier if earlier else ids
        earlier.update(ids)
    return found


_COLLECTION = st.dictionaries(st.sampled_from(["A", "B", "C", "E1", "S1", "x", ""]), st.none(),
                              max_size=4)


@settings(max_examples=1000, deadline=None)
@given(_COLLECTION, _COLLECTION, _COLLECTION, _COLLECTION, _COLLECTION)
def test_proper_equals_the_reference(claims: dict[str, None], relations: dict[str, None],
                                     evidence: dict[str, None], sources: dict[str, None],
                                     sections: dict[str, None]) -> None:
    index = SimpleNamespace(claims=claims, relations=relations, evidence=evidence,
                            sources=sources, sections=sections)
    new, old = _shared._proper(index), _proper_reference(index)  # type: ignore[arg-type]  # noqa: SLF001
    assert {c: set(ids) for c, ids in new.items()} == {c: set(ids) for c, ids in old.items()}


# --- AM205's circles of support -------------------------------------------------------------


def _support_cycles_reference(argmap: Any) -> list[graph.SupportCycle]:
    """``graph._support_cycles`` before it gave rustworkx the edges in one call."""
    import rustworkx as rx

    order: dict[str, int] = {}
    for claim in argmap.claims:
        order.setdefault(claim.id, len(order))
    ids = list(order)
    digraph = rx.PyDiGraph(multigraph=True)
    digraph.add_nodes_from(ids)
    successors: dict[int, dict[int, str]] = {}
    for relation in argmap.relations:
        if relation.type != "supports" or relation.to not in order:
            continue
        target = order[relation.to]
        for premise in relation.from_:
            source = order.get(premise)
            if source is None or source == target:
                continue
            edges = successors.setdefault(source, {})
            if target not in edges:
                edges[target] = relation.id
                digraph.add_edge(source, target, None)
    cycles = []
    for component in rx.strongly_connected_components(digraph):
        if len(component) < 2:
            continue
        cycles.append(graph._shortest_cycle(sorted(component), successors, ids))  # noqa: SLF001
    return sorted(cycles, key=lambda cycle: order[cycle.claims[0]])


_SUPPORTS = st.lists(st.builds(SimpleNamespace, id=st.sampled_from(["R1", "R2", "R3", "R4"]),
                               type=st.sampled_from(["supports", "supports", "attacks"]),
                               from_=st.lists(_IDS, max_size=3), to=_IDS), max_size=12)


@settings(max_examples=1000, deadline=None)
@given(_CLAIMS, _SUPPORTS)
def test_support_cycles_equal_the_reference(claims: list[Any], relations: list[Any]) -> None:
    argmap = SimpleNamespace(claims=claims, relations=relations)
    assert graph._support_cycles(_fields(relations), list(_first_by_id(claims))) == (  # noqa: SLF001
        _support_cycles_reference(argmap))


def test_support_cycles_are_found() -> None:
    """The comparison above means something: a circle of support is found."""
    relations = [SimpleNamespace(id=f"R{k}", type="supports", from_=[a], to=b)
                 for k, (a, b) in enumerate(["AB", "BC", "CA"])]
    cycles = graph._support_cycles(  # noqa: SLF001
        _fields(relations), list("ABC"))
    assert [cycle.claims for cycle in cycles] == [("A", "B", "C")]


# --- AM401's flat path ----------------------------------------------------------------------

#: Words that repeat, overlap, touch digits, carry hyphens (dropped between letters, kept
#: between digits) and line breaks, and are long enough for the word index.
_FLAT_WORDS = st.sampled_from(
    ["the", "district", "Rudalolo", "rose", "data", "2019", "4,500", "4.5", "re-", "sign",
     "resign", "re-sign", "poli-\ncy", "\n\n", "Sino-Russian", "(a)", "districts", "aaaaaa",
     "aaaaaa aaaaaa", "\u201cso\u201d", "x", "2014-\n2019", "  ", "e\u0301t\u00e9", "confict"])


@st.composite
def _flat_cases(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A snapshot and quotes of it: pieces of it, some without their hyphens and line breaks
    (plain ones among them, "resign" of "re-sign"), or any words."""
    text = draw(st.lists(_FLAT_WORDS, max_size=40).map(" ".join))
    quotes = []
    for _ in range(draw(st.integers(1, 6))):
        if text and draw(st.integers(0, 3)):
            start = draw(st.integers(0, len(text) - 1))
            piece = text[start:draw(st.integers(start + 1, len(text)))]
            quotes.append(re.sub(r"-\s*", "", piece) if draw(st.booleans()) else piece)
        else:
            quotes.append(draw(st.lists(_FLAT_WORDS, max_size=6).map(" ".join)))
    return text, quotes


@settings(max_examples=500, deadline=None)
@given(_flat_cases(), st.booleans(), st.sampled_from([None, "", " "]))
def test_the_flat_path_anchors_as_the_general_path_does(
        case: tuple[str, list[str]], indexed: bool, blank: str | None) -> None:
    """``SnapshotIndex._flat`` (a plain quote without context) against the general path,
    searching by ``str.find`` and, with ``indexed``, through the word index after a scan."""
    text, quotes = case
    with pytest.MonkeyPatch.context() as patch:
        if indexed:
            patch.setattr(occurrences, "MIN_TEXT", 0)
            patch.setattr(occurrences, "SCANS_BEFORE_INDEX", 1)
        flat = SnapshotIndex("s", text)
        general = SnapshotIndex("s", text)
        general.shortcut = False
        for exact in quotes:
            assert flat.anchor(exact, blank, blank) == general.anchor(exact, blank, blank)


def test_the_flat_path_is_taken_through_the_index() -> None:
    """The comparison above means something: a plain quote of a long snapshot is anchored
    by the flat path through the word index."""
    text = " ".join(["the district rose"] * 2000 + ["the Rudalolo district rose in 2019"])
    index = SnapshotIndex("s", text, searches=1000)
    result = index._flat("the Rudalolo district rose")  # noqa: SLF001 - the path itself
    assert index._finder.index is not None  # noqa: SLF001
    assert result is not None
    assert (result.start, result.candidates) == (text.index("the Rudalolo"), 1)
    assert index._flat("the Hugomine district rose") is None  # noqa: SLF001


def test_the_walk_anchors_each_quote_as_anchor_does() -> None:
    """``anchored_evidence`` finds each quote holder's snapshot once per walk: every example
    map (missing sources and snapshots, unreadable ones, ``via``, positions) anchors as
    ``_anchor`` anchors each item on its own."""
    from pathlib import Path

    import argmap
    from argmap._verify import anchor
    from argmap._verify.index import MapIndex

    root = Path(__file__).resolve().parent / "example-maps"
    maps = sorted(path.parent for path in root.glob("AM4*/*/map.yaml"))
    assert len(maps) > 20
    for folder in maps:
        loaded = argmap.load(folder)
        walked = [result for _, result in anchor.anchored_evidence(MapIndex(loaded))]
        alone = MapIndex(loaded)
        assert walked == [anchor._anchor(alone, item)  # noqa: SLF001 - the reference
                          for item in loaded.evidence if item.quote is not None], folder


# --- normalising a snapshot -----------------------------------------------------------------

_SPACED = st.lists(st.sampled_from(
    [" ", "  ", "\n", "\n\n", " \n", "\n ", "a", "word", "\t", "\r\n", "\x0b", "\x1c", "\x1f",
     "\u00a0", "\u2028", "\u3000", "-", "é"]), max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_SPACED | st.text(max_size=30))
def test_space_spans_are_what_the_space_pattern_finds(text: str) -> None:
    from argmap._verify import normalise

    assert list(normalise._space_spans(text)) == [  # noqa: SLF001 - the step itself
        m.span() for m in normalise._SPACE.finditer(text)]  # noqa: SLF001 - its reference


def test_space_spans_take_the_line_breaks_of_a_plain_snapshot() -> None:
    """The comparison above means something: such a text is read from its line breaks."""
    from argmap._verify import normalise

    spans = normalise._space_spans("One. \nTwo.\n\n Three.\nFour")  # noqa: SLF001
    assert isinstance(spans, list)
    assert spans == [(4, 6), (10, 13), (19, 20)]


def _anchored_reference(tells: list[tuple[str, str, str]]) -> tuple[re.Pattern[str], ...]:
    """``normalise._anchored`` before each branch opened with the letter after the anchor."""
    branches: dict[str, dict[str, list[str]]] = {}
    for before, anchors, after in tells:
        for anchor in anchors.split():
            branches.setdefault(anchor, {}).setdefault(before, []).append(after)
    return tuple(re.compile(anchor + "(?:" + "|".join(
        f"(?<=(?<!\\w){before}{anchor})(?:{'|'.join(afters)})"
        for before, afters in sorted(groups.items())
    ) + r")\b") for anchor, groups in sorted(branches.items()))


#: Pieces of the tells and of the words around them, so that texts hold tells, near misses
#: ("effect", "offers", "aFfect") and tells inside longer words.
_TELLISH = st.lists(st.sampled_from(
    ["f", "F", "ff", "fi", "a", "A", "e", "E", "o", "O", "di", "Di", "de", "con", "speci",
     "signi", "in", "bene", "su", "tra", "rati", "rst", "ect", "ort", "ict", "er", "c", "nanc",
     "uen", "gur", "ve", "fth", "ts", "t", "s", "nal", "n", "eld", "suc", "trac", "rm", "nd",
     "ed", "tted", "x", "1", " ", ".", "-", "\n", "é", "_", "frst", "afect", "Efort",
     "confict", "ofer", "difer", "specifc", "Fnanc", "ofc", "infuen", "fgur", "fve", "ffth",
     "beneft", "fnal", "defn", "feld", "sufc", "trafc", "frm", "Fnd", "ratifed", "confrm",
     "ftted"]), max_size=12).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_TELLISH)
def test_the_ligature_tells_match_where_the_reference_matches(text: str) -> None:
    from argmap._verify import normalise

    words = normalise._F_TELL_WORDS  # noqa: SLF001 - the tells both patterns are built of
    new, old = normalise._F_TELLS, _anchored_reference(words)  # noqa: SLF001
    assert [p.pattern[:4] for p in new] == [p.pattern[:4] for p in old]
    for quick, reference in zip(new, old, strict=True):
        assert [m.span() for m in quick.finditer(text)] == [
            m.span() for m in reference.finditer(text)]


def test_the_ligature_tells_are_found() -> None:
    """The comparison above means something: tells are found, ordinary words are not."""
    from argmap._verify.normalise import detect_repairs

    for tell in ("the frst", "an afect", "Fnancial", "the conficts", "benefts", "ratifed"):
        assert detect_repairs(tell) == {"f-ligatures"}, tell
    assert detect_repairs("the first effect of the offer") == frozenset()


# --- the word index of a snapshot -----------------------------------------------------------


def _word_index_reference(text: str) -> dict[str, list[int]]:
    """``WordIndex.__init__`` before it found the long words with a pattern: the text split
    at its spaces, each piece numbered."""
    from itertools import accumulate, compress

    pieces = text.split(" ")
    lengths = list(map(len, pieces))
    starts = accumulate(map((1).__add__, lengths), initial=0)
    long_enough = map(occurrences.MIN_WORD.__le__, lengths)
    words: dict[str, list[int]] = {}
    for word, start in compress(zip(pieces, starts, strict=False), long_enough):
        words.setdefault(word, []).append(start)
    return words


_INDEXED = st.lists(st.sampled_from(
    ["", " ", "  ", "district", "aaaaaa", "aaaaa", "abcdefg", "x", "\n", "\t", "\u00a0",
     "Übersee", "é\u0301üéüé", "12,000.5", "(district)", "districts"]), max_size=30).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(_INDEXED | st.text(alphabet="ab \n", max_size=40) | st.text(max_size=40))
def test_the_word_index_equals_the_reference(text: str) -> None:
    index = occurrences.WordIndex(text)
    assert index.words == _word_index_reference(text)
    assert [list(index.words)] == [list(_word_index_reference(text))]  # the same order too


# --- AM411's walk ---------------------------------------------------------------------------


def test_every_qualifier_equals_the_call_per_quote() -> None:
    """``_every_qualifier`` tells most quotes have no context without calling
    ``_qualifiers``: on every AM4 example map and the paper's map, each item gets what the
    call per quote (the former comprehension, kept here as the reference) gives it."""
    from pathlib import Path

    import argmap
    from argmap._verify.anchor import anchored_evidence
    from argmap._verify.index import MapIndex

    root = Path(__file__).resolve().parent
    maps = sorted(path.parent for path in (root / "example-maps").glob("AM4*/*/map.yaml"))
    maps.append(root.parent / "claims" / "fiia-298")
    cued = 0
    for folder in maps:
        loaded = argmap.load(folder)
        quick = quote_context._every_qualifier(MapIndex(loaded))  # noqa: SLF001
        index = MapIndex(loaded)
        snapshots: dict[str, Any] = {}
        reference = {id(evidence): quote_context._qualifiers(  # noqa: SLF001
            index, evidence, result, snapshots) for evidence, result in anchored_evidence(index)}
        assert quick == reference, folder
        assert list(quick) == list(reference)
        cued += sum(1 for cues in quick.values() if cues)
    assert cued  # AM411's example has a cue: the comparison reaches _qualifiers's own work
