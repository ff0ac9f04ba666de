"""Browser test harness: build the site once, serve it on 127.0.0.1, drive Debian's Chromium with Playwright.

The site is built with ``mkdocs build --strict`` into a temporary folder (a failed build fails every test that
needs it).  It is served by ``http.server`` on a free port and is also opened straight from ``file://``.
Chromium runs headless from ``/usr/bin/chromium`` with a fresh profile folder and every background service
turned off, so any request it makes comes from the site.  Tests are skipped when Chromium is not installed.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@dataclass(frozen=True)
class BuiltSite:
    folder: Path
    seconds: float
    log: str


@dataclass(frozen=True)
class Origin:
    """Where the site is opened from: ``http://127.0.0.1:<port>/`` or ``file:///.../``."""

    name: str
    base: str

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    folder = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path_factory.getbasetemp())}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return BuiltSite(folder, seconds, result.stdout + result.stderr)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def http_origin(built_site: BuiltSite) -> Iterator[Origin]:
    handler = functools.partial(_QuietHandler, directory=str(built_site.folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Origin("http", f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def file_origin(built_site: BuiltSite) -> Origin:
    return Origin("file", built_site.folder.as_uri() + "/")


@pytest.fixture(params=["http", "file"])
def origin(request: pytest.FixtureRequest) -> Origin:
    found: Origin = request.getfixturevalue(f"{request.param}_origin")
    return found


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory, http_origin: Origin) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900}, locale="en-US")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=http_origin.base.rstrip("/"))
        try:
            yield context
        finally:
            context.close()


class RequestLog:
    """Every request a page made, and every page error."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []


@pytest.fixture
def page(browser_context: Any) -> Iterator[Any]:
    tab = browser_context.new_page()
    tab.set_default_timeout(15_000)
    log = RequestLog()
    tab.on("request", lambda request: log.urls.append(request.url))
    tab.on("pageerror", lambda error: log.errors.append(str(error)))
    tab.request_log = log
    try:
        yield tab
    finally:
        tab.close()
