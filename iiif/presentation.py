"""IIIF Presentation API 3.0 documents: a manifest per relic, a collection per exhibition and per museum.

Builders take a page and the site's root URL and return plain dicts, so the
rules of the specification (https://iiif.io/api/presentation/3.0/) can be
read and tested apart from HTTP; `iiif.presentation_views` adds visibility,
caching and headers. Every text is a IIIF language map holding only the
languages whose own column has text (`{"en": [...], "ru": [...]}`, BCP 47
keys from `portal/languages.py`): a viewer falls back by itself, so a
fallback text is never labelled with a language it is not written in.
Images are those of the Image API server in `iiif.views`, referenced by
their service so viewers can deep-zoom.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from collections_app.l10n import format_number, format_year_range
from collections_app.languages import has_value, language_codes, value_in
from collections_app.models import MuseumPage, RelicImage, RelicPage
from iiif import image_api
from iiif.image_api import RequestError
from iiif.views import full_size, limits
from portal.languages import BY_CODE, SOURCE_LANGUAGE

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
MEDIA_TYPE = f'application/ld+json;profile="{CONTEXT}"'
#: Width of the thumbnails manifests and collections point to (smaller images use their own width).
THUMBNAIL_WIDTH = 400

LanguageMap = dict[str, list[str]]

# Metadata labels reuse the relic page's own strings, so every catalogue already translates them.
LABELS = {
    "accession_number": _("Accession number"),
    "museum": _("Museum"),
    "date": pgettext_lazy("relic dating", "Date"),
    "object_type": _("Object type"),
    "materials": _("Materials"),
    "culture": _("Culture or period"),
    "find_spot": _("Find spot"),
    "technique": _("Technique"),
    "dimensions": _("Dimensions"),
    "credit_line": _("Credit line"),
}

_BREAKS = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|div|blockquote)>", re.IGNORECASE)


# --- language maps --------------------------------------------------------------------------------


def bcp47(code: str) -> str:
    """The BCP 47 tag of a portal language ("zh-hans" → "zh-Hans")."""
    return BY_CODE[code].bcp47


def plain_text(value) -> str:
    """Rich text as plain text: tags dropped, entities decoded, one line per paragraph or list item."""
    text = html.unescape(strip_tags(_BREAKS.sub("\n", str(value or ""))))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _collect(values: Iterable[tuple[str, list[str]]]) -> LanguageMap:
    return {bcp47(code): texts for code, texts in values if texts}


def language_map(instance, field: str, plain: bool = False) -> LanguageMap:
    """`field` of `instance` in every language whose own column has text, never a fallback.

    `plain` turns rich text into plain text (IIIF labels and our summaries carry no HTML).
    """

    def texts(code):
        value = value_in(instance, field, code)
        if not has_value(value):
            return []
        text = plain_text(value) if plain else str(value).strip()
        return [text] if text else []

    return _collect((code, texts(code)) for code in language_codes())


def _columns_map(row: dict[str, str | None]) -> LanguageMap:
    """A language map from already loaded columns (`{"en": "…", "ru": None}`)."""
    return _collect((code, [row[code].strip()] if has_value(row.get(code)) else []) for code in language_codes())


def translated(message) -> LanguageMap:
    """A lazy gettext `message` in every language whose catalogue translates it (English always).

    A catalogue without the message would give the English text; that language is left out rather
    than labelled with English words.
    """
    with translation.override(SOURCE_LANGUAGE):
        source = str(message)
    result = {}
    for code in language_codes():
        with translation.override(code):
            text = str(message)
        if code == SOURCE_LANGUAGE or text != source:
            result[bcp47(code)] = [text]
    return result


def _generated(compute: Callable[[str], list[str]]) -> LanguageMap:
    """Texts the portal writes itself (year ranges, measurements), formatted in each language in turn."""
    values = []
    for code in language_codes():
        with translation.override(code):
            values.append((code, [text for text in compute(code) if text]))
    return _collect(values)


def _merge(*maps: LanguageMap) -> LanguageMap:
    merged: LanguageMap = {}
    for language_map_ in maps:
        for tag, texts in language_map_.items():
            merged.setdefault(tag, []).extend(texts)
    return {tag: merged[tag] for tag in (bcp47(code) for code in language_codes()) if tag in merged}


# --- URLs and shared parts ------------------------------------------------------------------------


def manifest_url(root: str, relic_pk: int) -> str:
    return root + reverse("iiif:relic_manifest", args=[relic_pk])


def exhibition_collection_url(root: str, exhibition_pk: int) -> str:
    return root + reverse("iiif:exhibition_collection", args=[exhibition_pk])


def museum_collection_url(root: str, museum_pk: int) -> str:
    return root + reverse("iiif:museum_collection", args=[museum_pk])


def service_id(root: str, image_pk: int) -> str:
    """The image's IIIF Image API base URI (served by `iiif.views`)."""
    return root + reverse("iiif:base", args=[str(image_pk)])


def image_service(root: str, image_pk: int) -> list[dict]:
    return [{"id": service_id(root, image_pk), "type": "ImageService3", "profile": image_api.PROFILE}]


def thumbnail(root: str, image_pk: int, width: int, height: int, size: tuple[int, int] | None = None) -> dict:
    """A small JPEG from the image server, with the service so a viewer can ask for another size.

    `width`/`height` may be the stored (not yet EXIF-turned) size: the thumbnail's width is capped
    at the shorter side, which turning does not change, so the request is never an upscale. With the
    upright `size` the thumbnail's own size is stated too.
    """
    thumb_width = max(1, min(THUMBNAIL_WIDTH, width, height))
    resource = {
        "id": f"{service_id(root, image_pk)}/full/{thumb_width},/0/default.jpg",
        "type": "Image",
        "format": "image/jpeg",
        "service": image_service(root, image_pk),
    }
    if size is not None:
        resource["width"], resource["height"] = image_api.parse_size(f"{thumb_width},", *size, limits())[0]
    return resource


def homepages(page, urls: dict[str, str] | None = None) -> list[dict]:
    """The page in each language it has its own title in, as IIIF `homepage` entries."""
    urls = page.localized_urls() if urls is None else urls
    entries = []
    for code in language_codes():
        title = value_in(page, "title", code)
        if code in urls and has_value(title):
            tag = bcp47(code)
            entries.append(
                {"id": urls[code], "type": "Text", "label": {tag: [title]}, "format": "text/html", "language": [tag]}
            )
    return entries


def museum_agent(museum) -> dict | None:
    """The holding museum as a IIIF `Agent`, identified by its page in the source language.

    None when the museum page has no URL (outside every Site), as an Agent needs an id.
    """
    urls = museum.localized_urls()
    agent_id = urls.get(SOURCE_LANGUAGE) or next(iter(urls.values()), None)
    if agent_id is None:
        return None
    agent = {"id": agent_id, "type": "Agent", "label": language_map(museum, "title")}
    pages = homepages(museum, urls)
    if pages:
        agent["homepage"] = pages
    return agent


# --- manifest -------------------------------------------------------------------------------------


def _entry(key: str, value: LanguageMap) -> dict | None:
    return {"label": translated(LABELS[key]), "value": value} if value else None


def _terms_map(terms: list) -> LanguageMap:
    """Vocabulary names per language, for the languages every one of the terms is named in."""
    if not terms:
        return {}
    maps = [language_map(term, "name") for term in terms]
    return {tag: [m[tag][0] for m in maps] for tag in maps[0] if all(tag in m for m in maps)}


def _dimensions(relic, code: str) -> list[str]:
    """The measurements as the relic page words them (the same catalogue strings)."""
    parts = []
    if relic.height_cm:
        parts.append(gettext("height %(value)s cm") % {"value": format_number(relic.height_cm, 2, code)})
    if relic.width_cm:
        parts.append(gettext("width %(value)s cm") % {"value": format_number(relic.width_cm, 2, code)})
    if relic.depth_cm:
        parts.append(gettext("depth %(value)s cm") % {"value": format_number(relic.depth_cm, 2, code)})
    if relic.diameter_cm:
        parts.append(gettext("diameter %(value)s cm") % {"value": format_number(relic.diameter_cm, 2, code)})
    if relic.weight_kg:
        parts.append(gettext("weight %(value)s kg") % {"value": format_number(relic.weight_kg, 3, code)})
    return parts


def relic_metadata(relic) -> list[dict]:
    """Label/value pairs a viewer shows beside the images; facts the relic lacks are left out."""
    materials = list(relic.materials.all())
    entries = [
        _entry("accession_number", {"none": [relic.accession_number]} if relic.accession_number else {}),
        _entry("museum", language_map(relic.museum, "title") if relic.museum else {}),
        _entry(
            "date",
            _merge(
                language_map(relic, "period_label"),
                _generated(lambda code: [format_year_range(relic.earliest_year, relic.latest_year, code)]),
            ),
        ),
        _entry("object_type", language_map(relic.object_type, "name") if relic.object_type_id else {}),
        _entry("materials", _terms_map(materials)),
        _entry("culture", language_map(relic.culture, "name") if relic.culture else {}),
        _entry("find_spot", language_map(relic.find_spot, "name") if relic.find_spot else {}),
        _entry("technique", language_map(relic, "technique")),
        _entry(
            "dimensions",
            _merge(_generated(lambda code: _dimensions(relic, code)), language_map(relic, "dimensions_note")),
        ),
    ]
    return [entry for entry in entries if entry]


def _canvas(manifest_id: str, root: str, item) -> dict | None:
    """One gallery image as a Canvas painted by its image service; None if its file cannot be read."""
    image = item.image
    try:
        size = full_size(image)
        shown = image_api.parse("full", "max", "0", "default.jpg", size, limits()).size
    except RequestError:
        return None
    canvas_id = f"{manifest_id}/canvas/{item.pk}"
    canvas = {"id": canvas_id, "type": "Canvas"}
    label = language_map(item, "caption") or language_map(item, "alt_text")
    if label:
        canvas["label"] = label
    canvas["width"], canvas["height"] = size
    if image.rights_uri:
        canvas["rights"] = image.rights_uri
    canvas["thumbnail"] = [thumbnail(root, image.pk, *size, size=size)]
    body = {
        "id": f"{service_id(root, image.pk)}/full/max/0/default.jpg",
        "type": "Image",
        "format": "image/jpeg",
        "width": shown[0],
        "height": shown[1],
        "service": image_service(root, image.pk),
    }
    annotation = {
        "id": f"{canvas_id}/annotation/painting",
        "type": "Annotation",
        "motivation": "painting",
        "body": body,
        "target": canvas_id,
    }
    canvas["items"] = [{"id": f"{canvas_id}/page/painting", "type": "AnnotationPage", "items": [annotation]}]
    return canvas


def relic_manifest(relic, root: str) -> dict:
    """The relic's Manifest: one Canvas per gallery image (in gallery order), with everything its page says.

    `items` is empty when no image can be shown; a Manifest needs at least one Canvas, so the view
    answers 404 then.
    """
    manifest_id = manifest_url(root, relic.pk)
    gallery = relic.gallery_images.select_related("image").order_by("sort_order")
    canvases = [canvas for canvas in (_canvas(manifest_id, root, item) for item in gallery) if canvas]
    manifest = {"@context": CONTEXT, "id": manifest_id, "type": "Manifest", "label": language_map(relic, "title")}
    summary = language_map(relic, "description", plain=True)
    if summary:
        manifest["summary"] = summary
    manifest["metadata"] = relic_metadata(relic)
    credit = language_map(relic, "credit_line") or (language_map(relic.museum, "title") if relic.museum else {})
    if credit:
        manifest["requiredStatement"] = {"label": translated(LABELS["credit_line"]), "value": credit}
    if relic.rights_uri:
        # The portal stores only Creative Commons and RightsStatements.org URIs (collections_app.rights),
        # the two families Presentation 3 allows here.
        manifest["rights"] = relic.rights_uri
    agent = museum_agent(relic.museum) if relic.museum else None
    if agent:
        manifest["provider"] = [agent]
    manifest["homepage"] = homepages(relic)
    # seeAlso: the relic's OAI-PMH record (oai_dc, LIDO) goes here once /oai/ exists.
    if canvases:
        manifest["thumbnail"] = canvases[0]["thumbnail"]
    manifest["viewingDirection"] = "left-to-right"
    manifest["items"] = canvases
    return manifest


# --- collections ----------------------------------------------------------------------------------


def _manifest_references(relics, root: str) -> list[dict]:
    """References to the manifests of `relics` (a queryset, in its order), in two queries however many.

    Relics without an image have no manifest (a Manifest needs a Canvas) and are left out. Only the
    title columns and the first image's id and stored size are read.
    """
    codes = language_codes()
    columns = {code: build_localized_fieldname("title", code) for code in codes}
    with_image = relics.filter(Exists(RelicImage.objects.filter(page=OuterRef("pk"))))
    rows = list(with_image.values("pk", *columns.values()))
    first_images: dict[int, tuple[int, int, int]] = {}
    images = (
        RelicImage.objects.filter(page__in=with_image.order_by().values("pk"))
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "image_id", "image__width", "image__height")
    )
    for page_id, image_id, width, height in images:
        first_images.setdefault(page_id, (image_id, width, height))
    references = []
    for row in rows:
        reference = {
            "id": manifest_url(root, row["pk"]),
            "type": "Manifest",
            "label": _columns_map({code: row[column] for code, column in columns.items()}),
        }
        if row["pk"] in first_images:
            reference["thumbnail"] = [thumbnail(root, *first_images[row["pk"]])]
        references.append(reference)
    return references


def _collection(page, collection_id: str, summary: LanguageMap, providers: list, items: list[dict]) -> dict:
    collection = {"@context": CONTEXT, "id": collection_id, "type": "Collection", "label": language_map(page, "title")}
    if summary:
        collection["summary"] = summary
    providers = [agent for agent in providers if agent]
    if providers:
        collection["provider"] = providers
    collection["homepage"] = homepages(page)
    collection["items"] = items
    return collection


def exhibition_collection(exhibition, root: str) -> dict:
    """The exhibition's visible relics' manifests, in the order its narratives place them.

    Its providers are the participating museums the public can see.
    """
    relics = (
        RelicPage.objects.visible()
        .filter(exhibition_links__exhibition=exhibition)
        .order_by("exhibition_links__sort_order", "pk")
    )
    museums = exhibition.participating_museums.visible().order_by("path")
    summary = language_map(exhibition, "introduction", plain=True) or language_map(exhibition, "subtitle")
    return _collection(
        exhibition,
        exhibition_collection_url(root, exhibition.pk),
        summary,
        [museum_agent(museum) for museum in museums],
        _manifest_references(relics, root),
    )


def museum_collection(museum: MuseumPage, root: str) -> dict:
    """Every visible relic of the museum, in the museum page's default order (oldest first)."""
    relics = RelicPage.objects.visible().filter(museum_id=museum.pk).sorted_by(None)
    return _collection(
        museum,
        museum_collection_url(root, museum.pk),
        language_map(museum, "about", plain=True),
        [museum_agent(museum)],
        _manifest_references(relics, root),
    )
