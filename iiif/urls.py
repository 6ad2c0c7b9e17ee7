"""IIIF Image API 3.0 URLs, included at /iiif/ in portal/urls.py: /iiif/3/<image id>/…"""

from django.urls import path

from iiif import views

app_name = "iiif"

urlpatterns = [
    path("3/<str:identifier>", views.base, name="base"),
    path("3/<str:identifier>/info.json", views.info, name="info"),
    path("3/<str:identifier>/<str:region>/<str:size>/<str:rotation>/<str:quality_format>", views.image, name="image"),
]
