"""The workspace's pages in the Wagtail admin: progress and queue, the side-by-side editor, review.

Every view asks `access` on the server; a language outside the user's is a 404
in the queue and a 403 when writing, as in the page editor.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from collections_app.l10n import format_date
from collections_app.languages import is_rtl, native_name
from translation_workspace import access, diff, editing, glossary, markup, memory, progress, qa, units
from translation_workspace.models import State, Translation, TranslationUnit

#: The reference language shown beside the source, per target language; others may ask for zh-hans and ru.
REFERENCE = {"kk": ("ru",), "ky": ("ru",), "tg": ("ru",), "uz": ("ru",), "be": ("ru",)}
OPTIONAL_REFERENCES = ("zh-hans", "ru")
PER_PAGE = 25


def _language(request, languages, value=None) -> str:
    code = value or request.GET.get("lang") or (languages[0] if languages else "")
    if code not in languages:
        raise Http404(_("This language is not one of yours."))
    return code


def _int_or_none(value):
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def queue(request):
    languages = access.workspace_languages(request.user)
    if not languages:
        raise PermissionDenied
    language = _language(request, languages)
    kind = request.GET.get("state") or ("review" if access.may_review(request.user, language) else "todo")
    if kind not in progress.QUEUE_STATES:
        return HttpResponseBadRequest(_("Unknown state."))
    from collections_app.models import ExhibitionPage, MuseumPage

    museum_id, exhibition_id = _int_or_none(request.GET.get("museum")), _int_or_none(request.GET.get("exhibition"))
    museum = MuseumPage.objects.filter(pk=museum_id).first() if museum_id else None
    exhibition = ExhibitionPage.objects.filter(pk=exhibition_id).first() if exhibition_id else None
    rows = progress.queue(language, kind=kind, museum=museum, exhibition=exhibition)
    paginator = Paginator(rows, PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    items = _describe_rows(list(page.object_list), language)
    return TemplateResponse(
        request,
        "translation_workspace/queue.html",
        {
            "language": language,
            "languages": [(code, native_name(code)) for code in languages],
            "kind": kind,
            "kinds": _kinds(request.user, language),
            "site": progress.per_language(languages),
            "museums": progress.per_museum(languages),
            "exhibitions": progress.per_exhibition(languages),
            "museum_choices": MuseumPage.objects.order_by("path"),
            "exhibition_choices": progress.current_exhibitions(),
            "museum": museum,
            "exhibition": exhibition,
            "items": items,
            "page_obj": page,
            "paginator": paginator,
            "may_review": access.may_review(request.user, language),
        },
    )


def _kinds(user, language):
    kinds = [
        ("todo", _("To translate")),
        ("stale", _("Stale")),
        ("missing", _("Missing")),
        ("returned", _("Sent back")),
    ]
    if access.may_review(user, language):
        kinds.insert(0, ("review", _("To review")))
    return kinds


def _describe_rows(rows, language):
    by_type: dict[int, list[int]] = {}
    for row in rows:
        by_type.setdefault(row["unit__content_type_id"], []).append(row["unit__object_id"])
    names = {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        for obj in model.objects.filter(pk__in=ids):
            names[(type_id, obj.pk)] = units.describe(obj.specific if isinstance(obj, Page) else obj)
    return [
        {
            **row,
            "name": names.get((row["unit__content_type_id"], row["unit__object_id"]), "?"),
            "opens_label": format_date(row["opens"]) if row["opens"] and row["opens"] != progress.FAR_FUTURE else "",
            "url": reverse(
                "translation_workspace:edit",
                args=[language, row["unit__content_type_id"], row["unit__object_id"]],
            ),
        }
        for row in rows
    ]


def _rich_tagged(html: str, source: str | None = None) -> str:
    """Rich text as the translator edits it; a translation's links are numbered as in its source."""
    return markup.html_to_tagged(html, numbered_like=source) if html else ""


def _rows(obj, language, references, user, glossary_terms, posted=None, problems=None):
    """One row per unit: source, references, target, state, diff, memory, glossary and QA."""
    stored = {
        t.unit.key: t
        for t in Translation.objects.filter(
            unit__content_type=ContentType.objects.get_for_model(obj), unit__object_id=obj.pk, language=language
        ).select_related("unit", "translated_by", "reviewed_by")
    }
    rows = []
    for value in units.extract(obj):
        show = _rich_tagged if value.rich else (lambda text: text)
        source = show(value.source)
        target = (
            _rich_tagged(value.texts.get(language, ""), value.source) if value.rich else value.texts.get(language, "")
        )
        record = stored.get(value.key)
        state = record.state if record else (State.TRANSLATED if target else State.MISSING)
        shown_target = posted.get(value.key, target) if posted is not None else target
        hits = qa.glossary_hits(source, glossary_terms)
        rows.append(
            {
                "key": value.key,
                "label": value.label,
                "rich": value.rich,
                "source": source,
                "references": [(code, native_name(code), show(value.texts.get(code, ""))) for code in references],
                "target": shown_target,
                "state": state,
                "state_label": State(state).label,
                "record": record,
                "diff": diff.word_diff(show(record.translated_from), source)
                if record and state == State.STALE and record.translated_from
                else None,
                "suggestions": memory.suggestions(value.source, language, exclude_target=value.texts.get(language, "")),
                "glossary": hits,
                "warnings": (problems or {}).get(value.key)
                or (qa.check(source, target, language, glossary_terms) if target else []),
                "lines": max(2, min(12, len(source) // 70 + 1)),
            }
        )
    return rows


def edit(request, language, content_type_id, object_id):
    languages = access.workspace_languages(request.user)
    if language not in languages:
        raise Http404
    obj = editing.load(content_type_id, object_id)
    copy = editing.working_copy(obj)
    may_translate = access.may_translate(request.user, obj, language)
    references = list(REFERENCE.get(language, ()))
    for code in request.GET.getlist("ref"):
        if code in OPTIONAL_REFERENCES and code != language and code not in references:
            references.append(code)
    terms = glossary.terms(language)
    posted, problems = None, None
    if request.method == "POST":
        if not may_translate:
            raise PermissionDenied
        result = _save(request, obj, copy, language, terms)
        if result is None:
            return redirect(request.get_full_path())
        posted, problems = result
    rows = _rows(copy, language, references, request.user, terms, posted, problems)
    workflow = obj.get_workflow() if hasattr(obj, "get_workflow") else None
    return TemplateResponse(
        request,
        "translation_workspace/edit.html",
        {
            "obj": obj,
            "name": units.describe(obj),
            "language": language,
            "language_name": native_name(language),
            "direction": "rtl" if is_rtl(language) else "ltr",
            "rows": rows,
            "references": references,
            "optional_references": [
                (code, native_name(code)) for code in OPTIONAL_REFERENCES if code != language and code not in references
            ],
            "may_translate": may_translate,
            "may_review": access.may_review(request.user, language),
            "locked": editing.locked_for(obj, request.user),
            "workflow": workflow,
            "in_workflow": bool(getattr(obj, "workflow_in_progress", False)),
            "has_warnings": bool(problems) and any(problems.values()),
            "edit_url": _admin_edit_url(obj),
            "queue_url": reverse("translation_workspace:queue") + f"?lang={language}",
        },
    )


def _admin_edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=[obj.pk])


def _save(request, obj, copy, language, terms):
    """Save the changed units; None on success, else (posted texts, problems per key) to show again."""
    values = {value.key: value for value in units.extract(copy)}
    posted, changed, problems = {}, {}, {}
    for key, value in values.items():
        field = f"unit-{key}"
        if field not in request.POST:
            continue
        text = request.POST[field].replace("\r\n", "\n").strip()
        posted[key] = text
        current = value.texts.get(language, "")
        shown = _rich_tagged(current, value.source) if value.rich else current
        if text == shown:
            continue
        source = _rich_tagged(value.source) if value.rich else value.source
        if value.rich and text:
            try:
                stored = markup.tagged_to_html(text, value.source)
            except markup.MarkupError as error:
                problems[key] = [qa.QAWarning("markup", str(error))]
                continue
        else:
            stored = text
        warnings = qa.check(source, text, language, terms)
        if warnings:
            problems[key] = warnings
        changed[key] = stored
    blocking = any(w.code == "markup" and key not in changed for key, ws in problems.items() for w in ws)
    if blocking or (problems and request.POST.get("confirm") != "1"):
        messages.error(
            request,
            _("Nothing was saved. Check the warnings below, then save again to keep the texts as they are.")
            if not blocking
            else _("Nothing was saved: the markup of a rich text does not match its source."),
        )
        return posted, problems
    if not changed:
        messages.info(request, _("No text was changed."))
        return None
    editing.apply(obj, language, changed, request.user, submit=request.POST.get("submit") == "1")
    messages.success(
        request,
        ngettext(
            "%(count)d translation saved as a draft of “%(name)s”.",
            "%(count)d translations saved as a draft of “%(name)s”.",
            len(changed),
        )
        % {"count": len(changed), "name": units.describe(obj)},
    )
    return None


@require_POST
def review(request, language, translation_id):
    if not access.may_review(request.user, language):
        raise PermissionDenied
    translation = get_object_or_404(Translation.objects.select_related("unit"), pk=translation_id, language=language)
    if translation.translated_by_id == request.user.pk:
        raise PermissionDenied(_("A translation is reviewed by someone other than its translator."))
    action = request.POST.get("action")
    if translation.state not in (State.TRANSLATED, State.REVIEWED) or action not in ("accept", "return"):
        return HttpResponseBadRequest(_("Only a current translation can be reviewed."))
    from django.utils import timezone

    if action == "accept":
        translation.reviewed_at, translation.reviewed_by = timezone.now(), request.user
        translation.returned, translation.comment = False, ""
        translation.state = State.REVIEWED
        messages.success(request, _("Marked as reviewed: %(label)s.") % {"label": translation.unit.label})
    else:
        comment = request.POST.get("comment", "").strip()
        if not comment:
            messages.error(request, _("Say what to change when you send a translation back."))
            return _back(request, translation)
        translation.reviewed_at, translation.reviewed_by = None, request.user
        translation.returned, translation.comment = True, comment[:2000]
        translation.state = State.TRANSLATED
        messages.success(request, _("Sent back to the translators: %(label)s.") % {"label": translation.unit.label})
    translation.save()
    return _back(request, translation)


def _back(request, translation):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        unit: TranslationUnit = translation.unit
        target = reverse(
            "translation_workspace:edit", args=[translation.language, unit.content_type_id, unit.object_id]
        )
    return redirect(target)
