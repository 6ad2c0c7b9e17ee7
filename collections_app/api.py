"""The Wagtail API v2, answering in the language the client asks for.

`?lang=<code>` chooses the language (`zh-hans`, `kk`, also `zh-CN`-style
variants); without it the `Accept-Language` header decides, then English.
Every translated field, `title` and `meta.html_url` included, comes out in
that language with the portal's fallback chain. An unknown `lang` is a 400.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from collections_app.languages import normalise


class LanguageAPIMixin:
    def initial(self, request, *args, **kwargs):
        requested = request.GET.get("lang")
        if requested is not None:
            language = normalise(requested)
            if language is None:
                raise BadRequestError(
                    f"lang={requested} is not one of this portal's languages: {', '.join(settings.LANGUAGE_CODES)}"
                )
        else:
            language = translation.get_language_from_request(request) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept-Language"])
        return response


class LocalizedPagesAPIViewSet(LanguageAPIMixin, PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["lang"])


class LocalizedImagesAPIViewSet(LanguageAPIMixin, ImagesAPIViewSet):
    """Only images the public site shows: a museum's unpublished photographs stay private."""

    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(["lang"])
    body_fields = [*ImagesAPIViewSet.body_fields, "rights_uri", "credit", "is_illustration"]

    def get_queryset(self):
        return super().get_queryset().publicly_shown()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
api_router.register_endpoint("images", LocalizedImagesAPIViewSet)
