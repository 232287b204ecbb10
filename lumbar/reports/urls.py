from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.preview, name="preview"),
    path("report.pdf", views.pdf, name="pdf"),
]
