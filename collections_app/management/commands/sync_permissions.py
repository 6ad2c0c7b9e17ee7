"""Re-apply the portal's groups, permissions, collections and workflows."""

from django.core.management.base import BaseCommand

from collections_app.signals import sync_permissions


class Command(BaseCommand):
    help = (
        "Create or repair every museum's collection, editors' and moderators' groups and moderation "
        "workflow, the exhibition approval workflow, the alliance curators' and the translators' groups. "
        "Idempotent: grants what is missing and removes collection permissions a role no longer has."
    )

    def handle(self, *args, **options):
        sync_permissions()
        self.stdout.write(self.style.SUCCESS("Permissions are in place."))
