"""An argmap map -> Argdown text, as a person writes it: each statement defined once, relations
indented under their source, a heading per section, arguments with their premise-conclusion
structures.

Deterministic: the same map gives the same text, byte for byte. What Argdown cannot say (a
relation with several premises outside an argument, rephrases, prefers, relations aimed at
relations, evidence, quantities, sources, checks) is written into the front matter or the
claim's ``{...}`` data under ``argmap:``, which the reader puts back, so nothing is lost.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from argmap._interop.argdown.build import derive_kinds
from argmap._interop.argdown.layout import Edge, Graph, Node, Op, Step, plan
from argmap._recache import recompile

if TYPE_CHECKING:
    from argmap._model import ArgumentMap, Claim, Relation

__all__ = ["flow", "to_argdown"]

_PLAIN = recompile(r"[A-Za-z_][A-Za-z0-9_ .-]*")
_YAML_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"})
#: The claim fields Argdown says itself; the rest go to ``{argmap: {...}}``.
_CLAIM_SAID = frozenset({"id", "text", "title", "section", "tags", "data", "kind"})
_UNREAD_MARK = "<!-- argmap:unread"  # the reader takes this comment back as data


def _key(key: str) -> str:
    plain = _PLAIN.fullmatch(key) and key.lower() not in _YAML_WORDS and key == key.strip()
    return key if plain else json.dumps(key, ensure_ascii=False)


def flow(value: Any) -> str:
    """YAML flow syntax, as Argdown's ``{...}`` data and front matter read it."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if isinstance(value, str):
        plain = (_PLAIN.fullmatch(value) and value.lower() not in _YAML_WORDS
                 and value == value.strip() and value[-1:] not in ".-")
        return value if plain else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _frontmatter(values: dict[str, Any]) -> list[str]:
    lines = ["==="]
    lines.extend(f"{_key(key)}: {flow(value)}" for key, value in values.items())
    lines.append("===")
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Writer:
    def __init__(self, argmap: ArgumentMap) -> None:
        self.map = argmap
        self.claims = {c.id: c for c in reversed(argmap.claims)}
        self.sections = {s.id: s for s in reversed(argmap.sections)}
        self.depth: dict[str, int] = {}
        self.kept_relations: list[dict[str, Any]] = []
        self.lines: list[str] = []

    # -- what can be drawn --------------------------------------------------------------------

    def graph(self) -> Graph:
        claim_ids = set(self.claims)
        nodes = [Node(c.id, _title(c) is not None, c.kind == "argument",
                      c.section if c.section in self.sections else None)
                 for c in self.map.claims if self.claims.get(c.id) is c]
        edges: list[Edge] = []
        steps: dict[str, list[Step]] = {}
        for relation in self.map.relations:
            ends = [*relation.from_, relation.to]
            if not all(end in claim_ids for end in ends):
                self.keep(relation)
                continue
            if relation.argument is not None and relation.type == "supports" and (
                self.claims.get(relation.argument) is not None
                and self.claims[relation.argument].kind == "argument"
            ):
                steps.setdefault(relation.argument, []).append(
                    Step(relation.id, tuple(relation.from_), relation.to))
                continue
            if relation.type in {"rephrases", "prefers"} or len(relation.from_) != 1 or (
                relation.linked or relation.scheme or relation.label or relation.data
                or relation.ignore or relation.argument
            ):
                self.keep(relation)
                continue
            edges.append(Edge(relation.id, relation.type.value, relation.from_[0], relation.to))
        order = [s.id for s in self.map.sections if self.sections.get(s.id) is s]
        return Graph(nodes, edges, steps, order)

    def keep(self, relation: Relation) -> None:
        self.kept_relations.append(relation.model_dump(mode="json", by_alias=True,
                                                       exclude_defaults=True))

    # -- text ---------------------------------------------------------------------------------

    def claim_line(self, claim: Claim, *, define: bool, kinds: dict[str, str]) -> str:
        mark = ("<", ">") if claim.kind == "argument" else ("[", "]")
        title = _title(claim)
        head = f"{mark[0]}{title}{mark[1]}" if title is not None else ""
        if not define:
            return head or _one_line(claim.text)
        text = _one_line(claim.text)
        body = "" if title is not None and text == title else text
        for tag in claim.tags:
            if f"#{tag}" not in body and f"#({tag})" not in body:
                body = f"{body} #{tag}" if _PLAIN.fullmatch(tag) and " " not in tag else (
                    f"{body} #({tag})")
        data = dict(claim.data)
        extras = self.extras(claim, kinds)
        if extras:
            data["argmap"] = extras
        texts = data.get("argdown", {}).get("texts") if isinstance(
            data.get("argdown"), dict) else None
        if texts is not None:
            rest = {k: v for k, v in data["argdown"].items() if k != "texts"}
            if rest:
                data["argdown"] = rest
            else:
                del data["argdown"]
        if data:
            body = f"{body} {flow(data)}".strip()
        if head and body:
            return f"{head}: {body.strip()}"
        return head or body.strip()

    def extras(self, claim: Claim, kinds: dict[str, str]) -> dict[str, Any]:
        dumped = claim.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        extras = {k: v for k, v in dumped.items() if k not in _CLAIM_SAID}
        if kinds.get(claim.id, "claim") != claim.kind.value:
            extras["kind"] = claim.kind.value
        return extras

    def heading(self, section_id: str) -> str:
        level = 1
        seen = {section_id}
        parent = self.sections[section_id].parent
        while parent is not None and parent in self.sections and parent not in seen:
            seen.add(parent)
            level += 1
            parent = self.sections[parent].parent
        section = self.sections[section_id]
        data = f" {flow(section.data)}" if section.data else ""
        return f"{'#' * min(level, 6)} {_one_line(section.title)}{data}"

    def text(self) -> str:
        graph = self.graph()
        layout = plan(graph)
        kinds = derive_kinds(
            [{"id": c.id, "kind": c.kind.value} for c in self.map.claims],
            [{"type": r.type.value, "from": r.from_, "to": r.to} for r in self.map.relations],
        )
        by_id = {r.id: r for r in reversed(self.map.relations)}
        for key in layout.leftover:
            self.keep(by_id[key])
        front = self.front()
        lines: list[str] = _frontmatter(front) if front else []
        steps = {s.id: s for steps in graph.steps.values() for s in steps}
        relations = {r.id: r for r in reversed(self.map.relations)}
        extra_texts: list[str] = []
        for op in layout.ops:
            if op.what == "blank" and extra_texts:  # a title's other texts, after its block
                lines.append("")
                for extra in extra_texts:
                    lines.extend([extra, ""])
                extra_texts.clear()
            self.op(op, lines, kinds, relations, steps, extra_texts)
        if extra_texts:
            for extra in extra_texts:
                lines.extend(["", extra])
        kept = self.map.data.get("argdown") if isinstance(self.map.data.get("argdown"),
                                                          dict) else {}
        unread = kept.get("unread") if isinstance(kept, dict) else None
        if isinstance(unread, list) and unread:  # before the comments: one may never close
            payload = json.dumps([str(u) for u in unread], ensure_ascii=False).replace(
                ">", "\\u003e")
            lines.extend(["", _UNREAD_MARK, payload, "-->"])
        comments = kept.get("comments") if isinstance(kept, dict) else None
        if isinstance(comments, list) and comments:
            lines.append("")
            lines.extend(str(c) for c in comments)
        return _tidy(lines)

    def op(self, op: Op, lines: list[str], kinds: dict[str, str],
           relations: dict[str, Relation], steps: dict[str, Step],
           extra_texts: list[str]) -> None:
        if op.what == "blank":
            lines.append("")
            return
        if op.what == "heading":
            lines.extend([self.heading(op.key), ""])
            return
        if op.what == "inference":
            relation = relations[op.relation]
            rules = _one_line(relation.scheme or "")
            data = dict(relation.data)
            step = steps[op.relation]
            extras: dict[str, Any] = {}
            if relation.label:
                extras["label"] = relation.label
            if relation.ignore:
                extras["ignore"] = [i.model_dump(mode="json", exclude_defaults=True)
                                    for i in relation.ignore]
            if len(step.premises) > 1 and not relation.linked:
                extras["linked"] = False
            if extras:
                data["argmap"] = extras
            if rules or data:
                inner = f"{rules} {flow(data)}".strip() if data else rules
                lines.extend(["--", inner, "--"])
            else:
                lines.append("----")
            return
        claim = self.claims[op.key]
        define = op.what in {"define", "pcs-define"}
        text = self.claim_line(claim, define=define, kinds=kinds)
        title = _title(claim)
        if define and title is not None:
            argdown = claim.data.get("argdown")
            texts = argdown.get("texts") if isinstance(argdown, dict) else None
            if isinstance(texts, list):
                mark = ("<", ">") if claim.kind == "argument" else ("[", "]")
                extra_texts.extend(f"{mark[0]}{title}{mark[1]}: {_one_line(str(t))}"
                                   for t in texts)
        if op.what.startswith("pcs"):
            lines.append(f"({op.number}) {text}")
            return
        prefix = " " * op.indent + (f"{op.marker} " if op.marker else "")
        lines.append(prefix + text)

    def front(self) -> dict[str, Any]:
        front: dict[str, Any] = {"title": self.map.title}
        kept = self.map.data.get("argdown")
        if isinstance(kept, dict) and isinstance(kept.get("frontmatter"), dict):
            front.update({k: v for k, v in kept["frontmatter"].items() if k != "title"})
        extras = self.map_extras()
        if extras:
            front["argmap"] = extras
        return front

    def map_extras(self) -> dict[str, Any]:
        dumped = self.map.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        extras = {k: v for k, v in dumped.items()
                  if k not in {"title", "sections", "claims", "relations", "data", "format",
                               "$schema"}}
        data = {k: v for k, v in self.map.data.items() if k != "argdown"}
        if data:
            extras["data"] = data
        if self.kept_relations:
            extras["relations"] = self.kept_relations
        return extras


#: The IDs the reader gives untitled statements (u1) and arguments (a1): those stay untitled.
_UNTITLED_ID = recompile(r"[ua]\d+(-\d+)?")


def _title(claim: Claim) -> str | None:
    """The Argdown title: the claim's title; else its ID, so that it can be referred to
    (claims the reader made from untitled statements keep no title)."""
    if claim.title is not None:
        return claim.title
    return None if _UNTITLED_ID.fullmatch(claim.id) else claim.id


def _tidy(lines: list[str]) -> str:
    """One blank line between blocks, none at the start, one newline at the end."""
    out: list[str] = []
    for raw in lines:
        line = raw.rstrip()
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def to_argdown(argmap: ArgumentMap) -> str:
    """The map as Argdown text (see the module docstring)."""
    return _Writer(argmap).text()
