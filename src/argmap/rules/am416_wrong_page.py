"""A quote that is not on the page its evidence's locator names.

A reader checks a citation by turning to the page it gives, so a wrong page is a broken
citation even when the quote is right. A snapshot made from a PDF by ``argmap source add``
keeps its pages (form feeds between them) and their printed labels (the sidecar
``<snapshot>.json``: "i", "ii", "1", ...), so the page a quote is anchored on is known. The
locator may name one page (``3``, ``iv``), a range (``3-4``) or a list (``3, 5``); the quote
must touch one of them, and each label must be a page of the snapshot. A snapshot without
page information (no form feeds) makes the rule silent, and so does a quote not found
verbatim (AM401 and AM402 speak for it).

FAIL::

    evidence:
      - id: E1
        source: S1
        locator: {page: 3}
        quote: {exact: rose from 400 to 1,200 per weekday}
    # snapshots/s1.txt: the quote is on the second page (after the first form feed)

PASS::

    evidence:
      - id: E1
        source: S1
        locator: {page: 2}
        quote: {exact: rose from 400 to 1,200 per weekday}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import VERBATIM, anchored_evidence

if TYPE_CHECKING:
    from argmap._verify.pages import Pages

CODE = "AM416"
ID = "wrong-page"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}

_UNSEEN: Any = object()


def check(ctx: RuleContext) -> Iterator[Problem]:
    # each item's locator, via and source from its view (RuleContext.evidence_fields), not
    # off the model: the quoted items' views, in map order, are the items anchored_evidence
    # yields, in its order; a locator's page read once (a model's field, about 450
    # instructions a read)
    quoted = [row for row in ctx.evidence_fields if row[3] is not None]
    paged = [(evidence, result, via or source, page)  # via or source: quote_holder
             for (evidence, result), (_, source, via, _, _, _, _, locator)
             in zip(anchored_evidence(ctx), quoted, strict=True)
             if locator is not None and (page := locator.page) is not None
             and result.status in VERBATIM]
    if not paged:  # a map without page locators never imports the pages' module (2.7 M)
        return
    from argmap._verify.pages import page_request, snapshot_pages

    pages_of: dict[str, Pages | None] = {}  # snapshot_pages, asked once per holder
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
