"""`import_translations FILE [--dry-run] [--user NAME]`: all or nothing, with a report."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translation_workspace import files


class Command(BaseCommand):
    help = "Import a translated PO or XLIFF file: validated whole first, then one draft revision per page or term."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check the file and report, change nothing")
        parser.add_argument("--user", help="the account the revisions are saved as (and whose permissions apply)")

    def handle(self, *args, file, dry_run, user, **options):
        account = None
        if user:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"No user “{user}”.")
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        report = files.import_file(data, file, user=account, dry_run=dry_run)
        for unit_id, label, message in report.warnings:
            self.stderr.write(f"warning: {label} ({unit_id}): {message}")
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"error: {error}")
            raise CommandError(f"{file} refused: {len(report.errors)} error(s), nothing was imported.")
        verb = "Checked (nothing changed)" if dry_run else "Imported"
        self.stdout.write(f"{verb}: {report.language}, {report.summary() or 'no units'}.")
