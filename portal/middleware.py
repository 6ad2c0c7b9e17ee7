"""Project middleware."""

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.translation import gettext_lazy as _

# Paths served outside i18n_patterns: a 404 there is final, not a missing
# language prefix (Wagtail's catch-all makes every /<lang>/… path "valid", so
# Django would otherwise redirect /api/v2/pages/999/ to /en/api/v2/pages/999/).
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/i18n/", "/sitemaps/", "/iiif/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)


class RejectNulMiddleware:
    """Answer 400 to a URL carrying a NUL character, before any view or query sees it.

    `?search=%00` used to reach the database through Wagtail's API and admin
    search (PostgreSQL refuses NUL in text, SQLite reports an unterminated
    string): a 500 for what is a malformed request. Form fields already
    refuse NUL (Django's ProhibitNullCharactersValidator); this covers every
    query string and path, for every view present and to come.
    """

    message = _("The address contains a NUL character, which no page or search accepts.")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"message": str(self.message)}, status=400)
            raise BadRequest(self.message)
        return self.get_response(request)
