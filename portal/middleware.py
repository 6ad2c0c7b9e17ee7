"""Project middleware."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths served outside i18n_patterns: a 404 there is final, not a missing
# language prefix (Wagtail's catch-all makes every /<lang>/… path "valid", so
# Django would otherwise redirect /api/v2/pages/999/ to /en/api/v2/pages/999/).
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/i18n/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
