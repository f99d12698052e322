"""An Argdown syntax tree -> argmap map data (format 2), with the place of every node.

The mapping is docs/interop.md's table. Statements with one title are one claim (Argdown's
equivalence class); an argument is a claim of kind ``argument``; each inference of a
premise-conclusion structure is a linked ``supports`` whose ``argument`` names it. Claims and
relations are ordered as the writer writes them (see ``layout``), so that reading, writing and
reading again gives an equal map.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from argmap._interop.argdown.layout import Edge, Graph, Node, Step, plan
from argmap._interop.argdown.parse import ArgdownDocument, Element, Pcs, ReadProblem
from argmap._recache import recompile

__all__ = ["Built", "build", "derive_kinds", "slug"]

#: Relation types that make a claim the premise of an inference (the kinds are derived).
_INFERENCES = frozenset({"supports", "attacks", "undercuts"})


@dataclass
class Built:
    data: dict[str, Any]
    places: dict[tuple[str | int, ...], tuple[int, int]]
    problems: list[ReadProblem]


@dataclass(eq=False)
class _Class:
    kind: str  # statement or argument
    title: str | None
    first: tuple[int, int]
    members: list[Element] = field(default_factory=list)
    pcs: Pcs | None = None


_UNSAFE = recompile(r"[^A-Za-z0-9._:-]+")


def slug(title: str) -> str:
    """An argmap ID from a title: letters kept (accents dropped), the rest as hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = _UNSAFE.sub("-", ascii_title).strip("-._:")[:80].strip("-._:")
    if not text:
        return "t"
    return text if text[0].isalnum() else f"t-{text}"


def derive_kinds(claims: list[dict[str, Any]], relations: list[dict[str, Any]]) -> dict[str, str]:
    """Claim ID -> kind, as docs/interop.md says: Argdown and AIF have no claim kinds."""
    made: dict[str, set[str]] = {}
    supported: set[str] = set()
    for relation in relations:
        kind = relation["type"]
        if kind in _INFERENCES:
            for premise in relation["from"]:
                made.setdefault(premise, set()).add(kind)
        if kind == "supports":
            supported.add(relation["to"])
    kinds: dict[str, str] = {}
    for claim in claims:
        key = claim["id"]
        if claim.get("kind") == "argument":
            kinds[key] = "argument"
        elif key not in made:
            kinds[key] = "thesis"
        elif "supports" not in made[key]:
            kinds[key] = "objection"
        elif key in supported:
            kinds[key] = "claim"
        else:
            kinds[key] = "assumption"
    return kinds


class _Builder:
    def __init__(self, doc: ArgdownDocument, title: str) -> None:
        self.doc = doc
        self.title = title
        self.problems = list(doc.problems)
        self.classes: list[_Class] = []
        self.by_key: dict[tuple[str, str], _Class] = {}
        self.of_element: dict[int, _Class] = {}

    def cls(self, element: Element) -> _Class:
        found = self.of_element.get(id(element))
        if found is not None:
            return found
        if element.title is not None:
            key = (element.kind, element.title)
            found = self.by_key.get(key)
            if found is None:
                found = _Class(element.kind, element.title, (element.line, element.column))
                self.by_key[key] = found
                self.classes.append(found)
        else:
            found = _Class(element.kind, None, (element.line, element.column))
            self.classes.append(found)
        found.members.append(element)
        self.of_element[id(element)] = found
        return found

    def run(self) -> Built:
        doc = self.doc
        for element in doc.elements:
            self.cls(element)
        for pcs in doc.pcs:
            if not pcs.inferences:
                continue  # no inference: its statements stand alone (reported, AM116)
            if pcs.argument is not None:
                owner = self.cls(pcs.argument)
                if owner.pcs is None:
                    owner.pcs = pcs
                    continue
            synthetic = _Class("argument", None, (pcs.line, pcs.column), pcs=pcs)
            self.classes.append(synthetic)
        self.classes.sort(key=lambda c: c.first)
        temp = {id(c): f"c{i}" for i, c in enumerate(self.classes)}
        sections = [f"sec{i + 1}" for i in range(len(doc.headings))]
        claims: list[dict[str, Any]] = []
        places: dict[str, tuple[int, int]] = {}
        extra_places: dict[str, list[tuple[int, int]]] = {}
        for cls in self.classes:
            claim, where, extras = self.claim(cls, temp[id(cls)], sections)
            claims.append(claim)
            places[claim["id"]] = where
            extra_places[claim["id"]] = extras
        relations = self.relations(temp)
        steps = self.steps(temp)
        self.undefined()
        return self.finish(claims, relations, steps, sections, places, extra_places)

    # -- claims -------------------------------------------------------------------------------

    def claim(self, cls: _Class, key: str, sections: list[str]
              ) -> tuple[dict[str, Any], tuple[int, int], list[tuple[int, int]]]:
        texts: list[str] = []
        extra_places: list[tuple[int, int]] = []
        defining: Element | None = None
        tags: list[str] = []
        data: dict[str, Any] = {}
        for member in cls.members:
            if member.text:
                if defining is None:
                    defining = member
                if member.text not in texts:
                    texts.append(member.text)
                    if len(texts) > 1:
                        extra_places.append((member.line, member.column))
                        self.problems.append(ReadProblem(
                            "kept", f"[{cls.title}] has a second text; kept in the claim's data "
                            "(argdown.texts)", member.line, member.column,
                            "argmap keeps one text per claim; the export writes each text back "
                            "as a definition of the title"))
            for tag in member.tags:
                if tag not in tags:
                    tags.append(tag)
            if member.data:
                data.update(member.data)
        first = defining or (cls.members[0] if cls.members else None)
        section_index = first.section if first is not None else None
        if cls.pcs is not None and (defining is None or first is None):
            section_index = cls.pcs.section  # an argument without text lives by its structure
        text = texts[0] if texts else (cls.title or self._untitled_text(cls))
        claim: dict[str, Any] = {"id": key, "text": text}
        if cls.kind == "argument":
            claim["kind"] = "argument"
        if cls.title is not None:
            claim["title"] = cls.title
        if section_index is not None:
            claim["section"] = sections[section_index]
        if tags:
            claim["tags"] = tags
        if len(texts) > 1:
            data["argdown"] = {"texts": texts[1:]}
        if data:
            claim["data"] = data
        where = (first.line, first.column) if first is not None else cls.first
        return claim, where, extra_places

    def _untitled_text(self, found: _Class) -> str:
        """An untitled argument is named by its conclusion (however that is written)."""
        if found.pcs is not None and found.pcs.items:
            conclusion = self.cls(found.pcs.items[-1])
            text = next((m.text for m in conclusion.members if m.text), conclusion.title)
            if text:
                return text
        return "untitled argument"

    def undefined(self) -> None:
        titles = {(c.kind, c.title) for c in self.classes if c.title is not None}
        for cls in self.classes:
            if cls.title is None or any(m.text for m in cls.members):
                continue
            if cls.kind == "argument" and cls.pcs is not None:
                continue
            mark = "[]" if cls.kind == "statement" else "<>"
            line, column = cls.first
            self.problems.append(ReadProblem(
                "undefined", f"{mark[0]}{cls.title}{mark[1]} has no text; its title stands in "
                "for it", line, column,
                f"define it once: {mark[0]}{cls.title}{mark[1]}: ..."))
        for kind, title, line, column in self.doc.mentions:
            if (kind, title) not in titles:
                mark = "[]" if kind == "statement" else "<>"
                self.problems.append(ReadProblem(
                    "undefined", f"@{mark[0]}{title}{mark[1]} mentions a {kind} that is not "
                    "defined", line, column, "check the title's spelling"))

    # -- relations ----------------------------------------------------------------------------

    def relations(self, temp: dict[int, str]) -> list[tuple[dict[str, Any], tuple[int, int]]]:
        found: list[tuple[dict[str, Any], tuple[int, int]]] = []
        seen: set[tuple[str, str, str]] = set()
        for line in self.doc.relations:
            source = temp[id(self.cls(line.source))]
            target = temp[id(self.cls(line.target))]
            key = (line.type, source, target)
            if line.type == "contradicts" and (line.type, target, source) in seen:
                continue
            if key in seen:
                continue
            seen.add(key)
            found.append(({"id": f"e{len(found)}", "type": line.type, "from": [source],
                           "to": target}, (line.line, line.column)))
        return found

    def steps(self, temp: dict[int, str]) -> list[tuple[dict[str, Any], tuple[int, int]]]:
        found: list[tuple[dict[str, Any], tuple[int, int]]] = []
        for cls in self.classes:
            pcs = cls.pcs
            if pcs is None:
                continue
            argument = temp[id(cls)]
            start = 0
            for index in sorted(pcs.inferences):
                inference = pcs.inferences[index]
                premises = list(dict.fromkeys(
                    temp[id(self.cls(item))] for item in pcs.items[start:index]))
                conclusion = temp[id(self.cls(pcs.items[index]))]
                premises = [p for p in premises if p != conclusion] or premises
                step: dict[str, Any] = {
                    "id": f"t{len(found)}", "type": "supports", "from": premises,
                    "to": conclusion, "argument": argument,
                }
                if len(premises) > 1:
                    step["linked"] = True
                if inference.rules:
                    step["scheme"] = inference.rules
                if inference.data:
                    step["data"] = inference.data
                found.append((step, (inference.line, inference.column)))
                start = index
        return [s for s in found if s[0]["from"]]

    # -- order and IDs ------------------------------------------------------------------------

    def finish(
        self,
        claims: list[dict[str, Any]],
        relations: list[tuple[dict[str, Any], tuple[int, int]]],
        steps: list[tuple[dict[str, Any], tuple[int, int]]],
        sections: list[str],
        places: dict[str, tuple[int, int]],
        extra_places: dict[str, list[tuple[int, int]]],
    ) -> Built:
        every = [*relations, *steps]
        by_id = {r["id"]: r for r, _ in every}
        relation_place = {r["id"]: where for r, where in every}
        order = [c["id"] for c in claims]
        relation_order = [r["id"] for r, _ in every]
        claim_by_id = {c["id"]: c for c in claims}
        for _ in range(8):  # the walk's order is a fixpoint after a step or two
            layout = plan(_graph(claim_by_id, order, by_id, relation_order, sections))
            for key in layout.swapped:
                relation = by_id[key]
                relation["from"], relation["to"] = [relation["to"]], relation["from"][0]
            placed = set(layout.claims)
            new_order = layout.claims + [c for c in order if c not in placed]
            written = set(layout.relations)
            new_relations = layout.relations + [r for r in relation_order if r not in written]
            if new_order == order and new_relations == relation_order and not layout.swapped:
                break
            order, relation_order = new_order, new_relations
        ids = _final_ids(claim_by_id, order, by_id, relation_order, sections)
        final_claims = []
        result_places: dict[tuple[str | int, ...], tuple[int, int]] = {}
        kinds_input = []
        for index, key in enumerate(order):
            claim = dict(claim_by_id[key])
            claim["id"] = ids[key]
            if "section" in claim:
                claim["section"] = ids[claim["section"]]
            final_claims.append(claim)
            kinds_input.append(claim)
            result_places[("claims", index)] = places[key]
            for number, where in enumerate(extra_places.get(key, [])):
                result_places[("claims", index, "data", "argdown", "texts", number)] = where
        final_relations = []
        for index, key in enumerate(relation_order):
            relation = dict(by_id[key])
            relation["id"] = ids[key]
            relation["from"] = [ids[p] for p in relation["from"]]
            relation["to"] = ids[relation["to"]]
            if "argument" in relation:
                relation["argument"] = ids[relation["argument"]]
            final_relations.append(relation)
            result_places[("relations", index)] = relation_place[key]
        front_extras = _take_argmap(self.doc.frontmatter)
        kept = front_extras.pop("relations", None)
        if isinstance(kept, list):
            final_relations.extend(r for r in kept if isinstance(r, dict))
        overrides: dict[str, Any] = {}
        for claim in final_claims:
            extras = _take_argmap(claim.get("data"))
            if not claim.get("data"):
                claim.pop("data", None)
            override = extras.pop("kind", None)
            if override is not None:
                overrides[claim["id"]] = override
            claim.update({k: v for k, v in extras.items() if k not in _SAID})
        for relation in final_relations:
            extras = _take_argmap(relation.get("data"))
            if not relation.get("data"):
                relation.pop("data", None)
            relation.update({k: v for k, v in extras.items() if k not in _SAID})
            if relation.get("linked") is False:
                relation.pop("linked")
        kinds = derive_kinds(final_claims, final_relations)
        for claim in final_claims:
            kind = overrides.get(claim["id"], kinds[claim["id"]])
            if kind != "claim":
                claim["kind"] = kind
        data = self.map_data(sections, ids, final_claims, final_relations, result_places)
        map_data = front_extras.pop("data", None)
        if isinstance(map_data, dict):
            data.setdefault("data", {}).update(map_data)
        data.update({k: v for k, v in front_extras.items() if k not in _SAID_MAP})
        return Built(data, result_places, self.problems)

    def map_data(self, sections: list[str], ids: dict[str, str], claims: list[dict[str, Any]],
                 relations: list[dict[str, Any]],
                 places: dict[tuple[str | int, ...], tuple[int, int]]) -> dict[str, Any]:
        doc = self.doc
        front = dict(doc.frontmatter or {})
        title = front.pop("title", None)
        data: dict[str, Any] = {
            "format": 2,
            "title": title if isinstance(title, str) and title.strip() else self.title,
        }
        if title is not None and not (isinstance(title, str) and title.strip()):
            front["title"] = title  # not a usable title: kept as written
        section_list = []
        for index, heading in enumerate(doc.headings):
            section: dict[str, Any] = {"id": ids[sections[index]], "title": heading.title}
            if heading.parent is not None:
                section["parent"] = ids[sections[heading.parent]]
            if heading.data:
                section["data"] = heading.data
            section_list.append(section)
            places[("sections", index)] = (heading.line, heading.column)
        if section_list:
            data["sections"] = section_list
        data["claims"] = claims
        if relations:
            data["relations"] = relations
        kept: dict[str, Any] = {}
        if front:
            kept["frontmatter"] = front
        comments = []
        unread = list(doc.unread)
        for raw, line, column in doc.comments:
            restored = _unread_comment(raw)
            if restored is None:
                comments.append((raw, line, column))
            else:
                unread.extend((text, line, column) for text in restored)
        if comments:
            kept["comments"] = [raw for raw, _, _ in comments]
            for number, (_, line, column) in enumerate(comments):
                places[("data", "argdown", "comments", number)] = (line, column)
        if unread:
            kept["unread"] = [raw for raw, _, _ in unread]
            for number, (_, line, column) in enumerate(unread):
                places[("data", "argdown", "unread", number)] = (line, column)
        if kept:
            data["data"] = {"argdown": kept}
        return data


#: What the Argdown text says itself; ``{argmap: ...}`` data may not overwrite it.
_SAID = frozenset({"id", "text", "title", "section", "tags", "data", "from", "to", "type",
                   "argument"})
_SAID_MAP = frozenset({"title", "sections", "claims", "relations", "data", "format"})


def _unread_comment(raw: str) -> list[str] | None:
    """The texts an earlier export kept in an ``argmap:unread`` comment, or None."""
    if not raw.startswith("<!-- argmap:unread") or not raw.endswith("-->"):
        return None
    try:
        found = json.loads(raw[len("<!-- argmap:unread") : -len("-->")])
    except ValueError:
        return None
    if not isinstance(found, list) or not all(isinstance(t, str) for t in found):
        return None
    return found


def _take_argmap(data: Any) -> dict[str, Any]:
    """Remove and return the ``argmap`` key of a data mapping (what the writer kept there)."""
    if not isinstance(data, dict):
        return {}
    if not isinstance(data.get("argmap"), dict):
        return {}
    found: dict[str, Any] = data.pop("argmap")
    return found


def _graph(claims: dict[str, dict[str, Any]], order: list[str],
           relations: dict[str, dict[str, Any]], relation_order: list[str],
           sections: list[str]) -> Graph:
    nodes = [Node(key, "title" in claims[key], claims[key].get("kind") == "argument",
                  claims[key].get("section")) for key in order]
    edges = []
    steps: dict[str, list[Step]] = {}
    for key in relation_order:
        relation = relations[key]
        if "argument" in relation:
            steps.setdefault(relation["argument"], []).append(
                Step(key, tuple(relation["from"]), relation["to"]))
        else:
            edges.append(Edge(key, relation["type"], relation["from"][0], relation["to"]))
    return Graph(nodes, edges, steps, sections)


def _final_ids(claims: dict[str, dict[str, Any]], order: list[str],
               relations: dict[str, dict[str, Any]], relation_order: list[str],
               sections: list[str]) -> dict[str, str]:
    """Readable IDs: titles as slugs, u1/a1 for untitled statements/arguments, r1 relations,
    ARG.1 for the inference steps of argument ARG; a taken ID gets -2, -3, ..."""
    taken: set[str] = set()
    ids: dict[str, str] = {}

    def claim_id(wanted: str) -> str:
        name, number = wanted, 1
        while name in taken:
            number += 1
            name = f"{wanted}-{number}"
        taken.add(name)
        return name

    for section in sections:
        ids[section] = claim_id(section)
    counters = {"statement": 0, "argument": 0}
    for key in order:
        claim = claims[key]
        if "title" in claim:
            ids[key] = claim_id(slug(claim["title"]))
        else:
            kind = "argument" if claim.get("kind") == "argument" else "statement"
            counters[kind] += 1
            ids[key] = claim_id(f"{'a' if kind == 'argument' else 'u'}{counters[kind]}")
    step_numbers: dict[str, int] = {}
    count = 0
    for key in relation_order:
        relation = relations[key]
        if "argument" in relation:
            argument = ids[relation["argument"]]
            step_numbers[argument] = step_numbers.get(argument, 0) + 1
            ids[key] = claim_id(f"{argument}.{step_numbers[argument]}")
        else:
            count += 1
            ids[key] = claim_id(f"r{count}")
    return ids


def build(doc: ArgdownDocument, title: str) -> Built:
    """Map data for :class:`~argmap.ArgumentMap` from a parsed Argdown document."""
    return _Builder(doc, title).run()
