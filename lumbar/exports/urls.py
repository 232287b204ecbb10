from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [
    path("", views.your_data, name="your_data"),
    path("download/", views.download, name="download"),
    path("delete/", views.delete, name="delete"),
    path("deleted/", views.deleted, name="deleted"),
]
