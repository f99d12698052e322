"""Round twenty builds a claim's figures, their supports and a quote's buckets with
``slot_maker`` (``compare._new_figure``, ``_new_support``, ``_new_bucket``) where it called
the classes. The class called on the same fields is the oracle: on the paper's map and the
repository's figure maps, every figure, support and bucket is the object the class builds
(class, fields, equality, repr), and the findings' figures compare as before."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap._engine.context import RuleContext
from argmap._verify.compare import ClaimFigure, Support, _Bucket, _bucketed, claim_figures
from argmap._verify.numbers import parse

ROOT = Path(__file__).resolve().parent.parent
_FOLDERS = [ROOT / "claims" / "fiia-298", ROOT / "examples" / "bike-lanes",
            *sorted((ROOT / "tests" / "example-maps").glob("AM30*/*"))]


def _rebuilt(obj: Any) -> Any:
    cls = type(obj)
    return cls(*(getattr(obj, f.name) for f in dataclasses.fields(cls)))


def _same(obj: Any, cls: type) -> None:
    assert type(obj) is cls
    again = _rebuilt(obj)
    assert obj == again
    assert repr(obj) == repr(again)


@pytest.mark.parametrize("folder", _FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_figures_supports_and_buckets_are_what_the_classes_build(folder: Path) -> None:
    argmap_ = argmap.load(folder)
    ctx = RuleContext(argmap_)
    counts = [0, 0, 0]
    for claim in argmap_.claims:
        for figure in claim_figures(ctx, claim):
            counts[0] += 1
            _same(figure, ClaimFigure)
            supports = [*figure.matches, *figure.too_precise, *figure.understated]
            supports += [figure.nearest] if figure.nearest is not None else []
            for support in supports:
                counts[1] += 1
                _same(support, Support)
    for item in argmap_.evidence:
        if item.quote is not None:
            for bucket in _bucketed(parse(item.quote.exact)).values():
                counts[2] += 1
                _same(bucket, _Bucket)
                assert len(bucket.sizes) == len(bucket.mentions) == len(bucket.forms)
    if folder.name == "fiia-298":
        assert min(counts) > 10, counts
