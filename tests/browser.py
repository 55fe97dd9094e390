"""Headless Chromium from the system (Debian's chromium + chromium-driver), driven by selenium.

Never downloads a browser: it uses /usr/bin/chromium and /usr/bin/chromedriver (or the
ones named by GDPLAN_CHROMIUM / GDPLAN_CHROMEDRIVER) and says why when it cannot.
chromedriver starts in a process group of its own; on exit the driver quits, and
whatever is still alive in that group (chromedriver, any browser process) is killed and
waited for, so a test leaves no process behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .procs import group_alive

__all__ = ["FLAGS", "NoBrowser", "browser_paths", "chromium", "group_alive"]

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


class NoBrowser(RuntimeError):
    """No browser can be had here; the message says why."""


def _find(env: str, *names: str) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        if Path(name).is_absolute() and os.access(name, os.X_OK):
            return name
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_paths() -> tuple[str, str]:
    """(chromium, chromedriver), or NoBrowser naming what is missing."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        raise NoBrowser("selenium is not installed (pip install -e '.[dev]')") from None
    chromium = _find("GDPLAN_CHROMIUM", "/usr/bin/chromium", "chromium", "chromium-browser")
    driver = _find("GDPLAN_CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver")
    if chromium is None or driver is None:
        missing = " and ".join(n for n, p in (("chromium", chromium), ("chromedriver", driver)) if p is None)
        raise NoBrowser(f"no {missing} on this machine (apt-get install chromium chromium-driver)")
    return chromium, driver


def _reap(pgid: int) -> None:
    deadline = time.monotonic() + 5
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if group_alive(pgid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.05)


@contextlib.contextmanager
def chromium(width: int = 1400, height: int = 1000) -> Iterator[tuple[Any, int]]:
    """A selenium Chrome driver on the system Chromium, and the process group it runs in."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = browser_paths()
    profile = tempfile.mkdtemp(prefix="gdplan-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    service = Service(driver_path, popen_kw={"start_new_session": True})
    driver = None
    pgid = -1
    try:
        try:
            driver = webdriver.Chrome(service=service, options=options)
        except Exception as exc:
            raise NoBrowser(f"Chromium did not start: {str(exc).splitlines()[0]}") from None
        pgid = service.process.pid  # start_new_session: chromedriver leads its own group
        yield driver, pgid
    finally:
        if driver is not None:
            with contextlib.suppress(Exception):
                driver.quit()
        process = getattr(service, "process", None)
        if process is not None:
            with contextlib.suppress(Exception):
                service.stop()
            with contextlib.suppress(Exception):
                process.wait(timeout=5)
        if pgid != -1:
            _reap(pgid)
        shutil.rmtree(profile, ignore_errors=True)
