from django.urls import path

from . import home_views, views

app_name = "practice"
urlpatterns = [
    path("", home_views.home, name="home"),
    path("about/", home_views.about, name="about"),
    path("session/<slug:slug>/", views.start, name="start"),
    path("session/<slug:slug>/play/", views.play, name="play"),
    path("session/<slug:slug>/log/", views.log, name="log"),
    path("history/<int:pk>/", views.session_detail, name="session"),
]
