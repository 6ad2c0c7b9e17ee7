"""`/sitemap.xml`: every public page in every language, each entry listing its
alternates (`xhtml:link hreflang`, plus `x-default`) with the same absolute
URLs as the pages' own `<link rel="alternate">` tags."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from collections_app.models.base import visible
from collections_app.site_url import site_root_url


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    languages = settings.LANGUAGE_CODES

    def __init__(self, request=None):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request) if self.request else Site.objects.get(is_default_site=True)
        if site is None:
            return []
        return list(visible(Page.objects.descendant_of(site.root_page, inclusive=True)).order_by("path"))

    def location(self, page):
        # Called by Django once per language, with that language active.
        _site_id, _root_url, path = page.get_url_parts(self.request)
        return path

    def lastmod(self, page):
        return page.last_published_at

    def _urls(self, page, protocol, domain):
        # Django builds x-default by stripping the default language's prefix
        # (/en/about/ → /about/), which suits prefix_default_language=False
        # only. Here every page lives under /<lang>/, and a bare path would be
        # redirected by Accept-Language onto a slug of another language; use
        # the default language's URL, as the pages' own alternates do.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            default = next(
                (a["location"] for a in url.get("alternates", []) if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            for alternate in url.get("alternates", []):
                if alternate["lang_code"] == "x-default" and default:
                    alternate["location"] = default
        return urls

    # Scheme and host come from the configured Site, never from the request's Host header.
    def get_protocol(self, protocol=None):
        return urlsplit(site_root_url(self.request)).scheme or super().get_protocol(protocol)

    def get_domain(self, site=None):
        return urlsplit(site_root_url(self.request)).netloc or super().get_domain(site)
