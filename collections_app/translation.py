"""Which fields are translated: every text a reader sees, in all eleven languages.

Identifiers, dates, dimensions and images are shared by all languages. Page
types are registered even when they add no field of their own, as
wagtail-modeltranslation requires. This is the only list of translated
fields: the pages' fallback notices (`BasePage.translated_fields()`), the
search index and the translators' forms read it from here.
"""

from modeltranslation.translator import TranslationOptions, register, translator

from collections_app import models


@register(models.HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro",)


@register(models.MuseumIndexPage)
class MuseumIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(models.ExhibitionIndexPage)
class ExhibitionIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(models.StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(models.MuseumPage)
class MuseumPageTR(TranslationOptions):
    fields = ("city", "about")
    required_languages = ("en",)


@register(models.RelicPage)
class RelicPageTR(TranslationOptions):
    fields = ("period_label", "technique", "dimensions_note", "provenance", "description", "credit_line")


@register(models.RelicImage)
class RelicImageTR(TranslationOptions):
    fields = ("alt_text", "caption")
    required_languages = ("en",)


@register(models.ExhibitionPage)
class ExhibitionPageTR(TranslationOptions):
    fields = ("subtitle", "introduction", "body")


@register(models.ExhibitionCurator)
class ExhibitionCuratorTR(TranslationOptions):
    fields = ("name", "role")
    required_languages = ("en",)


class VocabularyTermTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


for vocabulary in models.VOCABULARIES:
    translator.register(vocabulary, VocabularyTermTR)
