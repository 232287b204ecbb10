from django.urls import path

from . import views

app_name = "safety"
urlpatterns = [
    path("", views.gate, name="gate"),
    path("screening/<int:page>/", views.screening_page, name="screening"),
    path("result/<int:pk>/", views.result, name="result"),
    path("clearance/", views.clearance, name="clearance"),
    path("flare/", views.flare, name="flare"),
    path("symptoms/", views.symptoms, name="symptoms"),
]
