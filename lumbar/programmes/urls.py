from django.urls import path

from . import play_views, sequence_views, views

app_name = "programmes"
urlpatterns = [
    path("", views.programme, name="programme"),
    path("intake/", views.intake, name="intake"),
    path("intake/<int:screen>/", views.intake, name="intake-screen"),
    path("resume/", views.resume, name="resume"),
    path("play/", play_views.play_programme, name="play"),
    path("log/<int:number>/", play_views.log_programme, name="log"),
    path("done/<int:pk>/", views.done_session, name="done"),
    path("check/", views.direction_check, name="check"),
    path("check/<slug:direction>/", views.answer_check, name="check-answer"),
    path("check/<slug:direction>/play/", play_views.play_check, name="check-play"),
    path("check/<slug:direction>/log/", play_views.log_check, name="check-log"),
    path("sequences/", sequence_views.sequence_list, name="sequences"),
    path("sequences/new/", sequence_views.sequence_new, name="sequence-new"),
    path("sequences/<int:pk>/", sequence_views.sequence_edit, name="sequence-edit"),
    path("sequences/<int:pk>/delete/", sequence_views.sequence_delete, name="sequence-delete"),
    path("sequences/<int:pk>/play/", play_views.play_sequence, name="sequence-play"),
    path("sequences/<int:pk>/log/", play_views.log_sequence, name="sequence-log"),
]
