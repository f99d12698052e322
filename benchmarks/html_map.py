"""The paper's HTML map in headless Chromium: file size, load time, and the docs' screenshots.

    .venv/bin/python benchmarks/html_map.py                 # size and load time (10 loads)
    .venv/bin/python benchmarks/html_map.py --screenshots   # also write docs/img/html-*.png

Load time is measured in the browser: from the start of navigation to the page script's
``argmap-ready`` mark (the data parsed, every node wired, the overview shown and fitted), and to
the ``load`` event, each the median of ``--runs`` fresh loads of the file after one warm-up.
Needs Debian's chromium and chromium-driver and selenium (see tests/browser.py). Not a timed
test: it prints a table for docs/render.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))  # the one place that knows how to start Chromium

from browser import console_errors, missing, start  # noqa: E402 - after the path is set

PAPER = ROOT / "claims" / "fiia-298"
IMG = ROOT / "docs" / "img"
#: The claim opened for the screenshot: in the overview, with a quote found in its snapshot.
CLAIM = "C-BY"


def build(out: Path) -> float:
    """Write the paper's page with the WebAssembly backend (as the docs do); seconds taken."""
    import argmap
    from argmap._engine.run import check_context
    from argmap._html import render_html
    from argmap._render import View

    began = time.perf_counter()
    m = argmap.load(PAPER)
    out.write_bytes(render_html(m, View(), "wasm", check_context(m)))
    return time.perf_counter() - began


def ready(driver: object) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(  # type: ignore[arg-type]
        lambda d: d.execute_script("return document.body.classList.contains('ready')")
    )


def timings(driver: object, page: Path, runs: int) -> tuple[list[float], list[float]]:
    marks, loads = [], []
    for index in range(runs + 1):
        driver.get("about:blank")  # type: ignore[attr-defined]
        driver.get(page.as_uri())  # type: ignore[attr-defined]
        ready(driver)
        time.sleep(0.05)
        mark, load = driver.execute_script(  # type: ignore[attr-defined]
            "const n = performance.getEntriesByType('navigation')[0];"
            "const m = performance.getEntriesByName('argmap-ready')[0];"
            "return [m.startTime, n.loadEventEnd];"
        )
        if index:  # the first load warms the browser's caches
            marks.append(mark / 1000)
            loads.append(load / 1000)
    return marks, loads


def screenshots(driver: object, page: Path) -> None:
    """docs/img/html-overview.png and html-claim.png: the page as a reader first sees it, and
    with a claim opened (its evidence quote highlighted in the snapshot text)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.get(page.as_uri())  # type: ignore[attr-defined]
    ready(driver)
    overview = IMG / "html-overview.png"
    driver.save_screenshot(str(overview))  # type: ignore[attr-defined]
    print(f"wrote {overview.relative_to(ROOT)}")
    box = driver.find_element(By.ID, "search")  # type: ignore[attr-defined]
    box.send_keys(CLAIM, Keys.ENTER)
    driver.find_element(By.ID, "expand").click()  # type: ignore[attr-defined]
    driver.execute_script(  # type: ignore[attr-defined]
        "const p = document.getElementById('panel');"
        "const m = p.querySelector('mark.quote-span');"
        "p.scrollTop += m.getBoundingClientRect().top - p.getBoundingClientRect().top - 260;"
    )
    time.sleep(0.2)
    claim = IMG / "html-claim.png"
    driver.save_screenshot(str(claim))  # type: ignore[attr-defined]
    print(f"wrote {claim.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--screenshots", action="store_true",
                        help="write docs/img/html-overview.png and html-claim.png")
    args = parser.parse_args()
    why = missing()
    if why:
        print(f"cannot run: {why}")
        return 2
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "fiia-298.html"
        seconds = build(page)
        size = page.stat().st_size
        driver = start()
        try:
            marks, loads = timings(driver, page, args.runs)
            errors = console_errors(driver)
            if args.screenshots:
                screenshots(driver, page)
        finally:
            driver.quit()
    print(f"| the paper's HTML map | {size:,} bytes ({size / 1e6:.2f} MB) |")
    print(f"| written by argmap (load, check, two layouts) | {seconds:.2f} s |")
    print(f"| navigation to ready, median of {args.runs} | {statistics.median(marks):.3f} s "
          f"(min {min(marks):.3f}, max {max(marks):.3f}) |")
    print(f"| navigation to load event, median | {statistics.median(loads):.3f} s |")
    print(f"| console errors | {len(errors)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
