from django.urls import path

from . import views

app_name = "course"
urlpatterns = [
    path("", views.course, name="index"),
    path("welcome/", views.welcome, name="welcome"),
    path("flare/", views.flare, name="flare"),
    path("<slug:slug>/", views.lesson_page, name="lesson"),
]
