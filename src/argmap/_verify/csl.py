"""CSL-JSON keys and item types a source uses that the CSL 1.0.2 data schema does not know.

The models keep such keys (``model_extra``) so that a Zotero or Better BibTeX export loads;
the rules AM413-AM415 report them with the nearest valid name, found by edit distance
(rapidfuzz), because the usual cause is a misspelling or another tool's name for a variable.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pydantic import BaseModel

    from argmap._model import Source

__all__ = ["UnknownKey", "nearest", "unknown_keys", "unknown_part_keys", "valid_keys"]

#: Other tools' names for CSL keys (BibTeX fields, Zotero's own names): no spelling is near.
SYNONYMS: dict[str, tuple[str, ...]] = {
    # item keys (BibTeX fields)
    "journal": ("container-title",),
    "journaltitle": ("container-title",),
    "booktitle": ("container-title",),
    "address": ("publisher-place",),
    "location": ("publisher-place",),
    "pages": ("page",),
    "institution": ("publisher",),
    "school": ("publisher",),
    "organization": ("publisher",),
    "howpublished": ("medium",),
    "keywords": ("keyword",),
    "urldate": ("accessed",),
    "date": ("issued",),
    "year": ("issued", "date-parts"),
    "month": ("issued", "date-parts"),
    "day": ("date-parts",),
    "shorttitle": ("title-short",),
    "series": ("collection-title",),
    # name keys
    "first": ("given",),
    "last": ("family",),
    "name": ("literal",),
    # item types (BibTeX entry types)
    "inproceedings": ("paper-conference",),
    "conference": ("paper-conference",),
    "incollection": ("chapter",),
    "inbook": ("chapter",),
    "phdthesis": ("thesis",),
    "mastersthesis": ("thesis",),
    "techreport": ("report",),
    "manual": ("report",),
    "misc": ("document",),
    "online": ("webpage",),
    "proceedings": ("book",),
    "unpublished": ("manuscript",),
    "booklet": ("pamphlet",),
}

#: The keys argmap adds to a CSL item; they are not CSL variables but are not unknown either.
ARGMAP_KEYS = ("snapshot", "ignore")


@functools.cache
def valid_keys(model: type[BaseModel]) -> tuple[str, ...]:
    """The keys a file may use for a model: each field's alias, else its name."""
    return tuple(info.alias or name for name, info in model.model_fields.items())


def nearest(word: str, choices: Iterable[str], cutoff: float = 70.0) -> str | None:
    """The choice closest to ``word`` (case ignored), or None when nothing is close.

    Another tool's name for a key (``journal``, ``first``) maps to CSL's when CSL has it.

    >>> nearest("titleshort", ["title", "title-short", "URL"])
    'title-short'
    >>> nearest("doi", ["DOI", "ISBN"]), nearest("zzzz", ["DOI"])
    ('DOI', None)
    >>> nearest("journal", ["URL", "container-title"])
    'container-title'
    """
    from rapidfuzz import fuzz, process, utils

    options = list(choices)
    for synonym in SYNONYMS.get(word.lower(), ()):
        if synonym in options:
            return synonym
    found = process.extractOne(
        word, options, scorer=fuzz.ratio, processor=utils.default_process,
        score_cutoff=cutoff,
    )
    return None if found is None else str(found[0])


class UnknownKey(NamedTuple):
    """An unknown key, where it is (a data path inside the source) and the nearest valid key."""

    key: str
    path: tuple[str | int, ...]
    hint: str | None


def unknown_keys(source: Source) -> Iterator[UnknownKey]:
    """Keys of a source that are no CSL variable and not argmap's own."""
    from argmap._model import Source

    valid = valid_keys(Source)
    for key in source.model_extra or {}:
        yield UnknownKey(key, (key,), nearest(key, valid))


def _part_keys(value: Any, path: tuple[str | int, ...]) -> Iterator[UnknownKey]:
    from argmap._model import CslDate, CslName

    if isinstance(value, CslName | CslDate):
        valid = valid_keys(type(value))
        for key in value.model_extra or {}:
            yield UnknownKey(key, (*path, key), nearest(key, valid))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _part_keys(item, (*path, index))


def unknown_part_keys(source: Source) -> Iterator[UnknownKey]:
    """Unknown keys inside the names (author, editor, ...) and dates (issued, ...) of a source."""
    from argmap._model import CslDate, CslName

    for name, key in _part_fields(type(source)):
        value = getattr(source, name)
        if isinstance(value, list | CslName | CslDate):  # nothing else holds a name or date
            yield from _part_keys(value, (key,))


#: The types a field may be declared with that never hold a name or a date.
_SCALARS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _part_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """Each field of a model that may hold a list, a name or a date (its name and key), in
    order: a source's 105 fields are mostly strings, which validation keeps strings, so that
    :func:`unknown_part_keys` reads 34 of them instead of all."""
    return tuple((name, info.alias or name) for name, info in model.model_fields.items()
                 if not _declared(info.annotation) <= _SCALARS)


def _declared(annotation: Any) -> set[Any]:
    """The types a field's annotation admits, through unions and ``Annotated``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _declared(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return set().union(*(_declared(arg) for arg in typing.get_args(annotation)))
    return {origin or annotation}
