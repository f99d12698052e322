"""Commands that only print help, the version or the list of codes import no models and
compile no rule patterns: no pydantic, no rule module, nothing of ``argmap._verify`` (the
number and date grammars). Checked in a fresh interpreter, by the modules it imported."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.rules import REGISTRY
from argmap.rules._headers import _from_source, rule_header

_PROBE = """
import json, sys
from argmap.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)))
"""

#: Imported by a check only: the models, the rules, the grammars behind them.
_HEAVY = ("pydantic", "argmap._model", "argmap._verify", "argmap.rules.am", "argmap._engine.run")


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["rules"], ["check", "--help"], ["explain", "AM301"]],
    ids=" ".join,
)
def test_light_commands_import_no_models_and_no_rules(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stderr.splitlines()[-1])
    heavy = [name for name in modules if name.startswith(_HEAVY)]
    assert heavy == []
    assert "argmap.cli" in modules  # the probe ran the command line


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_a_rule_header_read_from_source_is_the_module_s(code: str) -> None:
    module = importlib.import_module(REGISTRY[code])
    header = _from_source(REGISTRY[code])
    assert header is not None, "the rule's header should be literals before its first def"
    assert header == rule_header(REGISTRY[code])  # the imported module's own values
    assert (header.code, header.id, header.severity, header.options, header.doc) == (
        module.CODE, module.ID, module.SEVERITY, module.OPTIONS, module.__doc__)


_RUN_PROBE = """
import json, os, sys
import argmap.cli as cli
cli._exit_now = lambda code: None  # the program's os._exit would end the probe too
sys.argv = ["argmap", "--version"]
cli.run()
sys.stderr.write(json.dumps(os.environ.get("PYDANTIC_DISABLE_PLUGINS")))
"""


@pytest.mark.parametrize(("given", "seen"), [(None, "__all__"), ("", ""), ("logfire", "logfire")])
def test_the_program_skips_pydantic_plugins_unless_told(given: str | None, seen: str) -> None:
    """The ``argmap`` program does not scan for pydantic plugins; a user's own setting of
    PYDANTIC_DISABLE_PLUGINS (empty: load them all) is kept."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    done = subprocess.run([sys.executable, "-c", _RUN_PROBE], capture_output=True, text=True,
                          check=False, env=env)
    assert json.loads(done.stderr.splitlines()[-1]) == seen


_CHECK_PROBE = """
import sys
import argmap.cli as cli
cli._exit_now = lambda code: None  # the program's os._exit would end the probe too
sys.argv = ["argmap", "check", "--no-cache", sys.argv[1]]
cli.run()
modules = sorted(sys.modules)
import json
sys.stderr.write(json.dumps(modules))
"""


@pytest.mark.parametrize(("given", "scanned"), [(None, False), ("", True)])
def test_a_check_imports_no_package_metadata_unless_plugins_are_on(
    given: str | None, scanned: bool
) -> None:
    """With plugins off, pydantic's plugin loader is stood in for, so a check imports no
    ``importlib.metadata``; with them on, pydantic's own loader looks them up. The word list
    of the ligature repairs (the paper's snapshot needs them) is read without
    ``importlib.resources`` (which ``importlib.metadata`` imports itself)."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    paper = str(Path(__file__).resolve().parent.parent / "claims" / "fiia-298")
    done = subprocess.run([sys.executable, "-c", _CHECK_PROBE, paper], capture_output=True,
                          text=True, check=False, env=env)
    modules = json.loads(done.stderr.splitlines()[-1])
    assert "argmap._verify.wordlist" in modules  # the check repaired ligatures
    assert ("importlib.metadata" in modules) is scanned
    assert ("importlib.resources" in modules) is scanned
    # what only another map needs: a JSON map, a crashed rule, a misspelt name,
    # a quote that is not verbatim, a map that fails validation; and with --no-cache, the
    # result cache (its key hashes argmap's own code)
    only_for_others = ("json", "traceback", "difflib", "argmap._verify.fuzzy",
                       "argmap._verify.worddiff", "argmap._load.validate", "argmap._engine.cache")
    assert [name for name in only_for_others if name in modules] == []


_STAND_IN_PROBE = """
import sys
import argmap.cli as cli
cli._no_plugin_loader()
stand_in = sys.modules["pydantic.plugin._loader"]
assert stand_in.get_plugins() == ()
# a name the stand-in does not define (as a later pydantic might ask for) comes from the real
# loader, which then takes the stand-in's place
found = getattr(stand_in, "PYDANTIC_ENTRY_POINT_GROUP")
import pydantic.plugin._loader as now
sys.stderr.write(repr((found, now is not stand_in, "importlib.metadata" in sys.modules)))
"""


def test_the_plugin_loader_stand_in_falls_back_to_pydantic_for_other_names() -> None:
    """The stand-in defines only ``get_plugins``; any other attribute imports pydantic's own
    loader, so a pydantic that asks for more gets it instead of an ImportError."""
    done = subprocess.run([sys.executable, "-c", _STAND_IN_PROBE], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "('pydantic', True, True)"
