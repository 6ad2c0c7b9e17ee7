"""URL map: admin, API and machine files outside the language prefix; every
public page inside `/<lang>/` (i18n_patterns), so `/` redirects visitors to
their Accept-Language.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from collections_app import views
from collections_app.api import api_router
from search import views as search_views
from staff_admin.admin_strings import localized_js_catalog
from staff_admin.views import CheckedDismissiblesView

urlpatterns = [
    # Before Wagtail's own: the same endpoint, refusing malformed bodies with a 400 (staff_admin.views).
    path("admin/dismissibles/", require_admin_access(CheckedDismissiblesView.as_view())),
    # Wagtail's JS catalogue reads only wagtail.admin's locale; this one adds staff_admin's overrides.
    path("admin/jsi18n/", localized_js_catalog, name="staff_admin_javascript_catalog"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("iiif/", include("iiif.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemaps/<slug:section>/<str:language>/<int:number>.xml", views.sitemap_part, name="sitemap_part"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            cache_control(max_age=60 * 60 * 24 * 30, public=True)(serve_static),
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
