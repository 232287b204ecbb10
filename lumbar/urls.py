from django.urls import include, path

urlpatterns = [
    path("", include("lumbar.practice.urls")),
    path("poses/", include("lumbar.content.urls")),
    path("accounts/", include("lumbar.accounts.urls")),
]
