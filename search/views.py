"""`/<lang>/search/`: full-text search over relics, exhibitions and museums, with facets."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from collections_app.countries import COUNTRY_CHOICES
from collections_app.languages import language_codes
from portal import cache
from search import geo, query
from search.text import highlight_terms

PER_PAGE = 24


def _names(name: str, language: str) -> dict:
    """Value → label of a facet in `language`: the translated vocabulary names and page titles, shared until the
    published site changes (a facet shows up to twenty values on every search)."""
    from collections_app.models import VOCABULARIES, ExhibitionPage, MuseumPage

    if name == "country":
        return dict(COUNTRY_CHOICES)
    pages = {"museum": MuseumPage, "exhibition": ExhibitionPage}
    if name in pages:

        def titles():
            with translation.override(language):
                return {page.pk: str(page.title) for page in pages[name].objects.visible().from_own_table()}

        return cache.shared(f"search-labels-{name}-{language}", titles)
    model = {"object_type": "objecttype", "place": "place"}.get(name, name)
    vocabulary = next(model_class for model_class in VOCABULARIES if model_class._meta.model_name == model)
    return {pk: label for pk, label, _terms in query.vocabulary_names(vocabulary, language)}


def _labels(facets: dict, language: str) -> dict[str, list[dict]]:
    """Facet values with their names in the visitor's language (the translated vocabularies)."""
    labelled = {}
    for name, values in facets.items():
        names = _names(name, language)
        labelled[name] = [
            {"value": value, "label": names[value], "count": count} for value, count in values if value in names
        ]
    return labelled


def search(request):
    language = translation.get_language()
    try:
        params = query.parse(request.GET)
    except query.BadQuery as error:
        response = TemplateResponse(request, "search/results.html", {"error": str(error), "search": None}, status=400)
        return response
    documents = query.matching(params, language)

    def overview():
        counted = query.overview(documents)
        labelled = _labels(counted.facets(), language)
        return labelled, geo.spots(counted.counts["place"]), geo.timeline(counted.datings), counted.total

    if params.q or params.filtered:
        facets, spots, timeline, total = overview()
    else:  # browsing the whole collection: the same for every visitor until the published site changes
        facets, spots, timeline, total = cache.shared(f"search-overview-{language}", overview)
    paginator = Paginator(query.run(params, language, documents).values_list("page_id", "kind"), PER_PAGE)
    paginator.count = total  # counted with the facets, in the same pass over the match
    page_obj = paginator.get_page(request.GET.get("page"))
    ids = [page_id for page_id, _kind in page_obj.object_list]
    results = _pages(ids)
    return TemplateResponse(
        request,
        "search/results.html",
        {
            "search": params,
            "results": results,
            "page_obj": page_obj,
            "paginator": paginator,
            "facets": facets,
            "highlight": highlight_terms(params.q),
            "facet_names": {
                "museum": _("Museum"),
                "country": _("Country"),
                "object_type": _("Object type"),
                "material": _("Material"),
                "culture": _("Culture"),
                "exhibition": _("Exhibition"),
                "place": _("Find spot"),
            },
            "language_urls": {code: f"/{code}/search/?{request.GET.urlencode()}" for code in language_codes()},
            "map": geo.outlines(),
            "spots": spots,
            "timeline": timeline,
        },
    )


def _pages(ids: list[int]) -> list:
    from collections_app.models import RelicPage

    relics = {relic.pk: relic for relic in RelicPage.objects.filter(pk__in=ids).cards()}
    others = {page.pk: page for page in Page.objects.filter(pk__in=set(ids) - set(relics)).specific()}
    return [relics.get(pk) or others.get(pk) for pk in ids if pk in relics or pk in others]


#: How many suggestions the header box shows.
SUGGESTIONS = 8


def suggest(request):
    """Titles and vocabulary terms starting with what the visitor typed, in their language (JSON).

    The header box works without it (a plain form); with JavaScript it lists these under the box.
    """
    from collections_app.models import VOCABULARIES

    language = translation.get_language()
    text = request.GET.get("q", "")[:100]
    terms = query.Search(q=text).terms
    if not terms:
        return JsonResponse({"suggestions": []})
    items = []
    titles = query.titles_matching(terms, language)[:SUGGESTIONS]
    for page in Page.objects.filter(pk__in=titles).specific():
        items.append({"label": page.title, "kind": str(page._meta.verbose_name), "url": page.url})
    for model in VOCABULARIES:
        facet = {"objecttype": "object_type", "place": None}.get(model._meta.model_name, model._meta.model_name)
        if facet is None:
            continue
        for pk, name in query.terms_matching(model, terms, language)[:3]:
            url = f"{reverse('search')}?{urlencode({facet: pk})}"
            items.append({"label": name, "kind": str(model._meta.verbose_name), "url": url})
    return JsonResponse({"suggestions": items[:SUGGESTIONS]})
