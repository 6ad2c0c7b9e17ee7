"""Search-index plumbing for translated fields.

wagtail-modeltranslation adds one `SearchField` per language to page models
only, and indexes an empty translation as the word "None" (so a search for
"None" finds every page). Here every registered model, snippets included,
gets a search and autocomplete field per language, and an empty translation
is indexed as nothing.

A translated field's original name (`description`) is not indexed beside its
eleven columns: it reads through modeltranslation's fallback descriptor, so
it would only repeat one language's text, and it costs the most of any field
to index. `title` is the exception: Wagtail requires it on every page model
and ranks matches in it first.
"""

from django.core.exceptions import FieldDoesNotExist
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.search import index

from collections_app.languages import language_codes

_MISSING = object()


class EmptyAsNothing:
    """An empty column contributes nothing (RichTextField would index it as ["None"]).

    The column's raw value is read straight from the instance: an empty
    translation (most of them) costs no field lookup at all.
    """

    def get_value(self, obj):
        raw = obj.__dict__.get(self.field_name, _MISSING)
        if raw is _MISSING:
            try:
                raw = self.get_field(obj.__class__).value_from_object(obj)
            except FieldDoesNotExist:
                raw = getattr(obj, self.field_name, None)
        if raw is None or raw == "":
            return ""
        return super().get_value(obj)


class LocalizedSearchField(EmptyAsNothing, index.SearchField):
    pass


class LocalizedAutocompleteField(EmptyAsNothing, index.AutocompleteField):
    pass


def _kind(field):
    if isinstance(field, index.SearchField):
        return index.SearchField
    if isinstance(field, index.AutocompleteField):
        return index.AutocompleteField
    return None


_instances: dict[tuple, index.BaseField] = {}


def _localized(field, field_name):
    """One shared instance per (kind, name, options): Wagtail's check that page
    models keep Page's core search fields compares them by identity."""
    kind = _kind(field)
    boost = field.boost if kind is index.SearchField else None
    key = (kind, field_name, boost, tuple(sorted(field.kwargs.items())))
    if key not in _instances:
        if kind is index.SearchField:
            _instances[key] = LocalizedSearchField(field_name, boost=boost, **field.kwargs)
        else:
            _instances[key] = LocalizedAutocompleteField(field_name, **field.kwargs)
    return _instances[key]


def localize_search_fields() -> None:
    """Give every translated search or autocomplete field one localized copy per language."""
    languages = language_codes()
    for model in translator.get_registered_models():
        if not issubclass(model, index.Indexed):
            continue
        translated = set(translator.get_options_for_model(model).all_fields)
        localized_names = {build_localized_fieldname(name, lang) for name in translated for lang in languages}
        fields, seen = [], set()

        def add(field, fields=fields, seen=seen):
            key = (_kind(field), field.field_name)
            if key not in seen:
                seen.add(key)
                fields.append(field)

        for field in model.search_fields:
            if _kind(field) is None:
                fields.append(field)
            elif field.field_name in localized_names:
                add(_localized(field, field.field_name))
            elif field.field_name in translated:
                if field.field_name == "title":
                    add(field)
                for lang in languages:
                    add(_localized(field, build_localized_fieldname(field.field_name, lang)))
            else:
                add(field)
        model.search_fields = fields
