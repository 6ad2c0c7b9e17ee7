"""`/<lang>/search/`: full-text search over relics, exhibitions and museums, with facets."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from collections_app.countries import COUNTRY_CHOICES
from search import query
from search.text import highlight_terms

PER_PAGE = 24


def _labels(counts: dict) -> dict[str, list[dict]]:
    """Facet values with their names in the visitor's language (the translated vocabularies)."""
    from collections_app.models import Culture, ExhibitionPage, Material, MuseumPage, ObjectType

    models = {
        "museum": MuseumPage,
        "object_type": ObjectType,
        "material": Material,
        "culture": Culture,
        "exhibition": ExhibitionPage,
    }
    labelled = {}
    for name, values in counts.items():
        if name == "country":
            names = dict(COUNTRY_CHOICES)
        else:
            ids = [value for value, _count in values]
            names = {
                obj.pk: str(obj.title if hasattr(obj, "title") else obj)
                for obj in models[name].objects.filter(pk__in=ids)
            }
        labelled[name] = [
            {"value": value, "label": names.get(value, value), "count": count}
            for value, count in values
            if value in names
        ]
    return labelled


def search(request):
    language = translation.get_language()
    try:
        params = query.parse(request.GET)
    except query.BadQuery as error:
        response = TemplateResponse(request, "search/results.html", {"error": str(error), "search": None}, status=400)
        return response
    documents = query.run(params, language)
    paginator = Paginator(documents.values_list("page_id", "kind"), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    ids = [page_id for page_id, _kind in page_obj.object_list]
    results = _pages(ids)
    facets = _labels(query.facet_counts(documents))
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
            },
        },
    )


def _pages(ids: list[int]) -> list:
    from collections_app.models import RelicPage

    relics = {relic.pk: relic for relic in RelicPage.objects.filter(pk__in=ids).cards()}
    others = {page.pk: page for page in Page.objects.filter(pk__in=set(ids) - set(relics)).specific()}
    return [relics.get(pk) or others.get(pk) for pk in ids if pk in relics or pk in others]
