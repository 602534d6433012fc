"""The seeds briefing as analysts use it, in a real browser: search, citations, print, offline.

Builds the repo's seeds/ into a tmp copy of the project (`briefing build`, and
`briefing build --offline`), serves site/ on 127.0.0.1 and drives Debian's
/usr/bin/chromium with Selenium and chromedriver. Targets are picked from the built
docs/data/*.yaml, never named here. With CI=true a missing browser is a failure.
"""

from __future__ import annotations

import base64
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# axe-core from npm, installed by `make test` (Makefile) into build/axe; BRIEFING_AXE names another copy.
AXE = Path(os.environ.get("BRIEFING_AXE", ROOT / "build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
WAIT = 20  # seconds

pytestmark = pytest.mark.slow


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    missing += [] if shutil.which("pdftotext") else ["pdftotext"]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e .[test])")
    if missing:
        message = f"browser tests need {', '.join(missing)} (apt-get install chromium chromium-driver poppler-utils)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the seeds briefing built into site/ and site-offline/."""
    _require_browser()
    tmp = tmp_path_factory.mktemp("project")
    for name in ["mkdocs.yml", "briefing.yml"]:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, tmp / name)
    for name in ["seeds", "templates", "overrides", ".cache"]:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp / name)
    shutil.copytree(ROOT / "docs" / "assets", tmp / "docs" / "assets", ignore=shutil.ignore_patterns("screenshots"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BRIEFING_SITE_DIR", None)
    env.pop("BRIEFING_OFFLINE", None)
    for extra in ([], ["--offline"]):
        result = subprocess.run([str(BIN / "briefing"), "build", "--quiet", *extra], cwd=tmp, env=env,
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp / "site" / "index.html").is_file() and (tmp / "site-offline" / "index.html").is_file()
    return tmp


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    thread.join()


def _driver(profile: Path, *, performance_log: bool = False) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                 "--window-size=1280,900"]:
        options.add_argument(flag)
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


@pytest.fixture(scope="module")
def browser(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = _driver(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def _data(project: Path, name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((project / "docs" / "data" / f"{name}.yaml").read_text(encoding="utf-8"))[name]


def _alias_target(project: Path) -> tuple[dict[str, Any], str]:
    """The most prominent actor with at least two aliases, and its longest alias other than its name."""
    actors = [a for a in _data(project, "actors") if len([x for x in a["aliases"] if x != a["name"]]) >= 2
              or len(a["aliases"]) >= 2 and any(x != a["name"] for x in a["aliases"])]
    assert actors, "no actor with two aliases in the seeds data"
    actor = max(actors, key=lambda a: (a["prominence"]["score"], a["id"]))
    alias = max((x for x in actor["aliases"] if x != actor["name"]), key=lambda x: (len(x), x))
    return actor, alias


def _search(driver: Any, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links, best first."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    box = WebDriverWait(driver, WAIT).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.clear()
    box.send_keys(query)
    WebDriverWait(driver, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item a.md-search-result__link"))
    links = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item > a.md-search-result__link")
    return [link.get_attribute("href") for link in links]


# ------------------------------------------------------------------ tests


def test_browser_search_finds_actor_page_for_alias(project: Path, server: str, browser: Any) -> None:
    actor, alias = _alias_target(project)
    browser.get(server)
    started = time.monotonic()
    hrefs = _search(browser, alias)
    assert hrefs, f"no result for {alias!r}"
    assert f"/actors/{actor['id']}/" in hrefs[0], (alias, hrefs[:5])
    assert time.monotonic() - started < WAIT


def test_browser_search_finds_the_actor_of_an_acronym_before_events_that_use_it(
        project: Path, server: str, browser: Any) -> None:
    """An actor's acronym that event titles also contain ("ABC"): the actor's page comes first."""
    titles = " ".join(e["title"] for e in _data(project, "events"))
    found = [(a, alias) for a in _data(project, "actors") for alias in a["aliases"]
             if alias.isupper() and 3 <= len(alias) <= 6 and re.search(rf"\b{re.escape(alias)}\b", titles)]
    assert found, "no acronym of an actor in an event title of the seeds data"
    actor, acronym = max(found, key=lambda f: (f[0]["prominence"]["score"], f[1]))
    browser.get(server)
    hrefs = _search(browser, acronym)
    assert f"/actors/{actor['id']}/" in hrefs[0], (acronym, hrefs[:5])


def test_browser_quote_link_lands_on_highlighted_sentence(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server + "quotes/")
    cite = browser.find_element(By.CSS_SELECTOR, "article a.cite[href*='sources/'][href*='#']")
    fragment = cite.get_attribute("href").split("#", 1)[1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", cite)
    cite.click()
    WebDriverWait(browser, WAIT).until(lambda d: "/sources/" in d.current_url and d.current_url.endswith("#" + fragment))
    state = browser.execute_script(
        """const t = document.querySelector(':target');
        if (!t) return null;
        const r = t.getBoundingClientRect();
        return {id: t.id, cls: t.className, bg: getComputedStyle(t).backgroundColor,
                outline: getComputedStyle(t).outlineStyle, top: r.top, bottom: r.bottom, h: window.innerHeight,
                text: t.textContent};""")
    assert state is not None, "no :target element"
    assert state["id"] == fragment and "sentence" in state["cls"]
    assert state["bg"] not in ("rgba(0, 0, 0, 0)", "transparent") or state["outline"] != "none", state
    assert 0 <= state["top"] < state["h"] and state["text"].strip(), state


def _pdf_text(path: Path, first: int | None = None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(first), "-l", str(first)] if first else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_browser_printed_page_is_a_clean_handout(project: Path, server: str, browser: Any, tmp_path: Path) -> None:
    actor, _ = _alias_target(project)
    browser.get(server + f"actors/{actor['id']}/")
    site_name = browser.execute_script("return document.querySelector('.bf-print-title__name').textContent")
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    path = tmp_path / "handout.pdf"
    path.write_bytes(base64.b64decode(pdf["data"]))
    text = _pdf_text(path)
    flat = " ".join(text.split())
    assert actor["name"] in flat and site_name.strip() in flat
    assert f"actors/{actor['id']}/" in flat  # the page's address in the title block
    assert "Built " in flat
    for chrome in ["Skip to content", "Table of contents", "Made with", "Initializing search", "Back to top"]:
        assert chrome not in flat, chrome
    # The nav tabs would print as one line of section names.
    assert not any(line.split() == ["Home", "Timeline", "Quotes", "Actors", "Events", "Sources", "Tags"]
                   for line in text.splitlines())
    assert "Links on this page" in flat  # links printed as footnotes
    for page in range(1, _pdf_pages(path) + 1):
        assert _pdf_text(path, page).strip(), f"blank page {page}"


def test_browser_offline_copy_searches_and_navigates_without_outside_requests(project: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    import json

    actor, alias = _alias_target(project)
    folder = project / "site-offline"
    driver = _driver(tmp_path / "chromium", performance_log=True)
    try:
        driver.get_log("performance")  # drop the browser's own start-up page
        driver.get((folder / "index.html").as_uri())
        hrefs = _search(driver, alias)
        assert f"actors/{actor['id']}.html" in hrefs[0], (alias, hrefs[:5])
        driver.find_element(By.CSS_SELECTOR, ".md-search-result__item > a.md-search-result__link").click()
        WebDriverWait(driver, WAIT).until(lambda d: f"actors/{actor['id']}.html" in d.current_url)
        assert driver.find_element(By.CSS_SELECTOR, "article h1").text.strip() == actor["name"]
        # Follow a link to a source page: relative links work from the file system.
        driver.find_element(By.CSS_SELECTOR, "article a[href*='sources/']").click()
        WebDriverWait(driver, WAIT).until(lambda d: "/sources/" in d.current_url)
        assert driver.find_elements(By.CSS_SELECTOR, "article .sentence")
        requests = [
            json.loads(entry["message"])["message"]["params"]["request"]["url"]
            for entry in driver.get_log("performance")
            if json.loads(entry["message"])["message"]["method"] == "Network.requestWillBeSent"
        ]
    finally:
        driver.quit()
    inside = folder.resolve().as_uri() + "/"
    # data:, blob: and about: never leave the machine; chrome:// and chrome-untrusted:// are the
    # browser's own pages (its new-tab page, before the first get()).
    own = ("data:", "blob:", "about:", "chrome:", "chrome-untrusted:")
    outside = [u for u in requests if not u.startswith((inside, *own))]
    assert requests and not outside, outside


def test_browser_briefing_pdf_has_cover_contents_and_every_page(project: Path) -> None:
    env = {**os.environ}
    env.pop("BRIEFING_SITE_DIR", None)
    result = subprocess.run([str(BIN / "briefing"), "pdf", "--no-build"], cwd=project, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = project / "handouts" / "briefing.pdf"
    cover = " ".join(_pdf_text(pdf, 1).split())
    title = yaml.safe_load((project / "docs" / "index.md").read_text(encoding="utf-8").split("---")[1]) or {}
    assert cover, "empty cover"
    text = " ".join(_pdf_text(pdf).split())
    assert "Contents" in text
    actor, _ = _alias_target(project)
    assert actor["name"] in text
    sources = _data(project, "sources")
    assert all(" ".join(s["title"].split())[:30] in text for s in sources)
    pages = _pdf_pages(pdf)
    assert pages > len(sources) + 3
    del title
    # The contents give each section's page, and that page starts with the section.
    assert len([line for line in _pdf_text(pdf, 2).splitlines() if line.strip()]) > 20, "page 2 mostly blank"
    contents = "\n".join(_pdf_text(pdf, page) for page in range(2, 8))
    listed = {m.group(2): int(m.group(3)) for m in re.finditer(r"^\s*(\d+)\. (\w+)\W+?(\d+)\s*$", contents, re.M)}
    for section in ["Timeline", "Quotes", "Coverage", "Discrepancies", "Events", "Actors", "Sources"]:
        assert section in listed, (section, contents[:2000])
        assert _pdf_text(pdf, listed[section]).split()[0] == section, section
    for page in (2, pages // 2, pages):
        assert f"{page} / {pages}" in _pdf_text(pdf, page), f"no number on page {page}"
    result = subprocess.run([str(BIN / "briefing"), "pdf", "--no-build", "--page", f"actors/{actor['id']}"],
                            cwd=project, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert actor["name"] in " ".join(_pdf_text(project / "handouts" / f"actors-{actor['id']}.pdf").split())


# The words of table cells that a line break cuts in two, and the dates shown on more than one line.
_CUT_WORDS = """
const cut = [];
for (const cell of document.querySelectorAll('article td')) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A word, or a date (a hyphen between digits); a line may break after the hyphen of a name.
    for (const m of node.textContent.matchAll(/\\d+(?:-\\d+)+|[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) cut.push(m[0]);
    }
  }
}
return cut;
"""


def test_browser_tables_break_lines_between_words(project: Path, server: str, browser: Any) -> None:
    """At 390 px a table scrolls rather than cut a word ("Organiza/tion") and the actor network is a
    list; at 1280 px no date is cut at a hyphen, and the left sidebar, which would hold one link
    beside the tabs, is hidden."""
    from selenium.webdriver.common.by import By

    source = _data(project, "sources")[0]
    try:
        for width in (390, 1280):
            browser.set_window_size(width, 900)
            for page in ["", "timeline/", "discrepancies/", f"sources/{source['id']}/"]:
                browser.get(server + page)
                cut = browser.execute_script(_CUT_WORDS)
                assert not cut, (width, page, cut[:10])
            # The actor network: a picture on wide screens, a list of the same links on small ones.
            browser.get(server)
            picture = browser.find_element(By.CSS_SELECTOR, "figure.bf-network")
            listed = browser.find_element(By.CSS_SELECTOR, ".bf-network-list")
            assert (picture.is_displayed(), listed.is_displayed()) == (width > 720, width <= 720), width
        assert not browser.find_element(By.CSS_SELECTOR, ".md-sidebar--primary").is_displayed()
    finally:
        browser.set_window_size(1280, 900)


def test_browser_sentence_tables_read_row_by_row_on_a_phone(project: Path, server: str, browser: Any) -> None:
    """At 390 px the tables of sentences (an event's sources, a discrepancy's versions) stack each row,
    so a sentence gets the width of the screen, not a column a few words wide; at 1280 px they are tables."""
    event = max(_data(project, "events"), key=lambda e: (len(e["mentions"]), e["id"]))
    widths = """return [...document.querySelectorAll('.bf-rows td:last-child')].map(
        td => [getComputedStyle(td).display, td.getBoundingClientRect().width])"""
    try:
        for width, display in ((390, "block"), (1280, "table-cell")):
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
            for page in [f"events/{event['id']}/", "discrepancies/"]:
                browser.get(server + page)
                cells = browser.execute_script(widths)
                assert cells, page
                assert {d for d, _ in cells} == {display}, (width, page)
                if width == 390:
                    assert min(w for _, w in cells) > 300, (page, cells[:3])
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_browser_network_names_lead_to_actor_pages(server: str, browser: Any) -> None:
    """A name in the home page's network picture is a link: clicking it opens that actor's page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server)
    link = browser.find_elements(By.CSS_SELECTOR, "figure.bf-network svg a")[-1]
    name = link.find_element(By.CSS_SELECTOR, "text").text.strip()
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", link)
    WebDriverWait(browser, WAIT).until(lambda d: "/actors/" in d.current_url)
    heading = browser.find_element(By.CSS_SELECTOR, "article h1").text.strip()
    assert heading.startswith(name.rstrip("…")), (name, heading)


def _axe_violations(driver: Any) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on the open page (and the search dialog's name), one line each."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    found = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
                           rules: {'aria-dialog-name': {enabled: true}}})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
          .catch(e => done(['axe failed: ' + e]));""")
    return list(found)


def test_browser_every_page_type_passes_axe(project: Path, server: str, browser: Any) -> None:
    """0 violations of axe's WCAG 2 A/AA rules on each page type, at 1280 and 390 px, in one browser session."""
    if not AXE.is_file():
        message = f"axe-core not found at {AXE} (make test installs it with npm)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    actor, _ = _alias_target(project)
    event = _data(project, "events")[0]
    source = _data(project, "sources")[0]
    pages = ["", "timeline/", "quotes/", "coverage/", "discrepancies/", f"actors/{actor['id']}/",
             f"events/{event['id']}/", f"sources/{source['id']}/"]
    problems = {}
    try:
        for width in (1280, 390):  # a phone gets other layouts: the network as a list, tables row by row
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
            for page in pages:
                browser.get(server + page)
                if violations := _axe_violations(browser):
                    problems[f"{page or 'home'} at {width} px"] = violations
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, problems


def test_browser_hostile_articles_run_no_script(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The hostile corpus (tests/fixtures/hostile) built and opened page by page: no dialog opens,
    no injected element exists, and the page scripts are only Material's and ours."""
    from selenium.common.exceptions import NoAlertPresentException

    from tests.conftest import HOSTILE, project_with_seeds

    _require_browser()
    project = project_with_seeds(tmp_path_factory.mktemp("hostile"), seeds=HOSTILE)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(BIN / "briefing"), "build", "--quiet", "--project-dir", str(project)],
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    driver = _driver(tmp_path_factory.mktemp("chromium-hostile"))
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        pages = ["", *(f"{p.parent.relative_to(site).as_posix()}/" for p in sorted(site.glob("sources/*/index.html")))]
        assert len(pages) > 5
        for page in pages:
            driver.get(base + page)
            time.sleep(0.2)
            try:
                alert = driver.switch_to.alert
                pytest.fail(f"{page}: a dialog opened: {alert.text!r}")
            except NoAlertPresentException:
                pass
            injected = driver.execute_script(
                "return [...document.querySelectorAll('img[onerror], [onclick], a[href^=\"javascript:\"]')].length"
                " + [...document.scripts].filter(s => s.src && !s.src.startsWith(location.origin)).length;"
            )
            assert injected == 0, page
    finally:
        driver.quit()
        httpd.shutdown()
