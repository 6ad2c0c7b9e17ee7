from django.apps import AppConfig


class StaffAdminConfig(AppConfig):
    name = "staff_admin"
    verbose_name = "Staff admin"
