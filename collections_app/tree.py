"""Page-tree plumbing that wagtail-modeltranslation leaves to the project, at any size.

wagtail-modeltranslation routes a request and checks slug uniqueness by
loading every sibling and comparing slugs in Python (in each of the eleven
languages, on every save, and once more in the admin form): at 10,000 relics
per museum that is a scan per request. Here the same rules run as indexed
queries, so they cost the same with 50 siblings or 50,000:

- `children_q()`, `descendants_q()`: tree conditions as ranges on the
  indexed `path` column (Wagtail's own `path__startswith` is a LIKE, which
  SQLite cannot answer from an index);
- `child_with_slug()`: routing one URL segment, by the `slug_<lang>` column
  of the requested language, which every portal page has filled along its
  fallback chain (`BasePage.fill_fallback_slugs`);
- `slug_clashes()`: which languages' slugs a page would share with a
  sibling, in one query;
- `ensure_page_indexes()`: the `slug_<lang>` columns are added by
  wagtail-modeltranslation outside migration files, so their indexes are
  created after every `migrate` (post_migrate, see `signals.py`), with one
  on (depth, path): a page's children are a range of paths at one depth,
  while a range on `path` alone also walks every deeper descendant;
- `use_indexed_tree_queries()`: points wagtail-modeltranslation's route,
  model clean and admin form at the above (called from `apps.ready()`).
"""

from __future__ import annotations

import contextlib
import io

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from collections_app.languages import fallback_chain

CORE_FIELDS = ("title", "slug", "url_path", "seo_title", "search_description")
PATH_MAX = Page._meta.get_field("path").max_length
SLUG_IN_USE = _("This slug is already in use")


def ensure_root_translations() -> Page:
    """Fill the per-language columns of pages that predate them; return the tree root.

    wagtail-modeltranslation adds `title_<lang>`, `slug_<lang>`, `url_path_<lang>`…
    to Wagtail's page table after Wagtail's migrations created the root (and
    its placeholder welcome page), so on a fresh database they are empty and
    child url paths come out without a leading slash (`home/relic/` instead of
    `/home/relic/`), which breaks every link built from them. This
    copies the original columns into the English ones and gives the root its
    path in every language, with plain UPDATEs (no save, no signal).
    """
    pages = Page.objects.rewrite(False)
    english = {build_localized_fieldname(name, "en"): F(name) for name in CORE_FIELDS}
    pages.filter(**{f"{build_localized_fieldname('title', 'en')}__isnull": True}).update(**english)
    root_paths = {build_localized_fieldname("url_path", lang): "/" for lang in settings.LANGUAGE_CODES}
    pages.filter(depth=1).update(**root_paths)
    return Page.get_first_root_node()


# --- Tree conditions that use the path index -------------------------------------------


def children_q(page) -> Q:
    return Q(depth=page.depth + 1, path__range=Page._get_children_path_interval(page.path))


def descendants_q(page, inclusive: bool = False) -> Q:
    # Every descendant's path starts with the page's; in the tree's alphabet (0-9, A-Z)
    # those are exactly the paths between it and itself followed by the highest character.
    upper = page.path + Page.alphabet[-1] * (PATH_MAX - len(page.path))
    q = Q(path__range=(page.path, upper))
    return q if inclusive else q & Q(depth__gt=page.depth)


def slug_column(language: str | None = None) -> str:
    return build_localized_fieldname("slug", language or translation.get_language() or settings.LANGUAGE_CODE)


def _by_slug_under(page, column: str, value: str) -> Q:
    """Pages under `page` (children and, by path range, their descendants) with this slug.

    No depth condition in SQL: with one, planners may prefer the (depth, path)
    index and walk every child; the (slug, path) index finds the few candidates,
    and the depth is checked on them.
    """
    return Q(**{column: value}, path__range=Page._get_children_path_interval(page.path))


def child_with_slug(page, slug: str):
    """The child of `page` whose slug in the active language is `slug`, or None (one indexed query)."""
    candidates = Page.objects.filter(_by_slug_under(page, slug_column(), slug)).order_by()
    return next((child for child in candidates[:50] if child.depth == page.depth + 1), None)


def slug_clashes(slugs: dict[str, str], parent, exclude_pk=None) -> list[str]:
    """The languages in which a page with these slugs ({language: slug}) would share a sibling's slug."""
    wanted = {slug_column(lang): value for lang, value in slugs.items() if value}
    if parent is None or not wanted:
        return []
    # Each alternative carries the sibling condition, so each is answered by its own
    # (slug, path) index (SQLite: MULTI-INDEX OR; PostgreSQL: BitmapOr).
    any_clash = Q()
    for column, value in wanted.items():
        any_clash |= _by_slug_under(parent, column, value)
    siblings = Page.objects.filter(any_clash).order_by()
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    clashing = set()
    for row in siblings.values("depth", *wanted)[:100]:
        if row["depth"] == parent.depth + 1:
            clashing |= {column for column, value in wanted.items() if row[column] == value}
    return [lang for lang in settings.LANGUAGE_CODES if slug_column(lang) in clashing]


def effective_slugs(values: dict[str, str | None]) -> dict[str, str]:
    """Each language's slug as it will be stored: its own, or the first of its fallback chain that has one."""
    result = {}
    for lang in settings.LANGUAGE_CODES:
        for candidate in fallback_chain(lang):
            if values.get(candidate):
                result[lang] = values[candidate]
                break
    return result


def validate_translated_slugs(page) -> dict:
    """wagtail-modeltranslation's model-level slug check (`_validate_slugs`), as one indexed query."""
    parent = page.get_parent() if page.path else None
    slugs = effective_slugs({lang: getattr(page, slug_column(lang), None) for lang in settings.LANGUAGE_CODES})
    return {slug_column(lang): SLUG_IN_USE for lang in slug_clashes(slugs, parent, exclude_pk=page.pk)}


# --- Indexes wagtail-modeltranslation does not create ------------------------------------


def ensure_page_indexes(using: str = "default") -> None:
    """Make sure the page table has every `slug_<lang>` column, each with an index, and a
    (depth, path) index for children (idempotent)."""
    # wagtail-modeltranslation adds the columns after Django's migrations; add them now if missing.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("sync_page_translation_fields", interactive=False, verbosity=0)
    quote = connection.ops.quote_name
    table = Page._meta.db_table
    with connection.cursor() as cursor:
        for lang in settings.LANGUAGE_CODES:
            column = slug_column(lang)
            # (slug, path): an equality and a range, which the planner prefers to (depth, path)
            # for routing, whatever statistics it has.
            name = quote(f"portal_page_{column}_path")
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {quote(table)} ({quote(column)}, {quote('path')})")  # noqa: S608
            cursor.execute(
                f"DROP INDEX IF EXISTS {quote(f'portal_page_{column}')}"
            )  # an earlier, single-column version
        name = quote("portal_page_depth_path")
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {quote(table)} ({quote('depth')}, {quote('path')})")  # noqa: S608


# --- Pointing wagtail-modeltranslation at the indexed versions ----------------------------


def use_indexed_tree_queries(page_models) -> None:
    """Replace wagtail-modeltranslation's sibling scans on the portal's page models.

    It assigns its own `route` to every translated page model and wraps
    `clean` and `base_form_class` with sibling scans. The route goes back to
    `BasePage.route`; the model check reads the module function this file
    replaces; the admin form is unwrapped, its check done by `PortalPageForm`.
    """
    from wagtail_modeltranslation import patch_wagtailadmin

    patch_wagtailadmin._validate_slugs = validate_translated_slugs
    for model in page_models:
        model.route = model.portal_route
        form = model.base_form_class
        if form.__name__ == "WagtailFixedAdminPageForm":
            model.base_form_class = form.__bases__[0]
