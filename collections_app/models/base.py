"""The abstract page every public page type inherits."""

from functools import cache

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult

from collections_app import publishing, tree
from collections_app.forms import PortalPageForm
from collections_app.languages import fallback_chain, has_value, language_codes, native_name, shown_language


@cache
def _reader_fields(model) -> tuple[str, ...]:
    registered = translator.get_options_for_model(model).fields
    return ("title", *(field.name for field in model._meta.get_fields() if field.name in registered))


def visible(pages: PageQuerySet) -> PageQuerySet:
    """What the public may see of `pages`: live, and not behind a view restriction.

    The one rule for every public page listing, the sitemap, the menu, the
    images the public site shows, and what comes next (search, IIIF, OAI-PMH,
    the translation queue, cache invalidation). Page types use it as
    `RelicPage.objects.visible()`; querysets of Wagtail's own `Page` model
    (the sitemap, the menu) call it directly.
    """
    return pages.live().public()


class PortalPageQuerySet(PageQuerySet):
    def visible(self):
        return visible(self)

    # Wagtail's versions are LIKE 'path%' conditions, which SQLite answers by reading every
    # page; these ranges use the path index (collections_app.tree).
    def descendant_of_q(self, other, inclusive=False):
        return tree.descendants_q(other, inclusive)

    def child_of_q(self, other):
        return tree.children_q(other)

    def from_own_table(self):
        """This queryset, restricted first to the ids of the page type's own (small) table.

        For page types with few rows (museums, indexes, exhibitions): joined to
        the page table and filtered on it (live, path), a planner without
        statistics walks the whole page table, 100,000 relics included, instead
        of reading the ten museums; by id it reads only those rows.
        """
        ids = list(self.model._base_manager.order_by().values_list("pk", flat=True))
        return self.filter(pk__in=ids).order_by()  # callers order it again as they need

    def in_tree_order(self) -> list:
        """The rows in tree order (see `from_own_table`; only for page types with few rows)."""
        return sorted(self.from_own_table(), key=lambda page: page.path)

    def any_one(self):
        """One row or None (see `from_own_table`; only for page types with few rows)."""
        return self.from_own_table().first()


class BasePage(Page):
    """What every page of the portal shares.

    - **Consistent translated slugs.** wagtail-modeltranslation routes a
      Kazakh request through the fallback chain (kk → ru → en) but builds
      `url_path_kk` from `slug_kk` or else the English slug, so links in
      fallback languages 404. Before every validation and save, an empty
      `slug_<lang>` is filled from the first language of its fallback chain
      that has one; stored slugs, built URLs and routing then agree.
    - **Alternates.** `localized_urls()` gives the page's absolute URL in
      each of the eleven languages (hreflang, sitemap, language switcher).
    - **Fallback information.** `translated_fields()` names the text fields a
      visitor reads (the title and what `translation.py` registers for the
      page type); `fallback_languages()` says which of them are shown in
      another language than the requested one.
    """

    objects = PageManager.from_queryset(PortalPageQuerySet)()

    @classmethod
    def translated_fields(cls) -> tuple[str, ...]:
        """The translated fields a visitor reads: the title, then the page type's own fields
        registered in `translation.py`, in the model's order."""
        return _reader_fields(cls)

    base_form_class = PortalPageForm
    #: Open Graph object type of the page.
    og_type = "website"
    #: Field whose text summarises the page for link previews, after search_description.
    summary_field: str | None = None

    @property
    def og_image(self):
        """The image a link preview shows, or None."""
        return None

    def summary_text(self, length: int = 300) -> str:
        """Plain-text summary in the page language: the search description, else the summary field."""
        text = self.search_description or (getattr(self, self.summary_field, "") if self.summary_field else "")
        return Truncator(strip_tags(str(text or "")).strip()).chars(length)

    class Meta:
        abstract = True

    def _set_core_field_defaults(self):
        super()._set_core_field_defaults()
        self.fill_fallback_slugs()

    def save(self, *args, **kwargs):
        # Wagtail copies `title` into `draft_title` (shown in admin listings),
        # and `title` is whatever language the saving user's admin runs in, so
        # listings would show the language of whoever saved last. Keep the
        # English source there: one stable title for every editor.
        english = getattr(self, build_localized_fieldname("title", settings.LANGUAGE_CODE), None)
        if english:
            self.draft_title = english
        return super().save(*args, **kwargs)

    def publish(self, revision, *args, **kwargs):
        """Publish, unless a registered condition is unmet (`collections_app.publishing`): whichever way
        publishing comes (editor, workflow, schedule, shell), the page stays as it was."""
        if publishing.applies(type(self)):
            # Imported here: wagtail.actions imports wagtail.models, which this module's import starts.
            from wagtail.actions.publish_revision import PublishPermissionError

            problems = publishing.problems(revision.as_object())
            if problems:
                raise PublishPermissionError(" ".join(problems))
        return super().publish(revision, *args, **kwargs)

    def fill_fallback_slugs(self) -> None:
        """Give every language without its own slug the slug its fallback chain resolves to."""
        for lang in language_codes():
            field = build_localized_fieldname("slug", lang)
            if has_value(getattr(self, field, None)):
                continue
            for fallback in fallback_chain(lang)[1:]:
                value = getattr(self, build_localized_fieldname("slug", fallback), None)
                if has_value(value):
                    setattr(self, field, value)
                    break

    def localized_urls(self, request=None) -> dict[str, str]:
        """Absolute URL of this page in every portal language, keyed by language code."""
        urls = {}
        for lang in language_codes():
            with translation.override(lang):
                url = self.get_full_url(request)
            if url:
                urls[lang] = url
        return urls

    def fallback_languages(self, language: str | None = None) -> dict[str, str]:
        """Map each translated field shown in a borrowed language to that language."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        borrowed = {}
        for field in self.translated_fields():
            shown = shown_language(self, field, language)
            if shown and shown != language:
                borrowed[field] = shown
        return borrowed

    # --- Preview in any language -------------------------------------------

    @property
    def preview_modes(self):
        """One preview mode per portal language, labelled in that language."""
        return [(code, native_name(code)) for code in language_codes()]

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def serve_preview(self, request, mode_name):
        """Render the draft as a visitor of `mode_name`'s language would read it."""
        language = mode_name if mode_name in language_codes() else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
        response["Content-Language"] = language
        return response

    def route(self, request, path_components):
        """Wagtail's routing, one indexed query per URL segment (see `collections_app.tree`).

        wagtail-modeltranslation replaces `route` on every translated model with a
        version that loads all children; `tree.use_indexed_tree_queries` puts this
        one back (as `portal_route`) when the app is ready.
        """
        if path_components:
            child = tree.child_with_slug(self, path_components[0])
            if child is None:
                raise Http404
            remaining = path_components[1:]
            # Pages passed through need only their route; the page served is loaded whole.
            child = child.specific_deferred if remaining else child.specific
            return child.route(request, remaining)
        if self.live:
            return RouteResult(self)
        raise Http404

    portal_route = route

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fallbacks"] = self.fallback_languages()
        context["fallback_shown_in"] = list(dict.fromkeys(context["fallbacks"].values()))
        return context
