"""``argmap source diff``: the snapshot as recorded (found in git by its sha256) against the file.

A source records ``snapshot.sha256``, the fingerprint of the text its quotes were checked
against; the text itself is not kept anywhere but in version control. So the recorded text is
looked for in git: every committed version of the snapshot file (newest first, at most
``MAX_VERSIONS``), and the index, is hashed until one has the recorded sha256. When none has
(the map is not in git, or the recorded version was never committed) the diff cannot be shown,
and the result says so and gives both hashes.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

from argmap._record import record
from argmap._text import visible

__all__ = ["MAX_VERSIONS", "DiffResult", "snapshot_diff"]

MAX_VERSIONS = 500
_GIT_TIMEOUT = 30


@record
class DiffResult:
    summary: str = ""
    diff: str = ""
    changed: bool = False
    error: tuple[str, str, str] | None = None  # (code, where, message)
    hint: str | None = None


def snapshot_diff(map_dir: Path, source_id: str) -> DiffResult:
    """Compare the source's snapshot file with the version its recorded sha256 names."""
    from argmap._findings import MapLoadError
    from argmap._load.loader import load

    try:
        argmap = load(map_dir)
    except MapLoadError as exc:
        first = exc.findings[0]
        return DiffResult(error=(first.code, str(map_dir), first.message),
                          hint=f"`argmap check {map_dir}` shows every problem")
    source = next((s for s in argmap.sources if s.id == source_id), None)
    if source is None:
        known = ", ".join(sorted(s.id for s in argmap.sources)) or "none"
        return DiffResult(error=("AM202", str(map_dir), f"the map has no source "
                                 f"{source_id!r} (its sources: {known})"))
    if source.snapshot is None:
        return DiffResult(error=("AM407", str(map_dir), f"source {source_id!r} has no "
                                 "snapshot"))
    origin = argmap.origin
    read = origin.read_snapshot(source.snapshot.path) if origin is not None else "no folder"
    if isinstance(read, str):
        return DiffResult(error=("AM406", str(map_dir), read))
    path, recorded, now = read.path, source.snapshot.sha256, read.sha256
    shown = source.snapshot.path
    if recorded is None:
        return DiffResult(f"{shown}: no sha256 is recorded for {source_id!r}; the file's is "
                          f"{now} (record it as snapshot.sha256)", changed=True)
    if recorded == now:
        return DiffResult(f"{shown}: unchanged (sha256 {now})")
    found = _recorded_text(path, recorded)
    if found is None:
        return DiffResult(
            f"{shown}: changed (recorded sha256 {recorded}, file now {now}); no version with "
            "the recorded sha256 was found in git, so only the hashes can be shown",
            changed=True)
    revision, old = found
    new = read.text
    lines = difflib.unified_diff(
        _lines(old), _lines(new),
        fromfile=f"{shown} (recorded, {revision}, sha256 {recorded[:12]})",
        tofile=f"{shown} (file now, sha256 {now[:12]})")
    text = "".join(visible(line.rstrip("\n")) + "\n" for line in lines)
    return DiffResult(f"{shown}: changed (recorded sha256 {recorded}, file now {now})", text,
                      changed=True)


def _lines(text: str) -> list[str]:
    """Lines split at ``\n`` only: ``str.splitlines`` would also split at a page's form feed."""
    return re.split(r"(?<=\n)(?=.)", text, flags=re.DOTALL)


def _git(folder: Path, *args: str) -> bytes | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run([git, "-C", str(folder), *args], capture_output=True,
                              timeout=_GIT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _recorded_text(path: Path, sha256: str) -> tuple[str, str] | None:
    """(where it was found, its text) for the version of ``path`` whose bytes hash to sha256."""
    folder = path.parent
    relative = _git(folder, "ls-files", "--full-name", "--error-unmatch", path.name)
    log = _git(folder, "log", "--all", f"--max-count={MAX_VERSIONS}", "--format=%h",
               "--", path.name)
    if relative is None and not log:
        return None
    name = relative.decode().strip() if relative else None
    candidates: list[tuple[str, str]] = []
    if log:
        root = _git(folder, "rev-parse", "--show-toplevel")
        prefix = Path(root.decode().strip()) if root else None
        full = name or (str(path.resolve().relative_to(prefix.resolve())) if prefix else None)
        if full is not None:
            candidates += [(f"commit {h}", f"{h}:{full}") for h in log.decode().split()]
    if name:
        candidates.append(("the git index", f":{name}"))  # staged, not yet committed
    for label, spec in candidates:
        data = _git(folder, "show", spec)
        if data is not None and hashlib.sha256(data).hexdigest() == sha256:
            try:
                return label, data.decode("utf-8").removeprefix("\ufeff")
            except UnicodeDecodeError:
                return None
    return None
