"""The paper's HTML map in a real browser: headless Chromium driven by Selenium.

One browser for the module (start-up is the slow part); each test loads the page afresh when
it needs the starting state. What is checked is what a reader does: the page loads with no
console error and no request but itself, starts on the overview, finds a claim by ID and by
words, opens a clicked claim with its quote highlighted in the snapshot text, shows and hides
a claim's supports and attacks, is reachable by keyboard, lists findings that jump to their
claim, and prints. The hostile corpus is opened too: no markup of a map may become an element.

Marked ``browser``; skipped with the reason when Chromium, its driver or Selenium is missing
(in CI, where ``.ci/run`` installs them, a skip fails the run).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap._engine.run import check_context
from argmap._html import render_html
from argmap._render import View
from argmap._render.views import View as _View
from argmap._render.views import select
from browser import console_errors, missing, requests_made, start

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "claims" / "fiia-298"
CORPUS = Path(__file__).parent / "bad-inputs"
#: Corpus cases whose maps carry markup, script and URL attacks in every string field.
HOSTILE_CASES = ("html-label-injection", "svg-script-injection", "svg-url-injection",
                 "report-markdown-injection", "dot-quoting", "svg-graphviz-escapes")

_WHY = missing()
if _WHY is not None:
    pytestmark = [pytestmark, pytest.mark.skip(reason=f"browser tests: {_WHY}")]


def start_claims(m: argmap.ArgumentMap) -> list[str]:
    """The claims the page starts on: those the overview draws."""
    return [c.id for c in select(m, _View(view="overview")).claims]


@pytest.fixture(scope="module")
def paper() -> tuple[argmap.ArgumentMap, Any, list[Any]]:
    m = argmap.load(PAPER)
    findings, ctx = check_context(m)
    return m, ctx, findings


@pytest.fixture(scope="module")
def page(paper: tuple[argmap.ArgumentMap, Any, list[Any]],
         tmp_path_factory: pytest.TempPathFactory) -> Path:
    m, ctx, findings = paper
    path = tmp_path_factory.mktemp("html") / "fiia-298.html"
    path.write_bytes(render_html(m, View(), "auto", (findings, ctx)))
    return path


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    browser = start()
    try:
        yield browser
    finally:
        browser.quit()


def load(driver: Any, path: Path) -> None:
    """Open the page afresh and wait until its script has run."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.as_uri())
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.body.classList.contains('ready')")
    )


def shown_claims(driver: Any) -> set[str]:
    return set(driver.execute_script(
        "return Array.from(document.querySelectorAll('.frame:not([hidden]) g[data-claim]'))"
        ".filter(g => !g.classList.contains('off') && g.getBoundingClientRect().width > 0)"
        ".map(g => g.getAttribute('data-claim'))"
    ))


def panel_title(driver: Any) -> str:
    from selenium.webdriver.common.by import By

    return str(driver.find_element(By.ID, "panel-title").text)


def test_loads_with_no_console_error_and_no_request_but_itself(driver: Any, page: Path) -> None:
    load(driver, page)
    assert console_errors(driver) == []
    requests = requests_made(driver)
    assert requests == [page.as_uri()], requests
    policy = driver.execute_script(
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"
    )
    assert policy.startswith("default-src 'none';")
    assert "unsafe-inline" not in policy


def test_starts_on_the_overview(driver: Any, page: Path,
                                paper: tuple[argmap.ArgumentMap, Any, list[Any]]) -> None:
    load(driver, page)
    assert shown_claims(driver) == set(start_claims(paper[0]))


def test_search_by_id_and_by_words(driver: Any, page: Path,
                                   paper: tuple[argmap.ArgumentMap, Any, list[Any]]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    m = paper[0]
    hidden = next(c for c in m.claims if c.id not in set(start_claims(m)))
    load(driver, page)
    box = driver.find_element(By.ID, "search")
    words = " ".join(hidden.text.split()[2:6])
    box.send_keys(words)
    results = driver.find_elements(By.CSS_SELECTOR, "#results button[data-open]")
    assert hidden.id in [r.get_attribute("data-open") for r in results]
    box.clear()
    box.send_keys(hidden.id, Keys.ENTER)
    assert panel_title(driver).startswith(hidden.id + " ")
    assert hidden.id in shown_claims(driver)  # a claim found is shown, even off the overview
    node = driver.find_element(By.CSS_SELECTOR, f'#picture-map g[data-claim="{hidden.id}"]')
    assert "selected" in node.get_attribute("class")
    assert console_errors(driver) == []


def _anchored_claim(paper: tuple[argmap.ArgumentMap, Any, list[Any]]) -> tuple[str, str]:
    """A claim of the overview with an evidence quote found in its snapshot, and that span."""
    from argmap._verify.anchor import anchor_evidence

    m, ctx, _ = paper
    evidence = {e.id: e for e in m.evidence}
    for claim_id in start_claims(m):
        claim = next(c for c in m.claims if c.id == claim_id)
        for item in claim.evidence:
            result = anchor_evidence(ctx, evidence[item])
            if result.start is not None and result.end is not None and result.source:
                snapshot = ctx.snapshot(result.source)
                return claim_id, snapshot.text[result.start:result.end]
    pytest.fail("no claim of the overview has an anchored quote")


def test_click_a_claim_shows_its_quote_highlighted(
    driver: Any, page: Path, paper: tuple[argmap.ArgumentMap, Any, list[Any]]
) -> None:
    from selenium.webdriver.common.by import By

    claim_id, span = _anchored_claim(paper)
    load(driver, page)
    driver.find_element(By.ID, "zoom-in").click()  # a real click needs the node on screen:
    driver.execute_script(  # centre it as the search would, without opening it
        "document.querySelector('.frame:not([hidden]) g[data-claim=\"' + arguments[0] + '\"]')"
        ".focus()", claim_id
    )
    node = driver.find_element(By.CSS_SELECTOR,
                               f'.frame:not([hidden]) g[data-claim="{claim_id}"]')
    node.click()
    assert panel_title(driver).startswith(claim_id + " ")
    marks = driver.find_elements(By.CSS_SELECTOR, "#panel mark.quote-span")
    assert marks, "no highlighted quote in the panel"
    assert any(" ".join(mark.text.split()) == " ".join(span.split()) for mark in marks)
    assert all(mark.is_displayed() for mark in marks[:1])
    background = marks[0].value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    context = marks[0].find_element(By.XPATH, "..").text
    assert len(context) > len(marks[0].text)  # the snapshot text around the quote is shown
    status = driver.find_element(By.CSS_SELECTOR, "#panel .grounded").text
    assert status.startswith("grounded status: ")
    assert console_errors(driver) == []


def _expandable(m: argmap.ArgumentMap) -> tuple[str, set[str]]:
    """A claim of the overview with supports or attacks the overview does not show."""
    start_set = set(start_claims(m))
    for claim_id in start_claims(m):
        below = {p for r in m.relations if r.to == claim_id for p in r.from_}
        if below - start_set:
            return claim_id, below - start_set
    pytest.fail("every claim below the overview is already shown")


def test_expand_and_collapse(driver: Any, page: Path,
                             paper: tuple[argmap.ArgumentMap, Any, list[Any]]) -> None:
    """From the overview, E on a claim shows the whole map with its supports and attacks;
    E again hides them; the claim panel's button does the same."""
    from selenium.webdriver.common.by import By

    claim_id, children = _expandable(paper[0])
    load(driver, page)
    before = shown_claims(driver)
    assert not children & before
    driver.execute_script(
        "document.querySelector('.frame:not([hidden]) g[data-claim=\"' + arguments[0] + '\"]')"
        ".focus()", claim_id
    )
    driver.switch_to.active_element.send_keys("e")
    assert driver.execute_script("return document.body.dataset.picture") == "map"
    assert children <= shown_claims(driver)
    node = driver.find_element(By.CSS_SELECTOR, f'#picture-map g[data-claim="{claim_id}"]')
    assert node.get_attribute("aria-expanded") == "true"
    assert driver.switch_to.active_element == node
    node.send_keys("e")
    assert shown_claims(driver) == before  # the whole map, showing the overview's claims
    assert node.get_attribute("aria-expanded") == "false"
    node.send_keys("\n")  # Enter opens it; the panel's button shows and hides the same
    driver.find_element(By.ID, "expand").click()
    assert children <= shown_claims(driver)
    driver.find_element(By.ID, "expand").click()
    assert shown_claims(driver) == before
    assert console_errors(driver) == []


def test_keyboard_reaches_search_nodes_and_panel(driver: Any, page: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    load(driver, page)
    driver.execute_script("document.activeElement.blur()")
    visited: list[str] = []
    claim = None
    for _ in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        claim = active.get_attribute("data-claim")
        visited.append(active.get_attribute("id") or claim or active.tag_name)
        if claim:
            break
    assert visited[0] == "search", visited
    assert claim, f"Tab never reached a claim: {visited}"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert panel_title(driver).startswith(claim + " ")
    for _ in range(300):  # past the other claims to the panel's controls
        ActionChains(driver).send_keys(Keys.TAB).perform()
        inside = driver.execute_script(
            "return document.getElementById('panel').contains(document.activeElement)"
        )
        if inside:
            break
    assert inside, "Tab never reached the claim panel"


def test_findings_panel_filters_and_jumps(
    driver: Any, page: Path, paper: tuple[argmap.ArgumentMap, Any, list[Any]]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    findings = paper[2]
    assert findings, "the paper's map has findings to list"
    load(driver, page)
    toggle = driver.find_element(By.ID, "findings-toggle")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    items = driver.find_elements(By.CSS_SELECTOR, "#findings-list li.finding")
    assert len(items) == len(findings)
    driver.find_element(By.ID, "sev-info").click()
    severities = {i.get_attribute("data-severity")
                  for i in driver.find_elements(By.CSS_SELECTOR, "#findings-list li.finding")}
    assert "info" not in severities
    driver.find_element(By.ID, "sev-info").click()
    code = sorted({f.code for f in findings if f.node})[0]
    Select(driver.find_element(By.ID, "rule-filter")).select_by_value(code)
    items = driver.find_elements(By.CSS_SELECTOR, "#findings-list li.finding")
    assert items
    assert {i.get_attribute("data-code") for i in items} == {code}
    jump = next(b for b in driver.find_elements(By.CSS_SELECTOR, "#findings-list .finding-jump")
                if b.is_enabled())
    jump.click()
    opened = panel_title(driver).split(" ")[0]
    assert opened in shown_claims(driver)
    node = driver.find_element(By.CSS_SELECTOR,
                               f'.frame:not([hidden]) g[data-claim="{opened}"]')
    assert "selected" in node.get_attribute("class")
    assert driver.find_elements(By.CSS_SELECTOR, "#panel .claim-findings li")
    assert console_errors(driver) == []


def test_print_media(driver: Any, page: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.print_page_options import PrintOptions

    load(driver, page)
    driver.execute_script("document.querySelector('g[data-claim]').focus()")
    driver.switch_to.active_element.send_keys("\n")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        tools = driver.find_element(By.ID, "tools")
        assert tools.value_of_css_property("display") == "none"
        assert driver.find_element(By.ID, "panel").value_of_css_property("display") == "block"
        assert driver.find_element(By.ID, "findings").value_of_css_property("display") == "block"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(driver.print_page(PrintOptions()))
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 2  # map, then the panel
    assert console_errors(driver) == []


@pytest.mark.parametrize("case", HOSTILE_CASES)
def test_hostile_maps_stay_text(driver: Any, tmp_path: Path, case: str) -> None:
    """Open every claim of a hostile map: no element but the page's own, nothing runs."""
    m = argmap.load(CORPUS / case)
    path = tmp_path / "hostile.html"
    path.write_bytes(argmap.render(m, "html"))
    load(driver, path)
    driver.execute_script("window.__argmap_pwned = false;")
    ids = driver.execute_script(
        "return Array.from(document.querySelectorAll('g[data-claim]'))"
        ".map(g => g.getAttribute('data-claim'))"
    )
    for claim_id in ids:
        driver.execute_script(
            "document.querySelector('g[data-claim=\"' + arguments[0] + '\"]')"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}))", claim_id
        )
    driver.find_element("id", "findings-toggle").click()
    counts = driver.execute_script(
        "return {scripts: document.scripts.length,"
        " foreign: document.querySelectorAll('img, iframe, object, embed, foreignObject, "
        "a[href], link, base, form, meta:not([charset]):not([name]):not([http-equiv])').length,"
        " handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from("
        "e.attributes).some(a => a.name.startsWith('on'))).length}"
    )
    assert counts == {"scripts": 2, "foreign": 0, "handlers": 0}
    assert console_errors(driver) == []
    assert requests_made(driver) == [path.as_uri()]


def test_a_section_page_opens_a_claim_it_does_not_draw(driver: Any, tmp_path: Path) -> None:
    """A section's page has no overview and draws only the section; a claim found outside it
    opens in the panel all the same."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    m = argmap.load(PAPER)
    section = m.sections[0].id
    outside = next(c for c in m.claims if c.section != section)
    path = tmp_path / "section.html"
    path.write_bytes(argmap.render(m, "html", section=section))
    load(driver, path)
    assert driver.execute_script("return document.body.dataset.picture") == "map"
    assert outside.id not in shown_claims(driver)
    driver.find_element(By.ID, "search").send_keys(outside.id, Keys.ENTER)
    assert panel_title(driver).startswith(outside.id + " ")
    assert console_errors(driver) == []
