from django.urls import path

from . import views

app_name = "practice"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("session/<slug:slug>/", views.start, name="start"),
    path("session/<slug:slug>/play/", views.play, name="play"),
    path("session/<slug:slug>/log/", views.log, name="log"),
    path("history/<int:pk>/", views.session_detail, name="session"),
]
