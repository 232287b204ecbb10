from django.urls import path, re_path

from . import views

app_name = "studio"
urlpatterns = [
    path("", views.studio, name="studio"),
    path("material/", views.upload_material, name="upload"),
    path("material/<int:pk>/", views.material_file, name="material"),
    path("material/<int:pk>/delete/", views.delete_material, name="material-delete"),
    path("booking/", views.booking, name="booking"),
    path("classes/", views.add_class, name="class-add"),
    path("classes/<int:pk>/delete/", views.delete_class, name="class-delete"),
    path("calendar/", views.calendar_page, name="calendar"),
    re_path(r"^calendar/(?P<key>[A-Za-z0-9_-]{20,100})\.ics$", views.calendar_feed, name="calendar-feed"),
]
