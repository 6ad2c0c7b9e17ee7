"""The glossary: how the portal already names things, per language.

The vocabularies (object types, materials, cultures, places), the museums'
names and the member states' names are the glossary; the team's fixed
terminology decisions (`qa.HOUSE_TERMS`, e.g. one name for the alliance per
language) come on top, with the variants that must not come back. A term is
offered when the English source contains it; QA checks that the target uses
its approved rendering.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from collections_app.countries import COUNTRY_CHOICES
from translation_workspace.qa import HOUSE_TERMS, GlossaryTerm


def terms(language: str) -> list[GlossaryTerm]:
    """Every glossary entry for `language`: approved rendering ("" when the portal has none yet)."""
    from collections_app.models import VOCABULARIES, MuseumPage

    column = build_localized_fieldname("name", language)
    entries: list[GlossaryTerm] = list(HOUSE_TERMS.get(language, ()))
    for model in VOCABULARIES:
        kind = str(model._meta.verbose_name)
        for english, target in model.objects.values_list("name_en", column):
            if english:
                entries.append(GlossaryTerm(english, target or "", kind))
    title = build_localized_fieldname("title", language)
    for english, target in MuseumPage.objects.values_list("title_en", title):
        if english:
            entries.append(GlossaryTerm(english, target or "", _("museum")))
    with translation.override("en"):
        english_names = [(code, str(name)) for code, name in COUNTRY_CHOICES]
    with translation.override(language):
        for (_code, english), (_same, name) in zip(english_names, COUNTRY_CHOICES, strict=True):
            rendering = str(name)
            entries.append(GlossaryTerm(english, rendering if rendering != english else "", _("country")))
    # A house decision overrides what the content says for the same English term.
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.source.lower() not in seen:
            seen.add(entry.source.lower())
            unique.append(entry)
    return unique
