"""Headless Chromium for the HTML map's tests and benchmark, driven by Selenium.

Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); Selenium is told
where both are, so it never downloads a browser or a driver. The browser runs with the
console and performance (DevTools network) logs on, so a test can read every console message
and every request the page made.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

__all__ = ["CHROMEDRIVER", "CHROMIUM", "console_errors", "missing", "requests_made", "start"]

CHROMIUM = os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = (
    os.environ.get("ARGMAP_CHROMEDRIVER") or shutil.which("chromedriver")
    or "/usr/bin/chromedriver"
)


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401 - only whether it imports
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).is_file():
            return f"{path} not found (apt-get install {package})"
    return None


def start(width: int = 1400, height: int = 900) -> Any:
    """A headless Chromium with console and network logging."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", f"--window-size={width},{height}",
                     "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def console_errors(driver: Any) -> list[dict[str, Any]]:
    """The console messages at level SEVERE (errors, CSP violations) since the last call."""
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def requests_made(driver: Any) -> list[str]:
    """The URL of every request the browser sent since the last call (DevTools log)."""
    import json

    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
