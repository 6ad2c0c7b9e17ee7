"""Shared, translated vocabularies: object type, material, culture/period, place.

Every museum uses the same terms, so a facet or a search in any language means
the same thing. Terms carry an optional authority URI (Getty AAT, Wikidata,
GeoNames) for linked-data exports. Registered as snippets in wagtail_hooks.

A term's name is shown on every museum's pages, so a change goes through the
same draft → approve discipline as a page: saving makes a draft revision,
and the "Vocabulary approval" workflow (alliance curators) publishes it. The
table row always holds the published version, which is all the public site
and the API read.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from collections_app.countries import COUNTRY_CHOICES
from collections_app.forms import PortalSnippetForm


class VocabularyTerm(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """What every vocabulary shares: a translated name, a stable slug and an authority link, moderated."""

    name = models.CharField(pgettext_lazy("vocabulary term", "name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Stable identifier used in URLs and facets; English, lowercase."),
    )
    authority_uri = models.URLField(
        _("authority URI"),
        blank=True,
        help_text=_("The same term in Getty AAT, Wikidata or GeoNames, if known."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("slug"),
        index.FilterField("slug"),
    ]
    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("slug"), FieldPanel("authority_uri")])]
    base_form_class = PortalSnippetForm

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name or self.slug

    @property
    def revisions(self):
        return self._revisions


class ObjectType(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("object type")
        verbose_name_plural = _("object types")


class Material(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")


class Culture(VocabularyTerm):
    """A culture, dynasty or period (Saka, Tang dynasty, Achaemenid…)."""

    earliest_year = models.IntegerField(
        _("earliest year"), null=True, blank=True, help_text=_("Negative numbers are years BCE.")
    )
    latest_year = models.IntegerField(
        _("latest year"), null=True, blank=True, help_text=_("Negative numbers are years BCE.")
    )

    panels = [*VocabularyTerm.panels, FieldRowPanel([FieldPanel("earliest_year"), FieldPanel("latest_year")])]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("culture or period")
        verbose_name_plural = _("cultures and periods")

    def clean(self):
        super().clean()
        validate_year_range(self.earliest_year, self.latest_year)


class Place(VocabularyTerm):
    """A find spot, site or region."""

    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)

    panels = [
        *VocabularyTerm.panels,
        FieldRowPanel([FieldPanel("country"), FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")


def validate_year_range(earliest: int | None, latest: int | None) -> None:
    """Raise a field error an editor understands when the latest year precedes the earliest."""
    if earliest is not None and latest is not None and latest < earliest:
        raise ValidationError(
            {
                # Translators: latest and earliest are years; negative numbers are years BCE.
                "latest_year": _(
                    "The latest year (%(latest)s) is before the earliest year (%(earliest)s). "
                    "Years BCE are negative numbers: 500 BCE is -500."
                )
                % {"latest": latest, "earliest": earliest}
            }
        )


#: The four shared vocabularies, for code that treats them alike (translation, admin, demo data).
VOCABULARIES = (ObjectType, Material, Culture, Place)
