"""Template tags for the multilingual frame: alternates, switcher, fallback marks, menu."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import uri_to_iri
from django.utils.html import format_html, format_html_join
from wagtail.models import Site

from collections_app.l10n import format_date, format_date_range, format_number, format_year_range
from collections_app.languages import is_rtl, native_name, og_locale, shown_language
from collections_app.models.base import visible
from collections_app.site_url import absolute
from collections_app.structured_data import for_page as structured_data_for
from collections_app.structured_data import script as structured_data_script
from portal import cache

register = template.Library()


def _localized_urls(context, page):
    """Per-request memo: the alternates and the switcher need the same URLs."""
    known = context.render_context.setdefault("portal_localized_urls", {})
    if page.pk not in known:
        known[page.pk] = page.specific.localized_urls(context.get("request"))
    return known[page.pk]


@register.simple_tag(takes_context=True)
def page_alternates(context, page):
    """`<link rel=canonical>` plus one `hreflang` alternate per language and `x-default`."""
    urls = _localized_urls(context, page)
    current = translation.get_language()
    links = []
    if current in urls:
        links.append(format_html('<link rel="canonical" href="{}">', urls[current]))
    links.extend(format_html('<link rel="alternate" hreflang="{}" href="{}">', lang, url) for lang, url in urls.items())
    if settings.LANGUAGE_CODE in urls:
        links.append(format_html('<link rel="alternate" hreflang="x-default" href="{}">', urls[settings.LANGUAGE_CODE]))
    return format_html_join("\n  ", "{}", ((link,) for link in links))


@register.simple_tag(takes_context=True)
def language_switcher(context, page, style="menu"):
    """The same page in every language: a disclosure menu (header) or a plain list (footer)."""
    template_name = "includes/language_list.html" if style == "list" else "includes/language_switcher.html"
    return render_to_string(template_name, _switcher_options(context, page), request=context.get("request"))


@register.simple_tag(takes_context=True)
def language_switcher_for(context, urls, style="menu"):
    """The switcher for a view that is not a page (search): `urls` maps each language to its address."""
    template_name = "includes/language_list.html" if style == "list" else "includes/language_switcher.html"
    return render_to_string(template_name, _options(urls), request=context.get("request"))


def _switcher_options(context, page):
    # Links stay on the host the visitor is on: the path of each language's absolute URL.
    return _options({code: urlsplit(url).path for code, url in _localized_urls(context, page).items()})


def _options(urls):
    current = translation.get_language()
    options = []
    for code, _name in settings.LANGUAGES:
        if code not in urls:
            continue
        options.append(
            {
                "code": code,
                "url": urls[code],
                "name_local": native_name(code),
                "dir": "rtl" if is_rtl(code) else "ltr",
                "current": code == current,
            }
        )
    return {"options": options, "current": next((o for o in options if o["current"]), None)}


@register.simple_tag
def lang_attrs(instance, field_name):
    """` lang="ru" data-fallback-from="ru"` when the field is borrowed from another language."""
    current = translation.get_language()
    shown = shown_language(instance, field_name, current)
    if not shown or shown == current:
        return ""
    direction = "rtl" if is_rtl(shown) else "ltr"
    return format_html(' lang="{}" dir="{}" data-fallback-from="{}"', shown, direction, shown)


@register.simple_tag(takes_context=True)
def main_menu(context, page=None):
    """The top-level pages shown in menus, each marked current when the visitor is in its section."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []

    def entries():
        return [
            (item, item.get_url(request)) for item in visible(site.root_page.get_children()).in_menu().order_by("path")
        ]

    # The same for every page of a site in a language until the published site changes.
    items = []
    for item, url in cache.shared(f"main-menu-{site.pk}-{translation.get_language()}", entries):
        current = None
        # Error pages have no page: the template passes an empty string.
        if getattr(page, "path", None) and page.path.startswith(item.path):
            current = "page" if page.pk == item.pk else "true"
        items.append({"page": item, "url": url, "current": current})
    return items


@register.filter
def language_name(code):
    """The language's name in the visitor's language."""
    try:
        return translation.gettext(translation.get_language_info(code)["name"])
    except KeyError:
        return code


# --- Locale formats ---------------------------------------------------------


@register.filter
def l10n_number(value, decimals=2):
    """12.50 → "12.5" / "12,5" / "۱۲٫۵" for the page's language."""
    return format_number(value, int(decimals))


@register.filter
def l10n_date(value):
    return format_date(value)


@register.simple_tag
def year_range(earliest, latest):
    return format_year_range(earliest, latest)


@register.simple_tag
def date_range(start, end):
    return format_date_range(start, end)


# --- Open Graph --------------------------------------------------------------


@register.simple_tag(takes_context=True)
def open_graph(context, page):
    """Open Graph and Twitter card tags in the page's language, with absolute URLs."""
    request = context.get("request")
    current = translation.get_language()
    urls = _localized_urls(context, page)
    tags = [
        ("og:site_name", translation.gettext("SCO Museum Alliance")),
        ("og:type", page.specific.og_type),
        ("og:title", page.seo_title or page.title),
        ("og:locale", og_locale(current)),
    ]
    if current in urls:
        tags.append(("og:url", urls[current]))
    description = page.specific.summary_text()
    if description:
        tags.append(("og:description", description))
    tags.extend(("og:locale:alternate", og_locale(code)) for code in urls if code != current)
    image = page.specific.og_image
    if image is not None:
        rendition = image.get_rendition("fill-1200x630-c50")
        url = absolute(rendition.url, request)
        tags += [
            ("og:image", url),
            ("og:image:width", str(rendition.width)),
            ("og:image:height", str(rendition.height)),
        ]
        if rendition.alt:
            tags.append(("og:image:alt", rendition.alt))
    html = format_html_join("\n  ", '<meta property="{}" content="{}">', tags)
    card = "summary_large_image" if image is not None else "summary"
    return html + format_html('\n  <meta name="twitter:card" content="{}">', card)


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """schema.org JSON-LD of a relic, exhibition or museum page (collections_app/structured_data.py)."""
    data = structured_data_for(page, context.get("request")) if getattr(page, "pk", None) else None
    return structured_data_script(data) if data else ""


# --- Relic cards in narratives -------------------------------------------------


@register.simple_tag(takes_context=True)
def card_relics(context, value):
    """The visible relics a relic card or grid block shows, as full card data, in the block's order.

    On an exhibition page the view preloads every relic of every narrative in
    a fixed number of queries (`relic_cards` in the context); elsewhere (block
    previews in the admin) the block loads its own.
    """
    preloaded = context.get("relic_cards")
    if preloaded is None:
        preloaded = value.block.relic_model.objects.visible().cards().in_bulk(value.relic_ids)
    return [preloaded[pk] for pk in value.relic_ids if pk in preloaded]


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (sorting and paging links)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current one, with "…" for the gaps."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def canonical_url(context, page, readable=False):
    """This page's absolute URL in the visitor's language; `readable` shows translated slugs unescaped."""
    url = _localized_urls(context, page).get(translation.get_language()) or page.get_full_url(context.get("request"))
    return uri_to_iri(url) if readable else url


@register.simple_tag(takes_context=True)
def citation(context, page):
    return page.citation(canonical_url(context, page, readable=True))


@register.filter
def get_item(mapping, key):
    """`mapping[key]` in a template (None when absent): a per-language or per-facet table."""
    return mapping.get(key) if mapping else None
