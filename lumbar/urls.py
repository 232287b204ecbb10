from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

urlpatterns = [
    path("", include("lumbar.practice.urls")),
    path("", include("lumbar.offline.urls")),
    path("learn/", include("lumbar.course.urls")),
    path("poses/", include("lumbar.content.urls")),
    path("accounts/data/", include("lumbar.exports.urls")),
    path("accounts/", include("lumbar.accounts.urls")),
    path("safety/", include("lumbar.safety.urls")),
    path("journal/", include("lumbar.journal.urls")),
    path("programme/", include("lumbar.programmes.urls")),
    path("clients/", include("lumbar.teaching.urls")),
    path("studio/", include("lumbar.studio.urls")),
    path("reminders/", include("lumbar.reminders.urls")),
    path("report/", include("lumbar.reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]
