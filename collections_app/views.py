"""Machine-facing views outside the language prefix: the sitemap index and its parts, robots.txt."""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from collections_app import sitemaps
from collections_app.site_url import absolute, site_root_url

XML = "application/xml; charset=utf-8"


@require_safe
@cache_page(60 * 15)
def sitemap(request):
    """`/sitemap.xml`: the sitemap index, one entry per section part (see `collections_app.sitemaps`)."""
    root = sitemaps.site_root()
    if root is None:
        raise Http404
    return HttpResponse(sitemaps.index_xml(site_root_url(request), root), content_type=XML)


@require_safe
@cache_page(60 * 15)
def sitemap_part(request, section, language, number):
    root = sitemaps.site_root()
    xml = sitemaps.part_xml(site_root_url(request), root, section, language, number) if root else None
    if xml is None:
        raise Http404
    return HttpResponse(xml, content_type=XML)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /i18n/",
        "",
        f"Sitemap: {absolute(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
