"""Hypothesis strategies for whole, valid argument maps (shared by the test modules).

``argument_maps()`` builds maps whose references resolve: evidence cites generated sources,
relations join generated claims, checks name generated quantities, sections nest. Texts use
odd Unicode (right-to-left, combining marks, astral characters, quotes and brackets that
matter to YAML, JSON, DOT and XML) but nothing a map may not hold (control characters,
surrogates, noncharacters: see AM109).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

import argmap

__all__ = ["argument_maps", "ids", "map_data", "texts"]

_ID_START = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_ID_REST = _ID_START + "._:-"

ids = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(_ID_START),
    st.text(alphabet=_ID_REST, max_size=12),
)

_TRICKY = st.sampled_from(
    [
        '"', "'", "\\", "<", ">", "&", "]", "[", "{", "}", ";", "#", ":", "-", "|", "%", "@",
        "`", "!", "*", "\t", "\n", " ", "\u200f", "\u202e", "\u0301", "\U0001f600", "中",
        "\u00a0", "\u2028", "\ufeff", "yes", "NO", "null", "~", "0x1F", "1e3", ".inf",
    ]
)
_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn"))

#: Text a map may hold: at least one character, no forbidden ones.
texts = st.lists(st.one_of(_CHARS, _TRICKY), min_size=1, max_size=12).map("".join)
optional_texts = st.none() | texts

_numbers = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(Decimal),
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9,
                places=4),
    st.sampled_from([Decimal("0.1"), Decimal("-0"), Decimal(10) ** 100, Decimal("18.79")]),
)
_years = st.integers(min_value=1000, max_value=9999)
_periods = st.one_of(
    _years.map(str),
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.tuples(_years, st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
).filter(lambda p: int(p[:4]) >= 1000)


def _unique_ids(count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids, min_size=count, max_size=count, unique_by=str.lower)


@st.composite
def map_data(draw: st.DrawFn) -> dict[str, Any]:
    """Plain data of a valid map, as a file would hold it."""
    n_sections = draw(st.integers(0, 2))
    n_claims = draw(st.integers(1, 5))
    n_sources = draw(st.integers(0, 3))
    n_evidence = draw(st.integers(0, 3)) if n_sources else 0
    n_quantities = draw(st.integers(0, 4))
    all_ids = draw(_unique_ids(n_sections + n_claims + n_sources + n_evidence + n_quantities + 8))
    take = iter(all_ids)
    section_ids = [next(take) for _ in range(n_sections)]
    claim_ids = [next(take) for _ in range(n_claims)]
    source_ids = [next(take) for _ in range(n_sources)]
    evidence_ids = [next(take) for _ in range(n_evidence)]
    quantity_ids = [next(take) for _ in range(n_quantities)]
    spare = list(take)

    sections = []
    for index, sid in enumerate(section_ids):
        section: dict[str, Any] = {"id": sid, "title": draw(texts)}
        if index and draw(st.booleans()):
            section["parent"] = section_ids[0]
        sections.append(section)

    sources = []
    for sid in source_ids:
        source: dict[str, Any] = {
            "id": sid,
            "type": draw(st.sampled_from(["report", "article-journal", "webpage", "book"])),
            "title": draw(texts),
        }
        if draw(st.booleans()):
            source["author"] = [
                draw(st.one_of(
                    st.builds(lambda f, g: {"family": f, "given": g}, texts, texts),
                    st.builds(lambda lit: {"literal": lit}, texts),
                ))
            ]
        source["issued"] = draw(st.one_of(
            _periods,
            st.builds(lambda y, m: {"date-parts": [[y, m]]}, _years, st.integers(1, 12)),
        ))
        for key, value in (
            ("URL", st.just("https://example.org/") | st.text("abc/?=&", max_size=8).map(
                lambda t: "https://example.org/" + t)),
            ("DOI", st.just("10.1000/xyz123")),
            ("container-title", texts),
            ("publisher", texts),
            ("number", st.integers(1, 999) | texts),
        ):
            if draw(st.booleans()):
                source[key] = draw(value)
        if draw(st.booleans()):
            source["snapshot"] = {"path": f"snapshots/{sid}.txt", "sha256": "a" * 64}
        sources.append(source)

    evidence = []
    for eid in evidence_ids:
        item: dict[str, Any] = {"id": eid, "source": draw(st.sampled_from(source_ids))}
        if draw(st.booleans()):
            item["quote"] = {"exact": draw(texts), "prefix": draw(optional_texts)}
            if item["quote"]["prefix"] is None:
                del item["quote"]["prefix"]
        if draw(st.booleans()):
            item["locator"] = {"page": draw(st.integers(1, 500) | texts)}
        if draw(st.booleans()):
            item["period"] = draw(_periods)
        evidence.append(item)

    claims = []
    quantities_left = list(quantity_ids)
    for index, cid in enumerate(claim_ids):
        claim: dict[str, Any] = {
            "id": cid,
            "kind": "thesis" if index == 0 else draw(
                st.sampled_from(["claim", "premise", "assumption", "objection"])
            ),
            "text": draw(texts),
        }
        if sections and draw(st.booleans()):
            claim["section"] = draw(st.sampled_from(section_ids))
        if evidence_ids and draw(st.booleans()):
            claim["evidence"] = draw(st.lists(st.sampled_from(evidence_ids), min_size=1,
                                              max_size=2, unique=True))
        if draw(st.booleans()):
            claim["tags"] = draw(st.lists(texts, max_size=2))
        own = quantities_left[: draw(st.integers(0, len(quantities_left)))]
        quantities_left = quantities_left[len(own):]
        if index == len(claim_ids) - 1:
            own += quantities_left
        if own:
            claim["quantities"] = [
                {
                    "id": qid,
                    "value": draw(_numbers),
                    "kind": draw(st.sampled_from(["amount", "count", "percent", "ratio"])),
                    "unit": draw(st.none() | st.sampled_from(["USD", "EUR", "containers"])),
                    "scale": draw(st.none() | st.sampled_from(["thousand", "million"])),
                    "qualifier": draw(st.sampled_from(["exact", "approx", "over"])),
                    "text": draw(optional_texts),
                }
                for qid in own
            ]
            for quantity in claim["quantities"]:
                for key in [k for k, v in quantity.items() if v is None]:
                    del quantity[key]
        claims.append(claim)

    relations = []
    if len(claim_ids) > 1:
        for rid in spare[: draw(st.integers(0, min(3, len(spare) - 4)))]:
            premises = draw(st.lists(st.sampled_from(claim_ids[1:]), min_size=1, max_size=2,
                                     unique=True))
            relation: dict[str, Any] = {
                "id": rid,
                "type": draw(st.sampled_from(["supports", "attacks"])),
                "from": premises,
                "to": claim_ids[0],
            }
            if len(premises) > 1:
                relation["linked"] = draw(st.booleans())
            if draw(st.booleans()):
                relation["scheme"] = draw(texts)
            relations.append(relation)

    checks = []
    if len(quantity_ids) >= 3:
        a, b, c = quantity_ids[:3]
        checks.append(draw(st.sampled_from([
            {"id": spare[-1], "type": "ratio", "numerator": a, "denominator": b, "result": c},
            {"id": spare[-1], "type": "sum", "parts": [a, b], "total": c,
             "tolerance": Decimal("0.01")},
            {"id": spare[-1], "type": "percent-change", "from": a, "to": b, "result": c},
        ])))

    data: dict[str, Any] = {"title": draw(texts), "claims": claims}
    optional = {
        "description": draw(optional_texts),
        "authors": draw(st.lists(texts, max_size=2)),
        "language": draw(st.none() | st.sampled_from(["en", "de", "ar"])),
        "created": draw(st.none() | st.dates(min_value=__import__("datetime").date(1000, 1, 1))),
        "sections": sections,
        "relations": relations,
        "evidence": evidence,
        "checks": checks,
        "sources": sources,
    }
    data.update({k: v for k, v in optional.items() if v not in (None, [])})
    return data


def argument_maps() -> st.SearchStrategy[argmap.ArgumentMap]:
    """Whole, valid :class:`argmap.ArgumentMap` objects."""
    return map_data().map(argmap.ArgumentMap.model_validate)
