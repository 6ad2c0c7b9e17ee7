"""Wagtail imports this module at start-up; each concern registers its own hooks in its own module."""

from staff_admin import cataloguing, exhibitions, picker, records, typography, workflow  # noqa: F401
