"""The public site in a real browser: Debian's Chromium driven by Playwright.

What only a browser shows: right-to-left pages really mirror, the self-hosted
fonts load (Nastaliq for Urdu), nothing is fetched from another host, pages
do not scroll sideways on a phone, and the language menu works by keyboard.
"""

from urllib.parse import urlsplit

import pytest

from tests.helpers import needs_chromium, url_in

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def site(transactional_db, tree, live_server):
    return tree, live_server.url


def test_urdu_page_mirrors_and_uses_nastaliq(browser, site):
    tree, base = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + url_in(tree.home, "ur"), wait_until="networkidle")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher summary").bounding_box()
    # The site name starts at the right edge, the language menu sits at the left.
    assert brand["x"] > 640 > switcher["x"]
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))"
    )
    assert "Noto Nastaliq Urdu" in loaded
    assert "Noto Nastaliq Urdu" in page.evaluate("getComputedStyle(document.querySelector('h2')).fontFamily")
    page.close()


def test_chinese_page_loads_han_glyphs_from_the_site(browser, site):
    tree, base = site
    page = browser.new_page()
    page.goto(base + url_in(tree.museum, "zh-hans"), wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))"
    )
    assert "Noto Sans SC" in loaded
    page.close()


def test_no_request_leaves_the_site(browser, site):
    tree, base = site
    host = urlsplit(base).netloc
    requested = []
    page = browser.new_page()
    page.on("request", lambda request: requested.append(request.url))
    for lang in ("en", "zh-hans", "ur", "hi"):
        for target in tree.pages():
            page.goto(base + url_in(target, lang), wait_until="networkidle")
    page.close()
    outside = {url for url in requested if urlsplit(url).netloc != host and not url.startswith("data:")}
    assert requested and outside == set()
    assert any("/static/fonts/files/" in url for url in requested)


@pytest.mark.parametrize("lang", ["en", "ur", "hi"])
def test_no_page_scrolls_sideways_on_a_phone(browser, site, lang):
    tree, base = site
    page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    for target in tree.pages():
        page.goto(base + url_in(target, lang), wait_until="load")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (type(target).__name__, lang, overflow)
    page.close()


def test_language_menu_works_from_the_keyboard(browser, site):
    tree, base = site
    page = browser.new_page()
    page.goto(base + url_in(tree.relic, "en"), wait_until="load")
    page.locator(".language-switcher summary").focus()
    page.keyboard.press("Enter")
    kazakh = page.locator('.language-switcher a[hreflang="kk"]')
    assert kazakh.is_visible()
    kazakh.focus()
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == "kk"
    assert urlsplit(page.url).path == url_in(tree.relic, "kk")
    page.close()


def test_skip_link_moves_focus_to_the_content(browser, site):
    tree, base = site
    page = browser.new_page()
    page.goto(base + url_in(tree.exhibition, "fa"), wait_until="load")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()
