from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "lumbar.coach"
    label = "coach"
