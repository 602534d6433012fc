"""Screenshots of the built briefing for the README: `make screenshots` (after `briefing build`).

Serves site/ on 127.0.0.1, opens it in headless Chromium (/usr/bin/chromium through
Selenium and chromedriver) and saves PNGs under docs/assets/screenshots/: the home page,
the most prominent actor, the best-sourced event and the first source at 1280 px (the home
page at 390 px too), and the first page of the actor's printed handout (pdftoppm).
Targets are picked from docs/data/*.yaml, never named here.
"""

from __future__ import annotations

import base64
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "assets" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def driver(width: int, height: int, profile: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
                 f"--window-size={width},{height}"]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def targets(data: Path) -> dict[str, str]:
    """Page paths picked from the data: the top actor, the best-sourced event, the oldest source."""
    load = lambda name: yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))  # noqa: E731
    actors = load("actors")["actors"]
    events = load("events")["events"]
    sources = load("sources")["sources"]
    actor = max(actors, key=lambda a: (a["prominence"]["score"], a["id"]))
    event = max(events, key=lambda e: (len(e["sources"]), e["id"]))
    source = min(sources, key=lambda s: (str(s.get("published") or "9999"), s["id"]))
    return {"actor": f"actors/{actor['id']}/", "event": f"events/{event['id']}/", "source": f"sources/{source['id']}/"}


def main() -> int:
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        print("No site/: run `briefing build` first.", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    pages = {"home": "", **targets(ROOT / "docs" / "data")}
    server, base = serve(site)
    with tempfile.TemporaryDirectory() as tmp:
        wide = driver(1280, 900, f"{tmp}/wide")
        narrow = driver(390, 844, f"{tmp}/narrow")
        try:
            for name, path in pages.items():
                wide.get(base + path)
                wide.save_screenshot(str(OUT / f"{name}.png"))
            # Headless windows are at least 500 px wide: emulate the phone's viewport instead.
            narrow.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
            narrow.get(base)
            narrow.save_screenshot(str(OUT / "home-390.png"))
            wide.get(base + pages["actor"])
            pdf = wide.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
            pdf_path = Path(tmp) / "handout.pdf"
            pdf_path.write_bytes(base64.b64decode(pdf["data"]))
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf_path),
                            str(OUT / "handout")], check=True)
        finally:
            wide.quit()
            narrow.quit()
            server.shutdown()
    for png in sorted(OUT.glob("*.png")):
        print(png.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
