from django.urls import path

from . import views, walking_views

app_name = "journal"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("new/", views.new_entry, name="new"),
    path("<int:pk>/edit/", views.edit_entry, name="edit"),
    path("<int:pk>/delete/", views.delete_entry, name="delete"),
    path("<int:pk>/restore/", views.restore_entry, name="restore"),
    path("progress/", views.progress_page, name="progress"),
    path("check-in/", views.weekly_checkin, name="checkin"),
    path("activities/", views.activities, name="activities"),
    path("walking/", walking_views.walking, name="walking"),
    path("morning/", views.morning_waiting, name="morning_waiting"),
    path("morning/<str:day>/", views.morning, name="morning"),
]
