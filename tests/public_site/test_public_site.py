"""The public site as a visitor and a search engine meet it, in all eleven languages.

Each page is fetched through Django's test client and read with an HTML parser:
`<html lang dir>`, canonical and reciprocal hreflang alternates, the language
switcher's targets, the fallback notice, Open Graph tags, sitemap and robots.
"""

from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page

from collections_app import listings
from collections_app.languages import native_name
from tests import factories
from tests.helpers import RTL, url_in

pytestmark = pytest.mark.django_db

LANGS = list(settings.LANGUAGE_CODES)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content.decode(), "html.parser")


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}


def path_of(url):
    return urlsplit(url).path


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_answers_with_lang_dir_canonical_and_reciprocal_alternates(client, tree, lang):
    for page in tree.pages():
        url = url_in(page, lang)
        soup = get(client, url)
        html = soup.find("html")
        assert html["lang"] == lang
        assert html["dir"] == ("rtl" if lang in RTL else "ltr")
        assert len(soup.find_all("h1")) == 1, (type(page).__name__, lang)
        assert soup.find("link", rel="canonical")["href"] == f"http://testserver{url}"
        # The notice names exactly the languages the page's own text is borrowed from.
        borrowed = set(type(page).objects.get(pk=page.pk).fallback_languages(lang).values())
        assert len(soup.select(".fallback-notice")) == len(borrowed), (type(page).__name__, lang, borrowed)
        for code in borrowed:
            with translation.override(lang):
                name = translation.gettext(translation.get_language_info(code)["name"])
            assert name in soup.select_one(".fallback-notices").get_text(), (type(page).__name__, lang, code)

        links = alternates(soup)
        assert set(links) == {*LANGS, "x-default"}
        assert links[lang] == f"http://testserver{url}"
        assert links["x-default"] == links[settings.LANGUAGE_CODE]
        # Reciprocity: every alternate names this page back, with the same set of URLs.
        for other in LANGS:
            other_soup = get(client, path_of(links[other]))
            assert other_soup.find("html")["lang"] == other
            assert alternates(other_soup) == links, (type(page).__name__, lang, other)


@pytest.mark.parametrize("lang", ["en", "kk", "ur"])
def test_language_switcher_keeps_the_visitor_on_the_same_page(client, tree, lang):
    soup = get(client, url_in(tree.relic, lang))
    switcher = soup.select_one("details.language-switcher")
    options = switcher.select("a[hreflang]")
    assert [a["hreflang"] for a in options] == LANGS
    current = switcher.select('a[aria-current="page"]')
    assert [a["hreflang"] for a in current] == [lang]
    for option in options:
        code = option["hreflang"]
        assert option.get_text(strip=True) == native_name(code)
        assert option["lang"] == code
        assert path_of(option["href"]) == url_in(tree.relic, code)
        target = get(client, path_of(option["href"]))
        assert target.find("html")["lang"] == code
        assert target.select_one("article.relic") is not None
    # The switcher works without JavaScript: a <details> disclosure with real links.
    assert switcher.find("summary") is not None


def test_language_names_are_written_in_their_own_language(client, tree):
    soup = get(client, url_in(tree.home, "en"))
    names = {a["hreflang"]: a.get_text(strip=True) for a in soup.select(".language-switcher a[hreflang]")}
    assert names["kk"] == "Қазақша"
    assert names["ur"] == "اردو"
    assert names["zh-hans"] == "简体中文"


class TestFallbackNotice:
    """The notice appears exactly where text is borrowed from another language."""

    def test_no_notice_where_the_page_is_translated(self, client, tree):
        for lang in ("en", "ru"):
            soup = get(client, url_in(tree.relic, lang))
            assert soup.select(".fallback-notice") == []
            # Nothing on the relic's own record is marked as borrowed.
            assert soup.select("article.relic h1[data-fallback-from]") == []

    def test_kazakh_reader_is_told_the_text_is_russian(self, client, tree):
        soup = get(client, url_in(tree.relic, "kk"))
        notices = soup.select(".fallback-notice")
        assert len(notices) == 1
        with translation.override("kk"):
            russian = translation.gettext("Russian")
        assert russian in notices[0].get_text()
        h1 = soup.find("h1")
        assert h1["data-fallback-from"] == "ru"
        assert h1["lang"] == "ru"
        assert h1.get_text(strip=True) == "Дин Хоумуу"
        description = soup.select_one(".relic__description .prose")
        assert description["data-fallback-from"] == "ru"

    def test_chinese_reader_sees_english_marked_and_rtl_reader_gets_ltr_fragment(self, client, tree):
        zh = get(client, url_in(tree.relic, "zh-hans"))
        assert zh.find("h1")["data-fallback-from"] == "en"
        assert zh.select(".fallback-notice")
        ur = get(client, url_in(tree.relic, "ur"))
        h1 = ur.find("h1")
        assert (h1["lang"], h1["dir"], h1["data-fallback-from"]) == ("en", "ltr", "en")

    def test_borrowed_vocabulary_terms_are_marked_and_announced(self, client, tree):
        from collections_app.models import Material

        gold = Material.objects.create(slug="gold", name_en="Gold")
        tree.relic.materials.add(gold)
        tree.relic.save_revision().publish()
        soup = get(client, url_in(tree.relic, "ru"))
        material = soup.find(string="Gold").parent
        assert (material["lang"], material["data-fallback-from"]) == ("en", "en")
        object_type = soup.select_one(".eyebrow span")
        assert not object_type.has_attr("data-fallback-from")  # the type has a Russian name
        with translation.override("ru"):
            english = translation.gettext("English")
        assert english in soup.select_one(".fallback-notice").get_text()

    def test_every_marked_element_names_the_language_shown(self, client, tree):
        soup = get(client, url_in(tree.museum, "kk"))
        for element in soup.select("[data-fallback-from]"):
            assert element["lang"] == element["data-fallback-from"]
            assert element["data-fallback-from"] in LANGS


def test_open_graph_tags_are_absolute_and_per_language(client, tree):
    soup = get(client, url_in(tree.relic, "ru"))
    og = {meta["property"]: meta["content"] for meta in soup.find_all("meta", property=True)}
    assert og["og:title"] == "Дин Хоумуу"
    assert og["og:locale"] == "ru_RU"
    assert og["og:url"] == f"http://testserver{url_in(tree.relic, 'ru')}"
    assert og["og:image"].startswith("http://testserver/")
    assert og["og:type"] == "article"
    alternates_ = [meta["content"] for meta in soup.find_all("meta", property="og:locale:alternate")]
    assert "en_GB" in alternates_ and "ru_RU" not in alternates_
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Ритуальный сосуд."


class TestSitemap:
    NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}

    def fetch(self, client, url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/xml")
        return ElementTree.fromstring(response.content)

    def parse(self, client):
        """Every entry of every part the index names: {loc: {hreflang: href}}."""
        index = self.fetch(client, "/sitemap.xml")
        assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
        entries = {}
        for part in index.findall("s:sitemap/s:loc", self.NS):
            assert part.text.startswith("http://testserver/sitemaps/")
            for url in self.fetch(client, path_of(part.text)).findall("s:url", self.NS):
                loc = url.find("s:loc", self.NS).text
                assert loc not in entries, loc
                entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", self.NS)}
        return entries

    def test_every_public_page_in_every_language_with_the_pages_own_alternates(self, client, tree):
        entries = self.parse(client)
        pages = [*tree.pages(), tree.other_museum, tree.other_relic]
        assert len(entries) == len(pages) * len(LANGS)
        for page in pages:
            for lang in LANGS:
                loc = f"http://testserver{url_in(page, lang)}"
                assert loc in entries, (page, lang)
            soup = get(client, url_in(page, "fa"))
            assert entries[f"http://testserver{url_in(page, 'fa')}"] == alternates(soup)

    def test_drafts_and_private_pages_stay_out(self, client, tree):
        tree.other_relic.unpublish()
        entries = self.parse(client)
        assert not any("kelermes" in unquote(loc) for loc in entries)

    def test_index_names_a_part_per_language_and_section(self, client, tree):
        index = self.fetch(client, "/sitemap.xml")
        parts = {path_of(loc.text) for loc in index.findall("s:sitemap/s:loc", self.NS)}
        museums = {tree.museum.pk, tree.other_museum.pk}
        expected = {f"/sitemaps/pages/{lang}/1.xml" for lang in LANGS}
        expected |= {f"/sitemaps/museum-{pk}/{lang}/1.xml" for pk in museums for lang in LANGS}
        assert parts == expected

    def test_unknown_parts_are_404(self, client, tree):
        for url in (
            "/sitemaps/pages/xx/1.xml",
            "/sitemaps/pages/en/2.xml",
            "/sitemaps/museum-999/en/1.xml",
            "/sitemaps/nothing/en/1.xml",
        ):
            assert client.get(url).status_code == 404, url

    def test_large_sections_are_split_into_parts(self, client, tree, monkeypatch):
        from collections_app import sitemaps

        monkeypatch.setattr(sitemaps, "PART_SIZE", 2)
        for _ in range(3):
            factories.RelicPageFactory(parent=tree.museum)
        index = self.fetch(client, "/sitemap.xml")
        parts = {path_of(loc.text) for loc in index.findall("s:sitemap/s:loc", self.NS)}
        assert {f"/sitemaps/museum-{tree.museum.pk}/ru/{n}.xml" for n in (1, 2)} <= parts  # 4 relics, 2 a part
        assert f"/sitemaps/museum-{tree.museum.pk}/ru/3.xml" not in parts
        assert len(self.parse(client)) == (len(tree.pages()) + 2 + 3) * len(LANGS)

    def test_robots_txt_points_at_the_sitemap(self, client, tree):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        body = response.content.decode()
        assert "Sitemap: http://testserver/sitemap.xml" in body
        assert "Disallow: /admin/" in body


class TestErrorPages:
    @pytest.mark.parametrize("lang", LANGS)
    def test_404_in_the_visitors_language(self, client, tree, lang):
        response = client.get(f"/{lang}/no-such-page/")
        assert response.status_code == 404
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        assert soup.find("html")["lang"] == lang
        assert soup.find("html")["dir"] == ("rtl" if lang in RTL else "ltr")
        if lang != "en":
            assert "Page not found" not in soup.get_text(), lang

    @pytest.mark.parametrize("lang", ["fa", "kk", "zh-hans"])
    def test_500_in_the_visitors_language_without_a_request(self, lang):
        with translation.override(lang):
            html = render_to_string("500.html")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("html")["lang"] == lang
        assert soup.find("html")["dir"] == ("rtl" if lang in RTL else "ltr")
        assert "Server error" not in soup.get_text()


class TestMuseumListing:
    @pytest.fixture
    def museum_with_relics(self, tree):
        from tests.factories import RelicPageFactory

        titles = ["Zebra jar", "Amber bead", "Mirror", "Bowl"]
        for position, title in enumerate(titles):
            RelicPageFactory(parent=tree.museum, title=title, earliest_year=-100 * position, latest_year=None)
        return tree.museum

    def titles(self, soup):
        return [h.get_text(strip=True) for h in soup.select(".card-grid .card__title")]

    def test_sort_by_title_and_by_date(self, client, museum_with_relics):
        url = url_in(museum_with_relics, "en")
        by_title = self.titles(get(client, url + "?sort=title"))
        assert by_title == sorted(by_title, key=str.casefold)
        by_date = self.titles(get(client, url))
        assert by_date[0] == "Houmuwu ding"  # 1200 BCE, the oldest

    @pytest.mark.parametrize("query", ["?page=abc", "?page=-1", "?page=999", "?sort=%FF", "?sort=nonsense&page=2"])
    def test_malformed_parameters_give_a_page_not_an_error(self, client, museum_with_relics, query):
        soup = get(client, url_in(museum_with_relics, "en") + query)
        assert len(self.titles(soup)) == 5

    def test_a_nul_character_is_a_bad_request_not_a_page(self, client, museum_with_relics):
        """NUL is refused everywhere before a view runs (tests/operations/test_bad_requests.py)."""
        assert client.get(url_in(museum_with_relics, "en") + "?sort=%00").status_code == 400

    def test_pagination_links_keep_the_sort(self, client, museum_with_relics, monkeypatch):
        monkeypatch.setattr(listings, "RELICS_PER_PAGE", 2)
        soup = get(client, url_in(museum_with_relics, "en") + "?sort=title")
        assert len(self.titles(soup)) == 2
        next_link = soup.select_one('.pagination a[rel="next"]')["href"]
        assert "sort=title" in next_link and "page=2" in next_link


def test_relic_page_offers_citation_share_link_and_neighbours(client, tree):
    from tests.factories import RelicPageFactory

    later = RelicPageFactory(parent=tree.museum, title="Later bowl", earliest_year=600, latest_year=700)
    soup = get(client, url_in(tree.relic, "ru"))
    citation = soup.select_one(".citation").get_text()
    assert tree.relic.accession_number in citation
    assert "Дин Хоумуу" in citation
    share = soup.select_one("#share-link")["value"]
    assert share == unquote(f"http://testserver{url_in(tree.relic, 'ru')}")
    assert path_of(soup.select_one('.prev-next a[rel="next"]')["href"]) == url_in(later, "ru")
    assert soup.select_one('.prev-next a[rel="prev"]') is None


def test_relic_facts_use_locale_formats(client, tree):
    tree.relic.height_cm = 12.5
    tree.relic.earliest_year, tree.relic.latest_year = -500, -300
    tree.relic.save_revision().publish()
    fa = get(client, url_in(tree.relic, "fa")).select_one(".facts").get_text()
    assert "۱۲٫۵" in fa
    assert "۵۰۰" in fa and "۳۰۰" in fa
    ru = get(client, url_in(tree.relic, "ru")).select_one(".facts").get_text()
    assert "12,5" in ru
    assert "BCE" not in ru


def test_public_pages_load_nothing_from_other_hosts(client, tree):
    """Fonts, styles, scripts and images come from the site itself: no CDN, no outside request."""
    for page in tree.pages():
        soup = get(client, url_in(page, "en"))
        fetched = [
            link["href"] for link in soup.select('link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"]')
        ]
        fetched += [tag["src"] for tag in soup.select("script[src], img[src], iframe[src]")]
        fetched += [
            candidate.split()[0]
            for tag in soup.select("img[srcset], source[srcset]")
            for candidate in tag["srcset"].split(",")
        ]
        assert fetched, page
        for url in fetched:
            assert url.startswith("/") and not url.startswith("//") or url.startswith("http://testserver/"), url


def test_exhibition_shows_visible_relics_and_hides_unpublished_ones(client, tree):
    content = client.get(tree.exhibition.url).content.decode()
    assert "Houmuwu ding" in content and "Kelermes panther" in content
    tree.other_relic.unpublish()
    content = client.get(tree.exhibition.url).content.decode()
    assert "Houmuwu ding" in content
    assert "Kelermes panther" not in content


@pytest.mark.parametrize("lang", [code for code in LANGS if code != "en"])
def test_interface_labels_come_from_the_languages_catalogue(client, tree, lang):
    with translation.override(lang):
        label = translation.gettext("Accession number")
    assert label != "Accession number", f"no compiled catalogue for {lang} (run make messages)"
    assert label in get(client, url_in(tree.relic, lang)).get_text()


@pytest.mark.parametrize(("url", "status"), [("/ru/no-such-page/", 404), ("/ru/?q=%00", 400)])
def test_error_pages_show_the_menu(client, tree, url, status):
    """Error pages have no page of their own; the menu must still render (it was a 500)."""
    Page.objects.filter(pk__in=[tree.museum_index.pk, tree.exhibition_index.pk]).update(show_in_menus=True)
    response = client.get(url)
    assert response.status_code == status
    nav = BeautifulSoup(response.content.decode(), "html.parser").select_one("nav.main-nav")
    assert len(nav.select("a")) == 2


def test_previous_and_next_follow_the_museums_default_order(tree):
    """Undated relics come last; equal years are ordered by accession number (keyset neighbours)."""
    from collections_app.models import RelicPage

    specs = [(None, "B-2"), (-500, "A-9"), (-500, "A-1"), (100, "C-1"), (None, "B-1"), (-1200, "Z-1")]
    for year, number in specs:
        factories.RelicPageFactory(parent=tree.museum, earliest_year=year, latest_year=year, accession_number=number)
    ordered = list(RelicPage.objects.visible().filter(museum=tree.museum).sorted_by("date"))
    assert [relic.accession_number for relic in ordered][-2:] == ["B-1", "B-2"]
    for position, relic in enumerate(ordered):
        previous, following = relic.neighbours()
        assert previous == (ordered[position - 1] if position else None), relic.accession_number
        assert following == (ordered[position + 1] if position + 1 < len(ordered) else None), relic.accession_number
