"""Deterministic synthetic argument maps of N claims, shaped like real ones, for benchmarks.

A map has a few theses at the root of a support tree with cross-links, attacks, linked
co-premises and undercuts; 1-3 evidence items per premise whose quotes are sentences of a
generated snapshot text; a few hundred CSL sources with snapshots and fingerprints; quantities
stated in claims and in the quoted text; and difference and share checks whose arithmetic holds.
The same map is written as an argmap folder in YAML and in JSON, and as Argdown text with the
same statement titles (the claim IDs), sections, tags and relations. Argdown has no evidence,
sources or quantities, so its file holds less than argmap's: the comparison favours Argdown.

    python benchmarks/generate.py 1000 out/bench-1000   # writes yaml/, json/ and map.argdown
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["GeneratedMap", "generate", "write"]

_SUBJECTS = (
    "freight volume",
    "port revenue",
    "rail traffic",
    "household income",
    "public debt",
    "grain exports",
    "energy imports",
    "tourist arrivals",
    "transit fees",
    "customs receipts",
    "fishing catch",
    "steel output",
    "bond yields",
    "school enrolment",
    "clinic visits",
)
_PLACES = (
    "the northern corridor",
    "the coastal region",
    "the capital",
    "the eastern provinces",
    "the border districts",
    "the river valley",
    "the island ports",
    "the inland hubs",
)
_VERBS = (
    "depends on",
    "shapes",
    "limits",
    "explains",
    "follows from",
    "undermines",
    "strengthens",
    "weakens",
    "accompanies",
    "precedes",
)
_NOUNS = (
    "the new transit agreement",
    "the sanctions regime",
    "the shipping insurance market",
    "the regional security situation",
    "the canal tolls",
    "the investment programme",
    "the currency reform",
    "the labour shortage",
    "the drought",
    "the tariff schedule",
    "the fleet renewal",
    "the pipeline project",
)
_FILLER = (
    "The ministry published its figures in the annual statistical bulletin.",
    "Analysts cautioned that the series was revised twice during the period.",
    "Regional authorities collected the underlying data from operators.",
    "The estimates exclude informal trade that is not recorded at the border.",
    "Observers attribute part of the change to seasonal effects.",
    "The report notes that methods changed between the two editions.",
)
_TAGS = ("economy", "security", "trade", "energy", "policy")
_SOURCE_TYPES = ("report", "article-journal", "webpage", "article-newspaper")
_FAMILIES = ("Korhonen", "Mbeki", "Alvarez", "Nakamura", "Schmidt", "Okafor", "Novak", "Lindqvist")
_GIVEN = ("Aino", "Thabo", "Lucia", "Hiro", "Greta", "Chidi", "Petra", "Erik")
_PUBLISHERS = (
    "Institute of Trade Studies",
    "Ministry of Transport",
    "Central Bank",
    "Port Authority",
)


_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "da", "fe", "go", "hu")


def _district(index: int) -> str:
    """A unique name with no digits, so claim texts carry no figure that is not a quantity."""
    parts = []
    index += 1
    while index:
        index, digit = divmod(index, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


def _count(qid: str, value: int, unit: str, year: int) -> dict[str, Any]:
    """A declared count, written as the claim writes it."""
    return {"id": qid, "kind": "count", "value": value, "unit": unit, "period": year,
            "text": _number_text(value)}


def _number_text(value: int) -> str:
    return f"{value:,}"


@dataclass
class GeneratedMap:
    """A synthetic map as plain data, its snapshots and its Argdown twin."""

    n_claims: int
    map_data: dict[str, Any]
    sources: list[dict[str, Any]]
    snapshots: dict[str, str]
    argdown: str
    stats: dict[str, int] = field(default_factory=dict)


def generate(n_claims: int, seed: int = 298) -> GeneratedMap:
    """Build a map of ``n_claims`` claims; the same arguments always give the same map."""
    rng = random.Random(f"{seed}:{n_claims}")  # noqa: S311 - seeded for repeatable maps, not secrets
    n = max(n_claims, 3)
    n_theses = max(1, n // 2000)
    n_sections = max(3, n // 100)
    n_sources = min(400, max(5, n // 30))

    # -- the tree: parent[i] < i, so every relation points at an earlier claim (no cycles) --
    parent: list[int] = [-1] * n
    children: list[list[int]] = [[] for _ in range(n)]
    for i in range(n_theses, n):
        base = (i - n_theses) // 3
        p = min(i - 1, max(0, base + rng.randint(-2, 2)))
        parent[i] = p
        children[p].append(i)

    undercutter = [False] * n
    attacker = [False] * n
    for i in range(n_theses, n):
        roll = rng.random()
        if roll < 0.03 and i > n_theses + 10 and not children[i]:
            undercutter[i] = True
        elif roll < 0.20:
            attacker[i] = True

    claim_ids = [f"T{i + 1}" if i < n_theses else f"C{i}" for i in range(n)]
    section_ids = [f"S{k + 1}" for k in range(n_sections)]
    source_ids = [f"src-{k + 1:03d}" for k in range(n_sources)]
    snapshot_sentences: list[list[str]] = [[] for _ in range(n_sources)]

    claims: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    relation_of: dict[int, str] = {}  # claim index -> ID of its tree relation
    argument_relations: set[str] = set()  # relations drawn as Argdown arguments

    def add_evidence(sentence: str, page: int) -> str:
        k = len(evidence) + 1
        s = rng.randrange(n_sources)
        snapshot_sentences[s].append(sentence)
        if rng.random() < 0.3:
            snapshot_sentences[s].append(rng.choice(_FILLER))
        evidence_id = f"E{k}"
        item: dict[str, Any] = {
            "id": evidence_id,
            "source": source_ids[s],
            "locator": {"page": page},
            "quote": {"exact": sentence},
        }
        evidence.append(item)
        return evidence_id

    for i in range(n):
        cid = claim_ids[i]
        subject = rng.choice(_SUBJECTS)
        place = rng.choice(_PLACES)
        claim: dict[str, Any] = {"id": cid}
        supported = any(not attacker[c] and not undercutter[c] for c in children[i])
        answered = any(attacker[c] for c in children[i])
        where = f"{place}, {_district(i)} district"
        if i < n_theses:
            claim["kind"] = "thesis"
            text = (
                f"Thesis {_district(i)}: {rng.choice(_NOUNS)} {rng.choice(_VERBS)} "
                f"{subject} in {where}."
            )
        elif attacker[i] and answered:
            claim["kind"] = "objection"
            text = f"Yet {rng.choice(_NOUNS)} {rng.choice(_VERBS)} {subject} in {where}."
        elif not supported:
            claim["kind"] = "premise"
            text = f"{subject.capitalize()} in {where} {rng.choice(_VERBS)} {rng.choice(_NOUNS)}."
        else:
            text = f"{rng.choice(_NOUNS).capitalize()} {rng.choice(_VERBS)} {subject} in {where}."
        claim["text"] = text
        if i >= n_theses:
            claim["section"] = section_ids[min(n_sections - 1, (i * n_sections) // n)]
        if rng.random() < 0.1:
            claim["tags"] = [rng.choice(_TAGS)]
        if rng.random() < 0.1:
            claim["title"] = f"{subject.capitalize()} ({cid})"

        # premises carry the evidence and the numbers
        if not supported and i >= n_theses:
            year = 2010 + rng.randrange(14)
            roll = rng.random()
            page = rng.randrange(1, 300)
            cited: list[str] = []
            if roll < 0.15:  # a rise: from A to B, an increase of B-A (difference check)
                a = rng.randrange(100, 5000)
                b = a + rng.randrange(50, 5000)
                unit = "containers"
                sentence = (
                    f"In {year}, {subject} in {where} rose from {_number_text(a)} to "
                    f"{_number_text(b)} {unit}, an increase of {_number_text(b - a)}."
                )
                claim["text"] = (
                    f"{subject.capitalize()} in {where} rose from {_number_text(a)} to "
                    f"{_number_text(b)} {unit} in {year}, an increase of {_number_text(b - a)}."
                )
                claim["period"] = year
                claim["quantities"] = [
                    _count(f"Q{i}-a", a, unit, year),
                    _count(f"Q{i}-b", b, unit, year),
                    _count(f"Q{i}-d", b - a, unit, year),
                ]
                checks.append(
                    {
                        "id": f"X{i}",
                        "type": "difference",
                        "claim": cid,
                        "minuend": f"Q{i}-b",
                        "subtrahend": f"Q{i}-a",
                        "result": f"Q{i}-d",
                    }
                )
                cited.append(add_evidence(sentence, page))
            elif roll < 0.25:  # a share: part of a whole, as a percent (share check)
                whole = rng.randrange(20, 400) * 100
                pct = rng.randrange(1, 20) * 5
                part = whole * pct // 100
                sentence = (
                    f"Of {_number_text(whole)} cases recorded in {year}, {_number_text(part)} "
                    f"or {pct} percent concerned {subject} in {where}."
                )
                claim["text"] = (
                    f"{_number_text(part)} of {_number_text(whole)} cases in {year} "
                    f"({pct}%) concerned {subject} in {where}."
                )
                claim["period"] = year
                claim["quantities"] = [
                    _count(f"Q{i}-p", part, "cases", year),
                    _count(f"Q{i}-w", whole, "cases", year),
                    {
                        "id": f"Q{i}-s",
                        "kind": "percent",
                        "value": pct,
                        "period": year,
                        "text": f"{pct}%",
                    },
                ]
                checks.append(
                    {
                        "id": f"X{i}",
                        "type": "share",
                        "claim": cid,
                        "part": f"Q{i}-p",
                        "whole": f"Q{i}-w",
                        "result": f"Q{i}-s",
                    }
                )
                cited.append(add_evidence(sentence, page))
            elif roll < 0.45:  # one amount with a scale word
                value = rng.randrange(11, 990) / 10
                sentence = (
                    f"By {year} {subject} in {where} had reached USD {value} million, "
                    f"according to the survey."
                )
                claim["text"] = (
                    f"{subject.capitalize()} in {where} reached USD {value} million in {year}."
                )
                claim["period"] = year
                claim["quantities"] = [
                    {
                        "id": f"Q{i}",
                        "kind": "amount",
                        "value": value,
                        "unit": "USD",
                        "scale": "million",
                        "period": year,
                        "text": f"USD {value} million",
                    },
                ]
                cited.append(add_evidence(sentence, page))
            elif roll < 0.48:
                claim["kind"] = "assumption"  # an implicit premise made explicit: no evidence
            if claim["kind"] != "assumption":
                for _ in range(rng.randint(1, 3) - len(cited)):
                    sentence = (
                        f"The data show that {subject} in {where} {rng.choice(_VERBS)} "
                        f"{rng.choice(_NOUNS)}, at least since {year}."
                    )
                    cited.append(add_evidence(sentence, rng.randrange(1, 300)))
                claim["evidence"] = cited
        claims.append(claim)

    # -- relations: tree edges, linked pairs, cross-links, undercuts ---------------------------
    done: set[int] = set()
    for i in range(n_theses, n):
        if i in done or undercutter[i]:
            continue
        rel_type = "attacks" if attacker[i] else "supports"
        premises = [i]
        sib = i + 1
        if (
            rel_type == "supports"
            and sib < n
            and parent[sib] == parent[i]
            and not attacker[sib]
            and not undercutter[sib]
            and rng.random() < 0.1
        ):
            premises.append(sib)
            done.add(sib)
        rid = f"R{len(relations) + 1}"
        rel: dict[str, Any] = {
            "id": rid,
            "type": rel_type,
            "from": [claim_ids[p] for p in premises] if len(premises) > 1 else claim_ids[i],
            "to": claim_ids[parent[i]],
        }
        if len(premises) > 1:
            rel["linked"] = True
            argument_relations.add(rid)
        relations.append(rel)
        for p in premises:
            relation_of[p] = rid
    for i in range(n_theses + 1, n):
        if not undercutter[i] and rng.random() < 0.05:
            q = rng.randrange(0, i)
            # kinds agree with the structure: a premise is supported by nothing (AM217), an
            # objection supports nothing (AM218)
            kinds = (claims[i].get("kind"), claims[q].get("kind"))
            if q != parent[i] and q != i and kinds[0] != "objection" and kinds[1] != "premise":
                relations.append(
                    {
                        "id": f"R{len(relations) + 1}",
                        "type": "supports",
                        "from": claim_ids[i],
                        "to": claim_ids[q],
                    }
                )
    for i in range(n):
        if undercutter[i]:
            candidates = [j for j in range(max(n_theses, i - 50), i) if j in relation_of]
            target = relation_of[rng.choice(candidates)] if candidates else relations[0]["id"]
            argument_relations.add(target)
            relations.append(
                {
                    "id": f"R{len(relations) + 1}",
                    "type": "undercuts",
                    "from": claim_ids[i],
                    "to": target,
                }
            )

    # -- sources and their snapshots -------------------------------------------------------------
    snapshots: dict[str, str] = {}
    sources: list[dict[str, Any]] = []
    for k, sid in enumerate(source_ids):
        sentences = [rng.choice(_FILLER), *snapshot_sentences[k], rng.choice(_FILLER)]
        paragraphs = [" ".join(sentences[j : j + 5]) for j in range(0, len(sentences), 5)]
        text = f"Source {sid}\n\n" + "\n\n".join(paragraphs) + "\n"
        path = f"snapshots/{sid}.txt"
        snapshots[path] = text
        stype = _SOURCE_TYPES[k % len(_SOURCE_TYPES)]
        year = 2024  # after every period the claims name (2010-2023)
        source: dict[str, Any] = {
            "id": sid,
            "type": stype,
            "title": f"Study {k + 1} of {rng.choice(_SUBJECTS)}",
        }
        if k % 3:
            source["author"] = [
                {"family": rng.choice(_FAMILIES), "given": rng.choice(_GIVEN)}
                for _ in range(1 + k % 3)
            ]
        else:
            source["author"] = [{"literal": rng.choice(_PUBLISHERS)}]
        source["issued"] = f"{year}-{1 + k % 12:02d}"
        source["accessed"] = "2025-03-01"
        source["URL"] = f"https://example.org/{sid}"
        if stype.startswith("article"):
            source["container-title"] = f"Journal of {rng.choice(_SUBJECTS).title()}"
        else:
            source["publisher"] = rng.choice(_PUBLISHERS)
        source["snapshot"] = {
            "path": path,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }
        sources.append(source)

    map_data: dict[str, Any] = {
        "title": f"Synthetic benchmark map of {n} claims",
        "description": "Generated by benchmarks/generate.py; deterministic.",
        "language": "en",
        "sections": [{"id": s, "title": f"Section {s}"} for s in section_ids],
        "claims": claims,
        "relations": relations,
        "evidence": evidence,
        "checks": checks,
    }
    argdown = _argdown(map_data, argument_relations)
    stats = {
        "claims": len(claims),
        "relations": len(relations),
        "evidence": len(evidence),
        "sources": len(sources),
        "checks": len(checks),
        "sections": len(section_ids),
    }
    return GeneratedMap(n, map_data, sources, snapshots, argdown, stats)


def _argdown(map_data: dict[str, Any], argument_relations: set[str]) -> str:
    """The same statements and relations in Argdown.

    A plain relation is an Argdown statement relation (``+>``, ``->``). A linked relation or
    one that is undercut is an Argdown argument ``<R..>`` that its premises support, because
    Argdown undercuts and co-premises need an argument.
    """
    outgoing: dict[str, list[str]] = {}
    arguments: list[str] = []
    for rel in map_data["relations"]:
        rid = rel["id"]
        premises = rel["from"] if isinstance(rel["from"], list) else [rel["from"]]
        if rel["type"] == "undercuts":
            outgoing.setdefault(premises[0], []).append(f"_> <{rid}>")
            continue
        arrow = "+>" if rel["type"] == "supports" else "->"
        if rid in argument_relations:
            for premise in premises:
                outgoing.setdefault(premise, []).append(f"+> <{rid}>")
            arguments.append(f"<{rid}>: Inference {rid}.\n  {arrow} [{rel['to']}]\n")
        else:
            for premise in premises:
                outgoing.setdefault(premise, []).append(f"{arrow} [{rel['to']}]")
    sections = {s["id"]: s["title"] for s in map_data["sections"]}
    lines = ["===", f"title: {map_data['title']}", "===", ""]
    current: str | None = None
    for claim in map_data["claims"]:
        section = claim.get("section")
        if section != current and section is not None:
            lines.extend([f"# {sections[section]}", ""])
            current = section
        tags = "".join(f" #{tag}" for tag in claim.get("tags", ()))
        lines.append(f"[{claim['id']}]: {claim['text']}{tags}")
        lines.extend(f"  {relation}" for relation in outgoing.get(claim["id"], ()))
        lines.append("")
    if arguments:
        lines.extend(["# Inferences", ""])
        lines.extend(arguments)
    return "\n".join(lines) + "\n"


_PLAIN = re.compile(r"^[A-Za-z(][^:#\[\]{}\"'\n\\]*$")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def _scalar(value: Any, flow: bool) -> str:
    """A YAML scalar: plain where a person would write it plainly, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if (
        _PLAIN.match(text)
        and text.lower() not in _RESERVED
        and not text.endswith((" ", ":"))
        and not (flow and "," in text)
    ):
        return text
    return json.dumps(text)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, flow=True)


def _small(value: Any) -> bool:
    """Items a person writes on one line: short lists of IDs, locators, relations."""
    if isinstance(value, list):
        return all(not isinstance(v, dict | list) for v in value)
    if isinstance(value, dict):
        return all(not isinstance(v, dict) for v in value.values()) and len(_flow(value)) < 100
    return True


def _block(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and not (_small(item) and item):
                if not item:
                    out.append(f"{pad}{key}: {_flow(item)}")
                    continue
                out.append(f"{pad}{key}:")
                _block(item, indent + 2, out)
            elif isinstance(item, dict | list):
                out.append(f"{pad}{key}: {_flow(item)}")
            else:
                out.append(f"{pad}{key}: {_scalar(item, flow=False)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and _small(item):
                out.append(f"{pad}- {_flow(item)}")
            elif isinstance(item, dict):
                inner: list[str] = []
                _block(item, indent + 2, inner)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out.extend(inner[1:])
            else:
                out.append(f"{pad}- {_flow(item)}")


def to_yaml(data: Any) -> str:
    """YAML as people write maps: block style, with one-line flow style for small items."""
    out: list[str] = []
    _block(data, 0, out)
    return "\n".join(out) + "\n"


def write(
    generated: GeneratedMap, folder: Path, formats: tuple[str, ...] = ("yaml", "json")
) -> dict[str, Path]:
    """Write ``yaml/`` and ``json/`` map folders and ``map.argdown``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt in formats:
        target = folder / fmt
        (target / "snapshots").mkdir(parents=True, exist_ok=True)
        for rel_path, text in generated.snapshots.items():
            (target / rel_path).write_text(text, encoding="utf-8")
        if fmt == "json":
            (target / "map.json").write_text(
                json.dumps(generated.map_data, indent=2, ensure_ascii=False) + "\n", "utf-8"
            )
            (target / "sources.json").write_text(
                json.dumps(generated.sources, indent=2, ensure_ascii=False) + "\n", "utf-8"
            )
        else:
            (target / "map.yaml").write_text(to_yaml(generated.map_data), "utf-8")
            (target / "sources.yaml").write_text(to_yaml(generated.sources), "utf-8")
        written[fmt] = target
    argdown_path = folder / "map.argdown"
    argdown_path.write_text(generated.argdown, encoding="utf-8")
    written["argdown"] = argdown_path
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int, help="number of claims")
    parser.add_argument("folder", type=Path, help="output folder")
    parser.add_argument("--seed", type=int, default=298)
    args = parser.parse_args()
    generated = generate(args.claims, args.seed)
    paths = write(generated, args.folder)
    print(json.dumps({**generated.stats, **{k: str(v) for k, v in paths.items()}}, indent=2))


if __name__ == "__main__":
    main()
