"""Every absolute URL the site publishes starts with the configured Site, whatever Host the request names."""

import re

import pytest

pytestmark = pytest.mark.django_db

FOREIGN = {"HTTP_HOST": "localhost:9999"}
SITE = "http://testserver/"


def absolute_urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def assert_all_on_site(urls):
    assert urls, "expected absolute URLs"
    outside = [url for url in urls if not url.startswith(SITE) and "localhost:9999" in url]
    assert outside == []
    return urls


def test_page_links_use_the_configured_site(client, tree):
    html = client.get(tree.relic.url, **FOREIGN).content.decode()
    urls = re.findall(r'<(?:link|meta)[^>]+(?:href|content)="(https?://[^"]+)"', html)
    assert_all_on_site(urls)
    assert any("og:image" in line and SITE in line for line in html.splitlines())


def test_sitemap_and_robots_use_the_configured_site(client, tree):
    index = client.get("/sitemap.xml", **FOREIGN).content.decode()
    assert_all_on_site([url for url in absolute_urls(index) if "sitemaps.org" not in url])
    assert f"<loc>{SITE}sitemaps/pages/en/1.xml</loc>" in index
    part = client.get("/sitemaps/pages/en/1.xml", **FOREIGN).content.decode()
    assert_all_on_site([url for url in absolute_urls(part) if "sitemaps.org" not in url and "w3.org" not in url])
    assert f"<loc>{SITE}en/" in part
    robots = client.get("/robots.txt", **FOREIGN).content.decode()
    assert f"Sitemap: {SITE}sitemap.xml" in robots


def test_api_urls_use_the_configured_site(client, tree):
    data = client.get("/api/v2/pages/", {"type": "collections_app.RelicPage"}, **FOREIGN).json()
    item = data["items"][0]
    assert item["meta"]["html_url"].startswith(SITE)
    assert item["meta"]["detail_url"].startswith(SITE)
    images = client.get("/api/v2/images/", **FOREIGN).json()
    assert images["items"][0]["meta"]["detail_url"].startswith(SITE)


def test_a_request_on_the_configured_host_gets_the_same_urls(client, tree):
    """The control: the same page asked for on the Site's own host names the same canonical URL."""
    foreign = client.get(tree.relic.url, **FOREIGN).content.decode()
    own = client.get(tree.relic.url).content.decode()
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)">')
    assert canonical.search(foreign).group(1) == canonical.search(own).group(1)
