from django.urls import path, re_path

from . import views

app_name = "reminders"
urlpatterns = [
    path("", views.reminders_page, name="reminders"),
    path("push/", views.push_subscription, name="push"),
    re_path(r"^calendar/(?P<key>[A-Za-z0-9_-]{20,100})\.ics$", views.calendar_feed, name="feed"),
]
