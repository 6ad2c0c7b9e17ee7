"""How public pages advertise their IIIF document: a `<link rel=alternate>` in the head and the visible
IIIF link that viewers accept by drag and drop (https://iiif.io/api/introduction/#drag-and-drop)."""

from urllib.parse import quote

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from collections_app.models import ExhibitionPage, MuseumPage, RelicPage
from collections_app.site_url import site_root_url
from iiif import presentation

register = template.Library()

_DOCUMENTS = {
    RelicPage: (presentation.manifest_url, _("IIIF manifest: drag into a IIIF viewer")),
    ExhibitionPage: (presentation.exhibition_collection_url, _("IIIF collection: drag into a IIIF viewer")),
    MuseumPage: (presentation.museum_collection_url, _("IIIF collection: drag into a IIIF viewer")),
}


def _document(context, page):
    """(absolute URL, link title) of the page's manifest or collection, or None for other page types."""
    for model, (url, title) in _DOCUMENTS.items():
        if isinstance(page, model):
            return url(site_root_url(context.get("request")), page.pk), title
    return None


@register.simple_tag(takes_context=True)
def iiif_alternate(context, page):
    """`<link rel="alternate">` to the page's manifest or collection, for harvesters and browser add-ons."""
    document = _document(context, page)
    if document is None:
        return ""
    return format_html('<link rel="alternate" type="{}" href="{}">', presentation.MEDIA_TYPE, document[0])


@register.inclusion_tag("includes/iiif_link.html", takes_context=True)
def iiif_link(context, page):
    """The IIIF logo linking to the document, with `?manifest=` so dropping it on a viewer opens it."""
    document = _document(context, page)
    if document is None:
        return {"url": ""}
    url, title = document
    return {"url": url, "drag_url": f"{url}?manifest={quote(url, safe=':/')}", "title": title}
