"""Synthetic relics in bulk, for the scale report and the benchmarks (`manage.py seed_relics`).

Never part of `make run`. The records are generated, not any museum's: their
accession numbers start with `SEED-`, their titles and descriptions are
composed from the shared vocabularies (translated in all eleven languages),
and their images are the museum's existing demo illustrations, shared.

The bulk path writes rows directly, a batch at a time, and keeps everything
the page tree and the site rely on true:

- tree: each relic is a child of its museum, paths continue after the
  museum's last child, `depth` and the museum's `numchild` are right
  (`manage.py fixtree` finds nothing to fix);
- languages: every language's slug is filled along its fallback chain, as
  `BasePage` does on save, unique among the museum's children in every
  language, and every `url_path_<lang>` is the museum's plus that slug;
- the search index gets every new relic (`add_bulk` of the search backend);
- publication dates are spread over the last five years, as a collection
  published over time would have them.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from collections_app.languages import fallback_chain, language_codes
from collections_app.models import (
    CollectionImage,
    Culture,
    Material,
    MuseumPage,
    ObjectType,
    Place,
    RelicImage,
    RelicPage,
)
from collections_app.rights import RightsStatement

BATCH = 1000
PREFIX = "SEED"
# Each museum's national language besides English, Chinese and Russian, where it has one.
NATIONAL_LANGUAGE = {"IN": "hi", "PK": "ur", "IR": "fa", "KZ": "kk", "KG": "ky", "TJ": "tg", "UZ": "uz", "BY": "be"}
# Languages whose slugs come from the English title, as in the demo (Devanagari
# vowel signs are not word characters for slugify).
ENGLISH_SLUG = {"hi"}

DESCRIPTIONS = {
    "en": "<p>{type} of {material}, attributed to the {culture}. Found at {place}. Record {number}.</p>",
    "ru": "<p>{type}; материал: {material}. {culture}. Место находки: {place}. Запись {number}.</p>",
    "zh-hans": "<p>{culture}{material}{type}，出土于{place}。藏品编号{number}。</p>",
    "hi": "<p>{type} ({material}), {culture}। प्राप्ति स्थान: {place}। अभिलेख {number}।</p>",
    "ur": "<p>{type} ({material})، {culture}۔ دریافت کی جگہ: {place}۔ ریکارڈ {number}۔</p>",
    "fa": "<p>{type} ({material})، {culture}. محل کشف: {place}. سند {number}.</p>",
    "kk": "<p>{type} ({material}), {culture}. Табылған жері: {place}. Жазба {number}.</p>",
    "ky": "<p>{type} ({material}), {culture}. Табылган жери: {place}. Жазуу {number}.</p>",
    "tg": "<p>{type} ({material}), {culture}. Ҷои ёфт: {place}. Сабти {number}.</p>",
    "uz": "<p>{type} ({material}), {culture}. Topilgan joyi: {place}. Yozuv {number}.</p>",
    "be": "<p>{type} ({material}), {culture}. Месца знаходкі: {place}. Запіс {number}.</p>",
}


def title_in(language: str, terms: dict, number: int) -> str:
    """A relic title composed from translated vocabulary terms, in the word order of the language."""
    if language == "zh-hans":
        return f"{terms['culture']}{terms['material']}{terms['type']}（{number}号）"
    comma = "، " if language in ("ur", "fa") else ", "
    return f"{terms['type']} — {terms['material']}{comma}{terms['culture']} ({number})"


@dataclass
class Report:
    created: int = 0
    museums: int = 0


class RelicSeeder:
    def __init__(self, *, seed: int = 1):
        self.random = random.Random(seed)  # noqa: S311 - benchmark data, not secrets
        self.now = timezone.now()
        self.content_type = ContentType.objects.get_for_model(RelicPage)
        self.locale = Locale.get_default()
        self.terms = {
            "type": list(ObjectType.objects.all()),
            "material": list(Material.objects.all()),
            "culture": list(Culture.objects.all()),
            "place": list(Place.objects.all()),
        }
        if not all(self.terms.values()):
            raise ValueError("Seeding needs the vocabularies: run load_demo first.")
        self.search = get_search_backend()

    def run(self, count: int) -> Report:
        museums = list(MuseumPage.objects.order_by("path"))
        if not museums:
            raise ValueError("Seeding needs museums: run load_demo first.")
        report = Report(museums=len(museums))
        share, extra = divmod(count, len(museums))
        with translation.override(settings.LANGUAGE_CODE):
            for position, museum in enumerate(museums):
                wanted = share + (1 if position < extra else 0)
                while wanted > 0:
                    batch = min(BATCH, wanted)
                    self.add_batch(museum, batch)
                    wanted -= batch
                    report.created += batch
        return report

    @transaction.atomic
    def add_batch(self, museum: MuseumPage, count: int) -> None:
        museum = MuseumPage.objects.select_for_update().get(pk=museum.pk)
        depth = museum.depth + 1
        interval = Page._get_children_path_interval(museum.path)
        last = Page.objects.filter(depth=depth, path__range=interval).order_by("-path").values_list("path", flat=True)
        step = Page._str2int(last[0][-Page.steplen :]) if last else 0
        first_number = RelicPage.objects.filter(museum=museum, accession_number__startswith=f"{PREFIX}-").count() + 1
        national = NATIONAL_LANGUAGE.get(museum.country)
        languages = ["en", "zh-hans", "ru", *([national] if national else [])]
        images = list(museum_images(museum))

        pages, relics, chosen = [], [], []
        for offset in range(count):
            number = first_number + offset
            terms = {kind: self.random.choice(values) for kind, values in self.terms.items()}
            path = Page._get_path(museum.path, depth, step + offset + 1)
            published = self.now - timedelta(minutes=self.random.randint(0, 5 * 365 * 24 * 60))
            page = {
                "content_type_id": self.content_type.pk,
                "locale_id": self.locale.pk,
                "translation_key": uuid.uuid4(),
                "path": path,
                "depth": depth,
                "live": True,
                "first_published_at": published,
                "last_published_at": published,
                "latest_revision_created_at": published,
            }
            relic = {
                "museum_id": museum.pk,
                "accession_number": f"{PREFIX}-{museum.country}-{number:06d}",
                "object_type_id": terms["type"].pk,
                "culture_id": terms["culture"].pk,
                "find_spot_id": terms["place"].pk,
                "rights_uri": RightsStatement.PUBLIC_DOMAIN_MARK,
                "earliest_year": terms["culture"].earliest_year,
                "latest_year": terms["culture"].latest_year,
                "height_cm": Decimal(self.random.randint(20, 900)) / 10,
                "width_cm": Decimal(self.random.randint(20, 900)) / 10,
            }
            self.fill_text(page, relic, museum, terms, number, languages)
            pages.append(page)
            relics.append(relic)
            chosen.append((terms["material"].pk, self.random.choice(images) if images else None))

        insert(Page, Page._meta.concrete_fields, pages)
        ids = dict(
            Page.objects.filter(depth=depth, path__range=interval, path__in=[p["path"] for p in pages]).values_list(
                "path", "pk"
            )
        )
        for page, relic in zip(pages, relics, strict=True):
            relic["page_ptr_id"] = ids[page["path"]]
        insert(RelicPage, RelicPage._meta.local_concrete_fields, relics)
        through = RelicPage.materials.through
        rows = [
            {"relicpage_id": relic["page_ptr_id"], "material_id": material}
            for relic, (material, _i) in zip(relics, chosen, strict=True)
        ]
        insert(through, [through._meta.get_field("relicpage"), through._meta.get_field("material")], rows)
        gallery = []
        for relic, page, (_material, image) in zip(relics, pages, chosen, strict=True):
            if image is not None:
                row = {"page_id": relic["page_ptr_id"], "image_id": image.pk, "sort_order": 0}
                for language in ("en", "ru", "zh-hans"):
                    column = build_localized_fieldname("alt_text", language)
                    row[column] = image.default_alt_text or page["title_en"]
                gallery.append(row)
        insert(RelicImage, RelicImage._meta.concrete_fields, gallery)
        Page.objects.filter(pk=museum.pk).update(numchild=F("numchild") + count)
        self.search.add_bulk(RelicPage, list(RelicPage.objects.filter(pk__in=ids.values())))

    def fill_text(self, page: dict, relic: dict, museum, terms, number, languages) -> None:
        accession = relic["accession_number"]
        for language in languages:
            names = {kind: term_name(term, language) for kind, term in terms.items()}
            title = title_in(language, names, number)
            page[build_localized_fieldname("title", language)] = title
            relic[build_localized_fieldname("description", language)] = DESCRIPTIONS[language].format(
                number=accession, **names
            )
            relic[build_localized_fieldname("period_label", language)] = names["culture"]
            slug_source = page["title_en"] if language in ENGLISH_SLUG else title
            page[build_localized_fieldname("slug", language)] = slugify(
                f"{slug_source} {accession}", allow_unicode=True
            )[:200]
        for language in language_codes():
            field = build_localized_fieldname("slug", language)
            if not page.get(field):
                source = next(
                    lang for lang in fallback_chain(language) if page.get(build_localized_fieldname("slug", lang))
                )
                page[field] = page[build_localized_fieldname("slug", source)]
            parent_path = getattr(museum, build_localized_fieldname("url_path", language)) or museum.url_path_en
            page[build_localized_fieldname("url_path", language)] = f"{parent_path}{page[field]}/"
        page.update(
            title=page["title_en"], draft_title=page["title_en"], slug=page["slug_en"], url_path=page["url_path_en"]
        )


def insert(model, fields, rows) -> None:
    """INSERT `rows` (dicts of attname → value) into `model`'s table: the bulk path without model instances.

    Columns a row leaves out take the field's default, computed once per batch; an automatic
    primary key is left to the database (PostgreSQL refuses an explicit NULL for it).
    """
    if not rows:
        return
    fields = [
        field
        for field in fields
        if field.column and not (field.primary_key and field.get_internal_type().endswith("AutoField"))
    ]
    defaults = {field.attname: field.get_default() for field in fields}
    # Text, integer and key columns go to the driver as they are; only the others need Django's conversion.
    plain = {"CharField", "TextField", "SlugField", "URLField", "IntegerField", "PositiveIntegerField", "ForeignKey"}
    convert = [field.get_internal_type() not in plain for field in fields]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - quoted identifiers; values are parameters
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    values = []
    for row in rows:
        values.append(
            [
                field.get_db_prep_save(value, connection) if needs else value
                for field, needs, value in (
                    (field, needs, row.get(field.attname, defaults[field.attname]))
                    for field, needs in zip(fields, convert, strict=True)
                )
            ]
        )
    with connection.cursor() as cursor:
        for start in range(0, len(values), BATCH):
            cursor.executemany(sql, values[start : start + BATCH])


def term_name(term, language: str) -> str:
    for lang in fallback_chain(language):
        value = getattr(term, build_localized_fieldname("name", lang), None)
        if value:
            return value
    return term.slug


def museum_images(museum):
    return CollectionImage.objects.filter(collection_id=museum.collection_id).only("pk", "default_alt_text")[:20]
