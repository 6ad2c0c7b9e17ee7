"""The one configured address of the public site, for every absolute URL the portal builds.

Canonical links, hreflang alternates, `og:url`, the API's `html_url` and
`detail_url`, the sitemap, `robots.txt` and `og:image` all start with the
root URL of the Wagtail Site record (Settings → Sites in the admin;
`load_demo` points it at the address `make run` serves on). The request's
`Host` header is never used: a crafted `Host: evil.example` must not end up
in a page's links or a cached sitemap.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def site_root_url(request=None) -> str:
    """`https://museums.example.org` (no trailing slash), from the Site serving `request` or the default Site."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute(url: str, request=None) -> str:
    """`url` made absolute against the site's root URL (already absolute URLs are returned as they are)."""
    if urlsplit(url).scheme:
        return url
    return site_root_url(request) + url


def absolute_admin(url: str) -> str:
    """An admin `url` made absolute against `WAGTAILADMIN_BASE_URL` (for e-mails)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
