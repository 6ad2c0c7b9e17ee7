"""The translatable units of one object, read from and written back to its language columns.

A unit is one text a translator translates: a page field, a field of an
inline row (gallery alt text and captions, curators' names and roles), a text
inside a block of a narrative, or a vocabulary term's name. Which fields are
translated comes from the registry (`collections_app/translation.py`); this
module only walks them. Narratives are one StreamField per language: a block's
texts are units keyed by the English block's id, and a translation is written
into the target language's stream under the same id (the English structure is
copied, texts emptied, the first time a language gets a narrative).
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

SOURCE = settings.LANGUAGE_CODE
#: Page fields inherited from Wagtail that a visitor or a search engine reads.
PAGE_META_FIELDS = ("seo_title", "search_description")
#: Inline rows with translated fields: relation name on the page → row model's fields come from the registry.
INLINE_RELATIONS = ("gallery_images", "curators")
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def fingerprint(text: str | None) -> str:
    """The fingerprint of a text as a translator reads it (surrounding whitespace ignored)."""
    return hashlib.sha1((text or "").strip().encode("utf-8"), usedforsecurity=False).hexdigest()


def target_languages() -> list[str]:
    return [code for code in settings.LANGUAGE_CODES if code != SOURCE]


@dataclass
class UnitValue:
    key: str
    label: str
    rich: bool
    position: int
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.texts.get(SOURCE, "")


def _registered(model) -> tuple[str, ...]:
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def _field_label(model, name: str) -> str:
    return capfirst(str(model._meta.get_field(name).verbose_name))


def _text(value) -> str:
    if value is None:
        return ""
    return str(getattr(value, "source", value)).strip()


def _plain_fields(obj) -> list[str]:
    registered = _registered(type(obj))
    names = [f.name for f in type(obj)._meta.get_fields() if f.name in registered]
    if isinstance(obj, Page):
        names = ["title", *[n for n in names if n not in ("title", "slug", "url_path", *PAGE_META_FIELDS)]]
        names += [n for n in PAGE_META_FIELDS if n in registered]
    return names


def _stream_units(stream_field: StreamField, name: str, raw_by_language: dict[str, list], label: str, start: int):
    """Units of a narrative: one per text child of each English block, keyed by the block's id."""
    units = []
    position = start
    source_blocks = raw_by_language.get(SOURCE) or []
    targets = {lang: {b.get("id"): b for b in raw or []} for lang, raw in raw_by_language.items() if lang != SOURCE}
    for number, block in enumerate(source_blocks, start=1):
        block_def = stream_field.stream_block.child_blocks.get(block.get("type"))
        if block_def is None or not block.get("id"):
            continue
        children = []
        if isinstance(block_def, blocks.StructBlock):
            children = [(n, b) for n, b in block_def.child_blocks.items() if isinstance(b, TEXT_BLOCKS)]
        elif isinstance(block_def, TEXT_BLOCKS):
            children = [(None, block_def)]
        for child_name, child in children:
            value = block["value"].get(child_name) if child_name else block["value"]
            if not _text(value):
                continue
            position += 1
            key = f"{name}:{block['id']}:{child_name}" if child_name else f"{name}:{block['id']}"
            unit = UnitValue(
                key,
                f"{label} · {number}. {capfirst(str(block_def.label))} · {capfirst(str(child.label))}"
                if child_name
                else f"{label} · {number}. {capfirst(str(block_def.label))}",
                isinstance(child, blocks.RichTextBlock),
                position,
                {SOURCE: _text(value)},
            )
            for lang, by_id in targets.items():
                target_block = by_id.get(block["id"])
                if target_block is not None:
                    target_value = target_block["value"].get(child_name) if child_name else target_block["value"]
                    unit.texts[lang] = _text(target_value)
            units.append(unit)
    return units


def _raw_stream(obj, name: str, lang: str) -> list:
    value = getattr(obj, build_localized_fieldname(name, lang), None)
    if value is None:
        return []
    raw = getattr(value, "raw_data", value)
    return list(raw) if raw else []


def extract(obj) -> list[UnitValue]:
    """Every unit of `obj` whose English text is not empty, with its text in each language."""
    languages = list(settings.LANGUAGE_CODES)
    units: list[UnitValue] = []
    position = 0
    model = type(obj)
    for name in _plain_fields(obj):
        model_field = model._meta.get_field(name)
        label = _field_label(model, name)
        if isinstance(model_field, StreamField):
            raw = {lang: _raw_stream(obj, name, lang) for lang in languages}
            stream_units = _stream_units(model_field, name, raw, label, position)
            units += stream_units
            position += len(stream_units)
            continue
        position += 1
        texts = {lang: _text(getattr(obj, build_localized_fieldname(name, lang), "")) for lang in languages}
        if texts[SOURCE]:
            units.append(UnitValue(name, label, isinstance(model_field, RichTextField), position, texts))
    for relation in INLINE_RELATIONS:
        manager = getattr(obj, relation, None)
        if manager is None:
            continue
        rows = list(manager.all())
        for number, row in enumerate(rows, start=1):
            if not row.pk:
                continue
            row_model = type(row)
            for name in _registered(row_model):
                position += 1
                texts = {lang: _text(getattr(row, build_localized_fieldname(name, lang), "")) for lang in languages}
                if texts[SOURCE]:
                    label = f"{capfirst(str(row_model._meta.verbose_name))} {number} · {_field_label(row_model, name)}"
                    units.append(UnitValue(f"{relation}:{row.pk}:{name}", label, False, position, texts))
    return units


def set_text(obj, key: str, language: str, text: str) -> None:
    """Write one unit's text in `language` into `obj` (not saved): a column, an inline row or a narrative block."""
    parts = key.split(":")
    if len(parts) == 1:
        setattr(obj, build_localized_fieldname(key, language), text)
        return
    name = parts[0]
    if name in INLINE_RELATIONS:
        _, row_pk, field_name = parts
        for row in getattr(obj, name).all():
            if str(row.pk) == row_pk:
                setattr(row, build_localized_fieldname(field_name, language), text)
                return
        raise KeyError(key)
    _set_stream_text(obj, name, parts[1], parts[2] if len(parts) > 2 else None, language, text)


def _set_stream_text(obj, name: str, block_id: str, child: str | None, language: str, text: str) -> None:
    stream_field = type(obj)._meta.get_field(name)
    source = _raw_stream(obj, name, SOURCE)
    target = copy.deepcopy(_raw_stream(obj, name, language))
    if not target:
        # The first text of this language's narrative: the English structure with every text emptied,
        # so relic cards and images stand where they stand in English.
        target = [_emptied(stream_field, block) for block in copy.deepcopy(source)]
    by_id = {block.get("id"): block for block in target}
    block = by_id.get(block_id)
    if block is None:
        original = next((b for b in source if b.get("id") == block_id), None)
        if original is None:
            raise KeyError(block_id)
        block = _emptied(stream_field, copy.deepcopy(original))
        # After the nearest English predecessor present in this language, else first.
        source_ids = [b.get("id") for b in source]
        before = source_ids[: source_ids.index(block_id)]
        index = 0
        for position, existing in enumerate(target):
            if existing.get("id") in before:
                index = position + 1
        target.insert(index, block)
    if child:
        block["value"][child] = text
    else:
        block["value"] = text
    setattr(obj, build_localized_fieldname(name, language), stream_field.stream_block.to_python(target))


def _emptied(stream_field: StreamField, block: dict) -> dict:
    block_def = stream_field.stream_block.child_blocks.get(block.get("type"))
    if isinstance(block_def, blocks.StructBlock):
        for child_name, child in block_def.child_blocks.items():
            if isinstance(child, TEXT_BLOCKS) and child_name in block["value"]:
                block["value"][child_name] = ""
    elif isinstance(block_def, TEXT_BLOCKS):
        block["value"] = ""
    return block


def describe(obj) -> str:
    """How the workspace names an object: a page's title, a term's name and vocabulary."""
    if isinstance(obj, Page):
        return obj.get_admin_display_title()
    return _("%(name)s (%(vocabulary)s)") % {"name": obj, "vocabulary": obj._meta.verbose_name}
