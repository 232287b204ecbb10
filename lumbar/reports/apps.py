from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lumbar.reports"
    label = "reports"
