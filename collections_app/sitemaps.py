"""The sitemap: an index at `/sitemap.xml` and sections small enough for search engines.

Every visible page appears once per language, each `<url>` with the same
`xhtml:link` alternates (eleven languages and `x-default`) as the page's own
`<link rel="alternate">` tags. At 100,000 relics that is over a million
entries, so `/sitemap.xml` is a sitemap index of sections: per language,
one for the site's pages other than relics and one per museum's relics, each
split into parts of at most `PART_SIZE` entries. The protocol allows 50,000
URLs and 50 MB per file; an entry with its twelve percent-encoded Cyrillic,
Han or Arabic-script alternates weighs about 5 kB, so a part of 2,000 entries
is about 10 MB.

A part is written straight from the stored per-language URL paths
(`url_path_<lang>`, one `values_list()` query), without building each URL
through Wagtail's routing: it costs one query and string work, whatever the
size of the collection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site

from collections_app.models import MuseumPage, RelicPage
from collections_app.models.base import visible
from collections_app.tree import descendants_q

PART_SIZE = 2_000
LANGUAGES = list(settings.LANGUAGE_CODES)
PATH_COLUMNS = [build_localized_fieldname("url_path", lang) for lang in LANGUAGES]
XMLNS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
XHTML = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'


@dataclass(frozen=True)
class Part:
    """One file of the sitemap: a section ("pages" or "museum-<pk>") in one language, one part of it."""

    section: str
    language: str
    number: int
    lastmod: datetime | None = None

    def url(self, base: str) -> str:
        return base + reverse("sitemap_part", args=[self.section, self.language, self.number])


def site_root():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def section_pages(section: str, root):
    """The visible pages of a section, in tree order."""
    if section == "pages":
        # By content type (indexed): the few pages of the other types, not a walk through every relic.
        types = ContentType.objects.get_for_models(
            *[m for m in apps.get_models() if issubclass(m, Page) and m is not RelicPage]
        )
        pages = visible(Page.objects.filter(descendants_q(root, inclusive=True), content_type__in=types.values()))
    elif section.startswith("museum-") and section.removeprefix("museum-").isdigit():
        pages = RelicPage.objects.visible().filter(museum_id=int(section.removeprefix("museum-")))
    else:
        return None
    return pages.order_by("path")


def parts(root) -> list[Part]:
    """Every part of every section in every language, with its last modification (for the index)."""
    pages = section_pages("pages", root).aggregate(count=Count("pk"), lastmod=Max("last_published_at"))
    sizes = [("pages", pages["count"], pages["lastmod"])]
    museums = [museum.pk for museum in MuseumPage.objects.visible().in_tree_order()]
    relics = {
        row["museum_id"]: row
        for row in RelicPage.objects.visible()
        .filter(museum_id__in=museums)
        .values("museum_id")
        .annotate(count=Count("pk"), lastmod=Max("last_published_at"))
        .order_by()
    }
    sizes += [(f"museum-{pk}", relics[pk]["count"], relics[pk]["lastmod"]) for pk in museums if pk in relics]
    return [
        Part(section, language, number, lastmod)
        for language in LANGUAGES
        for section, count, lastmod in sizes
        if count
        for number in range(1, -(-count // PART_SIZE) + 1)
    ]


def _lastmod(value) -> str:
    return f"<lastmod>{value.date().isoformat()}</lastmod>" if value else ""


def index_xml(base: str, root) -> str:
    items = "".join(
        f"<sitemap><loc>{escape(part.url(base))}</loc>{_lastmod(part.lastmod)}</sitemap>" for part in parts(root)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex {XMLNS}>{items}</sitemapindex>\n'


def part_xml(base: str, root, section: str, language: str, number: int) -> str | None:
    """The XML of one part, or None when there is no such part."""
    pages = section_pages(section, root)
    if pages is None or language not in LANGUAGES or number < 1:
        return None
    rows = list(pages.values_list("last_published_at", *PATH_COLUMNS)[(number - 1) * PART_SIZE : number * PART_SIZE])
    if not rows:
        return None
    roots = {lang: getattr(root, column) or root.url_path for lang, column in zip(LANGUAGES, PATH_COLUMNS, strict=True)}
    own = LANGUAGES.index(language)
    base = escape(base)
    chunks = [f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {XMLNS} {XHTML}>']
    for lastmod, *paths in rows:
        # Languages without their own slug share their fallback's: encode each distinct path once.
        # Slugs hold only letters, digits, "-" and "_", so the encoded path needs no XML escaping.
        encoded = {}
        urls = []
        for lang, path in zip(LANGUAGES, paths, strict=True):
            local = (path or paths[0])[len(roots[lang]) - 1 :]
            if local not in encoded:
                encoded[local] = local if local.isascii() else iri_to_uri(local)
            urls.append(f"{base}/{lang}{encoded[local]}")
        alternates = "".join(
            f'<xhtml:link rel="alternate" hreflang="{lang}" href="{url}"/>'
            for lang, url in zip(LANGUAGES, urls, strict=True)
        )
        alternates += f'<xhtml:link rel="alternate" hreflang="x-default" href="{urls[0]}"/>'
        chunks.append(f"<url><loc>{urls[own]}</loc>{_lastmod(lastmod)}{alternates}</url>")
    chunks.append("</urlset>\n")
    return "".join(chunks)
