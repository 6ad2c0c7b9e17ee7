"""Machine-facing views outside the language prefix: sitemap and robots.txt."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from collections_app.site_url import absolute
from collections_app.sitemaps import PortalSitemap


@require_safe
@cache_page(60 * 15)
def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": PortalSitemap(request)})


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
