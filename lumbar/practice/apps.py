from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "lumbar.practice"
    label = "practice"
