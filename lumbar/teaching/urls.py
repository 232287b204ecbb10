from django.urls import path

from . import sharing, views

app_name = "teaching"
urlpatterns = [
    path("", views.clients, name="clients"),
    path("sharing/", sharing.sharing, name="sharing"),
    path("sharing/<int:teacher>/", sharing.change_sharing, name="sharing-change"),
    path("<int:client>/", views.client_detail, name="client"),
    path("<int:client>/assign/", views.assign, name="assign"),
    path("<int:client>/programme/", views.adjust, name="adjust"),
    path("<int:client>/reset-link/", views.reset_link, name="reset-link"),
]
