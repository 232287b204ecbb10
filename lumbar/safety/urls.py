from django.urls import path

from . import views

app_name = "safety"
urlpatterns = [
    path("", views.gate, name="gate"),
    path("screening/<int:page>/", views.screening_page, name="screening"),
    path("result/<int:pk>/", views.result, name="result"),
    path("assessment/", views.assessment, name="assessment"),
    path("clearance/", views.clearance, name="clearance"),
    path("routine-done/", views.routine_done, name="routine-done"),
    path("flare/", views.flare, name="flare"),
    path("directions/", views.directions, name="directions"),
    path("symptoms/", views.symptoms, name="symptoms"),
]
