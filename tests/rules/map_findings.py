"""Shared by the rule tests: check a map written from YAML text, keep one rule's findings."""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap import Finding
from argmap._engine.config import Config
from argmap._engine.run import check_loaded


def findings(tmp_path: Path, body: str, code: str, config: Config | None = None) -> list[Finding]:
    """The findings of rule ``code`` on ``title: Test map`` plus ``body``; no rule may crash."""
    path = tmp_path / "map.yaml"
    path.write_text("title: Test map\n" + body, encoding="utf-8")
    result = check_loaded(argmap.load(path), config or Config())
    assert not [f for f in result if f.code == "AM000"], result
    return [f for f in result if f.code == code]
