"""Admin forms that enforce the roles on the server: translators' languages, museums' media.

**Media.** A page may reference only images and documents from collections
the saving user may choose from (their museum's, or every collection for
alliance curators). The chooser shows only those, but the form field would
accept any id; `MediaAccessMixin` checks every image and document a form
newly references, in plain fields, inline rows and StreamField blocks.
References that were already there are left alone, so co-authors of a shared
exhibition can save it with another museum's hero image in place.

**Translators.**

A member of `translators-<code>` (and of no editing group with rights on the
object) gets the usual Wagtail form with every field disabled except the
`<field>_<code>` columns of the translated fields. Django ignores submitted
values of disabled fields and keeps the stored ones, so a crafted POST cannot
change the English source, another language, dates, images or anything
structural; child formsets (gallery images, curators) keep their rows, order
and non-language fields, and adding or removing rows is refused.
"""

from __future__ import annotations

import copy

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks.base import BlockField
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from collections_app import publishing, tree
from collections_app.permissions import translator_languages

# Formsets a translator may still use freely (commenting is not editing).
FREE_FORMSETS = {"comments"}


def translatable_fields(model) -> list[str]:
    try:
        return list(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def language_columns(model, languages) -> set[str]:
    return {build_localized_fieldname(field, lang) for field in translatable_fields(model) for lang in languages}


def _restrict(form: forms.BaseForm, allowed: set[str], keep: frozenset[str] = frozenset()) -> None:
    """Disable every field of `form` but the `allowed` ones and the row bookkeeping in `keep`."""
    for name, field in form.fields.items():
        if name not in allowed and name not in keep:
            field.disabled = True


def _lock_rows(formset) -> None:
    """A translator's rows keep their number, order and identity.

    The row's hidden `id` and `DELETE` inputs stay enabled: browsers do not
    submit disabled inputs, and the formset needs the id to find the row (it
    raises a server error without it). Ordering is switched off before the
    rows are built, so no `ORDER` input is rendered or read; deletion and
    added rows are refused in `clean()`.
    """
    formset.can_order = False
    formset.extra = 0
    formset.__dict__.pop("forms", None)  # rebuild the rows without ORDER fields
    formset.rows_locked = True


class TranslatorRestrictionMixin:
    """Disable every field but the translator's own language columns; refuse structural changes."""

    def _restriction_target(self) -> dict:
        raise NotImplementedError

    def apply_translator_restriction(self) -> None:
        self.translator_languages = translator_languages(getattr(self, "for_user", None), **self._restriction_target())
        if self.translator_languages is None:
            return
        _restrict(self, language_columns(self._meta.model, self.translator_languages))
        for name, formset in getattr(self, "formsets", {}).items():
            if name in FREE_FORMSETS:
                continue
            _lock_rows(formset)
            allowed = language_columns(formset.model, self.translator_languages)
            keep = frozenset({formset.model._meta.pk.name, formset.fk.name, forms.formsets.DELETION_FIELD_NAME})
            for form in formset.forms:
                _restrict(form, allowed, keep)

    def clean(self):
        cleaned = super().clean()
        if getattr(self, "translator_languages", None) is None:
            return cleaned
        for name, formset in getattr(self, "formsets", {}).items():
            if name in FREE_FORMSETS:
                continue
            added = formset.total_form_count() != formset.initial_form_count()
            # A row id that is not one of this object's rows would save as a new row.
            unknown = any(form.instance.pk is None for form in formset.initial_forms)
            if added or unknown or formset.deleted_forms:
                raise ValidationError(
                    _("Translators can change the text of their own language only, not add or remove items.")
                )
        return cleaned


def _media_models() -> tuple:
    return (get_image_model(), get_document_model())


def _pk(value):
    return getattr(value, "pk", value)


def media_in_block(block, value) -> set[tuple]:
    """(model, pk) of every image and document chosen anywhere inside a block value."""
    found: set[tuple] = set()
    if value is None:
        return found
    if isinstance(block, blocks.ChooserBlock):
        if block.target_model in _media_models() and _pk(value) is not None:
            found.add((block.target_model, _pk(value)))
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            found |= media_in_block(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            found |= media_in_block(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            found |= media_in_block(block.child_block, item)
    return found


def _new_media(form: forms.BaseForm) -> dict[str, set[tuple]]:
    """Field name → the (model, pk) media the form's cleaned data adds to what it had."""
    added: dict[str, set[tuple]] = {}
    cleaned = getattr(form, "cleaned_data", {})
    for name, field in form.fields.items():
        if name not in cleaned or field.disabled:
            continue
        if isinstance(field, forms.ModelChoiceField) and field.queryset.model in _media_models():
            new, old = _pk(cleaned[name]), _pk(form.initial.get(name))
            if new is not None and str(new) != str(old):
                added[name] = {(field.queryset.model, new)}
        elif isinstance(field, BlockField):
            new = media_in_block(field.block, cleaned[name])
            initial = form.initial.get(name)
            old = media_in_block(field.block, field.block.to_python(initial) if isinstance(initial, list) else initial)
            if new - old:
                added[name] = new - old
    return added


class MediaAccessMixin:
    """Refuse images and documents from collections the user may not choose from."""

    def clean(self):
        cleaned = super().clean()
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            return cleaned
        forms_to_check = [self]
        for formset in getattr(self, "formsets", {}).values():
            forms_to_check += [form for form in formset.forms if form not in formset.deleted_forms]
        for form in forms_to_check:
            for name, references in _new_media(form).items():
                for model, pk in references:
                    instance = model.objects.filter(pk=pk).select_related("collection").first()
                    policy = policy_registry.get_by_type(model)
                    if instance is None or not policy.user_has_permission_for_instance(user, "choose", instance):
                        form.add_error(
                            name,
                            # Translators: shown when a saved page uses an image or document of another museum.
                            _(
                                "“%(item)s” is in a collection you cannot use. "
                                "Choose one from your museum's collection, or upload it there."
                            )
                            % {"item": instance or pk},
                        )
        return cleaned


class PortalPageForm(MediaAccessMixin, TranslatorRestrictionMixin, WagtailAdminPageForm):
    """The base form of every page type of the portal."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_translator_restriction()

    def clean(self):
        cleaned = super().clean()
        self.check_slugs_are_free(cleaned)
        if publishing.publishing(self.data) and not self.errors:
            self.check_publishable(cleaned)
        return cleaned

    def check_publishable(self, cleaned) -> None:
        """Refuse "Publish" and "Approve" with the reasons (e.g. an exhibition's required languages)."""
        candidate = copy.copy(self.instance)
        construct_instance(self, candidate, fields=[name for name in cleaned if name in self.fields])
        for problem in publishing.problems(candidate):
            self.add_error(None, problem)

    def check_slugs_are_free(self, cleaned) -> None:
        """Every language's slug unique among the page's siblings, fallbacks included, in one query.

        Replaces wagtail-modeltranslation's form check, which loaded every
        sibling (see `collections_app.tree`).
        """
        stored = {lang: getattr(self.instance, tree.slug_column(lang), None) for lang in settings.LANGUAGE_CODES}
        wanted = {
            lang: cleaned.get(tree.slug_column(lang)) if tree.slug_column(lang) in self.fields else value
            for lang, value in stored.items()
        }
        wanted, stored = tree.effective_slugs(wanted), tree.effective_slugs(stored)
        if self.instance.pk is not None:  # only what this save changes: an old clash is not the editor's to fix
            wanted = {lang: slug for lang, slug in wanted.items() if slug != stored.get(lang)}
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        for lang in tree.slug_clashes(wanted, parent, exclude_pk=self.instance.pk):
            column = tree.slug_column(lang)
            if column in self.fields and not self.fields[column].disabled:
                self.add_error(column, tree.SLUG_IN_USE)
            else:
                self.add_error(None, tree.SLUG_IN_USE)

    def _restriction_target(self):
        return {"page": self.instance if self.instance.pk else self.parent_page}


class PortalSnippetForm(TranslatorRestrictionMixin, WagtailAdminModelForm):
    """The base form of the vocabulary snippets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_translator_restriction()

    def _restriction_target(self):
        return {"model": self._meta.model}
