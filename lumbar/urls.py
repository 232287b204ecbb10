from django.urls import include, path

urlpatterns = [
    path("", include("lumbar.practice.urls")),
    path("poses/", include("lumbar.content.urls")),
    path("accounts/data/", include("lumbar.exports.urls")),
    path("accounts/", include("lumbar.accounts.urls")),
    path("safety/", include("lumbar.safety.urls")),
    path("journal/", include("lumbar.journal.urls")),
    path("programme/", include("lumbar.programmes.urls")),
    path("clients/", include("lumbar.teaching.urls")),
    path("studio/", include("lumbar.studio.urls")),
]
