"""Builds the demo site from the JSON files in `data/`.

Idempotent by construction: every object is looked up by a stable key (slug,
accession number, username) and only created when missing, so a second run
changes nothing and never overwrites what an editor has changed since.
"""

import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Collection, Page, Site
from wagtail.users.models import UserProfile

from collections_app import permissions
from collections_app.demo.illustrations import Illustration, render
from collections_app.models import (
    CollectionImage,
    Culture,
    ExhibitionCurator,
    ExhibitionIndexPage,
    ExhibitionPage,
    HomePage,
    Material,
    MuseumIndexPage,
    MuseumPage,
    ObjectType,
    Place,
    RelicImage,
    RelicPage,
    StandardPage,
)
from collections_app.rights import RightsStatement
from collections_app.signals import sync_permissions
from collections_app.tree import ensure_root_translations

DATA_DIR = Path(__file__).resolve().parent / "data"
VOCABULARIES = {"object_types": ObjectType, "materials": Material, "cultures": Culture, "places": Place}
# Devanagari vowel signs are not word characters for slugify(); a Hindi slug
# would lose them, so Hindi URLs use the English slug.
SLUG_FROM_TITLE_EXCEPT = {"hi"}
ILLUSTRATION_ILLUSTRATOR = "SCO Museum Alliance demo (drawn with Pillow)"


class DemoDataError(Exception):
    """The demo data files are inconsistent; raised before anything is written."""


@dataclass
class Report:
    created: dict[str, int] = field(default_factory=dict)
    password: str | None = None

    def add(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1


def load_json(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def set_translations(instance, field_name: str, values: dict | str | None) -> None:
    if values is None:
        return
    if isinstance(values, str):
        values = {"en": values}
    unknown = set(values) - set(settings.LANGUAGE_CODES)
    if unknown:
        raise DemoDataError(f"{field_name}: unknown language codes {sorted(unknown)}")
    for lang, value in values.items():
        setattr(instance, build_localized_fieldname(field_name, lang), value)


def set_title_and_slugs(page, titles: dict, slugs: dict | str | None = None) -> None:
    set_translations(page, "title", titles)
    explicit = {"en": slugs} if isinstance(slugs, str) else dict(slugs or {})
    for lang, title in titles.items():
        slug = explicit.get(lang)
        if slug is None and (lang == "en" or lang not in SLUG_FROM_TITLE_EXCEPT):
            slug = slugify(title, allow_unicode=lang != "en")[:200]
        if slug:
            setattr(page, build_localized_fieldname("slug", lang), slug)
    page.draft_title = titles["en"]


PORTRAIT_SHAPES = {"figure", "statue", "sculpture", "figurine", "head", "weapon", "stele", "vessel", "jar", "vase"}


def illustration_size(shape: str, *, large: bool, scale: float = 1.0) -> tuple[int, int]:
    """Width and height of a relic's illustration.

    Every seventh relic gets a 4,800 px illustration so deep zoom has
    something to show; the rest are 2,000 px, a common size for web masters.
    """
    long_side = max(320, int((4800 if large else 2000) * scale))
    short_side = long_side * 3 // 4
    return (short_side, long_side) if shape in PORTRAIT_SHAPES else (long_side, short_side)


def publish(page) -> None:
    page.save_revision().publish()


class DemoLoader:
    def __init__(self, *, image_scale: float = 1.0, password: str | None = None):
        self.image_scale = image_scale
        self.password = password
        self.report = Report()
        self.site = load_json("site.json")
        self.museums = [load_json(path.relative_to(DATA_DIR)) for path in sorted((DATA_DIR / "museums").glob("*.json"))]
        exhibitions_file = DATA_DIR / "exhibitions.json"
        self.exhibitions = load_json("exhibitions.json") if exhibitions_file.exists() else []
        self.terms: dict[str, dict[str, object]] = {kind: {} for kind in VOCABULARIES}
        self.relics: dict[str, RelicPage] = {}

    # -- entry point -------------------------------------------------------
    @transaction.atomic
    def run(self) -> Report:
        self.check()
        root = ensure_root_translations()
        home = self.home(root)
        self.vocabularies()
        museum_index = self.index_page(home, MuseumIndexPage, self.site["museum_index"])
        exhibition_index = self.index_page(home, ExhibitionIndexPage, self.site["exhibition_index"])
        self.about_page(home)
        for position, data in enumerate(self.museums):
            self.museum(museum_index, data, position)
        for data in self.exhibitions:
            self.exhibition(exhibition_index, data)
        self.accounts()
        return self.report

    def check(self) -> None:
        """Refuse inconsistent data before writing anything."""
        slugs = [m["slug"] for m in self.museums]
        if len(set(slugs)) != len(slugs):
            raise DemoDataError("Two museum files share a slug.")
        # Vocabulary terms are shared: a term declared in any file may be used in all.
        declared = {
            f"{kind}:{term['key']}"
            for museum in self.museums
            for kind in VOCABULARIES
            for term in museum.get("vocabulary", {}).get(kind, [])
        }
        known = set()
        for museum in self.museums:
            for relic in museum["relics"]:
                known.add(f"{museum['slug']}/{relic['key']}")
                refs = [("object_types", relic["object_type"])]
                refs += [("cultures", relic.get("culture")), ("places", relic.get("find_spot"))]
                refs += [("materials", key) for key in relic.get("materials", [])]
                for kind, key in refs:
                    if key and f"{kind}:{key}" not in declared:
                        raise DemoDataError(f"{museum['slug']}/{relic['key']}: {kind} '{key}' is not declared")
        for exhibition in self.exhibitions:
            for ref in self._exhibition_refs(exhibition):
                if ref not in known:
                    raise DemoDataError(f"Exhibition {exhibition['key']} refers to unknown relic {ref}")

    @staticmethod
    def _exhibition_refs(exhibition) -> list[str]:
        refs = [exhibition["hero"]] if exhibition.get("hero") else []
        for blocks in exhibition.get("body", {}).values():
            for block in blocks:
                if block["type"] == "relic_card":
                    refs.append(block["relic"])
                elif block["type"] == "relic_grid":
                    refs.extend(block["relics"])
        return refs

    # -- tree --------------------------------------------------------------
    def home(self, root: Page) -> HomePage:
        home = HomePage.objects.first()
        if home is None:
            # Wagtail's placeholder welcome page holds the slug "home"; it goes first.
            for page in root.get_children().filter(content_type=ContentType.objects.get_for_model(Page)):
                page.delete()
            data = self.site["home"]
            home = HomePage()
            set_title_and_slugs(home, data["title"], data["slug"])
            set_translations(home, "intro", data.get("intro"))
            root.add_child(instance=home)
            publish(home)
            self.report.add("pages")
        # Full URLs (canonical, hreflang, API html_url) come from the Site
        # record: point it at the address the demo is served on.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        address = {
            "hostname": base.hostname or "localhost",
            "port": base.port or (443 if base.scheme == "https" else 80),
            "root_page": home,
        }
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME, **address)
        elif any(getattr(site, name) != value for name, value in address.items()):
            for name, value in address.items():
                setattr(site, name, value)
            site.save()
        return home

    def index_page(self, home: HomePage, model, data):
        page = model.objects.child_of(home).first()
        if page is None:
            page = model(show_in_menus=True)
            set_title_and_slugs(page, data["title"], data["slug"])
            set_translations(page, "intro", data.get("intro"))
            home.add_child(instance=page)
            publish(page)
            self.report.add("pages")
        return page

    def about_page(self, home: HomePage) -> None:
        data = self.site["about"]
        if StandardPage.objects.child_of(home).filter(slug_en=data["slug"]["en"]).exists():
            return
        page = StandardPage(show_in_menus=True)
        set_title_and_slugs(page, data["title"], data["slug"])
        set_translations(page, "intro", data["intro"])
        set_translations(
            page,
            "body",
            {
                lang: [{"type": "section", "value": {"heading": "", "text": text}}]
                for lang, text in data["body"].items()
            },
        )
        home.add_child(instance=page)
        publish(page)
        self.report.add("pages")

    # -- vocabularies ------------------------------------------------------
    def vocabularies(self) -> None:
        for museum in self.museums:
            for kind, model in VOCABULARIES.items():
                for term in museum.get("vocabulary", {}).get(kind, []):
                    if term["key"] in self.terms[kind]:
                        continue
                    obj = model.objects.filter(slug=term["key"]).first()
                    if obj is None:
                        obj = model(slug=term["key"], authority_uri=term.get("authority_uri", ""))
                        set_translations(obj, "name", term["name"])
                        if model is Place:
                            country = term.get("country", "")
                            obj.country = country if country in dict(Place._meta.get_field("country").choices) else ""
                            # Through str() so 39.67 is stored as 39.67000, not as the float's binary expansion.
                            for axis in ("latitude", "longitude"):
                                value = term.get(axis)
                                setattr(obj, axis, None if value is None else Decimal(str(value)))
                        if model is Culture:
                            obj.earliest_year = term.get("earliest_year")
                            obj.latest_year = term.get("latest_year")
                        obj.full_clean()
                        obj.save()
                        self.report.add("vocabulary terms")
                    self.terms[kind][term["key"]] = obj

    # -- museums and relics ------------------------------------------------
    def museum(self, index: MuseumIndexPage, data, position: int) -> None:
        museum = MuseumPage.objects.child_of(index).filter(slug_en=data["slug"]).first()
        if museum is None:
            museum = MuseumPage(country=data["country"], website=data.get("website") or "")
            set_title_and_slugs(museum, data["name"], {"en": data["slug"]})
            set_translations(museum, "city", data["city"])
            set_translations(museum, "about", data.get("about"))
            index.add_child(instance=museum)
            publish(museum)
            self.report.add("museums")
        # The museum's collection, groups and workflow: the same code as for a museum added in the admin.
        permissions.setup_museum(museum, ExhibitionIndexPage.objects.all())
        collection = museum.collection
        for number, relic in enumerate(data["relics"]):
            self.relic(museum, collection, data["slug"], relic, large=(position + number) % 7 == 0)

    def relic(self, museum: MuseumPage, collection: Collection, museum_slug: str, data, *, large: bool) -> None:
        key = f"{museum_slug}/{data['key']}"
        relic = RelicPage.objects.filter(museum=museum, accession_number=data["accession_number"]).first()
        if relic is None:
            relic = RelicPage(
                accession_number=data["accession_number"],
                object_type=self.terms["object_types"][data["object_type"]],
                culture=self.terms["cultures"].get(data.get("culture")),
                find_spot=self.terms["places"].get(data.get("find_spot")),
                earliest_year=data.get("earliest_year"),
                latest_year=data.get("latest_year"),
                rights_uri=RightsStatement.PUBLIC_DOMAIN_MARK,
            )
            original = data.get("original_title") or {}
            relic.original_title = original.get("text", "")
            relic.original_title_language = original.get("lang", "")
            set_title_and_slugs(relic, data["title"])
            for field_name in RelicPage.translated_fields():
                if field_name != "title":
                    set_translations(relic, field_name, data.get(field_name))
            for name, value in (data.get("dimensions") or {}).items():
                if value is not None:
                    setattr(relic, name, Decimal(str(value)))
            image = self.illustration(collection, data, large=large)
            gallery_item = RelicImage(image=image)
            set_translations(gallery_item, "caption", self.site["image_caption"])
            set_translations(
                gallery_item,
                "alt_text",
                {
                    lang: template.format(title=data["title"][lang])
                    for lang, template in self.site["image_alt"].items()
                    if lang in data["title"]
                },
            )
            relic.gallery_images = [gallery_item]
            relic.materials = [self.terms["materials"][k] for k in data.get("materials", [])]
            try:
                museum.add_child(instance=relic)
            except ValidationError as error:
                raise DemoDataError(f"{key}: {error}") from error
            publish(relic)
            self.report.add("relics")
        self.relics[key] = relic

    def illustration(self, collection: Collection, data, *, large: bool) -> CollectionImage:
        shape = data.get("illustration", {}).get("shape", "plaque")
        palette = data.get("illustration", {}).get("palette", "stone")
        width, height = illustration_size(shape, large=large, scale=self.image_scale)
        content = render(
            data["title"]["en"], Illustration(shape, palette, width, height), seed=data["accession_number"]
        )
        image = CollectionImage(
            title=data["title"]["en"],
            collection=collection,
            rights_uri=RightsStatement.CC0,
            credit=ILLUSTRATION_ILLUSTRATOR,
            default_alt_text=self.site["image_alt"]["en"].format(title=data["title"]["en"]),
            is_illustration=True,
        )
        filename = f"{slugify(data['accession_number'])}.jpg"
        image.file = ImageFile(BytesIO(content), name=filename)
        image.save()
        self.report.add("images")
        return image

    # -- exhibitions -------------------------------------------------------
    def exhibition(self, index: ExhibitionIndexPage, data) -> None:
        if ExhibitionPage.objects.child_of(index).filter(slug_en=data["slug"]).exists():
            return
        page = ExhibitionPage(
            opening_date=date.fromisoformat(data["opening_date"]),
            closing_date=date.fromisoformat(data["closing_date"]) if data.get("closing_date") else None,
        )
        set_title_and_slugs(page, data["title"], {"en": data["slug"]})
        for field_name in ("subtitle", "introduction"):
            set_translations(page, field_name, data.get(field_name))
        if data.get("hero"):
            page.hero_image = self.relics[data["hero"]].gallery_images.first().image
        set_translations(page, "body", self.streams(data.get("body", {})))
        curators = []
        museums = {m.slug_en: m for m in MuseumPage.objects.all()}
        for curator in data.get("curators", []):
            item = ExhibitionCurator(museum=museums.get(curator.get("museum")))
            set_translations(item, "name", curator["name"])
            set_translations(item, "role", curator.get("role"))
            curators.append(item)
        page.curators = curators
        index.add_child(instance=page)
        publish(page)
        self.report.add("exhibitions")

    def streams(self, bodies: dict) -> dict[str, list[dict]]:
        """Each language's narrative; a block standing where the English one stands, with the same type,
        shares its id, so the translators' workspace pairs each English text with its translation."""
        streams = {lang: self.stream(blocks) for lang, blocks in bodies.items()}
        english = streams.get("en", [])
        for block in english:
            block["id"] = str(uuid.uuid4())
        for lang, stream in streams.items():
            if lang == "en":
                continue
            for position, block in enumerate(stream):
                source = english[position] if position < len(english) else None
                block["id"] = source["id"] if source and source["type"] == block["type"] else str(uuid.uuid4())
        return streams

    def stream(self, blocks) -> list[dict]:
        stream = []
        for block in blocks:
            kind = block["type"]
            if kind == "section":
                value = {"heading": block.get("heading", ""), "text": block["text"]}
            elif kind == "relic_card":
                value = {"relic": self.relics[block["relic"]].pk, "note": block.get("note", "")}
            elif kind == "relic_grid":
                value = {"heading": block.get("heading", ""), "relics": [self.relics[r].pk for r in block["relics"]]}
            elif kind == "quote":
                value = {"quote": block["quote"], "attribution": block.get("attribution", "")}
            else:
                raise DemoDataError(f"Unknown block type {kind!r}")
            stream.append({"type": kind, "value": value})
        return stream

    # -- people ------------------------------------------------------------
    def accounts(self) -> None:
        """Demo accounts and groups; passwords are set only when an account is created."""
        User = get_user_model()
        password = self.password

        def user(username, *, groups=(), superuser=False, admin_language=None):
            nonlocal password
            if User.objects.filter(username=username).exists():
                return
            if password is None:
                password = secrets.token_urlsafe(12)
                self.report.password = password
            account = User(
                username=username, is_superuser=superuser, is_staff=superuser, email=f"{username}@demo.invalid"
            )
            account.set_password(password)
            account.save()
            account.groups.set(groups)
            if admin_language:
                # The admin then speaks the translator's language where Wagtail has it.
                profile = UserProfile.get_for_user(account)
                profile.preferred_language = admin_language
                profile.save(update_fields=["preferred_language"])
            self.report.add("accounts")

        # Groups, page and collection permissions and workflows come from the
        # same code that sets up a museum created in the admin.
        sync_permissions()
        user("admin", superuser=True)
        user("curator", groups=[permissions.curators_group()])
        for museum in MuseumPage.objects.order_by("path").select_related("editors_group", "moderators_group"):
            user(f"editor-{museum.slug_en}", groups=[museum.editors_group])
            user(f"moderator-{museum.slug_en}", groups=[museum.moderators_group])
        for lang in settings.LANGUAGE_CODES:
            if lang == settings.LANGUAGE_CODE:
                continue
            user(
                f"translator-{lang}",
                groups=[Group.objects.get(name=f"{permissions.TRANSLATOR_PREFIX}{lang}")],
                admin_language=lang,
            )
            user(
                f"reviewer-{lang}",
                groups=[Group.objects.get(name=f"{permissions.REVIEWER_PREFIX}{lang}")],
                admin_language=lang,
            )
