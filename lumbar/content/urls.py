from django.urls import path

from . import views

app_name = "content"
urlpatterns = [
    path("", views.library, name="library"),
    path("<slug:slug>/", views.pose_detail, name="pose"),
]
