from django.apps import AppConfig


class CourseConfig(AppConfig):
    name = "lumbar.course"
    label = "course"
