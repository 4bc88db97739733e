"""The HTML view in a real browser: Debian's Chromium driven by playwright, every request
that is not a file blocked. The page loads with no console error and no outside request,
shows the right nodes, its search, filters, focus and language toggle work, a click shows a
sentence, the layout is the same on every load, and a hostile report stays inert text.

Chromium comes from Debian (``apt-get install chromium fonts-noto-cjk``, as ``.ci/run``
does); ``playwright install`` is never run. Without Chromium these tests are skipped, except
in CI, where they fail.
"""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest
from clusterkg.graph import KnowledgeGraph, analysis
from clusterkg.viz.html import render_page, view_data
from conftest import EXAMPLE, ID

HOSTILE = Path(__file__).parent / "data" / "hostile"
OUTPUT = Path(__file__).parent / "output"
HOSTILE_NAME = "<img src=x onerror=alert(1)>科技有限公司"
HOSTILE_SENTENCE = "<script>window.__pwned = 'sentence'</script><img src=x onerror=alert(3)>科技有限公司是工程机械产业集群的龙头企业。"
MACHINERY = ID + "cluster/xuzhou-construction-machinery"

CHROMIUM = shutil.which("chromium")
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None

if not (CHROMIUM and sync_playwright):
    if os.environ.get("CI"):
        raise RuntimeError("the view tests need Debian's chromium and the playwright package (see .ci/run)")
    pytest.skip("needs Debian's chromium and playwright", allow_module_level=True)


def write_view(store: Path, out: Path) -> tuple[Path, dict]:
    gc.collect()
    kg = KnowledgeGraph(store, read_only=True)
    data = view_data(kg)
    out.write_text(render_page(data), encoding="utf-8")
    del kg
    gc.collect()
    return out, data


@pytest.fixture(scope="module")
def seed_view(built_store, tmp_path_factory):
    return write_view(built_store, tmp_path_factory.mktemp("view") / "view.html")


@pytest.fixture(scope="module")
def hostile_view(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    kg = KnowledgeGraph(folder / "store")
    kg.build([EXAMPLE, HOSTILE / "hostile-2024-01-10.txt"])
    kg.store.load(path=str(HOSTILE / "names.trig"), format=__import__("pyoxigraph").RdfFormat.TRIG)
    kg.close()
    del kg
    return write_view(folder / "store", folder / "view.html")


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


class Page:
    """A loaded view with what it logged and what it tried to fetch."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-settled=true]", state="attached", timeout=30000)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def visible(self) -> int:
        return self.js("window.network.body.data.nodes.length")

    def node_id(self, iri: str) -> int:
        return self.js(f"window.clusterkg.data.nodes.find(n => window.clusterkg.data.meta.base + n.iri === {iri!r}).id")

    def click_node(self, node: int) -> None:
        """A real mouse click where the node is drawn."""
        self.js(f"window.network.moveTo({{position: window.network.getPosition({node}), scale: 1.5, animation: false}})")
        box = self.page.locator("#network").bounding_box()
        p = self.js(f"window.network.canvasToDOM(window.network.getPosition({node}))")
        self.page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])

    def close(self):
        self.page.close()


@pytest.fixture(scope="module")
def seed_page(browser, seed_view):
    page = Page(browser, seed_view[0])
    yield page
    page.close()


def test_loads_offline_without_errors_or_requests(seed_page):
    assert seed_page.errors == []
    assert seed_page.outside == []
    assert seed_page.js("typeof window.network.getPositions") == "function"


def test_shows_every_entity_of_the_network(seed_page, seed_view, built_store):
    gc.collect()
    kg = KnowledgeGraph(built_store, read_only=True)
    expected = analysis.project(kg.store).number_of_nodes()
    del kg
    assert seed_page.visible() == len(seed_view[1]["nodes"]) == expected
    assert seed_page.js("window.network.body.data.edges.length") == len(seed_view[1]["edges"])


def test_the_page_is_one_file_that_names_no_host(seed_view):
    html = seed_view[0].read_text(encoding="utf-8")
    assert "<link" not in html and 'src="http' not in html
    assert seed_view[0].stat().st_size < 3_000_000


def test_search_finds_by_chinese_english_and_alias(seed_page):
    page = seed_page.page
    for query in ("徐工集团", "XCMG", "徐州工程机械集团有限公司"):
        page.fill("#search", query)
        first = page.locator("#results li").first.text_content()
        assert first.startswith("徐工集团"), (query, first)
    page.fill("#search", "没有这个名字")
    assert page.locator("#results li").count() == 0
    assert page.text_content("#search-count") == "无结果"
    page.fill("#search", "")


def test_type_filter_hides_and_shows_a_class(seed_page, seed_view):
    firms = sum(1 for n in seed_view[1]["nodes"] if n["group"] == "Firm")
    before = seed_page.visible()
    box = seed_page.page.locator("#legend input[data-group=Firm]")
    box.uncheck()
    assert seed_page.visible() == before - firms
    box.check()
    assert seed_page.visible() == before


def test_focus_shows_a_cluster_and_its_neighbours(seed_page, seed_view):
    data = seed_view[1]
    cid = seed_page.node_id(MACHINERY)
    neighbours = {cid} | {e[1] for e in data["edges"] if e[0] == cid} | {e[0] for e in data["edges"] if e[1] == cid}
    seed_page.page.select_option("#focus", str(cid))
    assert seed_page.visible() == len(neighbours) > 3
    assert "工程机械" in seed_page.page.text_content("#panel h2")
    seed_page.page.select_option("#focus", "")
    assert seed_page.visible() == len(data["nodes"])


def test_click_on_a_node_shows_its_facts_with_sentences(seed_page):
    node = seed_page.node_id(MACHINERY)
    seed_page.js("document.getElementById('panel').textContent = ''")
    seed_page.click_node(node)
    panel = seed_page.page.locator("#panel")
    assert panel.locator("h2").text_content() == "工程机械 / Construction machinery"
    assert "同句提及" not in panel.locator("ul.facts > li").first.text_content()  # stated facts first
    sentences = panel.locator("blockquote").all_text_contents()
    assert any("一号产业" in s and "xuzhou-343-2023-12-25.txt" in s for s in sentences)
    assert "参考数据" in panel.text_content()  # the lead firm comes from reference data
    assert panel.locator("table.figures tr").count() > 1  # figures as a table


def test_language_toggle_shows_english_names(seed_page):
    xcmg = seed_page.node_id(ID + "org/xcmg-group")
    seed_page.page.click("#lang")
    assert seed_page.js(f"window.clusterkg.nodes.get({xcmg}).label") == "XCMG Group"
    assert seed_page.page.text_content("#lang") == "中文"
    seed_page.page.click("#lang")
    assert seed_page.js(f"window.clusterkg.nodes.get({xcmg}).label") == "徐工集团"


def test_cluster_tier_is_on_the_label(seed_page):
    node = seed_page.node_id(MACHINERY)
    assert seed_page.js(f"window.clusterkg.nodes.get({node}).label") == "工程机械\n〔优势〕"


def test_layout_is_the_same_on_every_load(browser, seed_view, seed_page):
    again = Page(browser, seed_view[0])
    try:
        assert again.js("JSON.stringify(window.network.getPositions())") == \
            seed_page.js("JSON.stringify(window.network.getPositions())")
        assert again.js("window.clusterkg.settledMs") > 0
    finally:
        again.close()


def test_hostile_report_stays_text(browser, hostile_view):
    page = Page(browser, hostile_view[0])
    try:
        assert page.errors == [] and page.outside == []
        node = page.node_id(ID + "org/hostile-firm")
        page.page.fill("#search", "onerror")
        assert HOSTILE_NAME in page.page.locator("#results").text_content()
        page.click_node(node)
        panel = page.page.locator("#panel")
        assert panel.locator("h2").text_content().startswith(HOSTILE_NAME)
        assert HOSTILE_SENTENCE in panel.text_content()
        assert "<b onmouseover=alert(4)>报道</b> — <iframe src=x>.txt" in panel.text_content()
        assert "<img src=y onerror=alert(5)>营业收入" in panel.locator("table.figures").text_content()
        page.page.click("#lang")
        assert page.js(f"window.clusterkg.nodes.get({node}).label") == "<script>window.__pwned = 'label'</script>"
        page.page.wait_for_timeout(300)
        assert page.js("document.querySelectorAll('#side img, #side script, #side svg, #side iframe, #side b').length") == 0
        assert page.js("typeof window.__pwned") == "undefined"
        assert page.dialogs == []
        OUTPUT.mkdir(exist_ok=True)
        page.page.screenshot(path=str(OUTPUT / "view-hostile.png"))
    finally:
        page.close()


def test_screenshot_of_the_example(browser, seed_view):
    page = Page(browser, seed_view[0])
    try:
        page.page.select_option("#focus", str(page.node_id(MACHINERY)))
        page.js("window.network.fit({animation: false})")
        OUTPUT.mkdir(exist_ok=True)
        shot = OUTPUT / "view.png"
        page.page.screenshot(path=str(shot))
        assert shot.stat().st_size > 20_000
    finally:
        page.close()


def test_an_empty_store_gives_a_page_that_says_so(browser, tmp_path):
    kg = KnowledgeGraph(tmp_path / "store")
    kg.close()
    del kg
    path, data = write_view(tmp_path / "store", tmp_path / "empty.html")
    page = Page(browser, path)
    try:
        assert data["nodes"] == [] and page.visible() == 0
        assert page.errors == [] and page.outside == []
        assert "clusterkg build" in page.page.text_content("#panel")
    finally:
        page.close()


@pytest.fixture(scope="module")
def large_view(tmp_path_factory):
    """A view too large to label every edge: 600 of the 869 entities of a 100k-triple
    synthetic graph (bench/synth.py), 3,080 edges."""
    import sys

    import pyoxigraph as ox

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.synth import synthetic_quads

    folder = tmp_path_factory.mktemp("large")
    store = ox.Store(str(folder / "store"))
    store.bulk_extend(synthetic_quads(100_000))
    store.flush()
    del store
    gc.collect()
    (folder / "store" / "CLUSTERKG_STORE").write_text("clusterkg store\n", encoding="utf-8")
    kg = KnowledgeGraph(folder / "store", read_only=True)
    path = folder / "view.html"
    data = view_data(kg, max_nodes=600)
    path.write_text(render_page(data), encoding="utf-8")
    del kg
    gc.collect()
    return path, data


def test_large_view_keeps_every_cluster_and_the_most_central(large_view):
    data = large_view[1]
    assert data["meta"]["shown"] == len(data["nodes"]) == 600 < data["meta"]["total"]
    assert sum(n["group"] == "IndustrialCluster" for n in data["nodes"]) == 50  # five synthetic cities × 10
    ranks = [n["sc"][2] for n in data["nodes"] if n["group"] != "IndustrialCluster"]
    assert ranks == sorted(ranks, reverse=True)


def test_large_view_labels_only_the_selected_nodes_edges(browser, large_view):
    data = large_view[1]
    co = data["rels"].index("mentionedWith")
    stated = sum(1 for e in data["edges"] if set(e[2]) != {co})
    page = Page(browser, large_view[0])
    try:
        assert page.errors == [] and page.outside == []
        assert page.visible() == 600
        # co-mention edges start hidden; the checkbox brings them back
        assert page.js("window.network.body.data.edges.length") == stated
        page.page.check("#show-comention")
        assert page.js("window.network.body.data.edges.length") == len(data["edges"])
        assert page.js("window.clusterkg.edges.get().filter(e => e.label).length") == 0
        page.click_node(0)
        touching = sum(1 for e in data["edges"] if 0 in (e[0], e[1]))
        assert page.js("window.clusterkg.edges.get().filter(e => e.label).length") == touching > 0
        page.click_node(1)
        touching = sum(1 for e in data["edges"] if 1 in (e[0], e[1]))
        assert page.js("window.clusterkg.edges.get().filter(e => e.label).length") == touching
    finally:
        page.close()


def test_the_same_store_gives_the_same_page(built_store, seed_view):
    _path, data = write_view(built_store, seed_view[0].with_name("again.html"))
    assert data == seed_view[1]
    assert seed_view[0].with_name("again.html").read_bytes() == seed_view[0].read_bytes()
