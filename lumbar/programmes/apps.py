from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "lumbar.programmes"
    label = "programmes"
    verbose_name = "Programmes"
