"""The workspace in the Wagtail admin: its URLs and a menu item for those who have a language in it."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from translation_workspace import access, urls


class WorkspaceMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(access.workspace_languages(request.user))


@hooks.register("register_admin_urls")
def register_urls():
    return [path("translations/", include((urls, "translation_workspace"), namespace="translation_workspace"))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return WorkspaceMenuItem(
        _("Translations"), reverse("translation_workspace:queue"), name="translations", icon_name="site", order=150
    )
