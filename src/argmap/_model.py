"""The typed model of an argument map.

Every node has a string ID unique within its map, and every link is an ID. The models reject
unknown fields so a misspelt key is an error, not a silently ignored value. Field names that
YAML users write with hyphens (CSL-JSON's ``container-title``) or that clash with Python
keywords (``from``) have aliases; files always use the alias.

The annotations are evaluated where they are written (no ``from __future__ import
annotations``): pydantic compiles and evaluates every string annotation when it creates the
class, which took half of this module's import time, paid by every check.
"""

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import core_schema

from argmap._lazyre import lazy_compile

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler

    from argmap._load.origin import MapOrigin

__all__ = [
    "ArgumentMap",
    "ArithmeticCheck",
    "Claim",
    "ClaimKind",
    "CslDate",
    "CslName",
    "DifferenceCheck",
    "Evidence",
    "FoldCheck",
    "Locator",
    "PartCheck",
    "PercentChangeCheck",
    "Qualifier",
    "Quantity",
    "QuantityKind",
    "RatioCheck",
    "Relation",
    "RelationType",
    "Scale",
    "Section",
    "ShareCheck",
    "Snapshot",
    "Source",
    "SumCheck",
    "Suppression",
    "TextPosition",
    "TextQuote",
]

#: IDs: a letter or digit first, then letters, digits and ``. _ : -``; no spaces, so an ID can
#: be written anywhere (a DOT node name, a CSS class, a URL fragment) without quoting.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=200)]

#: A period in a subset of ISO 8601 / EDTF level 0: a year, year-month or a full date, or an
#: interval ``start/end`` of those ("2019", "2020-01/2020-03", "2013/2018").
PERIOD_PATTERN = (
    r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
    r"(/\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"
)
#: Compiled when a period is not plainly one (see ``_plain_period``).
_PERIOD_RE = lazy_compile(PERIOD_PATTERN)
_MONTHS = frozenset(("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"))
_DAYS = frozenset((*_MONTHS, *(str(day) for day in range(13, 32))))


def _plain_date(part: str) -> bool:
    """Whether ``part`` is YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits (a day 01-31)."""
    size = len(part)
    return (
        part.isascii()
        and part[:4].isdigit()
        and (
            size == 4  # YYYY
            or (
                part[4:5] == "-"
                and part[5:7] in _MONTHS
                and (size == 7 or (size == 10 and part[7] == "-" and part[8:] in _DAYS))
            )
        )
    )


def _plain_period(start: str, slash: str, end: str) -> bool:
    """Whether the period ``start + slash + end`` is written in ASCII digits, decided
    without a regular expression; False for anything else, which ``PERIOD_PATTERN`` decides.

    Compiling the pattern cost every check of the paper's map 1.9 M instructions, and its
    periods that reach ``_check_period`` (intervals, days after the 28th) are all plain.
    """
    return _plain_date(start) and (not slash or _plain_date(end))


def _check_period(value: str) -> str:
    """Reject periods whose calendar date does not exist (2020-02-30) or that run backwards.

    A plain period (``_plain_period``) is read by position, without the pattern or a split;
    any other is matched with the pattern first, as before. The paper's whole check 1,403.0 ->
    1,401.4 M instructions (callgrind); a call on an interval or a full date about 10,000
    instructions instead of 15,500.
    ``tests/test_models18_period.py`` holds the check to the one that matched the pattern first.
    """
    start, slash, end = value.partition("/")
    if not _plain_period(start, slash, end):
        return _check_any_period(value)
    for part in (start, end) if slash else (start,):
        if len(part) == 10:  # YYYY-MM-DD
            try:
                date(int(part[:4]), int(part[5:7]), int(part[8:]))
            except ValueError as exc:
                msg = f"{part} is not a calendar date"
                raise ValueError(msg) from exc
    if slash and start > end and not end.startswith(start):
        msg = f"the period {value} ends before it starts"
        raise ValueError(msg)
    return value


def _check_any_period(value: str) -> str:
    """``_check_period`` of a period that is not plain: the pattern first."""
    if not _PERIOD_RE.match(value):
        msg = "a period is YYYY, YYYY-MM, YYYY-MM-DD or START/END of those"
        raise ValueError(msg)
    parts = value.split("/")
    for part in parts:
        pieces = [int(p) for p in part.split("-")]
        if len(pieces) == 3:
            try:
                date(pieces[0], pieces[1], pieces[2])
            except ValueError as exc:
                msg = f"{part} is not a calendar date"
                raise ValueError(msg) from exc
    if len(parts) == 2 and parts[0] > parts[1] and not parts[1].startswith(parts[0]):
        msg = f"the period {value} ends before it starts"
        raise ValueError(msg)
    return value


def _year_as_text(value: Any) -> Any:
    """YAML reads ``period: 2019`` as a number; a bare year is still a period."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Period = Annotated[
    str,
    BeforeValidator(_year_as_text),
    StringConstraints(pattern=PERIOD_PATTERN, max_length=21),
    AfterValidator(_check_period),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PERIOD_PATTERN, "maxLength": 21},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "YYYY, YYYY-MM, YYYY-MM-DD, or START/END of those.",
        }
    ),
]


def _decimal_out(value: Decimal) -> int | float | str:
    """Write a decimal as a YAML/JSON number when that keeps its digits, else as a string.

    Trailing zeros count: ``2.50`` states a precision ``2.5`` does not (see ``_numbers``).
    """
    if value.as_tuple().exponent == 0 and abs(value) < 10**15:
        return int(value)
    as_float = float(value)
    if str(Decimal(repr(as_float))) == str(value):
        return as_float
    return str(value)


class _JsonNumber:
    """Serialise a decimal with ``_decimal_out`` in JSON mode: the core schema
    ``PlainSerializer(_decimal_out, when_used="json")`` builds, node for node.

    Not ``PlainSerializer`` itself: ``pydantic.functional_serializers`` is the one pydantic
    module only it brings into a check, and its frozen dataclasses compile their methods at
    import (the paper's whole check 1,411.4 -> 1,403.0 M instructions, callgrind).
    ``tests/test_models18_serializer.py`` holds the two to the same schema and output.
    """

    __slots__ = ()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: "GetCoreSchemaHandler"
    ) -> core_schema.CoreSchema:
        schema: dict[str, Any] = handler(source)  # type: ignore[assignment] # a dict to add to
        schema["serialization"] = core_schema.plain_serializer_function_ser_schema(
            _decimal_out,
            info_arg=False,
            return_schema=handler.generate_schema(int | float | str),
            when_used="json",
        )
        return schema


_JSON_NUMBER = _JsonNumber()

Number = Annotated[Decimal, Field(allow_inf_nan=False), _JSON_NUMBER]

Text = Annotated[str, StringConstraints(min_length=1)]


#: Format 2: free data kept with a node (Argdown ``{...}`` metadata, what an import could not
#: map to a field). Any JSON value; argmap stores it and writes it back, and checks nothing in it.
Data = Annotated[
    dict[str, Any],
    Field(
        description="Free data (format 2): any JSON object, kept as written and not checked; "
        "an import keeps here what the format has and argmap has no field for.",
    ),
]


def _no_items() -> list[Any]:
    """A new empty list, the default of the list fields. Not ``list`` itself: pydantic reads
    the signature of a default factory, and a builtin's goes through tokenize and ast (5 ms of
    every check the first time)."""
    return []


class _Model(BaseModel):
    """Shared configuration: unknown fields are errors; files use the aliases.

    ``defer_build``: a model's validator is built when it is first used, not at import. A map
    is validated through ``ArgumentMap`` alone, so loading builds one validator instead of one
    per model (and ``argmap --help`` or a cached check builds none).
    """

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        validate_default=False,
        str_strip_whitespace=False,
        use_enum_values=False,
        defer_build=True,
    )

    def model_post_init(self, context: Any, /) -> None:
        """Share the set of the fields a node was given with every node given the same ones.

        pydantic keeps that set per instance (``model_fields_set``): 730 bytes for a claim
        given five fields or more, 220 MiB at 100,000 claims, where a map has a few dozen
        distinct sets. A shared set is replaced by the node's own copy before the node is
        changed (see ``__setattr__``), so each node still reads and changes only its own.
        """
        del context  # pydantic's signature; the validation context is not used
        names = self.__pydantic_fields_set__
        kind = type(self)
        last = _LAST_SHARED.get(kind)
        if last is not None and names == last:  # as the node before of its class: no key
            _set_names(self, last)
            return
        shared = _SHARED_NAMES.get(frozenset(names))
        if shared is None:
            if len(_SHARED_NAMES) >= _MAX_SHARED_NAMES:
                return
            shared = _SHARED_NAMES[frozenset(names)] = _SharedNames(names)
        _LAST_SHARED[kind] = shared
        _set_names(self, shared)

    def __setattr__(self, name: str, value: Any) -> None:
        self._own_names()
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        self._own_names()
        super().__delattr__(name)

    def _own_names(self) -> None:
        """Copy a shared set of set fields before pydantic adds a name to it."""
        names = self.__pydantic_fields_set__
        if type(names) is _SharedNames:
            object.__setattr__(self, "__pydantic_fields_set__", set(names))


class _SharedNames(set[str]):
    """A set of field names shared by nodes (see ``_Model.model_post_init``): a node copies it
    before it changes it. It prints as a plain set."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(set(self))


#: Distinct sets of set fields -> the one shared copy; bounded, as a long-running process
#: (the language server) loads many maps, and extra keys (CSL items allow them) vary freely.
_SHARED_NAMES: dict[frozenset[str], _SharedNames] = {}
_MAX_SHARED_NAMES = 4096
#: Class -> the shared set its last node took: nodes of one class mostly repeat the fields of
#: the one before, and comparing two sets is cheaper than building the frozenset key and
#: looking it up (validating the 1,000-claim map: 171.2 -> 166.8 M instructions, callgrind).
_LAST_SHARED: dict[type, _SharedNames] = {}
#: The slot that holds a model's set of set fields, written through its descriptor:
#: ``model_post_init`` runs for every node (691,000 at 100,000 claims), and ``__setattr__``
#: would go through ``_Model.__setattr__``. It is read as an attribute, which costs fewer
#: instructions than the descriptor's ``__get__`` (1.8 M fewer over those 7,000 nodes).
_NAMES_SLOT = BaseModel.__dict__["__pydantic_fields_set__"]
_set_names = _NAMES_SLOT.__set__


class Suppression(_Model):
    """Silences one finding of one rule on the node that carries it; a reason is required.

    ``target`` names the finding within the node (a figure's text, an evidence, relation or
    claim ID), so that a later finding of the same rule on the same node is not hidden too.
    """

    code: Annotated[str, StringConstraints(pattern=r"^AM\d{3}$")] = Field(
        description="The rule code to silence on this node, e.g. AM301."
    )
    target: Text | None = Field(
        None,
        description="What the finding is about within the node: a figure's text as the "
        "claim writes it (AM301), or the ID of the evidence, relation or claim it names. "
        "Without it, the entry silences every finding of the rule on the node, and is "
        "reported (AM902) where the findings name one (`--format json` shows it as "
        "`target`).",
    )
    reason: Text = Field(description="Why this finding does not apply here.")


class _Node(_Model):
    id: Id = Field(description="Unique within the map; everything refers to nodes by ID.")
    ignore: list[Suppression] = Field(
        default_factory=_no_items,
        description="Findings on this node to suppress: each entry names a rule's code, the "
        "finding's target and why.",
    )


# --- sections ---------------------------------------------------------------------------------


class Section(_Node):
    """A named group of claims; sections are drawn as clusters, in the order listed."""

    title: Text
    parent: Id | None = Field(None, description="ID of an enclosing section.")
    description: str | None = None
    data: Data = Field(default_factory=dict)


# --- sources (CSL-JSON) -------------------------------------------------------------------------


class _Csl(_Model):
    """CSL-JSON objects keep keys the CSL schema does not know: a finding, not a load error.

    Zotero and Better BibTeX add keys of their own, and a newer CSL release adds variables;
    refusing the whole file over one of them made a Zotero export unusable. The rules AM413
    and AM414 report each such key with the nearest valid name.
    """

    model_config = ConfigDict(extra="allow")


NameFlag = str | int | bool


class CslName(_Csl):
    """A CSL-JSON name: a person (family/given) or an organisation (literal)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None
    suffix: str | None = None
    dropping_particle: str | None = Field(None, alias="dropping-particle")
    non_dropping_particle: str | None = Field(None, alias="non-dropping-particle")
    comma_suffix: NameFlag | None = Field(None, alias="comma-suffix")
    static_ordering: NameFlag | None = Field(None, alias="static-ordering")
    parse_names: NameFlag | None = Field(None, alias="parse-names")


class CslDate(_Csl):
    """A CSL-JSON date: ``date-parts`` ([[year, month, day]]), or a literal or raw string."""

    date_parts: list[list[int | str]] | None = Field(None, alias="date-parts")
    literal: str | None = None
    raw: str | None = None
    season: int | str | None = None
    circa: bool | int | str | None = None


DateLike = Annotated[
    Period | CslDate,
    Field(description="An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) or a CSL-JSON date object."),
]


class Snapshot(_Model):
    """A local plain-text copy of a source, so quotes can be verified offline."""

    path: Text = Field(description="Path of the text file, relative to the map's folder.")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        None,
        description="Fingerprint of the text when the evidence was recorded; a different "
        "file marks the source's evidence as suspect.",
    )
    retrieved: date | None = Field(None, description="When the snapshot was made.")


def _number_as_text(value: Any) -> Any:
    """CSL-JSON allows a number as an item ID; a reference to it is the same text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


#: A source ID: any text without control characters, as CSL-JSON allows (a Zotero export uses
#: item URLs such as ``http://zotero.org/users/1/items/ABCD2345``); a number is read as text.
SOURCE_ID_PATTERN = r"^[^\x00-\x1f\x7f]+$"
SourceId = Annotated[
    str,
    BeforeValidator(_number_as_text),
    StringConstraints(pattern=SOURCE_ID_PATTERN, min_length=1, max_length=2000),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": SOURCE_ID_PATTERN, "minLength": 1,
                 "maxLength": 2000},
                {"type": "integer"},
            ],
            "description": "A source's CSL-JSON item ID: any text (a URL too) or a number.",
        }
    ),
]

Names = list[CslName] | None
Num = str | int | None


class Source(_Csl):
    """A bibliographic item in CSL-JSON (every variable of CSL 1.0.2), with an optional
    local text snapshot.

    The fields are the variables of the CSL data schema (``csl-data.json``), in its order
    after the most used ones; ``snapshot`` and ``ignore`` are argmap's own. A key outside
    them is kept and reported (AM413).
    """

    id: SourceId
    type: str = Field(
        "document", description="CSL item type: report, article-newspaper, webpage, ..."
    )
    title: str | None = None
    author: Names = None
    editor: Names = None
    issued: DateLike | None = None
    accessed: DateLike | None = None
    url: str | None = Field(None, alias="URL")
    doi: str | None = Field(None, alias="DOI")
    isbn: str | None = Field(None, alias="ISBN")
    container_title: str | None = Field(None, alias="container-title")
    collection_title: str | None = Field(None, alias="collection-title")
    publisher: str | None = None
    publisher_place: str | None = Field(None, alias="publisher-place")
    number: Num = None
    volume: Num = None
    issue: Num = None
    page: Num = None
    language: str | None = None
    note: str | None = None
    abstract: str | None = None
    citation_key: str | None = Field(None, alias="citation-key")
    categories: list[str] | None = None
    journal_abbreviation: str | None = Field(None, alias="journalAbbreviation")
    short_title: str | None = Field(None, alias="shortTitle")
    chair: Names = None
    collection_editor: Names = Field(None, alias="collection-editor")
    compiler: Names = None
    composer: Names = None
    container_author: Names = Field(None, alias="container-author")
    contributor: Names = None
    curator: Names = None
    director: Names = None
    editorial_director: Names = Field(None, alias="editorial-director")
    executive_producer: Names = Field(None, alias="executive-producer")
    guest: Names = None
    host: Names = None
    interviewer: Names = None
    illustrator: Names = None
    narrator: Names = None
    organizer: Names = None
    original_author: Names = Field(None, alias="original-author")
    performer: Names = None
    producer: Names = None
    recipient: Names = None
    reviewed_author: Names = Field(None, alias="reviewed-author")
    script_writer: Names = Field(None, alias="script-writer")
    series_creator: Names = Field(None, alias="series-creator")
    translator: Names = None
    available_date: DateLike | None = Field(None, alias="available-date")
    event_date: DateLike | None = Field(None, alias="event-date")
    original_date: DateLike | None = Field(None, alias="original-date")
    submitted: DateLike | None = None
    annote: str | None = None
    archive: str | None = None
    archive_collection: str | None = None
    archive_location: str | None = None
    archive_place: str | None = Field(None, alias="archive-place")
    authority: str | None = None
    call_number: str | None = Field(None, alias="call-number")
    chapter_number: Num = Field(None, alias="chapter-number")
    citation_number: Num = Field(None, alias="citation-number")
    citation_label: str | None = Field(None, alias="citation-label")
    collection_number: Num = Field(None, alias="collection-number")
    container_title_short: str | None = Field(None, alias="container-title-short")
    dimensions: str | None = None
    division: str | None = None
    edition: Num = None
    event: str | None = Field(None, description="Deprecated in CSL 1.0.2: use event-title.")
    event_title: str | None = Field(None, alias="event-title")
    event_place: str | None = Field(None, alias="event-place")
    first_reference_note_number: Num = Field(None, alias="first-reference-note-number")
    genre: str | None = None
    issn: str | None = Field(None, alias="ISSN")
    jurisdiction: str | None = None
    keyword: str | None = None
    locator: Num = None
    medium: str | None = None
    number_of_pages: Num = Field(None, alias="number-of-pages")
    number_of_volumes: Num = Field(None, alias="number-of-volumes")
    original_publisher: str | None = Field(None, alias="original-publisher")
    original_publisher_place: str | None = Field(None, alias="original-publisher-place")
    original_title: str | None = Field(None, alias="original-title")
    page_first: Num = Field(None, alias="page-first")
    part: Num = None
    part_title: str | None = Field(None, alias="part-title")
    pmcid: str | None = Field(None, alias="PMCID")
    pmid: str | None = Field(None, alias="PMID")
    printing: Num = None
    references: str | None = None
    reviewed_genre: str | None = Field(None, alias="reviewed-genre")
    reviewed_title: str | None = Field(None, alias="reviewed-title")
    scale: str | None = None
    section: str | None = None
    source: str | None = Field(None, description="Where the item was found (a catalogue).")
    status: str | None = None
    supplement: Num = None
    title_short: str | None = Field(None, alias="title-short")
    version: str | None = None
    volume_title: str | None = Field(None, alias="volume-title")
    volume_title_short: str | None = Field(None, alias="volume-title-short")
    year_suffix: str | None = Field(None, alias="year-suffix")
    custom: dict[str, Any] | None = Field(
        None, description="Key-value pairs CSL has no variable for."
    )
    snapshot: Snapshot | None = None
    ignore: list[Suppression] = Field(default_factory=_no_items)


#: The item types of CSL 1.0.2 (``csl-data.json``); another type is reported (AM415).
CSL_TYPES = (
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
)


# --- evidence -----------------------------------------------------------------------------------


class Locator(_Model):
    """Where in the source the evidence is: any of page, section, footnote..."""

    page: str | int | None = None
    section: str | None = None
    paragraph: str | int | None = None
    footnote: str | int | None = None
    line: str | int | None = None
    figure: str | int | None = None
    table: str | int | None = None

    def describe(self) -> str:
        """Short human form, e.g. ``p. 3, n. 5``."""
        labels = {
            "page": "p.",
            "section": "§",
            "paragraph": "para.",
            "footnote": "n.",
            "line": "l.",
            "figure": "fig.",
            "table": "tab.",
        }
        return ", ".join(
            f"{labels[name]} {value}"
            for name, value in self.model_dump(exclude_none=True).items()
        )


class TextQuote(_Model):
    """W3C Web Annotation TextQuoteSelector: the exact words, with optional context."""

    exact: Text = Field(description="The quoted text, verbatim.")
    prefix: str | None = Field(None, description="Text just before the quote in the source.")
    suffix: str | None = Field(None, description="Text just after the quote in the source.")


class TextPosition(_Model):
    """W3C Web Annotation TextPositionSelector: code-point offsets into the snapshot."""

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]


class Evidence(_Node):
    """A quote from a source that backs one or more claims."""

    source: SourceId = Field(description="The source cited for this evidence.")
    via: SourceId | None = Field(
        None,
        description="The source whose text holds the quote when it differs from the cited "
        "source: a paper that reports a figure from its footnoted source.",
    )
    locator: Locator | None = None
    quote: TextQuote | None = None
    position: TextPosition | None = None
    period: Period | None = Field(None, description="The period the evidence speaks about.")
    note: str | None = None


# --- quantities ---------------------------------------------------------------------------------


class QuantityKind(StrEnum):
    AMOUNT = "amount"
    COUNT = "count"
    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage-points"
    FRACTION = "fraction"
    FOLD = "fold"
    RATIO = "ratio"
    YEAR = "year"
    DATE = "date"


class Scale(StrEnum):
    THOUSAND = "thousand"
    MILLION = "million"
    BILLION = "billion"
    TRILLION = "trillion"


SCALE_FACTORS: dict[Scale, int] = {
    Scale.THOUSAND: 10**3,
    Scale.MILLION: 10**6,
    Scale.BILLION: 10**9,
    Scale.TRILLION: 10**12,
}


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    OVER = "over"
    UNDER = "under"
    AT_LEAST = "at-least"
    AT_MOST = "at-most"
    RANGE = "range"


class Quantity(_Model):
    """A number a claim asserts, read as a fact-checker reads it."""

    id: Id = Field(description="Unique within the map; arithmetic checks refer to it.")
    kind: QuantityKind = QuantityKind.AMOUNT
    value: Number = Field(description="The number as written, before its scale word.")
    upper: Number | None = Field(None, description="Upper end when the qualifier is range.")
    unit: str | None = Field(
        None, description="Currency code (USD, EUR) or counted unit (containers, MPs)."
    )
    scale: Scale | None = None
    qualifier: Qualifier = Qualifier.EXACT
    period: Period | None = None
    text: str | None = Field(None, description="The span of the claim's text it came from.")

    @property
    def magnitude(self) -> Decimal:
        """The value times its scale word (18.79 million -> 18790000)."""
        factor = SCALE_FACTORS[self.scale] if self.scale else 1
        return self.value * factor


# --- claims -------------------------------------------------------------------------------------


class ClaimKind(StrEnum):
    THESIS = "thesis"
    CLAIM = "claim"
    PREMISE = "premise"
    ASSUMPTION = "assumption"
    OBJECTION = "objection"
    #: format 2: an argument as one node (Argdown's ``<title>``): its text is the gist, its
    #: premise-conclusion structure the ``supports`` relations whose ``argument`` names it.
    ARGUMENT = "argument"


class Claim(_Node):
    """A statement in the map, from the main thesis down to a single premise."""

    kind: ClaimKind = ClaimKind.CLAIM
    text: Text = Field(description="The analyst's concise wording of the statement.")
    title: str | None = Field(None, description="Optional short label for diagrams.")
    section: Id | None = None
    tags: list[str] = Field(default_factory=_no_items)
    evidence: list[Id] = Field(default_factory=_no_items, description="IDs of evidence items.")
    quantities: list[Quantity] = Field(default_factory=_no_items)
    period: Period | None = Field(None, description="When the stated event or fact holds.")
    note: str | None = None
    data: Data = Field(default_factory=dict)


# --- relations ----------------------------------------------------------------------------------


class RelationType(StrEnum):
    SUPPORTS = "supports"
    ATTACKS = "attacks"
    UNDERCUTS = "undercuts"
    #: format 2: the two claims cannot both be true; symmetric (Argdown ``><``).
    CONTRADICTS = "contradicts"
    #: format 2: the premise restates the target in other words (AIF MA).
    REPHRASES = "rephrases"
    #: format 2: the premise is preferred over the target (AIF PA).
    PREFERS = "prefers"


#: The format version this argmap writes; a map without ``format`` is version 1, which
#: version 2 reads unchanged (every addition is optional).
FORMAT_VERSION = 2

#: Relation types whose target may be a relation as well as a claim (undercuts: a relation
#: or an argument; supports: backing for an inference; prefers: one inference over another).
TARGETS_RELATIONS = frozenset({"undercuts", "supports", "prefers"})


def _one_or_many(value: Any) -> Any:
    """``from: P1`` is shorthand for ``from: [P1]``."""
    return [value] if isinstance(value, str) else value


_ID_SCHEMA = {"type": "string", "pattern": ID_PATTERN, "maxLength": 200}
Premises = Annotated[
    list[Id],
    BeforeValidator(_one_or_many),
    Field(min_length=1),
    WithJsonSchema(
        {"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA, "minItems": 1}]}
    ),
]


class Relation(_Node):
    """An inference: premises that support or attack a claim, or undercut another relation."""

    type: RelationType
    from_: Premises = Field(
        alias="from",
        description="ID or IDs of the premises (claims; for prefers, claims or relations).",
    )
    to: Id = Field(
        description="One target: a claim; for undercuts a relation or an argument; for "
        "supports and prefers a claim or a relation."
    )
    linked: bool = Field(
        False,
        description="True when the premises only work together (co-premises); false when "
        "each supports the target on its own (convergent).",
    )
    scheme: str | None = Field(None, description="Argumentation scheme, e.g. expert opinion.")
    label: str | None = None
    argument: Id | None = Field(
        None,
        description="Format 2: the argument (a claim of kind argument) whose premise-"
        "conclusion structure this inference step belongs to.",
    )
    data: Data = Field(default_factory=dict)


# --- arithmetic checks --------------------------------------------------------------------------

Tolerance = Annotated[
    Decimal,
    Field(
        ge=0,
        allow_inf_nan=False,
        description="Allowed relative error; omitted means the precision implied by the "
        "rounding of the stated result.",
    ),
    _JSON_NUMBER,
]


class _Check(_Node):
    claim: Id | None = Field(None, description="The claim whose text states this arithmetic.")
    tolerance: Tolerance | None = None
    note: str | None = None


class RatioCheck(_Check):
    """``result = numerator / denominator``."""

    type: Literal["ratio"]
    numerator: Id
    denominator: Id
    result: Id


class FoldCheck(_Check):
    """An n-fold change from ``from`` to ``to``: checked as to/from and as (to-from)/from."""

    type: Literal["fold"]
    from_: Id = Field(alias="from")
    to: Id
    result: Id


class ShareCheck(_Check):
    """``result = part / whole`` (a percent result is compared as a percentage)."""

    type: Literal["share"]
    part: Id
    whole: Id
    result: Id


class PartCheck(_Check):
    """``result = whole x share``: the part a stated share of a stated whole comes to (a percent
    share as a percentage). The inverse of a share check: it derives the part."""

    type: Literal["part"]
    whole: Id
    share: Id
    result: Id


class SumCheck(_Check):
    """The parts add up to the total."""

    type: Literal["sum"]
    parts: Annotated[list[Id], Field(min_length=1)]
    total: Id


class DifferenceCheck(_Check):
    """``result = minuend - subtrahend``."""

    type: Literal["difference"]
    minuend: Id
    subtrahend: Id
    result: Id


class PercentChangeCheck(_Check):
    """``result = (to - from) / from * 100`` percent."""

    type: Literal["percent-change"]
    from_: Id = Field(alias="from")
    to: Id
    result: Id


ArithmeticCheck = Annotated[
    RatioCheck | FoldCheck | ShareCheck | PartCheck | SumCheck | DifferenceCheck
    | PercentChangeCheck,
    Field(discriminator="type"),
]


# --- the map ------------------------------------------------------------------------------------


class ArgumentMap(_Model):
    """A whole argument map: metadata and the lists of nodes."""

    schema_: str | None = Field(None, alias="$schema", description="JSON Schema URL for editors.")
    format: Literal[1, 2] | None = Field(
        None,
        description="Version of the argmap file format the map is written in; without it, 1. "
        "Version 2 adds argument claims, contradicts/rephrases/prefers relations, relations "
        "to relations, and free `data`.",
    )
    title: Text
    description: str | None = None
    authors: list[str] = Field(default_factory=_no_items)
    license: str | None = None
    language: str | None = Field(None, description="BCP 47 tag, e.g. en.")
    created: date | None = None
    updated: date | None = None
    subject: SourceId | None = Field(
        None,
        description="ID of the source this map analyses; figures whose only evidence cites it "
        "have no primary source.",
    )
    sections: list[Section] = Field(default_factory=_no_items)
    claims: list[Claim] = Field(default_factory=_no_items)
    relations: list[Relation] = Field(default_factory=_no_items)
    evidence: list[Evidence] = Field(default_factory=_no_items)
    checks: list[ArithmeticCheck] = Field(default_factory=_no_items)
    sources: list[Source] = Field(default_factory=_no_items)
    data: Data = Field(default_factory=dict)

    _origin: "MapOrigin | None" = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        """Maps are equal when their content is; where they were loaded from does not count."""
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable model, like the pydantic default

    @property
    def origin(self) -> "MapOrigin | None":
        """The :class:`argmap.MapOrigin` a loaded map came from (files, positions), or None."""
        return self._origin

    def _repr_svg_(self) -> str:
        """Jupyter shows a map as its drawing (the whole map, default view)."""
        from argmap._render import render

        return render(self).decode("utf-8")

    def _repr_html_(self) -> str | None:
        """Jupyter shows a map as its interactive HTML page, in a sandboxed frame.

        None (no layout engine, a map too large to draw) lets Jupyter fall back to
        :meth:`_repr_svg_`; see ``argmap._html.notebook_frame``.
        """
        from argmap._html import notebook_frame

        return notebook_frame(self)
