"""/admin/translations/… (registered by `wagtail_hooks.py`)."""

from django.urls import path

from translation_workspace import files_views, views

app_name = "translation_workspace"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<str:language>/<int:content_type_id>/<int:object_id>/", views.edit, name="edit"),
    path("<str:language>/review/<int:translation_id>/", views.review, name="review"),
    path("<str:language>/export/", files_views.export, name="export"),
    path("<str:language>/import/", files_views.upload, name="import"),
    path("memory/<str:language>/export/", files_views.memory_export, name="memory_export"),
    path("memory/<str:language>/import/", files_views.memory_import, name="memory_import"),
]
