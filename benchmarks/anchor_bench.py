"""Quote anchoring timings on a 100,000-character snapshot (prints; asserts nothing).

Run: ``.venv/bin/python benchmarks/anchor_bench.py``. The snapshot is the seed paper (PDF
extraction artefacts and all) repeated to 100,000 characters; the quotes are cut from it and
then spelt correctly, retyped with a typo, or altered in a number. Times are the median of
several runs, in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from argmap._verify.anchor import SnapshotIndex  # noqa: E402

SEED = ROOT / "claims" / "fiia-298" / "snapshots" / "fiia-298.txt"


def _ms(func: object, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    seed = SEED.read_text(encoding="utf-8")
    text = (seed * (100_000 // len(seed) + 1))[:100_000]
    print(f"snapshot: {len(text):,} characters")
    print(
        f"build index (normalise once per run): {_ms(lambda: SnapshotIndex('s', text), 5):8.2f} ms"
    )
    index = SnapshotIndex("s", text)
    at = 60_000 + text[60_000:].index(". ") + 2  # a sentence start near the end of the text
    cases = {}
    for length in (40, 150, 400, 1000):
        piece = text[at : at + length]
        piece = piece[: max(piece.rfind(" "), piece.rfind("\n"))].rstrip(" \n-")  # whole words
        cases[f"exact, {length} chars"] = piece
        normalised = piece.replace("\n", " ").replace("confict", "conflict").replace("Te ", "The ")
        cases[f"retyped (normalised), {length} chars"] = normalised
        chars = list(piece)
        chars[length // 3] = "#"
        chars[2 * length // 3] = "~"
        cases[f"two typos (not verbatim), {length} chars"] = "".join(chars)
    cases["not in the text, 120 chars"] = (
        "The quick brown fox jumps over the lazy dog while the committee deliberates about "
        "bicycle lanes on Main Street."
    )
    for name, quote in cases.items():
        result = index.anchor(quote)
        print(
            f"{name:38} {_ms(lambda q=quote: index.anchor(q)):8.2f} ms  "
            f"{result.status.value:10} {result.similarity:.3f}"
        )


if __name__ == "__main__":
    main()
