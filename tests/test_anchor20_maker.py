"""The flat path builds its results with ``slot_maker`` (round twenty): the same object the
class builds from the same nineteen fields, and the same anchorings as before on real quotes."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.anchor import AnchorResult, AnchorStatus, SnapshotIndex, _new_result

TEXTS = st.text(alphabet="ab 1,.\u00e9\n", max_size=12)
MAYBE_BOOL = st.none() | st.booleans()


@given(
    status=st.sampled_from(list(AnchorStatus)), source=st.none() | TEXTS,
    start=st.integers(0, 500), size=st.integers(0, 50), text=TEXTS,
    prefix=MAYBE_BOOL, suffix=MAYBE_BOOL, places=st.integers(0, 9), position=MAYBE_BOOL,
    missing=st.lists(TEXTS, max_size=3).map(tuple), numbers=TEXTS, before=TEXTS,
    after=TEXTS, reason=st.none() | TEXTS, exceeded=st.booleans(),
)
@settings(max_examples=200, deadline=None)
def test_maker_builds_what_the_class_builds(
    status: AnchorStatus, source: str | None, start: int, size: int, text: str,
    prefix: bool | None, suffix: bool | None, places: int, position: bool | None,
    missing: tuple[str, ...], numbers: str, before: str, after: str, reason: str | None,
    exceeded: bool,
) -> None:
    values = (status, source, 1.0, start, start + size, text, prefix, suffix, places,
              position, missing, numbers, before, after, reason, (), ((0, 1),), exceeded,
              (start, start + size))
    made = _new_result(*values)
    called = AnchorResult(*values)
    assert type(made) is AnchorResult
    assert made == called
    assert hash(made) == hash(called)
    assert repr(made) == repr(called)
    assert [getattr(made, f.name) for f in fields(AnchorResult)] == list(values)


def test_a_made_result_is_frozen() -> None:
    made = _new_result(*([AnchorStatus.EXACT] + [None] * 18))
    try:
        made.start = 3  # type: ignore[misc]
    except AttributeError:
        pass
    else:  # pragma: no cover - the failure this test is for
        raise AssertionError("a made AnchorResult took an attribute store")


@given(st.text(alphabet="ab c,.1", min_size=1, max_size=60), st.data())
@settings(max_examples=200, deadline=None)
def test_flat_anchorings_are_the_class_built_ones(snapshot: str, data: st.DataObject) -> None:
    """A quote cut from a snapshot anchors to an ``AnchorResult`` built by the maker whose
    every field is what the class, called on those fields, holds."""
    start = data.draw(st.integers(0, len(snapshot) - 1))
    end = data.draw(st.integers(start + 1, len(snapshot)))
    quote = snapshot[start:end]
    if not quote.strip():
        return
    result = SnapshotIndex("s", snapshot).anchor(quote)
    assert type(result) is AnchorResult
    rebuilt = AnchorResult(*(getattr(result, f.name) for f in fields(AnchorResult)))
    assert rebuilt == result
    if result.status is AnchorStatus.EXACT:
        assert result.start is not None
        assert result.end is not None
        assert snapshot[result.start:result.end] == result.text
