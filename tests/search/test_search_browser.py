"""The search box and facets in Chromium, by keyboard, in a left-to-right and a right-to-left language."""

import pytest

from collections_app.models import RelicPage
from tests.helpers import needs_chromium


def publish(page, **values):
    page = RelicPage.objects.get(pk=page.pk)
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def site(transactional_db, tree, live_server):
    publish(tree.relic, description_en="<p>A bronze mirror.</p>", description_fa="<p>آینهٔ مفرغی.</p>")
    publish(tree.other_relic, description_en="<p>A bronze panther.</p>", description_fa="<p>پلنگ مفرغی.</p>")
    return tree, live_server.url


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("lang, word, direction", [("en", "bronze", "ltr"), ("fa", "مفرغی", "rtl")])
def test_search_from_the_header_and_refine_by_keyboard(browser, site, lang, word, direction):
    tree, base = site
    page = browser.new_page()
    page.goto(f"{base}/{lang}/")
    assert page.get_attribute("html", "dir") == direction
    box = page.locator(".site-search input[name='q']")
    box.focus()
    page.keyboard.type(word)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"/{lang}/search/" in page.url
    titles = page.locator(".search-result__title").all_inner_texts()
    assert len(titles) == 2
    assert page.locator(".search-result mark").count() >= 2

    museum = page.locator(f".facet[data-facet='museum'] input[value='{tree.museum.pk}']")
    museum.focus()
    page.keyboard.press("Space")
    assert museum.is_checked()
    page.locator(".facets button[type='submit']").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"museum={tree.museum.pk}" in page.url
    assert page.locator(".search-result__title").count() == 1
    # The facets stand at the start of the line: left in English, right in Persian.
    facets, results = page.locator(".facets").bounding_box(), page.locator(".search-results").bounding_box()
    assert (facets["x"] < results["x"]) == (direction == "ltr")
    page.close()


@pytest.mark.browser
@needs_chromium
def test_suggestions_by_keyboard(browser, site):
    tree, base = site
    page = browser.new_page()
    page.goto(f"{base}/en/")
    box = page.locator(".site-search input[name='q']")
    box.focus()
    page.keyboard.type("Houmu")
    page.locator("#site-search-suggestions [role='option']").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "site-search-suggestion-0"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(tree.relic.url)
    page.close()


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("lang", ["ru", "ur"])
def test_map_and_timeline_by_keyboard(browser, site, lang):
    from collections_app.models import Place

    tree, base = site
    place = Place.objects.create(name_en="Anyang", slug="anyang", latitude="36.10", longitude="114.39", live=True)
    publish(tree.relic, find_spot=place, earliest_year=-1250, latest_year=-1046)
    publish(tree.other_relic, earliest_year=-650, latest_year=-600)
    page = browser.new_page()
    page.goto(f"{base}/{lang}/search/?q=")
    spot = page.locator(".search-map__spot")
    assert spot.count() == 1
    spot.focus()  # a link: reached by Tab, followed with Enter
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"place={place.pk}" in page.url
    assert page.locator(".search-result__title").count() == 1

    page.goto(f"{base}/{lang}/search/?q=")
    bars = page.locator(".search-timeline__bar a")
    late = next(i for i in range(bars.count()) if "600" in (bars.nth(i).get_attribute("title") or ""))
    bars.nth(late).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "year_from=" in page.url
    assert page.locator(".search-result__title").count() == 1
    # The list equivalent of the timeline.
    page.goto(f"{base}/{lang}/search/?q=")
    page.locator(".search-timeline__list summary").click()
    periods = page.locator(".search-timeline__list li")
    assert periods.count() == bars.count() - sum(  # one list item per period that has relics
        1 for i in range(bars.count()) if "(0)" in (bars.nth(i).get_attribute("title") or "")
    )
    page.close()
