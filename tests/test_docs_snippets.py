"""Every code snippet of README.md and docs/*.md runs, and shows what it really prints.

- ``python`` blocks run, each in a fresh interpreter in a scratch folder that holds copies of
  ``examples/`` and ``claims/`` (so a snippet may write files), and must exit 0.
- ``console`` blocks are shell sessions: each ``$ command`` line runs with bash in a scratch
  folder (one per block, with the same copies and ``tests/example-maps``), ``argmap`` being
  this checkout, and the lines after it up to the next ``$`` must be lines it prints, in
  order (trailing spaces aside): a page may show an excerpt, never a line the command does
  not print.
- A block that cannot run here says so in its fence: ``python norun`` or ``console norun``
  (it needs a file the repository does not hold, root's permissions, or a network), so the
  exceptions are visible in the docs themselves.
- ``$ cat FILE`` followed by text, where FILE is not there, is how a page shows a file its
  session uses (as ``tests/test_load_codes.py`` reads the rules' examples): it is written.
- A block whose fence says ``file=PATH`` (``yaml file=lane/map.yaml``) is a file the page's
  later console blocks use: it is written at PATH in their scratch folder first.
- ``yaml map`` blocks are whole maps: saved as ``map.yaml`` beside a copy of the example's
  snapshots (``snapshots/``), each must check without an error. Other blocks (yaml
  fragments, json, text, ...) are data, not code.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^(?P<indent> *)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```\s*$",
                   re.MULTILINE | re.DOTALL)

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="console blocks need bash")


_INFO: dict[tuple[str, int, str], tuple[str, ...]] = {}


def _info(block: tuple[str, int, str]) -> tuple[str, ...]:
    return _INFO.get(block, ())


def blocks(language: str, want: str | None = None) -> list[tuple[str, int, str]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            words = match.group("info").split()
            if not words or words[0] != language or "norun" in words[1:]:
                continue
            if want is not None and want not in words[1:]:
                continue
            indent = len(match.group("indent"))
            body = "\n".join(line[indent:] for line in match.group("body").splitlines())
            line = text[:match.start()].count("\n") + 1
            block = (page.relative_to(ROOT).as_posix(), line, body)
            _INFO[block] = tuple(words[1:])
            found.append(block)
    return found


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A folder with copies of the maps the docs use, and ``argmap`` on the PATH."""
    for name in ("examples", "claims"):
        shutil.copytree(ROOT / name, tmp_path / name)
    # not docs/paper: 24 MB of generated drawings no snippet reads (56 copies were 1.3 GB a run)
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("paper"))
    shutil.copytree(ROOT / "tests" / "example-maps", tmp_path / "tests" / "example-maps")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "argmap"
    shim.write_text(f'#!/bin/bash\nexec "{sys.executable}" -m argmap "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    return tmp_path


def _env(scratch: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100",
            "PATH": f"{scratch / '.bin'}{os.pathsep}{os.environ['PATH']}"}


@pytest.mark.parametrize(("page", "line", "code"), blocks("python"),
                         ids=lambda v: v if isinstance(v, str) and v.endswith(".md") else None)
def test_python_snippet_runs(page: str, line: int, code: str, scratch: Path) -> None:
    done = subprocess.run([sys.executable, "-c", code], cwd=scratch, env=_env(scratch),
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, f"{page}:{line}\n{done.stdout}\n{done.stderr}"


def files_before(page: str, line: int) -> list[tuple[str, str]]:
    """(path, content) of the page's ``file=PATH`` blocks above ``line``, in page order."""
    text = (ROOT / page).read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        if text[:match.start()].count("\n") + 1 >= line:
            break
        for word in match.group("info").split()[1:]:
            if word.startswith("file="):
                found.append((word.removeprefix("file="), match.group("body")))
    return found


def sessions(body: str) -> list[tuple[str, str]]:
    """(command, expected output) for each ``$ `` line of a console block."""
    found: list[tuple[str, list[str]]] = []
    for text in body.splitlines():
        if text.startswith("$ "):
            found.append((text[2:], []))
        elif found:
            found[-1][1].append(text)
    return [(command, "\n".join(lines)) for command, lines in found]


def _same(shown: str, printed: str) -> bool:
    """Is every line shown (blank lines aside) a line printed, in the same order?"""
    wanted = [_key(line) for line in shown.splitlines()
              if line.strip() and line.strip() != "..."]  # "..." marks lines left out
    got = iter(_key(line) for line in printed.splitlines())
    return all(any(line == candidate for candidate in got) for line in wanted)


def _key(line: str) -> str:
    """A line as compared: without trailing spaces; a JSON line (an excerpt of a document
    may be shown less indented) also without its indentation."""
    stripped = line.strip()
    return stripped if stripped[:1] in ('"', "{", "}", "[", "]") else line.rstrip()


@pytest.mark.parametrize(("page", "line", "body"), blocks("console"),
                         ids=lambda v: v if isinstance(v, str) and v.endswith(".md") else None)
def test_console_snippet_prints_what_the_page_shows(page: str, line: int, body: str,
                                                    scratch: Path) -> None:
    for path, content in files_before(page, line):
        (scratch / path).parent.mkdir(parents=True, exist_ok=True)
        (scratch / path).write_text(content, encoding="utf-8")
    status = 0
    for command, shown in sessions(body):
        cat = re.fullmatch(r"cat (\S+)", command)
        if cat and not (scratch / cat.group(1)).exists():  # `$ cat FILE` shows the file used
            (scratch / cat.group(1)).write_text(shown + "\n", encoding="utf-8")
        # "(exit N)" first: `echo $?` on the next line sees the previous command's status
        done = subprocess.run(["bash", "-c", f"(exit {status}); {command}"], cwd=scratch,
                              env=_env(scratch), capture_output=True, text=True, timeout=600,
                              check=False)
        status = done.returncode
        printed = done.stdout + done.stderr
        assert "Traceback" not in printed, f"{page}:{line}: $ {command}\n{printed}"
        if not shown.strip():  # the page shows no output: the command must succeed
            assert done.returncode == 0, f"{page}:{line}: $ {command}\n{printed}"
        assert _same(shown, printed), (f"{page}:{line}: $ {command}\n--- the page shows\n"
                                       f"{shown}\n--- it prints\n{printed}")


@pytest.mark.parametrize(("page", "line", "text"), blocks("yaml", want="map"),
                         ids=lambda v: v if isinstance(v, str) and v.endswith(".md") else None)
def test_yaml_map_snippet_checks_clean(page: str, line: int, text: str, tmp_path: Path) -> None:
    import argmap

    shutil.copytree(ROOT / "examples" / "bike-lanes" / "snapshots", tmp_path / "snapshots")
    (tmp_path / "map.yaml").write_text(text, encoding="utf-8")
    errors = [str(f) for f in argmap.check(tmp_path) if f.severity is argmap.Severity.ERROR]
    assert errors == [], f"{page}:{line}"


def test_the_readme_map_is_checked() -> None:
    assert any(page == "README.md" for page, _, _ in blocks("yaml", want="map"))
