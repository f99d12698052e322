"""The layout's promises, checked from the source: layers, the rule registry, class names.

- Layers: ``src/argmap`` is layered (see ``docs/architecture.md``): a module may import its own
  layer and the layers below, never one above. Every import counts, including those inside
  functions and under ``TYPE_CHECKING``: a lazy import still ties the lower layer to the higher
  one (a circle held apart only by import order is how the layers blurred before), and a
  string naming a module (a table read by ``importlib``) is an import too.
- Registry: a rule file that ``rules.REGISTRY`` does not list is silently never run, and a
  registered rule without ``tests/example-maps/<CODE>/{good,bad}`` is never tested end to end.
- Names: two public classes with one name make every import and every traceback ambiguous.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from argmap.rules import REGISTRY

SRC = Path(__file__).parent.parent / "src"
PACKAGE = SRC / "argmap"
EXAMPLE_MAPS = Path(__file__).parent / "example-maps"

#: Module prefix -> layer; the longest matching prefix wins. Lower may not import higher.
LAYERS: dict[str, int] = {
    "argmap._version": 0,
    "argmap._findings": 0,
    "argmap._text": 0,
    "argmap._codes": 0,
    "argmap._cachedir": 0,
    "argmap._model": 0,
    "argmap._slotinit": 0,
    "argmap._record": 0,
    "argmap._members": 0,
    "argmap._lazyre": 0,
    "argmap._recache": 0,
    "argmap._codecache": 0,
    "argmap._load": 1,
    "argmap._interop": 1,
    "argmap._verify": 2,
    "argmap._ingest": 2,
    "argmap._engine.context": 3,
    "argmap.rules": 4,
    "argmap._engine": 5,
    "argmap._output": 6,
    "argmap._render": 6,
    "argmap._fix": 6,
    "argmap._html": 6,
    "argmap.cli": 7,
    "argmap._lsp": 7,
    "argmap.__main__": 7,
}
#: ``argmap`` itself (its ``__init__``), the public API, imports anything lazily; a module
#: not under a prefix above is in no layer and fails the test until it is placed.
PUBLIC_API_LAYER = 8

#: (importer prefix, imported prefix) -> why this upward import is allowed.
ALLOWED: dict[tuple[str, str], str] = {
    ("argmap._model", "argmap._render"): (
        "ArgumentMap._repr_svg_ draws the map in Jupyter; the import runs only when a notebook "
        "displays a map, and the model stays usable without the renderer"
    ),
    ("argmap._model", "argmap._html"): (
        "ArgumentMap._repr_html_ shows the interactive page in Jupyter; like _repr_svg_, the "
        "import runs only when a notebook displays a map"
    ),
    ("argmap._model", "argmap._load.origin"): (
        "a type annotation only (under TYPE_CHECKING): ArgumentMap.origin holds the MapOrigin "
        "the loader sets; nothing is imported at run time, so no circle forms"
    ),
}

def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """The layer of the longest prefix in ``LAYERS`` that names ``module`` or a parent."""
    if module == "argmap":
        return PUBLIC_API_LAYER
    parts = module.split(".")
    for end in range(len(parts), 1, -1):
        prefix = ".".join(parts[:end])
        if prefix in LAYERS:
            return LAYERS[prefix]
    msg = f"{module} is in no layer: add its prefix to LAYERS"
    raise AssertionError(msg)


def covers(prefix: str, module: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def imports(module: str, source: str) -> Iterator[tuple[str, int]]:
    """Every argmap module ``source`` imports, with its line: at any depth, lazy or not."""
    is_package = MODULES.get(module, Path()).name == "__init__.py"
    package = module if is_package else module.rsplit(".", 1)[0]  # what ``from .`` means
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        elif isinstance(node, ast.Constant) and node.value in MODULES and "." in node.value:
            targets = [node.value]  # a module named for importlib ("argmap" alone is a word)
        else:
            continue
        for target in targets:
            if covers("argmap", target):
                yield target, node.lineno


def upward_imports() -> dict[tuple[str, str], list[str]]:
    """(importer, imported) -> where, for every import of a higher layer."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for module, path in MODULES.items():
        for target, line in imports(module, path.read_text(encoding="utf-8")):
            if layer(target) > layer(module):
                found[module, target].append(f"{path.relative_to(SRC)}:{line}")
    return found


def allowed(pair: tuple[str, str]) -> bool:
    return any(covers(low, pair[0]) and covers(high, pair[1]) for low, high in ALLOWED)


def test_no_layer_imports_a_higher_one() -> None:
    found = upward_imports()
    new = {pair: where for pair, where in found.items() if not allowed(pair)}
    assert not new, "\n".join(
        f"{low} (layer {layer(low)}) imports {high} (layer {layer(high)}) at {', '.join(where)}"
        for (low, high), where in sorted(new.items())
    )
    unused = {
        (low, high)
        for low, high in ALLOWED
        if not any(covers(low, importer) and covers(high, imported) for importer, imported in found)
    }
    assert not unused, f"no longer needed, so remove from ALLOWED: {unused}"


def test_every_module_is_in_a_layer() -> None:
    assert {layer(module) for module in MODULES} == set(range(PUBLIC_API_LAYER + 1))


def test_imports_are_found_at_any_depth() -> None:
    """The scanner sees what a lazy or type-only import hides from a plain ``import``."""
    source = """
from typing import TYPE_CHECKING
import argmap._load.read
if TYPE_CHECKING:
    from argmap._engine.context import Rule
def later():
    from argmap import _render
    from ..rules import REGISTRY
    return {"json": "argmap._output.reporters.json"}
"""
    found = {target for target, _ in imports("argmap._verify.graph", source)}
    assert found == {
        "argmap._load.read",
        "argmap._engine.context",
        "argmap._render",
        "argmap.rules",
        "argmap._output.reporters.json",
    }
    assert {layer(target) for target in found} == {1, 3, 4, 6}


# --- the rule registry ------------------------------------------------------------------------


def test_every_rule_file_is_registered() -> None:
    files = {f"argmap.rules.{path.stem}" for path in (PACKAGE / "rules").glob("am*.py")}
    assert files, "no rule files found"
    assert files - set(REGISTRY.values()) == set(), "rule files missing from rules.REGISTRY"
    assert set(REGISTRY.values()) - files == set(), "REGISTRY names a file that does not exist"


def test_every_registered_rule_has_example_maps() -> None:
    missing = [
        f"{code}/{kind}"
        for code in sorted(REGISTRY)
        for kind in ("good", "bad")
        if not (EXAMPLE_MAPS / code / kind).is_dir()
    ]
    assert not missing, f"tests/example-maps lacks: {', '.join(missing)}"


# --- class names ------------------------------------------------------------------------------

def public_classes(tree: ast.Module) -> Iterator[str]:
    """Classes a module defines at its top level (also under ``if`` or ``try``), not nested."""
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            yield node.name
        elif isinstance(node, (ast.If, ast.Try, ast.With)):
            pending.extend(
                child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt)
            )
            if isinstance(node, ast.Try):
                pending.extend(stmt for handler in node.handlers for stmt in handler.body)


def test_no_two_public_classes_share_a_name() -> None:
    homes: dict[str, list[str]] = defaultdict(list)
    for module, path in MODULES.items():
        for name in public_classes(ast.parse(path.read_text(encoding="utf-8"))):
            homes[name].append(module)
    assert len(homes) > 20, "the scan found too few classes to be reading the package"
    clashes = {name: modules for name, modules in homes.items() if len(modules) > 1}
    assert not clashes, f"one name, several classes: {clashes}"
