"""Download and upload of translation files and of the translation memory, in the workspace."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from collections_app.languages import native_name
from translation_workspace import access, files, tmx_memory
from translation_workspace.models import State

#: The largest file accepted (a museum's whole catalogue in one language is a few megabytes).
MAX_UPLOAD = 20 * 1024 * 1024


def _own_language(request, language):
    if language not in access.workspace_languages(request.user):
        raise Http404
    return language


def _scope(request):
    from collections_app.models import ExhibitionPage, MuseumPage

    scope = {}
    for name, model in (("museum", MuseumPage), ("exhibition", ExhibitionPage)):
        value = request.GET.get(name, "")
        if value:
            if not value.isdigit():
                return None
            scope[name] = model.objects.filter(pk=int(value)).first()
            if scope[name] is None:
                return None
    states = [s for s in request.GET.get("state", "").split(",") if s]
    if any(s not in State.values for s in states):
        return None
    scope["states"] = states
    return scope


def export(request, language):
    _own_language(request, language)
    fmt = request.GET.get("format", "po")
    scope = _scope(request)
    if fmt not in files.FORMATS or scope is None:
        return HttpResponseBadRequest(_("Unknown format, museum, exhibition or state."))
    data = files.export(language, fmt, **scope)
    name = f"sco-portal-{language}-{timezone.localdate():%Y%m%d}.{files.EXTENSIONS[fmt]}"
    content_type = "text/x-gettext-translation" if fmt == "po" else "application/x-xliff+xml"
    response = HttpResponse(data, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _read_upload(request):
    upload = request.FILES.get("file")
    if upload is None:
        return None, _("Choose a file to upload.")
    if upload.size > MAX_UPLOAD:
        return None, _("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD // (1024 * 1024)}
    return upload, None


@require_POST
def upload(request, language):
    _own_language(request, language)
    file, problem = _read_upload(request)
    if problem:
        messages.error(request, problem)
        return redirect(reverse("translation_workspace:queue") + f"?lang={language}")
    dry_run = request.POST.get("dry_run") == "1"
    data = file.read()
    report = files.import_file(data, file.name, user=request.user, language=language, dry_run=dry_run)
    status = 200 if report.ok else 400
    return TemplateResponse(
        request,
        "translation_workspace/import_report.html",
        {
            "report": report,
            "language": language,
            "language_name": native_name(language),
            "dry_run": dry_run,
            "filename": file.name,
        },
        status=status,
    )


def memory_export(request, language):
    _own_language(request, language)
    data = tmx_memory.export(language)
    response = HttpResponse(data, content_type="application/x-tmx+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sco-portal-memory-{language}.tmx"'
    return response


@require_POST
def memory_import(request, language):
    _own_language(request, language)
    if not (access.may_translate_language(request.user, language)):
        raise PermissionDenied
    file, problem = _read_upload(request)
    back = redirect(reverse("translation_workspace:queue") + f"?lang={language}")
    if problem:
        messages.error(request, problem)
        return back
    try:
        added, skipped = tmx_memory.import_(file.read(), file.name, languages={language})
    except tmx_memory.FileFormatError as error:
        messages.error(request, _("The memory file was refused: %(error)s") % {"error": error})
        return back
    messages.success(
        request,
        ngettext(
            "%(count)d translation added to the memory (%(skipped)d skipped: other languages or already known).",
            "%(count)d translations added to the memory (%(skipped)d skipped: other languages or already known).",
            added,
        )
        % {"count": added, "skipped": skipped},
    )
    return back
