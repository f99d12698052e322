"""Every word the number grammar knows, each written once.

The patterns (:mod:`.grammar`), the readers (:mod:`.reading`) and the formatter
(:mod:`.formatting`) are built from these tables: a new currency, scale word, qualifier or
number word is one line here. Some spellings are on purpose: "fve", "ffteen", "ffty", "ffth"
are how PDF text extraction drops the "fi" ligature. Records are named tuples, not
dataclasses: a frozen dataclass costs about a millisecond to define at import. Their fields'
annotations are objects, not text (no ``from __future__ import annotations``), as in
:mod:`.reading`: a named tuple compiles an annotation written as text.
"""

from decimal import Decimal
from typing import NamedTuple

from argmap._model import Qualifier, Scale

Q = Qualifier

# --- currencies ---------------------------------------------------------------------------------


class Currency(NamedTuple):
    """How one currency is written: ``before`` the number ("US$ 4", "€4"), ``after`` it
    ("4 billion dollars"). Single characters are symbols; a code a reader may also write
    after the number is listed in both."""

    before: tuple[str, ...]
    after: tuple[str, ...] = ()


#: ISO code -> how it is written.
CURRENCIES: dict[str, Currency] = {
    "USD": Currency(("US$", "USD", "$"), ("US dollars", "dollars", "dollar", "dollarov", "USD")),
    "EUR": Currency(("EUR", "€"), ("euros", "euro", "EUR")),
    "GBP": Currency(("£", "GBP"), ("pounds", "GBP")),
    "CNY": Currency(("CNY", "RMB", "¥"), ("yuan", "renminbi", "CNY")),
    "RUB": Currency(("RUB", "₽"), ("roubles", "rubles", "RUB")),
    "UAH": Currency(("UAH", "₴"), ("hryvnias", "hryvnia", "UAH")),
    "BYN": Currency(("BYN",), ("BYN",)),
    "CHF": Currency(("CHF",)),
    "JPY": Currency(("JPY",)),
}

# --- scale words --------------------------------------------------------------------------------


class ScaleWord(NamedTuple):
    """A word that multiplies the number before it: ``spaced`` when it may stand apart
    ("4 bn", "4 billion"), ``glued`` when it may follow the digits directly ("4bn")."""

    scale: Scale
    spaced: bool = True
    glued: bool = False


#: The scale words. A word spelled like its scale ("million") may be split by a line-end
#: hyphen ("mil-\nlion"); "m" and "k" count only glued ("5m"), and "5m" only with a currency.
SCALE_WORDS: dict[str, ScaleWord] = {
    "thousand": ScaleWord(Scale.THOUSAND),
    "million": ScaleWord(Scale.MILLION),
    "billion": ScaleWord(Scale.BILLION),
    "trillion": ScaleWord(Scale.TRILLION),
    "mln": ScaleWord(Scale.MILLION),
    "bln": ScaleWord(Scale.BILLION),
    "bn": ScaleWord(Scale.BILLION, glued=True),
    "mn": ScaleWord(Scale.MILLION, glued=True),
    "m": ScaleWord(Scale.MILLION, spaced=False, glued=True),
    "k": ScaleWord(Scale.THOUSAND, spaced=False, glued=True),
    "tn": ScaleWord(Scale.TRILLION, glued=True),
}

#: Words after which "half" is part of a number ("half a million"), not a fraction.
HALF_OF = ("dozen", "hundred", "million", "billion")

# --- number words -------------------------------------------------------------------------------

#: Number words below twenty.
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "fve": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "ffteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
#: Tens, each of which may take a digit word ("forty-five").
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "ffty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: The digit words one to nine: the second part of "forty-five", a fraction's numerator.
DIGIT_WORDS: dict[str, int] = {w: v for w, v in UNIT_WORDS.items() if 0 < v < 10}

#: Words for an unstated number before "of" ("dozens of"), with the least each can mean.
VAGUE_WORDS: dict[str, int] = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}

# --- fractions ----------------------------------------------------------------------------------

#: A fraction's numerator ("a fifth", "two-thirds").
FRACTION_NUMERATORS: dict[str, int] = {"a": 1, "an": 1, **DIGIT_WORDS}
#: A fraction's denominator; the first word of each value is the one the formatter writes.
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "ffth": 5, "ffths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}

# --- n-fold changes -----------------------------------------------------------------------------

#: Verb stems that state an n-fold change ("doubled", "halving"), with their factor.
FOLD_VERBS: dict[str, Decimal] = {
    "doubl": Decimal(2), "tripl": Decimal(3), "trebl": Decimal(3), "quadrupl": Decimal(4),
    "halv": Decimal("0.5"),
}
FOLD_VERB_ENDINGS = ("ed", "ing", "es")
#: "N times" is a factor before one of these or any comparative in -er ("three times more",
#: "2.5 times those of 2015", "twice as", "1.6 times faster"), or after a word of TIMES_AFTER;
#: elsewhere it counts occasions ("he visited China 12 times").
TIMES_BEFORE = ("more", "higher", "larger", "greater", "bigger", "less", "lower", "smaller",
                "as", "the", "over", "that", "those", "what", "its", "their", "his", "her")
#: Words before "N times" that make it a factor: a copula ("exports were 2.5 times ...") or
#: a verb of change ("grew 1.6 times"; the direction words count too).
TIMES_AFTER = frozenset({"is", "are", "was", "were", "be", "been", "being", "become",
                         "became", "multiplied", "by"})
#: Words for a factor: "twice as many" (before TIMES_BEFORE only: "he came twice" is a count).
TIMES_WORDS: dict[str, Decimal] = {"twice": Decimal(2), "thrice": Decimal(3)}
#: A number word glued to "fold" ("tenfold", "twentyfold", "hundredfold") reads as that fold;
#: these are the words that may take it besides UNIT_WORDS and TENS_WORDS.
FOLD_WORDS: dict[str, int] = {"hundred": 100, "thousand": 1000}

# --- qualifiers ---------------------------------------------------------------------------------

#: Qualifier phrases -> (qualifier, near): ``near`` for a bound that is close ("just over").
#: "between" opens a range; emphasis words ("only", "a mere") and "from" leave it exact.
QUALIFIERS: dict[str, tuple[Qualifier, bool]] = {
    "just slightly over": (Q.OVER, True), "slightly over": (Q.OVER, True),
    "just over": (Q.OVER, True), "just above": (Q.OVER, True),
    "slightly more than": (Q.OVER, True), "just more than": (Q.OVER, True),
    "a little over": (Q.OVER, True), "well over": (Q.OVER, False), "over": (Q.OVER, False),
    "more than": (Q.OVER, False), "above": (Q.OVER, False), "in excess of": (Q.OVER, False),
    "exceeding": (Q.OVER, False), "exceeded": (Q.OVER, False), "exceeds": (Q.OVER, False),
    "upwards of": (Q.OVER, False),
    "nearly": (Q.UNDER, True), "almost": (Q.UNDER, True), "just under": (Q.UNDER, True),
    "slightly under": (Q.UNDER, True), "just below": (Q.UNDER, True),
    "close to": (Q.UNDER, True), "under": (Q.UNDER, False), "less than": (Q.UNDER, False),
    "fewer than": (Q.UNDER, False), "below": (Q.UNDER, False),
    "about": (Q.APPROX, False), "around": (Q.APPROX, False),
    "approximately": (Q.APPROX, False), "approx.": (Q.APPROX, False),
    "roughly": (Q.APPROX, False), "some": (Q.APPROX, False), "circa": (Q.APPROX, False),
    "an estimated": (Q.APPROX, False), "estimated": (Q.APPROX, False),
    "at least": (Q.AT_LEAST, False), "no less than": (Q.AT_LEAST, False),
    "not less than": (Q.AT_LEAST, False), "no fewer than": (Q.AT_LEAST, False),
    "a minimum of": (Q.AT_LEAST, False),
    "up to": (Q.AT_MOST, False), "at most": (Q.AT_MOST, False),
    "no more than": (Q.AT_MOST, False), "not more than": (Q.AT_MOST, False),
    "a maximum of": (Q.AT_MOST, False), "barely": (Q.AT_MOST, True),
    "a mere": (Q.EXACT, False), "merely": (Q.EXACT, False), "mere": (Q.EXACT, False),
    "only": (Q.EXACT, False), "just": (Q.EXACT, False), "exactly": (Q.EXACT, False),
    "precisely": (Q.EXACT, False), "between": (Q.RANGE, False), "from": (Q.EXACT, False),
}
#: The qualifier phrase the formatter writes for each (qualifier, near); one of QUALIFIERS.
QUALIFIER_WORDS: dict[tuple[Qualifier, bool], str] = {
    (Q.OVER, False): "over", (Q.OVER, True): "just over", (Q.UNDER, False): "under",
    (Q.UNDER, True): "nearly", (Q.APPROX, False): "about", (Q.AT_LEAST, False): "at least",
    (Q.AT_MOST, False): "up to", (Q.AT_MOST, True): "barely",
}
#: A bound written after the figure: "300 or more", "300 or fewer" (and "300+").
OR_BOUNDS: dict[str, Qualifier] = {
    "more": Q.AT_LEAST, "over": Q.AT_LEAST, "above": Q.AT_LEAST, "less": Q.AT_MOST,
    "fewer": Q.AT_MOST, "under": Q.AT_MOST,
}

# --- dates --------------------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
#: Abbreviated month names (case-sensitive, an optional full stop after them).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}
#: A year or date after one of these bounds a change ("since 2014"); it names no period.
BOUND_WORDS = frozenset({"since", "by", "until", "till", "before", "after", "from"})

# --- directions ---------------------------------------------------------------------------------

#: Words that give a change its direction when they stand just before the figure, alone or
#: with "by" / "of" ("rose 5%", "fell by 57%", "a decline of 10%"): +1 up, -1 down. A figure
#: after "to" or "from" is a level ("rose to 300"), not a change, and takes no direction.
DIRECTION_BEFORE: dict[str, int] = {
    **dict.fromkeys((
        "rose", "rise", "rises", "rising", "risen", "grew", "grow", "grows", "growing",
        "grown", "growth", "increased", "increase", "increases", "increasing", "climbed",
        "climb", "climbs", "jumped", "jump", "jumps", "soared", "surged", "surge", "gained",
        "gain", "gains", "expanded", "expansion", "up", "added", "hike", "raised",
    ), 1),
    **dict.fromkeys((
        "fell", "fall", "falls", "falling", "fallen", "declined", "decline", "declines",
        "declining", "dropped", "drop", "drops", "dropping", "decreased", "decrease",
        "decreases", "decreasing", "shrank", "shrunk", "shrink", "shrinks", "contracted",
        "contraction", "slumped", "slump", "plunged", "plummeted", "sank", "slid", "tumbled",
        "lost", "loss", "losses", "down", "cut", "cuts", "reduced", "reduction", "slashed",
    ), -1),
}
#: Words that give a change its direction right after the figure ("a 5% increase").
DIRECTION_AFTER: dict[str, int] = {
    **dict.fromkeys(("increase", "rise", "growth", "gain", "jump", "hike", "higher", "up"), 1),
    **dict.fromkeys(("decrease", "decline", "drop", "fall", "reduction", "loss", "cut",
                     "contraction", "lower", "down"), -1),
}
#: The word the formatter writes before a figure for each direction (``DIRECTION_BEFORE``).
DIRECTION_WORDS: dict[int, str] = {1: "rising", -1: "falling"}

# --- labels and versions ------------------------------------------------------------------------

#: A number right after one of these words names something and is not a figure ("Article 5",
#: "page 12", "beta 1", "No. 5", "§ 3"); nor are the numbers listed after it ("pages 12-15",
#: "Articles 5 and 6"). Compared in lower case; a full stop is part of the word. A number
#: after any other capitalised name, with nothing that makes it a figure, is a label or a
#: version too ("Python 3.11", "Apollo 11"; see :mod:`.labels`).
LABEL_WORDS = frozenset({
    "article", "articles", "art.", "section", "sections", "sec.", "§", "§§", "chapter",
    "chapters", "ch.", "page", "pages", "p.", "pp.", "figure", "figures", "fig.", "table",
    "tables", "version", "versions", "ver.", "v.", "release", "alpha", "beta", "rc", "no.",
    "nos.", "nr.", "#", "item", "annex", "appendix", "paragraph", "paragraphs", "para.",
    "clause", "clauses", "rule", "part", "volume", "vol.", "issue", "step", "phase", "stage",
    "round", "level", "grade", "class", "type", "model", "line", "row", "column", "footnote",
    "note", "notes", "exhibit", "box", "question", "resolution", "directive", "regulation",
    "amendment", "protocol", "episode", "season", "series", "title", "schedule", "tier",
    "eq.", "ref.", "number",
})

# --- count units --------------------------------------------------------------------------------


class Unit(NamedTuple):
    """How a counted unit is written after a number: ``symbols`` exactly as shown (case
    matters: "MB" is not "mb") and also glued to the digits ("512MiB"); ``words`` in any case
    and apart from the digits ("8000 files", "a 5-member board")."""

    symbols: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


#: The singulars of the plain nouns below ("test" of "tests"): such a word before another
#: noun of the vocabulary is attributive, and the count counts that noun ("49 test cases").
_SINGULARS: set[str] = set()


def _nouns(*plurals: str) -> dict[str, Unit]:
    """Plain nouns as units named by their plural ("files"), read in the singular too."""
    table: dict[str, Unit] = {}
    for plural in plurals:
        singular = plural[:-3] + "y" if plural.endswith("ies") else (
            plural[:-2] if plural.endswith(("ches", "shes", "sses", "xes")) else plural[:-1])
        table[plural] = Unit(words=(plural, singular))
        _SINGULARS.add(singular.lower())
    return table


#: The count units: a count's unit is compared with the source's when both name one. The
#: closed list below is every unit the grammar knows; any other word after a number is not a
#: unit ("Article 5 applies" has none). Prefixed units are distinct units and never
#: converted: "16 KiB" is not "16 MiB", nor "16 kB", nor "16384 bytes".
COUNT_UNITS: dict[str, Unit] = {
    # data, with binary (IEC) and decimal (SI) prefixes
    "bytes": Unit(words=("bytes", "byte")),
    "KiB": Unit(("KiB",), ("kibibytes", "kibibyte")),
    "MiB": Unit(("MiB",), ("mebibytes", "mebibyte")),
    "GiB": Unit(("GiB",), ("gibibytes", "gibibyte")),
    "TiB": Unit(("TiB",), ("tebibytes", "tebibyte")),
    "PiB": Unit(("PiB",), ("pebibytes", "pebibyte")),
    "kB": Unit(("kB", "KB"), ("kilobytes", "kilobyte")),
    "MB": Unit(("MB",), ("megabytes", "megabyte")),
    "GB": Unit(("GB",), ("gigabytes", "gigabyte")),
    "TB": Unit(("TB",), ("terabytes", "terabyte")),
    "PB": Unit(("PB",), ("petabytes", "petabyte")),
    "bits": Unit(words=("bits", "bit")),
    "kbit": Unit(("kbit",)), "Mbit": Unit(("Mbit",)), "Gbit": Unit(("Gbit",)),
    "Kibit": Unit(("Kibit",)), "Mibit": Unit(("Mibit",)), "Gibit": Unit(("Gibit",)),
    "kbps": Unit(("kbps",)), "Mbps": Unit(("Mbps",)), "Gbps": Unit(("Gbps",)),
    # length, mass, area, volume
    "mm": Unit(("mm",), ("millimetres", "millimetre", "millimeters", "millimeter")),
    "cm": Unit(("cm",), ("centimetres", "centimetre", "centimeters", "centimeter")),
    "metres": Unit(words=("metres", "metre", "meters", "meter")),
    "km": Unit(("km",), ("kilometres", "kilometre", "kilometers", "kilometer")),
    "miles": Unit(words=("miles", "mile")),
    "feet": Unit(words=("feet", "foot")),
    "mg": Unit(("mg",), ("milligrams", "milligram")),
    "grams": Unit(words=("grams", "gram")),
    "kg": Unit(("kg",), ("kilograms", "kilogram", "kilos")),
    "tonnes": Unit(words=("tonnes", "tonne", "tons", "ton")),
    "hectares": Unit(("ha",), ("hectares", "hectare")),
    "km²": Unit(("km²",)),
    "litres": Unit(words=("litres", "litre", "liters", "liter")),
    "barrels": Unit(words=("barrels", "barrel")),
    "bcm": Unit(("bcm",)),
    # energy and power
    "kWh": Unit(("kWh",)), "MWh": Unit(("MWh",)), "GWh": Unit(("GWh",)),
    "TWh": Unit(("TWh",)), "kW": Unit(("kW",)), "MW": Unit(("MW",)), "GW": Unit(("GW",)),
    # time
    "ms": Unit(("ms",), ("milliseconds", "millisecond")),
    "seconds": Unit(words=("seconds", "second")),
    "minutes": Unit(words=("minutes", "minute")),
    "hours": Unit(words=("hours", "hour")),
    "days": Unit(words=("days", "day")),
    "weeks": Unit(words=("weeks", "week")),
    "months": Unit(words=("months", "month")),
    "years": Unit(words=("years", "year")),
    "decades": Unit(words=("decades", "decade")),
    "centuries": Unit(words=("centuries", "century")),
    # people
    "people": Unit(words=("people", "persons", "person")),
    "children": Unit(words=("children", "child")),
    "men": Unit(words=("men", "man")),
    "women": Unit(words=("women", "woman")),
    "MPs": Unit(words=("MPs", "MP")),
    **_nouns("residents", "inhabitants", "citizens", "voters", "workers", "employees", "jobs",
             "members", "deputies", "lawmakers", "senators", "soldiers", "troops", "officers",
             "officials", "diplomats", "students", "pupils", "teachers", "doctors", "nurses",
             "patients", "adults", "households", "families", "refugees", "migrants",
             "immigrants", "tourists", "visitors", "passengers", "cyclists", "pedestrians",
             "drivers", "users", "customers", "subscribers", "deaths", "victims",
             "casualties", "injuries", "fatalities", "cases", "infections", "births", "votes",
             "seats", "signatures", "delegates", "participants", "protesters", "prisoners",
             "arrests", "respondents", "experts", "scientists", "journalists", "leaders"),
    # organisations and places
    **_nouns("companies", "firms", "enterprises", "businesses", "banks", "institutions",
             "universities", "schools", "hospitals", "clinics", "states", "countries",
             "nations", "cities", "towns", "villages", "municipalities", "regions",
             "provinces", "districts", "organisations", "organizations", "agencies",
             "ministries", "embassies", "parties", "governments", "NGOs", "institutes"),
    # things and events
    "TEU": Unit(("TEU", "TEUs")),
    "aircraft": Unit(words=("aircraft",)),
    "buses": Unit(words=("buses", "bus")),
    **_nouns("files", "documents", "records", "containers", "vehicles", "cars", "trucks",
             "lorries", "trains", "wagons", "ships", "vessels", "planes", "flights",
             "trips", "visits", "meetings", "summits", "projects", "agreements", "contracts",
             "treaties", "loans", "deals", "laws", "bills", "products", "items", "homes",
             "houses", "dwellings", "apartments", "buildings", "bridges", "roads", "lanes",
             "bicycles", "bikes", "servers", "computers", "devices", "phones", "pages",
             "words", "characters", "lines", "questions", "answers", "surveys", "studies",
             "papers", "reports", "articles", "sources", "sanctions", "programmes",
             "programs", "events", "incidents", "attacks", "strikes", "crossings",
             "journeys", "routes", "stations", "ports", "factories", "plants", "farms",
             "shops", "stores", "tests", "commits", "releases", "packages", "rules", "issues",
             "steps", "stages", "rounds", "points"),
}
NOUN_SINGULARS = frozenset(_SINGULARS)
#: Spelling -> unit: symbols as written, words in lower case.
UNIT_SYMBOLS: dict[str, str] = {s: name for name, u in COUNT_UNITS.items() for s in u.symbols}
UNIT_SPELLINGS: dict[str, str] = {w.lower(): name for name, u in COUNT_UNITS.items()
                                  for w in u.words}

# --- counted nouns ------------------------------------------------------------------------------

#: Words that are never the counted noun after a count ("54 states", not "54 of").
STOP_WORDS = frozenset([
    "a", "about", "after", "again", "against", "all", "also", "among", "an", "and", "another",
    "any", "are", "around", "as", "at", "be", "been", "before", "being", "between", "both",
    "but", "by", "can", "cent", "could", "de", "did", "do", "does", "down", "during", "each",
    "either", "every", "for", "from", "further", "had", "has", "have", "here", "how", "if", "in",
    "into", "is", "it", "its", "just", "la", "le", "less", "may", "might", "more", "must",
    "neither", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "out",
    "over", "own", "per", "percent", "respectively", "s", "same", "shall", "should", "since",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "toward", "towards", "under", "until", "up",
    "upon", "very", "via", "was", "were", "what", "when", "where", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "within", "without", "would",
]) | {m.lower() for m in MONTHS}
