"""AM416 reads a locator's page once (rules20): it reports what round nineteen's check,
kept here as the oracle, reported, on maps whose snapshots have pages (form feeds, labels
in a sidecar or none) and whose items' locators name pages that are, or are not, the
quote's, or none, or have no locator."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import load
from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._verify.anchor import VERBATIM, anchored_evidence
from argmap.rules import am416_wrong_page as am416

_UNSEEN: Any = object()


def old_check(ctx: RuleContext) -> Iterator[Problem]:
    """Round nineteen's AM416, as it was."""
    quoted = [row for row in ctx.evidence_fields if row[3] is not None]
    paged = [(evidence, result, via or source, locator.page)
             for (evidence, result), (_, source, via, _, _, _, _, locator)
             in zip(anchored_evidence(ctx), quoted, strict=True)
             if locator is not None and locator.page is not None
             and result.status in VERBATIM]
    if not paged:
        return
    from argmap._verify.pages import Pages, page_request, snapshot_pages

    pages_of: dict[str, Pages | None] = {}
    for evidence, result, holder, page in paged:
        pages = pages_of.get(holder, _UNSEEN)
        if pages is _UNSEEN:
            pages = pages_of[holder] = snapshot_pages(ctx, holder)
        if pages is None or result.start is None or result.end is None:
            continue
        related = (RelatedRef("the quote's source", node=holder, kind="sources"),)
        wanted, unknown = page_request(pages, page)
        if unknown:
            yield Problem(
                f"the locator of {evidence.id!r} names page {unknown[0]!r}, which the snapshot "
                f"of {holder!r} does not have ({pages.describe()})",
                node=evidence.id, kind="evidence", field=("locator", "page"),
                hint="write the page as the document prints it (the labels are in the "
                "snapshot's sidecar, <snapshot>.json)",
                related=related, data={"source": holder, "page": str(page)},
            )
            continue
        spans = list(result.parts) or [(result.start, result.end)]
        found = sorted({i for start, end in spans for i in pages.spanned(start, end)})
        if wanted & set(found):
            continue
        on = ", ".join(pages.labels[i] for i in found)
        yield Problem(
            f"the quote of {evidence.id!r} is on page {on} of the snapshot of {holder!r}, but "
            f"its locator says page {page}",
            node=evidence.id, kind="evidence", field=("locator", "page"),
            hint=f"set locator.page to {pages.labels[found[0]]}, or check that the quote is "
            "the passage meant",
            related=related,
            data={"source": holder, "page": str(page),
                  "found": [pages.labels[i] for i in found]},
        )


_SENTENCES = ["Ridership rose from 400 to 1,200 per weekday.",
              "Injuries fell from 20 in 2021 to 12 in 2022.",
              "The council voted in March.", "Shops reported more customers."]
_PAGES = st.sampled_from([None, 0, 1, 2, 3, 5, "1", "2", "ii", "iv", "3-4", "1, 3", "p. 2",
                          "x", ""])


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, str | None, list[dict[str, Any]]]:
    pages = draw(st.lists(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3),
                          min_size=1, max_size=4))
    text = "\f".join(" ".join(page) for page in pages)
    sidecar = draw(st.sampled_from([None, "labels", "wrong", "garbage"]))
    side = None
    if sidecar == "labels":
        side = json.dumps({"pages": ["i", "ii", "iii", "iv"][:len(pages)]})
    elif sidecar == "wrong":
        side = json.dumps({"pages": ["1"] * (len(pages) + 1)})
    elif sidecar == "garbage":
        side = "{"
    items = []
    for n in range(draw(st.integers(1, 6))):
        quote = draw(st.sampled_from([*_SENTENCES, "not in the text at all",
                                      "rose from 400 to 1,200 ... customers"]))
        source = draw(st.sampled_from(["S1", "S1", "S1", "S2"]))
        item: dict[str, Any] = {"id": f"E{n}", "source": source, "quote": {"exact": quote}}
        if draw(st.booleans()):
            page = draw(_PAGES)
            item["locator"] = {"page": page} if page is not None else {"section": "2"}
        items.append(item)
    return text, side, items


def _problems(found: Iterator[Problem]) -> list[tuple[Any, ...]]:
    return [(p.message, p.node, p.kind, p.field, p.hint, p.related, p.data) for p in found]


@settings(max_examples=300, deadline=None)
@given(case=_cases())
def test_am416_reports_what_round_nineteens_reported(
        case: tuple[str, str | None, list[dict[str, Any]]]) -> None:
    text, side, items = case
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "snapshots").mkdir()
        (root / "snapshots" / "s1.txt").write_text(text, encoding="utf-8")
        if side is not None:
            (root / "snapshots" / "s1.txt.json").write_text(side, encoding="utf-8")
        data = {"title": "m", "claims": [{"id": "C1", "text": "t",
                                          "evidence": [i["id"] for i in items]}],
                "sources": [{"id": "S1", "snapshot": {"path": "snapshots/s1.txt"}},
                            {"id": "S2"}],
                "evidence": items}
        (root / "map.yaml").write_text(json.dumps(data), encoding="utf-8")  # YAML holds JSON
        argmap = load(root)
        new = _problems(am416.check(RuleContext(argmap)))
        assert new == _problems(old_check(RuleContext(argmap)))


def test_the_example_map_reports_alike() -> None:
    folder = Path(__file__).parent / "example-maps" / "AM416" / "bad"
    argmap = load(folder)
    new = _problems(am416.check(RuleContext(argmap)))
    assert len(new) == 2
    assert new == _problems(old_check(RuleContext(argmap)))


def test_a_page_zero_and_an_empty_page_are_pages(tmp_path: Path) -> None:
    (tmp_path / "snapshots").mkdir()
    (tmp_path / "snapshots" / "s1.txt").write_text(
        "Ridership rose from 400 to 1,200 per weekday.\fThe council voted in March.",
        encoding="utf-8")
    items = [{"id": f"E{n}", "source": "S1", "quote": {"exact": "The council voted in March."},
              "locator": {"page": page}} for n, page in enumerate([0, "", 1, 2])]
    data = {"title": "m", "claims": [{"id": "C1", "text": "t", "evidence": ["E0"]}],
            "sources": [{"id": "S1", "snapshot": {"path": "snapshots/s1.txt"}}],
            "evidence": items}
    (tmp_path / "map.yaml").write_text(json.dumps(data), encoding="utf-8")
    argmap = load(tmp_path)
    new = _problems(am416.check(RuleContext(argmap)))
    assert [p[1] for p in new] == ["E0", "E1", "E2"]  # 0 and "" are no page of it
    assert new == _problems(old_check(RuleContext(argmap)))
