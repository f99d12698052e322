"""Plant one known error in a map's data: the operators of the mutation harness.

A verifier is only as good as the errors it catches on maps it has never seen. Each operator
here takes a map's data (the YAML loaded into plain dicts and lists, sources inline) and a
seeded ``random.Random``, picks one site the map offers, and returns a changed deep copy with
a one-line description of the planted error, or ``None`` when the map offers no site. The
operators know nothing of the checker: they find their sites with their own small patterns
(digits, years, unit words, antonyms), so a gap in the checker's number grammar cannot hide a
site from the harness. ``run_harness`` writes every mutant to a folder, checks it in-process
and compares its findings with the unmutated map's (see docs/verification.md).
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

__all__ = [
    "CLASSES",
    "ClassResult",
    "MapData",
    "Mutant",
    "kind_violations",
    "load_map_data",
    "run_harness",
    "seeded",
]

MapData = dict[str, Any]
Mutant = tuple[MapData, str]
Mutator = Callable[[MapData, Random], "Mutant | None"]

# --- reading the map's parts ---------------------------------------------------------------------


def load_map_data(folder: Path) -> MapData:
    """``map.yaml`` and ``sources.yaml`` of a map folder as one dict, sources inline."""
    import yaml_rs

    data: MapData = yaml_rs.loads(
        (folder / "map.yaml").read_text(encoding="utf-8"), parse_datetime=False
    )
    sources_file = folder / "sources.yaml"
    if sources_file.is_file():
        extra = yaml_rs.loads(sources_file.read_text(encoding="utf-8"), parse_datetime=False)
        data["sources"] = [*data.get("sources", []), *(extra or [])]
    return data


def _claims(data: MapData) -> list[dict[str, Any]]:
    return list(data.get("claims", []))


def _evidence_by_id(data: MapData) -> dict[str, dict[str, Any]]:
    return {ev["id"]: ev for ev in data.get("evidence", [])}


def _quote(ev: dict[str, Any]) -> str:
    quote = ev.get("quote") or {}
    return str(quote.get("exact", "")) if isinstance(quote, dict) else ""


def _claim_quotes(data: MapData, claim: dict[str, Any]) -> str:
    """Every quote the claim cites, joined: a new figure must not already be in them."""
    evidence = _evidence_by_id(data)
    return "\n".join(_quote(evidence[e]) for e in claim.get("evidence", []) if e in evidence)


def _froms(relation: dict[str, Any]) -> list[str]:
    value = relation.get("from", [])
    return [value] if isinstance(value, str) else list(value)


def _all_ids(data: MapData) -> set[str]:
    found: set[str] = set()
    for key in ("sections", "claims", "relations", "evidence", "checks", "sources"):
        found.update(str(node["id"]) for node in data.get(key, []) if "id" in node)
    for claim in _claims(data):
        found.update(str(q["id"]) for q in claim.get("quantities", []))
    return found


def _concluded(data: MapData) -> set[str]:
    """Claims that a relation supports: intermediate conclusions and theses."""
    return {str(r.get("to")) for r in data.get("relations", []) if r.get("type") == "supports"}


def _date_checked(data: MapData, claim: dict[str, Any]) -> bool:
    """Whether a year in this claim must be cited: concluded claims without evidence are exempt.

    Issue 13 keeps AM302's exemption for concluded claims, so an error planted in the dates
    of such a claim is not one the checker is asked to catch.
    """
    return bool(claim.get("evidence")) or claim["id"] not in _concluded(data)


def _has_snapshot(data: MapData, source_id: str) -> bool:
    return any(
        s.get("id") == source_id and s.get("snapshot") for s in data.get("sources", [])
    )


# --- figures and years in prose ------------------------------------------------------------------

#: A figure as the harness sees it: digits with thousands commas or a decimal part, not glued
#: to a letter, digit or dot before it ("i7-4770K", "x86-64", "3.19.2", "bpo-46845", "2**30"
#: and the "17+1" format are not figures). A unit glued after it ("2GiB", "1.25x") is allowed.
_NUMBER = re.compile(
    r"(?<![\w.\-*/])(?<!\d\+)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\d|[.,]\d|\*\*|\+\d)"
)
#: Words before a number that make it a label or a version, not a figure.
_LABEL_BEFORE = re.compile(
    r"(?:python|cpython|pep|version|versions|windows|win|alpha|beta|release|candidate|article|"
    r"page|section|chart|table|note|figure|macos|ubuntu|android|galaxy|point|paragraph|"
    r"footnote|sqlite|gcc|level)\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\w.\-])(19\d\d|20\d\d)(?![\w.]\d|\d)")
#: Number words and their swaps, with the value each stands for.
_NUMBER_WORDS: dict[str, tuple[str, float, float]] = {
    "twice": ("three times", 2, 3),
    "two": ("three", 2, 3),
    "three": ("four", 3, 4),
    "five": ("six", 5, 6),
    "ten": ("twelve", 10, 12),
    "a fifth": ("a quarter", 0.2, 0.25),
    "a tenth": ("a fifth", 0.1, 0.2),
    "tripled": ("doubled", 3, 2),
    "doubled": ("tripled", 2, 3),
    "fivefold": ("sixfold", 5, 6),
}
_WORD_NUMBER = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", token))


def _figure_spans(text: str, *, years: bool = False) -> list[tuple[int, int]]:
    """Spans of figures in prose: numbers that are not labels, versions or (unless asked) years."""
    spans: list[tuple[int, int]] = []
    for match in _NUMBER.finditer(text):
        token = match.group(1)
        if _is_year(token) and not years:
            continue
        if _LABEL_BEFORE.search(text[: match.start()]):
            continue
        if re.match(r"\.\d+\.\d", text[match.end(1) :]):  # a dotted version "3.19.2"
            continue
        spans.append(match.span(1))
    return spans


_VERSION_AFTER_LABEL = re.compile(
    r"(?:python|cpython|version|versions|sqlite|release)\s+(\d+\.\d+)(?!\d|\.\d)", re.IGNORECASE
)


def _versions(data: MapData) -> frozenset[str]:
    """Numbers this map writes as versions somewhere ("Python 3.11"): versions elsewhere too.

    A map of release notes says "in 3.11" as often as "in Python 3.11"; issue 13 does not
    read versions as figures, so a bare "3.11" of such a map is no figure to change or cite.
    """
    texts = [c.get("text", "") for c in _claims(data)]
    texts += [_quote(ev) for ev in data.get("evidence", [])]
    return frozenset(m.group(1) for t in texts for m in _VERSION_AFTER_LABEL.finditer(t))


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _WORD_NUMBER.finditer(text)]


_WORD_VALUES = {w: v for w, (_, v, _) in _NUMBER_WORDS.items()} | {
    new: value for _, (new, _, value) in _NUMBER_WORDS.items()
}


def _number_value(token: str) -> float:
    if token.lower() in _WORD_VALUES:
        return _WORD_VALUES[token.lower()]
    return float(token.replace(",", ""))


def _changed_number(token: str, rng: Random, avoid: str) -> str | None:
    """The token with one digit changed (a typo or a fabrication), not found in ``avoid``."""
    if token.lower() in _NUMBER_WORDS:
        new = _NUMBER_WORDS[token.lower()][0]
        return new if new not in avoid.lower() else None
    positions = [i for i, ch in enumerate(token) if ch.isdigit()]
    for _ in range(20):
        pos = positions[0] if rng.random() < 0.6 else rng.choice(positions)
        digits = [d for d in "0123456789" if d != token[pos] and not (pos == 0 and d == "0")]
        candidate = token[:pos] + rng.choice(digits) + token[pos + 1 :]
        if not re.search(r"(?<![\d,.])" + re.escape(candidate) + r"(?![\d]|[.,]\d)", avoid):
            return candidate
    return None


def _replace_span(text: str, span: tuple[int, int], new: str) -> str:
    return text[: span[0]] + new + text[span[1] :]


def _set_number_in_quantity(quantity: dict[str, Any], old: str, new: str) -> None:
    """Keep a declared quantity in step with the figure changed in its text."""
    old_value, new_value = _number_value(old), _number_value(new)
    for key in ("value", "upper"):
        value = quantity.get(key)
        if isinstance(value, int | float) and abs(float(value) - old_value) < 1e-9:
            quantity[key] = _as_number(new_value)
            return
    value = quantity.get("value")
    if isinstance(value, int | float) and old_value:
        quantity["value"] = _as_number(float(value) * new_value / old_value)


def _as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


class PickRandom(Random):
    """A seeded generator that remembers the sites it picked, so that picks spread out.

    The harness uses one per map and class for all its picks: a site is picked again only
    when every site of the map has had its turn.
    """

    def __init__(self, seed: str) -> None:
        super().__init__(seed)
        self.taken: set[str] = set()


def seeded(seed: object) -> PickRandom:
    """The generator for a run of picks: the same seed plants the same errors everywhere."""
    return PickRandom(str(seed))


def _pick(rng: Random, sites: Sequence[Any]) -> Any:
    if not sites:
        return None
    taken = getattr(rng, "taken", None)
    if taken is None:
        return rng.choice(list(sites))
    fresh = [site for site in sites if repr(site) not in taken] or list(sites)
    site = rng.choice(fresh)
    taken.add(repr(site))
    return site


def _quantity_sites(data: MapData) -> Iterator[tuple[int, int]]:
    """(claim index, quantity index) of figure quantities whose text is in the claim's text."""
    for ci, claim in enumerate(_claims(data)):
        for qi, q in enumerate(claim.get("quantities", [])):
            text = q.get("text")
            if q.get("kind") in {"year", "date"} or not text or text not in claim["text"]:
                continue
            if _figure_spans(text) or _word_spans(text):
                yield ci, qi


def _change_quantity_figure(
    data: MapData, rng: Random, ci: int, qi: int
) -> tuple[MapData, str] | None:
    """Change one figure of a quantity in its claim's text, its ``text`` and its value."""
    claim = data["claims"][ci]
    q = claim["quantities"][qi]
    text = q["text"]
    spans = _figure_spans(text, years=True) or _word_spans(text)
    if not spans:
        return None
    span = rng.choice(spans)
    old = text[span[0] : span[1]]
    new = _changed_number(old, rng, _claim_quotes(data, claim) + "\n" + claim["text"])
    if new is None:
        return None
    out = copy.deepcopy(data)
    out_claim = out["claims"][ci]
    out_q = out_claim["quantities"][qi]
    new_text = _replace_span(text, span, new)
    out_claim["text"] = out_claim["text"].replace(text, new_text, 1)
    out_q["text"] = new_text
    _set_number_in_quantity(out_q, old, new)
    return out, f"{claim['id']}/{q['id']}: {text!r} -> {new_text!r} in text, quantity and value"


# --- the operators -------------------------------------------------------------------------------


def _text_mutant(
    data: MapData, site: tuple[int, tuple[int, int]] | None, what: str,
    change: Callable[[str, str], str | None],
) -> Mutant | None:
    """Change the span ``site`` of one claim's text only: ``change(old, the claim's quotes)``
    gives the new words, or None when the site offers no change."""
    if site is None:
        return None
    ci, span = site
    claim = data["claims"][ci]
    old = claim["text"][span[0] : span[1]]
    new = change(old, _claim_quotes(data, claim))
    if new is None:
        return None
    out = copy.deepcopy(data)
    out["claims"][ci]["text"] = _replace_span(claim["text"], span, new)
    return out, f"{claim['id']}: {what}{old!r} -> {new!r} in the text only"


def figure_in_text(data: MapData, rng: Random) -> Mutant | None:
    """A figure in a claim's text changes; declared quantities and quotes stay as they were."""
    versions = _versions(data)
    sites = [
        (ci, span)
        for ci, claim in enumerate(_claims(data))
        for span in _figure_spans(claim["text"]) + _word_spans(claim["text"])
        if claim["text"][span[0] : span[1]] not in versions
    ]
    return _text_mutant(data, _pick(rng, sites), "",
                        lambda old, quotes: _changed_number(old, rng, quotes))


def figure_in_text_and_quantity(data: MapData, rng: Random) -> Mutant | None:
    """A figure changes in the claim's text and in its declared quantity alike."""
    site = _pick(rng, list(_quantity_sites(data)))
    return None if site is None else _change_quantity_figure(data, rng, *site)


def _quote_mutant(
    data: MapData, rng: Random, pattern: re.Pattern[str], what: str,
    replace: Callable[[str, str], str | None],
) -> Mutant | None:
    """Change one match of ``pattern`` (group 1) in one evidence quote: ``replace(old, exact)``
    gives the new text, or None when the site offers no change."""
    sites = [
        (ei, match.span(1))
        for ei, ev in enumerate(data.get("evidence", []))
        for match in pattern.finditer(_quote(ev))
    ]
    site = _pick(rng, sites)
    if site is None:
        return None
    ei, span = site
    ev = data["evidence"][ei]
    exact = _quote(ev)
    old = exact[span[0] : span[1]]
    new = replace(old, exact)
    if new is None:
        return None
    out = copy.deepcopy(data)
    out["evidence"][ei]["quote"]["exact"] = _replace_span(exact, span, new)
    return out, f"{ev['id']}: {what} {old!r} -> {new!r}"


def number_in_quote(data: MapData, rng: Random) -> Mutant | None:
    """One digit of a number in an evidence quote changes."""
    return _quote_mutant(data, rng, _NUMBER, "quote",
                         lambda old, exact: _changed_number(old, rng, exact))


#: Words whose swap turns a statement into its opposite (both directions are used).
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("increased", "decreased"), ("increase", "decrease"), ("increases", "decreases"),
    ("increasing", "decreasing"), ("rose", "fell"), ("rise", "fall"), ("grew", "shrank"),
    ("growing", "shrinking"), ("growth", "decline"), ("more", "less"), ("higher", "lower"),
    ("before", "after"), ("faster", "slower"), ("fast", "slow"), ("larger", "smaller"),
    ("large", "small"), ("better", "worse"), ("improved", "worsened"), ("most", "least"),
    ("always", "never"), ("first", "last"), ("above", "below"), ("gained", "lost"),
    ("strong", "weak"), ("stronger", "weaker"), ("major", "minor"), ("easier", "harder"),
    ("competitive", "uncompetitive"), ("accepted", "rejected"), ("support", "oppose"),
    ("supported", "opposed"), ("deepening", "weakening"), ("deteriorated", "improved"),
    ("stagnated", "flourished"), ("froze", "flourished"), ("booming", "collapsing"),
    ("positive", "negative"), ("important", "unimportant"), ("crucial", "marginal"),
    ("success", "failure"), ("allowed", "forbidden"), ("open", "closed"), ("won", "lost"),
    ("expanded", "contracted"), ("reduced", "raised"), ("slightly", "greatly"),
    ("significantly", "barely"), ("tremendous", "negligible"),
    ("less", "more"), ("slower", "faster"), ("smaller", "larger"), ("lower", "higher"),
)
_SWAPS = dict(ANTONYMS) | {b: a for a, b in ANTONYMS if b not in dict(ANTONYMS)}
_ANTONYM = re.compile(r"\b(" + "|".join(sorted(_SWAPS, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[0].upper() + word[1:] if model[0].isupper() else word


def word_in_quote(data: MapData, rng: Random) -> Mutant | None:
    """A meaningful word of a quote becomes its opposite ("increased" -> "decreased")."""
    return _quote_mutant(data, rng, _ANTONYM, "quote word",
                         lambda old, _exact: _same_case(old, _SWAPS[old.lower()]))


def _claims_with_figures(data: MapData) -> list[dict[str, Any]]:
    return [
        c for c in _claims(data)
        if c.get("quantities") or _figure_spans(c["text"]) or _word_spans(c["text"])
    ]


def evidence_to_other_source(data: MapData, rng: Random) -> Mutant | None:
    """An evidence item of a figure claims its quote comes from another source (``via`` dropped).

    The other source may have a snapshot (the quote is then looked for in the wrong text) or
    none (the figure becomes unverifiable).
    """
    cited = {e for c in _claims_with_figures(data) for e in c.get("evidence", [])}
    sources = [s["id"] for s in data.get("sources", [])]
    sites = [
        (ei, other)
        for ei, ev in enumerate(data.get("evidence", []))
        if ev["id"] in cited
        for other in sources
        if other != ev.get("via", ev.get("source")) and other != ev.get("source")
    ]
    site = _pick(rng, sites)
    if site is None:
        return None
    ei, other = site
    ev = data["evidence"][ei]
    out = copy.deepcopy(data)
    out["evidence"][ei]["source"] = other
    out["evidence"][ei].pop("via", None)
    snap = "with a snapshot" if _has_snapshot(data, other) else "without a snapshot"
    held = ev.get("via", ev["source"])
    return out, f"{ev['id']}: quote held by {held!r} now attributed to {other!r} ({snap})"


def _digits(token: str) -> str:
    return token.replace(",", "")


def evidence_removed(data: MapData, rng: Random) -> Mutant | None:
    """A claim loses the evidence that states one of its figures."""
    evidence = _evidence_by_id(data)
    versions = _versions(data)
    sites: list[tuple[int, str, list[str]]] = []
    for ci, claim in enumerate(_claims(data)):
        for span in _figure_spans(claim["text"], years=True):
            token = claim["text"][span[0] : span[1]]
            if token in versions:
                continue
            holders = [
                e for e in claim.get("evidence", [])
                if e in evidence
                and re.search(r"(?<![\d.])" + re.escape(_digits(token)) + r"(?!\d|\.\d)",
                              _digits(_quote(evidence[e])))
            ]
            left = [e for e in claim.get("evidence", []) if e not in holders]
            if _is_year(token) and not _date_checked(data, {**claim, "evidence": left}):
                continue
            if holders:
                sites.append((ci, token, holders))
    site = _pick(rng, sites)
    if site is None:
        return None
    ci, token, holders = site
    out = copy.deepcopy(data)
    claim = out["claims"][ci]
    claim["evidence"] = [e for e in claim["evidence"] if e not in holders]
    return out, f"{claim['id']}: removed {', '.join(holders)} (the quotes stating {token!r})"


_SENTENCES = (
    "Its share reached {p}% that year.",
    "About {n} people were affected.",
    "The cost came to USD {m} million.",
    "It grew {k}-fold over the period.",
    "A further {n} cases were counted.",
    "This was {k} times the earlier level.",
)


def uncited_figure_sentence(data: MapData, rng: Random) -> Mutant | None:
    """A sentence with a figure no quote states is added to a claim's text."""
    claims = _claims(data)
    if not claims:
        return None
    ci = rng.randrange(len(claims))
    claim = claims[ci]
    quotes = _claim_quotes(data, claim) + claim["text"]
    for _ in range(20):
        sentence = rng.choice(_SENTENCES).format(
            p=rng.randint(11, 89), n=rng.randint(120, 9800), m=rng.randint(13, 950),
            k=rng.randint(3, 19),
        )
        figure = re.search(r"\d+", sentence)
        if figure and figure.group() not in quotes:
            out = copy.deepcopy(data)
            out["claims"][ci]["text"] = claim["text"].rstrip() + " " + sentence
            return out, f"{claim['id']}: added {sentence!r}"
    return None


def _changed_year(year: str, rng: Random, avoid: str) -> str | None:
    for _ in range(20):
        candidate = str(int(year) + rng.choice([-3, -2, -1, 1, 2, 3]))
        if candidate not in avoid:
            return candidate
    return None


def year_in_text(data: MapData, rng: Random) -> Mutant | None:
    """A year in a claim's text changes; quantities, periods and quotes stay as they were."""
    sites = [
        (ci, m.span(1))
        for ci, c in enumerate(_claims(data)) if _date_checked(data, c)
        for m in _YEAR.finditer(c["text"])
    ]
    return _text_mutant(data, _pick(rng, sites), "year ",
                        lambda old, quotes: _changed_year(old, rng, quotes))


def _shift_period(period: Any, old: str, new: str) -> Any:
    if isinstance(period, int) and str(period) == old:
        return int(new)
    if isinstance(period, str) and old in period:
        return period.replace(old, new)
    return period


def year_everywhere(data: MapData, rng: Random) -> Mutant | None:
    """A year changes in a claim's text, its quantities (text, value, period) and its period.

    The map stays consistent with itself; only the quotes can show the year is wrong.
    """
    sites = []
    for ci, claim in enumerate(_claims(data)):
        if not _date_checked(data, claim):
            continue
        for m in _YEAR.finditer(claim["text"]):
            year = m.group(1)
            touched = any(
                year in str(q.get("text", "")) or year in str(q.get("period", ""))
                for q in claim.get("quantities", [])
            ) or year in str(claim.get("period", ""))
            if touched:
                sites.append((ci, year))
    site = _pick(rng, sites)
    if site is None:
        return None
    ci, old = site
    claim = data["claims"][ci]
    new = _changed_year(old, rng, _claim_quotes(data, claim))
    if new is None:
        return None
    out = copy.deepcopy(data)
    out_claim = out["claims"][ci]
    pattern = re.compile(r"(?<![\w.\-])" + old + r"(?!\d)")
    out_claim["text"] = pattern.sub(new, out_claim["text"])
    if "period" in out_claim:
        out_claim["period"] = _shift_period(out_claim["period"], old, new)
    for q in out_claim.get("quantities", []):
        if "text" in q:
            q["text"] = pattern.sub(new, str(q["text"]))
        if "period" in q:
            q["period"] = _shift_period(q["period"], old, new)
        for key in ("value", "upper"):
            if str(q.get(key)) == old:
                q[key] = int(new)
    return out, f"{claim['id']}: year {old} -> {new} in text, quantities and period"


def relation_reversed(data: MapData, rng: Random) -> Mutant | None:
    """A supports or attacks relation with one premise runs the other way (B -> A)."""
    claim_ids = {c["id"] for c in _claims(data)}
    sites = [
        ri for ri, r in enumerate(data.get("relations", []))
        if r.get("type") in {"supports", "attacks"} and len(_froms(r)) == 1
        and r.get("to") in claim_ids
    ]
    site = _pick(rng, sites)
    if site is None:
        return None
    relation = data["relations"][site]
    out = copy.deepcopy(data)
    target = out["relations"][site]
    (source,) = _froms(relation)
    target["from"] = relation["to"] if isinstance(relation["from"], str) else [relation["to"]]
    target["to"] = source
    target.pop("linked", None)
    return out, f"{relation['id']}: {source} {relation['type']} {relation['to']} reversed"


_REF_KEYS = ("claim", "numerator", "denominator", "result", "from", "to", "part", "whole",
             "parts", "total", "minuend", "subtrahend")


def _near_miss(ident: str, taken: set[str], rng: Random) -> str:
    """An ID one character away from a real one (a typo) that names nothing."""
    for _ in range(50):
        pos = rng.randrange(len(ident))
        ch = ident[pos]
        if ch.isdigit():
            repl = rng.choice([d for d in "0123456789" if d != ch])
        elif ch.isalpha():
            repl = rng.choice([c for c in "ABCDEFGHIKLMNOPRSTUVWXY" if c != ch.upper()])
            repl = repl if ch.isupper() else repl.lower()
        else:
            continue
        candidate = ident[:pos] + repl + ident[pos + 1 :]
        if candidate not in taken:
            return candidate
    return ident + "-X"


def unknown_id(data: MapData, rng: Random) -> Mutant | None:
    """One reference (evidence, premise, target, source, section, check operand) names nothing."""
    sites: list[tuple[str, int, str, int | None]] = []
    for ci, claim in enumerate(_claims(data)):
        sites.extend(("claims", ci, "evidence", k) for k in range(len(claim.get("evidence", []))))
        if claim.get("section"):
            sites.append(("claims", ci, "section", None))
    for ri, relation in enumerate(data.get("relations", [])):
        if isinstance(relation.get("from"), list):
            sites.extend(("relations", ri, "from", k) for k in range(len(relation["from"])))
        else:
            sites.append(("relations", ri, "from", None))
        sites.append(("relations", ri, "to", None))
    for ei, ev in enumerate(data.get("evidence", [])):
        sites.extend(("evidence", ei, key, None) for key in ("source", "via") if key in ev)
    for xi, check in enumerate(data.get("checks", [])):
        for key in _REF_KEYS:
            if isinstance(check.get(key), list):
                sites.extend(("checks", xi, key, k) for k in range(len(check[key])))
            elif key in check:
                sites.append(("checks", xi, key, None))
    site = _pick(rng, sites)
    if site is None:
        return None
    kind, index, key, pos = site
    out = copy.deepcopy(data)
    node = out[kind][index]
    old = node[key][pos] if pos is not None else node[key]
    new = _near_miss(str(old), _all_ids(data), rng)
    if pos is not None:
        node[key][pos] = new
    else:
        node[key] = new
    return out, f"{node['id']}.{key}: {old!r} -> {new!r} (no such ID)"


#: Unit, currency and scale words and what each becomes, matched right after a figure (a
#: currency also right before one). Only units of measure are swapped: the count nouns of prose
#: ("containers", "MPs") are not units in every reading, so changing one may not be an error.
UNIT_SWAPS: dict[str, str] = {
    "USD": "EUR", "EUR": "USD", "$": "€", "€": "$", "thousand": "million", "million": "billion",
    "billion": "million", "trillion": "billion", "bytes": "kilobytes", "kilobytes": "bytes",
    "kilobyte": "megabyte", "KB": "MB", "MB": "GB", "GB": "TB", "KiB": "MiB", "MiB": "GiB",
    "GiB": "MiB", "gigabyte": "terabyte", "years": "months", "months": "years",
    "days": "weeks", "weeks": "days", "hours": "minutes", "%": " times", "x": "%",
    "times": "percent", "percent": "times",
}
_CURRENCY_BEFORE = ("USD", "EUR", "$", "€")
_UNIT_AFTER = re.compile(
    r"(?<=\d)( ?)(" + "|".join(
        re.escape(u) for u in sorted(UNIT_SWAPS, key=len, reverse=True)
        if u not in _CURRENCY_BEFORE
    ) + r")(?![\w])"
)
_CURRENCY = re.compile(r"(?<![\w$€])(USD|EUR|\$|€)(?= ?\d)")


#: Units whose swap changes the figure's kind, currency or scale: a bare number in the quote
#: differs from the swapped figure as much as from the original, so they are always sites.
_KIND_UNITS = frozenset({"USD", "EUR", "$", "€", "thousand", "million", "billion", "trillion",
                         "%", "x", "times", "percent"})


def _quotes_name_unit(quotes: str, unit: str) -> bool:
    """Whether a quote names the count unit ``unit`` at a number ("for 5 years")."""
    number = r"\d(?:[\d,.]*\d)?"
    return bool(re.search(rf"{number}\s?{re.escape(unit.rstrip('s'))}s?(?!\w)", quotes,
                          re.IGNORECASE))


def unit_changed(data: MapData, rng: Random) -> Mutant | None:
    """A unit, currency or scale word next to a figure changes, in the text and the quantity.

    A count's unit ("years", "bytes", "MiB") is swapped only where a quote of the claim names
    it at a number: issue 13 compares a count's unit when both sides name one, so a unit the
    source leaves out (or writes in another language, "5 let" for "5 years") is no error the
    checker is asked to see. Units of kind, currency and scale are always sites.
    """
    sites: list[tuple[int, tuple[int, int]]] = []
    for ci, claim in enumerate(_claims(data)):
        text = claim["text"]
        quotes = _claim_quotes(data, claim)
        found = [(ci, m.span(2)) for m in _UNIT_AFTER.finditer(text)]
        found += [(ci, m.span(1)) for m in _CURRENCY.finditer(text)]
        sites.extend(site for site in found if (unit := text[site[1][0] : site[1][1]])
                     in _KIND_UNITS or _quotes_name_unit(quotes, unit))
    site = _pick(rng, sites)
    if site is None:
        return None
    ci, span = site
    claim = data["claims"][ci]
    old = claim["text"][span[0] : span[1]]
    new_span_text = UNIT_SWAPS[old]
    new = new_span_text.strip()
    out = copy.deepcopy(data)
    out_claim = out["claims"][ci]
    out_claim["text"] = _replace_span(claim["text"], span, new_span_text)
    for q in out_claim.get("quantities", []):
        qtext = str(q.get("text", ""))
        start = claim["text"].find(qtext) if qtext else -1
        if start < 0 or not (start <= span[0] and span[1] <= start + len(qtext)):
            continue
        local = (span[0] - start, span[1] - start)
        q["text"] = _replace_span(qtext, local, new_span_text)
        if q.get("unit") == old:
            q["unit"] = new
        if q.get("scale") == old:
            q["scale"] = new
        if old in {"%", "percent"}:
            q["kind"] = "fold"
        elif old in {"x", "times"}:
            q["kind"] = "percent"
    return out, f"{claim['id']}: unit {old!r} -> {new_span_text.strip()!r}"


_CHECK_INPUTS = {
    "ratio": ("numerator", "denominator"), "fold": ("from", "to"), "share": ("part", "whole"),
    "sum": ("parts",), "difference": ("minuend", "subtrahend"), "percent-change": ("from", "to"),
}


def arithmetic_input_changed(data: MapData, rng: Random) -> Mutant | None:
    """An input of a declared check changes, in its quantity and its claim's text alike."""
    where = {
        q["id"]: (ci, qi)
        for ci, claim in enumerate(_claims(data))
        for qi, q in enumerate(claim.get("quantities", []))
    }
    sites: list[str] = []
    for check in data.get("checks", []):
        for key in _CHECK_INPUTS.get(str(check.get("type")), ()):
            value = check.get(key)
            sites.extend(v for v in (value if isinstance(value, list) else [value]) if v in where)
    quantity_id = _pick(rng, sites)
    if quantity_id is None:
        return None
    ci, qi = where[quantity_id]
    q = data["claims"][ci]["quantities"][qi]
    if q.get("text") and q["text"] in data["claims"][ci]["text"]:
        changed = _change_quantity_figure(data, rng, ci, qi)
        if changed is not None:
            return changed
    out = copy.deepcopy(data)
    out_q = out["claims"][ci]["quantities"][qi]
    out_q["value"] = _as_number(float(q["value"]) * 1.5)
    return out, f"{quantity_id}: value {q['value']} -> {out_q['value']}"


#: The mutation classes, in the order of the issue; each name is a row of the table.
CLASSES: dict[str, Mutator] = {
    "figure in text": figure_in_text,
    "figure in text and quantity": figure_in_text_and_quantity,
    "number in a quote": number_in_quote,
    "word in a quote": word_in_quote,
    "evidence to another source": evidence_to_other_source,
    "evidence removed": evidence_removed,
    "uncited figure sentence": uncited_figure_sentence,
    "year in text": year_in_text,
    "year in text, quantity and period": year_everywhere,
    "relation reversed": relation_reversed,
    "unknown ID": unknown_id,
    "unit, currency or scale": unit_changed,
    "arithmetic input": arithmetic_input_changed,
}
REVERSED = "relation reversed"

# --- kinds against the structure (issue 13's table) ---------------------------------------------


def kind_violations(data: MapData) -> set[str]:
    """Where the declared kinds contradict the relations, by issue 13's table of kinds.

    The harness's own reading of the table, used only to say which reversed relations the
    kinds make detectable; the checker's rule is the one under test.
    """
    kinds = {c["id"]: c.get("kind", "claim") for c in _claims(data)}
    evidence = {c["id"]: bool(c.get("evidence")) for c in _claims(data)}
    supported: set[str] = set()
    attacking: set[str] = set()
    found: set[str] = set()
    for r in data.get("relations", []):
        for f in _froms(r):
            if kinds.get(f) == "thesis":
                found.add(f"thesis {f} is a premise of {r['id']}")
            if kinds.get(f) == "objection" and r.get("type") == "supports":
                found.add(f"objection {f} supports")
            if r.get("type") in {"attacks", "undercuts"}:
                attacking.add(f)
        if r.get("type") == "supports":
            supported.add(str(r.get("to")))
    for cid, kind in kinds.items():
        if kind == "claim" and cid not in supported and not evidence[cid]:
            found.add(f"claim {cid} has no support and no evidence")
        if kind == "premise" and cid in supported:
            found.add(f"premise {cid} is supported")
        if kind == "premise" and not evidence[cid]:
            found.add(f"premise {cid} has no evidence")
        if kind == "objection" and cid not in attacking:
            found.add(f"objection {cid} attacks nothing")
    return found


def _support_cycle(data: MapData) -> bool:
    graph: dict[str, list[str]] = {}
    for r in data.get("relations", []):
        if r.get("type") == "supports":
            for f in _froms(r):
                graph.setdefault(f, []).append(str(r["to"]))
    state: dict[str, int] = {}

    def visit(node: str) -> bool:
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1 or (nxt not in state and visit(nxt)):
                return True
        state[node] = 2
        return False

    return any(node not in state and visit(node) for node in list(graph))


def reversal_detectable(before: MapData, after: MapData) -> bool:
    """The kinds (or a new circle of support) make this reversed relation an inconsistency."""
    if kind_violations(after) - kind_violations(before):
        return True
    return _support_cycle(after) and not _support_cycle(before)


# --- running the checker on mutants --------------------------------------------------------------


@dataclass
class Outcome:
    """What the checker said about one mutant: by default and, where it has one, strictly."""

    map: str
    cls: str
    description: str
    verdict: str  # caught, warned, missed
    strict: str  # the verdict under ``strict = true``; the default one when there is none
    new_codes: tuple[str, ...] = ()
    detectable: bool = True


@dataclass
class ClassResult:
    """The counts of one class on one map (or on all maps)."""

    planted: int = 0
    caught: int = 0
    warned: int = 0
    missed: int = 0
    caught_strict: int = 0
    no_site: int = 0
    detectable: int = 0
    caught_detectable: int = 0
    caught_detectable_strict: int = 0
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.planted += 1
        setattr(self, outcome.verdict, getattr(self, outcome.verdict) + 1)
        self.caught_strict += outcome.strict == "caught"
        if outcome.detectable:
            self.detectable += 1
            self.caught_detectable += outcome.verdict == "caught"
            self.caught_detectable_strict += outcome.strict == "caught"
        self.outcomes.append(outcome)


def strict_config(work: Path) -> Any:
    """The configuration ``strict = true`` in ``[tool.argmap]`` gives, or None without one.

    Issue 13 makes an unverifiable figure a warning by default and lets ``strict`` turn the
    verification warnings into errors; a CI gate for verification runs strict.
    """
    from argmap._engine.config import ConfigError, load_config

    pyproject = work / "pyproject.toml"
    pyproject.write_text("[tool.argmap]\nstrict = true\n", encoding="utf-8")
    try:
        return load_config(pyproject)
    except ConfigError:  # this checker has no strict mode
        return None


def _write_map(data: MapData, folder: Path) -> None:
    (folder / "map.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


_Key = tuple[str, str | None]


def _counts(findings: Iterable[Any], level: int) -> Counter[_Key]:
    """Findings of one severity by code and node (suppressed ones do not count).

    Messages are left out on purpose: a mutation changes the words a standing false alarm
    quotes, and such a finding is not a new one.
    """
    return Counter(
        (f.code, f.node) for f in findings if f.suppressed is None and int(f.severity) == level
    )


class _Checker:
    """Checks one map folder under one configuration and compares with its unmutated findings."""

    def __init__(self, folder: Path, config: Any) -> None:
        self.folder = folder
        self.options = {} if config is None else {"config": config}
        self.base_errors, self.base_warnings = self._levels()

    def _levels(self) -> tuple[Counter[_Key], Counter[_Key]]:
        import argmap
        from argmap import Severity

        found = argmap.check_paths([self.folder], **self.options).findings
        return _counts(found, Severity.ERROR), _counts(found, Severity.WARNING)

    def verdict(self) -> tuple[str, tuple[str, ...]]:
        errors, warnings = self._levels()
        new_errors = errors - self.base_errors
        new_warnings = warnings - self.base_warnings
        verdict = "caught" if new_errors else "warned" if new_warnings else "missed"
        return verdict, tuple(sorted({k[0] for k in (new_errors or new_warnings)}))


def run_harness(
    maps: Sequence[Path], work: Path, *, picks: int = 12, classes: Sequence[str] = ()
) -> dict[str, dict[str, ClassResult]]:
    """Plant ``picks`` seeded errors of every class in every map; class -> map -> counts.

    Each map is copied once to ``work`` (its snapshots, and the map as ``map.json`` with the
    sources inline); every mutant overwrites that ``map.json`` and is checked in-process. A
    mutant is *caught* when it has more error findings of some code on some node than the
    unmutated map, *warned* when it only has more warnings so, else *missed*. Where the
    checker has a strict mode, each warned mutant is checked again with it (strict only turns
    warnings into errors, so the other verdicts stand).
    """
    chosen = {name: CLASSES[name] for name in (classes or CLASSES)}
    results: dict[str, dict[str, ClassResult]] = {name: {} for name in chosen}
    strict = strict_config(work)
    for map_dir in maps:
        data = load_map_data(map_dir)
        folder = work / map_dir.name
        folder.mkdir(parents=True, exist_ok=True)
        if (map_dir / "snapshots").is_dir():
            shutil.copytree(map_dir / "snapshots", folder / "snapshots", dirs_exist_ok=True)
        _write_map(data, folder)
        default = _Checker(folder, None)
        strictly = _Checker(folder, strict) if strict is not None else None
        for name, mutate in chosen.items():
            counts = results[name].setdefault(map_dir.name, ClassResult())
            rng = seeded(f"{map_dir.name}|{name}")
            for _ in range(picks):
                mutant = mutate(copy.deepcopy(data), rng)
                if mutant is None:
                    counts.no_site += 1
                    continue
                mutated, description = mutant
                _write_map(mutated, folder)
                verdict, codes = default.verdict()
                strict_verdict = verdict
                if verdict == "warned" and strictly is not None:
                    strict_verdict = strictly.verdict()[0]
                detectable = name != REVERSED or reversal_detectable(data, mutated)
                counts.add(Outcome(map_dir.name, name, description, verdict, strict_verdict,
                                   codes, detectable))
        _write_map(data, folder)
    return results


def totals(per_map: dict[str, ClassResult]) -> ClassResult:
    """The counts of one class summed over the maps."""
    total = ClassResult()
    for result in per_map.values():
        for outcome in result.outcomes:
            total.add(outcome)
        total.no_site += result.no_site
    return total


def format_table(results: dict[str, dict[str, ClassResult]], maps: Sequence[str]) -> str:
    """A Markdown table: per class, caught / warned / missed per map and the shares caught.

    For "relation reversed" the shares count only the reversals the kinds make detectable.
    The strict column equals the default one when the checker has no strict mode.
    """
    head = ("| class | " + " | ".join(maps)
            + " | all maps: caught / planted | strict: caught / planted |")
    rule = "|---|" + "---|" * len(maps) + "---|---|"
    rows = [head, rule]
    for name, per_map in results.items():
        cells = []
        for m in maps:
            r = per_map.get(m, ClassResult())
            cells.append(f"{r.caught}/{r.warned}/{r.missed}" + (f" ({r.no_site} no site)"
                                                                  if r.no_site else ""))
        total = totals(per_map)
        if name == REVERSED:
            share = (f"{total.caught_detectable}/{total.detectable} detectable by kinds = "
                     f"{_pct(total.caught_detectable, total.detectable)}")
            strict = (f"{total.caught_detectable_strict}/{total.detectable} = "
                      f"{_pct(total.caught_detectable_strict, total.detectable)}")
        else:
            share = f"{total.caught}/{total.planted} = {_pct(total.caught, total.planted)}"
            strict = f"{total.caught_strict}/{total.planted} = " + _pct(
                total.caught_strict, total.planted)
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {share} | {strict} |")
    return "\n".join(rows)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"
