"""IIIF URLs, included at /iiif/ in portal/urls.py: the Image API under /iiif/3/<image id>/…, the
Presentation API's manifests and collections under /iiif/<relic|exhibition|museum>/<page id>/…"""

from django.urls import path

from iiif import presentation_views, views

app_name = "iiif"

urlpatterns = [
    path("3/<str:identifier>", views.base, name="base"),
    path("3/<str:identifier>/info.json", views.info, name="info"),
    path("3/<str:identifier>/<str:region>/<str:size>/<str:rotation>/<str:quality_format>", views.image, name="image"),
    path("relic/<int:pk>/manifest", presentation_views.relic_manifest, name="relic_manifest"),
    path("exhibition/<int:pk>/collection", presentation_views.exhibition_collection, name="exhibition_collection"),
    path("museum/<int:pk>/collection", presentation_views.museum_collection, name="museum_collection"),
]
