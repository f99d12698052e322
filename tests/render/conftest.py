"""Fixtures for the renderer tests."""

from __future__ import annotations

import pytest

import argmap

from .helpers import MAPS


@pytest.fixture(scope="session")
def small() -> argmap.ArgumentMap:
    return argmap.load(MAPS / "small")
