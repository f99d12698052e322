"""docs/authoring.md is a real run: replay its walkthrough and find each output in the page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli

sys.path.insert(0, str(Path(__file__).parent))
import docmaker

pytest.importorskip("pypdfium2", reason="argmap[ingest] is not installed")

DOC = (Path(__file__).parent.parent / "docs" / "authoring.md").read_text(encoding="utf-8")


def block_after(marker: str, language: str) -> str:
    """The first fenced block of ``language`` after ``marker`` in the page."""
    start = DOC.index(marker)
    found = re.compile(rf"```{language}\n(.*?)```", re.DOTALL).search(DOC, start)
    assert found is not None
    return found.group(1)


def shown(*args: str) -> str:
    """The command's output as the page shows it: `$ argmap ...` then what it printed."""
    result = CliRunner().invoke(cli, list(args))
    return f"$ argmap {' '.join(_quote(a) for a in args)}\n{result.stdout}{result.stderr}"


def _quote(arg: str) -> str:
    return f'"{arg}"' if " " in arg else arg


def in_doc(output: str) -> None:
    masked = re.sub(r"commit [0-9a-f]{7}", "commit HASH", output)
    assert masked in re.sub(r"commit [0-9a-f]{7}", "commit HASH", DOC), output


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_walkthrough_prints_what_the_page_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    docmaker.make_pdf(Path("riverton-report.pdf"))
    in_doc(shown("new", "lane", "--title", "The Main Street bike lane"))
    in_doc(shown("check", "lane").split("$ argmap check lane\n")[1])
    in_doc(shown("source", "add", "riverton-report.pdf", "--map", "lane", "--id",
                 "riverton-2023"))
    snapshot = Path("lane/snapshots/riverton-2023.txt").read_text(encoding="utf-8")
    assert snapshot.replace("\f", "␌") == block_after("**The snapshot**", "text")

    Path("lane/map.yaml").write_text(block_after("## 3.", "yaml"), encoding="utf-8")
    in_doc(shown("check", "lane"))
    text = Path("lane/map.yaml").read_text(encoding="utf-8")
    Path("lane/map.yaml").write_text(text.replace("page: 2}\n    quote: {exact: \"rose",
                                                  "page: 1}\n    quote: {exact: \"rose"),
                                     encoding="utf-8")
    sources = Path("lane/sources.yaml").read_text(encoding="utf-8")
    url = block_after("## 4.", "yaml")
    Path("lane/sources.yaml").write_text(
        sources.replace('  issued: "2023-04-02"\n', f'  issued: "2023-04-02"\n{url}'),
        encoding="utf-8")
    in_doc(shown("check", "lane"))

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", "lane", "-c", "user.name=t", "-c",
                        "user.email=t@example.org", *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "map")
    edited = snapshot.replace("no loss of trade", "no loss of trade in 2023")
    Path("lane/snapshots/riverton-2023.txt").write_text(edited, encoding="utf-8")
    in_doc(shown("source", "diff", "riverton-2023", "--map", "lane"))
