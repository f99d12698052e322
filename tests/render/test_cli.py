"""``argmap render``: formats from suffixes, views, errors without tracebacks, atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli

from .helpers import MAPS, node_ids, parse_svg

SMALL = str(MAPS / "small")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["render", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("suffix", "magic"), [(".svg", b"<?xml"), (".png", b"\x89PNG"),
                                               (".pdf", b"%PDF"), (".dot", b"digraph")])
def test_format_from_suffix(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"map{suffix}"
    code, _, err = run(SMALL, "-o", str(out), "--backend", "wasm")
    assert code == 0, err
    assert out.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_svg_to_stdout_with_a_view() -> None:
    code, out, _ = run(SMALL, "--backend", "wasm", "--focus", "O1", "--depth", "1",
                       "--evidence", "hide", "--grounded", "--findings", "--rankdir", "LR")
    assert code == 0
    assert node_ids(parse_svg(out.encode()), "claim") == {"O1", "T1", "P3"}


def test_unknown_section_fails_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    code, _, err = run(SMALL, "-o", str(out), "--section", "nope")
    assert code == 2
    assert "no section 'nope'" in err
    assert not out.exists()


def test_failed_render_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    out.write_text("old")
    code, _, err = run(SMALL, "-o", str(out), "--max-nodes", "2", "--evidence", "hide")
    assert code == 2
    assert "over the limit of 2" in err
    assert "hint:" in err
    assert out.read_text() == "old"


def test_unknown_suffix_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(SMALL, "-o", str(tmp_path / "x.gif"))
    assert code == 2
    assert "--format" in err


def test_missing_map() -> None:
    code, _, err = run("no/such/map", "-f", "dot")
    assert code == 2
    assert "AM101" in err


def test_bad_tag_colour() -> None:
    code, _, err = run(SMALL, "-f", "dot", "--tag-colour", "money")
    assert code == 2
    assert "TAG=COLOUR" in err


def test_format_that_contradicts_the_suffix_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    code, _, err = run(SMALL, "-f", "png", "-o", str(out))
    assert code == 2
    assert "would write PNG into" in err
    assert not out.exists()


def test_the_map_is_let_go_before_the_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command holds only the DOT and what finishing needs while Graphviz runs: at 5,000
    claims the loaded map is a third of the peak memory (docs/render.md, "Memory")."""
    import gc
    import weakref

    from argmap._load import loader
    from argmap._render import backends

    loaded: list[weakref.ref[object]] = []
    alive: list[bool] = []
    real_load, real_layout = loader.load, backends.layout_svg

    def load(*args: object, **kwargs: object) -> object:
        argmap = real_load(*args, **kwargs)  # type: ignore[arg-type]
        loaded.append(weakref.ref(argmap))
        return argmap

    def layout(source: str, backend: str = "auto") -> bytes:
        gc.collect()
        alive.append(loaded[0]() is not None)
        return real_layout(source, backend)

    monkeypatch.setattr(loader, "load", load)
    monkeypatch.setattr(backends, "layout_svg", layout)
    code, _, err = run(SMALL, "-o", str(tmp_path / "x.svg"), "--backend", "wasm")
    assert code == 0, err
    assert alive == [False]
