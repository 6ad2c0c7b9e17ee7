"""Re-apply the portal's groups, permissions, collections and workflows."""

from django.core.management.base import BaseCommand

from collections_app.permissions import sync_permissions


class Command(BaseCommand):
    help = (
        "Create or repair every museum's collection, editors' and moderators' groups and moderation "
        "workflow, the exhibition approval workflow, the alliance curators' and the translators' groups. "
        "Idempotent: grants what is missing, never removes anything."
    )

    def handle(self, *args, **options):
        sync_permissions()
        self.stdout.write(self.style.SUCCESS("Permissions are in place."))
