"""Page-tree plumbing that wagtail-modeltranslation leaves to the project."""

from django.conf import settings
from django.db.models import F
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

CORE_FIELDS = ("title", "slug", "url_path", "seo_title", "search_description")


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
