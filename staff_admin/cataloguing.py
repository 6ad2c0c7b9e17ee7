"""Cataloguing help in the relic editor.

What an editor notices while describing a relic:

- a duplicate accession number is flagged as soon as it is typed
  (`accession_view`, on top of the form's own refusal on save);
- the years are suggested from the date label (`years_view`, reading
  `staff_admin.dates`), marked as a suggestion the editor can change;
- materials are ticked in a list with a filter box (`TermCheckboxes`), not
  Ctrl-clicked in a multiple select;
- a vocabulary chooser that finds nothing says so in words and offers to
  add the term, or, to those who may not add terms, to suggest it to the
  alliance curators (`suggest_term_view`; the chooser's template is
  `templates/wagtailsnippets/chooser/results.html`).

The relic model imports the panel and widget classes, so this module imports
no model at load time; the views import them when they run.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils import translation
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from modeltranslation.utils import build_localized_fieldname
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.utils import get_admin_base_url

from staff_admin.dates import DateLabelError, Period, parse_date_label

NAMESPACE = "staff_admin_cataloguing"
#: Page and museum ids are database integers: a longer number is malformed, not a server error.
MAX_ID = 2**31 - 1


# --- Widgets and panels of the relic editor --------------------------------------------------


class TermCheckboxes(forms.CheckboxSelectMultiple):
    """Vocabulary terms as a list of checkboxes, with a filter box that the editor script wires up.

    Each box carries the term's names in every language and its slug, so
    typing "бронза" or "bronze" finds the same material whatever language
    the admin is in.
    """

    template_name = "staff_admin/cataloguing/term_checkboxes.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        term = getattr(value, "instance", None)
        if term is not None:
            names = {
                getattr(term, build_localized_fieldname("name", code), "") or "" for code in settings.LANGUAGE_CODES
            }
            option["attrs"]["data-search"] = " ".join(sorted({*names, term.slug} - {""}))
        return option

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        model = getattr(getattr(self.choices, "queryset", None), "model", None)
        vocabulary = model._meta.verbose_name if model is not None else ""
        context["widget"]["filter_label"] = _("Filter the list")
        # Translators: shown under a filtered list of vocabulary terms; keep %(name)s, the text typed.
        context["widget"]["empty_text"] = _("No %(vocabulary)s named “%(name)s” yet.") % {
            "vocabulary": vocabulary,
            "name": "%(name)s",
        }
        return context


class AccessionNumberPanel(FieldPanel):
    """The accession number field, told which museum and relic it belongs to, so the editor script
    can ask whether the museum already uses the number while it is typed."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is None or self.bound_field.field.disabled:
                return
            museum_id = _museum_of(self.instance, self.form)
            if museum_id is not None:
                self.bound_field.field.widget.attrs.update(
                    {"data-cataloguing-museum": museum_id, "data-cataloguing-page": self.instance.pk or ""}
                )


def _museum_of(relic, form) -> int | None:
    if relic.pk is None:
        parent = getattr(form, "parent_page", None)
        return parent.pk if parent is not None else None
    if relic.museum_id:
        return relic.museum_id
    parent = relic.get_parent()
    return parent.pk if parent is not None else None


# --- Years from the date label ---------------------------------------------------------------


def _culture_periods():
    """Every culture or period with both years, by its names in every language (read only if needed)."""
    from collections_app.models import Culture

    name_fields = [build_localized_fieldname("name", code) for code in settings.LANGUAGE_CODES]
    rows = Culture.objects.exclude(earliest_year=None).exclude(latest_year=None).order_by("slug")
    for row in rows.values_list("slug", "earliest_year", "latest_year", *name_fields):
        slug, earliest, latest, *names = row
        yield Period(
            names=(*[name for name in names if name], slug.replace("-", " ")), earliest=earliest, latest=latest
        )


@require_GET
def years_view(request):
    """`?label=…` → `{"earliest": -1300, "latest": -1001, "period": ""}`, or a 400 that says why not."""
    try:
        found = parse_date_label(request.GET.get("label", ""), _culture_periods())
    except DateLabelError as error:
        return JsonResponse({"message": str(error.message)}, status=400)
    return JsonResponse({"earliest": found.earliest, "latest": found.latest, "period": found.period})


# --- Accession numbers already in use --------------------------------------------------------


def _id_parameter(request, name: str, *, required: bool) -> int | None:
    """A page id from the query string; raises ValueError when it is malformed (or missing and required)."""
    raw = request.GET.get(name, "").strip()
    if not raw and not required:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) > MAX_ID:
        raise ValueError(name)
    return int(raw)


@require_GET
def accession_view(request):
    """Whether the museum already has a relic with this accession number (other than the one edited).

    `?museum=<id>&number=…&page=<id or empty>`. Only for users who may edit
    pages in that museum; the existing relic is named (with a link to edit
    it) only to a user who may see it in the admin.
    """
    from collections_app.admin_access import can_explore
    from collections_app.models import MuseumPage, RelicPage

    number = request.GET.get("number", "").strip()
    try:
        museum_id = _id_parameter(request, "museum", required=True)
        page_id = _id_parameter(request, "page", required=False)
    except ValueError:
        return JsonResponse({"message": _("Give the museum and the relic as page numbers.")}, status=400)
    if not number or len(number) > RelicPage._meta.get_field("accession_number").max_length:
        return JsonResponse({"message": _("Give an accession number of at most 64 characters.")}, status=400)
    museum = MuseumPage.objects.filter(pk=museum_id).first()
    if museum is None:
        return JsonResponse({"message": _("There is no such museum.")}, status=404)
    permissions = museum.permissions_for_user(request.user)
    if not (permissions.can_edit() or permissions.can_add_subpage()):
        return JsonResponse({"message": _("You cannot edit this museum's relics.")}, status=403)

    existing = RelicPage.objects.with_accession_number(museum.pk, number).exclude(pk=page_id).first()
    if existing is None:
        return JsonResponse({"taken": False})
    answer = {"taken": True, "message": _("This accession number is already used in this museum.")}
    if can_explore(request.user, [existing.pk]):
        # Translators: followed by the title of the relic that has the number, as a link.
        answer["message"] = _("This museum already has a relic with accession number %(number)s:") % {"number": number}
        answer["relic"] = {"title": existing.get_admin_display_title(), "url": ""}
        if existing.permissions_for_user(request.user).can_edit():
            answer["relic"]["url"] = reverse("wagtailadmin_pages:edit", args=[existing.pk])
    return JsonResponse(answer)


# --- Suggesting a vocabulary term to the curators ---------------------------------------------


def _vocabularies():
    """The vocabularies, by the name of their add view (what the chooser template knows them by)."""
    from collections_app.models.vocabularies import VOCABULARIES

    return {model.snippet_viewset.get_url_name("add"): model for model in VOCABULARIES}


def _curators():
    from collections_app.permissions import CURATORS

    users = get_user_model().objects.filter(groups__name=CURATORS, is_active=True).exclude(email="")
    return users.select_related("wagtail_userprofile").distinct()


def _preferred_language(user) -> str:
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language()


@require_POST
def suggest_term_view(request):
    """E-mail the alliance curators a term the user could not find and may not add.

    Each curator reads it in their own admin language; a reply goes to the
    user who suggested it. `vocabulary` names the vocabulary by the URL name
    of its add view, which is how the chooser's template knows it.
    """
    model = _vocabularies().get(request.POST.get("vocabulary", ""))
    name = " ".join(request.POST.get("name", "").split())  # one line: it goes into the subject
    if model is None or not name or len(name) > model._meta.get_field("name").max_length:
        return JsonResponse({"message": _("Say which term to suggest, in at most 200 characters.")}, status=400)
    by_language: dict[str, list[str]] = {}
    for curator in _curators():
        by_language.setdefault(_preferred_language(curator), []).append(curator.email)
    if not by_language:
        return JsonResponse(
            {
                "message": _(
                    "No alliance curator can be reached by e-mail from the portal yet. "
                    "Ask your museum's moderators to pass the suggestion on."
                )
            },
            status=409,
        )
    user = request.user
    add_url = (get_admin_base_url() or "").rstrip("/") + reverse(model.snippet_viewset.get_url_name("add"))
    context = {
        "name": name,
        "who": user.get_full_name() or user.get_username(),
        "email": user.email,
        "add_url": f"{add_url}?{urlencode({'name': name})}",
    }
    try:
        for language, recipients in by_language.items():
            with translation.override(language):
                context["vocabulary"] = model._meta.verbose_name
                subject = _("Vocabulary suggestion: %(vocabulary)s “%(name)s”") % context
                body = render_to_string("staff_admin/cataloguing/term_suggestion_email.txt", context)
            EmailMessage(subject, body, to=recipients, reply_to=[user.email] if user.email else None).send()
    except OSError:
        return JsonResponse({"message": _("The suggestion could not be sent. Try again later.")}, status=502)
    return JsonResponse({"message": _("Sent to the alliance curators. Thank you!")})


# --- Hooks --------------------------------------------------------------------------------------

urlpatterns = [
    path("years/", years_view, name="years"),
    path("accession/", accession_view, name="accession"),
    path("suggest-term/", suggest_term_view, name="suggest_term"),
]


@hooks.register("register_admin_urls")
def cataloguing_urls():
    return [path("cataloguing/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


@hooks.register("insert_editor_js")
def cataloguing_editor_js():
    """The editor script and what it needs to know: where to ask, and what to say in the user's language."""
    config = {
        "yearsUrl": reverse(f"{NAMESPACE}:years"),
        "accessionUrl": reverse(f"{NAMESPACE}:accession"),
        "vocabularyAddUrls": [reverse(url_name) for url_name in _vocabularies()],
        "text": {
            "suggested": _("Suggested from the date label. Check the years and change them if needed."),
            "notRead": _("The years could not be suggested from the date label:"),
            "edit": _("Edit it"),
            "checking": _("Checking the accession number…"),
            "failed": _("This could not be checked just now."),
        },
    }
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(config, "cataloguing-config"),
        static("staff_admin/js/cataloguing.js"),
    )
